package db_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

func date(t *testing.T, s string) jxc.Date {
	t.Helper()
	d, err := jxc.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestKPIsFromDailyBalances posts a month whose averages can be worked out
// by hand and checks the KPI report and the month-end summary against them.
func TestKPIsFromDailyBalances(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	catalog, stock, ledger, kpis := db.NewCatalogService(d), db.NewStockService(d), db.NewLedgerService(d), db.NewKPIService(d)
	p, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "K-1", Name: "测试", Unit: "pcs"})
	if err != nil {
		t.Fatal(err)
	}
	w, err := catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "W1", Name: "仓"})
	if err != nil {
		t.Fatal(err)
	}
	// Inventory 1,000 from 1 January, 500 from 11 January (scrap of 5).
	if _, err := stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: date(t, "2025-01-01"), Lines: []jxc.OpeningStockLine{
		{ProductID: p.ID, WarehouseID: w.ID, Quantity: dec("10"), UnitCost: dec("100")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: date(t, "2025-01-11"), Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
		{ProductID: p.ID, WarehouseID: w.ID, Direction: jxc.Decrease, Quantity: dec("5")}}}); err != nil {
		t.Fatal(err)
	}
	manual := func(day, debit, credit, amount string) {
		t.Helper()
		if _, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: date(t, day), Description: "test", Lines: []jxc.ManualLine{
			{AccountCode: debit, Debit: dec(amount)}, {AccountCode: credit, Credit: dec(amount)}}}); err != nil {
			t.Fatal(err)
		}
	}
	manual("2025-01-15", "1002", "6001", "2000") // sales
	manual("2025-01-20", "6401", "1002", "300")  // cost of sales
	manual("2024-12-15", "1002", "6001", "1000") // last period's sales, for growth

	jan1, jan31 := date(t, "2025-01-01"), date(t, "2025-01-31")
	dec1, dec31 := date(t, "2024-12-01"), date(t, "2024-12-31")
	r, err := kpis.Report(ctx, jan1, jan31, &dec1, &dec31)
	if err != nil {
		t.Fatal(err)
	}
	k := r.Current
	// (10 days x 1000 + 21 days x 500) / 31 = 661.29
	checks := []struct {
		name string
		got  *decimal.Decimal
		want string
	}{
		{"sales", &k.Sales, "2000"},
		{"cogs", &k.COGS, "300"},
		{"net income (sales - cogs - scrap 500)", &k.NetIncome, "1200"},
		{"average inventory", &k.AvgInventory, "661.29"},
		{"gross margin", k.GrossMargin, "0.85"},
		{"net margin", k.NetMargin, "0.6"},
		{"DIO = 661.29 x 31 / 300", k.DIO, "68.33"},
		{"turnover = 300 x 365 / (661.29 x 31)", k.InventoryTurnover, "5.34"},
		{"sales growth against December", r.SalesGrowth, "1"},
		{"December sales", &r.Comparison.Sales, "1000"},
	}
	for _, c := range checks {
		if c.got == nil || !c.got.Equal(dec(c.want)) {
			t.Errorf("%s = %v, want %s", c.name, c.got, c.want)
		}
	}
	// Closing January (and December, which has postings and closes first)
	// stores the same figures as the month-end summary.
	if _, err := ledger.CloseFiscalPeriod(ctx, 2025, 1, true); err != nil {
		t.Fatal(err)
	}
	s, err := kpis.PeriodSummary(ctx, 2025, 1)
	if err != nil || s == nil {
		t.Fatalf("summary: %v %v", s, err)
	}
	if !s.KPIs.AvgInventory.Equal(k.AvgInventory) || !s.KPIs.Sales.Equal(k.Sales) || s.KPIs.DIO == nil || !s.KPIs.DIO.Equal(*k.DIO) {
		t.Errorf("summary %+v differs from the report %+v", s.KPIs, k)
	}
	if s, _ := kpis.PeriodSummary(ctx, 2025, 2); s != nil {
		t.Errorf("an open period has a summary: %+v", s)
	}
	// Bad ranges name their fields.
	_, err = kpis.Report(ctx, jan31, jan1, &dec1, nil)
	es, _ := jxc.AsErrors(err)
	if len(es) != 2 || es[0].Field != "to" || es[1].Field != "compareTo" {
		t.Errorf("bad ranges: %v", err)
	}
}
