package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jxcgraph/jxc"
)

const batchCols = `b.id, b.product_id, b.number, b.expiry_date, b.production_date, b.source_type, b.source_id,
	coalesce(CASE b.source_type WHEN 'PURCHASE_RECEIPT' THEN (SELECT g.number FROM goods_receipts g WHERE g.id = b.source_id) END, '') AS source_number`

// FindBatches lists stock by batch: each batch's quantity per warehouse,
// earliest expiry first.
func (s *BatchService) FindBatches(ctx context.Context, f jxc.BatchFilter) ([]*jxc.BatchStock, error) {
	var w where
	if f.ProductID != nil {
		w.add(`bb.product_id = %s`, *f.ProductID)
	}
	if f.WarehouseID != nil {
		w.add(`bb.warehouse_id = %s`, *f.WarehouseID)
	}
	if f.ExpiringWithinDays != nil {
		w.add(`b.expiry_date <= current_date + %s::int`, *f.ExpiringWithinDays)
	}
	if f.Search != nil && *f.Search != "" {
		w.add(`(b.number ILIKE '%%' || %s || '%%' OR p.sku ILIKE '%%' || %[1]s || '%%' OR p.name ILIKE '%%' || %[1]s || '%%')`, *f.Search)
	}
	if !f.WithEmpty {
		w.add(`bb.on_hand > 0`)
	}
	var out []*jxc.BatchStock
	err := s.db.SelectContext(ctx, &out, `SELECT `+batchCols+`, bb.warehouse_id, bb.on_hand
		FROM batch_balances bb JOIN batches b ON b.id = bb.batch_id JOIN products p ON p.id = b.product_id`+w.sql()+`
		ORDER BY b.expiry_date NULLS LAST, p.sku, b.number, bb.warehouse_id LIMIT 1000`, w.args...)
	return out, err
}

// FindBatch returns a batch by id.
func (s *BatchService) FindBatch(ctx context.Context, id int64) (*jxc.Batch, error) {
	b := &jxc.Batch{}
	err := s.db.GetContext(ctx, b, `SELECT `+batchCols+` FROM batches b WHERE b.id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such batch")
	}
	return b, err
}

// BatchTrace is the batch's way through the books: the receipt it came
// from and every move since, a shipment's with the customer who received it.
func (s *BatchService) BatchTrace(ctx context.Context, id int64) (*jxc.BatchTrace, error) {
	b, err := s.FindBatch(ctx, id)
	if err != nil {
		return nil, err
	}
	t := &jxc.BatchTrace{Batch: b}
	err = s.db.SelectContext(ctx, &t.Moves, `SELECT m.id, m.warehouse_id, m.posting_date, m.quantity, m.source_type, m.source_id,
			coalesce(CASE m.source_type
				WHEN 'PURCHASE_RECEIPT' THEN (SELECT g.number FROM goods_receipts g WHERE g.id = m.source_id)
				WHEN 'SHIPMENT' THEN sh.number
				WHEN 'SALES_RETURN' THEN (SELECT r.number FROM sales_returns r WHERE r.id = m.source_id)
				WHEN 'OPENING_STOCK' THEN (SELECT d.number FROM stock_documents d WHERE d.id = m.source_id)
				WHEN 'STOCK_ADJUSTMENT' THEN (SELECT d.number FROM stock_documents d WHERE d.id = m.source_id)
				WHEN 'STOCK_TRANSFER' THEN (SELECT x.number FROM stock_transfers x WHERE x.id = m.source_id)
				WHEN 'STOCK_COUNT' THEN (SELECT x.number FROM stock_counts x WHERE x.id = m.source_id)
				WHEN 'SUPPLIER_RETURN' THEN (SELECT x.number FROM supplier_returns x WHERE x.id = m.source_id)
				WHEN 'BIN_MOVE' THEN (SELECT x.number FROM bin_moves x WHERE x.id = m.source_id)
			END, '') AS document_number,
			c.id AS customer_id, c.code AS customer_code, c.name AS customer_name
		FROM stock_moves m
		LEFT JOIN shipments sh ON m.source_type = 'SHIPMENT' AND sh.id = m.source_id
		LEFT JOIN customers c ON c.id = sh.customer_id
		WHERE m.batch_id = $1 ORDER BY m.posting_date, m.id`, id)
	return t, err
}

// BatchTraceByNumber is the trace of the batch a product (by its SKU)
// carries under that batch number: the way a person names a batch.
func (s *BatchService) BatchTraceByNumber(ctx context.Context, sku, number string) (*jxc.BatchTrace, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT b.id FROM batches b JOIN products p ON p.id = b.product_id WHERE p.sku = $1 AND b.number = $2`, sku, number)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "number", "product {product} has no batch {batch}", jxc.P{"product": sku, "batch": number})
	} else if err != nil {
		return nil, err
	}
	return s.BatchTrace(ctx, id)
}

// ProductTracking returns how a product's batches are tracked.
func (s *BatchService) ProductTracking(ctx context.Context, productID int64) (*jxc.ProductTracking, error) {
	t := &jxc.ProductTracking{}
	err := s.db.GetContext(ctx, t, `SELECT id, sku, batch_tracked, expiry_tracked, shelf_life_days FROM products WHERE id = $1`, productID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "input.productId", "no such product")
	}
	return t, err
}

// SetProductBatchTracking switches a product's batch and expiry tracking.
// Batch tracking is switched on or off only before the product's first
// stock move, so that every move of a batch-tracked product has its batch.
func (s *BatchService) SetProductBatchTracking(ctx context.Context, in jxc.ProductBatchTrackingInput) (*jxc.ProductTracking, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	_, err := s.db.Write(ctx, jxc.Op{Name: "setProductBatchTracking", Input: in}, func(tx *Tx) error {
		t := &jxc.ProductTracking{}
		err := tx.GetContext(ctx, t, `SELECT id, sku, batch_tracked, expiry_tracked, shelf_life_days FROM products WHERE id = $1 FOR UPDATE`, in.ProductID)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.productId", "no such product")
		} else if err != nil {
			return err
		}
		if t.BatchTracked != in.BatchTracked {
			var moved bool
			if err := tx.GetContext(ctx, &moved, `SELECT EXISTS (SELECT 1 FROM stock_moves WHERE product_id = $1)`, in.ProductID); err != nil {
				return err
			}
			if moved {
				return jxc.FieldErrorf(jxc.ECONFLICT, "input.batchTracked", "product {product} has stock moves: batch tracking is switched only before its first stock move",
					jxc.P{"product": t.SKU})
			}
		}
		if err := tx.Before(ctx, jxc.RecordProduct, in.ProductID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE products SET batch_tracked = $2, expiry_tracked = $3, shelf_life_days = $4, updated_at = $5 WHERE id = $1`,
			in.ProductID, in.BatchTracked, in.ExpiryTracked, in.ShelfLifeDays, tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordProduct, in.ProductID, t.SKU, jxc.AuditUpdate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.ProductTracking(ctx, in.ProductID)
}

// ExpiryAlertDays is how many days ahead expiring batches are alerted.
func (s *BatchService) ExpiryAlertDays(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT expiry_alert_days FROM company_settings LIMIT 1`)
	return n, err
}

// SetExpiryAlertDays sets the company's expiry alert days (1 to 3650).
func (s *BatchService) SetExpiryAlertDays(ctx context.Context, days int) (int, error) {
	if days < 1 || days > 3650 {
		return 0, jxc.FieldErrorf(jxc.EINVALID, "days", "expiry alert days must be 1 to 3650")
	}
	_, err := s.db.Write(ctx, jxc.Op{Name: "setExpiryAlertDays", Input: days}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordCompanySettings, "settings"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE company_settings SET expiry_alert_days = $1`, days); err != nil {
			return err
		}
		tx.Produced(jxc.RecordCompanySettings, 0, "settings", jxc.AuditUpdate)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return days, nil
}

// RaiseExpiringBatchAlerts raises an EXPIRING_BATCH alert for every batch
// with stock in a warehouse expiring within the company's expiry alert
// days (expired included), unless an unacknowledged one is out for it.
func RaiseExpiringBatchAlerts(ctx context.Context, q Queryer) ([]*jxc.Alert, error) {
	var rows []struct {
		BatchID     int64    `db:"batch_id"`
		WarehouseID int64    `db:"warehouse_id"`
		Number      string   `db:"number"`
		SKU         string   `db:"sku"`
		Warehouse   string   `db:"code"`
		Expiry      jxc.Date `db:"expiry_date"`
		OnHand      string   `db:"on_hand"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT bb.batch_id, bb.warehouse_id, b.number, p.sku, w.code, b.expiry_date, bb.on_hand::text AS on_hand
		FROM batch_balances bb JOIN batches b ON b.id = bb.batch_id JOIN products p ON p.id = bb.product_id JOIN warehouses w ON w.id = bb.warehouse_id
		WHERE bb.on_hand > 0 AND b.expiry_date <= current_date + (SELECT expiry_alert_days FROM company_settings LIMIT 1)
		  AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.kind = 'EXPIRING_BATCH' AND NOT a.acknowledged
		                  AND a.subject = format('batch:%s/warehouse:%s', bb.batch_id, bb.warehouse_id))
		ORDER BY b.expiry_date, bb.batch_id, bb.warehouse_id`); err != nil {
		return nil, err
	}
	var out []*jxc.Alert
	for _, r := range rows {
		a, err := RaiseAlert(ctx, q, jxc.AlertExpiringBatch, fmt.Sprintf("batch:%d/warehouse:%d", r.BatchID, r.WarehouseID),
			jxc.T("batch {batch} of {product} in {warehouse} expires on {expiry}: {onHand} on hand",
				jxc.P{"batch": r.Number, "product": r.SKU, "warehouse": r.Warehouse, "expiry": r.Expiry, "onHand": trimZeros(r.OnHand)}),
			nil, map[string]any{"batchId": r.BatchID, "warehouseId": r.WarehouseID})
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// CheckExpiringBatches raises the expiring-soon alerts (a daily job, or a person).
func (s *BatchService) CheckExpiringBatches(ctx context.Context) ([]*jxc.Alert, error) {
	var out []*jxc.Alert
	_, err := s.db.Write(ctx, jxc.Op{Name: "checkExpiringBatches"}, func(tx *Tx) error {
		var err error
		out, err = RaiseExpiringBatchAlerts(ctx, tx)
		for _, a := range out {
			tx.Produced(jxc.RecordAlert, a.ID, a.Kind, jxc.AuditRaise)
		}
		if len(out) == 0 {
			tx.Audit(jxc.RecordAlert, "", jxc.AlertExpiringBatch, jxc.AuditCheck)
		}
		return err
	})
	return out, err
}
