package main

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// A partner's statement of account comes from the ledger's control
// accounts; it must end where the documents say the partner stands: a
// customer's closing balance is its open balance (open invoices less credit
// on account), a supplier's is its open payables.
func TestPartnerStatementsAgreeWithTheDocuments(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("finance")
	type line struct{ Debit, Credit, Balance decimal.Decimal }
	type statement struct {
		Code             string
		Opening, Closing decimal.Decimal
		Debit, Credit    decimal.Decimal
		Lines            []line
	}
	var r struct {
		Customers struct {
			Nodes []struct {
				Code        string
				OpenBalance decimal.Decimal
				Statement   statement
			}
		}
		Suppliers struct {
			Nodes []struct {
				Code      string
				Statement statement
			}
		}
		PayablesAging struct {
			Rows []struct {
				Supplier struct{ Code string }
				Buckets  struct{ Total decimal.Decimal }
			}
		}
	}
	resp := c.do(`query($today: Date!) {
		customers(first: 200) { nodes { code openBalance statement(from: "2000-01-01") { code opening closing debit credit lines { debit credit balance } } } }
		suppliers(first: 200) { nodes { code statement(from: "2000-01-01") { code opening closing debit credit lines { debit credit balance } } } }
		payablesAging(asOf: $today) { rows { supplier { code } buckets { total } } } }`, map[string]any{"today": jxc.Today(time.Now()).String()})
	if len(resp.Errors) > 0 {
		t.Fatal(resp.Errors)
	}
	mustJSON(t, resp.Data, &r)
	check := func(who string, st statement, want decimal.Decimal, customer bool) {
		t.Helper()
		if !st.Opening.IsZero() {
			t.Errorf("%s: nothing was posted before 2000, yet the opening balance is %s", who, st.Opening)
		}
		bal := st.Opening
		for _, l := range st.Lines {
			if customer {
				bal = bal.Add(l.Debit).Sub(l.Credit)
			} else {
				bal = bal.Add(l.Credit).Sub(l.Debit)
			}
			if !l.Balance.Equal(bal) {
				t.Errorf("%s: running balance %s, want %s", who, l.Balance, bal)
			}
		}
		if !st.Closing.Equal(bal) || !st.Closing.Equal(want) {
			t.Errorf("%s: statement closes at %s (lines add up to %s); the documents say %s", who, st.Closing, bal, want)
		}
	}
	withLines := 0
	for _, n := range r.Customers.Nodes {
		if n.Statement.Code != n.Code {
			t.Errorf("customer %s: statement of %s", n.Code, n.Statement.Code)
		}
		if len(n.Statement.Lines) > 0 {
			withLines++
		}
		check("customer "+n.Code, n.Statement, n.OpenBalance, true)
	}
	payable := map[string]decimal.Decimal{}
	for _, row := range r.PayablesAging.Rows {
		payable[row.Supplier.Code] = row.Buckets.Total
	}
	for _, n := range r.Suppliers.Nodes {
		if len(n.Statement.Lines) > 0 {
			withLines++
		}
		check("supplier "+n.Code, n.Statement, payable[n.Code], false)
	}
	if withLines < 3 {
		t.Fatalf("only %d demo partners have postings: the test proves nothing", withLines)
	}

	// A range that ends before it starts is refused, naming the argument.
	bad := c.do(`{ customers(first: 1) { nodes { statement(from: "2026-02-01", to: "2026-01-01") { closing } } } }`, nil)
	if bad.code() != "INVALID" {
		t.Errorf("from after to: %+v, want INVALID", bad.Errors)
	}
	// Sales may read a customer's statement but not a supplier's.
	s := app.client(t).mustLogin("sales")
	if r := s.do(`{ suppliers(first: 1) { nodes { statement { closing } } } }`, nil); r.code() != "FORBIDDEN" {
		t.Errorf("sales reading a supplier statement: %+v, want FORBIDDEN", r.Errors)
	}
}
