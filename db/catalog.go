package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// CatalogService implements jxc.CatalogService.
type CatalogService struct{ db *DB }

// NewCatalogService returns the catalogue on db.
func NewCatalogService(db *DB) *CatalogService { return &CatalogService{db: db} }

var _ jxc.CatalogService = (*CatalogService)(nil)

const categoryCols = `id, code, name, name_en, active`

// CreateCategory implements jxc.CatalogService.
func (s *CatalogService) CreateCategory(ctx context.Context, in jxc.CategoryInput) (*jxc.Category, error) {
	if err := jxc.ValidateCategoryInput(in); err != nil {
		return nil, err
	}
	c := &jxc.Category{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "createCategory"}, func(tx *Tx) error {
		err := tx.GetContext(ctx, c, `INSERT INTO categories (code, name, name_en) VALUES ($1, $2, $3) RETURNING `+categoryCols,
			in.Code, strings.TrimSpace(in.Name), jxc.Deref(in.NameEn))
		if err != nil {
			return domainError(err, "input.code")
		}
		tx.Produced(jxc.RecordCategory, c.ID, c.Code, jxc.AuditCreate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// UpdateCategory implements jxc.CatalogService.
func (s *CatalogService) UpdateCategory(ctx context.Context, in jxc.CategoryUpdate) (*jxc.Category, error) {
	if err := jxc.ValidateCategoryUpdate(in); err != nil {
		return nil, err
	}
	c := &jxc.Category{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateCategory"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordCategory, in.ID); err != nil {
			return err
		}
		err := tx.GetContext(ctx, c, `UPDATE categories SET name = coalesce($2, name), name_en = coalesce($3, name_en),
			active = coalesce($4, active) WHERE id = $1 RETURNING `+categoryCols, in.ID, in.Name, in.NameEn, in.Active)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such category")
		}
		tx.Produced(jxc.RecordCategory, c.ID, c.Code, jxc.AuditUpdate)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// FindCategories implements jxc.CatalogService.
func (s *CatalogService) FindCategories(ctx context.Context, includeInactive bool) ([]*jxc.Category, error) {
	out := []*jxc.Category{}
	err := s.db.SelectContext(ctx, &out, `SELECT `+categoryCols+` FROM categories WHERE active OR $1 ORDER BY code`, includeInactive)
	return out, err
}

const productCols = `id, sku, name, name_en, unit, category_id, sell_price, vat_rate, safety_stock, reorder_point,
	reorder_qty, lead_time_days, active, created_at, updated_at`

// checkProductRefs adds errors for a category that does not exist and for
// barcodes or a SKU that other products already use, so that a user sees
// every conflict at once (the unique constraints still guard races).
func checkProductRefs(ctx context.Context, q Queryer, es *jxc.Errors, selfID int64, sku *string, categoryID *int64, barcodes []string) error {
	if categoryID != nil {
		var n int
		if err := q.GetContext(ctx, &n, `SELECT count(*) FROM categories WHERE id = $1`, *categoryID); err != nil {
			return err
		}
		if n == 0 {
			es.Add(jxc.ENOTFOUND, "input.categoryId", "no such category")
		}
	}
	if sku != nil {
		var other []string
		if err := q.SelectContext(ctx, &other, `SELECT sku FROM products WHERE sku = $1 AND id <> $2`, *sku, selfID); err != nil {
			return err
		}
		if len(other) > 0 {
			es.Add(jxc.ECONFLICT, "input.sku", "SKU {code} is already used by another product", jxc.P{"code": *sku})
		}
	}
	if len(barcodes) > 0 {
		var taken []struct {
			Barcode string `db:"barcode"`
			SKU     string `db:"sku"`
		}
		if err := q.SelectContext(ctx, &taken, `SELECT b.barcode, p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id
			WHERE b.barcode = ANY($1) AND b.product_id <> $2`, pq.Array(barcodes), selfID); err != nil {
			return err
		}
		for _, t := range taken {
			for i, b := range barcodes {
				if b == t.Barcode {
					es.Add(jxc.ECONFLICT, "input.barcodes."+itoa(i), "barcode {barcode} already belongs to product {product}", jxc.P{"barcode": b, "product": t.SKU})
				}
			}
		}
	}
	return nil
}

func setBarcodes(ctx context.Context, q Queryer, productID int64, codes []string) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM product_barcodes WHERE product_id = $1`, productID); err != nil {
		return err
	}
	if len(codes) == 0 {
		return nil
	}
	_, err := q.ExecContext(ctx, `INSERT INTO product_barcodes (barcode, product_id, position)
		SELECT b, $1, o FROM unnest($2::text[]) WITH ORDINALITY AS t(b, o)`, productID, pq.Array(codes))
	return domainError(err, "input.barcodes")
}

// CreateProduct implements jxc.CatalogService.
func (s *CatalogService) CreateProduct(ctx context.Context, in jxc.ProductInput) (*jxc.Product, error) {
	var es jxc.Errors
	if err := jxc.ValidateProductInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	var p *jxc.Product
	_, err := s.db.Write(ctx, jxc.Op{Name: "createProduct"}, func(tx *Tx) error {
		es := es
		if err := checkProductRefs(ctx, tx, &es, 0, &in.SKU, in.CategoryID, in.Barcodes); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		var id int64
		err := tx.GetContext(ctx, &id, `INSERT INTO products (sku, name, name_en, unit, category_id, sell_price, vat_rate,
			safety_stock, reorder_point, reorder_qty, lead_time_days, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, (SELECT default_vat_rate FROM company_settings), $13), $8, $9, $10, $11, $12, $12) RETURNING id`,
			in.SKU, strings.TrimSpace(in.Name), jxc.Deref(in.NameEn), strings.TrimSpace(in.Unit), in.CategoryID,
			jxc.DerefOr(in.SellPrice, decimal.Zero), in.VATRate, jxc.DerefOr(in.SafetyStock, decimal.Zero),
			jxc.DerefOr(in.ReorderPoint, decimal.Zero), jxc.DerefOr(in.ReorderQty, decimal.Zero), jxc.Deref(in.LeadTimeDays), tx.Now, jxc.DefaultVATRate)
		if err != nil {
			return domainError(err, "input.sku")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO product_stock (product_id) VALUES ($1)`, id); err != nil {
			return err
		}
		if err := setBarcodes(ctx, tx, id, in.Barcodes); err != nil {
			return err
		}
		tx.Produced(jxc.RecordProduct, id, in.SKU, jxc.AuditCreate)
		p, err = findProduct(ctx, tx, id)
		return err
	})
	return p, err
}

// UpdateProduct implements jxc.CatalogService.
func (s *CatalogService) UpdateProduct(ctx context.Context, in jxc.ProductUpdate) (*jxc.Product, error) {
	var es jxc.Errors
	if err := jxc.ValidateProductUpdate(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	var p *jxc.Product
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateProduct"}, func(tx *Tx) error {
		es := es
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM products WHERE id = $1`, in.ID); err != nil {
			return err
		}
		if n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such product")
		}
		if err := tx.Before(ctx, jxc.RecordProduct, in.ID); err != nil {
			return err
		}
		tx.Produced(jxc.RecordProduct, in.ID, "", jxc.AuditUpdate)
		if err := checkProductRefs(ctx, tx, &es, in.ID, in.SKU, in.CategoryID, in.Barcodes); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE products SET sku = coalesce($2, sku), name = coalesce($3, name),
			name_en = coalesce($4, name_en), unit = coalesce($5, unit), category_id = coalesce($6, category_id),
			sell_price = coalesce($7, sell_price), vat_rate = coalesce($8, vat_rate), safety_stock = coalesce($9, safety_stock),
			reorder_point = coalesce($10, reorder_point), reorder_qty = coalesce($11, reorder_qty),
			lead_time_days = coalesce($12, lead_time_days), active = coalesce($13, active), updated_at = $14
			WHERE id = $1`,
			in.ID, in.SKU, trimmed(in.Name), in.NameEn, trimmed(in.Unit), in.CategoryID, in.SellPrice, in.VATRate,
			in.SafetyStock, in.ReorderPoint, in.ReorderQty, in.LeadTimeDays, in.Active, tx.Now)
		if err != nil {
			return domainError(err, "input.sku")
		}
		if in.Barcodes != nil {
			if err := setBarcodes(ctx, tx, in.ID, in.Barcodes); err != nil {
				return err
			}
		}
		p, err = findProduct(ctx, tx, in.ID)
		return err
	})
	return p, err
}

func trimmed(s *string) *string {
	if s == nil {
		return nil
	}
	t := strings.TrimSpace(*s)
	return &t
}

// FindProducts implements jxc.CatalogService.
func (s *CatalogService) FindProducts(ctx context.Context, f jxc.ProductFilter, o *jxc.ProductOrder, p jxc.PageArgs) (*jxc.Page[*jxc.Product], error) {
	var w where
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(sku ILIKE %s OR name ILIKE %[1]s OR name_en ILIKE %[1]s OR id IN (SELECT product_id FROM product_barcodes WHERE barcode = %s))`,
			likePattern(*f.Search), strings.TrimSpace(*f.Search))
	}
	if f.CategoryID != nil {
		w.add(`category_id = %s`, *f.CategoryID)
	}
	if f.Active != nil {
		w.add(`active = %s`, *f.Active)
	}
	order := "sku"
	dir := "ASC"
	if o != nil {
		dir = o.Direction.SQL()
		switch o.Field {
		case jxc.ProductOrderName:
			order = "name"
		case jxc.ProductOrderCreatedAt:
			order = "created_at"
		}
	}
	pg, err := page[*jxc.Product](ctx, s.db, p, productCols, "products", &w, order+" "+dir+", id "+dir)
	if err != nil {
		return nil, err
	}
	return pg, fillProducts(ctx, s.db, pg.Items)
}

// FindProductByID implements jxc.CatalogService.
func (s *CatalogService) FindProductByID(ctx context.Context, id int64) (*jxc.Product, error) {
	return findProduct(ctx, s.db, id)
}

// FindProductByBarcode implements jxc.CatalogService.
func (s *CatalogService) FindProductByBarcode(ctx context.Context, barcode string) (*jxc.Product, error) {
	var id int64
	// A unit's barcode (a carton) names its product too.
	err := s.db.GetContext(ctx, &id, `SELECT product_id FROM product_barcodes WHERE barcode = $1
		UNION ALL SELECT product_id FROM product_units WHERE barcode = $1 LIMIT 1`, barcode)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "barcode", "no product has barcode {barcode}", jxc.P{"barcode": barcode})
	} else if err != nil {
		return nil, err
	}
	return findProduct(ctx, s.db, id)
}

func findProduct(ctx context.Context, q Queryer, id int64) (*jxc.Product, error) {
	p, err := getByID[jxc.Product](ctx, q, productCols, "products", "product", id, false)
	if err != nil {
		return nil, err
	}
	return p, fillProducts(ctx, q, []*jxc.Product{p})
}

// fillProducts loads the categories and barcodes of a page of products in
// two queries, whatever the page size.
func fillProducts(ctx context.Context, q Queryer, ps []*jxc.Product) error {
	if len(ps) == 0 {
		return nil
	}
	ids := make([]int64, len(ps))
	var catIDs []int64
	for i, p := range ps {
		ids[i] = p.ID
		p.Barcodes = []string{}
		if p.CategoryID != nil {
			catIDs = append(catIDs, *p.CategoryID)
		}
	}
	var codes []struct {
		ProductID int64  `db:"product_id"`
		Barcode   string `db:"barcode"`
	}
	if err := q.SelectContext(ctx, &codes, `SELECT product_id, barcode FROM product_barcodes WHERE product_id = ANY($1) ORDER BY product_id, position`, pq.Array(ids)); err != nil {
		return err
	}
	byID := map[int64]*jxc.Product{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	for _, c := range codes {
		byID[c.ProductID].Barcodes = append(byID[c.ProductID].Barcodes, c.Barcode)
	}
	if len(catIDs) > 0 {
		var cats []*jxc.Category
		if err := q.SelectContext(ctx, &cats, `SELECT `+categoryCols+` FROM categories WHERE id = ANY($1)`, pq.Array(catIDs)); err != nil {
			return err
		}
		byCat := map[int64]*jxc.Category{}
		for _, c := range cats {
			byCat[c.ID] = c
		}
		for _, p := range ps {
			if p.CategoryID != nil {
				p.Category = byCat[*p.CategoryID]
			}
		}
	}
	return nil
}

const warehouseCols = `id, code, name, region, address, active`
const locationCols = `id, warehouse_id, code, name, active, zone`

// CreateWarehouse implements jxc.CatalogService.
func (s *CatalogService) CreateWarehouse(ctx context.Context, in jxc.WarehouseInput) (*jxc.Warehouse, error) {
	if err := jxc.ValidateWarehouseInput(in); err != nil {
		return nil, err
	}
	w := &jxc.Warehouse{Locations: []*jxc.Location{}}
	_, err := s.db.Write(ctx, jxc.Op{Name: "createWarehouse"}, func(tx *Tx) error {
		err := tx.GetContext(ctx, w, `INSERT INTO warehouses (code, name, region, address) VALUES ($1, $2, $3, $4) RETURNING `+warehouseCols,
			in.Code, strings.TrimSpace(in.Name), jxc.Deref(in.Region), jxc.Deref(in.Address))
		if err != nil {
			return domainError(err, "input.code")
		}
		tx.Produced(jxc.RecordWarehouse, w.ID, w.Code, jxc.AuditCreate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

// UpdateWarehouse implements jxc.CatalogService.
func (s *CatalogService) UpdateWarehouse(ctx context.Context, in jxc.WarehouseUpdate) (*jxc.Warehouse, error) {
	if err := jxc.ValidateWarehouseUpdate(in); err != nil {
		return nil, err
	}
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateWarehouse"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordWarehouse, in.ID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE warehouses SET name = coalesce($2, name), region = coalesce($3, region),
			address = coalesce($4, address), active = coalesce($5, active) WHERE id = $1`, in.ID, trimmed(in.Name), in.Region, in.Address, in.Active)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such warehouse")
		}
		tx.Produced(jxc.RecordWarehouse, in.ID, "", jxc.AuditUpdate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return findWarehouse(ctx, s.db, in.ID)
}

// FindWarehouses implements jxc.CatalogService.
func (s *CatalogService) FindWarehouses(ctx context.Context, f jxc.WarehouseFilter, o *jxc.WarehouseOrder, p jxc.PageArgs) (*jxc.Page[*jxc.Warehouse], error) {
	var w where
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(code ILIKE %s OR name ILIKE %[1]s OR address ILIKE %[1]s)`, likePattern(*f.Search))
	}
	if f.Region != nil {
		w.add(`region = %s`, *f.Region)
	}
	if f.Active != nil {
		w.add(`active = %s`, *f.Active)
	}
	order, dir := "code", "ASC"
	if o != nil {
		dir = o.Direction.SQL()
		switch o.Field {
		case jxc.WarehouseOrderName:
			order = "name"
		case jxc.WarehouseOrderRegion:
			order = "region"
		}
	}
	pg, err := page[*jxc.Warehouse](ctx, s.db, p, warehouseCols, "warehouses", &w, order+" "+dir+", id "+dir)
	if err != nil {
		return nil, err
	}
	return pg, fillWarehouses(ctx, s.db, pg.Items)
}

// FindWarehouseByID implements jxc.CatalogService.
func (s *CatalogService) FindWarehouseByID(ctx context.Context, id int64) (*jxc.Warehouse, error) {
	return findWarehouse(ctx, s.db, id)
}

func findWarehouse(ctx context.Context, q Queryer, id int64) (*jxc.Warehouse, error) {
	w, err := getByID[jxc.Warehouse](ctx, q, warehouseCols, "warehouses", "warehouse", id, false)
	if err != nil {
		return nil, err
	}
	return w, fillWarehouses(ctx, q, []*jxc.Warehouse{w})
}

func fillWarehouses(ctx context.Context, q Queryer, ws []*jxc.Warehouse) error {
	if len(ws) == 0 {
		return nil
	}
	_, err := fillChildren(ctx, q, ws, func(w *jxc.Warehouse) (int64, *[]*jxc.Location) { return w.ID, &w.Locations },
		`SELECT `+locationCols+` FROM locations WHERE warehouse_id = ANY($1) ORDER BY warehouse_id, code`,
		func(l *jxc.Location) int64 { return l.WarehouseID })
	return err
}

// CreateLocation implements jxc.CatalogService.
func (s *CatalogService) CreateLocation(ctx context.Context, in jxc.LocationInput) (*jxc.Location, error) {
	if err := jxc.ValidateLocationInput(in); err != nil {
		return nil, err
	}
	l := &jxc.Location{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "createLocation"}, func(tx *Tx) error {
		err := tx.GetContext(ctx, l, `INSERT INTO locations (warehouse_id, code, name) VALUES ($1, $2, $3) RETURNING `+locationCols,
			in.WarehouseID, in.Code, jxc.Deref(in.Name))
		var pe *pq.Error
		if errors.As(err, &pe) && pe.Code == "23503" {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.warehouseId", "no such warehouse")
		}
		if err != nil {
			return domainError(err, "input.code")
		}
		tx.Produced(jxc.RecordLocation, l.ID, l.Code, jxc.AuditCreate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// UpdateLocation implements jxc.CatalogService.
func (s *CatalogService) UpdateLocation(ctx context.Context, in jxc.LocationUpdate) (*jxc.Location, error) {
	var es jxc.Errors
	if in.Name != nil && len([]rune(*in.Name)) > 100 {
		es.Add(jxc.EINVALID, "input.name", "name may have at most 100 characters")
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	l := &jxc.Location{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateLocation"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordLocation, in.ID); err != nil {
			return err
		}
		err := tx.GetContext(ctx, l, `UPDATE locations SET name = coalesce($2, name), active = coalesce($3, active) WHERE id = $1 RETURNING `+locationCols,
			in.ID, in.Name, in.Active)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such location")
		}
		tx.Produced(jxc.RecordLocation, in.ID, l.Code, jxc.AuditUpdate)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}
