package db_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// newDemo is a fresh database with the demo company loaded through the
// services. The load time is logged, not asserted: a timed unit test fails
// on a busy machine without anything being wrong.
func newDemo(t *testing.T) *db.DB {
	t.Helper()
	d := dbtest.New(t)
	began := time.Now()
	if _, err := d.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("demo loaded in %s", time.Since(began).Round(time.Millisecond))
	return d
}

// reopenDemo reopens the demo's closed months (it closes every month
// before the last), for a test that posts into or before its history.
func reopenDemo(t testing.TB, d *db.DB) {
	t.Helper()
	ctx := context.Background()
	var first struct {
		Year  *int `db:"year"`
		Month *int `db:"month"`
	}
	if err := d.GetContext(ctx, &first, `SELECT year, month FROM fiscal_periods WHERE status = 'CLOSED' ORDER BY year, month LIMIT 1`); err != nil && !errors.Is(err, sql.ErrNoRows) {
		t.Fatal(err)
	}
	if first.Year == nil {
		return
	}
	if _, err := db.NewLedgerService(d).ReopenFiscalPeriod(ctx, *first.Year, *first.Month, "test: posts into the demo's history"); err != nil {
		t.Fatal(err)
	}
}

// checkBooks runs the books check and fails the test for every rule the
// books break.
func checkBooks(t testing.TB, ledger *db.LedgerService) *jxc.BooksCheck {
	t.Helper()
	c, err := ledger.BooksCheck(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range c.Violations {
		t.Errorf("books check: %s: %s %v", v.Rule, v.Message, v.Rows)
	}
	return c
}

// dec is a decimal literal; decp points to one.
func dec(s string) decimal.Decimal   { return decimal.RequireFromString(s) }
func decp(s string) *decimal.Decimal { return jxc.Ptr(dec(s)) }
