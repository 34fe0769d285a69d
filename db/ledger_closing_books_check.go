package db

import "github.com/jxcgraph/jxc"

// closingBooksRules are the invariants of closing vouchers and the review
// step (from the monthly account totals, whose rows grow with months).
var closingBooksRules = []BooksCheckRule{
	{jxc.RuleClosingIncomplete, jxc.T("closed months whose income and expense (or, at year end, 3103) were not all carried forward"), `
		WITH p AS (
			SELECT year, month, make_date(year, 1, 1) AS y0, make_date(year, month, 1) AS m0
			FROM fiscal_periods
			WHERE status = 'CLOSED' AND (carried_forward = 'MONTHLY' OR (carried_forward IS NOT NULL AND month = 12))
		)
		SELECT 'fiscal_periods', k, d FROM (
			SELECT p.year || '-' || lpad(p.month::text, 2, '0') AS k,
				format('account %s has %s left for the year', m.account_code, sum(m.debit) - sum(m.credit)) AS d
			FROM p JOIN account_monthly m ON m.month BETWEEN p.y0 AND p.m0
			JOIN accounts a ON a.code = m.account_code AND a.type IN ('REVENUE', 'EXPENSE')
			GROUP BY p.year, p.month, m.account_code HAVING sum(m.debit) <> sum(m.credit)
			UNION ALL
			SELECT p.year || '-12', format('3103 has %s left at year end', sum(m.debit) - sum(m.credit))
			FROM p JOIN account_monthly m ON m.account_code = '3103' AND m.month <= p.m0
			WHERE p.month = 12
			GROUP BY p.year HAVING sum(m.debit) <> sum(m.credit)
		) x ORDER BY k, d LIMIT 100`},
	{jxc.RuleUnreviewedInClosedPeriod, jxc.T("vouchers nobody reviewed in periods closed with the review step on"), `
		SELECT 'journal_entries', e.voucher_no, 'closed without review'
		FROM fiscal_periods p JOIN journal_entries e
			ON e.posting_date BETWEEN make_date(p.year, p.month, 1) AND (make_date(p.year, p.month, 1) + interval '1 month - 1 day')::date
		WHERE p.status = 'CLOSED' AND p.closed_with_review AND e.source_type <> 'CLOSING'
		  AND NOT EXISTS (SELECT 1 FROM voucher_reviews v WHERE v.entry_id = e.id)
		ORDER BY e.posting_date, e.voucher_seq LIMIT 100`},
}
