package jxc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func str(p *decimal.Decimal) string {
	if p == nil {
		return "nil"
	}
	return p.String()
}

// averages sets the sums of the daily balances that give these means.
func averages(f LedgerFigures, inv, ar, ap string) LedgerFigures {
	days := decimal.NewFromInt(int64(f.Days()))
	f.InventoryDays, f.ARDays, f.APDays = d(inv).Mul(days), d(ar).Mul(days), d(ap).Mul(days)
	return f
}

func TestComputeKPIs(t *testing.T) {
	jan1, _ := ParseDate("2026-01-01")
	dec31, _ := ParseDate("2026-12-31")
	mar31, _ := ParseDate("2026-03-31")
	tests := []struct {
		name                                       string
		f                                          LedgerFigures
		gross, net, turnover, dio, dso, dpo, cycle string
	}{
		{
			// The case study's "after" column: 13.0M sales, turnover 3/yr.
			name: "a year like the case study",
			f: averages(LedgerFigures{From: jan1, To: dec31, Revenue: d("13000000"), COGS: d("9360000"), NetIncome: d("1950000")},
				"3120000", "1068493.15", "1025753.42"),
			// 365 days: DIO = 3120000*365/9360000 = 121.67; DSO = 1068493.15*365/13000000 = 30.00; DPO = 1025753.42*365/9360000 = 40.00
			gross: "0.28", net: "0.15", turnover: "3", dio: "121.67", dso: "30", dpo: "40", cycle: "111.67",
		},
		{
			name: "a quarter annualises the turnover",
			f:    averages(LedgerFigures{From: jan1, To: mar31, Revenue: d("100"), COGS: d("90"), NetIncome: d("-5")}, "90", "10", "0"),
			// 90 days: turnover = 90*365/(90*90) = 4.06; DIO = 90*90/90 = 90; DSO = 10*90/100 = 9; DPO = 0
			gross: "0.1", net: "-0.05", turnover: "4.06", dio: "90", dso: "9", dpo: "0", cycle: "99",
		},
		{
			name:  "no sales and no cost: ratios have no value",
			f:     averages(LedgerFigures{From: jan1, To: mar31}, "500", "0", "0"),
			gross: "nil", net: "nil", turnover: "0", dio: "nil", dso: "nil", dpo: "nil", cycle: "nil",
		},
		{
			name:  "rounding is half-up",
			f:     averages(LedgerFigures{From: jan1, To: jan1, Revenue: d("3"), COGS: d("1"), NetIncome: d("1")}, "1", "0", "0"),
			gross: "0.6667", net: "0.3333", turnover: "365", dio: "1", dso: "0", dpo: "0", cycle: "1",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k := ComputeKPIs(tc.f)
			got := []string{str(k.GrossMargin), str(k.NetMargin), str(k.InventoryTurnover), str(k.DIO), str(k.DSO), str(k.DPO), str(k.CashCycle)}
			want := []string{tc.gross, tc.net, tc.turnover, tc.dio, tc.dso, tc.dpo, tc.cycle}
			names := []string{"gross margin", "net margin", "turnover", "DIO", "DSO", "DPO", "cash cycle"}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s = %s, want %s", names[i], got[i], want[i])
				}
			}
		})
	}
}

func TestSalesSideKPIs(t *testing.T) {
	jan1, _ := ParseDate("2026-01-01")
	k := ComputeKPIs(LedgerFigures{From: jan1, To: jan1, COGS: d("720"), UnitsSold: d("10"),
		RatedDeliveries: 10, SatisfiedDeliveries: 9, LinesDue: 3, LinesOnTime: 2})
	if str(k.UnitCost) != "72" || str(k.CustomerSatisfaction) != "0.9" || str(k.FulfilmentRate) != "0.6667" {
		t.Errorf("unit cost %s, satisfaction %s, fulfilment %s", str(k.UnitCost), str(k.CustomerSatisfaction), str(k.FulfilmentRate))
	}
	k = ComputeKPIs(LedgerFigures{From: jan1, To: jan1, COGS: d("5")})
	if k.UnitCost != nil || k.CustomerSatisfaction != nil || k.FulfilmentRate != nil {
		t.Errorf("no units, ratings or due lines must give no value, got %s %s %s", str(k.UnitCost), str(k.CustomerSatisfaction), str(k.FulfilmentRate))
	}
}

func TestGrowth(t *testing.T) {
	if g := Growth(d("13"), d("10")); str(g) != "0.3" {
		t.Errorf("13 over 10: %s", str(g))
	}
	if g := Growth(d("5"), d("0")); g != nil {
		t.Errorf("growth from nothing: %s", str(g))
	}
}

// TestKPIsRoundOnce: each derived KPI is rounded once from the ledger's
// figures, never computed from other rounded KPIs (issue 15, item 8).
func TestKPIsRoundOnce(t *testing.T) {
	jan1, _ := ParseDate("2026-01-01")
	jan31, _ := ParseDate("2026-01-31")
	tests := []struct {
		name  string
		f     LedgerFigures
		field func(KPIs) *decimal.Decimal
		exact func(*ExactKPIs) *decimal.Decimal
		want  string // at the stated places
		full  string // to ExactPlaces
	}{
		{
			// One day: DIO = 602534/10000 = 60.2534 (60.25), DSO = 302534/10000
			// = 30.2534 (30.25), DPO = 17/10000 = 0.0017 (0.00). The rounded
			// parts sum to 90.50; the cycle is 90.5051, so 90.51.
			name: "the cash conversion cycle of the issue",
			f: averages(LedgerFigures{From: jan1, To: jan1, Revenue: d("10000"), COGS: d("10000")},
				"602534", "302534", "17"),
			field: func(k KPIs) *decimal.Decimal { return k.CashCycle },
			exact: func(e *ExactKPIs) *decimal.Decimal { return e.CashCycle },
			want:  "90.51", full: "90.5051",
		},
		{
			// A unit cost is kept to 6 places: 100 / 3 = 33.333333, not 33.33.
			name:  "unit cost to 6 places",
			f:     LedgerFigures{From: jan1, To: jan1, COGS: d("100"), UnitsSold: d("3")},
			field: func(k KPIs) *decimal.Decimal { return k.UnitCost },
			exact: func(e *ExactKPIs) *decimal.Decimal { return e.UnitCost },
			want:  "33.333333", full: "33.3333333333333333",
		},
		{
			// 31 days, inventory 1000 for 30 of them and 1001 for one: the mean
			// is 1000.032258..., shown as 1000.03; DIO = 31001 / 10 = 3100.1
			// exactly, where the rounded mean would give 3100.093.
			name: "DIO from the unrounded mean",
			f: LedgerFigures{From: jan1, To: jan31, Revenue: d("10"), COGS: d("10"),
				InventoryDays: d("31001")},
			field: func(k KPIs) *decimal.Decimal { return k.DIO },
			exact: func(e *ExactKPIs) *decimal.Decimal { return e.DIO },
			want:  "3100.1", full: "3100.1",
		},
		{
			name: "the mean shown to the cent, exact beside it",
			f: LedgerFigures{From: jan1, To: jan31, Revenue: d("10"), COGS: d("10"),
				InventoryDays: d("31001")},
			field: func(k KPIs) *decimal.Decimal { return &k.AvgInventory },
			exact: func(e *ExactKPIs) *decimal.Decimal { return &e.AvgInventory },
			want:  "1000.03", full: "1000.0322580645161290",
		},
		{
			// Turnover 365 x 10 / 31001 = 0.117738...: 0.12.
			name: "turnover from the unrounded mean",
			f: LedgerFigures{From: jan1, To: jan31, Revenue: d("10"), COGS: d("10"),
				InventoryDays: d("31001")},
			field: func(k KPIs) *decimal.Decimal { return k.InventoryTurnover },
			exact: func(e *ExactKPIs) *decimal.Decimal { return e.InventoryTurnover },
			want:  "0.12", full: "0.1177381374794361",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k := ComputeKPIs(tc.f)
			if got := tc.field(k); got == nil || !got.Equal(d(tc.want)) {
				t.Errorf("got %s, want %s", str(got), tc.want)
			}
			if got := tc.exact(k.Exact); got == nil || !got.Equal(d(tc.full)) {
				t.Errorf("exact: got %s, want %s", str(got), tc.full)
			}
		})
	}
}
