package db

import (
	"context"
	"fmt"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// The books an accountant reads: account balances (科目余额表), general
// ledger (总账) and sub-ledgers (明细账). Whole months are read from the
// per-month totals (exact: the posting writes them in the same statement as
// the lines), the days of a partial month from the per-day totals, and only
// a sub-ledger's page reads journal lines.

var _ jxc.LedgerBooks = (*LedgerService)(nil)

// AccountBalances implements jxc.LedgerBooks.
func (s *LedgerService) AccountBalances(ctx context.Context, q jxc.AccountBalancesQuery) (*jxc.AccountBalances, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.AccountBalances, error) {
		var es jxc.Errors
		if err := checkPeriodRange(ctx, tx, &es, q.PeriodRange); err != nil {
			return nil, err
		}
		if q.Level < 1 || q.Level > jxc.MaxAccountLevel {
			es.Add(jxc.EINVALID, "level", "level must be 1 to {max}", jxc.P{"max": jxc.MaxAccountLevel})
		}
		var chart []*jxc.Account
		if err := tx.SelectContext(ctx, &chart, `SELECT `+accountCols+` FROM accounts ORDER BY code`); err != nil {
			return nil, err
		}
		if q.AccountCode != nil && !anyWithPrefix(chart, *q.AccountCode) {
			es.Add(jxc.ENOTFOUND, "accountCode", "no account code starts with {code}", jxc.P{"code": *q.AccountCode})
		}
		if err := es.Err(); err != nil {
			return nil, err
		}
		totals, err := accountTotals(ctx, tx, q.PeriodRange)
		if err != nil {
			return nil, err
		}
		return jxc.BuildAccountBalances(q, chart, totals), nil
	})
}

func anyWithPrefix(chart []*jxc.Account, prefix string) bool {
	for _, a := range chart {
		if len(a.Code) >= len(prefix) && a.Code[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// checkPeriodRange adds the rules a range of periods breaks.
func checkPeriodRange(ctx context.Context, q Queryer, es *jxc.Errors, r jxc.PeriodRange) error {
	ws, err := loadPostingWindowSettings(ctx, q, false)
	if err != nil {
		return err
	}
	r.Validate(es, ws)
	return nil
}

// accountTotals reads each posted-to account's debits and credits before
// the range, in it and in its last year up to its end, from the per-month
// totals: one row per account and month whatever the number of lines.
func accountTotals(ctx context.Context, q Queryer, r jxc.PeriodRange) (map[string]jxc.AccountTotals, error) {
	var rows []struct {
		Code string          `db:"account_code"`
		OD   decimal.Decimal `db:"od"`
		OC   decimal.Decimal `db:"oc"`
		PD   decimal.Decimal `db:"pd"`
		PC   decimal.Decimal `db:"pc"`
		YD   decimal.Decimal `db:"yd"`
		YC   decimal.Decimal `db:"yc"`
	}
	err := q.SelectContext(ctx, &rows, `SELECT account_code,
			coalesce(sum(debit) FILTER (WHERE month < $1), 0) AS od, coalesce(sum(credit) FILTER (WHERE month < $1), 0) AS oc,
			coalesce(sum(debit) FILTER (WHERE month >= $1), 0) AS pd, coalesce(sum(credit) FILTER (WHERE month >= $1), 0) AS pc,
			coalesce(sum(debit) FILTER (WHERE month >= $3), 0) AS yd, coalesce(sum(credit) FILTER (WHERE month >= $3), 0) AS yc
		FROM account_monthly WHERE month <= $2 GROUP BY account_code`,
		r.From(), jxc.Date{Year: r.ToYear, Month: r.To().Month, Day: 1}, r.YearStart())
	if err != nil {
		return nil, err
	}
	out := make(map[string]jxc.AccountTotals, len(rows))
	for _, x := range rows {
		out[x.Code] = jxc.AccountTotals{Code: x.Code, OpeningDebit: x.OD, OpeningCredit: x.OC, PeriodDebit: x.PD, PeriodCredit: x.PC,
			YearDebit: x.YD, YearCredit: x.YC}
	}
	return out, nil
}

// ledgerAccount is the account a ledger is asked for, with the codes whose
// lines it shows: itself and every account below it.
func ledgerAccount(ctx context.Context, q Queryer, es *jxc.Errors, code string) (*jxc.Account, []string, error) {
	var accts []*jxc.Account
	err := q.SelectContext(ctx, &accts, `WITH RECURSIVE t AS (
			SELECT `+accountCols+` FROM accounts WHERE code = $1
			UNION ALL SELECT a.code, a.name, a.name_en, a.type, a.parent_code, a.header, a.manual_posting, a.active, a.direction, a.dimensions FROM accounts a JOIN t ON a.parent_code = t.code)
		SELECT * FROM t ORDER BY code`, code)
	if err != nil {
		return nil, nil, err
	}
	var top *jxc.Account
	codes := make([]string, 0, len(accts))
	for _, a := range accts {
		codes = append(codes, a.Code)
		if a.Code == code {
			top = a
		}
	}
	if top == nil {
		es.Add(jxc.ENOTFOUND, "accountCode", "no account {code} in the chart of accounts", jxc.P{"code": code})
	}
	return top, codes, nil
}

// netBefore is the balance (debit - credit) of codes before day: whole
// months from the per-month totals, the days of day's month before it from
// the per-day totals.
func netBefore(ctx context.Context, q Queryer, codes []string, day jxc.Date) (decimal.Decimal, error) {
	var net decimal.Decimal
	err := q.GetContext(ctx, &net, `SELECT
		coalesce((SELECT sum(debit - credit) FROM account_monthly WHERE account_code = ANY($1) AND month < date_trunc('month', $2::date)), 0)
		+ coalesce((SELECT sum(debit - credit) FROM account_daily WHERE account_code = ANY($1) AND day >= date_trunc('month', $2::date) AND day < $2), 0)`,
		pq.Array(codes), day)
	return net, err
}

// GeneralLedger implements jxc.LedgerBooks.
func (s *LedgerService) GeneralLedger(ctx context.Context, accountCode string, r jxc.PeriodRange) (*jxc.GeneralLedger, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.GeneralLedger, error) {
		var es jxc.Errors
		if err := checkPeriodRange(ctx, tx, &es, r); err != nil {
			return nil, err
		}
		a, codes, err := ledgerAccount(ctx, tx, &es, accountCode)
		if err != nil {
			return nil, err
		}
		if err := es.Err(); err != nil {
			return nil, err
		}
		opening, err := netBefore(ctx, tx, codes, r.From())
		if err != nil {
			return nil, err
		}
		// The months of the range's first year before it count in that
		// year's 本年累计.
		var before struct {
			Debit  decimal.Decimal `db:"debit"`
			Credit decimal.Decimal `db:"credit"`
		}
		if err := tx.GetContext(ctx, &before, `SELECT coalesce(sum(debit), 0) AS debit, coalesce(sum(credit), 0) AS credit FROM account_monthly
			WHERE account_code = ANY($1) AND month >= $2 AND month < $3`,
			pq.Array(codes), jxc.Date{Year: r.FromYear, Month: 1, Day: 1}, r.From()); err != nil {
			return nil, err
		}
		var months []jxc.MonthTotals
		if err := tx.SelectContext(ctx, &months, `SELECT month, sum(debit) AS debit, sum(credit) AS credit FROM account_monthly
			WHERE account_code = ANY($1) AND month BETWEEN $2 AND $3 GROUP BY month`,
			pq.Array(codes), r.From(), jxc.Date{Year: r.ToYear, Month: r.To().Month, Day: 1}); err != nil {
			return nil, err
		}
		return jxc.BuildGeneralLedger(r, a, opening, before.Debit, before.Credit, months), nil
	})
}

// accountLedgerOrders are the sub-ledger's orders: each ends in the line id
// so that a page's place is stable. %[1]s is the direction.
var accountLedgerOrders = map[jxc.AccountLedgerOrderField]string{
	jxc.AccountLedgerByDate:      `l.posting_date %[1]s, e.voucher_seq %[1]s, l.id %[1]s`,
	jxc.AccountLedgerByVoucherNo: `date_trunc('month', l.posting_date) %[1]s, e.voucher_seq %[1]s, l.id %[1]s`,
}

const ledgerLineCols = `l.id, l.entry_id, l.line_no, l.account_code, l.posting_date, e.voucher_no, l.description AS line_description,
	e.description AS entry_description, l.debit, l.credit`

// AccountLedger implements jxc.LedgerBooks. The balance after each line is
// right on every page: the page starts from the balance before its first
// line (the opening plus the lines before the page in its order).
func (s *LedgerService) AccountLedger(ctx context.Context, accountCode string, from, to jxc.Date, o *jxc.AccountLedgerOrder, p jxc.PageArgs) (*jxc.AccountLedger, error) {
	limit, offset, err := p.Window()
	if err != nil {
		return nil, err
	}
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.AccountLedger, error) {
		var es jxc.Errors
		ws, err := loadPostingWindowSettings(ctx, tx, false)
		if err != nil {
			return nil, err
		}
		jxc.CheckDateRange(&es, from, to, ws)
		a, codes, err := ledgerAccount(ctx, tx, &es, accountCode)
		if err != nil {
			return nil, err
		}
		if err := es.Err(); err != nil {
			return nil, err
		}
		opening, err := netBefore(ctx, tx, codes, from)
		if err != nil {
			return nil, err
		}
		var sums struct {
			Debit  decimal.Decimal `db:"debit"`
			Credit decimal.Decimal `db:"credit"`
			Lines  int             `db:"lines"`
		}
		if err := tx.GetContext(ctx, &sums, `SELECT coalesce(sum(debit), 0) AS debit, coalesce(sum(credit), 0) AS credit, count(*) AS lines
			FROM journal_lines WHERE account_code = ANY($1) AND posting_date BETWEEN $2 AND $3`, pq.Array(codes), from, to); err != nil {
			return nil, err
		}
		closing := opening.Add(sums.Debit).Sub(sums.Credit)
		out := &jxc.AccountLedger{Account: a, From: from, To: to, Opening: jxc.BalanceOf(opening), PeriodDebit: sums.Debit, PeriodCredit: sums.Credit,
			Closing: jxc.BalanceOf(closing), Lines: &jxc.Page[*jxc.AccountLedgerLine]{Offset: offset, TotalCount: sums.Lines, Items: []*jxc.AccountLedgerLine{}}}
		if limit == 0 || offset >= sums.Lines {
			return out, nil
		}
		field, dir := jxc.AccountLedgerByDate, jxc.Asc
		if o != nil {
			if _, ok := accountLedgerOrders[o.Field]; ok {
				field = o.Field
			}
			dir = o.Direction
		}
		order := fmt.Sprintf(accountLedgerOrders[field], dir.SQL())
		const linesFrom = ` FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
			WHERE l.account_code = ANY($1) AND l.posting_date BETWEEN $2 AND $3 ORDER BY `
		var prior decimal.Decimal
		if offset > 0 {
			if err := tx.GetContext(ctx, &prior, `SELECT coalesce(sum(debit - credit), 0) FROM (SELECT l.debit, l.credit`+linesFrom+order+` LIMIT $4) x`,
				pq.Array(codes), from, to, offset); err != nil {
				return nil, err
			}
		}
		if err := tx.SelectContext(ctx, &out.Lines.Items, `SELECT `+ledgerLineCols+linesFrom+order+` LIMIT $4 OFFSET $5`,
			pq.Array(codes), from, to, limit, offset); err != nil {
			return nil, err
		}
		if dir == jxc.Desc {
			jxc.RunBalances(out.Lines.Items, closing.Sub(prior), true)
		} else {
			jxc.RunBalances(out.Lines.Items, opening.Add(prior), false)
		}
		return out, fillLedgerLines(ctx, tx, out.Lines.Items)
	})
}

// fillLedgerLines loads the accounts and the entries (with their lines) of
// a page of sub-ledger lines, one query per relation.
func fillLedgerLines(ctx context.Context, q Queryer, lines []*jxc.AccountLedgerLine) error {
	ids, codes := []int64{}, []string{}
	for _, l := range lines {
		ids, codes = append(ids, l.EntryID), append(codes, l.AccountCode)
	}
	var accts []*jxc.Account
	if err := q.SelectContext(ctx, &accts, `SELECT `+accountCols+` FROM accounts WHERE code = ANY($1)`, pq.Array(codes)); err != nil {
		return err
	}
	var entries []*jxc.JournalEntry
	if err := q.SelectContext(ctx, &entries, `SELECT `+entryCols+` FROM journal_entries e WHERE e.id = ANY($1)`, pq.Array(ids)); err != nil {
		return err
	}
	if err := fillEntries(ctx, q, entries); err != nil {
		return err
	}
	byCode, byID := map[string]*jxc.Account{}, map[int64]*jxc.JournalEntry{}
	for _, a := range accts {
		byCode[a.Code] = a
	}
	for _, e := range entries {
		byID[e.ID] = e
	}
	for _, l := range lines {
		l.Account, l.Entry = byCode[l.AccountCode], byID[l.EntryID]
	}
	return nil
}
