package db

import "github.com/jxcgraph/jxc"

// Invariant 5 for payables, added to booksCheck: the AP control account
// equals the open supplier invoices less the open debit notes of supplier
// returns (an invoice's paid amount counts payments and applied debit notes), and GRNI equals what was received and
// not yet invoiced (per order line: received value less GRNI cleared).
// Receipt layers: what remains of receipt lines is at most what is on hand
// (equal when every inflow of the product and warehouse is a receipt or a
// customer return; opening stock and count gains belong to no receipt).
var purchasingBooksRules = []BooksCheckRule{
	{jxc.RuleAPMismatch, jxc.T("trade payables 2202.01 differ from the open supplier invoices (invariant 5)"), `
		SELECT 'accounts', '2202.01', format('ledger %s, open invoices %s', l.b, i.o)
		FROM (SELECT coalesce(sum(credit - debit), 0) AS b FROM journal_lines WHERE account_code = '2202.01') l,
		     (SELECT (SELECT coalesce(sum(total_amount - paid_amount), 0) FROM supplier_invoices)
		           - (SELECT coalesce(sum(total_amount - applied_amount - refunded_amount), 0) FROM supplier_returns WHERE status = 'POSTED') AS o) i
		WHERE l.b <> i.o`},
	{jxc.RuleGRNIMismatch, jxc.T("GRNI 2202.02 differs from goods received and not yet invoiced (invariant 5)"), `
		SELECT 'accounts', '2202.02', format('ledger %s, received not invoiced %s', l.b, r.o)
		FROM (SELECT coalesce(sum(credit - debit), 0) AS b FROM journal_lines WHERE account_code = '2202.02') l,
		     (SELECT coalesce(sum(received_value - grni_cleared), 0) AS o FROM purchase_order_lines) r
		WHERE l.b <> r.o`},
	{jxc.RuleInvoiceBalance, jxc.T("supplier invoices whose paid amount differs from their payment allocations"), `
		SELECT 'supplier_invoices', i.id::text, format('paid %s, allocated %s', i.paid_amount, coalesce(a.s, 0))
		FROM supplier_invoices i LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM (SELECT invoice_id, amount FROM supplier_payment_allocations
		  UNION ALL SELECT invoice_id, amount FROM debit_note_allocations) x GROUP BY invoice_id) a
		  ON a.invoice_id = i.id
		WHERE i.paid_amount <> coalesce(a.s, 0) ORDER BY i.id LIMIT 100`},
	{jxc.RuleReceiptLayers, jxc.T("receipt lines said to remain on hand beyond the stock on hand (landed costs follow the goods)"), `
		SELECT 'receipt_layers', format('product %s warehouse %s', l.product_id, l.warehouse_id),
			format('receipt lines remaining %s, on hand %s', l.r, coalesce(b.on_hand, 0))
		FROM (SELECT product_id, warehouse_id, sum(remaining_qty) AS r FROM receipt_layers GROUP BY 1, 2) l
		LEFT JOIN stock_balances b ON b.product_id = l.product_id AND b.warehouse_id = l.warehouse_id
		WHERE l.r > coalesce(b.on_hand, 0) ORDER BY 2 LIMIT 100`},
}
