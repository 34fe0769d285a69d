package db

import "github.com/jxcgraph/jxc"

// Supplier returns in booksCheck (the AP and GRNI rules of invariant 5 in
// purchasing_books_check.go count their debit notes and the GRNI they
// took back): a return's applied and refunded amounts are its allocations
// and refunds, and what a receipt line says went back is what posted
// returns took of it.
var supplierReturnBooksRules = []BooksCheckRule{
	{jxc.RuleSupplierReturnMismatch, jxc.T("supplier returns whose applied or refunded amount differs from their allocations and refunds"), `
		SELECT 'supplier_returns', r.number, format('applied %s, allocated %s, refunded %s, refunds %s', r.applied_amount, coalesce(a.s, 0), r.refunded_amount, coalesce(f.s, 0))
		FROM supplier_returns r
		LEFT JOIN (SELECT return_id, sum(amount) AS s FROM debit_note_allocations GROUP BY 1) a ON a.return_id = r.id
		LEFT JOIN (SELECT return_id, sum(amount) AS s FROM debit_note_refunds GROUP BY 1) f ON f.return_id = r.id
		WHERE r.applied_amount <> coalesce(a.s, 0) OR r.refunded_amount <> coalesce(f.s, 0) ORDER BY r.id LIMIT 100`},
	{jxc.RuleSupplierReturnMismatch, jxc.T("receipt lines whose returned quantity differs from the posted supplier returns of them"), `
		SELECT 'goods_receipt_lines', format('%s line %s', g.number, l.line_no), format('returned %s, posted returns %s', l.returned_qty, coalesce(x.q, 0))
		FROM goods_receipt_lines l JOIN goods_receipts g ON g.id = l.receipt_id
		LEFT JOIN (SELECT rl.receipt_id, rl.receipt_line_no, sum(rl.quantity) AS q FROM supplier_return_lines rl
		           JOIN supplier_returns r ON r.id = rl.return_id WHERE r.status = 'POSTED' GROUP BY 1, 2) x
		  ON x.receipt_id = l.receipt_id AND x.receipt_line_no = l.line_no
		WHERE l.returned_qty <> coalesce(x.q, 0) ORDER BY g.number, l.line_no LIMIT 100`},
	{jxc.RuleSupplierReturnMismatch, jxc.T("posted supplier returns whose stock value differs from their stock moves"), `
		SELECT 'supplier_returns', r.number, format('stock value %s, moves %s', r.stock_value, coalesce(m.v, 0))
		FROM supplier_returns r LEFT JOIN (SELECT source_id, -sum(value) AS v FROM stock_moves WHERE source_type = 'SUPPLIER_RETURN' GROUP BY 1) m
		  ON m.source_id = r.id
		WHERE r.status = 'POSTED' AND r.stock_value <> coalesce(m.v, 0) ORDER BY r.id LIMIT 100`},
}
