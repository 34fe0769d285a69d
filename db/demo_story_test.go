package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// The demo company's fifteen months tell a plausible story: its KPIs over
// the last twelve months lie where a household-appliance wholesaler's do,
// the months before the last are closed, a handful of alerts wait for
// their audience, every supplier sells its own family, and this year
// compares with last.
func TestDemoStoryLooksLikeARealYear(t *testing.T) {
	ctx := context.Background()
	began := time.Now()
	d := newDemo(t)
	t.Logf("LoadDemo: %s", time.Since(began).Round(time.Millisecond))
	today := jxc.Today(d.Now())
	kpis := db.NewKPIService(d)
	rep, err := kpis.Report(ctx, today.AddDays(-364), today, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	k := rep.Current
	t.Logf("last 12 months: sales %s, gross margin %v, net margin %v, turnover %v, DIO %v, DSO %v, DPO %v",
		k.Sales, k.GrossMargin, k.NetMargin, k.InventoryTurnover, k.DIO, k.DSO, k.DPO)
	in := func(name string, v *decimal.Decimal, lo, hi string) {
		t.Helper()
		if v == nil || v.LessThan(decimal.RequireFromString(lo)) || v.GreaterThan(decimal.RequireFromString(hi)) {
			t.Errorf("%s %v, want %s to %s", name, v, lo, hi)
		}
	}
	in("gross margin", k.GrossMargin, "0.15", "0.25")
	in("net margin", k.NetMargin, "0.005", "0.08")
	in("inventory turnover", k.InventoryTurnover, "4", "8")
	in("DIO", k.DIO, "45", "92")
	in("DSO", k.DSO, "30", "60")
}
