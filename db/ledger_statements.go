package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// StatementService implements jxc.StatementService: the statutory
// statements (资产负债表 会小企01表, 利润表 会小企02表) filled in from the
// per-day account totals through the mapping in statement_lines and
// statement_line_accounts (migration 0065).
type StatementService struct{ db *DB }

// NewStatementService returns the statutory statements on db.
func NewStatementService(db *DB) *StatementService { return &StatementService{db: db} }

var _ jxc.StatementService = (*StatementService)(nil)

func init() {
	masterRows[jxc.RecordStatementLine] = `SELECT to_jsonb(t) || jsonb_build_object('accounts',
		(SELECT coalesce(jsonb_agg(jsonb_build_object('prefix', m.account_prefix, 'sign', m.sign, 'rule', m.rule) ORDER BY m.account_prefix), '[]')
		 FROM statement_line_accounts m WHERE m.form = t.form AND m.line_no = t.line_no)),
		t.form || ' ' || t.line_no
		FROM statement_lines t WHERE t.form = split_part($1, '/', 1) AND t.line_no = split_part($1, '/', 2)::int`
}

// closingEntries are the entries that carry income and expense to 本年利润
// (结转损益) and their reversals: the income statement shows the period's
// business before the carry-forward.
const closingEntries = `WITH c AS (SELECT id FROM journal_entries WHERE source_type = 'CLOSING'),
	x AS (SELECT id FROM c UNION SELECT r.id FROM journal_entries r JOIN c ON r.reverses_id = c.id)`

// statementLines reads a form's lines with their mapping, in form order.
func statementLines(ctx context.Context, q Queryer, form jxc.StatementForm) ([]*jxc.StatementLineDefinition, error) {
	lang := jxc.LangOf(ctx)
	var lines []*jxc.StatementLineDefinition
	if err := q.SelectContext(ctx, &lines, `SELECT form, position, line_no, kind, label_zh, label_en, indent, side, direction, formula
		FROM statement_lines WHERE form = $1 ORDER BY position`, form); err != nil {
		return nil, err
	}
	var maps []struct {
		LineNo int `db:"line_no"`
		jxc.StatementMapping
	}
	if err := q.SelectContext(ctx, &maps, `SELECT line_no, account_prefix, sign, rule FROM statement_line_accounts
		WHERE form = $1 ORDER BY line_no, account_prefix`, form); err != nil {
		return nil, err
	}
	byNo := map[int]*jxc.StatementLineDefinition{}
	for _, l := range lines {
		l.Label = jxc.Texts{ZH: l.LabelZh, EN: l.LabelEn}.Localize(lang)
		l.Accounts = []*jxc.StatementMapping{}
		if l.LineNo != nil {
			byNo[*l.LineNo] = l
		}
	}
	for i := range maps {
		if l := byNo[maps[i].LineNo]; l != nil {
			m := maps[i].StatementMapping
			l.Accounts = append(l.Accounts, &m)
		}
	}
	return lines, nil
}

// accountFigures is one account's debit - credit for the two columns, and
// its debits and credits for the first.
type accountFigures struct {
	jxc.Account
	First  decimal.Decimal `db:"first"`
	Second decimal.Decimal `db:"second"`
}

func checkStatementPeriod(year, month int) error {
	var es jxc.Errors
	if year < 1900 || year > 9999 {
		es.Add(jxc.EINVALID, "year", "the statement's year must be from 1900 to 9999")
	}
	if month < 1 || month > 12 {
		es.Add(jxc.EINVALID, "month", "the statement's month must be from 1 to 12")
	}
	return es.Err()
}

// BalanceSheet implements jxc.StatementService.
func (s *StatementService) BalanceSheet(ctx context.Context, year, month int) (*jxc.StatutoryStatement, error) {
	if err := checkStatementPeriod(year, month); err != nil {
		return nil, err
	}
	end := (&jxc.FiscalPeriod{Year: year, Month: month}).EndDate()
	jan1 := jxc.Date{Year: year, Month: time.January, Day: 1}
	st := &jxc.StatutoryStatement{Form: jxc.FormBalanceSheet, Year: year, Month: month,
		From: jxc.Date{Year: 1, Month: 1, Day: 1}, To: end, SecondFrom: jxc.Date{Year: 1, Month: 1, Day: 1}, SecondTo: jan1.AddDays(-1)}
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.StatutoryStatement, error) {
		var figs []*accountFigures
		err := tx.SelectContext(ctx, &figs, `SELECT a.code, a.name, a.name_en, a.type, a.parent_code, a.header, a.manual_posting, a.active,
				d.debit, d.credit, d.first, d.second
			FROM accounts a JOIN (
				SELECT account_code, sum(debit) AS debit, sum(credit) AS credit, sum(debit - credit) AS first,
					coalesce(sum(debit - credit) FILTER (WHERE day < $2), 0) AS second
				FROM account_daily WHERE day <= $1 GROUP BY account_code
			) d ON d.account_code = a.code
			ORDER BY a.code`, end, jan1)
		if err != nil {
			return nil, err
		}
		return fill(ctx, tx, st, figs)
	})
}

// IncomeStatement implements jxc.StatementService.
func (s *StatementService) IncomeStatement(ctx context.Context, year, month int) (*jxc.StatutoryStatement, error) {
	if err := checkStatementPeriod(year, month); err != nil {
		return nil, err
	}
	end := (&jxc.FiscalPeriod{Year: year, Month: month}).EndDate()
	first := jxc.Date{Year: year, Month: time.Month(month), Day: 1}
	jan1 := jxc.Date{Year: year, Month: time.January, Day: 1}
	st := &jxc.StatutoryStatement{Form: jxc.FormIncomeStatement, Year: year, Month: month, From: first, To: end, SecondFrom: jan1, SecondTo: end}
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.StatutoryStatement, error) {
		var figs []*accountFigures
		err := tx.SelectContext(ctx, &figs, closingEntries+`,
			m AS (
				SELECT account_code, coalesce(sum(debit) FILTER (WHERE day >= $1), 0) AS debit, coalesce(sum(credit) FILTER (WHERE day >= $1), 0) AS credit,
					coalesce(sum(debit - credit) FILTER (WHERE day >= $1), 0) AS first, sum(debit - credit) AS second
				FROM account_daily WHERE day BETWEEN $2 AND $3 GROUP BY account_code
				UNION ALL
				SELECT l.account_code, -coalesce(sum(l.debit) FILTER (WHERE e.posting_date >= $1), 0), -coalesce(sum(l.credit) FILTER (WHERE e.posting_date >= $1), 0),
					-coalesce(sum(l.debit - l.credit) FILTER (WHERE e.posting_date >= $1), 0), -sum(l.debit - l.credit)
				FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
				WHERE e.id IN (SELECT id FROM x) AND e.posting_date BETWEEN $2 AND $3 GROUP BY l.account_code
			)
			SELECT a.code, a.name, a.name_en, a.type, a.parent_code, a.header, a.manual_posting, a.active,
				sum(m.debit) AS debit, sum(m.credit) AS credit, sum(m.first) AS first, sum(m.second) AS second
			FROM accounts a JOIN m ON m.account_code = a.code
			GROUP BY a.code ORDER BY a.code`, first, jan1, end)
		if err != nil {
			return nil, err
		}
		return fill(ctx, tx, st, figs)
	})
}

// fill computes every line of the form from the accounts' figures: an
// ACCOUNTS line sums its mapped accounts (each posting account under a
// prefix, through the mapping's rule, turned to the line's direction and
// signed), a SUBTOTAL or TOTAL evaluates its formula over the other lines.
func fill(ctx context.Context, q Queryer, st *jxc.StatutoryStatement, figs []*accountFigures) (*jxc.StatutoryStatement, error) {
	defs, err := statementLines(ctx, q, st.Form)
	if err != nil {
		return nil, err
	}
	byNo := map[int]*jxc.StatutoryLine{}
	for _, d := range defs {
		l := &jxc.StatutoryLine{StatementLineDefinition: d, Accounts: []*jxc.StatementAccountAmount{}}
		st.Lines = append(st.Lines, l)
		if d.LineNo != nil {
			byNo[*d.LineNo] = l
		}
		if d.Kind != jxc.LineAccounts {
			continue
		}
		dir := decimal.NewFromInt(1)
		if d.Direction == jxc.LineCredit {
			dir = dir.Neg()
		}
		for _, f := range figs {
			for _, m := range d.Accounts {
				if !m.Covers(f.Code) {
					continue
				}
				k := dir.Mul(decimal.NewFromInt(int64(m.Sign)))
				a, b := m.Rule.Take(f.First).Mul(k), m.Rule.Take(f.Second).Mul(k)
				l.First, l.Second = l.First.Add(a), l.Second.Add(b)
				if !a.IsZero() || !b.IsZero() {
					acct := f.Account
					l.Accounts = append(l.Accounts, &jxc.StatementAccountAmount{Account: &acct, Amount: a, Second: b})
				}
				break // one prefix per account and line (updateStatementLine refuses overlaps)
			}
		}
	}
	// Subtotals, each once, following the formulas (no line sums itself).
	done := map[int]bool{}
	var eval func(n int, depth int) error
	eval = func(n, depth int) error {
		l := byNo[n]
		if l == nil || l.Kind == jxc.LineAccounts || l.Kind == jxc.LineHeading || done[n] {
			return nil
		}
		if depth > len(byNo) {
			return fmt.Errorf("statement %s: the formulas of line %d go round in a circle", st.Form, n)
		}
		terms, ok := jxc.ParseFormula(jxc.Deref(l.Formula))
		if !ok {
			return fmt.Errorf("statement %s line %d: bad formula %q", st.Form, n, jxc.Deref(l.Formula))
		}
		l.First, l.Second = decimal.Zero, decimal.Zero
		for _, t := range terms {
			for i := t.From; i <= t.To; i++ {
				o := byNo[i]
				if o == nil || i == n {
					continue
				}
				if err := eval(i, depth+1); err != nil {
					return err
				}
				k := decimal.NewFromInt(int64(t.Sign))
				l.First, l.Second = l.First.Add(o.First.Mul(k)), l.Second.Add(o.Second.Mul(k))
			}
		}
		done[n] = true
		return nil
	}
	for n := range byNo {
		if err := eval(n, 0); err != nil {
			return nil, err
		}
	}
	if st.Form == jxc.FormBalanceSheet {
		var totals []*jxc.StatutoryLine
		for _, l := range st.Lines {
			if l.Kind == jxc.LineTotal {
				totals = append(totals, l)
			}
		}
		st.Balanced = len(totals) == 2 && totals[0].First.Equal(totals[1].First) && totals[0].Second.Equal(totals[1].Second)
	}
	return st, nil
}

// Mapping implements jxc.StatementService.
func (s *StatementService) Mapping(ctx context.Context, form jxc.StatementForm) ([]*jxc.StatementLineDefinition, error) {
	return statementLines(ctx, s.db, form)
}

// UpdateLine implements jxc.StatementService.
func (s *StatementService) UpdateLine(ctx context.Context, in jxc.StatementLineUpdate) (*jxc.StatementLineDefinition, error) {
	var es jxc.Errors
	if !in.Form.Valid() {
		es.Add(jxc.EINVALID, "input.form", "unknown statement form {form}", jxc.P{"form": string(in.Form)})
	}
	seen := map[string]bool{}
	for i, m := range in.Accounts {
		field := "input.accounts." + strconv.Itoa(i)
		if !jxc.ValidAccountPrefix(m.Prefix) {
			es.Add(jxc.EINVALID, field+".prefix", "{prefix} is not an account code (such as 1405 or 2221.01) or a class digit", jxc.P{"prefix": m.Prefix})
		}
		if m.Sign != 1 && m.Sign != -1 {
			es.Add(jxc.EINVALID, field+".sign", "the sign must be 1 or -1")
		}
		if in.Form.Valid() && !m.Rule.ValidFor(in.Form) {
			es.Add(jxc.EINVALID, field+".rule", "rule {rule} does not apply on this form: the income statement takes MOVEMENT, the balance sheet BALANCE, DEBIT_BALANCE_ONLY or CREDIT_BALANCE_ONLY",
				jxc.P{"rule": string(m.Rule)})
		}
		for p := range seen {
			if (jxc.StatementMapping{Prefix: p}).Covers(m.Prefix) || (jxc.StatementMapping{Prefix: m.Prefix}).Covers(p) {
				es.Add(jxc.EINVALID, field+".prefix", "{prefix} overlaps {other}, mapped on the same line: an account would count twice",
					jxc.P{"prefix": m.Prefix, "other": p})
			}
		}
		seen[m.Prefix] = true
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s/%d", in.Form, in.LineNo)
	var out *jxc.StatementLineDefinition
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateStatementLine"}, func(tx *Tx) error {
		var es jxc.Errors
		var kind jxc.StatementLineKind
		err := tx.GetContext(ctx, &kind, `SELECT kind FROM statement_lines WHERE form = $1 AND line_no = $2 FOR UPDATE`, in.Form, in.LineNo)
		if err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return jxc.FieldErrorf(jxc.ENOTFOUND, "input.lineNo", "the statement has no line {lineNo}", jxc.P{"lineNo": in.LineNo})
			}
			return err
		}
		if kind != jxc.LineAccounts {
			es.Add(jxc.EINVALID, "input.lineNo", "line {lineNo} is a subtotal or total computed from other lines and takes no accounts", jxc.P{"lineNo": in.LineNo})
		}
		for i, m := range in.Accounts {
			var n int
			// A prefix the line maps already stays, account or not: the shipped
			// mapping names the standard's codes (5001 beside this chart's 6001)
			// so that a chart numbered either way reads right. A new prefix
			// must name an account.
			if err := tx.GetContext(ctx, &n, `SELECT (SELECT count(*) FROM accounts WHERE code = $1 OR code LIKE $1 || '.%' OR (length($1) = 1 AND code LIKE $1 || '%'))
				+ (SELECT count(*) FROM statement_line_accounts WHERE form = $2 AND line_no = $3 AND account_prefix = $1)`, m.Prefix, in.Form, in.LineNo); err != nil {
				return err
			}
			if n == 0 {
				es.Add(jxc.ENOTFOUND, "input.accounts."+strconv.Itoa(i)+".prefix", "no account {prefix} or under it in the chart", jxc.P{"prefix": m.Prefix})
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		if err := tx.Before(ctx, jxc.RecordStatementLine, key); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM statement_line_accounts WHERE form = $1 AND line_no = $2`, in.Form, in.LineNo); err != nil {
			return err
		}
		for _, m := range in.Accounts {
			if _, err := tx.ExecContext(ctx, `INSERT INTO statement_line_accounts (form, line_no, account_prefix, sign, rule) VALUES ($1, $2, $3, $4, $5)`,
				in.Form, in.LineNo, m.Prefix, m.Sign, m.Rule); err != nil {
				return err
			}
		}
		tx.Audit(jxc.RecordStatementLine, key, "", jxc.AuditUpdate)
		lines, err := statementLines(ctx, tx, in.Form)
		if err != nil {
			return err
		}
		for _, l := range lines {
			if l.LineNo != nil && *l.LineNo == in.LineNo {
				out = l
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
