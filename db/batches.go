package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Batches and expiry (批次/保质期). Every stock move of a batch-tracked
// product carries its batch: post() splits the moves the rules made by
// batch (assignBatches) before writing them, and writeBatchBalances keeps
// batch_balances (product, warehouse, batch) with them in the same
// transaction (never negative: a CHECK). Incoming moves take the batches
// their flow named (a batchPlan in the context: goods receipts name them
// per line); outgoing moves take the named batches first, then FEFO.
// Batches hold quantity, not cost: the moves' value is the engine's moving
// average, split over the batches in proportion.

// BatchService keeps batches and their stock.
type BatchService struct{ db *DB }

// NewBatchService returns the batch service on db.
func NewBatchService(db *DB) *BatchService { return &BatchService{db: db} }

// batchAlloc is one named batch for a posting's moves: Quantity signed
// like the move (in: positive; out: negative).
type batchAlloc struct {
	ProductID, WarehouseID, BatchID int64
	Quantity                        decimal.Decimal
	Field                           string
}

type batchPlan struct{ allocs []*batchAlloc }

type batchPlanKey struct{}

// withBatches names the batches the next posting's moves take.
func withBatches(ctx context.Context, allocs []*batchAlloc) context.Context {
	return context.WithValue(ctx, batchPlanKey{}, &batchPlan{allocs: allocs})
}

func batchPlanOf(ctx context.Context) *batchPlan {
	p, _ := ctx.Value(batchPlanKey{}).(*batchPlan)
	return p
}

// trackedProducts returns which of the products are batch-tracked.
func trackedProducts(ctx context.Context, q Queryer, ids []int64) (map[int64]jxc.ProductTracking, error) {
	var rows []jxc.ProductTracking
	if err := q.SelectContext(ctx, &rows, `SELECT id, sku, batch_tracked, expiry_tracked, shelf_life_days FROM products WHERE id = ANY($1) AND batch_tracked`,
		pq.Array(ids)); err != nil {
		return nil, err
	}
	out := map[int64]jxc.ProductTracking{}
	for _, r := range rows {
		out[r.ProductID] = r
	}
	return out, nil
}

// assignBatches splits the moves of batch-tracked products by batch. The
// products' stock rows are locked by the posting (lockStock), so their
// batch balances read here cannot change under it.
func assignBatches(ctx context.Context, tx *Tx, moves []*jxc.StockMove) ([]*jxc.StockMove, error) {
	var pids []int64
	for _, m := range moves {
		if !slices.Contains(pids, m.ProductID) {
			pids = append(pids, m.ProductID)
		}
	}
	tracked, err := trackedProducts(ctx, tx, pids)
	if err != nil || len(tracked) == 0 {
		return moves, err
	}
	var allocs []*batchAlloc
	if p := batchPlanOf(ctx); p != nil {
		for _, a := range p.allocs {
			c := *a
			allocs = append(allocs, &c)
		}
	}
	taken := map[[3]int64]decimal.Decimal{} // batch stock taken by earlier moves of this posting
	var out []*jxc.StockMove
	var es jxc.Errors
	for _, m := range moves {
		t, ok := tracked[m.ProductID]
		if !ok {
			out = append(out, m)
			continue
		}
		type part struct {
			batch int64
			q     decimal.Decimal
		}
		var parts []part
		rest := m.Quantity.Abs()
		for _, a := range allocs {
			if rest.IsZero() {
				break
			}
			if a.ProductID != m.ProductID || a.WarehouseID != m.WarehouseID || a.Quantity.IsZero() || a.Quantity.Sign() != m.Quantity.Sign() {
				continue
			}
			q := decimal.Min(rest, a.Quantity.Abs())
			parts = append(parts, part{a.BatchID, q})
			rest = rest.Sub(q)
			a.Quantity = a.Quantity.Sub(q.Mul(decimal.NewFromInt(int64(m.Quantity.Sign()))))
		}
		if rest.IsPositive() && m.Quantity.IsPositive() {
			es.Add(jxc.EINVALID, "input.lines", "product {product} is batch-tracked: stock coming in needs its batch number", jxc.P{"product": t.SKU})
			continue
		}
		if rest.IsPositive() {
			// Named batches first (checked below like FEFO's), then FEFO.
			fefo, err := fefoBatches(ctx, tx, m.ProductID, m.WarehouseID, rest, taken)
			if err != nil {
				return nil, err
			}
			got := decimal.Zero
			for _, f := range fefo {
				parts = append(parts, part{f.BatchID, f.Quantity})
				got = got.Add(f.Quantity)
			}
			if got.LessThan(rest) {
				es.Add(jxc.ECONFLICT, "input.lines", "the batches of product {product} hold only {available} in warehouse {warehouse}; cannot take out {requested}",
					jxc.P{"product": t.SKU, "available": got, "warehouse": warehouseLabel(ctx, tx, m.WarehouseID), "requested": rest})
				continue
			}
		}
		// Split the value in proportion; the last part takes the rest.
		left := m.Value
		for i, p := range parts {
			v := left
			if i < len(parts)-1 {
				v = jxc.RoundMoney(m.Value.Mul(p.q).Div(m.Quantity.Abs()))
				left = left.Sub(v)
			}
			c := *m
			id := p.batch
			c.BatchID = &id
			c.Quantity = p.q.Mul(decimal.NewFromInt(int64(m.Quantity.Sign())))
			c.Value = v
			out = append(out, &c)
			if m.Quantity.IsNegative() {
				k := [3]int64{m.ProductID, m.WarehouseID, p.batch}
				taken[k] = taken[k].Add(p.q)
			}
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func warehouseLabel(ctx context.Context, q Queryer, id int64) string {
	var code string
	if err := q.GetContext(ctx, &code, `SELECT code FROM warehouses WHERE id = $1`, id); err != nil {
		return "?"
	}
	return code
}

// FEFOBatches is first expiring, first out: the batches of the product in
// the warehouse that qty takes, earliest expiry first (batches without an
// expiry last, then by batch number). It takes what there is: less than
// qty when the batches hold less. Call it in the posting's transaction
// (the product's stock locked) for an exact answer, or anywhere for a
// suggestion (pick lists).
func FEFOBatches(ctx context.Context, q Queryer, productID, warehouseID int64, qty decimal.Decimal) ([]jxc.BatchTake, error) {
	return fefoBatches(ctx, q, productID, warehouseID, qty, nil)
}

// FEFOBatches implements the service's way to the FEFO suggestion.
func (s *BatchService) FEFOBatches(ctx context.Context, productID, warehouseID int64, qty decimal.Decimal) ([]jxc.BatchTake, error) {
	return FEFOBatches(ctx, s.db, productID, warehouseID, qty)
}

func fefoBatches(ctx context.Context, q Queryer, productID, warehouseID int64, qty decimal.Decimal, taken map[[3]int64]decimal.Decimal) ([]jxc.BatchTake, error) {
	var rows []jxc.BatchTake
	if err := q.SelectContext(ctx, &rows, `SELECT bb.batch_id, b.number, b.expiry_date, bb.on_hand AS quantity
		FROM batch_balances bb JOIN batches b ON b.id = bb.batch_id
		WHERE bb.product_id = $1 AND bb.warehouse_id = $2 AND bb.on_hand > 0
		ORDER BY b.expiry_date NULLS LAST, b.number, b.id`, productID, warehouseID); err != nil {
		return nil, err
	}
	var out []jxc.BatchTake
	rest := qty
	for _, r := range rows {
		if !rest.IsPositive() {
			break
		}
		have := r.Quantity.Sub(taken[[3]int64{productID, warehouseID, r.BatchID}])
		if !have.IsPositive() {
			continue
		}
		r.Quantity = decimal.Min(have, rest)
		rest = rest.Sub(r.Quantity)
		out = append(out, r)
	}
	return out, nil
}

// writeBatchBalances adds the moves' quantities to their batches'
// balances; a balance that would go negative breaks its CHECK.
func writeBatchBalances(ctx context.Context, tx *Tx, moves []*jxc.StockMove) error {
	sums := map[[3]int64]decimal.Decimal{}
	var keys [][3]int64
	for _, m := range moves {
		if m.BatchID == nil {
			continue
		}
		k := [3]int64{m.ProductID, m.WarehouseID, *m.BatchID}
		if _, ok := sums[k]; !ok {
			keys = append(keys, k)
		}
		sums[k] = sums[k].Add(m.Quantity)
	}
	if len(keys) == 0 {
		return nil
	}
	slices.SortFunc(keys, func(a, b [3]int64) int {
		for i := range a {
			if a[i] != b[i] {
				return int(a[i] - b[i])
			}
		}
		return 0
	})
	ps, ws, bs, qs := make([]int64, len(keys)), make([]int64, len(keys)), make([]int64, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		ps[i], ws[i], bs[i], qs[i] = k[0], k[1], k[2], sums[k].String()
	}
	// A new row starts at zero (a CHECK is tested on the row proposed for
	// insertion, before ON CONFLICT), then every row takes its change.
	if _, err := tx.ExecContext(ctx, `INSERT INTO batch_balances (product_id, warehouse_id, batch_id)
		SELECT t.p, t.w, t.b FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS t(p, w, b, o)
		ORDER BY t.o ON CONFLICT DO NOTHING`, pq.Array(ps), pq.Array(ws), pq.Array(bs)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE batch_balances bb SET on_hand = bb.on_hand + t.q
		FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::numeric[]) AS t(p, w, b, q)
		WHERE bb.product_id = t.p AND bb.warehouse_id = t.w AND bb.batch_id = t.b`,
		pq.Array(ps), pq.Array(ws), pq.Array(bs), pq.Array(qs))
	if err != nil {
		var pe *pq.Error
		if errors.As(err, &pe) && pe.Constraint == "batch_balances_on_hand_check" {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.lines", "a batch does not hold enough stock for this posting")
		}
	}
	return err
}

// --- receipts ----------------------------------------------------------------

// batchLine is one incoming line's batch as the flow gives it.
type batchLine struct {
	Field          string // "input.lines.N."
	ProductID      int64
	WarehouseID    int64
	Quantity       decimal.Decimal
	BatchNumber    *string
	ExpiryDate     *jxc.Date
	ProductionDate *jxc.Date
}

// incomingBatches finds or creates the batches of incoming lines of
// batch-tracked products (source: the document creating them) and returns
// the context the posting takes them from. A batch-tracked line without a
// batch number, or an expiry-tracked one without its expiry, is an error
// naming the missing field.
func incomingBatches(ctx context.Context, tx *Tx, es *jxc.Errors, src jxc.SourceType, srcID int64, lines []batchLine) (context.Context, error) {
	var pids []int64
	for _, l := range lines {
		pids = append(pids, l.ProductID)
	}
	tracked, err := trackedProducts(ctx, tx, pids)
	if err != nil || len(tracked) == 0 {
		return ctx, err
	}
	var allocs []*batchAlloc
	for _, l := range lines {
		t, ok := tracked[l.ProductID]
		if !ok || !l.Quantity.IsPositive() {
			continue
		}
		number := strings.TrimSpace(jxc.Deref(l.BatchNumber))
		if number == "" {
			es.Add(jxc.EINVALID, l.Field+"batchNumber", "product {product} is batch-tracked: give the batch number", jxc.P{"product": t.SKU})
			continue
		}
		if jxc.CheckBatchNumber(es, l.Field+"batchNumber", number); !batchNumberOK(number) {
			continue
		}
		expiry := l.ExpiryDate
		if expiry == nil && l.ProductionDate != nil && t.ShelfLifeDays != nil {
			d := l.ProductionDate.AddDays(*t.ShelfLifeDays)
			expiry = &d
		}
		if t.ExpiryTracked && expiry == nil {
			es.Add(jxc.EINVALID, l.Field+"expiryDate", "product {product} tracks expiry: give the batch's expiry date", jxc.P{"product": t.SKU})
			continue
		}
		if expiry != nil && l.ProductionDate != nil && expiry.Before(*l.ProductionDate) {
			es.Add(jxc.EINVALID, l.Field+"expiryDate", "the expiry date {expiry} is before the production date {production}", jxc.P{"expiry": *expiry, "production": *l.ProductionDate})
			continue
		}
		b := &jxc.Batch{}
		err := tx.GetContext(ctx, b, `SELECT id, product_id, number, expiry_date, production_date, source_type, source_id, '' AS source_number
			FROM batches WHERE product_id = $1 AND number = $2`, l.ProductID, number)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if err := tx.GetContext(ctx, &b.ID, `INSERT INTO batches (product_id, number, expiry_date, production_date, source_type, source_id)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (product_id, number) DO UPDATE SET number = excluded.number RETURNING id`,
				l.ProductID, number, expiry, l.ProductionDate, src, srcID); err != nil {
				return nil, err
			}
		case err != nil:
			return nil, err
		default:
			if expiry != nil && b.ExpiryDate != nil && *expiry != *b.ExpiryDate {
				es.Add(jxc.ECONFLICT, l.Field+"expiryDate", "batch {batch} of product {product} expires on {expiry}, not {given}",
					jxc.P{"batch": number, "product": t.SKU, "expiry": *b.ExpiryDate, "given": *expiry})
				continue
			}
		}
		allocs = append(allocs, &batchAlloc{ProductID: l.ProductID, WarehouseID: l.WarehouseID, BatchID: b.ID, Quantity: l.Quantity, Field: l.Field})
	}
	return withBatches(ctx, allocs), nil
}

func batchNumberOK(n string) bool {
	var es jxc.Errors
	jxc.CheckBatchNumber(&es, "", n)
	return len(es) == 0
}

// receiptBatches is the goods receipt's step: the batches of its accepted lines.
func receiptBatches(ctx context.Context, tx *Tx, warehouseID, receiptID int64, plan *jxc.ReceiptPlan) (context.Context, error) {
	var lines []batchLine
	for i, l := range plan.Input.Lines {
		lines = append(lines, batchLine{Field: fmt.Sprintf("input.lines.%d.", i), ProductID: plan.Lines[i].ProductID, WarehouseID: warehouseID,
			Quantity: l.AcceptedQty, BatchNumber: l.BatchNumber, ExpiryDate: l.ExpiryDate, ProductionDate: l.ProductionDate})
	}
	var es jxc.Errors
	ctx, err := incomingBatches(ctx, tx, &es, jxc.SourcePurchaseReceipt, receiptID, lines)
	if err != nil {
		return nil, err
	}
	return ctx, es.Err()
}
