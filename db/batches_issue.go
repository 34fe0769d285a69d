package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// namedBatch is an outgoing line that names the batch it takes from
// (otherwise FEFO picks).
type namedBatch struct {
	Field       string // "input.lines.N."
	ProductID   int64
	WarehouseID int64
	Quantity    decimal.Decimal // positive: what leaves
	BatchNumber *string
}

// outgoingBatches checks the batches outgoing lines name and returns the
// context the posting takes them from: the product must be batch-tracked,
// the batch its own and holding the quantity in the warehouse (the
// posting's stock rows are locked by the caller, so the batch balances read
// here hold). Lines naming no batch are left to FEFO.
func outgoingBatches(ctx context.Context, tx *Tx, es *jxc.Errors, lines []namedBatch) (context.Context, error) {
	var named []namedBatch
	var pids []int64
	for _, l := range lines {
		if strings.TrimSpace(jxc.Deref(l.BatchNumber)) != "" && l.Quantity.IsPositive() {
			named = append(named, l)
			pids = append(pids, l.ProductID)
		}
	}
	if len(named) == 0 {
		return ctx, nil
	}
	tracked, err := trackedProducts(ctx, tx, pids)
	if err != nil {
		return nil, err
	}
	var allocs []*batchAlloc
	taken := map[int64]decimal.Decimal{}
	for _, l := range named {
		number := strings.TrimSpace(*l.BatchNumber)
		t, ok := tracked[l.ProductID]
		if !ok {
			var sku string
			if err := tx.GetContext(ctx, &sku, `SELECT sku FROM products WHERE id = $1`, l.ProductID); err != nil {
				return nil, err
			}
			es.Add(jxc.EINVALID, l.Field+"batchNumber", "product {product} is not batch-tracked: leave the batch out", jxc.P{"product": sku})
			continue
		}
		var b struct {
			ID     int64           `db:"id"`
			OnHand decimal.Decimal `db:"on_hand"`
		}
		err := tx.GetContext(ctx, &b, `SELECT b.id, coalesce(bb.on_hand, 0) AS on_hand FROM batches b
			LEFT JOIN batch_balances bb ON bb.batch_id = b.id AND bb.product_id = b.product_id AND bb.warehouse_id = $3
			WHERE b.product_id = $1 AND b.number = $2`, l.ProductID, number, l.WarehouseID)
		if errors.Is(err, sql.ErrNoRows) {
			es.Add(jxc.ENOTFOUND, l.Field+"batchNumber", "product {product} has no batch {batch}", jxc.P{"product": t.SKU, "batch": number})
			continue
		} else if err != nil {
			return nil, err
		}
		have := b.OnHand.Sub(taken[b.ID])
		if have.LessThan(l.Quantity) {
			es.Add(jxc.ECONFLICT, l.Field+"batchNumber", "batch {batch} of product {product} holds only {available} in warehouse {warehouse}; cannot take out {requested}",
				jxc.P{"batch": number, "product": t.SKU, "available": have, "warehouse": warehouseLabel(ctx, tx, l.WarehouseID), "requested": l.Quantity})
			continue
		}
		taken[b.ID] = taken[b.ID].Add(l.Quantity)
		allocs = append(allocs, &batchAlloc{ProductID: l.ProductID, WarehouseID: l.WarehouseID, BatchID: b.ID, Quantity: l.Quantity.Neg(), Field: l.Field})
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return withBatches(ctx, allocs), nil
}

// shipmentBatches names the batches a shipment's lines take: the lines of
// the input that name one; the rest are FEFO's.
func shipmentBatches(ctx context.Context, tx *Tx, warehouseID int64, in jxc.ShipInput, plan *jxc.ShippingPlan) (context.Context, error) {
	var lines []namedBatch
	for i, l := range in.Lines {
		if l.BatchNumber == nil {
			continue
		}
		for j, pl := range plan.Lines {
			if pl.Line.ID == l.ShipmentLineID {
				lines = append(lines, namedBatch{Field: fmt.Sprintf("input.lines.%d.", i), ProductID: pl.Line.ProductID, WarehouseID: warehouseID,
					Quantity: plan.Issue.Lines[j].Quantity, BatchNumber: l.BatchNumber})
			}
		}
	}
	var es jxc.Errors
	return outgoingBatches(ctx, tx, &es, lines)
}

// returnBatches names the batches a sales return puts its goods back into:
// the batch a line names, or else the batches its shipment took the
// product from, less what earlier returns of the shipment put back, in the
// order they left (the engine refuses a tracked product coming in without
// its batch).
func returnBatches(ctx context.Context, tx *Tx, shipmentID int64, in jxc.SalesReturnInput, plan *jxc.SalesReturnPlan) (context.Context, error) {
	var pids []int64
	for _, l := range plan.Posting.Lines {
		pids = append(pids, l.ProductID)
	}
	tracked, err := trackedProducts(ctx, tx, pids)
	if err != nil || len(tracked) == 0 {
		return ctx, err
	}
	// What the shipment took per product and batch, less what came back.
	var left []struct {
		ProductID int64           `db:"product_id"`
		BatchID   int64           `db:"batch_id"`
		Quantity  decimal.Decimal `db:"quantity"`
	}
	if err := tx.SelectContext(ctx, &left, `SELECT m.product_id, m.batch_id, -sum(m.quantity) AS quantity FROM stock_moves m
		WHERE m.batch_id IS NOT NULL AND ((m.source_type = 'SHIPMENT' AND m.source_id = $1)
		   OR (m.source_type = 'SALES_RETURN' AND m.source_id IN (SELECT r.id FROM sales_returns r WHERE r.shipment_id = $1)))
		GROUP BY m.product_id, m.batch_id HAVING -sum(m.quantity) > 0 ORDER BY m.product_id, min(m.id)`, shipmentID); err != nil {
		return nil, err
	}
	var es jxc.Errors
	var allocs []*batchAlloc
	for i, r := range plan.Lines {
		pl := plan.Posting.Lines[i]
		t, ok := tracked[pl.ProductID]
		if !ok || !pl.Quantity.IsPositive() {
			continue
		}
		field := "input.lines"
		var named *string
		for k, l := range in.Lines {
			if l.ShipmentLineID == r.Line.ID {
				field, named = fmt.Sprintf("input.lines.%d.", k), l.BatchNumber
			}
		}
		if number := strings.TrimSpace(jxc.Deref(named)); number != "" {
			var id int64
			err := tx.GetContext(ctx, &id, `SELECT id FROM batches WHERE product_id = $1 AND number = $2`, pl.ProductID, number)
			if errors.Is(err, sql.ErrNoRows) {
				es.Add(jxc.ENOTFOUND, field+"batchNumber", "product {product} has no batch {batch}", jxc.P{"product": t.SKU, "batch": number})
				continue
			} else if err != nil {
				return nil, err
			}
			allocs = append(allocs, &batchAlloc{ProductID: pl.ProductID, WarehouseID: pl.WarehouseID, BatchID: id, Quantity: pl.Quantity, Field: field})
			continue
		}
		rest := pl.Quantity
		for k := range left {
			if rest.IsZero() {
				break
			}
			if left[k].ProductID != pl.ProductID || !left[k].Quantity.IsPositive() {
				continue
			}
			q := decimal.Min(rest, left[k].Quantity)
			left[k].Quantity = left[k].Quantity.Sub(q)
			rest = rest.Sub(q)
			allocs = append(allocs, &batchAlloc{ProductID: pl.ProductID, WarehouseID: pl.WarehouseID, BatchID: left[k].BatchID, Quantity: q, Field: field})
		}
		// More back than its batches account for (a unit conversion's
		// rounding): the rest joins the last batch it left from.
		if rest.IsPositive() {
			var last *batchAlloc
			for _, a := range allocs {
				if a.ProductID == pl.ProductID {
					last = a
				}
			}
			if last == nil {
				es.Add(jxc.EINVALID, field+"batchNumber", "product {product} is batch-tracked: give the batch number", jxc.P{"product": t.SKU})
				continue
			}
			last.Quantity = last.Quantity.Add(rest)
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return withBatches(ctx, allocs), nil
}
