package db_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestKPIFiguresFromMonthsAndDays posts half a year of random stock and
// ledger entries and checks the KPI figures for many periods (whole
// months, parts of months, one day, across the year end, before any
// posting) against the journal lines themselves: the report reads whole
// months from the per-month totals and the rest from the per-day ones.
func TestKPIFiguresFromMonthsAndDays(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	catalog, stock, ledger, kpis := db.NewCatalogService(d), db.NewStockService(d), db.NewLedgerService(d), db.NewKPIService(d)
	w, err := catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "W1", Name: "仓"})
	if err != nil {
		t.Fatal(err)
	}
	var products []int64
	for i := range 3 {
		p, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: fmt.Sprintf("KM-%d", i), Name: "测试", Unit: "pcs"})
		if err != nil {
			t.Fatal(err)
		}
		products = append(products, p.ID)
	}
	start := date(t, "2024-11-03")
	var lines []jxc.OpeningStockLine
	for _, p := range products {
		lines = append(lines, jxc.OpeningStockLine{ProductID: p, WarehouseID: w.ID, Quantity: dec("1000"), UnitCost: dec("12.34")})
	}
	if _, err := stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: start, Lines: lines}); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for day := start.AddDays(1); day.Before(date(t, "2025-05-20")); day = day.AddDays(1 + rng.IntN(3)) {
		p := products[rng.IntN(len(products))]
		adj := jxc.AdjustmentLine{ProductID: p, WarehouseID: w.ID, Direction: jxc.Decrease, Quantity: decimal.NewFromInt(int64(1 + rng.IntN(9)))}
		reason := jxc.ReasonScrap
		if rng.IntN(2) == 0 {
			adj.Direction, adj.UnitCost, reason = jxc.Increase, jxc.Ptr(dec("13.07")), jxc.ReasonCountVariance
		}
		if _, err := stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: day, Reason: reason, Lines: []jxc.AdjustmentLine{adj}}); err != nil {
			t.Fatal(err)
		}
		for _, acc := range [][2]string{{"1002", "6001"}, {"6401", "1002"}, {"6602", "1002"}} {
			amount := decimal.NewFromInt(int64(100 + rng.IntN(100000))).Shift(-2)
			if _, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: day, Description: "km", Lines: []jxc.ManualLine{
				{AccountCode: acc[0], Debit: amount}, {AccountCode: acc[1], Credit: amount}}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	periods := [][2]string{
		{"2024-12-01", "2024-12-31"}, {"2025-01-01", "2025-03-31"}, {"2024-11-01", "2025-05-31"}, {"2024-12-15", "2025-02-10"},
		{"2025-02-01", "2025-02-27"}, {"2025-02-02", "2025-02-28"}, {"2025-03-09", "2025-03-09"}, {"2024-12-31", "2025-01-01"},
		{"2024-01-01", "2024-10-31"}, {"2025-06-01", "2025-06-30"}, {"2024-11-03", "2024-11-03"}, {"2025-01-31", "2025-04-01"},
	}
	for range 20 {
		a := start.AddDays(rng.IntN(220) - 20)
		periods = append(periods, [2]string{a.String(), a.AddDays(rng.IntN(120)).String()})
	}
	for _, pr := range periods {
		from, to := date(t, pr[0]), date(t, pr[1])
		r, err := kpis.Report(ctx, from, to, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var want struct {
			Sales, COGS, Net, InvOpen, InvWeight decimal.Decimal
		}
		if err := d.QueryRowContext(ctx, `SELECT
				coalesce(-sum(l.debit - l.credit) FILTER (WHERE l.account_code = '6001' AND l.posting_date >= $1), 0),
				coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account_code = '6401' AND l.posting_date >= $1), 0),
				coalesce(-sum(l.debit - l.credit) FILTER (WHERE a.type IN ('REVENUE', 'EXPENSE') AND l.posting_date >= $1), 0),
				coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account_code = '1405' AND l.posting_date < $1), 0),
				coalesce(sum((l.debit - l.credit) * (($2::date - l.posting_date) + 1)) FILTER (WHERE l.account_code = '1405' AND l.posting_date >= $1), 0)
			FROM journal_lines l JOIN accounts a ON a.code = l.account_code WHERE l.posting_date <= $2`, from, to).
			Scan(&want.Sales, &want.COGS, &want.Net, &want.InvOpen, &want.InvWeight); err != nil {
			t.Fatal(err)
		}
		// The mean of the daily closing balances, rounded once (not the
		// opening balance plus the rounded mean change: -0.005 of change
		// rounds away from zero where the mean itself rounds up).
		n := decimal.NewFromInt(int64(to.DaysSince(from) + 1))
		avgInv := jxc.DivRound(want.InvOpen.Mul(n).Add(want.InvWeight), n, jxc.MoneyPlaces)
		k := r.Current
		if !k.Sales.Equal(want.Sales) || !k.COGS.Equal(want.COGS) || !k.NetIncome.Equal(want.Net) || !k.AvgInventory.Equal(avgInv) {
			t.Fatalf("%s..%s: sales %s cogs %s net %s avg inventory %s; the lines say %s %s %s %s",
				from, to, k.Sales, k.COGS, k.NetIncome, k.AvgInventory, want.Sales, want.COGS, want.Net, avgInv)
		}
	}
	check, err := ledger.BooksCheck(ctx)
	if err != nil || !check.OK() {
		t.Fatalf("books check %+v %v", check, err)
	}
}
