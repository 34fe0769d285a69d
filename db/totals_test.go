package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestCompactTotalsKeepsEveryFigure posts from eight connections at once
// (so the per-day totals are spread over stripes), folds the past days'
// stripes, and checks that every figure read from those tables is what it
// was, that only past days were folded, and that folding again changes
// nothing.
func TestCompactTotalsKeepsEveryFigure(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	ledger, kpis := db.NewLedgerService(d), db.NewKPIService(d)
	days := []string{"2025-01-30", "2025-01-31", "2025-02-01", "2025-02-14", "2025-03-02", "2025-03-03"}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, day := range days {
				amount := decimal.NewFromInt(int64(100 + 7*w + i)).Shift(-1)
				if _, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: date(t, day), Description: "stripe", Lines: []jxc.ManualLine{
					{AccountCode: "1002", Debit: amount}, {AccountCode: "6001", Credit: amount}}}); err != nil {
					errs <- err
				}
				if _, err := d.ExecContext(ctx, `SELECT sales_kpi_add($1, $2, 1, 1, 1, 1)`, day, fmt.Sprint(w+i)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	count := func(q string) int {
		t.Helper()
		var n int
		if err := d.GetContext(ctx, &n, q); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count(`SELECT count(*) FROM account_daily WHERE stripe > 0`) == 0 {
		t.Skip("every connection wrote to stripe 0: nothing to fold")
	}
	figures := func() string {
		t.Helper()
		var out string
		for _, p := range [][2]string{{"2025-01-01", "2025-03-31"}, {"2025-01-31", "2025-02-14"}, {"2025-03-03", "2025-03-03"}} {
			r, err := kpis.Report(ctx, date(t, p[0]), date(t, p[1]), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			k := r.Current
			out += fmt.Sprintf("%s..%s sales %s net %s units %s rated %d due %d;", p[0], p[1], k.Sales, k.NetIncome, k.UnitsSold, k.RatedDeliveries, k.LinesDue)
		}
		pg, err := ledger.FindJournalEntries(ctx, jxc.JournalEntryFilter{AccountCode: jxc.Ptr("6001")}, nil, jxc.PageArgs{First: jxc.Ptr(1)})
		if err != nil {
			t.Fatal(err)
		}
		tb, err := ledger.TrialBalance(ctx, date(t, "2025-03-31"))
		if err != nil {
			t.Fatal(err)
		}
		return out + fmt.Sprintf(" journal of 6001: %d; trial balance %s/%s", pg.TotalCount, tb.TotalDebit, tb.TotalCredit)
	}
	before := figures()
	striped := count(`SELECT count(*) FROM account_daily WHERE day >= '2025-03-02' AND stripe > 0`)
	if err := d.CompactTotals(ctx, date(t, "2025-03-02")); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM account_daily WHERE day < '2025-03-02' AND stripe > 0`:     0,
		`SELECT count(*) FROM account_monthly WHERE month < '2025-03-01' AND stripe > 0`: 0,
		`SELECT count(*) FROM sales_kpi_daily WHERE day < '2025-03-02' AND stripe > 0`:   0,
		`SELECT count(*) FROM account_daily WHERE day >= '2025-03-02' AND stripe > 0`:    striped,
		`SELECT count(*) FROM account_daily WHERE day = '2025-01-30'`:                    2,
	} {
		if n := count(q); n != want {
			t.Fatalf("%s: %d, want %d", q, n, want)
		}
	}
	if after := figures(); after != before {
		t.Fatalf("folding changed the figures:\nbefore %s\nafter  %s", before, after)
	}
	if err := d.CompactTotals(ctx, date(t, "2025-03-02")); err != nil {
		t.Fatal(err)
	}
	if again := figures(); again != before {
		t.Fatalf("folding twice changed the figures:\nbefore %s\nafter  %s", before, again)
	}
	if c, err := ledger.BooksCheck(ctx); err != nil || !c.OK() {
		t.Fatalf("books check %+v %v", c, err)
	}
}
