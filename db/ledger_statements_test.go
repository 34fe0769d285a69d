package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// lineSums computes every ACCOUNTS line of a form straight from the journal
// lines and the mapping tables, in SQL, without the service: each posting
// account under a line's prefix, its debit - credit over the dates (all
// time up to `to` on the balance sheet, from..to on the income statement,
// leaving out carry-forward entries), through the rule, turned to the
// line's direction and signed.
func lineSums(t *testing.T, d *db.DB, form jxc.StatementForm, from *jxc.Date, to jxc.Date) map[int]decimal.Decimal {
	t.Helper()
	var fromArg any
	if from != nil {
		fromArg = *from
	}
	var rows []struct {
		LineNo int             `db:"line_no"`
		Sum    decimal.Decimal `db:"sum"`
	}
	err := d.SelectContext(context.Background(), &rows, `
		WITH bal AS (
			SELECT l.account_code, sum(l.debit) - sum(l.credit) AS b
			FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
			WHERE e.posting_date <= $2 AND ($3::date IS NULL OR e.posting_date >= $3) AND e.source_type <> 'CLOSING'
			GROUP BY l.account_code
		)
		SELECT sl.line_no, coalesce(sum(m.sign * CASE sl.direction WHEN 'CREDIT' THEN -1 ELSE 1 END *
			CASE m.rule WHEN 'DEBIT_BALANCE_ONLY' THEN greatest(bal.b, 0) WHEN 'CREDIT_BALANCE_ONLY' THEN least(bal.b, 0) ELSE bal.b END), 0) AS sum
		FROM statement_lines sl
		LEFT JOIN statement_line_accounts m ON m.form = sl.form AND m.line_no = sl.line_no
		LEFT JOIN bal ON bal.account_code = m.account_prefix OR bal.account_code LIKE m.account_prefix || '.%'
			OR (length(m.account_prefix) = 1 AND bal.account_code LIKE m.account_prefix || '%')
		WHERE sl.form = $1 AND sl.kind = 'ACCOUNTS'
		GROUP BY sl.line_no`, form, to, fromArg)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]decimal.Decimal{}
	for _, r := range rows {
		out[r.LineNo] = r.Sum
	}
	return out
}

// plainSum is debit - credit of the accounts whose code matches a LIKE
// pattern, over posting dates from..to (from nil: all time).
func plainSum(t *testing.T, d *db.DB, like string, from *jxc.Date, to jxc.Date) decimal.Decimal {
	t.Helper()
	var fromArg any
	if from != nil {
		fromArg = *from
	}
	var s decimal.Decimal
	if err := d.GetContext(context.Background(), &s, `SELECT coalesce(sum(debit - credit), 0) FROM journal_lines
		WHERE account_code LIKE $1 AND posting_date <= $2 AND ($3::date IS NULL OR posting_date >= $3)`, like, to, fromArg); err != nil {
		t.Fatal(err)
	}
	return s
}

// The subtotals of 会小企01表 and 会小企02表 as the standard defines them,
// written out here independently of the shipped formulas.
var standardTotals = map[jxc.StatementForm]map[int][]int{
	jxc.FormBalanceSheet: {
		15: {1, 2, 3, 4, 5, 6, 7, 8, 9, 14},
		20: {18, -19},
		29: {16, 17, 20, 21, 22, 23, 24, 25, 26, 27, 28},
		30: {15, 29},
		41: {31, 32, 33, 34, 35, 36, 37, 38, 39, 40},
		46: {42, 43, 44, 45},
		47: {41, 46},
		52: {48, 49, 50, 51},
		53: {47, 52},
	},
	jxc.FormIncomeStatement: {
		21: {1, -2, -3, -11, -14, -18, 20},
		30: {21, 22, -24},
		32: {30, -31},
	},
}

func byLineNo(st *jxc.StatutoryStatement) map[int]*jxc.StatutoryLine {
	out := map[int]*jxc.StatutoryLine{}
	for _, l := range st.Lines {
		if l.LineNo != nil {
			out[*l.LineNo] = l
		}
	}
	return out
}

// checkStatement compares every line of a statement with the independent
// sums and the standard's totals.
func checkStatement(t *testing.T, st *jxc.StatutoryStatement, first, second map[int]decimal.Decimal) {
	t.Helper()
	lines := byLineNo(st)
	for n, l := range lines {
		if l.Kind != jxc.LineAccounts {
			continue
		}
		if !l.First.Equal(first[n]) || !l.Second.Equal(second[n]) {
			t.Errorf("%s %d-%02d line %d %s: %s / %s, the journal says %s / %s", st.Form, st.Year, st.Month, n, l.LabelZh, l.First, l.Second, first[n], second[n])
		}
		// The drill-down accounts add up to the line.
		var a, b decimal.Decimal
		for _, x := range l.Accounts {
			a, b = a.Add(x.Amount), b.Add(x.Second)
		}
		if !a.Equal(l.First) || !b.Equal(l.Second) {
			t.Errorf("%s line %d: its accounts sum to %s / %s, the line is %s / %s", st.Form, n, a, b, l.First, l.Second)
		}
	}
	for n, terms := range standardTotals[st.Form] {
		var a, b decimal.Decimal
		for _, term := range terms {
			k, i := decimal.NewFromInt(1), term
			if term < 0 {
				k, i = k.Neg(), -term
			}
			a, b = a.Add(lines[i].First.Mul(k)), b.Add(lines[i].Second.Mul(k))
		}
		if l := lines[n]; l == nil || !l.First.Equal(a) || !l.Second.Equal(b) {
			t.Errorf("%s line %d: %v, the standard's formula gives %s / %s", st.Form, n, l, a, b)
		}
	}
}

// TestStatutoryStatementsAgreeWithTheJournal posts the demo company's
// business (opening balances, purchases, sales, returns, payments, costs
// for the months of this year) and checks 资产负债表 and 利润表 for every
// month so far against sums taken straight from the journal lines.
func TestStatutoryStatementsAgreeWithTheJournal(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	svc := db.NewStatementService(d)
	today := jxc.Today(d.Now())
	year := today.Year
	jan1 := jxc.Date{Year: year, Month: time.January, Day: 1}
	check := func(month int) (*jxc.StatutoryStatement, *jxc.StatutoryStatement) {
		t.Helper()
		end := (&jxc.FiscalPeriod{Year: year, Month: month}).EndDate()
		first := jxc.Date{Year: year, Month: time.Month(month), Day: 1}
		bs, err := svc.BalanceSheet(ctx, year, month)
		if err != nil {
			t.Fatal(err)
		}
		checkStatement(t, bs, lineSums(t, d, jxc.FormBalanceSheet, nil, end), lineSums(t, d, jxc.FormBalanceSheet, nil, jan1.AddDays(-1)))
		lines := byLineNo(bs)
		if !bs.Balanced || !lines[30].First.Equal(lines[53].First) || !lines[30].Second.Equal(lines[53].Second) {
			t.Errorf("%d-%02d: 资产总计 %s / %s, 负债和所有者权益总计 %s / %s, balanced %v", year, month,
				lines[30].First, lines[30].Second, lines[53].First, lines[53].Second, bs.Balanced)
		}
		// 存货 is every 14xx account; 应交税费 the net of every 2221.* account.
		if want := plainSum(t, d, "14%", nil, end); !lines[9].First.Equal(want) {
			t.Errorf("%d-%02d: 存货 %s, the 14xx accounts hold %s", year, month, lines[9].First, want)
		}
		if want := plainSum(t, d, "2221%", nil, end).Neg(); !lines[36].First.Equal(want) {
			t.Errorf("%d-%02d: 应交税费 %s, 2221.* net to %s", year, month, lines[36].First, want)
		}
		is, err := svc.IncomeStatement(ctx, year, month)
		if err != nil {
			t.Fatal(err)
		}
		checkStatement(t, is, lineSums(t, d, jxc.FormIncomeStatement, &first, end), lineSums(t, d, jxc.FormIncomeStatement, &jan1, end))
		// 净利润 is all income less all costs, by account class.
		var net decimal.Decimal
		// (The closing vouchers, 结转损益, carry it to 3103: not income or cost.)
		if err := d.GetContext(ctx, &net, `SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_lines l JOIN accounts a ON a.code = l.account_code
			JOIN journal_entries e ON e.id = l.entry_id
			WHERE a.type IN ('REVENUE','EXPENSE') AND l.posting_date BETWEEN $1 AND $2 AND e.source_type <> 'CLOSING'`, jan1, end); err != nil {
			t.Fatal(err)
		}
		if got := byLineNo(is)[32].Second; !got.Equal(net) {
			t.Errorf("%d-%02d: 净利润 year to date %s, income less costs %s", year, month, got, net)
		}
		return bs, is
	}
	var bs, is *jxc.StatutoryStatement
	for m := 1; m <= int(today.Month); m++ {
		bs, is = check(m)
	}
	lines := byLineNo(bs)
	var has1405 bool
	for _, a := range lines[9].Accounts {
		has1405 = has1405 || a.Account.Code == jxc.AccountInventory && a.Amount.Sign() > 0
	}
	if !has1405 || lines[9].First.Sign() <= 0 || lines[1].First.Sign() == 0 {
		t.Errorf("the demo's 存货 %s (accounts %v) or 货币资金 %s is empty", lines[9].First, lines[9].Accounts, lines[1].First)
	}
	if in, out := plainSum(t, d, jxc.AccountInputVAT, nil, today), plainSum(t, d, jxc.AccountOutputVAT, nil, today); in.Sign() <= 0 || out.Sign() >= 0 {
		t.Fatalf("the demo has input VAT %s and output VAT %s: the net is not tested", in, out)
	}
	if rev := byLineNo(is)[1].Second; rev.Sign() <= 0 {
		t.Errorf("营业收入 year to date %s", rev)
	}
	// Input VAT beyond output VAT: 应交税费 turns negative on the
	// liabilities side (as the standard's instructions say), not an asset,
	// and the sheet still balances.
	// The entry brings the net to 1000 on the debit side.
	x := plainSum(t, d, "2221%", nil, today).Neg().Add(dec("1000"))
	vat, bank := jxc.ManualLine{AccountCode: jxc.AccountInputVAT, Debit: x}, jxc.ManualLine{AccountCode: jxc.AccountBank, Credit: x}
	if x.Sign() < 0 {
		vat, bank = jxc.ManualLine{AccountCode: jxc.AccountInputVAT, Credit: x.Neg()}, jxc.ManualLine{AccountCode: jxc.AccountBank, Debit: x.Neg()}
	}
	if _, err := db.NewLedgerService(d).PostManualEntry(ctx, jxc.ManualEntry{Date: today, Description: "进项税额 Input VAT", Lines: []jxc.ManualLine{vat, bank}}); err != nil {
		t.Fatal(err)
	}
	bs, _ = check(int(today.Month))
	if got := byLineNo(bs)[36].First; !got.Equal(dec("-1000")) {
		t.Errorf("应交税费 with input VAT 1000 above output VAT: %s, want -1000", got)
	}
	checkBooks(t, db.NewLedgerService(d))
}

// TestStatementLineUpdate changes a line's mapping through the one write
// path: unknown and overlapping prefixes, rules of the other form and
// computed lines are refused with userErrors naming the fields, nothing
// changes then; a good change moves the figure and leaves an audit row.
func TestStatementLineUpdate(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	svc := db.NewStatementService(d)
	today := jxc.Today(d.Now())
	_, err := svc.UpdateLine(ctx, jxc.StatementLineUpdate{Form: jxc.FormBalanceSheet, LineNo: 9, Accounts: []jxc.StatementMapping{
		{Prefix: "1405", Sign: 1, Rule: jxc.RuleBalance},
		{Prefix: "1499", Sign: 1, Rule: jxc.RuleBalance},
		{Prefix: "1405.01", Sign: 2, Rule: jxc.RuleMovement},
	}})
	es, ok := jxc.AsErrors(err)
	if !ok {
		t.Fatalf("bad mapping: %v", err)
	}
	want := map[string]string{"input.accounts.2.sign": jxc.EINVALID, "input.accounts.2.rule": jxc.EINVALID, "input.accounts.2.prefix": jxc.EINVALID}
	for _, e := range es {
		if want[e.Field] == e.Code {
			delete(want, e.Field)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing errors %v in %v", want, es)
	}
	_, err = svc.UpdateLine(ctx, jxc.StatementLineUpdate{Form: jxc.FormBalanceSheet, LineNo: 9, Accounts: []jxc.StatementMapping{{Prefix: "1499", Sign: 1, Rule: jxc.RuleBalance}}})
	if es, _ := jxc.AsErrors(err); len(es) != 1 || es[0].Code != jxc.ENOTFOUND || es[0].Field != "input.accounts.0.prefix" || es[0].Reason() != "UNKNOWN_ACCOUNT_PREFIX" {
		t.Errorf("unknown prefix: %v", err)
	}
	_, err = svc.UpdateLine(ctx, jxc.StatementLineUpdate{Form: jxc.FormBalanceSheet, LineNo: 15, Accounts: []jxc.StatementMapping{{Prefix: "1405", Sign: 1, Rule: jxc.RuleBalance}}})
	if es, _ := jxc.AsErrors(err); len(es) != 1 || es[0].Field != "input.lineNo" || es[0].Reason() != "STATEMENT_LINE_COMPUTED" {
		t.Errorf("subtotal line: %v", err)
	}
	before, _ := svc.BalanceSheet(ctx, today.Year, int(today.Month))
	inv := byLineNo(before)[9].First
	// 存货 without goods in transit, 1405 only.
	l, err := svc.UpdateLine(ctx, jxc.StatementLineUpdate{Form: jxc.FormBalanceSheet, LineNo: 9, Accounts: []jxc.StatementMapping{{Prefix: "1405", Sign: 1, Rule: jxc.RuleBalance}}})
	if err != nil || len(l.Accounts) != 1 || l.Accounts[0].Prefix != "1405" {
		t.Fatalf("update: %+v %v", l, err)
	}
	after, _ := svc.BalanceSheet(ctx, today.Year, int(today.Month))
	want1405 := plainSum(t, d, "1405", nil, today)
	if got := byLineNo(after)[9].First; !got.Equal(want1405) {
		t.Errorf("存货 after the change %s, 1405 holds %s (before %s)", got, want1405, inv)
	}
	var n int
	if err := d.GetContext(ctx, &n, `SELECT count(*) FROM audit_log WHERE record_type = 'statementLine' AND record_id = 'BALANCE_SHEET/9'
		AND operation = 'updateStatementLine' AND before->'accounts' @> '[{"prefix": "1402"}]' AND NOT after->'accounts' @> '[{"prefix": "1402"}]'`); err != nil || n != 1 {
		t.Errorf("audit rows %d %v", n, err)
	}
	m, err := svc.Mapping(ctx, jxc.FormIncomeStatement)
	if err != nil || len(m) == 0 || m[0].LabelZh != "一、营业收入" || len(m[0].Accounts) == 0 {
		t.Errorf("income statement mapping %v %v", m, err)
	}
}

// TestBooksCheckFindsUnmappedAccounts: a mapping that leaves out an account
// with a balance (1002 off 货币资金) or an expense with postings (6404 off
// 营业成本) is reported by booksCheck, naming the accounts.
func TestBooksCheckFindsUnmappedAccounts(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	svc := db.NewStatementService(d)
	ledger := db.NewLedgerService(d)
	checkBooks(t, ledger)
	if _, err := svc.UpdateLine(ctx, jxc.StatementLineUpdate{Form: jxc.FormBalanceSheet, LineNo: 1, Accounts: []jxc.StatementMapping{{Prefix: "1001", Sign: 1, Rule: jxc.RuleBalance}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.UpdateLine(ctx, jxc.StatementLineUpdate{Form: jxc.FormIncomeStatement, LineNo: 2, Accounts: []jxc.StatementMapping{{Prefix: "6401", Sign: 1, Rule: jxc.RuleMovement}}}); err != nil {
		t.Fatal(err)
	}
	c, err := ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, v := range c.Violations {
		if v.Rule != jxc.RuleStatementUnmappedAccount {
			t.Errorf("unexpected %s: %v", v.Rule, v.Rows)
			continue
		}
		for _, r := range v.Rows {
			keys[r.Key] = true
		}
	}
	if !keys[jxc.AccountBank] || !keys["6404"] || len(keys) != 2 {
		t.Errorf("unmapped accounts found: %v, want 1002 and 6404", keys)
	}
	today := jxc.Today(d.Now())
	if bs, _ := svc.BalanceSheet(ctx, today.Year, int(today.Month)); bs == nil || bs.Balanced {
		t.Errorf("the balance sheet without 1002 still balances")
	}
}

// Every line of the shipped mapping saves as it is: a prefix the line
// already maps stays (the standard's 5xxx codes beside this chart's 6xxx),
// and only a new prefix must name an account.
func TestShippedMappingSavesUnchanged(t *testing.T) {
	ctx := context.Background()
	d := newBooks(t, 0, 0).d
	svc := db.NewStatementService(d)
	for _, form := range []jxc.StatementForm{jxc.FormBalanceSheet, jxc.FormIncomeStatement} {
		lines, err := svc.Mapping(ctx, form)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, l := range lines {
			if l.Kind != jxc.LineAccounts || l.LineNo == nil {
				continue
			}
			in := jxc.StatementLineUpdate{Form: form, LineNo: *l.LineNo}
			for _, m := range l.Accounts {
				in.Accounts = append(in.Accounts, *m)
			}
			if _, err := svc.UpdateLine(ctx, in); err != nil {
				t.Errorf("%s line %d saved unchanged: %v", form, *l.LineNo, err)
			}
			n++
		}
		if n == 0 {
			t.Fatalf("%s: no account lines", form)
		}
	}
}
