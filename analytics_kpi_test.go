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
			f: LedgerFigures{From: jan1, To: dec31, Revenue: d("13000000"), COGS: d("9360000"), NetIncome: d("1950000"),
				AvgInventory: d("3120000"), AvgAR: d("1068493.15"), AvgAP: d("1025753.42")},
			// 365 days: DIO = 3120000*365/9360000 = 121.67; DSO = 1068493.15*365/13000000 = 30.00; DPO = 1025753.42*365/9360000 = 40.00
			gross: "0.28", net: "0.15", turnover: "3", dio: "121.67", dso: "30", dpo: "40", cycle: "111.67",
		},
		{
			name: "a quarter annualises the turnover",
			f: LedgerFigures{From: jan1, To: mar31, Revenue: d("100"), COGS: d("90"), NetIncome: d("-5"),
				AvgInventory: d("90"), AvgAR: d("10"), AvgAP: d("0")},
			// 90 days: turnover = 90*365/(90*90) = 4.06; DIO = 90*90/90 = 90; DSO = 10*90/100 = 9; DPO = 0
			gross: "0.1", net: "-0.05", turnover: "4.06", dio: "90", dso: "9", dpo: "0", cycle: "99",
		},
		{
			name:  "no sales and no cost: ratios have no value",
			f:     LedgerFigures{From: jan1, To: mar31, AvgInventory: d("500")},
			gross: "nil", net: "nil", turnover: "0", dio: "nil", dso: "nil", dpo: "nil", cycle: "nil",
		},
		{
			name:  "rounding is half-up",
			f:     LedgerFigures{From: jan1, To: jan1, Revenue: d("3"), COGS: d("1"), NetIncome: d("1"), AvgInventory: d("1")},
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
