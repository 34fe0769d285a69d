package db

import "github.com/jxcgraph/jxc"

// Stock by bin, added to booksCheck: the bins of a product and warehouse
// (and what is not put away) add up to its on hand, and no bin is negative.
var binsBooksRules = []BooksCheckRule{
	{jxc.RuleBinBalance, jxc.T("stock by bin differs from the warehouse's stock on hand"), `
		SELECT 'stock_bin_balances', format('product %s warehouse %s', b.product_id, b.warehouse_id),
			format('on hand %s, in bins %s, negative bins %s', b.on_hand, coalesce(s.q, 0), coalesce(s.neg, 0))
		FROM stock_balances b
		LEFT JOIN (SELECT product_id, warehouse_id, sum(quantity) AS q, count(*) FILTER (WHERE quantity < 0) AS neg
			FROM stock_bin_balances GROUP BY 1, 2) s ON s.product_id = b.product_id AND s.warehouse_id = b.warehouse_id
		WHERE b.on_hand <> coalesce(s.q, 0) OR coalesce(s.neg, 0) > 0
		ORDER BY 2 LIMIT 100`},
}
