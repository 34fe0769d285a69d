package db_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Closing vouchers (结转损益) and the review step (issue 16, part 4).

// monthMovement is, from the journal lines themselves, each account's
// debit less credit over a month: with closing vouchers (all) or without
// them (the business of the month).
func monthMovement(t *testing.T, d *db.DB, year, month int, withClosing bool) map[string]decimal.Decimal {
	t.Helper()
	var rows []struct {
		Code string          `db:"account_code"`
		Net  decimal.Decimal `db:"net"`
	}
	if err := d.SelectContext(context.Background(), &rows, `SELECT l.account_code, sum(l.debit) - sum(l.credit) AS net
		FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
		WHERE extract(year FROM e.posting_date) = $1 AND extract(month FROM e.posting_date) = $2 AND ($3 OR e.source_type <> 'CLOSING')
		GROUP BY l.account_code`, year, month, withClosing); err != nil {
		t.Fatal(err)
	}
	out := map[string]decimal.Decimal{}
	for _, r := range rows {
		out[r.Code] = r.Net
	}
	return out
}

// accountTypes are the chart's account types by code.
func accountTypes(t *testing.T, d *db.DB) map[string]jxc.AccountType {
	t.Helper()
	var rows []struct {
		Code string          `db:"code"`
		Type jxc.AccountType `db:"type"`
	}
	if err := d.SelectContext(context.Background(), &rows, `SELECT code, type FROM accounts`); err != nil {
		t.Fatal(err)
	}
	out := map[string]jxc.AccountType{}
	for _, r := range rows {
		out[r.Code] = r.Type
	}
	return out
}

// netProfit is income less expense of a movement map.
func netProfit(mv map[string]decimal.Decimal, types map[string]jxc.AccountType) decimal.Decimal {
	p := decimal.Zero
	for code, net := range mv {
		if t := types[code]; t == jxc.AccountRevenueT || t == jxc.AccountExpense {
			p = p.Sub(net)
		}
	}
	return p
}

// checkCarried: every income and expense account moved by 0 in the month
// once closing vouchers count, and 3103 moved by the month's net profit
// (income statement = journal lines = 3103).
func checkCarried(t *testing.T, d *db.DB, ledger *db.LedgerService, year, month int) decimal.Decimal {
	t.Helper()
	types := accountTypes(t, d)
	all := monthMovement(t, d, year, month, true)
	for code, net := range all {
		if tp := types[code]; (tp == jxc.AccountRevenueT || tp == jxc.AccountExpense) && !net.IsZero() {
			t.Errorf("%04d-%02d: account %s moved by %s after carry-forward, want 0", year, month, code, net)
		}
	}
	profit := netProfit(monthMovement(t, d, year, month, false), types)
	p := jxc.FiscalPeriod{Year: year, Month: month}
	pl, err := ledger.ProfitAndLoss(context.Background(), p.StartDate(), p.EndDate())
	if err != nil {
		t.Fatal(err)
	}
	if !pl.NetIncome.Equal(profit) {
		t.Errorf("%04d-%02d: income statement net profit %s, journal lines say %s", year, month, pl.NetIncome, profit)
	}
	carried := all[jxc.AccountCurrentYearProfit].Neg()
	if month == 12 {
		carried = carried.Add(all[jxc.AccountRetainedEarnings].Neg())
	}
	if !carried.Equal(profit) {
		t.Errorf("%04d-%02d: 3103 moved by %s (credit), net profit is %s", year, month, carried, profit)
	}
	return profit
}

func closingVouchers(t *testing.T, d *db.DB, year, month int) []string {
	t.Helper()
	var out []string
	if err := d.SelectContext(context.Background(), &out, `SELECT voucher_no || ' ' || description FROM journal_entries
		WHERE source_type = 'CLOSING' AND extract(year FROM posting_date) = $1 AND extract(month FROM posting_date) = $2 ORDER BY id`, year, month); err != nil {
		t.Fatal(err)
	}
	return out
}

// The demo company's business of a month, closed: the closing voucher
// carries every income and expense account to 3103, the income statement
// still shows the month's business and its net profit is 3103's movement;
// reopening reverses the voucher, and closing again after more postings
// carries the new figures.
func TestClosingCarriesTheDemoMonthToCurrentYearProfit(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	ledger := db.NewLedgerService(d)
	today := jxc.Today(d.Now())
	last := jxc.DateOf(time.Date(today.Year, today.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0))
	y, m := last.Year, int(last.Month)
	before := netProfit(monthMovement(t, d, y, m, true), accountTypes(t, d))
	if before.IsZero() {
		t.Fatalf("the demo has no profit or loss in %04d-%02d to carry", y, m)
	}
	mp := &jxc.FiscalPeriod{Year: y, Month: m}
	kpis := db.NewKPIService(d)
	k0, err := kpis.Report(ctx, mp.StartDate(), mp.EndDate(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.CloseFiscalPeriod(ctx, y, m, true); err != nil {
		t.Fatal(err)
	}
	// The month's KPIs and its month-end summary show its business, not
	// the carry-forward.
	k1, err := kpis.Report(ctx, mp.StartDate(), mp.EndDate(), nil, nil)
	if err != nil || !k1.Current.Sales.Equal(k0.Current.Sales) || !k1.Current.NetIncome.Equal(k0.Current.NetIncome) || k0.Current.Sales.IsZero() {
		t.Fatalf("KPIs before closing %+v, after %+v (%v)", k0.Current, k1.Current, err)
	}
	if sum, err := kpis.PeriodSummary(ctx, y, m); err != nil || !sum.KPIs.NetIncome.Equal(k0.Current.NetIncome) {
		t.Fatalf("month-end summary %+v, want net income %s (%v)", sum, k0.Current.NetIncome, err)
	}
	vs := closingVouchers(t, d, y, m)
	if len(vs) != 1 || !strings.Contains(vs[0], "结转 "+jxc.PeriodLabel(y, m).ZH+" 损益") {
		t.Fatalf("closing vouchers of %04d-%02d: %v", y, m, vs)
	}
	if got := checkCarried(t, d, ledger, y, m); !got.Equal(before) {
		t.Fatalf("net profit %s before closing, %s after", before, got)
	}
	// Every earlier month closed with it was carried too.
	var months []struct {
		Y int `db:"y"`
		M int `db:"m"`
	}
	if err := d.SelectContext(ctx, &months, `SELECT year AS y, month AS m FROM fiscal_periods WHERE status = 'CLOSED' ORDER BY 1, 2`); err != nil {
		t.Fatal(err)
	}
	for _, p := range months {
		checkCarried(t, d, ledger, p.Y, p.M)
	}
	bs, err := ledger.BalanceSheet(ctx, (&jxc.FiscalPeriod{Year: y, Month: m}).EndDate())
	if err != nil || !bs.Balanced() || !bs.UnclosedProfit.IsZero() {
		t.Fatalf("balance sheet after closing: balanced %v, profit not carried %s, %v", bs != nil && bs.Balanced(), bs.UnclosedProfit, err)
	}
	checkBooks(t, ledger)

	// Reopen: the closing voucher is reversed, the month's profit stands
	// uncarried on the balance sheet again.
	if _, err := ledger.ReopenFiscalPeriod(ctx, y, m, "a late rent invoice"); err != nil {
		t.Fatal(err)
	}
	if vs := closingVouchers(t, d, y, m); len(vs) != 2 || !strings.Contains(vs[1], "冲销结转凭证") {
		t.Fatalf("after reopening: %v", vs)
	}
	if mv := monthMovement(t, d, y, m, true); !mv[jxc.AccountCurrentYearProfit].IsZero() || !netProfit(mv, accountTypes(t, d)).Equal(before) {
		t.Fatalf("after reopening 3103 moved by %s, profit %s", mv[jxc.AccountCurrentYearProfit], netProfit(mv, accountTypes(t, d)))
	}
	bs, _ = ledger.BalanceSheet(ctx, (&jxc.FiscalPeriod{Year: y, Month: m}).EndDate())
	if !bs.UnclosedProfit.Equal(before) || !bs.Balanced() {
		t.Fatalf("balance sheet after reopening: profit not carried %s, want %s", bs.UnclosedProfit, before)
	}
	// The closing voucher is undone by reopening, never by hand.
	var closingID int64
	if err := d.GetContext(ctx, &closingID, `SELECT id FROM journal_entries WHERE source_type = 'CLOSING' ORDER BY id DESC LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.ReverseJournalEntry(ctx, closingID, today, ""); refusedAs(err) != jxc.ECONFLICT {
		t.Fatalf("reversing a closing voucher by hand: %v", err)
	}
	day := jxc.Date{Year: y, Month: time.Month(m), Day: 28}
	if _, err := ledger.PostManualEntry(ctx, rent(day, "1234.56")); err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.CloseFiscalPeriod(ctx, y, m, false); err != nil {
		t.Fatal(err)
	}
	if vs := closingVouchers(t, d, y, m); len(vs) != 3 {
		t.Fatalf("after closing again: %v", vs)
	}
	if got := checkCarried(t, d, ledger, y, m); !got.Equal(before.Sub(dec("1234.56"))) {
		t.Fatalf("net profit after the late rent %s, want %s", got, before.Sub(dec("1234.56")))
	}
	checkBooks(t, ledger)
}

// Yearly: nothing is carried until December; December's close carries the
// whole year to 3103 and 3103 to 3104.
func TestClosingYearlyCarriesOnlyInDecember(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 1, 1)
	setDuties(t, b.d, jxc.CompanySettingsUpdate{ProfitCarryForward: jxc.Ptr(jxc.CarryYearly)})
	year := jxc.Today(b.d.Now()).Year - 1
	sale := func(day jxc.Date, amount string) {
		t.Helper()
		if _, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: day, Description: "consulting", Lines: []jxc.ManualLine{
			{AccountCode: "1002", Debit: dec(amount)}, {AccountCode: jxc.AccountOtherIncome, Credit: dec(amount)}}}); err != nil {
			t.Fatal(err)
		}
	}
	for m := 10; m <= 12; m++ {
		sale(jxc.Date{Year: year, Month: time.Month(m), Day: 5}, "1000")
		if _, err := b.ledger.PostManualEntry(ctx, rent(jxc.Date{Year: year, Month: time.Month(m), Day: 6}, "300")); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.ledger.CloseFiscalPeriod(ctx, year, 11, true); err != nil {
		t.Fatal(err)
	}
	for m := 10; m <= 11; m++ {
		if vs := closingVouchers(t, b.d, year, m); len(vs) != 0 {
			t.Fatalf("yearly mode carried in %d-%02d: %v", year, m, vs)
		}
	}
	bs, _ := b.ledger.BalanceSheet(ctx, jxc.Date{Year: year, Month: 11, Day: 30})
	if !bs.UnclosedProfit.Equal(dec("1400")) || !bs.Balanced() {
		t.Fatalf("November, yearly mode: profit not carried %s, want 1400", bs.UnclosedProfit)
	}
	checkBooks(t, b.ledger)
	if _, err := b.ledger.CloseFiscalPeriod(ctx, year, 12, false); err != nil {
		t.Fatal(err)
	}
	vs := closingVouchers(t, b.d, year, 12)
	if len(vs) != 2 || !strings.Contains(vs[1], "利润分配") {
		t.Fatalf("December's closing vouchers: %v", vs)
	}
	var incomeLeft, expenseLeft, profit, retained decimal.Decimal
	if err := b.d.QueryRowContext(ctx, `SELECT
		coalesce(sum(credit - debit) FILTER (WHERE account_code = '6301'), 0), coalesce(sum(debit - credit) FILTER (WHERE account_code = '6602'), 0),
		coalesce(sum(credit - debit) FILTER (WHERE account_code = '3103'), 0), coalesce(sum(credit - debit) FILTER (WHERE account_code = '3104'), 0)
		FROM journal_lines`).Scan(&incomeLeft, &expenseLeft, &profit, &retained); err != nil {
		t.Fatal(err)
	}
	if !incomeLeft.IsZero() || !expenseLeft.IsZero() || !profit.IsZero() || !retained.Equal(dec("2100")) {
		t.Fatalf("after the year end: income %s, expense %s, 3103 %s left; 3104 %s, want 2100", incomeLeft, expenseLeft, profit, retained)
	}
	// The year's income statement still shows the year's business.
	pl, err := b.ledger.ProfitAndLoss(ctx, jxc.Date{Year: year, Month: 1, Day: 1}, jxc.Date{Year: year, Month: 12, Day: 31})
	if err != nil || !pl.NetIncome.Equal(dec("2100")) {
		t.Fatalf("the year's net income %v, want 2100 (%v)", pl, err)
	}
	bs, _ = b.ledger.BalanceSheet(ctx, jxc.Date{Year: year, Month: 12, Day: 31})
	if !bs.UnclosedProfit.IsZero() || !bs.Balanced() {
		t.Fatalf("year end: profit not carried %s, balanced %v", bs.UnclosedProfit, bs.Balanced())
	}
	checkBooks(t, b.ledger)
	// Reopening December reverses both; closing again carries again.
	if _, err := b.ledger.ReopenFiscalPeriod(ctx, year, 12, "audit adjustment"); err != nil {
		t.Fatal(err)
	}
	if vs := closingVouchers(t, b.d, year, 12); len(vs) != 4 {
		t.Fatalf("after reopening December: %v", vs)
	}
	bs, _ = b.ledger.BalanceSheet(ctx, jxc.Date{Year: year, Month: 12, Day: 31})
	if !bs.UnclosedProfit.Equal(dec("2100")) {
		t.Fatalf("reopened December: profit not carried %s, want 2100", bs.UnclosedProfit)
	}
	if _, err := b.ledger.CloseFiscalPeriod(ctx, year, 12, false); err != nil {
		t.Fatal(err)
	}
	checkBooks(t, b.ledger)
}

// The books check finds a closed month whose income was not carried.
func TestBooksCheckFindsIncompleteClosing(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 1, 1)
	setDuties(t, b.d, jxc.CompanySettingsUpdate{ProfitCarryForward: jxc.Ptr(jxc.CarryYearly)})
	day := jxc.Date{Year: jxc.Today(b.d.Now()).Year - 1, Month: 3, Day: 3}
	if _, err := b.ledger.PostManualEntry(ctx, rent(day, "80")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ledger.CloseFiscalPeriod(ctx, day.Year, 3, true); err != nil {
		t.Fatal(err)
	}
	// Closed in yearly mode, March keeps its expense: healthy.
	checkBooks(t, b.ledger)
	// As if March had closed in monthly mode without its closing voucher.
	if _, err := b.d.ExecContext(ctx, `UPDATE fiscal_periods SET carried_forward = 'MONTHLY' WHERE year = $1 AND month = 3`, day.Year); err != nil {
		t.Fatal(err)
	}
	c, err := b.ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, v := range c.Violations {
		found = append(found, string(v.Rule))
	}
	if len(found) != 1 || found[0] != string(jxc.RuleClosingIncomplete) {
		t.Fatalf("violations %v, want only %s", found, jxc.RuleClosingIncomplete)
	}
}

// The review step: with it on, a period with unreviewed vouchers does not
// close (the refusal counts them and names the first), the creator may not
// review his own voucher, another finance user may; a review is taken back
// only while the period is open.
func TestVoucherReviewBeforeClosing(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 1, 1)
	setDuties(t, b.d, jxc.CompanySettingsUpdate{VoucherReview: jxc.Ptr(true)})
	maker := as(t, b.d, "maker", jxc.RoleFinance)
	checker := as(t, b.d, "checker", jxc.RoleFinance)
	year := jxc.Today(b.d.Now()).Year - 1
	var ids []int64
	var nos []string
	for i := 1; i <= 7; i++ {
		e, err := b.ledger.PostManualEntry(maker, rent(jxc.Date{Year: year, Month: 5, Day: i}, "10"))
		if err != nil {
			t.Fatal(err)
		}
		ids, nos = append(ids, e.ID), append(nos, e.VoucherNo)
	}
	_, err := b.ledger.CloseFiscalPeriod(checker, year, 5, true)
	e := asError(t, err)
	if e.Code != jxc.ECONFLICT || e.Field != "input.month" || !strings.Contains(e.Message, "7 vouchers") ||
		!strings.Contains(e.Message, nos[0]) || !strings.Contains(e.Message, nos[4]) || strings.Contains(e.Message, nos[5]) {
		t.Fatalf("closing with unreviewed vouchers: %v", err)
	}
	if zh := e.Localize(jxc.LangZH); !strings.Contains(zh, "7 张凭证未审核") {
		t.Fatalf("in Chinese: %s", zh)
	}
	// The maker may not review his own vouchers; nothing is written.
	_, err = b.ledger.ReviewVouchers(maker, ids[:2])
	if es, _ := jxc.AsErrors(err); len(es) != 2 || es[0].Code != jxc.EDUTY || es[1].Field != "input.ids.1" {
		t.Fatalf("reviewing own vouchers: %v", err)
	}
	if n := count(t, b.d, `SELECT count(*) FROM voucher_reviews`); n != 0 {
		t.Fatalf("a refused review left %d rows", n)
	}
	done, err := b.ledger.ReviewVouchers(checker, ids[:6])
	if err != nil || len(done) != 6 || done[0].ReviewedAt == nil || done[0].ReviewedByID == nil {
		t.Fatalf("review by another user: %v %v", done, err)
	}
	if _, err := b.ledger.ReviewVouchers(checker, ids[5:]); refusedAs(err) != jxc.ECONFLICT {
		t.Fatalf("reviewing a reviewed voucher again: %v", err)
	}
	_, err = b.ledger.CloseFiscalPeriod(checker, year, 5, true)
	if e := asError(t, err); !strings.Contains(e.Message, "1 vouchers") || !strings.Contains(e.Message, nos[6]) {
		t.Fatalf("closing with one unreviewed voucher: %v", err)
	}
	if _, err := b.ledger.ReviewVouchers(checker, ids[6:]); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ledger.CloseFiscalPeriod(checker, year, 5, true); err != nil {
		t.Fatal(err)
	}
	if n := count(t, b.d, `SELECT count(*) FROM audit_log WHERE record_type = 'journalEntry' AND action = 'review'`); n != 7 {
		t.Fatalf("%d review audit rows, want 7", n)
	}
	if _, err := b.ledger.UnreviewVouchers(checker, ids[:1]); refusedAs(err) != jxc.EPERIODCLOSED {
		t.Fatalf("taking a review back in a closed period: %v", err)
	}
	checkBooks(t, b.ledger)
	// A review lost in a closed period is a broken rule.
	if _, err := b.d.ExecContext(ctx, `DELETE FROM voucher_reviews WHERE entry_id = $1`, ids[3]); err != nil {
		t.Fatal(err)
	}
	c, err := b.ledger.BooksCheck(ctx)
	if err != nil || len(c.Violations) != 1 || c.Violations[0].Rule != jxc.RuleUnreviewedInClosedPeriod || c.Violations[0].Rows[0].Key != nos[3] {
		t.Fatalf("books check with a lost review: %+v %v", c, err)
	}
	if _, err := b.ledger.ReviewVouchers(checker, ids[3:4]); err != nil {
		t.Fatalf("reviewing in a closed period: %v", err)
	}
	checkBooks(t, b.ledger)
	if _, err := b.ledger.ReopenFiscalPeriod(checker, year, 5, "correction"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ledger.UnreviewVouchers(checker, ids[:1]); err != nil {
		t.Fatal(err)
	}
	got, _ := b.ledger.FindJournalEntryByID(ctx, ids[0])
	if got.ReviewedAt != nil {
		t.Fatalf("review taken back but still reviewed at %v", got.ReviewedAt)
	}
}

func asError(t *testing.T, err error) *jxc.Error {
	t.Helper()
	es, ok := jxc.AsErrors(err)
	if !ok || len(es) != 1 {
		t.Fatalf("want one domain error, got %v", err)
	}
	return es[0]
}
