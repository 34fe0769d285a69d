package jxc

import (
	"context"
	"fmt"
	"regexp"

	"github.com/shopspring/decimal"
)

// Bins and putaway (库位, issue 19): stock by bin inside a warehouse, the
// putaway suggestion for a receipt line, and the bin move (移库) that takes
// stock out of one bin and into another of the same warehouse at the
// warehouse's moving average (no journal entry: the value stays where it is).

// SourceBinMove is a move between bins.
const SourceBinMove SourceType = "BIN_MOVE"

// NumberBinMove numbers bin moves (YK-000001).
const NumberBinMove NumberingKind = "BIN_MOVE"

func init() { NumberingKinds = append(NumberingKinds, NumberBinMove) }

// RecordBinMove is a bin move's audit record type.
const RecordBinMove = "binMove"

// BinMove moves stock between bins of one warehouse.
type BinMove struct {
	Date        Date
	WarehouseID int64
	Note        string
	Lines       []BinMoveLine
}

// BinMoveLine is one product's move; FromLocationID nil takes stock that
// is not yet put away (a putaway).
type BinMoveLine struct {
	ProductID      int64
	FromLocationID *int64
	ToLocationID   int64
	Quantity       decimal.Decimal
}

// Day implements Event.
func (e *BinMove) Day() Date { return e.Date }

// Source implements Event.
func (e *BinMove) Source() SourceType { return SourceBinMove }

// Validate implements Event.
func (e *BinMove) Validate() error {
	var es Errors
	checkDescription(&es, "input.note", e.Note, false)
	checkLineCount(&es, len(e.Lines), 1, 200)
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if l.FromLocationID != nil && *l.FromLocationID == l.ToLocationID {
			es.Add(EINVALID, f+"toLocationId", "the target bin must differ from the bin the stock comes from")
		}
	}
	return es.Err()
}

// Needs implements Event.
func (e *BinMove) Needs() Needs {
	return Needs{Stock: stockKeys(e.Lines, func(l BinMoveLine) StockKey { return StockKey{l.ProductID, e.WarehouseID} })}
}

// Rules implements Event: per line a move out of the source bin and one
// into the target, of the same quantity and value (the warehouse's moving
// average); the warehouse balance is unchanged. The source bin's own
// quantity is checked by the store, which keeps the bin balances.
func (e *BinMove) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: T("bin move {note}", P{"note": e.Note})}
	for i, l := range e.Lines {
		k := StockKey{l.ProductID, e.WarehouseID}
		b := s.Balances[k]
		if l.Quantity.GreaterThan(b.OnHand) {
			es.Add(ECONFLICT, fmt.Sprintf("input.lines.%d.quantity", i), "only {onHand} of product {product} is in warehouse {warehouse}; cannot move {requested}",
				P{"onHand": b.OnHand, "product": s.sku(l.ProductID), "warehouse": s.warehouse(e.WarehouseID), "requested": l.Quantity})
			continue
		}
		v := b.IssueValue(l.Quantity)
		to := l.ToLocationID
		p.Moves = append(p.Moves,
			&StockMove{ProductID: l.ProductID, WarehouseID: e.WarehouseID, LocationID: l.FromLocationID, Quantity: l.Quantity.Neg(), Value: v.Neg(), PostingDate: e.Date},
			&StockMove{ProductID: l.ProductID, WarehouseID: e.WarehouseID, LocationID: &to, Quantity: l.Quantity, Value: v, PostingDate: e.Date})
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// BinMoveDocument is a posted bin move (YK-000001).
type BinMoveDocument struct {
	ID          int64                  `db:"id"`
	Number      string                 `db:"number"`
	WarehouseID int64                  `db:"warehouse_id"`
	PostingDate Date                   `db:"posting_date"`
	Note        string                 `db:"note"`
	Lines       []*BinMoveDocumentLine `db:"-"`
}

// BinMoveDocumentLine is one line of a posted bin move.
type BinMoveDocumentLine struct {
	LineNo         int             `db:"line_no"`
	ProductID      int64           `db:"product_id"`
	FromLocationID *int64          `db:"from_location_id"`
	ToLocationID   int64           `db:"to_location_id"`
	Quantity       decimal.Decimal `db:"quantity"`
	Value          decimal.Decimal `db:"value"`
}

// BinStock is what one bin (LocationID nil: not put away) holds of one
// product, valued at the warehouse's moving average.
type BinStock struct {
	ProductID   int64           `db:"product_id"`
	WarehouseID int64           `db:"warehouse_id"`
	LocationID  *int64          `db:"location_id"`
	Quantity    decimal.Decimal `db:"quantity"`
	Value       decimal.Decimal `db:"value"`
}

// BinStockFilter narrows binStock; nil fields do not filter.
type BinStockFilter struct {
	WarehouseID *int64
	LocationID  *int64
	ProductID   *int64
}

// PutawayLine is a receipt line to suggest a bin for.
type PutawayLine struct {
	ProductID int64
	Quantity  decimal.Decimal
}

// PutawayReason says why a bin is suggested.
type PutawayReason string

const (
	PutawayHoldsProduct PutawayReason = "HOLDS_PRODUCT" // the bin already holds the product (most stock first)
	PutawayZone         PutawayReason = "ZONE"          // an empty bin in the product's putaway zone
	PutawayEmptyBin     PutawayReason = "EMPTY_BIN"     // any empty bin
	PutawayNone         PutawayReason = "NONE"          // no bin to suggest
)

// PutawaySuggestion is the bin suggested for one line.
type PutawaySuggestion struct {
	ProductID  int64
	LocationID *int64
	Reason     PutawayReason
}

// BinService keeps stock by bin.
type BinService interface {
	PostBinMove(ctx context.Context, e BinMove) (*BinMoveDocument, error)
	BinMove(ctx context.Context, id int64) (*BinMoveDocument, error)
	BinMoveByNumber(ctx context.Context, number string) (*BinMoveDocument, error)
	BinStock(ctx context.Context, f BinStockFilter) ([]*BinStock, error)
	PutawaySuggestions(ctx context.Context, warehouseID int64, lines []PutawayLine) ([]*PutawaySuggestion, error)
	SetLocationZone(ctx context.Context, locationID int64, zone string) (*Location, error)
	SetProductPutawayZone(ctx context.Context, productID int64, zone string) error
	ProductPutawayZone(ctx context.Context, productID int64) (string, error)
}

// CheckZone: a zone is up to 20 letters, digits, dots, dashes or underscores.
func CheckZone(es *Errors, field, zone string) {
	if len(zone) > 20 || !zonePattern.MatchString(zone) {
		es.Add(EINVALID, field, "zone {zone} must be up to 20 letters, digits, dots, dashes or underscores", P{"zone": zone})
	}
}

var zonePattern = regexp.MustCompile(`^[A-Za-z0-9._-]*$`)

// RuleBinBalance: per product and warehouse, the bins (and what is not put
// away) add up to the warehouse's stock on hand, none negative (booksCheck).
const RuleBinBalance BooksRule = "BIN_BALANCE"
