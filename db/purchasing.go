package db

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/lib/pq"

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

// --- suppliers ---------------------------------------------------------------

const supplierCols = `id, code, name, payment_terms_days, currency, lead_time_days, active, created_at, contacts,
	tax_id, bank_name, bank_account, address, notes`

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

const supplierProductCols = `supplier_id, product_id, supplier_sku, last_price, last_price_date, lead_time_days, min_order_qty, active`

// fillSupplierProducts loads the products of a page of suppliers at once.
func fillSupplierProducts(ctx context.Context, q Queryer, ss []*jxc.Supplier) error {
	if len(ss) == 0 {
		return nil
	}
	sps, err := fillChildren(ctx, q, ss, func(s *jxc.Supplier) (int64, *[]*jxc.SupplierProduct) { return s.ID, &s.Products },
		`SELECT sp.`+strings.ReplaceAll(supplierProductCols, ", ", ", sp.")+`
		FROM supplier_products sp JOIN products p ON p.id = sp.product_id
		WHERE sp.supplier_id = ANY($1) ORDER BY sp.supplier_id, p.sku`,
		func(sp *jxc.SupplierProduct) int64 { return sp.SupplierID })
	if err != nil {
		return err
	}
	products, err := productsByID(ctx, q, collect(sps, func(sp *jxc.SupplierProduct) int64 { return sp.ProductID }))
	if err != nil {
		return err
	}
	for _, s := range ss {
		for _, sp := range s.Products {
			sp.Product, sp.Supplier = products[sp.ProductID], s
		}
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
	if len(ids) == 0 {
		return map[int64]*jxc.Product{}, nil
	}
	return rowsByID(ctx, q, productCols, "products", ids, fillProducts, func(p *jxc.Product) int64 { return p.ID })
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
	return theOne(ss, err, "id", "supplier", id)
}

// CreateSupplier implements jxc.PurchasingService.
func (s *PurchasingService) CreateSupplier(ctx context.Context, in jxc.SupplierInput) (*jxc.Supplier, error) {
	if err := jxc.ValidateSupplierInput(in); err != nil {
		return nil, err
	}
	contacts, _ := json.Marshal(nonNil(in.Contacts))
	var out *jxc.Supplier
	_, err := s.db.Write(ctx, jxc.Op{Name: "createSupplier"}, func(tx *Tx) error {
		if in.Code != "" {
			var n int
			if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM suppliers WHERE code = $1`, in.Code); err != nil {
				return err
			}
			if n > 0 {
				return jxc.FieldErrorf(jxc.ECONFLICT, "input.code", "supplier code {code} is already used", jxc.P{"code": in.Code})
			}
		}
		id, code, err := insertPartner(ctx, tx, "suppliers", "SUP-", "supplier", in.Code, func(code string, skipTaken bool) (int64, error) {
			onConflict := ""
			if skipTaken {
				onConflict = " ON CONFLICT (code) DO NOTHING"
			}
			var id int64
			err := tx.GetContext(ctx, &id, `INSERT INTO suppliers (code, name, contacts, payment_terms_days, currency, lead_time_days, created_at,
				tax_id, bank_name, bank_account, address, notes)
				VALUES ($1, $2, $3, coalesce($4, 30), coalesce($5, 'CNY'), coalesce($6, 7), $7, $8, $9, $10, $11, $12)`+onConflict+` RETURNING id`,
				code, strings.TrimSpace(in.Name), string(contacts), in.PaymentTermsDays, in.Currency, in.LeadTimeDays, tx.Now,
				jxc.NormalizedTaxID(in.TaxID), strings.TrimSpace(jxc.Deref(in.BankName)), strings.TrimSpace(jxc.Deref(in.BankAccount)),
				strings.TrimSpace(jxc.Deref(in.Address)), jxc.Deref(in.Notes))
			return id, err
		})
		if err != nil {
			return domainError(err, "input.code")
		}
		tx.Produced(jxc.RecordSupplier, id, code, jxc.AuditCreate)
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
			lead_time_days = coalesce($6, lead_time_days), active = coalesce($7, active),
			tax_id = CASE WHEN $8::text IS NULL THEN tax_id ELSE nullif($8, '') END,
			bank_name = coalesce($9, bank_name), bank_account = coalesce($10, bank_account),
			address = coalesce($11, address), notes = coalesce($12, notes) WHERE id = $1`,
			in.ID, trimmed(in.Name), nullBytes(contacts), in.PaymentTermsDays, in.Currency, in.LeadTimeDays, in.Active,
			taxIDUpdate(in.TaxID), trimmed(in.BankName), trimmed(in.BankAccount), trimmed(in.Address), in.Notes)
		if err != nil {
			return domainError(err, "input")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such supplier")
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
			es.Add(jxc.ENOTFOUND, "input.supplierId", "no such supplier")
		}
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM products WHERE id = $1`, in.ProductID); err != nil {
			return err
		}
		if n == 0 {
			es.Add(jxc.ENOTFOUND, "input.productId", "no such product")
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
		if err := tx.QueryRowxContext(ctx, `INSERT INTO supplier_products AS sp (supplier_id, product_id, supplier_sku, last_price, last_price_date, lead_time_days,
				min_order_qty, active)
			VALUES ($1, $2, coalesce($3, ''), $4, $5, $6, nullif($7::numeric, 0), coalesce($8, true))
			ON CONFLICT (supplier_id, product_id) DO UPDATE SET supplier_sku = coalesce($3, sp.supplier_sku),
				last_price = coalesce($4, sp.last_price), last_price_date = coalesce($5, sp.last_price_date),
				lead_time_days = coalesce($6, sp.lead_time_days),
				min_order_qty = CASE WHEN $7::numeric IS NULL THEN sp.min_order_qty ELSE nullif($7::numeric, 0) END,
				active = coalesce($8, sp.active)
			RETURNING `+supplierProductCols, in.SupplierID, in.ProductID, in.SupplierSKU, in.Price, priceDate, in.LeadTimeDays,
			in.MinOrderQty, in.Active).StructScan(out); err != nil {
			return domainError(err, "input")
		}
		ps, err := productsByID(ctx, tx, []int64{in.ProductID})
		out.Product = ps[in.ProductID]
		return err
	})
	return out, err
}

// FindSuppliers implements jxc.PurchasingService.
func (s *PurchasingService) FindSuppliers(ctx context.Context, f jxc.SupplierFilter, o *jxc.SupplierOrder, p jxc.PageArgs) (*jxc.Page[*jxc.Supplier], error) {
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
	pg, err := page[*supplierRow](ctx, s.db, p, supplierCols, "suppliers", &w, orderBy(o, supplierOrders, "id", "code"))
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

// taxIDUpdate is a tax ID as an update sets it: nil leaves it, "" clears
// it, else normalized.
func taxIDUpdate(id *string) *string {
	if id == nil {
		return nil
	}
	if t := jxc.NormalizedTaxID(id); t != nil {
		return t
	}
	return jxc.Ptr("")
}
