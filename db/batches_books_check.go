package db

import "github.com/jxcgraph/jxc"

// Batches, added to booksCheck: the batches of a batch-tracked product and
// warehouse sum to its balance; each batch balance is the sum of its moves;
// no move of a batch-tracked product lacks its batch.
var batchesBooksRules = []BooksCheckRule{
	{jxc.RuleBatchBalances, jxc.T("batch balances that differ from the stock balance or from their batch's moves"), `
		SELECT 'batch_balances', format('product %s warehouse %s', s.product_id, s.warehouse_id),
			format('on hand %s, batches %s', s.on_hand, coalesce(bb.q, 0))
		FROM stock_balances s JOIN products p ON p.id = s.product_id AND p.batch_tracked
		LEFT JOIN (SELECT product_id, warehouse_id, sum(on_hand) AS q FROM batch_balances GROUP BY 1, 2) bb
		  ON bb.product_id = s.product_id AND bb.warehouse_id = s.warehouse_id
		WHERE s.on_hand <> coalesce(bb.q, 0)
		UNION ALL
		SELECT 'batch_balances', format('batch %s warehouse %s', bb.batch_id, bb.warehouse_id),
			format('balance %s, moves %s', bb.on_hand, coalesce(m.q, 0))
		FROM batch_balances bb LEFT JOIN (SELECT batch_id, warehouse_id, sum(quantity) AS q FROM stock_moves WHERE batch_id IS NOT NULL GROUP BY 1, 2) m
		  ON m.batch_id = bb.batch_id AND m.warehouse_id = bb.warehouse_id
		WHERE bb.on_hand <> coalesce(m.q, 0)
		UNION ALL
		SELECT 'stock_moves', m.id::text, 'move of a batch-tracked product without its batch'
		FROM stock_moves m JOIN products p ON p.id = m.product_id AND p.batch_tracked
		WHERE m.batch_id IS NULL
		ORDER BY 2 LIMIT 100`},
}
