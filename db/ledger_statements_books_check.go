package db

import "github.com/jxcgraph/jxc"

// statementBooksRules: the statutory statements' mapping covers the books.
var statementBooksRules = []BooksCheckRule{
	{jxc.RuleStatementUnmappedAccount, jxc.T("accounts the statutory statements leave out: a balance on no line of the balance sheet, or income or expense on no line of the income statement"), `
		WITH a AS (
			SELECT a.code, a.type, sum(d.debit - d.credit) AS b FROM accounts a JOIN account_daily d ON d.account_code = a.code GROUP BY a.code, a.type
		), x AS (
			SELECT a.*,
				EXISTS (SELECT 1 FROM statement_line_accounts m WHERE m.form = 'BALANCE_SHEET' AND (a.code = m.account_prefix
					OR a.code LIKE m.account_prefix || '.%' OR (length(m.account_prefix) = 1 AND a.code LIKE m.account_prefix || '%'))) AS on_bs,
				EXISTS (SELECT 1 FROM statement_line_accounts m WHERE m.form = 'INCOME_STATEMENT' AND (a.code = m.account_prefix
					OR a.code LIKE m.account_prefix || '.%' OR (length(m.account_prefix) = 1 AND a.code LIKE m.account_prefix || '%'))) AS on_is
			FROM a
		)
		SELECT 'accounts', code, CASE WHEN b <> 0 AND NOT on_bs THEN format('balance %s on no line of BALANCE_SHEET', b)
			ELSE format('%s account with postings on no line of INCOME_STATEMENT', type) END
		FROM x WHERE (b <> 0 AND NOT on_bs) OR (type IN ('REVENUE', 'EXPENSE') AND NOT on_is)
		ORDER BY 2 LIMIT 100`},
}

func init() { booksRules = append(booksRules, statementBooksRules...) }
