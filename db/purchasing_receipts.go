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

// Goods receipts: by order line or scanned barcode, into stock at the
// order price.

// FindOrderLineByBarcode implements jxc.PurchasingService: the scanner's
// way to the order line of a delivered product.
func (s *PurchasingService) FindOrderLineByBarcode(ctx context.Context, orderID int64, barcode string) (*jxc.PurchaseOrderLine, error) {
	o, err := findOrder(ctx, s.db, orderID, "purchaseOrderId")
	if err != nil {
		return nil, err
	}
	return lineByBarcode(ctx, s.db, o, barcode, "barcode")
}

func lineByBarcode(ctx context.Context, q Queryer, o *jxc.PurchaseOrder, barcode, field string) (*jxc.PurchaseOrderLine, error) {
	productOf := map[string]int64{}
	var pid int64
	err := q.GetContext(ctx, &pid, `SELECT product_id FROM product_barcodes WHERE barcode = $1`, strings.TrimSpace(barcode))
	if err == nil {
		productOf[strings.TrimSpace(barcode)] = pid
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return jxc.OrderLineForBarcode(o, barcode, productOf, field)
}

// barcodeProducts maps the barcodes the lines name (trimmed) to their
// products; a barcode no product has is left out.
func barcodeProducts(ctx context.Context, q Queryer, lines []jxc.GoodsReceiptLineInput) (map[string]int64, error) {
	var codes []string
	for _, l := range lines {
		if l.Barcode != nil {
			codes = append(codes, strings.TrimSpace(*l.Barcode))
		}
	}
	productOf := map[string]int64{}
	if len(codes) == 0 {
		return productOf, nil
	}
	var rows []struct {
		Barcode   string `db:"barcode"`
		ProductID int64  `db:"product_id"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT barcode, product_id FROM product_barcodes WHERE barcode = ANY($1)`, pq.Array(codes)); err != nil {
		return nil, err
	}
	for _, r := range rows {
		productOf[r.Barcode] = r.ProductID
	}
	return productOf, nil
}

// writeReceiptLines writes a receipt's lines and adds them to their order
// lines' received, rejected and received value.
func writeReceiptLines(ctx context.Context, tx *Tx, id int64, plan *jxc.ReceiptPlan, values []decimal.Decimal) error {
	for i, l := range plan.Input.Lines {
		pl := plan.Lines[i]
		if _, err := tx.ExecContext(ctx, `INSERT INTO goods_receipt_lines (receipt_id, line_no, po_line_id, product_id, location_id,
			inspected_qty, accepted_qty, rejected_qty, rejection_reason, unit_price, value)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, ''), $10, $11)`,
			id, i+1, pl.ID, pl.ProductID, l.LocationID, l.AcceptedQty.Add(l.RejectedQty), l.AcceptedQty, l.RejectedQty,
			l.RejectionReason, pl.UnitPrice, values[i]); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE purchase_order_lines SET received_qty = received_qty + $2, rejected_qty = rejected_qty + $3,
			received_value = received_value + $4 WHERE id = $1`, pl.ID, l.AcceptedQty, l.RejectedQty, values[i]); err != nil {
			return err
		}
	}
	return nil
}

// --- goods receipts ------------------------------------------------------------

// PostGoodsReceipt implements jxc.PurchasingService: inspected quantities
// split into accepted and rejected; accepted goods enter stock at the
// order price through the posting engine.
func (s *PurchasingService) PostGoodsReceipt(ctx context.Context, in jxc.GoodsReceiptInput) (*jxc.GoodsReceipt, error) {
	// Rule errors of the input come back together with those found
	// against the order; only a malformed list stops here.
	invalid, _ := jxc.AsErrors(jxc.ValidateGoodsReceiptInput(in))
	if len(in.Lines) == 0 || len(in.Lines) > 500 {
		return nil, invalid
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "postGoodsReceipt", Key: in.IdempotencyKey, Input: in}, findReceipt, func(tx *Tx) (int64, error) {
		in.ReceiptDate = dateOrToday(&in.ReceiptDate, tx)
		o, err := lockOrder(ctx, tx, in.PurchaseOrderID, "input.purchaseOrderId")
		if err != nil {
			return 0, err
		}
		es := slices.Clone(invalid)
		productOf, err := barcodeProducts(ctx, tx, in.Lines)
		if err != nil {
			return 0, err
		}
		plan := jxc.PlanGoodsReceipt(o, productOf, in, &es)
		var refs []stockRef
		for _, i := range plan.Located {
			refs = append(refs, stockRef{fmt.Sprintf("input.lines.%d.", i), plan.Lines[i].ProductID, o.WarehouseID, in.Lines[i].LocationID})
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return 0, err
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		id, number, err := newNumber(ctx, tx, "goods_receipts", "GR")
		if err != nil {
			return 0, err
		}
		// The batches of batch-tracked products (batches.go).
		ctx, err := receiptBatches(ctx, tx, o.WarehouseID, id, plan)
		if err != nil {
			return 0, err
		}
		var entryID *int64
		values := make([]decimal.Decimal, len(in.Lines))
		if ev := plan.Posting(number); ev != nil {
			p, err := post(ctx, tx, ev, &id)
			if err != nil {
				return 0, err
			}
			entryID, values = p.EntryID, plan.Values(p.Moves)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO goods_receipts (id, number, purchase_order_id, warehouse_id, receipt_date, notes, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, coalesce($6, ''), $7, $8, $9)`,
			id, number, o.ID, o.WarehouseID, in.ReceiptDate, in.Notes, entryID, userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		if err := writeReceiptLines(ctx, tx, id, plan, values); err != nil {
			return 0, err
		}
		if err := addReceiptLayers(ctx, tx, id); err != nil {
			return 0, err
		}
		if err := settleOrderStatus(ctx, tx, o.ID); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordGoodsReceipt, id, number, jxc.AuditPost)
		return id, nil
	})
}

// settleOrderStatus derives an open order's status from its lines:
// everything received -> RECEIVED (and CLOSED once also fully invoiced),
// something received -> PARTIALLY_RECEIVED.
func settleOrderStatus(ctx context.Context, tx *Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE purchase_orders o SET
		status = CASE
			WHEN t.all_received AND t.all_invoiced THEN 'CLOSED'
			WHEN t.all_received THEN 'RECEIVED'
			WHEN t.any_received THEN 'PARTIALLY_RECEIVED'
			ELSE o.status END,
		closed_at = CASE WHEN t.all_received AND t.all_invoiced THEN $2 ELSE o.closed_at END
		FROM (SELECT bool_and(received_qty = quantity) AS all_received, bool_and(invoiced_qty = quantity) AS all_invoiced,
		             bool_or(received_qty > 0) AS any_received
		      FROM purchase_order_lines WHERE purchase_order_id = $1) t
		WHERE o.id = $1 AND o.status IN ('APPROVED', 'PARTIALLY_RECEIVED', 'RECEIVED')`, id, tx.Now)
	return err
}

const receiptCols = `id, number, purchase_order_id, warehouse_id, receipt_date, notes, journal_entry_id, created_at`

func loadReceipts(ctx context.Context, q Queryer, query string, args ...any) ([]*jxc.GoodsReceipt, error) {
	var rs []*jxc.GoodsReceipt
	if err := q.SelectContext(ctx, &rs, query, args...); err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return rs, nil
	}
	by := map[int64]*jxc.GoodsReceipt{}
	for _, r := range rs {
		by[r.ID] = r
		r.Lines = []*jxc.GoodsReceiptLine{}
	}
	var lines []*jxc.GoodsReceiptLine
	if err := q.SelectContext(ctx, &lines, `SELECT receipt_id, line_no, po_line_id, product_id, location_id, inspected_qty, accepted_qty,
		rejected_qty, rejection_reason, unit_price, value FROM goods_receipt_lines WHERE receipt_id = ANY($1) ORDER BY receipt_id, line_no`,
		pq.Array(collect(rs, func(r *jxc.GoodsReceipt) int64 { return r.ID }))); err != nil {
		return nil, err
	}
	products, err := productsByID(ctx, q, collect(lines, func(l *jxc.GoodsReceiptLine) int64 { return l.ProductID }))
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		l.Product = products[l.ProductID]
		by[l.ReceiptID].Lines = append(by[l.ReceiptID].Lines, l)
	}
	return rs, nil
}

func findReceipt(ctx context.Context, q Queryer, id int64) (*jxc.GoodsReceipt, error) {
	rs, err := loadReceipts(ctx, q, `SELECT `+receiptCols+` FROM goods_receipts WHERE id = $1`, id)
	return theOne(rs, err, "id", "goods receipt", id)
}

// FindGoodsReceiptsByOrder implements jxc.PurchasingService: the receipts
// of a page of orders, read at once.
func (s *PurchasingService) FindGoodsReceiptsByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*jxc.GoodsReceipt, error) {
	out := make(map[int64][]*jxc.GoodsReceipt, len(orderIDs))
	for _, id := range orderIDs {
		out[id] = []*jxc.GoodsReceipt{}
	}
	rs, err := loadReceipts(ctx, s.db, `SELECT `+receiptCols+` FROM goods_receipts WHERE purchase_order_id = ANY($1)
		ORDER BY purchase_order_id, id`, pq.Array(orderIDs))
	for _, r := range rs {
		out[r.PurchaseOrderID] = append(out[r.PurchaseOrderID], r)
	}
	return out, err
}

// FindGoodsReceiptByID implements jxc.PurchasingService.
func (s *PurchasingService) FindGoodsReceiptByID(ctx context.Context, id int64) (*jxc.GoodsReceipt, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.GoodsReceipt, error) { return findReceipt(ctx, tx, id) })
}
