package db_test

import (
	"context"
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
