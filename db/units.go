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

// Units of measure: a product's units besides its stock unit, and the
// unit each order line is in.

// UnitService implements jxc.UnitService.
type UnitService struct{ db *DB }

// NewUnitService returns the units service on db.
func NewUnitService(db *DB) *UnitService { return &UnitService{db: db} }

// unitSets reads the units of the products ids (each product has a set,
// with only its stock unit when it has no other).
func unitSets(ctx context.Context, q Queryer, ids []int64) (map[int64]*jxc.UnitSet, error) {
	out := map[int64]*jxc.UnitSet{}
	if len(ids) == 0 {
		return out, nil
	}
	var heads []struct {
		ID           int64   `db:"id"`
		SKU          string  `db:"sku"`
		Unit         string  `db:"unit"`
		Places       int     `db:"unit_places"`
		PurchaseUnit *string `db:"purchase_unit"`
		SalesUnit    *string `db:"sales_unit"`
	}
	if err := q.SelectContext(ctx, &heads, `SELECT id, sku, unit, unit_places, purchase_unit, sales_unit FROM products WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	for _, h := range heads {
		s := &jxc.UnitSet{ProductID: h.ID, SKU: h.SKU, StockUnit: h.Unit, StockPlaces: h.Places, Units: []*jxc.ProductUnit{}}
		if h.PurchaseUnit != nil {
			s.PurchaseUnit = *h.PurchaseUnit
		}
		if h.SalesUnit != nil {
			s.SalesUnit = *h.SalesUnit
		}
		out[h.ID] = s
	}
	var units []*jxc.ProductUnit
	if err := q.SelectContext(ctx, &units, `SELECT product_id, code, name_en, factor, places, barcode, position FROM product_units
		WHERE product_id = ANY($1) ORDER BY product_id, position`, pq.Array(ids)); err != nil {
		return nil, err
	}
	for _, u := range units {
		out[u.ProductID].Units = append(out[u.ProductID].Units, u)
	}
	return out, nil
}

// ProductUnits implements jxc.UnitService.
func (s *UnitService) ProductUnits(ctx context.Context, ids []int64) (map[int64]*jxc.UnitSet, error) {
	return unitSets(ctx, s.db, ids)
}

// SetProductUnits implements jxc.UnitService: the product's units are
// replaced by the input's. Lines already in a unit keep their factor.
func (s *UnitService) SetProductUnits(ctx context.Context, in jxc.ProductUnitsInput) (*jxc.UnitSet, error) {
	var out *jxc.UnitSet
	_, err := s.db.Write(ctx, jxc.Op{Name: "setProductUnits", Input: in}, func(tx *Tx) error {
		var stockUnit string
		if err := tx.GetContext(ctx, &stockUnit, `SELECT unit FROM products WHERE id = $1 FOR UPDATE`, in.ProductID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return jxc.FieldErrorf(jxc.ENOTFOUND, "input.productId", "no such product")
			}
			return err
		}
		if err := tx.Before(ctx, jxc.RecordProduct, in.ProductID); err != nil {
			return err
		}
		tx.Produced(jxc.RecordProduct, in.ProductID, "", jxc.AuditUpdate)
		var es jxc.Errors
		if err := jxc.ValidateProductUnits(in, stockUnit); err != nil {
			es, _ = jxc.AsErrors(err)
		}
		var codes []string
		for _, u := range in.Units {
			if u.Barcode != nil {
				codes = append(codes, strings.TrimSpace(*u.Barcode))
			}
		}
		if len(codes) > 0 {
			var taken []struct {
				Barcode string `db:"barcode"`
				SKU     string `db:"sku"`
			}
			if err := tx.SelectContext(ctx, &taken, `SELECT b.barcode, p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ANY($1)
				UNION ALL SELECT u.barcode, p.sku FROM product_units u JOIN products p ON p.id = u.product_id WHERE u.barcode = ANY($1) AND u.product_id <> $2`,
				pq.Array(codes), in.ProductID); err != nil {
				return err
			}
			for _, t := range taken {
				for i, u := range in.Units {
					if u.Barcode != nil && strings.TrimSpace(*u.Barcode) == t.Barcode {
						es.Add(jxc.ECONFLICT, "input.units."+itoa(i)+".barcode", "barcode {barcode} already belongs to product {product}", jxc.P{"barcode": t.Barcode, "product": t.SKU})
					}
				}
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM product_units WHERE product_id = $1`, in.ProductID); err != nil {
			return err
		}
		for i, u := range in.Units {
			var bc *string
			if u.Barcode != nil {
				b := strings.TrimSpace(*u.Barcode)
				bc = &b
			}
			nameEn := ""
			if u.NameEn != nil {
				nameEn = strings.TrimSpace(*u.NameEn)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO product_units (product_id, code, name_en, factor, places, barcode, position)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, in.ProductID, strings.TrimSpace(u.Code), nameEn, u.Factor, u.Places, bc, i+1); err != nil {
				return domainError(err, "input.units")
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE products SET unit_places = coalesce($2, unit_places),
			purchase_unit = nullif(btrim($3), ''), sales_unit = nullif(btrim($4), ''), updated_at = $5 WHERE id = $1`,
			in.ProductID, in.StockUnitPlaces, unitOrStock(in.PurchaseUnit, stockUnit), unitOrStock(in.SalesUnit, stockUnit), tx.Now); err != nil {
			return err
		}
		sets, err := unitSets(ctx, tx, []int64{in.ProductID})
		out = sets[in.ProductID]
		return err
	})
	return out, err
}

// unitOrStock is a default unit as stored: "" for the stock unit.
func unitOrStock(u *string, stockUnit string) string {
	if u == nil || strings.TrimSpace(*u) == stockUnit {
		return ""
	}
	return *u
}

// lineUnits resolves the unit of each line (products pids, units named
// or nil for the product's default purchase or sales unit) and checks its
// quantity against the unit's rounding rule; errors go on lineField(i) +
// "unit" and + "quantity".
func lineUnits(ctx context.Context, q Queryer, es *jxc.Errors, pids []int64, units []*string, qtys []decimal.Decimal, purchase bool, lineField func(int) string) ([]jxc.UnitChoice, error) {
	sets, err := unitSets(ctx, q, pids)
	if err != nil {
		return nil, err
	}
	out := make([]jxc.UnitChoice, len(pids))
	for i, pid := range pids {
		out[i] = jxc.UnitChoice{Factor: decimal.NewFromInt(1), Places: jxc.QuantityPlaces}
		s := sets[pid]
		if s == nil {
			continue // the product's own check reports it
		}
		c, ok := jxc.ChooseUnit(es, lineField(i)+"unit", s, units[i], purchase)
		if !ok {
			continue
		}
		out[i] = c
		jxc.CheckUnitQuantity(es, lineField(i)+"quantity", c, qtys[i])
	}
	return out, nil
}

// purchaseLineUnits resolves the units of a new purchase order's lines.
func purchaseLineUnits(ctx context.Context, q Queryer, es *jxc.Errors, in jxc.PurchaseOrderInput, lineField func(int) string) ([]jxc.UnitChoice, error) {
	n := len(in.Lines)
	pids, units, qtys := make([]int64, n), make([]*string, n), make([]decimal.Decimal, n)
	for i, l := range in.Lines {
		pids[i], units[i], qtys[i] = l.ProductID, l.Unit, l.Quantity
	}
	return lineUnits(ctx, q, es, pids, units, qtys, true, lineField)
}

// setLineUnits puts the units on a new document's lines (line_no i+1 is
// units[i]); lines in the stock unit keep the defaults.
func setLineUnits(ctx context.Context, tx *Tx, table, docCol string, docID int64, units []jxc.UnitChoice) error {
	var nos []int64
	var codes, factors []string
	for i, u := range units {
		if u.Code == "" {
			continue
		}
		nos, codes, factors = append(nos, int64(i+1)), append(codes, u.Code), append(factors, u.Factor.String())
	}
	if len(nos) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE `+table+` l SET unit = t.u, unit_factor = t.f::numeric
		FROM unnest($2::int[], $3::text[], $4::text[]) AS t(no, u, f) WHERE l.`+docCol+` = $1 AND l.line_no = t.no`,
		docID, pq.Array(nos), pq.Array(codes), pq.Array(factors))
	return err
}

// salesLineUnits resolves the units of a new sales order's lines.
func salesLineUnits(ctx context.Context, q Queryer, es *jxc.Errors, in jxc.SalesOrderInput) ([]jxc.UnitChoice, error) {
	n := len(in.Lines)
	pids, units, qtys := make([]int64, n), make([]*string, n), make([]decimal.Decimal, n)
	for i, l := range in.Lines {
		pids[i], units[i], qtys[i] = l.ProductID, l.Unit, l.Quantity
	}
	return lineUnits(ctx, q, es, pids, units, qtys, false, func(i int) string { return "input.lines." + itoa(i) + "." })
}

// setSalesLineUnits puts the units and their rounding rules on a new
// sales order's lines.
func setSalesLineUnits(ctx context.Context, tx *Tx, orderID int64, units []jxc.UnitChoice) error {
	if err := setLineUnits(ctx, tx, "sales_order_lines", "order_id", orderID, units); err != nil {
		return err
	}
	var nos, places []int64
	for i, u := range units {
		if u.Code != "" {
			nos, places = append(nos, int64(i+1)), append(places, int64(u.Places))
		}
	}
	if len(nos) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE sales_order_lines l SET unit_places = t.pl FROM unnest($2::int[], $3::int[]) AS t(no, pl)
		WHERE l.order_id = $1 AND l.line_no = t.no`, orderID, pq.Array(nos), pq.Array(places))
	return err
}

// returnFactors are the unit factors of the order lines of a shipment's
// lines, by shipment line.
func returnFactors(ctx context.Context, q Queryer, shipmentID int64) (map[int64]decimal.Decimal, error) {
	var rows []struct {
		ID     int64           `db:"id"`
		Factor decimal.Decimal `db:"unit_factor"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT sl.id, ol.unit_factor FROM shipment_lines sl JOIN sales_order_lines ol ON ol.id = sl.order_line_id
		WHERE sl.shipment_id = $1`, shipmentID); err != nil {
		return nil, err
	}
	out := map[int64]decimal.Decimal{}
	for _, r := range rows {
		out[r.ID] = r.Factor
	}
	return out, nil
}

// ScanBarcode implements jxc.UnitService: a product's own barcode counts
// one stock unit, a unit's barcode (a carton) one of that unit.
func (s *UnitService) ScanBarcode(ctx context.Context, barcode string) (*jxc.BarcodeScan, error) {
	code := strings.TrimSpace(barcode)
	var hit struct {
		ProductID int64           `db:"product_id"`
		Code      string          `db:"code"`
		Factor    decimal.Decimal `db:"factor"`
	}
	err := s.db.GetContext(ctx, &hit, `SELECT product_id, '' AS code, 1::numeric AS factor FROM product_barcodes WHERE barcode = $1
		UNION ALL SELECT product_id, code, factor FROM product_units WHERE barcode = $1 LIMIT 1`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "barcode", "no product has barcode {barcode}", jxc.P{"barcode": code})
	} else if err != nil {
		return nil, err
	}
	p, err := findProduct(ctx, s.db, hit.ProductID)
	if err != nil {
		return nil, err
	}
	unit := hit.Code
	if unit == "" {
		unit = p.Unit
	}
	return &jxc.BarcodeScan{Product: p, Code: hit.Code, Unit: unit, Factor: hit.Factor}, nil
}
