package jxc

import (
	"context"
	"regexp"
	"time"

	"github.com/shopspring/decimal"
)

// DefaultVATRate is the VAT rate a new product gets unless told otherwise.
var DefaultVATRate = decimal.RequireFromString("0.13")

// Category groups products for reports and stock levels.
type Category struct {
	ID     int64  `db:"id"`
	Code   string `db:"code"`
	Name   string `db:"name"`
	NameEn string `db:"name_en"`
	Active bool   `db:"active"`
}

// Product is something the company buys, stocks and sells.
type Product struct {
	ID           int64           `db:"id"`
	SKU          string          `db:"sku"`
	Name         string          `db:"name"`
	NameEn       string          `db:"name_en"`
	Barcodes     []string        `db:"-"`
	Unit         string          `db:"unit"`
	CategoryID   *int64          `db:"category_id"`
	Category     *Category       `db:"-"`
	SellPrice    decimal.Decimal `db:"sell_price"`
	VATRate      decimal.Decimal `db:"vat_rate"`
	SafetyStock  decimal.Decimal `db:"safety_stock"`
	ReorderPoint decimal.Decimal `db:"reorder_point"`
	ReorderQty   decimal.Decimal `db:"reorder_qty"`
	LeadTimeDays int             `db:"lead_time_days"`
	Active       bool            `db:"active"`
	CreatedAt    time.Time       `db:"created_at"`
	UpdatedAt    time.Time       `db:"updated_at"`
}

// Warehouse is a place that holds stock, with bin locations inside it.
type Warehouse struct {
	ID        int64       `db:"id"`
	Code      string      `db:"code"`
	Name      string      `db:"name"`
	Region    string      `db:"region"`
	Address   string      `db:"address"`
	Active    bool        `db:"active"`
	Locations []*Location `db:"-"`
}

// Location is a bin inside a warehouse.
type Location struct {
	ID          int64  `db:"id"`
	WarehouseID int64  `db:"warehouse_id"`
	Code        string `db:"code"`
	Name        string `db:"name"`
	Active      bool   `db:"active"`
	Zone        string `db:"zone"` // the bin's zone (bins.go), "" for none
}

// CategoryInput creates a category.
type CategoryInput struct {
	Code   string
	Name   string
	NameEn *string
}

// CategoryUpdate changes a category; nil fields stay as they are.
type CategoryUpdate struct {
	ID     int64
	Name   *string
	NameEn *string
	Active *bool
}

// ProductInput creates a product. Planning fields and the VAT rate default
// when nil.
type ProductInput struct {
	SKU          string
	Name         string
	NameEn       *string
	Barcodes     []string
	Unit         string
	CategoryID   *int64
	SellPrice    *decimal.Decimal
	VATRate      *decimal.Decimal
	SafetyStock  *decimal.Decimal
	ReorderPoint *decimal.Decimal
	ReorderQty   *decimal.Decimal
	LeadTimeDays *int
}

// ProductUpdate changes a product; nil fields stay as they are. Barcodes,
// when given, replace the whole list.
type ProductUpdate struct {
	ID           int64
	SKU          *string
	Name         *string
	NameEn       *string
	Barcodes     []string
	Unit         *string
	CategoryID   *int64
	SellPrice    *decimal.Decimal
	VATRate      *decimal.Decimal
	SafetyStock  *decimal.Decimal
	ReorderPoint *decimal.Decimal
	ReorderQty   *decimal.Decimal
	LeadTimeDays *int
	Active       *bool
}

// WarehouseInput creates a warehouse.
type WarehouseInput struct {
	Code    string
	Name    string
	Region  *string
	Address *string
}

// WarehouseUpdate changes a warehouse; nil fields stay as they are.
type WarehouseUpdate struct {
	ID      int64
	Name    *string
	Region  *string
	Address *string
	Active  *bool
}

// LocationInput creates a bin in a warehouse.
type LocationInput struct {
	WarehouseID int64
	Code        string
	Name        *string
}

// LocationUpdate changes a bin; nil fields stay as they are.
type LocationUpdate struct {
	ID     int64
	Name   *string
	Active *bool
}

// ProductFilter narrows the product list; empty fields do not filter.
type ProductFilter struct {
	Search     *string // part of the SKU, either name, or a whole barcode
	CategoryID *int64
	Active     *bool
}

// ProductOrderField is what the product list can be sorted by.
type ProductOrderField string

const (
	ProductOrderSKU       ProductOrderField = "SKU"
	ProductOrderName      ProductOrderField = "NAME"
	ProductOrderCreatedAt ProductOrderField = "CREATED_AT"
)

// ProductOrder sorts the product list.
type ProductOrder struct {
	Field     ProductOrderField
	Direction SortDirection
}

// WarehouseFilter narrows the warehouse list.
type WarehouseFilter struct {
	Search *string
	Region *string
	Active *bool
}

// WarehouseOrderField is what the warehouse list can be sorted by.
type WarehouseOrderField string

const (
	WarehouseOrderCode   WarehouseOrderField = "CODE"
	WarehouseOrderName   WarehouseOrderField = "NAME"
	WarehouseOrderRegion WarehouseOrderField = "REGION"
)

// WarehouseOrder sorts the warehouse list.
type WarehouseOrder struct {
	Field     WarehouseOrderField
	Direction SortDirection
}

// CatalogService keeps the master data: categories, products, warehouses and bins.
type CatalogService interface {
	CreateCategory(ctx context.Context, in CategoryInput) (*Category, error)
	UpdateCategory(ctx context.Context, in CategoryUpdate) (*Category, error)
	FindCategories(ctx context.Context, includeInactive bool) ([]*Category, error)

	CreateProduct(ctx context.Context, in ProductInput) (*Product, error)
	UpdateProduct(ctx context.Context, in ProductUpdate) (*Product, error)
	FindProducts(ctx context.Context, f ProductFilter, o *ProductOrder, p PageArgs) (*Page[*Product], error)
	FindProductByID(ctx context.Context, id int64) (*Product, error)
	FindProductByBarcode(ctx context.Context, barcode string) (*Product, error)

	CreateWarehouse(ctx context.Context, in WarehouseInput) (*Warehouse, error)
	UpdateWarehouse(ctx context.Context, in WarehouseUpdate) (*Warehouse, error)
	FindWarehouses(ctx context.Context, f WarehouseFilter, o *WarehouseOrder, p PageArgs) (*Page[*Warehouse], error)
	FindWarehouseByID(ctx context.Context, id int64) (*Warehouse, error)
	CreateLocation(ctx context.Context, in LocationInput) (*Location, error)
	UpdateLocation(ctx context.Context, in LocationUpdate) (*Location, error)
}

var (
	codePattern    = regexp.MustCompile(`^[A-Za-z0-9._-]{1,40}$`)
	barcodePattern = regexp.MustCompile(`^[0-9A-Za-z-]{4,40}$`)
)

// ValidateCategoryInput returns every rule the input breaks: its code's
// and those of an update that gives every field.
func ValidateCategoryInput(in CategoryInput) error {
	return withCode(in.Code, ValidateCategoryUpdate(CategoryUpdate{Name: &in.Name, NameEn: in.NameEn}))
}

// ValidateCategoryUpdate returns every rule the update breaks.
func ValidateCategoryUpdate(in CategoryUpdate) error {
	var es Errors
	checkOptText(&es, "input.name", "name", in.Name, 1, 100)
	checkOptText(&es, "input.nameEn", "English name", in.NameEn, 0, 100)
	return es.Err()
}

// withCode puts the check of a new record's code before those of its
// other fields.
func withCode(code string, fields error) error {
	var es Errors
	checkCode(&es, "input.code", "code", code)
	more, _ := AsErrors(fields)
	return append(es, more...).Err()
}

func checkBarcodes(es *Errors, field string, codes []string) {
	seen := map[string]int{}
	for i, b := range codes {
		f := field + "." + itoa(i)
		if !barcodePattern.MatchString(b) {
			es.Add(EINVALID, f, "a barcode must be 4 to 40 characters of 0-9, A-Z, a-z or '-'")
		}
		if j, dup := seen[b]; dup {
			es.Add(ECONFLICT, f, "barcode {barcode} is listed twice (also at line {earlier})", P{"barcode": b, "earlier": j + 1})
		}
		seen[b] = i
	}
	if len(codes) > 20 {
		es.Add(EINVALID, field, "a product may have at most 20 barcodes")
	}
}

func checkPlanning(es *Errors, vat, safety, reorderPoint, reorderQty *decimal.Decimal, lead *int) {
	if vat != nil && (vat.Sign() < 0 || vat.GreaterThanOrEqual(decimal.NewFromInt(1)) || !hasPlaces(*vat, 4)) {
		es.Add(EINVALID, "input.vatRate", "VAT rate must be a fraction from 0 to below 1 with at most 4 decimals, such as 0.13")
	}
	for _, q := range []struct {
		field string
		v     *decimal.Decimal
	}{{"input.safetyStock", safety}, {"input.reorderPoint", reorderPoint}, {"input.reorderQuantity", reorderQty}} {
		if q.v == nil {
			continue
		}
		if q.v.Sign() < 0 || !hasPlaces(*q.v, QuantityPlaces) || q.v.GreaterThanOrEqual(maxQuantity) {
			es.Add(EINVALID, q.field, "must be a quantity >= 0 with at most 4 decimals")
		}
	}
	if lead != nil && (*lead < 0 || *lead > 3650) {
		es.Add(EINVALID, "input.leadTimeDays", "lead time must be 0 to 3650 days")
	}
}

// ValidateProductInput returns every rule the input breaks: those of an
// update that gives every field.
func ValidateProductInput(in ProductInput) error {
	return ValidateProductUpdate(ProductUpdate{
		SKU: &in.SKU, Name: &in.Name, NameEn: in.NameEn, Barcodes: in.Barcodes, Unit: &in.Unit,
		CategoryID: in.CategoryID, SellPrice: in.SellPrice, VATRate: in.VATRate, SafetyStock: in.SafetyStock,
		ReorderPoint: in.ReorderPoint, ReorderQty: in.ReorderQty, LeadTimeDays: in.LeadTimeDays,
	})
}

// ValidateProductUpdate returns every rule the update breaks.
func ValidateProductUpdate(in ProductUpdate) error {
	var es Errors
	if in.SKU != nil {
		checkCode(&es, "input.sku", "SKU", *in.SKU)
	}
	checkOptText(&es, "input.name", "name", in.Name, 1, 200)
	checkOptText(&es, "input.nameEn", "English name", in.NameEn, 0, 200)
	checkOptText(&es, "input.unit", "unit", in.Unit, 1, 20)
	checkBarcodes(&es, "input.barcodes", in.Barcodes)
	if in.SellPrice != nil {
		CheckMoney(&es, "input.sellPrice", *in.SellPrice)
	}
	checkPlanning(&es, in.VATRate, in.SafetyStock, in.ReorderPoint, in.ReorderQty, in.LeadTimeDays)
	return es.Err()
}

// ValidateWarehouseInput returns every rule the input breaks: its code's
// and those of an update that gives every field.
func ValidateWarehouseInput(in WarehouseInput) error {
	return withCode(in.Code, ValidateWarehouseUpdate(WarehouseUpdate{Name: &in.Name, Region: in.Region, Address: in.Address}))
}

// ValidateWarehouseUpdate returns every rule the update breaks.
func ValidateWarehouseUpdate(in WarehouseUpdate) error {
	var es Errors
	checkOptText(&es, "input.name", "name", in.Name, 1, 100)
	checkOptText(&es, "input.region", "region", in.Region, 0, 50)
	checkOptText(&es, "input.address", "address", in.Address, 0, 300)
	return es.Err()
}

// ValidateLocationInput returns every rule the input breaks.
func ValidateLocationInput(in LocationInput) error {
	var es Errors
	checkCode(&es, "input.code", "code", in.Code)
	checkOptText(&es, "input.name", "name", in.Name, 0, 100)
	return es.Err()
}
