package jxc

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// StockKey names one stock balance: a product in a warehouse.
type StockKey struct {
	ProductID   int64
	WarehouseID int64
}

// Less orders keys by product then warehouse: the order in which balances
// are locked, so concurrent postings never deadlock.
func (k StockKey) Less(o StockKey) bool {
	if k.ProductID != o.ProductID {
		return k.ProductID < o.ProductID
	}
	return k.WarehouseID < o.WarehouseID
}

// StockBalance is a product's stock in one warehouse. It is also the cost
// pool of the moving average: value is kept, not a unit cost, so value is
// 0 exactly when on hand is 0.
//
// The average is kept per product per warehouse, not company-wide: DOMAIN.md's
// "each product holds (qty, value)" applied to each warehouse's balance. With
// one company-wide pool, an issue from one warehouse would take value that
// another warehouse's stock paid for, and a warehouse could show value with
// nothing on hand (or a negative value). Per warehouse, every balance row
// obeys value = 0 exactly when on hand = 0, the inventory account equals the
// sum of the rows to the cent, and a later transfer moves value at the
// source's average. A product's company-wide average is the sum of its values
// over the sum of its quantities.
type StockBalance struct {
	ProductID   int64           `db:"product_id"`
	WarehouseID int64           `db:"warehouse_id"`
	OnHand      decimal.Decimal `db:"on_hand"`
	Reserved    decimal.Decimal `db:"reserved"`
	Value       decimal.Decimal `db:"value"`
}

// Key returns the balance's key.
func (b StockBalance) Key() StockKey { return StockKey{b.ProductID, b.WarehouseID} }

// Available is what may be issued: on hand less what is reserved for orders.
func (b StockBalance) Available() decimal.Decimal { return b.OnHand.Sub(b.Reserved) }

// AverageCost is value / on hand to 6 decimals, or zero with no stock.
func (b StockBalance) AverageCost() decimal.Decimal {
	if b.OnHand.Sign() <= 0 {
		return decimal.Zero
	}
	return DivRound(b.Value, b.OnHand, UnitCostPlaces)
}

// IssueValue is the value that an issue of q takes out of the pool:
// round(q x value / on hand, 2), or the whole value when q empties it, and
// never more than leaves a cent behind when stock remains and the pool had
// a cent to leave: value and quantity vanish together (DOMAIN.md), both
// ways. (10000 @ 0.0001 is a pool of 1.00; an issue of 9999.9999 would
// round to 1.00 and leave 0.0001 on hand at no value; it takes 0.99.) A
// pool that came in at no cost stays at 0 for its quantity.
func (b StockBalance) IssueValue(q decimal.Decimal) decimal.Decimal {
	if q.Equal(b.OnHand) {
		return b.Value
	}
	v := DivRound(q.Mul(b.Value), b.OnHand, MoneyPlaces)
	if keep := b.Value.Sub(centValue); b.Value.Sign() > 0 && v.GreaterThan(keep) {
		return keep
	}
	return v
}

var centValue = decimal.New(1, -MoneyPlaces)

// StockLevel is a balance with its product and warehouse, for lists.
type StockLevel struct {
	StockBalance
	// InTransitIn is what open transfers are bringing to the warehouse.
	InTransitIn decimal.Decimal `db:"in_transit_in"`
	Product     *Product        `db:"-"`
	Warehouse   *Warehouse      `db:"-"`
}

// StockMove is one immutable change of stock: signed quantity and value.
type StockMove struct {
	ID             int64           `db:"id"`
	ProductID      int64           `db:"product_id"`
	WarehouseID    int64           `db:"warehouse_id"`
	LocationID     *int64          `db:"location_id"`
	Quantity       decimal.Decimal `db:"quantity"`
	Value          decimal.Decimal `db:"value"`
	PostingDate    Date            `db:"posting_date"`
	SourceType     SourceType      `db:"source_type"`
	SourceID       int64           `db:"source_id"`
	JournalEntryID *int64          `db:"journal_entry_id"`
	// BatchID is the batch of a batch-tracked product's move (batches.go).
	BatchID *int64 `db:"batch_id"`
	// VoucherNo is the journal entry's voucher number.
	VoucherNo *string    `db:"voucher_no"`
	CreatedAt time.Time  `db:"created_at"`
	Product   *Product   `db:"-"`
	Warehouse *Warehouse `db:"-"`
	Location  *Location  `db:"-"`
}

// Source is the document that caused the move.
func (m *StockMove) Source() Source {
	id := m.SourceID
	return Source{Type: m.SourceType, ID: &id}
}

// StockDocumentKind is what a stock document records.
type StockDocumentKind string

const (
	DocOpeningStock  StockDocumentKind = "OPENING_STOCK"
	DocCountVariance StockDocumentKind = "COUNT_VARIANCE"
	DocScrap         StockDocumentKind = "SCRAP"
)

// StockDocument is an opening stock or stock adjustment document, the
// source of its stock moves and journal entry.
type StockDocument struct {
	ID int64 `db:"id"`
	// Number is the business number: OS-000001 (opening stock) or ADJ-000004 (an adjustment).
	Number         string            `db:"number"`
	Kind           StockDocumentKind `db:"kind"`
	PostingDate    Date              `db:"posting_date"`
	Description    string            `db:"description"`
	JournalEntryID *int64            `db:"journal_entry_id"`
	// VoucherNo is the journal entry's voucher number.
	VoucherNo   *string              `db:"voucher_no"`
	CreatedByID *int64               `db:"created_by"`
	CreatedAt   time.Time            `db:"created_at"`
	Lines       []*StockDocumentLine `db:"-"`
}

// StockDocumentNumber is the business number of a stock document of a kind
// with an id: OS-000001 for opening stock, ADJ-000004 for an adjustment.
func StockDocumentNumber(kind StockDocumentKind, id int64) string {
	prefix := "ADJ-"
	if kind == DocOpeningStock {
		prefix = "OS-"
	}
	return fmt.Sprintf("%s%06d", prefix, id)
}

// SourceType is the source type its moves and entry carry.
func (d *StockDocument) SourceType() SourceType {
	if d.Kind == DocOpeningStock {
		return SourceOpeningStock
	}
	return SourceStockAdjustment
}

// StockDocumentLine is one product's change on a stock document.
type StockDocumentLine struct {
	LineNo      int              `db:"line_no"`
	ProductID   int64            `db:"product_id"`
	WarehouseID int64            `db:"warehouse_id"`
	LocationID  *int64           `db:"location_id"`
	Quantity    decimal.Decimal  `db:"quantity"` // signed: < 0 takes stock out
	UnitCost    *decimal.Decimal `db:"unit_cost"`
	Value       decimal.Decimal  `db:"value"` // signed, as posted
	Product     *Product         `db:"-"`
	Warehouse   *Warehouse       `db:"-"`
	Location    *Location        `db:"-"`
}

// StockLevelFilter narrows stock levels; empty fields do not filter.
type StockLevelFilter struct {
	ProductID   *int64
	WarehouseID *int64
	CategoryID  *int64
	Region      *string
	// InStock true keeps balances with stock on hand only.
	InStock *bool
	// BelowReorderPoint keeps products whose available stock is under their reorder point.
	BelowReorderPoint *bool
}

// StockLevelOrderField is what stock levels can be sorted by.
type StockLevelOrderField string

const (
	StockOrderSKU       StockLevelOrderField = "SKU"
	StockOrderWarehouse StockLevelOrderField = "WAREHOUSE"
	StockOrderOnHand    StockLevelOrderField = "ON_HAND"
	StockOrderValue     StockLevelOrderField = "VALUE"
)

// StockLevelOrder sorts stock levels.
type StockLevelOrder struct {
	Field     StockLevelOrderField
	Direction SortDirection
}

// StockMoveFilter narrows stock moves; empty fields do not filter.
type StockMoveFilter struct {
	ProductID   *int64
	WarehouseID *int64
	SourceType  *SourceType
	SourceID    *int64
	DateFrom    *Date
	DateTo      *Date
	Search      *string // part of the product's SKU or name
}

// StockMoveOrder sorts stock moves (by posting date when Field is empty), then by id.
type StockMoveOrder struct {
	Field     StockMoveOrderField
	Direction SortDirection
}

// StockMoveOrderField is what stock moves can be sorted by.
type StockMoveOrderField string

// StockService posts stock documents through the posting engine and lists stock.
type StockService interface {
	PostOpeningStock(ctx context.Context, e OpeningStock) (*StockDocument, error)
	PostStockAdjustment(ctx context.Context, e StockAdjustment) (*StockDocument, error)
	FindStockDocument(ctx context.Context, id int64) (*StockDocument, error)
	FindStockLevels(ctx context.Context, f StockLevelFilter, o *StockLevelOrder, p PageArgs) (*Page[*StockLevel], error)
	FindStockMoves(ctx context.Context, f StockMoveFilter, o *StockMoveOrder, p PageArgs) (*Page[*StockMove], error)
	// StockValueSummary totals stock by category, warehouse or region.
	StockValueSummary(ctx context.Context, by StockGroupBy) ([]*StockValueGroup, error)
}

// StockGroupBy is what stock value is totalled by.
type StockGroupBy string

const (
	StockByCategory  StockGroupBy = "CATEGORY"
	StockByWarehouse StockGroupBy = "WAREHOUSE"
	StockByRegion    StockGroupBy = "REGION"
)

// StockValueGroup is the stock of one category, warehouse or region.
type StockValueGroup struct {
	Key     string          `db:"key"`
	Label   string          `db:"label"`
	LabelEn string          `db:"label_en"`
	OnHand  decimal.Decimal `db:"on_hand"`
	Value   decimal.Decimal `db:"value"`
}
