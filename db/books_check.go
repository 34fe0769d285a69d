package db

import (
	"context"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// BooksCheckRule is one of DOMAIN.md's invariants: a query returning the
// rows that break it (table, key, detail). Healthy books return no rows
// anywhere. Each module keeps its rules in its own file
// (<module>_books_check.go); booksRules puts them in order.
type BooksCheckRule struct {
	Rule    jxc.BooksRule
	Message jxc.Text // a template without params, rendered for each reader
	Query   string
}

// booksRules are every module's rules in the order booksCheck reports them.
var booksRules = slices.Concat(ledgerBooksRules, closingBooksRules, purchasingBooksRules, salesBooksRules, budgetBooksRules, auxiliaryBooksRules,
	transferBooksRules, binsBooksRules, batchesBooksRules, supplierReturnBooksRules)

// ledgerBooksRules are the journal's and the stock ledger's invariants.
var ledgerBooksRules = []BooksCheckRule{
	{jxc.RuleEntryUnbalanced, jxc.T("journal entries whose debits and credits differ (invariant 1)"), `
		SELECT 'journal_entries', entry_id::text, format('debit %s credit %s', sum(debit), sum(credit))
		FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit) ORDER BY entry_id LIMIT 100`},
	{jxc.RuleEntryWithoutLines, jxc.T("journal entries without lines"), `
		SELECT 'journal_entries', e.id::text, 'no lines' FROM journal_entries e
		WHERE NOT EXISTS (SELECT 1 FROM journal_lines l WHERE l.entry_id = e.id) ORDER BY e.id LIMIT 100`},
	{jxc.RuleStockBalanceMismatch, jxc.T("stock balances that differ from the sum of their moves (invariant 3)"), `
		SELECT 'stock_balances', format('product %s warehouse %s', coalesce(b.product_id, m.product_id), coalesce(b.warehouse_id, m.warehouse_id)),
			format('on hand %s value %s; moves sum to %s worth %s', coalesce(b.on_hand, 0), coalesce(b.value, 0), coalesce(m.q, 0), coalesce(m.v, 0))
		FROM stock_balances b FULL JOIN (
			SELECT product_id, warehouse_id, sum(quantity) AS q, sum(value) AS v FROM stock_moves GROUP BY product_id, warehouse_id
		) m ON m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id
		WHERE coalesce(b.on_hand, 0) <> coalesce(m.q, 0) OR coalesce(b.value, 0) <> coalesce(m.v, 0)
		ORDER BY 2 LIMIT 100`},
	{jxc.RuleStockNegative, jxc.T("negative stock or stock value (invariant 3)"), `
		SELECT 'stock_balances', format('product %s warehouse %s', product_id, warehouse_id), format('on hand %s value %s', on_hand, value)
		FROM stock_balances WHERE on_hand < 0 OR value < 0 ORDER BY product_id, warehouse_id LIMIT 100`},
	{jxc.RuleReservedOverOnHand, jxc.T("reserved above on hand (invariant 3)"), `
		SELECT 'stock_balances', format('product %s warehouse %s', product_id, warehouse_id), format('on hand %s reserved %s', on_hand, reserved)
		FROM stock_balances WHERE reserved > on_hand OR reserved < 0 ORDER BY product_id, warehouse_id LIMIT 100`},
	{jxc.RuleValueWithoutStock, jxc.T("stock value left where nothing is on hand (moving average by value)"), `
		SELECT 'stock_balances', format('product %s warehouse %s', product_id, warehouse_id), format('on hand %s value %s', on_hand, value)
		FROM stock_balances WHERE on_hand = 0 AND value <> 0 ORDER BY product_id, warehouse_id LIMIT 100`},
	// Moves of a product in a warehouse are in posting order by id (no
	// stock posting predates the product's latest move); the pool was last
	// empty at its latest move whose running quantity is 0.
	{jxc.RuleStockWithoutValue, jxc.T("stock on hand at no value though value came in since it was last empty (moving average by value, both ways)"), `
		WITH pools AS (SELECT product_id, warehouse_id FROM stock_balances WHERE on_hand > 0 AND value = 0),
		runs AS (
			SELECT m.product_id, m.warehouse_id, m.id, m.value,
				sum(m.quantity) OVER (PARTITION BY m.product_id, m.warehouse_id ORDER BY m.id) AS run
			FROM stock_moves m JOIN pools USING (product_id, warehouse_id)
		), since AS (
			SELECT product_id, warehouse_id, coalesce(max(id) FILTER (WHERE run = 0), 0) AS emptied FROM runs GROUP BY 1, 2
		)
		SELECT 'stock_balances', format('product %s warehouse %s', r.product_id, r.warehouse_id),
			format('on hand at value 0; %s moves since it was last empty brought %s', count(*), sum(r.value))
		FROM runs r JOIN since s USING (product_id, warehouse_id)
		WHERE r.id > s.emptied AND r.value > 0
		GROUP BY r.product_id, r.warehouse_id ORDER BY 2 LIMIT 100`},
	{jxc.RuleInventoryAccount, jxc.T("inventory account 1405 differs from the stock ledger's value (invariant 4)"), `
		SELECT 'accounts', '1405', format('ledger %s stock %s', l.b, s.v)
		FROM (SELECT coalesce(sum(debit - credit), 0) AS b FROM journal_lines WHERE account_code = '1405') l,
		     (SELECT coalesce(sum(value), 0) AS v FROM stock_balances) s
		WHERE l.b <> s.v`},
	{jxc.RuleInventoryEntryMismatch, jxc.T("entries whose inventory lines differ from their stock moves (invariant 4, per entry)"), `
		SELECT 'journal_entries', coalesce(l.entry_id, m.entry_id)::text, format('1405 moves %s in the ledger, %s in stock', coalesce(l.v, 0), coalesce(m.v, 0))
		FROM (SELECT entry_id, sum(debit - credit) AS v FROM journal_lines WHERE account_code = '1405' GROUP BY entry_id) l
		FULL JOIN (SELECT journal_entry_id AS entry_id, sum(value) AS v FROM stock_moves GROUP BY journal_entry_id) m ON m.entry_id = l.entry_id
		WHERE coalesce(l.v, 0) <> coalesce(m.v, 0) ORDER BY 2 LIMIT 100`},
	{jxc.RuleAccountDailyMismatch, jxc.T("per-day account totals that differ from the journal lines"), `
		SELECT 'account_daily', format('%s %s', coalesce(d.account_code, l.account_code), coalesce(d.day, l.posting_date)),
			format('table %s/%s in %s entries, lines %s/%s in %s entries', coalesce(d.debit, 0), coalesce(d.credit, 0), coalesce(d.entries, 0),
				coalesce(l.debit, 0), coalesce(l.credit, 0), coalesce(l.entries, 0))
		FROM (SELECT account_code, day, sum(debit) AS debit, sum(credit) AS credit, sum(entries) AS entries FROM account_daily GROUP BY account_code, day) d FULL JOIN (
			SELECT account_code, posting_date, sum(debit) AS debit, sum(credit) AS credit, count(DISTINCT entry_id) AS entries
			FROM journal_lines GROUP BY account_code, posting_date
		) l ON l.account_code = d.account_code AND l.posting_date = d.day
		WHERE coalesce(d.debit, 0) <> coalesce(l.debit, 0) OR coalesce(d.credit, 0) <> coalesce(l.credit, 0)
			OR coalesce(d.entries, 0) <> coalesce(l.entries, 0)
		ORDER BY 2 LIMIT 100`},
	{jxc.RuleAccountDailyMismatch, jxc.T("per-month account totals that differ from the per-day ones"), `
		SELECT 'account_monthly', format('%s %s', coalesce(m.account_code, d.account_code), coalesce(m.month, d.month)),
			format('table %s/%s weighted %s, days %s/%s weighted %s', coalesce(m.debit, 0), coalesce(m.credit, 0), coalesce(m.weighted, 0),
				coalesce(d.debit, 0), coalesce(d.credit, 0), coalesce(d.weighted, 0))
		FROM (SELECT account_code, month, sum(debit) AS debit, sum(credit) AS credit, sum(weighted) AS weighted FROM account_monthly GROUP BY 1, 2) m
		FULL JOIN (SELECT account_code, date_trunc('month', day)::date AS month, sum(debit) AS debit, sum(credit) AS credit,
			sum((debit - credit) * (day - date '2000-01-01')) AS weighted FROM account_daily GROUP BY 1, 2) d
			ON d.account_code = m.account_code AND d.month = m.month
		WHERE coalesce(m.debit, 0) <> coalesce(d.debit, 0) OR coalesce(m.credit, 0) <> coalesce(d.credit, 0)
			OR coalesce(m.weighted, 0) <> coalesce(d.weighted, 0)
		ORDER BY 2 LIMIT 100`},
	{jxc.RuleStockDailyMismatch, jxc.T("per-day stock changes that differ from the stock moves"), `
		SELECT 'stock_daily', format('product %s warehouse %s %s', coalesce(d.product_id, m.product_id), coalesce(d.warehouse_id, m.warehouse_id), coalesce(d.day, m.posting_date)),
			format('table %s/%s, moves %s/%s', coalesce(d.qty_change, 0), coalesce(d.value_change, 0), coalesce(m.q, 0), coalesce(m.v, 0))
		FROM stock_daily d FULL JOIN (
			SELECT product_id, warehouse_id, posting_date, sum(quantity) AS q, sum(value) AS v FROM stock_moves GROUP BY product_id, warehouse_id, posting_date
		) m ON m.product_id = d.product_id AND m.warehouse_id = d.warehouse_id AND m.posting_date = d.day
		WHERE coalesce(d.qty_change, 0) <> coalesce(m.q, 0) OR coalesce(d.value_change, 0) <> coalesce(m.v, 0)
		ORDER BY 2 LIMIT 100`},
	{jxc.RulePostedInClosedPeriod, jxc.T("entries or stock moves created in a period after it was closed (invariant 6)"), `
		SELECT t, k, d FROM (
			SELECT 'journal_entries' AS t, e.id::text AS k, format('dated %s, created %s, period closed %s', e.posting_date, e.created_at, p.closed_at) AS d, e.id AS o
			FROM journal_entries e JOIN fiscal_periods p ON p.year = extract(year FROM e.posting_date) AND p.month = extract(month FROM e.posting_date)
			WHERE p.status = 'CLOSED' AND e.created_at > p.closed_at
			UNION ALL
			SELECT 'stock_moves', m.id::text, format('dated %s, created %s, period closed %s', m.posting_date, m.created_at, p.closed_at), m.id
			FROM stock_moves m JOIN fiscal_periods p ON p.year = extract(year FROM m.posting_date) AND p.month = extract(month FROM m.posting_date)
			WHERE p.status = 'CLOSED' AND m.created_at > p.closed_at
		) x ORDER BY t, o LIMIT 100`},
	{jxc.RuleVoucherNumbers, jxc.T("months whose voucher numbers are not 1..n without gaps or duplicates, or whose counter disagrees"), `
		SELECT 'journal_entries', to_char(coalesce(v.month, c.month), 'YYYY-MM'),
			format('%s entries numbered %s to %s (%s distinct), counter at %s', coalesce(v.n, 0), v.lo, v.hi, coalesce(v.d, 0), coalesce(c.last_no, 0))
		FROM (SELECT date_trunc('month', posting_date)::date AS month, count(*) AS n, min(voucher_seq) AS lo, max(voucher_seq) AS hi,
				count(DISTINCT voucher_seq) AS d
			FROM journal_entries GROUP BY 1) v
		FULL JOIN voucher_counters c ON c.month = v.month
		WHERE v.month IS NULL OR c.month IS NULL OR v.lo <> 1 OR v.hi <> v.n OR v.d <> v.n OR c.last_no <> v.n
		ORDER BY 2 LIMIT 100`},
	// A month is locked from the earliest close of it or any later month
	// (closing May locks April too): since is that moment, per month, and
	// nothing dated in the month may have been created after it. Every
	// posting creates its month's period row, so the join finds them all.
	{jxc.RulePostedBeforeLockDate, jxc.T("entries or stock moves dated on or before a lock date and created after that lock date was set (invariant 6)"), `
		WITH l AS (
			SELECT year, month, min(closed_at) FILTER (WHERE status = 'CLOSED') OVER (ORDER BY year DESC, month DESC) AS since
			FROM fiscal_periods
		)
		SELECT t, k, d FROM (
			SELECT 'journal_entries' AS t, e.id::text AS k, format('dated %s, created %s, locked since %s', e.posting_date, e.created_at, l.since) AS d, e.id AS o
			FROM journal_entries e JOIN l ON l.year = extract(year FROM e.posting_date) AND l.month = extract(month FROM e.posting_date)
			WHERE e.created_at > l.since
			UNION ALL
			SELECT 'stock_moves', m.id::text, format('dated %s, created %s, locked since %s', m.posting_date, m.created_at, l.since), m.id
			FROM stock_moves m JOIN l ON l.year = extract(year FROM m.posting_date) AND l.month = extract(month FROM m.posting_date)
			WHERE m.created_at > l.since
		) x ORDER BY t, o LIMIT 100`},
	{jxc.RulePeriodOpenBeforeLock, jxc.T("fiscal periods open before the lock date (periods close in order)"), `
		SELECT 'fiscal_periods', p.year || '-' || lpad(p.month::text, 2, '0'), format('open; lock date %s', l.d)
		FROM fiscal_periods p, (SELECT max(make_date(year, month, 1)) AS d FROM fiscal_periods WHERE status = 'CLOSED') l
		WHERE p.status = 'OPEN' AND make_date(p.year, p.month, 1) < l.d ORDER BY p.year, p.month LIMIT 100`},
}

// BooksCheck implements jxc.LedgerService. It reads one snapshot
// (REPEATABLE READ) so that postings committing meanwhile cannot make
// healthy books look broken.
func (s *LedgerService) BooksCheck(ctx context.Context) (*jxc.BooksCheck, error) {
	x, err := s.db.BeginTxx(ctx, &readOnlySnapshot)
	if err != nil {
		return nil, err
	}
	defer x.Rollback()
	out := &jxc.BooksCheck{CheckedAt: s.db.Now(), Violations: []*jxc.BooksViolation{}}
	for _, c := range booksRules {
		rows, err := x.QueryContext(ctx, c.Query)
		if err != nil {
			return nil, err
		}
		var v *jxc.BooksViolation
		for rows.Next() {
			var r jxc.BooksRow
			if err := rows.Scan(&r.Table, &r.Key, &r.Detail); err != nil {
				rows.Close()
				return nil, err
			}
			if v == nil {
				v = &jxc.BooksViolation{Rule: c.Rule, Message: c.Message.Template}
				out.Violations = append(out.Violations, v)
			}
			v.Rows = append(v.Rows, r)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var inv, stock decimal.Decimal
	if err := x.GetContext(ctx, &inv, `SELECT coalesce(sum(debit - credit), 0) FROM account_daily WHERE account_code = '1405'`); err != nil {
		return nil, err
	}
	if err := x.GetContext(ctx, &stock, `SELECT coalesce(sum(value), 0) FROM stock_balances`); err != nil {
		return nil, err
	}
	out.InventoryAccountBalance, out.StockValue = inv, stock
	return out, nil
}
