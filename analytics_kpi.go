package jxc

import (
	"context"

	"github.com/shopspring/decimal"
)

// LedgerFigures are the ledger's totals and averages over a period, the
// inputs of the KPIs (DOMAIN.md). Averages are means of the daily closing
// balances over the period, read from the maintained daily balances.
type LedgerFigures struct {
	From, To     Date
	Revenue      decimal.Decimal // invoiced net revenue: 6001 credits less debits
	COGS         decimal.Decimal // 6401 debits less credits
	NetIncome    decimal.Decimal // revenue accounts less expense accounts
	AvgInventory decimal.Decimal // 1405
	AvgAR        decimal.Decimal // 1122
	AvgAP        decimal.Decimal // 2202.01

	// From the sales documents.
	UnitsSold           decimal.Decimal // shipped less returned, by posting date
	RatedDeliveries     int             // deliveries rated 1-5 in the period
	SatisfiedDeliveries int             // of those, rated 4 or 5
	LinesDue            int             // order lines promised in the period
	LinesOnTime         int             // of those, shipped complete by the promised date
}

// Days is the number of days in the period, both ends included.
func (f LedgerFigures) Days() int { return f.To.DaysSince(f.From) + 1 }

// KPIs are the case study's figures for one period. A ratio whose
// denominator is zero is nil: "no value", never a made-up zero.
type KPIs struct {
	From, To          Date
	Sales             decimal.Decimal  // invoiced net revenue
	COGS              decimal.Decimal  // cost of goods sold
	GrossProfit       decimal.Decimal  // sales - COGS
	GrossMargin       *decimal.Decimal // gross profit / sales
	NetIncome         decimal.Decimal  // revenue less expenses
	NetMargin         *decimal.Decimal // net income / sales
	AvgInventory      decimal.Decimal
	AvgAR             decimal.Decimal
	AvgAP             decimal.Decimal
	InventoryTurnover *decimal.Decimal // COGS / average inventory, annualised (per year)
	DIO               *decimal.Decimal // average inventory / COGS x days
	DSO               *decimal.Decimal // average AR / revenue x days
	DPO               *decimal.Decimal // average AP / COGS x days
	CashCycle         *decimal.Decimal // DIO + DSO - DPO

	UnitsSold            decimal.Decimal
	UnitCost             *decimal.Decimal // COGS / units sold
	RatedDeliveries      int
	CustomerSatisfaction *decimal.Decimal // share of rated deliveries rated 4 or 5
	LinesDue             int
	FulfilmentRate       *decimal.Decimal // share of order lines shipped complete by their promised date
}

// Scales of KPI results: ratios (margins) 4 decimals, days and turns 2.
const (
	ratioPlaces = 4
	daysPlaces  = 2
)

var daysPerYear = decimal.NewFromInt(365)

// ComputeKPIs applies DOMAIN.md's definitions to the ledger figures.
func ComputeKPIs(f LedgerFigures) KPIs {
	days := decimal.NewFromInt(int64(f.Days()))
	k := KPIs{From: f.From, To: f.To, Sales: f.Revenue, COGS: f.COGS, NetIncome: f.NetIncome,
		AvgInventory: f.AvgInventory, AvgAR: f.AvgAR, AvgAP: f.AvgAP}
	k.GrossProfit = f.Revenue.Sub(f.COGS)
	k.GrossMargin = ratio(k.GrossProfit, f.Revenue, ratioPlaces)
	k.NetMargin = ratio(f.NetIncome, f.Revenue, ratioPlaces)
	k.InventoryTurnover = ratio(f.COGS.Mul(daysPerYear), f.AvgInventory.Mul(days), daysPlaces)
	k.DIO = ratio(f.AvgInventory.Mul(days), f.COGS, daysPlaces)
	k.DSO = ratio(f.AvgAR.Mul(days), f.Revenue, daysPlaces)
	k.DPO = ratio(f.AvgAP.Mul(days), f.COGS, daysPlaces)
	if k.DIO != nil && k.DSO != nil && k.DPO != nil {
		c := k.DIO.Add(*k.DSO).Sub(*k.DPO)
		k.CashCycle = &c
	}
	k.UnitsSold, k.RatedDeliveries, k.LinesDue = f.UnitsSold, f.RatedDeliveries, f.LinesDue
	k.UnitCost = ratio(f.COGS, f.UnitsSold, MoneyPlaces)
	k.CustomerSatisfaction = ratio(decimal.NewFromInt(int64(f.SatisfiedDeliveries)), decimal.NewFromInt(int64(f.RatedDeliveries)), ratioPlaces)
	k.FulfilmentRate = ratio(decimal.NewFromInt(int64(f.LinesOnTime)), decimal.NewFromInt(int64(f.LinesDue)), ratioPlaces)
	return k
}

// ratio is num/den rounded half-up to places, or nil when den is zero.
func ratio(num, den decimal.Decimal, places int32) *decimal.Decimal {
	if den.IsZero() {
		return nil
	}
	r := DivRound(num, den, places)
	return &r
}

// Growth is (current - previous) / previous to 4 decimals, or nil without a previous value.
func Growth(current, previous decimal.Decimal) *decimal.Decimal {
	return ratio(current.Sub(previous), previous, ratioPlaces)
}

// KPIService computes KPIs from the ledger's maintained balances, so a
// year costs the same at two million journal lines as at a thousand.
type KPIService interface {
	// Report computes the KPIs of a period and, when compareFrom and
	// compareTo are both given, of the comparison period and the change.
	Report(ctx context.Context, from, to Date, compareFrom, compareTo *Date) (*KPIReport, error)
	// PeriodSummary is the month-end summary stored when the period closed.
	PeriodSummary(ctx context.Context, year, month int) (*PeriodSummary, error)
}

// KPIReport is the KPI table: a period, optionally a comparison period,
// and the sales growth between them.
type KPIReport struct {
	Current     *KPIs
	Comparison  *KPIs
	SalesGrowth *decimal.Decimal
}

// PeriodSummary is the month-end summary computed and stored when a fiscal
// period is closed.
type PeriodSummary struct {
	Year, Month int
	KPIs        KPIs
	ComputedAt  string
	// Stale: the period was reopened after this summary was computed, so
	// the books may no longer be what it states; closing again recomputes it.
	Stale bool
}

// ValidatePeriodRange checks a KPI date range.
func ValidatePeriodRange(from, to Date, fromField, toField string) error {
	var es Errors
	if from.IsZero() {
		es.Add(EINVALID, fromField, "a start date is required")
	}
	if to.Before(from) {
		es.Add(EINVALID, toField, "the end date %s is before the start date %s", to, from)
	} else if to.DaysSince(from) > 366*5 {
		es.Add(EINVALID, toField, "a period may span at most 5 years")
	}
	return es.Err()
}
