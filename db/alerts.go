package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// RaiseAlert records an alert and publishes it on the "alert" topic in the
// same transaction, so it is announced only if the change that caused it
// commits. Any domain may call it with its own kind (sales: CREDIT_HOLD,
// SHORTAGE). The alert is addressed to ownerID (nil: nobody in particular)
// and to the roles jxc.AlertAudience gives for its kind; managers see all.
func RaiseAlert(ctx context.Context, q Queryer, kind, subject string, text jxc.Text, ownerID *int64, payload map[string]any) (*jxc.Alert, error) {
	if payload == nil {
		payload = map[string]any{}
	}
	audience := jxc.AlertAudience(kind)
	// The message is stored in the company language with what it was
	// rendered from, so that each reader reads it in theirs.
	tmpl, params, message := text.Stored()
	payload["kind"] = kind
	payload["subject"] = subject
	payload["message"] = message
	if tmpl != nil {
		payload["messageTemplate"] = *tmpl
		payload["messageParams"] = params
	}
	payload["audience"] = audience.Strings()
	if ownerID != nil {
		payload["ownerId"] = *ownerID
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	a := &jxc.Alert{}
	if err := q.QueryRowxContext(ctx, `INSERT INTO alerts (kind, subject, message, owner_id, audience, payload, message_template, message_params)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		RETURNING `+alertCols, kind, subject, message, ownerID, pq.Array(audience.Strings()), string(b), tmpl, params).StructScan(a); err != nil {
		return nil, err
	}
	payload["alertId"] = a.ID
	if err := Publish(ctx, q, "alert", fmt.Sprintf("%s:%d", kind, a.ID), payload); err != nil {
		return nil, err
	}
	return a, nil
}

const alertCols = `id, kind, subject, message, message_template, message_params, owner_id, array_to_string(audience, ',') AS audience, payload, created_at, acknowledged, acknowledged_by, acknowledged_at`

// addressedTo narrows alerts to those the signed-in user may see and
// acknowledge (jxc.AlertAddressedTo): theirs, or addressed to one of their
// roles; managers see all. Without a user in the context (a system job) it
// does not narrow.
func addressedTo(ctx context.Context, w *where) {
	u := jxc.UserFromContext(ctx)
	if u == nil || jxc.SeesEveryAlert(u) {
		return
	}
	w.add(`(owner_id = %s OR audience && %s)`, u.ID, pq.Array(jxc.Roles(u.Roles).Strings()))
}

// FindAlerts implements jxc.BudgetService: only the alerts addressed to the
// signed-in user.
func (s *BudgetService) FindAlerts(ctx context.Context, f jxc.AlertFilter, o *jxc.AlertOrder, p jxc.PageArgs) (*jxc.Page[*jxc.Alert], error) {
	var w where
	addressedTo(ctx, &w)
	if len(f.Kinds) > 0 {
		w.add(`kind = ANY(%s)`, pq.Array(f.Kinds))
	}
	if f.OwnerID != nil {
		w.add(`(owner_id = %s OR owner_id IS NULL)`, *f.OwnerID)
	}
	if f.Acknowledged != nil {
		w.add(`acknowledged = %s`, *f.Acknowledged)
	}
	return page[*jxc.Alert](ctx, s.db, p, alertCols, "alerts", &w, orderBy(o, alertOrders, "id", "created_at DESC, id DESC"))
}

// AcknowledgeAlert implements jxc.BudgetService. An alert not addressed to
// the signed-in user is not found for them: its existence is not theirs
// to learn either.
func (s *BudgetService) AcknowledgeAlert(ctx context.Context, id int64) (*jxc.Alert, error) {
	a := &jxc.Alert{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "acknowledgeAlert"}, func(tx *Tx) error {
		w := where{args: []any{id, userID(ctx), tx.Now}, conds: []string{"id = $1"}}
		addressedTo(ctx, &w)
		err := tx.QueryRowxContext(ctx, `UPDATE alerts SET acknowledged = true, acknowledged_by = $2, acknowledged_at = $3`+
			w.sql()+` RETURNING `+alertCols, w.args...).StructScan(a)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such alert, or not one addressed to you")
		}
		tx.Produced(jxc.RecordAlert, id, a.Kind, jxc.AuditAcknowledge)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// RaiseLowStockAlerts raises a LOW_STOCK alert for every balance of the
// products (all when productIDs is nil) whose available stock is under the
// reorder point or the safety stock, unless an unacknowledged one is
// already out for it. Flows that take stock out call it in their
// transaction; CheckLowStock runs it over everything.
func RaiseLowStockAlerts(ctx context.Context, q Queryer, productIDs []int64) ([]*jxc.Alert, error) {
	var rows []struct {
		ProductID   int64  `db:"product_id"`
		WarehouseID int64  `db:"warehouse_id"`
		SKU         string `db:"sku"`
		Warehouse   string `db:"code"`
		Available   string `db:"available"`
		Reorder     string `db:"reorder_point"`
		Safety      string `db:"safety_stock"`
	}
	cond := ""
	args := []any{}
	if productIDs != nil {
		cond = ` AND b.product_id = ANY($1)`
		args = append(args, pq.Array(productIDs))
	}
	if err := q.SelectContext(ctx, &rows, `SELECT b.product_id, b.warehouse_id, p.sku, w.code, (b.on_hand - b.reserved)::text AS available,
			p.reorder_point::text AS reorder_point, p.safety_stock::text AS safety_stock
		FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id
		WHERE p.active AND (b.on_hand - b.reserved < p.reorder_point OR b.on_hand - b.reserved < p.safety_stock)`+cond+`
		  AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.kind = 'LOW_STOCK' AND NOT a.acknowledged
		                  AND a.subject = format('product:%s/warehouse:%s', b.product_id, b.warehouse_id))
		ORDER BY b.product_id, b.warehouse_id`, args...); err != nil {
		return nil, err
	}
	var out []*jxc.Alert
	for _, r := range rows {
		a, err := RaiseAlert(ctx, q, jxc.AlertLowStock, fmt.Sprintf("product:%d/warehouse:%d", r.ProductID, r.WarehouseID),
			jxc.T("{product} in {warehouse}: {available} available, under its reorder point {reorderPoint} or safety stock {safetyStock}",
				jxc.P{"product": r.SKU, "warehouse": r.Warehouse, "available": decimal.RequireFromString(r.Available),
					"reorderPoint": decimal.RequireFromString(r.Reorder), "safetyStock": decimal.RequireFromString(r.Safety)}),
			nil, map[string]any{"productId": r.ProductID, "warehouseId": r.WarehouseID})
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// CheckLowStock implements jxc.BudgetService.
func (s *BudgetService) CheckLowStock(ctx context.Context) ([]*jxc.Alert, error) {
	var out []*jxc.Alert
	_, err := s.db.Write(ctx, jxc.Op{Name: "checkLowStock"}, func(tx *Tx) error {
		var err error
		out, err = RaiseLowStockAlerts(ctx, tx, nil)
		for _, a := range out {
			tx.Produced(jxc.RecordAlert, a.ID, a.Kind, jxc.AuditRaise)
		}
		if len(out) == 0 { // the check ran and found nothing to raise
			tx.Audit(jxc.RecordAlert, "", "LOW_STOCK", jxc.AuditCheck)
		}
		return err
	})
	return out, err
}
