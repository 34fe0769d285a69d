package jxc

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Units of measure: a product is stocked in its stock unit (Product.Unit)
// and may be bought and sold in more units, each a whole or decimal
// multiple of the stock unit (箱 = 12 个). Every unit has a rounding rule:
// the decimals a quantity in it may have (0 for 个 and 箱, 3 for kg).
// Stock, reservations and valuation are always in the stock unit; a
// document line in another unit keeps its factor, and its stock quantity
// is its quantity x factor.

// maxUnitFactor bounds a unit's factor, so that a quantity in the unit
// converted to the stock unit stays well inside the quantity columns.
var maxUnitFactor = decimal.NewFromInt(1_000_000)

// ProductUnit is one more unit of a product than its stock unit.
type ProductUnit struct {
	ProductID int64           `db:"product_id"`
	Code      string          `db:"code"`    // what people call it: 箱, carton
	NameEn    string          `db:"name_en"` // its English name, "" when the code is one
	Factor    decimal.Decimal `db:"factor"`  // stock units in one of it
	Places    int             `db:"places"`  // decimals a quantity in it may have
	Barcode   *string         `db:"barcode"` // scanning it counts one of the unit
	Position  int             `db:"position"`
}

// UnitSet is a product's units: the stock unit with its rounding rule, the
// others, and the default purchase and sales units ("" is the stock unit).
type UnitSet struct {
	ProductID    int64
	SKU          string
	StockUnit    string
	StockPlaces  int
	Units        []*ProductUnit
	PurchaseUnit string
	SalesUnit    string
}

// UnitChoice is the unit a document line is in: Code "" is the stock unit.
type UnitChoice struct {
	Code   string
	Name   string // the name people read: the code, or the stock unit's name
	Factor decimal.Decimal
	Places int
}

// Stock is the unit choice of the stock unit of s.
func (s *UnitSet) Stock() UnitChoice {
	return UnitChoice{Code: "", Name: s.StockUnit, Factor: decimal.NewFromInt(1), Places: s.StockPlaces}
}

// Resolve finds the unit code names on the product: "" or the stock unit's
// name is the stock unit; false when the product has no such unit.
func (s *UnitSet) Resolve(code string) (UnitChoice, bool) {
	code = strings.TrimSpace(code)
	if code == "" || code == s.StockUnit {
		return s.Stock(), true
	}
	for _, u := range s.Units {
		if u.Code == code {
			return UnitChoice{Code: u.Code, Name: u.Code, Factor: u.Factor, Places: u.Places}, true
		}
	}
	return UnitChoice{}, false
}

// Default is the unit a new line is in when it names none: the product's
// purchase unit (purchase true) or sales unit.
func (s *UnitSet) Default(purchase bool) UnitChoice {
	code := s.SalesUnit
	if purchase {
		code = s.PurchaseUnit
	}
	if c, ok := s.Resolve(code); ok {
		return c
	}
	return s.Stock()
}

// ForBarcode finds the unit whose barcode is b.
func (s *UnitSet) ForBarcode(b string) (UnitChoice, bool) {
	for _, u := range s.Units {
		if u.Barcode != nil && *u.Barcode == strings.TrimSpace(b) {
			return UnitChoice{Code: u.Code, Name: u.Code, Factor: u.Factor, Places: u.Places}, true
		}
	}
	return UnitChoice{}, false
}

// StockQuantity converts a quantity in the unit to the stock unit.
func (c UnitChoice) StockQuantity(q decimal.Decimal) decimal.Decimal { return q.Mul(c.Factor) }

// FactorOrOne is the factor, 1 for a choice never resolved.
func (c UnitChoice) FactorOrOne() decimal.Decimal {
	if c.Factor.Sign() <= 0 {
		return decimal.NewFromInt(1)
	}
	return c.Factor
}

// ChooseUnit resolves the unit a line names (nil: the product's default
// purchase or sales unit) and adds an error on field when the product has
// no such unit.
func ChooseUnit(es *Errors, field string, s *UnitSet, code *string, purchase bool) (UnitChoice, bool) {
	if code == nil {
		return s.Default(purchase), true
	}
	c, ok := s.Resolve(*code)
	if !ok {
		names := []string{s.StockUnit}
		for _, u := range s.Units {
			names = append(names, u.Code)
		}
		es.Add(ENOTFOUND, field, "product {product} has no unit {unit}; its units are {units}", P{"product": s.SKU, "unit": *code, "units": strings.Join(names, ", ")})
	}
	return c, ok
}

// CheckUnitQuantity adds an error on field when q, a quantity in unit c,
// has more decimals than the unit's rounding rule allows, or when its
// stock quantity does not fit the stock unit's decimals and bound.
func CheckUnitQuantity(es *Errors, field string, c UnitChoice, q decimal.Decimal) {
	if q.Sign() <= 0 {
		return // the quantity rule reports it
	}
	if !hasPlaces(q, int32(c.Places)) {
		es.Add(EINVALID, field, "quantity {quantity} has more decimals than unit {unit} allows ({places})", P{"quantity": q, "unit": c.Name, "places": c.Places})
		return
	}
	sq := c.StockQuantity(q)
	if !hasPlaces(sq, QuantityPlaces) || sq.GreaterThanOrEqual(maxQuantity) {
		es.Add(EINVALID, field, "{quantity} {unit} is {stock} in the stock unit, which is not a quantity of at most 4 decimals below 10,000,000,000",
			P{"quantity": q, "unit": c.Name, "stock": sq})
	}
}

// ProductUnitsInput sets a product's units all at once: its stock unit's
// rounding rule, the other units, and the default purchase and sales
// units (nil or "" for the stock unit).
type ProductUnitsInput struct {
	ProductID       int64
	StockUnitPlaces *int
	Units           []ProductUnitInput
	PurchaseUnit    *string
	SalesUnit       *string
}

// ProductUnitInput is one unit besides the stock unit.
type ProductUnitInput struct {
	Code    string
	NameEn  *string
	Factor  decimal.Decimal
	Places  int
	Barcode *string
}

// ValidateProductUnits returns every rule the input breaks against the
// product's stock unit (stockUnit, its name).
func ValidateProductUnits(in ProductUnitsInput, stockUnit string) error {
	var es Errors
	if in.StockUnitPlaces != nil && (*in.StockUnitPlaces < 0 || *in.StockUnitPlaces > QuantityPlaces) {
		es.Add(EINVALID, "input.stockUnitPlaces", "a unit allows 0 to 4 decimals")
	}
	if len(in.Units) > 20 {
		es.Add(EINVALID, "input.units", "a product may have at most 20 units")
	}
	seen := map[string]int{}
	codes := map[string]bool{}
	barcodes := map[string]int{}
	for i, u := range in.Units {
		f := fmt.Sprintf("input.units.%d.", i)
		code := strings.TrimSpace(u.Code)
		switch {
		case code == "" || utf8.RuneCountInString(code) > 20:
			es.Add(EINVALID, f+"code", "a unit's name must be 1 to 20 characters")
		case code == stockUnit:
			es.Add(EINVALID, f+"code", "{unit} is the stock unit; another unit needs another name", P{"unit": code})
		default:
			if j, dup := seen[code]; dup {
				es.Add(ECONFLICT, f+"code", "unit {unit} is listed twice (also at line {earlier})", P{"unit": code, "earlier": j + 1})
			}
			seen[code] = i
			codes[code] = true
		}
		if u.NameEn != nil && utf8.RuneCountInString(*u.NameEn) > 40 {
			es.Add(EINVALID, f+"nameEn", "a unit's English name may have at most 40 characters")
		}
		switch {
		case u.Factor.Sign() <= 0:
			es.Add(EINVALID, f+"factor", "the factor of unit {unit} must be > 0: it is how many {stockUnit} one {unit} holds", P{"unit": code, "stockUnit": stockUnit})
		case !hasPlaces(u.Factor, QuantityPlaces) || u.Factor.GreaterThanOrEqual(maxUnitFactor):
			es.Add(EINVALID, f+"factor", "the factor of unit {unit} may have at most 4 decimals and must be below 1,000,000", P{"unit": code})
		}
		if u.Places < 0 || u.Places > QuantityPlaces {
			es.Add(EINVALID, f+"places", "a unit allows 0 to 4 decimals")
		}
		if u.Barcode != nil {
			b := strings.TrimSpace(*u.Barcode)
			if !barcodePattern.MatchString(b) {
				es.Add(EINVALID, f+"barcode", "a barcode must be 4 to 40 characters of 0-9, A-Z, a-z or '-'")
			} else if j, dup := barcodes[b]; dup {
				es.Add(ECONFLICT, f+"barcode", "barcode {barcode} is listed twice (also at line {earlier})", P{"barcode": b, "earlier": j + 1})
			} else {
				barcodes[b] = i
			}
		}
	}
	for _, d := range []struct {
		field string
		v     *string
	}{{"input.purchaseUnit", in.PurchaseUnit}, {"input.salesUnit", in.SalesUnit}} {
		if d.v == nil {
			continue
		}
		v := strings.TrimSpace(*d.v)
		if v != "" && v != stockUnit && !codes[v] {
			es.Add(EINVALID, d.field, "{unit} is not one of the product's units", P{"unit": v})
		}
	}
	return es.Err()
}

// UnitService keeps products' units.
type UnitService interface {
	SetProductUnits(ctx context.Context, in ProductUnitsInput) (*UnitSet, error)
	ProductUnits(ctx context.Context, productIDs []int64) (map[int64]*UnitSet, error)
	// ScanBarcode finds what a scanned barcode names: a product's own
	// barcode (its stock unit, factor 1) or one of its units' barcodes.
	ScanBarcode(ctx context.Context, barcode string) (*BarcodeScan, error)
}

// BarcodeScan is what a scanned barcode names: the product and the unit
// one scan of it counts (Code "" and Factor 1 for the stock unit).
type BarcodeScan struct {
	Product *Product
	Code    string
	Unit    string
	Factor  decimal.Decimal
}

// StockQuantityOf converts q in the line's unit to the stock unit; nil
// when the line is in the stock unit.
func (l *PurchaseOrderLine) StockQuantityOf(q decimal.Decimal) *decimal.Decimal {
	return stockQuantityOf(l.UnitFactor, q)
}

// StockQuantity is the line's quantity in the stock unit.
func (l *PurchaseOrderLine) StockQuantity() decimal.Decimal {
	return factorOrOne(l.UnitFactor).Mul(l.Quantity)
}

func stockQuantityOf(factor, q decimal.Decimal) *decimal.Decimal {
	if factor.Sign() == 0 || factor.Equal(decimal.NewFromInt(1)) {
		return nil
	}
	sq := q.Mul(factor)
	return &sq
}

func factorOrOne(f decimal.Decimal) decimal.Decimal {
	if f.Sign() <= 0 {
		return decimal.NewFromInt(1)
	}
	return f
}

// StockQuantity is the sales line's quantity in the stock unit.
func (l *SalesOrderLine) StockQuantity() decimal.Decimal {
	return factorOrOne(l.UnitFactor).Mul(l.Quantity)
}

// InStockUnits converts a shipping plan made in the order lines' units
// to the stock unit where it touches stock: the reservation released and
// the quantities issued. The shipment's and order lines' own quantities
// stay in the lines' units.
func (p *ShippingPlan) InStockUnits(o *SalesOrder) {
	factor := map[int64]decimal.Decimal{}
	for _, l := range o.Lines {
		factor[l.ID] = factorOrOne(l.UnitFactor)
	}
	p.Release = map[StockKey]decimal.Decimal{}
	for i, l := range p.Lines {
		sq := l.Quantity.Mul(factorOrOne(factor[l.Line.OrderLineID]))
		k := StockKey{ProductID: l.Line.ProductID, WarehouseID: p.Issue.Lines[i].WarehouseID}
		p.Release[k] = p.Release[k].Sub(sq)
		p.Issue.Lines[i].Quantity = sq
	}
}

// InStockUnits converts the stock quantities a return puts back to the
// stock unit: factors are the order lines' factors by shipment line.
func (p *SalesReturnPlan) InStockUnits(factors map[int64]decimal.Decimal) {
	for i, r := range p.Lines {
		p.Posting.Lines[i].Quantity = r.Quantity.Mul(factorOrOne(factors[r.Line.ID]))
	}
}

// ReservableInUnit is how much of a line in unit factor (places decimals
// allowed) stock available in the stock unit can reserve: whole units of
// the line only.
func ReservableInUnit(available, factor decimal.Decimal, places int32) decimal.Decimal {
	f := factorOrOne(factor)
	if f.Equal(decimal.NewFromInt(1)) || available.Sign() <= 0 {
		return available
	}
	return available.DivRound(f, 8).Truncate(places)
}

// Factor is the line's unit factor, 1 for the stock unit.
func (l *SalesOrderLine) Factor() decimal.Decimal { return factorOrOne(l.UnitFactor) }

// StockUnitPrice is the line's price per stock unit, to 6 decimals.
func (l *PurchaseOrderLine) StockUnitPrice() decimal.Decimal {
	return l.UnitPrice.DivRound(factorOrOne(l.UnitFactor), UnitCostPlaces)
}
