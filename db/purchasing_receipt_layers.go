package db

import (
	"context"
	"sort"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Receipt layers: what remains on hand of each receipt line, so that a
// landed cost on a receipt lands on stock only for the part of that
// receipt still there (migration 0062). Issues consume the layers of
// their product and warehouse oldest first, after stock that belongs to no
// receipt; this is FIFO tracking for landed costs only, the valuation
// stays the moving average. Every layer
// change happens under the product's stock lock (post takes it), so the
// layers of a product are never written by two transactions at once.

// addReceiptLayers opens a layer for every accepted line of a receipt just
// written.
func addReceiptLayers(ctx context.Context, tx *Tx, receiptID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO receipt_layers (receipt_id, line_no, product_id, warehouse_id, receipt_date, accepted_qty, remaining_qty)
		SELECT l.receipt_id, l.line_no, l.product_id, r.warehouse_id, r.receipt_date, l.accepted_qty, l.accepted_qty
		FROM goods_receipt_lines l JOIN goods_receipts r ON r.id = l.receipt_id
		WHERE l.receipt_id = $1 AND l.accepted_qty > 0`, receiptID)
	return err
}

// followReceiptLayers is the posting effect: where a posting takes stock
// out of a product and warehouse (net of its moves, so a landed cost's
// revaluation pair changes nothing), the layers give up what the stock
// left on hand no longer holds. Stock that belongs to no receipt (opening
// stock, count gains) goes first, then receipts oldest first. Where a
// customer return brings goods back, the layers that gave them up last
// take them back (each up to what it received). Other inflows open no
// layer; receipts open theirs when their lines are written.
func followReceiptLayers(ctx context.Context, tx *Tx, p *posted) error {
	if p.Source == jxc.SourcePurchaseReceipt || len(p.Moves) == 0 {
		return nil
	}
	net := map[jxc.StockKey]decimal.Decimal{}
	for _, m := range p.Moves {
		k := jxc.StockKey{ProductID: m.ProductID, WarehouseID: m.WarehouseID}
		net[k] = net[k].Add(m.Quantity)
	}
	var out, back []jxc.StockKey
	for k, q := range net {
		switch {
		case q.IsNegative():
			out = append(out, k)
		case q.IsPositive() && p.Source == jxc.SourceSalesReturn:
			back = append(back, k)
		}
	}
	if len(out) > 0 {
		ps, ws, _ := layerArgs(out, net)
		if _, err := tx.ExecContext(ctx, consumeLayers, pq.Array(ps), pq.Array(ws)); err != nil {
			return err
		}
	}
	if len(back) > 0 {
		ps, ws, qs := layerArgs(back, net)
		if _, err := tx.ExecContext(ctx, restoreLayers, pq.Array(ps), pq.Array(ws), pq.Array(decStrings(qs))); err != nil {
			return err
		}
	}
	return nil
}

// consumeLayers runs after the moves are written: what the layers
// of each product and warehouse hold beyond its stock on hand now is taken
// from the oldest layers (receipt date, receipt, line), so stock of no
// receipt is the first to go.
const consumeLayers = `WITH t AS (
		SELECT * FROM unnest($1::bigint[], $2::bigint[]) AS t(p, w)
	), x AS (
		SELECT t.p, t.w, (SELECT coalesce(sum(l.remaining_qty), 0) FROM receipt_layers l WHERE l.product_id = t.p AND l.warehouse_id = t.w)
			- b.on_hand AS q
		FROM t JOIN stock_balances b ON b.product_id = t.p AND b.warehouse_id = t.w
	), o AS (
		SELECT l.receipt_id, l.line_no, l.remaining_qty AS r, x.q,
			sum(l.remaining_qty) OVER (PARTITION BY l.product_id, l.warehouse_id
				ORDER BY l.receipt_date, l.receipt_id, l.line_no) - l.remaining_qty AS before
		FROM receipt_layers l JOIN x ON x.p = l.product_id AND x.w = l.warehouse_id
		WHERE l.remaining_qty > 0 AND x.q > 0
	)
	UPDATE receipt_layers l SET remaining_qty = l.remaining_qty - least(o.r, o.q - o.before)
	FROM o WHERE l.receipt_id = o.receipt_id AND l.line_no = o.line_no AND o.before < o.q`

// restoreLayers gives q (positive: the net return) back to the newest
// layers that gave something up, each up to what it received.
const restoreLayers = `WITH t AS (
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::numeric[]) AS t(p, w, q)
	), o AS (
		SELECT l.receipt_id, l.line_no, l.accepted_qty - l.remaining_qty AS r, t.q AS q,
			sum(l.accepted_qty - l.remaining_qty) OVER (PARTITION BY l.product_id, l.warehouse_id
				ORDER BY l.receipt_date DESC, l.receipt_id DESC, l.line_no DESC) - (l.accepted_qty - l.remaining_qty) AS before
		FROM receipt_layers l JOIN t ON t.p = l.product_id AND t.w = l.warehouse_id
		WHERE l.remaining_qty < l.accepted_qty
	)
	UPDATE receipt_layers l SET remaining_qty = l.remaining_qty + least(o.r, o.q - o.before)
	FROM o WHERE l.receipt_id = o.receipt_id AND l.line_no = o.line_no AND o.before < o.q`

// layerArgs are the keys (in lock order) and their net quantities as
// statement arguments.
func layerArgs(keys []jxc.StockKey, net map[jxc.StockKey]decimal.Decimal) ([]int64, []int64, []decimal.Decimal) {
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	ps, ws, qs := make([]int64, len(keys)), make([]int64, len(keys)), make([]decimal.Decimal, len(keys))
	for i, k := range keys {
		ps[i], ws[i], qs[i] = k.ProductID, k.WarehouseID, net[k]
	}
	return ps, ws, qs
}

// receiptRemaining is what remains on hand of the named receipt lines.
// The caller holds the products' stock locks, so the answer stays true
// until it posts.
func receiptRemaining(ctx context.Context, tx *Tx, receiptIDs []int64) (map[[2]int64]decimal.Decimal, error) {
	var rows []struct {
		ReceiptID int64           `db:"receipt_id"`
		LineNo    int64           `db:"line_no"`
		Remaining decimal.Decimal `db:"remaining_qty"`
	}
	if err := tx.SelectContext(ctx, &rows, `SELECT receipt_id, line_no, remaining_qty FROM receipt_layers WHERE receipt_id = ANY($1)`,
		pq.Array(receiptIDs)); err != nil {
		return nil, err
	}
	out := make(map[[2]int64]decimal.Decimal, len(rows))
	for _, r := range rows {
		out[[2]int64{r.ReceiptID, r.LineNo}] = r.Remaining
	}
	return out, nil
}

// lockProductStock takes the products' stock locks (the first lock of
// every stock posting, in product id order) ahead of the posting, for a
// flow that must read what the lock protects before it plans.
func lockProductStock(ctx context.Context, tx *Tx, productIDs []int64) error {
	ids := sortedIDs(productIDs)
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM product_stock WHERE product_id = ANY($1) ORDER BY product_id FOR UPDATE`, pq.Array(ids))
	return err
}
