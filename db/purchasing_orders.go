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

// Purchase orders: create, submit, approve against the budget, cancel and
// close, and the reads.

// --- purchase orders ---------------------------------------------------------

const orderCols = `id, number, supplier_id, warehouse_id, status, order_date, expected_date, cost_centre, notes, budget_warnings,
	created_by, created_at, submitted_at, approved_at, approved_by, closed_at`

type orderRow struct {
	jxc.PurchaseOrder
	Warnings pq.StringArray `db:"budget_warnings"`
}

const orderLineCols = `id, purchase_order_id, line_no, product_id, quantity, unit_price, vat_rate, received_qty, rejected_qty, invoiced_qty,
	received_value, grni_cleared, unit, unit_factor`

// loadOrders reads orders with their lines, products, suppliers and
// warehouses: a fixed number of queries whatever the number of orders.
func loadOrders(ctx context.Context, q Queryer, query string, args ...any) ([]*jxc.PurchaseOrder, error) {
	var rows []*orderRow
	if err := q.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, err
	}
	return fillOrders(ctx, q, rows)
}

func fillOrders(ctx context.Context, q Queryer, rows []*orderRow) ([]*jxc.PurchaseOrder, error) {
	out := make([]*jxc.PurchaseOrder, len(rows))
	by := map[int64]*jxc.PurchaseOrder{}
	for i, r := range rows {
		o := r.PurchaseOrder
		o.BudgetWarnings = nonNil([]string(r.Warnings))
		o.Lines = []*jxc.PurchaseOrderLine{}
		out[i] = &o
		by[o.ID] = &o
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := collect(out, func(o *jxc.PurchaseOrder) int64 { return o.ID })
	var lines []*jxc.PurchaseOrderLine
	if err := q.SelectContext(ctx, &lines, `SELECT `+orderLineCols+` FROM purchase_order_lines WHERE purchase_order_id = ANY($1)
		ORDER BY purchase_order_id, line_no`, pq.Array(ids)); err != nil {
		return nil, err
	}
	products, err := productsByID(ctx, q, collect(lines, func(l *jxc.PurchaseOrderLine) int64 { return l.ProductID }))
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		l.Product = products[l.ProductID]
		by[l.PurchaseOrderID].Lines = append(by[l.PurchaseOrderID].Lines, l)
	}
	sups, err := suppliersByID(ctx, q, collect(out, func(o *jxc.PurchaseOrder) int64 { return o.SupplierID }))
	if err != nil {
		return nil, err
	}
	whs, err := warehousesByID(ctx, q, collect(out, func(o *jxc.PurchaseOrder) int64 { return o.WarehouseID }))
	if err != nil {
		return nil, err
	}
	for _, o := range out {
		o.Supplier = sups[o.SupplierID]
		o.Warehouse = whs[o.WarehouseID]
	}
	return out, nil
}

func warehousesByID(ctx context.Context, q Queryer, ids []int64) (map[int64]*jxc.Warehouse, error) {
	return rowsByID(ctx, q, warehouseCols, "warehouses", ids, fillWarehouses, func(w *jxc.Warehouse) int64 { return w.ID })
}

func findOrder(ctx context.Context, q Queryer, id int64, field string) (*jxc.PurchaseOrder, error) {
	os, err := loadOrders(ctx, q, `SELECT `+orderCols+` FROM purchase_orders WHERE id = $1`, id)
	return theOne(os, err, field, "purchase order", id)
}

// lockOrder locks an order and its lines and returns them.
func lockOrder(ctx context.Context, tx *Tx, id int64, field string) (*jxc.PurchaseOrder, error) {
	var st string
	err := tx.GetContext(ctx, &st, `SELECT status FROM purchase_orders WHERE id = $1 FOR UPDATE`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, field, "no such purchase order")
	} else if err != nil {
		return nil, err
	}
	return findOrder(ctx, tx, id, field)
}

// CreatePurchaseOrder implements jxc.PurchasingService.
func (s *PurchasingService) CreatePurchaseOrder(ctx context.Context, in jxc.PurchaseOrderInput) (*jxc.PurchaseOrder, error) {
	if err := jxc.ValidatePurchaseOrderInput(in); err != nil {
		return nil, err
	}
	var out *jxc.PurchaseOrder
	id, err := s.db.Write(ctx, jxc.Op{Name: "createPurchaseOrder", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		o, err := createOrder(ctx, tx, in, "input.", func(i int) string { return fmt.Sprintf("input.lines.%d.", i) })
		if err != nil {
			return err
		}
		out = o
		tx.Produced(jxc.RecordPurchaseOrder, o.ID, o.Number, jxc.AuditCreate)
		return nil
	})
	if err == nil && out == nil { // a replay
		out, err = findOrder(ctx, s.db, id, "input.idempotencyKey")
	}
	return out, err
}

// createOrder checks references and prices and writes a draft order.
// prefix is the input path of the order's fields and lineField that of
// its lines, so errors name what the caller was given.
func createOrder(ctx context.Context, tx *Tx, in jxc.PurchaseOrderInput, prefix string, lineField func(int) string) (*jxc.PurchaseOrder, error) {
	in.OrderDate = dateOrToday(&in.OrderDate, tx)
	sup, err := findSupplier(ctx, tx, in.SupplierID)
	if err != nil && jxc.ErrorCode(err) != jxc.ENOTFOUND {
		return nil, err
	}
	refs := make([]stockRef, len(in.Lines))
	for i, l := range in.Lines {
		refs[i] = stockRef{lineField(i), l.ProductID, in.WarehouseID, nil}
	}
	var refErrs jxc.Errors
	if err := checkStockRefs(ctx, tx, &refErrs, refs); err != nil {
		return nil, err
	}
	if err := checkDateYears(ctx, tx, &refErrs, prefix+"orderDate", "the order date", &in.OrderDate); err != nil {
		return nil, err
	}
	if err := checkDateYears(ctx, tx, &refErrs, prefix+"expectedDate", "the expected date", in.ExpectedDate); err != nil {
		return nil, err
	}
	pids := make([]int64, len(in.Lines))
	for i, l := range in.Lines {
		pids[i] = l.ProductID
	}
	products, err := productRefs(ctx, tx, pids)
	if err != nil {
		return nil, err
	}
	skus := map[int64]string{}
	for id, p := range products {
		skus[id] = p.SKU
	}
	units, err := purchaseLineUnits(ctx, tx, &refErrs, in, lineField)
	if err != nil {
		return nil, err
	}
	plan, err := jxc.PlanPurchaseOrder(sup, in, prefix, lineField, refErrs, skus)
	if err != nil {
		return nil, err
	}
	prices, expected := plan.Prices, plan.Expected
	for i, l := range in.Lines {
		if l.UnitPrice == nil { // the supplier's last price is per stock unit
			prices[i] = prices[i].Mul(units[i].FactorOrOne())
		}
	}
	id, number, err := newNumber(ctx, tx, "purchase_orders", "PO")
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO purchase_orders (id, number, supplier_id, warehouse_id, order_date, expected_date, cost_centre, notes, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, ''), coalesce($8, ''), $9, $10)`,
		id, number, in.SupplierID, in.WarehouseID, in.OrderDate, expected, trimmed(in.CostCentre), in.Notes, userID(ctx), tx.Now); err != nil {
		return nil, err
	}
	n := len(in.Lines)
	nos, pids, qtys, ps := make([]int64, n), make([]int64, n), make([]string, n), make([]string, n)
	for i, l := range in.Lines {
		nos[i], pids[i], qtys[i], ps[i] = int64(i+1), l.ProductID, l.Quantity.String(), prices[i].String()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO purchase_order_lines (purchase_order_id, line_no, product_id, quantity, unit_price, vat_rate)
		SELECT $1, t.no, t.p, t.q::numeric, t.c::numeric, pr.vat_rate
		FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[]) AS t(no, p, q, c) JOIN products pr ON pr.id = t.p ORDER BY t.no`,
		id, pq.Array(nos), pq.Array(pids), pq.Array(qtys), pq.Array(ps)); err != nil {
		return nil, err
	}
	if err := setLineUnits(ctx, tx, "purchase_order_lines", "purchase_order_id", id, units); err != nil {
		return nil, err
	}
	// The supplier now supplies these products (prices follow on approval).
	if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_products (supplier_id, product_id)
		SELECT $1, unnest($2::bigint[]) ORDER BY 2 ON CONFLICT DO NOTHING`, in.SupplierID, pq.Array(pids)); err != nil {
		return nil, err
	}
	return findOrder(ctx, tx, id, "id")
}

// transition moves an order from one of the allowed states to another.
func (s *PurchasingService) transition(ctx context.Context, op jxc.Op, action string, id int64, from []jxc.PurchaseOrderStatus, to jxc.PurchaseOrderStatus,
	extra func(tx *Tx, o *jxc.PurchaseOrder) error) (*jxc.PurchaseOrder, error) {
	var out *jxc.PurchaseOrder
	_, err := s.db.Write(ctx, op, func(tx *Tx) error {
		o, err := lockOrder(ctx, tx, id, "id")
		if err != nil {
			return err
		}
		tx.Produced(jxc.RecordPurchaseOrder, o.ID, o.Number, action)
		if !slices.Contains(from, o.Status) {
			return jxc.FieldErrorf(jxc.ECONFLICT, "id", "purchase order {order} is {status}; it must be {from} to become {to}", jxc.P{"order": o.Number, "status": o.Status.Label(), "from": joinStatus(from), "to": to.Label()})
		}
		if extra != nil {
			if err := extra(tx, o); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE purchase_orders SET status = $2,
			submitted_at = CASE WHEN $2 = 'SUBMITTED' THEN $3 ELSE submitted_at END,
			closed_at = CASE WHEN $2 IN ('CLOSED', 'CANCELLED') THEN $3 ELSE closed_at END WHERE id = $1`, id, to, tx.Now); err != nil {
			return err
		}
		out, err = findOrder(ctx, tx, id, "id")
		return err
	})
	return out, err
}

func joinStatus(ss []jxc.PurchaseOrderStatus) jxc.Texts {
	zh, en := make([]string, len(ss)), make([]string, len(ss))
	for i, s := range ss {
		zh[i], en[i] = s.Label().ZH, s.Label().EN
	}
	return jxc.Texts{ZH: strings.Join(zh, "或"), EN: strings.Join(en, " or ")}
}

// SubmitPurchaseOrder implements jxc.PurchasingService.
func (s *PurchasingService) SubmitPurchaseOrder(ctx context.Context, id int64) (*jxc.PurchaseOrder, error) {
	return s.transition(ctx, jxc.Op{Name: "submitPurchaseOrder"}, jxc.AuditSubmit, id, []jxc.PurchaseOrderStatus{jxc.PODraft}, jxc.POSubmitted, nil)
}

// CancelPurchaseOrder implements jxc.PurchasingService. An approved order
// may be cancelled while nothing has been received or invoiced; its
// commitment is released.
func (s *PurchasingService) CancelPurchaseOrder(ctx context.Context, id int64) (*jxc.PurchaseOrder, error) {
	return s.transition(ctx, jxc.Op{Name: "cancelPurchaseOrder"}, jxc.AuditCancel, id, []jxc.PurchaseOrderStatus{jxc.PODraft, jxc.POSubmitted, jxc.POApproved}, jxc.POCancelled,
		func(tx *Tx, o *jxc.PurchaseOrder) error {
			for _, l := range o.Lines {
				if l.ReceivedQty.Sign() > 0 || l.InvoicedQty.Sign() > 0 {
					return jxc.FieldErrorf(jxc.ECONFLICT, "id", "purchase order {order} has receipts or invoices; close it instead", jxc.P{"order": o.Number})
				}
			}
			if o.Status == jxc.POApproved {
				return releaseCommitment(ctx, tx, o, jxc.SourceType("PURCHASE_ORDER"))
			}
			return nil
		})
}

// ClosePurchaseOrder implements jxc.PurchasingService: no more goods or
// invoices are expected; the commitment left is released. Everything
// received must be invoiced first, so GRNI of the order is settled.
func (s *PurchasingService) ClosePurchaseOrder(ctx context.Context, id int64) (*jxc.PurchaseOrder, error) {
	return s.transition(ctx, jxc.Op{Name: "closePurchaseOrder"}, jxc.AuditClose, id, []jxc.PurchaseOrderStatus{jxc.POApproved, jxc.POPartiallyReceived, jxc.POReceived}, jxc.POClosed,
		func(tx *Tx, o *jxc.PurchaseOrder) error {
			for _, l := range o.Lines {
				if !l.InvoicedQty.Equal(l.ReceivedQty) {
					return jxc.FieldErrorf(jxc.ECONFLICT, "id", "line {line} of {order} has {received} received and {invoiced} invoiced; the supplier must invoice what was received before the order closes",
						jxc.P{"line": l.LineNo, "order": o.Number, "received": l.ReceivedQty, "invoiced": l.InvoicedQty})
				}
			}
			return releaseCommitment(ctx, tx, o, jxc.SourceType("PURCHASE_ORDER"))
		})
}

func releaseCommitment(ctx context.Context, tx *Tx, o *jxc.PurchaseOrder, src jxc.SourceType) error {
	charges := jxc.OrderCharges(o, func(l *jxc.PurchaseOrderLine) decimal.Decimal { return l.UninvoicedAmount().Neg() })
	return writeBudgetEntries(ctx, tx, charges, "COMMITMENT", src, o.ID)
}

// ApprovePurchaseOrder implements jxc.PurchasingService: the budget check,
// the commitment, the alerts, and the supplier's last prices.
func (s *PurchasingService) ApprovePurchaseOrder(ctx context.Context, id int64) (*jxc.ApprovalResult, error) {
	var out *jxc.ApprovalResult
	_, err := s.db.Write(ctx, jxc.Op{Name: "approvePurchaseOrder"}, func(tx *Tx) error {
		o, err := lockOrder(ctx, tx, id, "id")
		if err != nil {
			return err
		}
		tx.Produced(jxc.RecordPurchaseOrder, o.ID, o.Number, jxc.AuditApprove)
		if o.Status != jxc.POSubmitted {
			return jxc.FieldErrorf(jxc.ECONFLICT, "id", "purchase order {order} is {status}; only a SUBMITTED order can be approved", jxc.P{"order": o.Number, "status": o.Status.Label()})
		}
		set, err := companySettings(ctx, tx)
		if err != nil {
			return err
		}
		if e := jxc.CheckOrderApproval(set, jxc.UserFromContext(ctx), o.CreatedByID, o.Number, o.NetAmount()); e != nil {
			return e
		}
		charges := jxc.OrderCharges(o, func(l *jxc.PurchaseOrderLine) decimal.Decimal { return l.NetAmount() })
		warnings, err := chargeBudget(ctx, tx, charges, "COMMITMENT", "id", jxc.SourceType("PURCHASE_ORDER"), o.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE purchase_orders SET status = 'APPROVED', approved_at = $2, approved_by = $3, budget_warnings = $4
			WHERE id = $1`, id, tx.Now, userID(ctx), pq.Array(nonNil(warnings))); err != nil {
			return err
		}
		if err := recordPrices(ctx, tx, o); err != nil {
			return err
		}
		o, err = findOrder(ctx, tx, id, "id")
		out = &jxc.ApprovalResult{Order: o, Warnings: nonNil(warnings)}
		return err
	})
	return out, err
}

// recordPrices makes the order's prices the supplier's last prices, keeps
// their history, and alerts the order's author when one rose more than the
// threshold.
func recordPrices(ctx context.Context, tx *Tx, o *jxc.PurchaseOrder) error {
	set, err := loadSettings(ctx, tx)
	if err != nil {
		return err
	}
	lines := slices.Clone(o.Lines)
	slices.SortFunc(lines, func(a, b *jxc.PurchaseOrderLine) int { return int(a.ProductID - b.ProductID) })
	for _, l := range lines {
		l := *l
		l.UnitPrice = l.StockUnitPrice() // supplier prices are per stock unit
		var last *decimal.Decimal
		if err := tx.GetContext(ctx, &last, `SELECT last_price FROM supplier_products WHERE supplier_id = $1 AND product_id = $2 FOR UPDATE`,
			o.SupplierID, l.ProductID); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		// The supplier's price is master data: its change is audited.
		key := fmt.Sprintf("%d:%d", o.SupplierID, l.ProductID)
		if err := tx.Before(ctx, jxc.RecordSupplierProduct, key); err != nil {
			return err
		}
		tx.Audit(jxc.RecordSupplierProduct, key, "", jxc.AuditUpdate)
		if last != nil {
			if rose, by := jxc.PriceRose(*last, l.UnitPrice, set.PriceRiseThreshold); rose {
				sku := ""
				if l.Product != nil {
					sku = l.Product.SKU
				}
				if _, err := RaiseAlert(ctx, tx, jxc.AlertPriceRise, fmt.Sprintf("supplier:%d/product:%d", o.SupplierID, l.ProductID),
					jxc.T("{supplier} raised the price of {product} from {oldPrice} to {newPrice} (+{percent}%) on {order}", jxc.P{"supplier": o.Supplier.Code,
						"product": sku, "oldPrice": *last, "newPrice": l.UnitPrice, "percent": by.Mul(decimal.NewFromInt(100)).Round(2), "order": o.Number}),
					o.CreatedByID, map[string]any{"supplierId": o.SupplierID, "productId": l.ProductID, "purchaseOrderId": o.ID,
						"oldPrice": last.String(), "newPrice": l.UnitPrice.String()}); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_products AS sp (supplier_id, product_id, last_price, last_price_date) VALUES ($1, $2, $3, $4)
			ON CONFLICT (supplier_id, product_id) DO UPDATE SET last_price = $3, last_price_date = $4`,
			o.SupplierID, l.ProductID, l.UnitPrice, o.OrderDate); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_price_history (supplier_id, product_id, price, price_date, purchase_order_id)
			VALUES ($1, $2, $3, $4, $5)`, o.SupplierID, l.ProductID, l.UnitPrice, o.OrderDate, o.ID); err != nil {
			return err
		}
	}
	return nil
}

// FindPurchaseOrders implements jxc.PurchasingService.
func (s *PurchasingService) FindPurchaseOrders(ctx context.Context, f jxc.PurchaseOrderFilter, o *jxc.PurchaseOrderOrder, p jxc.PageArgs) (*jxc.Page[*jxc.PurchaseOrder], error) {
	var w where
	if f.SupplierID != nil {
		w.add(`supplier_id = %s`, *f.SupplierID)
	}
	anyOf(&w, "status", f.Status)
	if f.DateFrom != nil {
		w.add(`order_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`order_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(number ILIKE %[1]s OR supplier_id IN (SELECT id FROM suppliers WHERE code ILIKE %[1]s OR name ILIKE %[1]s))`, likePattern(*f.Search))
	}
	return pageRows(ctx, s.db, p, orderCols, "purchase_orders", &w, orderBy(o, purchaseOrderOrders, "id", "order_date DESC, id DESC"), fillOrders)
}

// FindPurchaseOrderByID implements jxc.PurchasingService.
func (s *PurchasingService) FindPurchaseOrderByID(ctx context.Context, id int64) (*jxc.PurchaseOrder, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.PurchaseOrder, error) { return findOrder(ctx, tx, id, "id") })
}
