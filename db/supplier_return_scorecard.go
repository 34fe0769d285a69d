package db

import (
	"context"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// scoreReturns puts the quality returns on the scorecards: the posted
// supplier returns since the date, in stock units and at the receipt
// price, against what the supplier's receipts accepted since then. Two
// queries whatever the number of suppliers.
func scoreReturns(ctx context.Context, q Queryer, out map[int64]*jxc.SupplierScorecard, ids []int64, since jxc.Date) error {
	var acc []struct {
		SupplierID int64           `db:"supplier_id"`
		Quantity   decimal.Decimal `db:"quantity"`
		Value      decimal.Decimal `db:"value"`
	}
	if err := q.SelectContext(ctx, &acc, `SELECT o.supplier_id, sum(l.accepted_qty * ol.unit_factor) AS quantity, sum(round(l.accepted_qty * l.unit_price, 2)) AS value
		FROM goods_receipt_lines l JOIN goods_receipts r ON r.id = l.receipt_id JOIN purchase_orders o ON o.id = r.purchase_order_id
		JOIN purchase_order_lines ol ON ol.id = l.po_line_id
		WHERE o.supplier_id = ANY($1) AND r.receipt_date >= $2 GROUP BY o.supplier_id`, pq.Array(ids), since); err != nil {
		return err
	}
	accepted := map[int64][2]decimal.Decimal{}
	for _, a := range acc {
		accepted[a.SupplierID] = [2]decimal.Decimal{a.Quantity, a.Value}
	}
	var rets []struct {
		SupplierID int64           `db:"supplier_id"`
		Returns    int             `db:"returns"`
		Quantity   decimal.Decimal `db:"quantity"`
		Value      decimal.Decimal `db:"value"`
	}
	if err := q.SelectContext(ctx, &rets, `SELECT r.supplier_id, count(DISTINCT r.id) AS returns, sum(l.stock_quantity) AS quantity,
			sum(round(l.quantity * l.unit_price, 2)) AS value
		FROM supplier_returns r JOIN supplier_return_lines l ON l.return_id = r.id
		WHERE r.supplier_id = ANY($1) AND r.status = 'POSTED' AND r.posting_date >= $2 GROUP BY r.supplier_id`, pq.Array(ids), since); err != nil {
		return err
	}
	returned := map[int64]int{}
	for _, r := range rets {
		sc := out[r.SupplierID]
		sc.QualityReturns, sc.ReturnedQuantity = r.Returns, r.Quantity
		returned[r.SupplierID] = len(returned)
		a := accepted[r.SupplierID]
		if a[0].Sign() > 0 {
			rate := jxc.DivRound(r.Quantity, a[0], 4)
			sc.ReturnRate = &rate
		}
		if a[1].Sign() > 0 {
			rate := jxc.DivRound(r.Value, a[1], 4)
			sc.ReturnValueRate = &rate
		}
	}
	// A supplier with receipts and no return has a return rate of 0.
	for id, a := range accepted {
		if _, ok := returned[id]; ok {
			continue
		}
		z := decimal.Zero
		if a[0].Sign() > 0 {
			out[id].ReturnRate = &z
		}
		if a[1].Sign() > 0 {
			z2 := decimal.Zero
			out[id].ReturnValueRate = &z2
		}
	}
	return nil
}
