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

// sqlAccountSums is the independent reckoning of the account balances: per
// account of the chart, its lines and those of every account below it
// (codes that start with its code and a dot), summed from the journal
// lines themselves.
type sqlAccountSums struct {
	Code    string          `db:"code"`
	Opening decimal.Decimal `db:"opening"`
	Debit   decimal.Decimal `db:"debit"`
	Credit  decimal.Decimal `db:"credit"`
	YDebit  decimal.Decimal `db:"ydebit"`
	YCredit decimal.Decimal `db:"ycredit"`
}

func sumsFromLines(t *testing.T, d *db.DB, from, to, yearStart jxc.Date) map[string]sqlAccountSums {
	t.Helper()
	var rows []sqlAccountSums
	if err := d.SelectContext(context.Background(), &rows, `SELECT a.code,
			coalesce(sum(l.debit - l.credit) FILTER (WHERE l.posting_date < $1), 0) AS opening,
			coalesce(sum(l.debit) FILTER (WHERE l.posting_date >= $1), 0) AS debit,
			coalesce(sum(l.credit) FILTER (WHERE l.posting_date >= $1), 0) AS credit,
			coalesce(sum(l.debit) FILTER (WHERE l.posting_date >= $3), 0) AS ydebit,
			coalesce(sum(l.credit) FILTER (WHERE l.posting_date >= $3), 0) AS ycredit
		FROM accounts a LEFT JOIN journal_lines l ON (l.account_code = a.code OR l.account_code LIKE a.code || '.%') AND l.posting_date <= $2
		GROUP BY a.code`, from, to, yearStart); err != nil {
		t.Fatal(err)
	}
	out := map[string]sqlAccountSums{}
	for _, r := range rows {
		out[r.Code] = r
	}
	return out
}

// checkAccountBalances checks every row of the account balances: opening +
// period debit - period credit = closing, each figure equal to the sums of
// the journal lines, and totals that balance.
func checkAccountBalances(t *testing.T, d *db.DB, ab *jxc.AccountBalances, minMoved int) {
	t.Helper()
	want := sumsFromLines(t, d, ab.From(), ab.To(), ab.YearStart())
	var chart int
	if err := d.GetContext(context.Background(), &chart, `SELECT count(*) FROM accounts`); err != nil {
		t.Fatal(err)
	}
	if len(ab.Rows) != chart {
		t.Errorf("%d rows for %d accounts", len(ab.Rows), chart)
	}
	moved := 0
	for _, r := range ab.Rows {
		code := r.Account.Code
		if got := r.Opening.Net.Add(r.PeriodDebit).Sub(r.PeriodCredit); !got.Equal(r.Closing.Net) {
			t.Errorf("%s: opening %s + %s - %s = %s, closing %s", code, r.Opening.Net, r.PeriodDebit, r.PeriodCredit, got, r.Closing.Net)
		}
		// On the account's normal side the same equation holds.
		sign := decimal.NewFromInt(1)
		if !r.Account.Type.DebitNormal() {
			sign = sign.Neg()
		}
		move := r.PeriodDebit.Sub(r.PeriodCredit).Mul(sign)
		if !r.Opening.Net.Mul(sign).Add(move).Equal(r.Closing.Net.Mul(sign)) {
			t.Errorf("%s: normal-side equation broken", code)
		}
		for _, b := range []jxc.LedgerBalance{r.Opening, r.Closing} {
			if b.Amount.IsNegative() || (b.Direction == jxc.BalanceFlat) != b.Amount.IsZero() {
				t.Errorf("%s: balance %+v", code, b)
			}
		}
		w := want[code]
		if !r.Opening.Net.Equal(w.Opening) || !r.PeriodDebit.Equal(w.Debit) || !r.PeriodCredit.Equal(w.Credit) ||
			!r.YearDebit.Equal(w.YDebit) || !r.YearCredit.Equal(w.YCredit) {
			t.Errorf("%s: opening %s debit %s credit %s year %s/%s; the journal lines say %+v", code, r.Opening.Net, r.PeriodDebit, r.PeriodCredit,
				r.YearDebit, r.YearCredit, w)
		}
		if !r.PeriodDebit.IsZero() || !r.PeriodCredit.IsZero() {
			moved++
		}
	}
	if moved < minMoved {
		t.Errorf("only %d accounts moved in %s..%s", moved, ab.From(), ab.To())
	}
	tt := ab.Totals
	if !tt.Balanced() || tt.PeriodDebit.IsZero() {
		t.Errorf("totals do not balance: %+v", tt)
	}
}

func TestAccountBalancesOfTheDemoMonth(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	ledger := db.NewLedgerService(d)
	var last jxc.Date
	if err := d.GetContext(ctx, &last, `SELECT max(posting_date) FROM journal_entries WHERE source_type <> 'OPENING_STOCK'`); err != nil {
		t.Fatal(err)
	}
	month := jxc.PeriodRange{FromYear: last.Year, FromMonth: int(last.Month), ToYear: last.Year, ToMonth: int(last.Month)}
	ab, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: month, Level: jxc.MaxAccountLevel})
	if err != nil {
		t.Fatal(err)
	}
	checkAccountBalances(t, d, ab, 5)
	if ab.Totals.OpeningDebit.IsZero() {
		t.Error("the demo month has no opening balances")
	}

	// Level 1: only top accounts, whose figures include every sub-account.
	top, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: month, Level: 1, HideEmpty: true})
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]*jxc.AccountBalanceRow{}
	for _, r := range ab.Rows {
		byCode[r.Account.Code] = r
	}
	for _, r := range top.Rows {
		if r.Level != 1 || r.Empty() {
			t.Errorf("level 1 shows %s (level %d, empty %v)", r.Account.Code, r.Level, r.Empty())
		}
		if full := byCode[r.Account.Code]; !full.Closing.Net.Equal(r.Closing.Net) {
			t.Errorf("%s closes at %s at level 1, %s at level 4", r.Account.Code, r.Closing.Net, full.Closing.Net)
		}
	}
	if !sameTotals(top.Totals, ab.Totals) {
		t.Errorf("totals differ by level: %+v vs %+v", top.Totals, ab.Totals)
	}
	if byCode["2202"] == nil || !byCode["2202"].Closing.Net.Equal(byCode["2202.01"].Closing.Net.Add(byCode["2202.02"].Closing.Net)) {
		t.Error("2202 does not sum its sub-accounts")
	}
	if byCode["2202"].Closing.Direction != jxc.BalanceCredit || byCode["1405"].Closing.Direction != jxc.BalanceDebit {
		t.Errorf("directions: 2202 %s, 1405 %s", byCode["2202"].Closing.Direction, byCode["1405"].Closing.Direction)
	}
	vat, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: month, Level: 4, AccountCode: jxc.Ptr("2221")})
	if err != nil || len(vat.Rows) < 3 || vat.Rows[0].Account.Code != "2221" {
		t.Fatalf("2221 prefix: %v %v", vat, err)
	}

	// The general ledger's month is the account balances' row.
	for _, code := range []string{"1405", "1122", "2221"} {
		g, err := ledger.GeneralLedger(ctx, code, month)
		if err != nil || len(g.Months) != 1 {
			t.Fatalf("general ledger %s: %v %v", code, g, err)
		}
		r, m := byCode[code], g.Months[0]
		if !same(m.Opening, r.Opening) || !m.Debit.Equal(r.PeriodDebit) || !m.Credit.Equal(r.PeriodCredit) || !same(m.Closing, r.Closing) ||
			!m.YearDebit.Equal(r.YearDebit) || !m.YearCredit.Equal(r.YearCredit) {
			t.Errorf("general ledger %s %+v, account balances %+v", code, m, r)
		}
	}

	// The sub-ledgers of 1405 and 1122: the balance after each line is the
	// plain sum of the journal lines up to it.
	for _, code := range []string{"1405", "1122"} {
		checkAccountLedger(t, d, ledger, code, month.From(), month.To(), byCode[code])
	}
}

// checkAccountLedger reads an account's sub-ledger in one page and in
// pages of 3, oldest and newest first, and compares every line's balance
// with a running sum computed in SQL.
func checkAccountLedger(t *testing.T, d *db.DB, ledger *db.LedgerService, code string, from, to jxc.Date, row *jxc.AccountBalanceRow) {
	t.Helper()
	ctx := context.Background()
	var want []struct {
		ID      int64           `db:"id"`
		Balance decimal.Decimal `db:"balance"`
	}
	if err := d.SelectContext(ctx, &want, `SELECT l.id,
			(SELECT coalesce(sum(debit - credit), 0) FROM journal_lines WHERE account_code LIKE $1 || '%' AND posting_date < $2)
			+ sum(l.debit - l.credit) OVER (ORDER BY l.posting_date, e.voucher_seq, l.id) AS balance
		FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
		WHERE l.account_code LIKE $1 || '%' AND l.posting_date BETWEEN $2 AND $3
		ORDER BY l.posting_date, e.voucher_seq, l.id`, code, from, to); err != nil {
		t.Fatal(err)
	}
	if len(want) < 4 {
		t.Fatalf("%s has only %d lines in %s..%s", code, len(want), from, to)
	}
	read := func(first int, dir jxc.SortDirection) (*jxc.AccountLedger, []*jxc.AccountLedgerLine) {
		var all []*jxc.AccountLedgerLine
		var after *string
		var l *jxc.AccountLedger
		for range 2000 {
			var err error
			l, err = ledger.AccountLedger(ctx, code, from, to, &jxc.AccountLedgerOrder{Field: jxc.AccountLedgerByDate, Direction: dir},
				jxc.PageArgs{First: &first, After: after})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, l.Lines.Items...)
			if !l.Lines.HasNextPage() {
				return l, all
			}
			after = jxc.Ptr(jxc.EncodeCursor(l.Lines.Offset + len(l.Lines.Items) - 1))
		}
		t.Fatal("paging did not end")
		return nil, nil
	}
	one, lines := read(200, jxc.Asc)
	if len(want) > 200 {
		t.Fatalf("%s: %d lines, more than one page", code, len(want))
	}
	if !same(one.Opening, row.Opening) || !same(one.Closing, row.Closing) || !one.PeriodDebit.Equal(row.PeriodDebit) {
		t.Errorf("%s ledger opens %+v closes %+v; account balances %+v %+v", code, one.Opening, one.Closing, row.Opening, row.Closing)
	}
	if len(lines) != len(want) || one.Lines.TotalCount != len(want) {
		t.Fatalf("%s: %d lines (total %d), SQL has %d", code, len(lines), one.Lines.TotalCount, len(want))
	}
	for i, w := range want {
		l := lines[i]
		if l.ID != w.ID || !l.Balance.Net.Equal(w.Balance) {
			t.Errorf("%s line %d: id %d balance %s, SQL id %d balance %s", code, i, l.ID, l.Balance.Net, w.ID, w.Balance)
		}
		if l.VoucherNo == "" || l.Entry == nil || l.Entry.VoucherNo != l.VoucherNo || l.Account == nil || l.Description() == "" {
			t.Errorf("%s line %d: voucher %q entry %v account %v description %q", code, i, l.VoucherNo, l.Entry, l.Account, l.Description())
		}
	}
	if !lines[len(lines)-1].Balance.Net.Equal(one.Closing.Net) {
		t.Errorf("%s: last line's balance %s, closing %s", code, lines[len(lines)-1].Balance.Net, one.Closing.Net)
	}
	_, paged := read(3, jxc.Asc)
	_, desc := read(3, jxc.Desc)
	if len(paged) != len(want) || len(desc) != len(want) {
		t.Fatalf("%s: %d lines in pages of 3, %d newest first; want %d", code, len(paged), len(desc), len(want))
	}
	for i, w := range want {
		if p := paged[i]; p.ID != w.ID || !p.Balance.Net.Equal(w.Balance) {
			t.Errorf("%s pages of 3, line %d: id %d balance %s, want id %d %s", code, i, p.ID, p.Balance.Net, w.ID, w.Balance)
		}
		if p := desc[len(desc)-1-i]; p.ID != w.ID || !p.Balance.Net.Equal(w.Balance) {
			t.Errorf("%s newest first, line %d: id %d balance %s, want id %d %s", code, i, p.ID, p.Balance.Net, w.ID, w.Balance)
		}
	}
}

// A range across a year's end: the year to date (本年累计) starts again in
// January, and the general ledger's months follow on from each other.
func TestAccountBalancesAcrossAYearEnd(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	reopenDemo(t, d)
	ledger := db.NewLedgerService(d)
	var first jxc.Date
	if err := d.GetContext(ctx, &first, `SELECT min(posting_date) FROM journal_entries`); err != nil {
		t.Fatal(err)
	}
	// Office costs on both sides of the year's end before the demo's
	// history, so that the range's opening is not empty either.
	y := first.Year - 1
	post := func(day jxc.Date, amount string) {
		if _, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: day, Description: "office costs", Lines: []jxc.ManualLine{
			{AccountCode: jxc.AccountAdminExpenses, Debit: dec(amount)}, {AccountCode: jxc.AccountBank, Credit: dec(amount)}}}); err != nil {
			t.Fatal(err)
		}
	}
	post(jxc.Date{Year: y - 1, Month: time.October, Day: 3}, "40")
	post(jxc.Date{Year: y - 1, Month: time.December, Day: 20}, "100")
	post(jxc.Date{Year: y, Month: time.January, Day: 10}, "7.5")
	post(jxc.Date{Year: y, Month: time.February, Day: 28}, "30")
	r := jxc.PeriodRange{FromYear: y - 1, FromMonth: 11, ToYear: y, ToMonth: 2}
	ab, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: r, Level: jxc.MaxAccountLevel})
	if err != nil {
		t.Fatal(err)
	}
	var row *jxc.AccountBalanceRow
	for _, x := range ab.Rows {
		if x.Account.Code == jxc.AccountAdminExpenses {
			row = x
		}
	}
	if row == nil || !row.Opening.Net.Equal(dec("40")) || !row.PeriodDebit.Equal(dec("137.5")) || !row.YearDebit.Equal(dec("37.5")) ||
		!row.Closing.Net.Equal(dec("177.5")) {
		t.Fatalf("6602 across the year end: %+v", row)
	}
	g, err := ledger.GeneralLedger(ctx, jxc.AccountAdminExpenses, r)
	if err != nil || len(g.Months) != 4 {
		t.Fatalf("general ledger: %+v %v", g, err)
	}
	wantYear := []string{"40", "140", "7.5", "37.5"} // Nov, Dec, Jan, Feb
	for i, m := range g.Months {
		if !m.YearDebit.Equal(dec(wantYear[i])) {
			t.Errorf("%d-%02d: year to date %s, want %s", m.Year, m.Month, m.YearDebit, wantYear[i])
		}
		if i > 0 && !same(m.Opening, g.Months[i-1].Closing) {
			t.Errorf("%d-%02d opens at %+v, the month before closed at %+v", m.Year, m.Month, m.Opening, g.Months[i-1].Closing)
		}
	}
	if g.Months[2].Year != y || g.Months[2].Month != 1 || !same(g.Closing, row.Closing) {
		t.Errorf("months %+v closing %+v", g.Months[2], g.Closing)
	}
	checkAccountBalances(t, d, ab, 2)
	// The sub-ledger across the year end runs on from the opening.
	l, err := ledger.AccountLedger(ctx, jxc.AccountAdminExpenses, r.From(), r.To(), nil, jxc.PageArgs{})
	if err != nil || len(l.Lines.Items) != 3 || !l.Opening.Net.Equal(dec("40")) {
		t.Fatalf("6602 sub-ledger: %+v %v", l, err)
	}
	for i, w := range []string{"140", "147.5", "177.5"} {
		if b := l.Lines.Items[i].Balance; !b.Net.Equal(dec(w)) || b.Direction != jxc.BalanceDebit {
			t.Errorf("6602 line %d: %+v, want %s", i, b, w)
		}
	}
	// The whole history to today across year ends.
	last := jxc.Today(d.Now())
	all, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: jxc.PeriodRange{FromYear: y - 1, FromMonth: 1,
		ToYear: last.Year, ToMonth: int(last.Month)}, Level: jxc.MaxAccountLevel})
	if err != nil {
		t.Fatal(err)
	}
	checkAccountBalances(t, d, all, 5)
}

func TestLedgerBooksRefuseBadRanges(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	ledger := db.NewLedgerService(d)
	cases := []struct {
		name  string
		call  func() error
		code  string
		field string
	}{
		{"month 13", func() error {
			_, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: pr(2026, 1, 2026, 13), Level: 4})
			return err
		}, jxc.EINVALID, "toMonth"},
		{"year outside", func() error {
			_, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: pr(1999, 1, 2026, 1), Level: 4})
			return err
		}, jxc.EDATERANGE, "fromYear"},
		{"reversed", func() error {
			_, err := ledger.GeneralLedger(ctx, "1405", pr(2026, 5, 2026, 4))
			return err
		}, jxc.EINVALID, "toMonth"},
		{"level 5", func() error {
			_, err := ledger.AccountBalances(ctx, jxc.AccountBalancesQuery{PeriodRange: pr(2026, 1, 2026, 2), Level: 5})
			return err
		}, jxc.EINVALID, "level"},
		{"no account", func() error {
			_, err := ledger.AccountLedger(ctx, "9999", jxc.Date{Year: 2026, Month: 1, Day: 1}, jxc.Date{Year: 2026, Month: 1, Day: 31}, nil, jxc.PageArgs{})
			return err
		}, jxc.ENOTFOUND, "accountCode"},
		{"dates reversed", func() error {
			_, err := ledger.AccountLedger(ctx, "1405", jxc.Date{Year: 2026, Month: 2, Day: 1}, jxc.Date{Year: 2026, Month: 1, Day: 31}, nil, jxc.PageArgs{})
			return err
		}, jxc.EINVALID, "to"},
	}
	for _, c := range cases {
		es, _ := jxc.AsErrors(c.call())
		found := false
		for _, e := range es {
			if e.Code == c.code && e.Field == c.field && e.Template != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want %s on %s, got %v", c.name, c.code, c.field, es)
		}
	}
}

func pr(fy, fm, ty, tm int) jxc.PeriodRange {
	return jxc.PeriodRange{FromYear: fy, FromMonth: fm, ToYear: ty, ToMonth: tm}
}

// same compares two balances by value (decimals compare by amount, not by
// their representation).
func same(a, b jxc.LedgerBalance) bool {
	return a.Direction == b.Direction && a.Amount.Equal(b.Amount) && a.Net.Equal(b.Net)
}

func sameTotals(a, b jxc.AccountBalanceTotals) bool {
	x := []decimal.Decimal{a.OpeningDebit, a.OpeningCredit, a.PeriodDebit, a.PeriodCredit, a.ClosingDebit, a.ClosingCredit, a.YearDebit, a.YearCredit}
	y := []decimal.Decimal{b.OpeningDebit, b.OpeningCredit, b.PeriodDebit, b.PeriodCredit, b.ClosingDebit, b.ClosingCredit, b.YearDebit, b.YearCredit}
	for i := range x {
		if !x[i].Equal(y[i]) {
			return false
		}
	}
	return true
}
