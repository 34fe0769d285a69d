package jxc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestBalanceOfTakesTheSideOfTheBalance(t *testing.T) {
	for _, c := range []struct {
		net  string
		dir  BalanceDirection
		amt  string
		d, c string
	}{{"12.50", BalanceDebit, "12.5", "12.5", "0"}, {"-3", BalanceCredit, "3", "0", "3"}, {"0", BalanceFlat, "0", "0", "0"}} {
		b := BalanceOf(decimal.RequireFromString(c.net))
		if b.Direction != c.dir || !b.Amount.Equal(decimal.RequireFromString(c.amt)) || !b.DebitAmount().Equal(decimal.RequireFromString(c.d)) ||
			!b.CreditAmount().Equal(decimal.RequireFromString(c.c)) {
			t.Errorf("%s: %+v", c.net, b)
		}
	}
}

func TestPeriodRangeRules(t *testing.T) {
	s := DefaultPostingWindow
	for _, c := range []struct {
		r     PeriodRange
		code  string
		field string
	}{
		{PeriodRange{2026, 0, 2026, 3}, EINVALID, "fromMonth"},
		{PeriodRange{2026, 1, 2026, 13}, EINVALID, "toMonth"},
		{PeriodRange{1999, 1, 2026, 3}, EDATERANGE, "fromYear"},
		{PeriodRange{2026, 4, 2026, 3}, EINVALID, "toMonth"},
		{PeriodRange{2010, 1, 2026, 3}, EINVALID, "toMonth"},
		{PeriodRange{2025, 11, 2026, 2}, "", ""},
	} {
		var es Errors
		c.r.Validate(&es, s)
		if c.code == "" {
			if len(es) > 0 {
				t.Errorf("%+v: %v", c.r, es)
			}
			continue
		}
		if len(es) != 1 || es[0].Code != c.code || es[0].Field != c.field {
			t.Errorf("%+v: want %s on %s, got %v", c.r, c.code, c.field, es)
		}
	}
	r := PeriodRange{2025, 11, 2026, 2}
	if r.Months() != 4 || r.From() != (Date{2025, 11, 1}) || r.To() != (Date{2026, 2, 28}) || r.YearStart() != (Date{2026, 1, 1}) {
		t.Errorf("range %d months %s..%s year %s", r.Months(), r.From(), r.To(), r.YearStart())
	}
}

func TestBuildAccountBalancesRollsUpAndBalances(t *testing.T) {
	p := func(s string) *string { return &s }
	chart := []*Account{
		{Code: "1002", Type: AccountAsset}, {Code: "2202", Type: AccountLiability, Header: true},
		{Code: "2202.01", Type: AccountLiability, ParentCode: p("2202")}, {Code: "2202.02", Type: AccountLiability, ParentCode: p("2202")},
	}
	d := decimal.RequireFromString
	totals := map[string]AccountTotals{
		"1002":    {OpeningDebit: d("100"), PeriodCredit: d("30"), YearCredit: d("30")},
		"2202.01": {OpeningCredit: d("60"), PeriodDebit: d("30"), YearDebit: d("30")},
		"2202.02": {OpeningCredit: d("40")},
	}
	ab := BuildAccountBalances(AccountBalancesQuery{PeriodRange: PeriodRange{2026, 1, 2026, 1}, Level: 4}, chart, totals)
	if len(ab.Rows) != 4 || !ab.Rows[1].Opening.Net.Equal(d("-100")) || ab.Rows[1].Closing.Direction != BalanceCredit || !ab.Rows[1].Closing.Amount.Equal(d("70")) {
		t.Fatalf("rows %+v", ab.Rows[1])
	}
	if !ab.Totals.Balanced() || !ab.Totals.OpeningDebit.Equal(d("100")) || !ab.Totals.ClosingCredit.Equal(d("70")) {
		t.Errorf("totals %+v", ab.Totals)
	}
	top := BuildAccountBalances(AccountBalancesQuery{PeriodRange: PeriodRange{2026, 1, 2026, 1}, Level: 1}, chart, totals)
	if len(top.Rows) != 2 || !top.Totals.Balanced() {
		t.Errorf("level 1: %d rows, totals %+v", len(top.Rows), top.Totals)
	}
	sub := BuildAccountBalances(AccountBalancesQuery{PeriodRange: PeriodRange{2026, 1, 2026, 1}, Level: 4, AccountCode: p("2202.0")}, chart, totals)
	if len(sub.Rows) != 2 || !sub.Totals.OpeningCredit.Equal(d("100")) {
		t.Errorf("prefix 2202.0: %d rows, totals %+v", len(sub.Rows), sub.Totals)
	}
}

func TestRunBalancesBothWays(t *testing.T) {
	d := decimal.RequireFromString
	mk := func() []*AccountLedgerLine {
		return []*AccountLedgerLine{{Debit: d("10")}, {Credit: d("25")}, {Debit: d("5")}}
	}
	asc := mk()
	RunBalances(asc, d("100"), false)
	desc := mk()
	// Newest first: the first line shown is the last one, after which the
	// balance is 90.
	desc[0], desc[2] = desc[2], desc[0]
	RunBalances(desc, d("90"), true)
	want := []string{"110", "85", "90"}
	for i, w := range want {
		if !asc[i].Balance.Net.Equal(d(w)) || !desc[2-i].Balance.Net.Equal(d(w)) {
			t.Errorf("line %d: %s / %s, want %s", i, asc[i].Balance.Net, desc[2-i].Balance.Net, w)
		}
	}
}
