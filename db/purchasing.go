package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// PurchasingService implements jxc.PurchasingService: procure to pay.
//
// Lock order, the same in every purchasing transaction so that concurrent
// ones never deadlock: idempotency key -> purchase orders (by id) ->
// supplier invoices (by id) -> budget lines (by id) -> supplier products ->
// what post() locks (period, products, balances, per-day accounts) ->
// alerts. Serialization failures and deadlocks are retried by WithTx.
type PurchasingService struct{ db *DB }

// NewPurchasingService returns procure to pay on db.
func NewPurchasingService(db *DB) *PurchasingService { return &PurchasingService{db: db} }

var _ jxc.PurchasingService = (*PurchasingService)(nil)

// newID takes the next id of a table's sequence and makes the document
// number from it, so the id is known before posting (the posting's source).
func newID(ctx context.Context, tx *Tx, table, prefix string) (int64, string, error) {
	var id int64
	if err := tx.GetContext(ctx, &id, `SELECT nextval(pg_get_serial_sequence($1, 'id'))`, table); err != nil {
		return 0, "", err
	}
	return id, fmt.Sprintf("%s%06d", prefix, id), nil
}

func dateOr(d jxc.Date, tx *Tx) jxc.Date {
	if d.IsZero() {
		return jxc.Today(tx.Now)
	}
	return d
}

// --- suppliers ---------------------------------------------------------------

const supplierCols = `id, code, name, payment_terms_days, currency, lead_time_days, active, created_at, contacts`

type supplierRow struct {
	jxc.Supplier
	ContactsJSON []byte `db:"contacts"`
}

func loadSuppliers(ctx context.Context, q Queryer, query string, args ...any) ([]*jxc.Supplier, error) {
	var rows []*supplierRow
	if err := q.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, err
	}
	out := make([]*jxc.Supplier, len(rows))
	for i, r := range rows {
		s := r.Supplier
		if err := json.Unmarshal(r.ContactsJSON, &s.Contacts); err != nil {
			return nil, err
		}
		if s.Contacts == nil {
			s.Contacts = []jxc.SupplierContact{}
		}
		out[i] = &s
	}
	return out, fillSupplierProducts(ctx, q, out)
}

const supplierProductCols = `supplier_id, product_id, supplier_sku, last_price, last_price_date, lead_time_days`

// fillSupplierProducts loads the products of a page of suppliers at once.
func fillSupplierProducts(ctx context.Context, q Queryer, ss []*jxc.Supplier) error {
	if len(ss) == 0 {
		return nil
	}
	ids := make([]int64, len(ss))
	by := map[int64]*jxc.Supplier{}
	for i, s := range ss {
		ids[i] = s.ID
		by[s.ID] = s
		s.Products = []*jxc.SupplierProduct{}
	}
	var sps []*jxc.SupplierProduct
	if err := q.SelectContext(ctx, &sps, `SELECT sp.`+strings.ReplaceAll(supplierProductCols, ", ", ", sp.")+`
		FROM supplier_products sp JOIN products p ON p.id = sp.product_id
		WHERE sp.supplier_id = ANY($1) ORDER BY sp.supplier_id, p.sku`, pq.Array(ids)); err != nil {
		return err
	}
	products, err := productsByID(ctx, q, collect(sps, func(sp *jxc.SupplierProduct) int64 { return sp.ProductID }))
	if err != nil {
		return err
	}
	for _, sp := range sps {
		sp.Product = products[sp.ProductID]
		sp.Supplier = by[sp.SupplierID]
		by[sp.SupplierID].Products = append(by[sp.SupplierID].Products, sp)
	}
	return nil
}

func collect[T any](xs []T, id func(T) int64) []int64 {
	out := make([]int64, 0, len(xs))
	for _, x := range xs {
		out = append(out, id(x))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func productsByID(ctx context.Context, q Queryer, ids []int64) (map[int64]*jxc.Product, error) {
	out := map[int64]*jxc.Product{}
	if len(ids) == 0 {
		return out, nil
	}
	var ps []*jxc.Product
	if err := q.SelectContext(ctx, &ps, `SELECT `+productCols+` FROM products WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	if err := fillProducts(ctx, q, ps); err != nil {
		return nil, err
	}
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

func suppliersByID(ctx context.Context, q Queryer, ids []int64) (map[int64]*jxc.Supplier, error) {
	out := map[int64]*jxc.Supplier{}
	if len(ids) == 0 {
		return out, nil
	}
	ss, err := loadSuppliers(ctx, q, `SELECT `+supplierCols+` FROM suppliers WHERE id = ANY($1)`, pq.Array(ids))
	if err != nil {
		return nil, err
	}
	for _, s := range ss {
		out[s.ID] = s
	}
	return out, nil
}

func findSupplier(ctx context.Context, q Queryer, id int64) (*jxc.Supplier, error) {
	ss, err := loadSuppliers(ctx, q, `SELECT `+supplierCols+` FROM suppliers WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no supplier %d", id)
	}
	return ss[0], nil
}

// CreateSupplier implements jxc.PurchasingService.
func (s *PurchasingService) CreateSupplier(ctx context.Context, in jxc.SupplierInput) (*jxc.Supplier, error) {
	if err := jxc.ValidateSupplierInput(in); err != nil {
		return nil, err
	}
	contacts, _ := json.Marshal(nonNil(in.Contacts))
	var out *jxc.Supplier
	_, err := s.db.Write(ctx, jxc.Op{Name: "createSupplier"}, func(tx *Tx) error {
		var id int64
		err := tx.GetContext(ctx, &id, `INSERT INTO suppliers (code, name, contacts, payment_terms_days, currency, lead_time_days, created_at)
			VALUES ($1, $2, $3, coalesce($4, 30), coalesce($5, 'CNY'), coalesce($6, 7), $7) RETURNING id`,
			in.Code, strings.TrimSpace(in.Name), string(contacts), in.PaymentTermsDays, in.Currency, in.LeadTimeDays, tx.Now)
		if err != nil {
			return domainError(err, "input.code")
		}
		tx.Produced(jxc.RecordSupplier, id, in.Code, jxc.AuditCreate)
		out, err = findSupplier(ctx, tx, id)
		return err
	})
	return out, err
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// UpdateSupplier implements jxc.PurchasingService.
func (s *PurchasingService) UpdateSupplier(ctx context.Context, in jxc.SupplierUpdate) (*jxc.Supplier, error) {
	if err := jxc.ValidateSupplierUpdate(in); err != nil {
		return nil, err
	}
	var contacts []byte
	if in.Contacts != nil {
		contacts, _ = json.Marshal(in.Contacts)
	}
	var out *jxc.Supplier
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateSupplier"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordSupplier, in.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE suppliers SET name = coalesce($2, name), contacts = coalesce($3::jsonb, contacts),
			payment_terms_days = coalesce($4, payment_terms_days), currency = coalesce($5, currency),
			lead_time_days = coalesce($6, lead_time_days), active = coalesce($7, active) WHERE id = $1`,
			in.ID, trimmed(in.Name), nullBytes(contacts), in.PaymentTermsDays, in.Currency, in.LeadTimeDays, in.Active)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no supplier %d", in.ID)
		}
		tx.Produced(jxc.RecordSupplier, in.ID, "", jxc.AuditUpdate)
		out, err = findSupplier(ctx, tx, in.ID)
		return err
	})
	return out, err
}

func nullBytes(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// SetSupplierProduct implements jxc.PurchasingService.
func (s *PurchasingService) SetSupplierProduct(ctx context.Context, in jxc.SupplierProductInput) (*jxc.SupplierProduct, error) {
	if err := jxc.ValidateSupplierProductInput(in); err != nil {
		return nil, err
	}
	var out *jxc.SupplierProduct
	_, err := s.db.Write(ctx, jxc.Op{Name: "setSupplierProduct"}, func(tx *Tx) error {
		var es jxc.Errors
		if _, err := findSupplier(ctx, tx, in.SupplierID); err != nil {
			if jxc.ErrorCode(err) != jxc.ENOTFOUND {
				return err
			}
			es.Add(jxc.ENOTFOUND, "input.supplierId", "no supplier %d", in.SupplierID)
		}
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM products WHERE id = $1`, in.ProductID); err != nil {
			return err
		}
		if n == 0 {
			es.Add(jxc.ENOTFOUND, "input.productId", "no product %d", in.ProductID)
		}
		if err := es.Err(); err != nil {
			return err
		}
		key := fmt.Sprintf("%d:%d", in.SupplierID, in.ProductID)
		if err := tx.Before(ctx, jxc.RecordSupplierProduct, key); err != nil {
			return err
		}
		tx.Audit(jxc.RecordSupplierProduct, key, "", jxc.AuditUpdate)
		var priceDate *jxc.Date
		if in.Price != nil {
			d := jxc.Today(tx.Now)
			priceDate = &d
		}
		out = &jxc.SupplierProduct{}
		if err := tx.QueryRowxContext(ctx, `INSERT INTO supplier_products AS sp (supplier_id, product_id, supplier_sku, last_price, last_price_date, lead_time_days)
			VALUES ($1, $2, coalesce($3, ''), $4, $5, $6)
			ON CONFLICT (supplier_id, product_id) DO UPDATE SET supplier_sku = coalesce($3, sp.supplier_sku),
				last_price = coalesce($4, sp.last_price), last_price_date = coalesce($5, sp.last_price_date),
				lead_time_days = coalesce($6, sp.lead_time_days)
			RETURNING `+supplierProductCols, in.SupplierID, in.ProductID, in.SupplierSKU, in.Price, priceDate, in.LeadTimeDays).StructScan(out); err != nil {
			return err
		}
		ps, err := productsByID(ctx, tx, []int64{in.ProductID})
		out.Product = ps[in.ProductID]
		return err
	})
	return out, err
}

// FindSuppliers implements jxc.PurchasingService.
func (s *PurchasingService) FindSuppliers(ctx context.Context, f jxc.SupplierFilter, p jxc.PageArgs) (*jxc.Page[*jxc.Supplier], error) {
	var w where
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		pat := likePattern(*f.Search)
		w.add(`(code ILIKE %s OR name ILIKE %s)`, pat, pat)
	}
	if f.ProductID != nil {
		w.add(`id IN (SELECT supplier_id FROM supplier_products WHERE product_id = %s)`, *f.ProductID)
	}
	if f.Active != nil {
		w.add(`active = %s`, *f.Active)
	}
	pg, err := page[*supplierRow](ctx, s.db, p, supplierCols, "suppliers", &w, "code")
	if err != nil {
		return nil, err
	}
	out := &jxc.Page[*jxc.Supplier]{Offset: pg.Offset, TotalCount: pg.TotalCount, Items: make([]*jxc.Supplier, len(pg.Items))}
	for i, r := range pg.Items {
		sup := r.Supplier
		if err := json.Unmarshal(r.ContactsJSON, &sup.Contacts); err != nil {
			return nil, err
		}
		out.Items[i] = &sup
	}
	return out, fillSupplierProducts(ctx, s.db, out.Items)
}

// FindSupplierByID implements jxc.PurchasingService.
func (s *PurchasingService) FindSupplierByID(ctx context.Context, id int64) (*jxc.Supplier, error) {
	return findSupplier(ctx, s.db, id)
}

// Settings implements jxc.PurchasingService.
func (s *PurchasingService) Settings(ctx context.Context) (*jxc.PurchasingSettings, error) {
	return loadSettings(ctx, s.db)
}

func loadSettings(ctx context.Context, q Queryer) (*jxc.PurchasingSettings, error) {
	out := &jxc.PurchasingSettings{}
	err := q.GetContext(ctx, out, `SELECT price_tolerance, quantity_tolerance, price_rise_threshold FROM purchasing_settings`)
	return out, err
}

// UpdateSettings implements jxc.PurchasingService.
func (s *PurchasingService) UpdateSettings(ctx context.Context, in jxc.PurchasingSettings) (*jxc.PurchasingSettings, error) {
	if err := jxc.ValidatePurchasingSettings(in); err != nil {
		return nil, err
	}
	var out *jxc.PurchasingSettings
	_, err := s.db.Write(ctx, jxc.Op{Name: "updatePurchasingSettings"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordPurchasingSettings, "settings"); err != nil {
			return err
		}
		tx.Audit(jxc.RecordPurchasingSettings, "settings", "", jxc.AuditUpdate)
		if _, err := tx.ExecContext(ctx, `UPDATE purchasing_settings SET price_tolerance = $1, quantity_tolerance = $2, price_rise_threshold = $3`,
			in.PriceTolerance, in.QuantityTolerance, in.PriceRiseThreshold); err != nil {
			return err
		}
		var err error
		out, err = loadSettings(ctx, tx)
		return err
	})
	return out, err
}

// --- purchase orders ---------------------------------------------------------

const orderCols = `id, number, supplier_id, warehouse_id, status, order_date, expected_date, cost_centre, notes, budget_warnings,
	created_by, created_at, submitted_at, approved_at, approved_by, closed_at`

type orderRow struct {
	jxc.PurchaseOrder
	Warnings pq.StringArray `db:"budget_warnings"`
}

const orderLineCols = `id, purchase_order_id, line_no, product_id, quantity, unit_price, vat_rate, received_qty, rejected_qty, invoiced_qty,
	received_value, grni_cleared`

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
	out := map[int64]*jxc.Warehouse{}
	var ws []*jxc.Warehouse
	if err := q.SelectContext(ctx, &ws, `SELECT `+warehouseCols+` FROM warehouses WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	if err := fillWarehouses(ctx, q, ws); err != nil {
		return nil, err
	}
	for _, w := range ws {
		out[w.ID] = w
	}
	return out, nil
}

func findOrder(ctx context.Context, q Queryer, id int64, field string) (*jxc.PurchaseOrder, error) {
	os, err := loadOrders(ctx, q, `SELECT `+orderCols+` FROM purchase_orders WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(os) == 0 {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, field, "no purchase order %d", id)
	}
	return os[0], nil
}

// lockOrder locks an order and its lines and returns them.
func lockOrder(ctx context.Context, tx *Tx, id int64, field string) (*jxc.PurchaseOrder, error) {
	var st string
	err := tx.GetContext(ctx, &st, `SELECT status FROM purchase_orders WHERE id = $1 FOR UPDATE`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, field, "no purchase order %d", id)
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
	in.OrderDate = dateOr(in.OrderDate, tx)
	var es jxc.Errors
	sup, err := findSupplier(ctx, tx, in.SupplierID)
	if err != nil && jxc.ErrorCode(err) != jxc.ENOTFOUND {
		return nil, err
	}
	switch {
	case sup == nil:
		es.Add(jxc.ENOTFOUND, prefix+"supplierId", "no supplier %d", in.SupplierID)
	case !sup.Active:
		es.Add(jxc.EINVALID, prefix+"supplierId", "supplier %s is inactive", sup.Code)
	case sup.Currency != jxc.CompanyCurrency:
		es.Add(jxc.EINVALID, prefix+"supplierId", "supplier %s invoices in %s; orders are in %s only for now", sup.Code, sup.Currency, jxc.CompanyCurrency)
	}
	refs := make([]stockRef, len(in.Lines))
	for i, l := range in.Lines {
		refs[i] = stockRef{lineField(i), l.ProductID, in.WarehouseID, nil}
	}
	var refErrs jxc.Errors
	if err := checkStockRefs(ctx, tx, &refErrs, refs); err != nil {
		return nil, err
	}
	// A bad warehouse is reported once, on the order, not per line.
	whDone := false
	for _, e := range refErrs {
		if strings.HasSuffix(e.Field, "warehouseId") {
			if !whDone {
				es.Add(e.Code, prefix+"warehouseId", "%s", e.Message)
				whDone = true
			}
			continue
		}
		es = append(es, e)
	}
	known := map[int64]*jxc.SupplierProduct{}
	if sup != nil {
		for _, sp := range sup.Products {
			known[sp.ProductID] = sp
		}
	}
	prices := make([]decimal.Decimal, len(in.Lines))
	lead := 0
	if sup != nil {
		lead = sup.LeadTimeDays
	}
	for i, l := range in.Lines {
		sp := known[l.ProductID]
		switch {
		case l.UnitPrice != nil:
			prices[i] = *l.UnitPrice
		case sp != nil && sp.LastPrice != nil:
			prices[i] = *sp.LastPrice
		case sup != nil:
			es.Add(jxc.EINVALID, lineField(i)+"unitPrice", "no price is known for product %d from supplier %s: give a unit price", l.ProductID, sup.Code)
		}
		if sp != nil && sp.LeadTimeDays != nil && *sp.LeadTimeDays > lead {
			lead = *sp.LeadTimeDays
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	expected := in.OrderDate.AddDays(lead)
	if in.ExpectedDate != nil {
		expected = *in.ExpectedDate
	}
	id, number, err := newID(ctx, tx, "purchase_orders", "PO")
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
			return jxc.FieldErrorf(jxc.ECONFLICT, "id", "purchase order %s is %s; it must be %s to become %s", o.Number, o.Status, joinStatus(from), to)
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

func joinStatus(ss []jxc.PurchaseOrderStatus) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s)
	}
	return strings.Join(parts, " or ")
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
					return jxc.FieldErrorf(jxc.ECONFLICT, "id", "purchase order %s has receipts or invoices; close it instead", o.Number)
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
					return jxc.FieldErrorf(jxc.ECONFLICT, "id", "line %d of %s has %s received and %s invoiced; the supplier must invoice what was received before the order closes",
						l.LineNo, o.Number, l.ReceivedQty.String(), l.InvoicedQty.String())
				}
			}
			return releaseCommitment(ctx, tx, o, jxc.SourceType("PURCHASE_ORDER"))
		})
}

// orderCharges is what an order's lines commit, per budget key: net
// amount at order price against inventory (1405), by the order's cost
// centre and period and each product's category. amount picks the part.
func orderCharges(o *jxc.PurchaseOrder, amount func(l *jxc.PurchaseOrderLine) decimal.Decimal) []jxc.BudgetCharge {
	if o.CostCentre == "" {
		return nil
	}
	var out []jxc.BudgetCharge
	for _, l := range o.Lines {
		var cat *int64
		if l.Product != nil {
			cat = l.Product.CategoryID
		}
		out = append(out, jxc.BudgetCharge{Year: o.OrderDate.Year, Month: int(o.OrderDate.Month), CostCentre: o.CostCentre,
			AccountCode: jxc.AccountInventory, CategoryID: cat, Amount: amount(l)})
	}
	return out
}

func releaseCommitment(ctx context.Context, tx *Tx, o *jxc.PurchaseOrder, src jxc.SourceType) error {
	charges := orderCharges(o, func(l *jxc.PurchaseOrderLine) decimal.Decimal { return l.UninvoicedAmount().Neg() })
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
			return jxc.FieldErrorf(jxc.ECONFLICT, "id", "purchase order %s is %s; only a SUBMITTED order can be approved", o.Number, o.Status)
		}
		charges := orderCharges(o, func(l *jxc.PurchaseOrderLine) decimal.Decimal { return l.NetAmount() })
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
				sku := fmt.Sprintf("#%d", l.ProductID)
				if l.Product != nil {
					sku = l.Product.SKU
				}
				if _, err := RaiseAlert(ctx, tx, jxc.AlertPriceRise, fmt.Sprintf("supplier:%d/product:%d", o.SupplierID, l.ProductID),
					fmt.Sprintf("%s raised the price of %s from %s to %s (+%s%%) on %s", o.Supplier.Code, sku, last.String(), l.UnitPrice.String(),
						by.Mul(decimal.NewFromInt(100)).StringFixed(2), o.Number),
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
func (s *PurchasingService) FindPurchaseOrders(ctx context.Context, f jxc.PurchaseOrderFilter, p jxc.PageArgs) (*jxc.Page[*jxc.PurchaseOrder], error) {
	var w where
	if f.SupplierID != nil {
		w.add(`supplier_id = %s`, *f.SupplierID)
	}
	if len(f.Status) > 0 {
		ss := make([]string, len(f.Status))
		for i, st := range f.Status {
			ss[i] = string(st)
		}
		w.add(`status = ANY(%s)`, pq.Array(ss))
	}
	if f.DateFrom != nil {
		w.add(`order_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`order_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`number ILIKE %s`, likePattern(*f.Search))
	}
	pg, err := page[*orderRow](ctx, s.db, p, orderCols, "purchase_orders", &w, "order_date DESC, id DESC")
	if err != nil {
		return nil, err
	}
	items, err := fillOrders(ctx, s.db, pg.Items)
	if err != nil {
		return nil, err
	}
	return &jxc.Page[*jxc.PurchaseOrder]{Items: items, Offset: pg.Offset, TotalCount: pg.TotalCount}, nil
}

// FindPurchaseOrderByID implements jxc.PurchasingService.
func (s *PurchasingService) FindPurchaseOrderByID(ctx context.Context, id int64) (*jxc.PurchaseOrder, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.PurchaseOrder, error) { return findOrder(ctx, tx, id, "id") })
}

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
	var pid int64
	err := q.GetContext(ctx, &pid, `SELECT product_id FROM product_barcodes WHERE barcode = $1`, strings.TrimSpace(barcode))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, field, "no product has the barcode %s", barcode)
	} else if err != nil {
		return nil, err
	}
	for _, l := range o.Lines {
		if l.ProductID == pid {
			return l, nil
		}
	}
	return nil, jxc.FieldErrorf(jxc.ENOTFOUND, field, "barcode %s is product #%d, which is not on purchase order %s", barcode, pid, o.Number)
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
	var out *jxc.GoodsReceipt
	rid, err := s.db.Write(ctx, jxc.Op{Name: "postGoodsReceipt", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		in.ReceiptDate = dateOr(in.ReceiptDate, tx)
		o, err := lockOrder(ctx, tx, in.PurchaseOrderID, "input.purchaseOrderId")
		if err != nil {
			return err
		}
		es := slices.Clone(invalid)
		if !o.Status.Receivable() {
			es.Add(jxc.ECONFLICT, "input.purchaseOrderId", "purchase order %s is %s; goods are received against APPROVED or PARTIALLY_RECEIVED orders", o.Number, o.Status)
		}
		if in.ReceiptDate.Before(o.OrderDate) {
			es.Add(jxc.EINVALID, "input.receiptDate", "a receipt may not be dated before its order (%s)", o.OrderDate)
		}
		byID := map[int64]*jxc.PurchaseOrderLine{}
		for _, l := range o.Lines {
			byID[l.ID] = l
		}
		lines := make([]*jxc.PurchaseOrderLine, len(in.Lines))
		seen := map[int64]int{}
		var refs []stockRef
		for i, l := range in.Lines {
			f := fmt.Sprintf("input.lines.%d.", i)
			var pl *jxc.PurchaseOrderLine
			if (l.PurchaseOrderLineID == nil) == (l.Barcode == nil) {
				continue // reported by the validation
			}
			if l.Barcode != nil {
				pl, err = lineByBarcode(ctx, tx, o, *l.Barcode, f+"barcode")
				if err != nil {
					le, ok := jxc.AsErrors(err)
					if !ok {
						return err
					}
					es = append(es, le...)
					continue
				}
			} else if pl = byID[*l.PurchaseOrderLineID]; pl == nil {
				es.Add(jxc.ENOTFOUND, f+"purchaseOrderLineId", "line %d is not on purchase order %s", *l.PurchaseOrderLineID, o.Number)
				continue
			}
			if j, dup := seen[pl.ID]; dup {
				es.Add(jxc.EINVALID, f+"purchaseOrderLineId", "order line %d is already received on line %d of this receipt", pl.LineNo, j)
				continue
			}
			seen[pl.ID] = i
			lines[i] = pl
			if l.AcceptedQty.GreaterThan(pl.OpenQuantity()) {
				es.Add(jxc.ECONFLICT, f+"acceptedQuantity", "only %s of %s is still to be received on %s line %d; %s cannot be accepted",
					pl.OpenQuantity().String(), pl.Product.SKU, o.Number, pl.LineNo, l.AcceptedQty.String())
			}
			if l.LocationID != nil {
				refs = append(refs, stockRef{f, pl.ProductID, o.WarehouseID, l.LocationID})
			}
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		id, number, err := newID(ctx, tx, "goods_receipts", "GR")
		if err != nil {
			return err
		}
		ev := &jxc.ReceiptPosting{Date: in.ReceiptDate, Description: fmt.Sprintf("Goods receipt %s for %s", number, o.Number),
			Partner: o.Supplier.Code, CostCentre: o.CostCentre}
		for i, l := range in.Lines {
			if l.AcceptedQty.Sign() > 0 {
				ev.Lines = append(ev.Lines, jxc.ReceiptPostingLine{Field: fmt.Sprintf("input.lines.%d.", i), ProductID: lines[i].ProductID,
					WarehouseID: o.WarehouseID, LocationID: l.LocationID, Quantity: l.AcceptedQty, UnitPrice: lines[i].UnitPrice})
			}
		}
		var entryID *int64
		values := make([]decimal.Decimal, len(in.Lines))
		if len(ev.Lines) > 0 {
			p, err := post(ctx, tx, ev, &id)
			if err != nil {
				return err
			}
			entryID = p.EntryID
			k := 0
			for i, l := range in.Lines {
				if l.AcceptedQty.Sign() > 0 {
					values[i] = p.Moves[k].Value
					k++
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO goods_receipts (id, number, purchase_order_id, warehouse_id, receipt_date, notes, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, coalesce($6, ''), $7, $8, $9)`,
			id, number, o.ID, o.WarehouseID, in.ReceiptDate, in.Notes, entryID, userID(ctx), tx.Now); err != nil {
			return err
		}
		for i, l := range in.Lines {
			pl := lines[i]
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
		if err := settleOrderStatus(ctx, tx, o.ID); err != nil {
			return err
		}
		tx.Produced(jxc.RecordGoodsReceipt, id, number, jxc.AuditPost)
		out, err = findReceipt(ctx, tx, id)
		return err
	})
	if err == nil && out == nil { // a replay
		out, err = findReceipt(ctx, s.db, rid)
	}
	return out, err
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
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no goods receipt %d", id)
	}
	return rs[0], nil
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
