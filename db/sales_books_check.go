package db

import "github.com/jxcgraph/jxc"

// Invariant 5 for receivables joins booksCheck: the AR control account
// equals the open balances of customer invoices less the credit notes not
// yet applied or refunded, and 2203 advances from customers equals the
// payments not yet applied or refunded.
var salesBooksRules = []BooksCheckRule{
	{jxc.RuleReceivableMismatch, jxc.T("AR control account 1122 differs from open customer invoices less open credit notes (invariant 5)"), `
		SELECT 'accounts', '1122', format('ledger %s, open invoices %s less open credit notes %s', l.b, i.v, r.v)
		FROM (SELECT coalesce(sum(debit - credit), 0) AS b FROM journal_lines WHERE account_code = '1122') l,
		     (SELECT coalesce(sum(total_amount - paid_amount - credited_amount), 0) AS v FROM sales_invoices) i,
		     (SELECT coalesce(sum(total_amount - applied_amount - refunded_amount), 0) AS v FROM sales_returns) r
		WHERE l.b <> i.v - r.v`},
	{jxc.RuleCustomerAdvanceMismatch, jxc.T("advances from customers 2203 differ from unapplied customer payments (invariant 5)"), `
		SELECT 'accounts', '2203', format('ledger %s, unapplied payments %s', l.b, p.v)
		FROM (SELECT coalesce(sum(credit - debit), 0) AS b FROM journal_lines WHERE account_code = '2203') l,
		     (SELECT coalesce(sum(amount - applied_amount - refunded_amount), 0) AS v FROM customer_payments) p
		WHERE l.b <> p.v`},
}
