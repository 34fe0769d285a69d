package jxc

import (
	"context"

	"github.com/shopspring/decimal"
)

// LedgerFigures are the ledger's totals over a period, the inputs of the
// KPIs (DOMAIN.md). An average balance is the mean of the daily closing
// balances over the period; the figures keep their sum over the days
// (mean x days), read from the maintained daily balances, which is exact
// where the mean itself has no finite decimal.
type LedgerFigures struct {
	From, To      Date
	Revenue       decimal.Decimal // invoiced net revenue: 6001 credits less debits
	COGS          decimal.Decimal // 6401 debits less credits
	NetIncome     decimal.Decimal // revenue accounts less expense accounts
	InventoryDays decimal.Decimal // 1405: sum of the daily closing balances
	ARDays        decimal.Decimal // 1122: sum of the daily closing balances
	APDays        decimal.Decimal // 2202.01: sum of the daily closing balances

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
// denominator is zero is nil: "no value", never a made-up zero. Each
// derived figure is computed from the unrounded ledger figures and rounded
// once, to its stated places (KPIPlaces); Exact holds the same figures to
// ExactPlaces for analysts who aggregate them further.
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

	// Exact is nil in a month-end summary stored before it was kept.
	Exact *ExactKPIs
}

// ExactKPIs are the derived KPIs to ExactPlaces decimals, each rounded once
// from the ledger figures (never from the rounded KPIs).
type ExactKPIs struct {
	AvgInventory, AvgAR, AvgAP decimal.Decimal
	GrossMargin, NetMargin     *decimal.Decimal
	InventoryTurnover          *decimal.Decimal
	DIO, DSO, DPO, CashCycle   *decimal.Decimal
	UnitCost                   *decimal.Decimal
	CustomerSatisfaction       *decimal.Decimal
	FulfilmentRate             *decimal.Decimal
}

// Places of KPI results: ratios (margins, shares) 4 decimals, days and
// turns 2, a unit cost 6 as unit costs are kept (money.go), averages of
// balances 2 as money; exact figures 16.
const (
	ratioPlaces = 4
	daysPlaces  = 2
	ExactPlaces = 16
)

var daysPerYear = decimal.NewFromInt(365)

// fraction is a KPI as the quotient of ledger figures, before any rounding.
type fraction struct{ num, den decimal.Decimal }

// at is the fraction rounded half-up to places, or nil when den is zero.
func (q fraction) at(places int32) *decimal.Decimal { return ratio(q.num, q.den, places) }

// ComputeKPIs applies DOMAIN.md's definitions to the ledger figures. With
// S the sum of a balance's daily closing values over the period's days,
// average = S / days, so DIO = S(inventory) / COGS, DSO = S(AR) / revenue,
// DPO = S(AP) / COGS and the cash conversion cycle, DIO + DSO - DPO, is the
// single fraction (S(inv) - S(AP)) / COGS + S(AR) / revenue, rounded once:
// the sum of the rounded parts may differ from it by a cent of a day.
func ComputeKPIs(f LedgerFigures) KPIs {
	days := decimal.NewFromInt(int64(f.Days()))
	k := KPIs{From: f.From, To: f.To, Sales: f.Revenue, COGS: f.COGS, NetIncome: f.NetIncome,
		UnitsSold: f.UnitsSold, RatedDeliveries: f.RatedDeliveries, LinesDue: f.LinesDue}
	k.GrossProfit = f.Revenue.Sub(f.COGS)
	avgInv, avgAR, avgAP := fraction{f.InventoryDays, days}, fraction{f.ARDays, days}, fraction{f.APDays, days}
	gross := fraction{k.GrossProfit, f.Revenue}
	net := fraction{f.NetIncome, f.Revenue}
	turnover := fraction{f.COGS.Mul(daysPerYear), f.InventoryDays}
	dio := fraction{f.InventoryDays, f.COGS}
	dso := fraction{f.ARDays, f.Revenue}
	dpo := fraction{f.APDays, f.COGS}
	var cycle fraction // zero den (no value) unless both COGS and revenue are
	if !f.COGS.IsZero() && !f.Revenue.IsZero() {
		cycle = fraction{f.InventoryDays.Sub(f.APDays).Mul(f.Revenue).Add(f.ARDays.Mul(f.COGS)), f.COGS.Mul(f.Revenue)}
	}
	unitCost := fraction{f.COGS, f.UnitsSold}
	satisfaction := fraction{decimal.NewFromInt(int64(f.SatisfiedDeliveries)), decimal.NewFromInt(int64(f.RatedDeliveries))}
	fulfilment := fraction{decimal.NewFromInt(int64(f.LinesOnTime)), decimal.NewFromInt(int64(f.LinesDue))}

	k.AvgInventory, k.AvgAR, k.AvgAP = *avgInv.at(MoneyPlaces), *avgAR.at(MoneyPlaces), *avgAP.at(MoneyPlaces)
	k.GrossMargin, k.NetMargin = gross.at(ratioPlaces), net.at(ratioPlaces)
	k.InventoryTurnover = turnover.at(daysPlaces)
	k.DIO, k.DSO, k.DPO, k.CashCycle = dio.at(daysPlaces), dso.at(daysPlaces), dpo.at(daysPlaces), cycle.at(daysPlaces)
	k.UnitCost = unitCost.at(UnitCostPlaces)
	k.CustomerSatisfaction, k.FulfilmentRate = satisfaction.at(ratioPlaces), fulfilment.at(ratioPlaces)
	k.Exact = &ExactKPIs{
		AvgInventory: *avgInv.at(ExactPlaces), AvgAR: *avgAR.at(ExactPlaces), AvgAP: *avgAP.at(ExactPlaces),
		GrossMargin: gross.at(ExactPlaces), NetMargin: net.at(ExactPlaces), InventoryTurnover: turnover.at(ExactPlaces),
		DIO: dio.at(ExactPlaces), DSO: dso.at(ExactPlaces), DPO: dpo.at(ExactPlaces), CashCycle: cycle.at(ExactPlaces),
		UnitCost: unitCost.at(ExactPlaces), CustomerSatisfaction: satisfaction.at(ExactPlaces), FulfilmentRate: fulfilment.at(ExactPlaces),
	}
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
		es.Add(EINVALID, toField, "the end date {to} is before the start date {from}", P{"to": to, "from": from})
	} else if to.DaysSince(from) > 366*5 {
		es.Add(EINVALID, toField, "a period may span at most 5 years")
	}
	return es.Err()
}
