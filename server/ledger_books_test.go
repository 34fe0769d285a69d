package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
)

// The sub-ledger over HTTP: every line names its voucher and its document,
// and the running balance is the same read in pages of 2 as in one page.
func TestAccountLedgerOverHTTPPagesWithTheSameBalances(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("finance")
	var latest struct {
		JournalEntries struct {
			Nodes []struct{ PostingDate string }
		}
	}
	c.gql(`{ journalEntries(first: 1, orderBy: {field: DATE, direction: DESC}) { nodes { postingDate } } }`, nil, &latest)
	day, err := jxc.ParseDate(latest.JournalEntries.Nodes[0].PostingDate)
	if err != nil {
		t.Fatal(err)
	}
	from, to := jxc.Date{Year: day.Year, Month: day.Month, Day: 1}, jxc.MonthEnd(day, 0)
	type line struct {
		ID        string
		VoucherNo string
		Entry     struct{ ID, VoucherNo string }
		Balance   struct{ Direction, Amount, Net string }
		Source    struct {
			Type   string
			Number *string
		}
	}
	type page struct {
		AccountLedger struct {
			TotalCount int
			Closing    struct{ Net string }
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
			Nodes []line
		}
	}
	const q = `query($from: Date!, $to: Date!, $first: Int, $after: String) {
		accountLedger(accountCode: "1405", from: $from, to: $to, first: $first, after: $after) {
			totalCount closing { net } pageInfo { hasNextPage endCursor }
			nodes { id voucherNo entry { id voucherNo } balance { direction amount net } source { type number } } } }`
	var one page
	c.gql(q, map[string]any{"from": from.String(), "to": to.String(), "first": 200}, &one)
	lines := one.AccountLedger.Nodes
	if len(lines) < 3 || len(lines) != one.AccountLedger.TotalCount {
		t.Fatalf("%d lines of %d in %s..%s", len(lines), one.AccountLedger.TotalCount, from, to)
	}
	for _, l := range lines {
		if l.VoucherNo == "" || l.Entry.VoucherNo != l.VoucherNo || l.Entry.ID == "" || l.Balance.Direction == "" {
			t.Errorf("line %+v", l)
		}
		if l.Source.Type == "PURCHASE_RECEIPT" && (l.Source.Number == nil || *l.Source.Number == "") {
			t.Errorf("receipt line %s names no receipt", l.ID)
		}
	}
	if got := lines[len(lines)-1].Balance.Net; got != one.AccountLedger.Closing.Net {
		t.Errorf("last balance %s, closing %s", got, one.AccountLedger.Closing.Net)
	}
	var paged []line
	var after *string
	for range 500 {
		var p page
		c.gql(q, map[string]any{"from": from.String(), "to": to.String(), "first": 2, "after": after}, &p)
		paged = append(paged, p.AccountLedger.Nodes...)
		if !p.AccountLedger.PageInfo.HasNextPage {
			break
		}
		after = p.AccountLedger.PageInfo.EndCursor
	}
	if len(paged) != len(lines) {
		t.Fatalf("%d lines in pages of 2, %d in one", len(paged), len(lines))
	}
	for i := range lines {
		if paged[i].ID != lines[i].ID || paged[i].Balance != lines[i].Balance {
			t.Errorf("line %d: %+v in pages of 2, %+v in one page", i, paged[i], lines[i])
		}
	}
}

// Bad ranges are refused with the code and the argument at fault.
func TestLedgerBooksNameTheArgumentAtFault(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("finance")
	y := time.Now().Year()
	for _, tc := range []struct {
		query, code, field string
	}{
		{fmt.Sprintf(`{ accountBalances(fromYear: 1990, fromMonth: 1, toYear: %d, toMonth: 1) { level } }`, y), jxc.EDATERANGE, "fromYear"},
		{fmt.Sprintf(`{ accountBalances(fromYear: %d, fromMonth: 3, toYear: %d, toMonth: 2) { level } }`, y, y), jxc.EINVALID, "toMonth"},
		{fmt.Sprintf(`{ generalLedger(accountCode: "1405", fromYear: %d, fromMonth: 0, toYear: %d, toMonth: 2) { debit } }`, y, y), jxc.EINVALID, "fromMonth"},
		{`{ accountLedger(accountCode: "0000", from: "2026-01-01", to: "2026-01-31") { totalCount } }`, jxc.ENOTFOUND, "accountCode"},
	} {
		r := c.do(tc.query, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tc.code || r.Errors[0].Extensions["field"] != tc.field {
			t.Errorf("%s: %+v", tc.query, r.Errors)
		}
	}
}
