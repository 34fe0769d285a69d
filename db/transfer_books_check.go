package db

import "github.com/jxcgraph/jxc"

// Transfers' rule, added to booksCheck: goods in transit 1402 equal what
// open transfer lines hold in transit (shipped less received less settled
// short, by value). Nothing else posts to 1402 (no posting rule names it,
// and the account takes no manual postings), so the two are equal.
var transferBooksRules = []BooksCheckRule{
	{jxc.RuleGoodsInTransit, jxc.T("goods in transit 1402 differ from the in-transit value of open transfer lines"), `
		SELECT 'accounts', '1402', format('ledger %s, in transit %s', l.b, t.v)
		FROM (SELECT coalesce(sum(debit - credit), 0) AS b FROM journal_lines WHERE account_code = '1402') l,
		     (SELECT coalesce(sum(shipped_value - received_value - short_value), 0) AS v FROM stock_transfer_lines) t
		WHERE l.b <> t.v`},
}
