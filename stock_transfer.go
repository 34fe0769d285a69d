package jxc

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Stock transfers (调拨) between two warehouses, with the goods in transit
// between shipping and receiving (DOMAIN.md): shipping takes the stock out
// of the source at its moving-average value into goods in transit 1402
// (Dr 1402 / Cr 1405); each receipt brings its share of a line's in-transit
// value into the destination (Dr 1405 / Cr 1402), the last one of a line
// what is left; a shortfall settled writes the rest off to 6711 (LOSS) or
// claims it from the carrier on 1221 (CARRIER_CLAIM). The company's
// valuation is unchanged by the move itself.

// SourceStockTransfer is the source of every posting of a transfer.
const SourceStockTransfer SourceType = "STOCK_TRANSFER"

// AccountOtherReceivables takes a carrier's claim for goods lost in transit.
const AccountOtherReceivables = "1221"

// RecordStockTransfer is the audit record type of a transfer.
const RecordStockTransfer = "stockTransfer"

// NumberStockTransfer numbers transfers (TR-000001).
const NumberStockTransfer NumberingKind = "STOCK_TRANSFER"

// TransferStatus is where a transfer stands.
type TransferStatus string

// The transfer statuses.
const (
	TransferDraft             TransferStatus = "DRAFT"
	TransferShipped           TransferStatus = "SHIPPED"
	TransferPartiallyReceived TransferStatus = "PARTIALLY_RECEIVED"
	TransferReceived          TransferStatus = "RECEIVED"
	TransferClosed            TransferStatus = "CLOSED"
	TransferCancelled         TransferStatus = "CANCELLED"
)

// ShortfallReason says where the value of goods that never arrived goes.
type ShortfallReason string

// The shortfall reasons.
const (
	ShortfallLoss         ShortfallReason = "LOSS"          // Dr 6711
	ShortfallCarrierClaim ShortfallReason = "CARRIER_CLAIM" // Dr 1221, the carrier named
)

// StockTransfer is a transfer with its lines.
type StockTransfer struct {
	ID              int64          `db:"id"`
	Number          string         `db:"number"`
	FromWarehouseID int64          `db:"from_warehouse_id"`
	ToWarehouseID   int64          `db:"to_warehouse_id"`
	Status          TransferStatus `db:"status"`
	TransferDate    Date           `db:"transfer_date"`
	ShippedDate     *Date          `db:"shipped_date"`
	Carrier         string         `db:"carrier"`
	Notes           string         `db:"notes"`
	ShipEntryID     *int64         `db:"ship_entry_id"`
	ShipVoucherNo   *string        `db:"ship_voucher_no"`
	CreatedAt       time.Time      `db:"created_at"`
	ShippedAt       *time.Time     `db:"shipped_at"`
	ClosedAt        *time.Time     `db:"closed_at"`
	// InTransitQuantity and InTransitValue sum the lines'.
	InTransitQuantity decimal.Decimal `db:"in_transit_qty"`
	InTransitValue    decimal.Decimal `db:"in_transit_value"`

	FromWarehouse *Warehouse            `db:"-"`
	ToWarehouse   *Warehouse            `db:"-"`
	Lines         []*StockTransferLine  `db:"-"`
	Events        []*StockTransferEvent `db:"-"`
}

// StockTransferLine is one product of a transfer.
type StockTransferLine struct {
	TransferID     int64            `db:"transfer_id"`
	LineNo         int              `db:"line_no"`
	ProductID      int64            `db:"product_id"`
	FromLocationID *int64           `db:"from_location_id"`
	ToLocationID   *int64           `db:"to_location_id"`
	Quantity       decimal.Decimal  `db:"quantity"`
	ShippedQty     decimal.Decimal  `db:"shipped_qty"`
	ShippedValue   decimal.Decimal  `db:"shipped_value"`
	ReceivedQty    decimal.Decimal  `db:"received_qty"`
	ReceivedValue  decimal.Decimal  `db:"received_value"`
	ShortQty       decimal.Decimal  `db:"short_qty"`
	ShortValue     decimal.Decimal  `db:"short_value"`
	ShortReason    *ShortfallReason `db:"short_reason"`

	Product      *Product  `db:"-"`
	FromLocation *Location `db:"-"`
	ToLocation   *Location `db:"-"`
}

// InTransitQty is what was shipped and neither received nor settled short.
func (l *StockTransferLine) InTransitQty() decimal.Decimal {
	return l.ShippedQty.Sub(l.ReceivedQty).Sub(l.ShortQty)
}

// InTransitValue is the value of InTransitQty.
func (l *StockTransferLine) InTransitValue() decimal.Decimal {
	return l.ShippedValue.Sub(l.ReceivedValue).Sub(l.ShortValue)
}

// ShareOf is the in-transit value that q of the line takes: its
// proportional share, rounded half-up to the cent, or all that is left
// when q is the whole quantity in transit (so 1402 returns to exactly 0).
func (l *StockTransferLine) ShareOf(q decimal.Decimal) decimal.Decimal {
	left, value := l.InTransitQty(), l.InTransitValue()
	if q.Equal(left) || left.Sign() <= 0 {
		return value
	}
	return DivRound(q.Mul(value), left, MoneyPlaces)
}

// StockTransferEvent is a receipt or a settled shortfall of a transfer.
type StockTransferEvent struct {
	ID             int64            `db:"id"`
	TransferID     int64            `db:"transfer_id"`
	Kind           string           `db:"kind"`
	EventDate      Date             `db:"event_date"`
	Reason         *ShortfallReason `db:"reason"`
	Carrier        string           `db:"carrier"`
	JournalEntryID *int64           `db:"journal_entry_id"`
	VoucherNo      *string          `db:"voucher_no"`
	CreatedAt      time.Time        `db:"created_at"`
	Quantity       decimal.Decimal  `db:"quantity"`
	Value          decimal.Decimal  `db:"value"`
}

// StockTransferInput creates a draft transfer.
type StockTransferInput struct {
	FromWarehouseID int64
	ToWarehouseID   int64
	TransferDate    *Date
	Carrier         *string
	Notes           *string
	Lines           []StockTransferLineInput
	IdempotencyKey  *string
}

// StockTransferLineInput is one product to transfer.
type StockTransferLineInput struct {
	ProductID      int64
	Quantity       decimal.Decimal
	FromLocationID *int64
	ToLocationID   *int64
}

// ShipStockTransferInput ships a draft transfer whole.
type ShipStockTransferInput struct {
	Number         string
	ShipDate       *Date
	Carrier        *string
	IdempotencyKey *string
}

// ReceiveStockTransferInput receives some of what is in transit.
type ReceiveStockTransferInput struct {
	Number         string
	ReceiptDate    *Date
	Lines          []TransferQuantityInput
	IdempotencyKey *string
}

// TransferQuantityInput is a quantity of one transfer line.
type TransferQuantityInput struct {
	LineNo   int
	Quantity decimal.Decimal
}

// SettleTransferShortfallInput closes lines (all open ones when none are
// given) with the rest not arrived.
type SettleTransferShortfallInput struct {
	Number         string
	Date           *Date
	Reason         ShortfallReason
	Carrier        *string
	LineNos        []int
	IdempotencyKey *string
}

// StockTransferFilter narrows the transfer list; empty fields do not filter.
type StockTransferFilter struct {
	Statuses    []TransferStatus
	WarehouseID *int64
	// InTransit: only transfers with something in transit.
	InTransit *bool
	DateFrom  *Date
	DateTo    *Date
	Search    *string
}

// StockTransferOrderField is what the transfer list can be sorted by.
type StockTransferOrderField string

// The transfer list's sort fields.
const (
	TransferOrderDate   StockTransferOrderField = "DATE"
	TransferOrderNumber StockTransferOrderField = "NUMBER"
)

// StockTransferOrder sorts the transfer list.
type StockTransferOrder struct {
	Field     StockTransferOrderField
	Direction SortDirection
}

// StockTransferService keeps transfers.
type StockTransferService interface {
	CreateStockTransfer(ctx context.Context, in StockTransferInput) (*StockTransfer, error)
	ShipStockTransfer(ctx context.Context, in ShipStockTransferInput) (*StockTransfer, error)
	ReceiveStockTransfer(ctx context.Context, in ReceiveStockTransferInput) (*StockTransfer, error)
	SettleTransferShortfall(ctx context.Context, in SettleTransferShortfallInput) (*StockTransfer, error)
	CancelStockTransfer(ctx context.Context, number string) (*StockTransfer, error)
	FindStockTransfer(ctx context.Context, number string) (*StockTransfer, error)
	FindStockTransfers(ctx context.Context, f StockTransferFilter, o *StockTransferOrder, p PageArgs) (*Page[*StockTransfer], error)
}

// ValidateStockTransferInput checks a new transfer on its own.
func ValidateStockTransferInput(in StockTransferInput) error {
	var es Errors
	if in.FromWarehouseID == in.ToWarehouseID && in.FromWarehouseID != 0 {
		es.Add(EINVALID, "input.toWarehouseId", "a transfer goes to another warehouse than the one it leaves")
	}
	if in.Carrier != nil {
		checkText(&es, "input.carrier", "carrier", *in.Carrier, 0, 100)
	}
	if in.Notes != nil {
		checkText(&es, "input.notes", "notes", *in.Notes, 0, 500)
	}
	checkLineCount(&es, len(in.Lines), 1, 500)
	seen := map[int64]int{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if j, ok := seen[l.ProductID]; ok {
			es.Add(EINVALID, f+"productId", "line {line} transfers the same product as line {earlier}; give one line per product", P{"line": i + 1, "earlier": j + 1})
		} else {
			seen[l.ProductID] = i
		}
	}
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

// ValidateTransferQuantities checks the lines of a receipt against the
// transfer: each line once, a quantity above 0 and at most what is in
// transit on it.
func ValidateTransferQuantities(t *StockTransfer, lines []TransferQuantityInput) error {
	var es Errors
	checkLineCount(&es, len(lines), 1, 500)
	seen := map[int]int{}
	for i, l := range lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if j, ok := seen[l.LineNo]; ok {
			es.Add(EINVALID, f+"lineNo", "line {line} names the same transfer line as line {earlier}", P{"line": i + 1, "earlier": j + 1})
			continue
		}
		seen[l.LineNo] = i
		tl := t.Line(l.LineNo)
		if tl == nil {
			es.Add(ENOTFOUND, f+"lineNo", "transfer {number} has no line {lineNo}", P{"number": t.Number, "lineNo": l.LineNo})
			continue
		}
		if l.Quantity.GreaterThan(tl.InTransitQty()) {
			es.Add(EINVALID, f+"quantity", "only {inTransit} of line {lineNo} is in transit; cannot receive {requested}",
				P{"inTransit": tl.InTransitQty(), "lineNo": l.LineNo, "requested": l.Quantity})
		}
	}
	return es.Err()
}

// Line is the transfer's line lineNo, nil when there is none.
func (t *StockTransfer) Line(lineNo int) *StockTransferLine {
	for _, l := range t.Lines {
		if l.LineNo == lineNo {
			return l
		}
	}
	return nil
}

// CheckTransferStatus refuses an operation on a transfer not in one of the
// statuses it needs.
func CheckTransferStatus(t *StockTransfer, field string, action Noun, want ...TransferStatus) error {
	for _, w := range want {
		if t.Status == w {
			return nil
		}
	}
	return FieldErrorf(ECONFLICT, field, "transfer {number} is {status}; it cannot be {action}", P{"number": t.Number, "status": string(t.Status), "action": action})
}

// CheckShortfall checks a shortfall's reason and carrier.
func CheckShortfall(in SettleTransferShortfallInput) error {
	var es Errors
	switch in.Reason {
	case ShortfallLoss:
	case ShortfallCarrierClaim:
		if in.Carrier == nil || strings.TrimSpace(*in.Carrier) == "" {
			es.Add(EINVALID, "input.carrier", "a carrier claim names the carrier")
		}
	default:
		es.Add(EINVALID, "input.reason", "unknown reason {reason}", P{"reason": string(in.Reason)})
	}
	if in.Carrier != nil {
		checkText(&es, "input.carrier", "carrier", *in.Carrier, 0, 100)
	}
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

// TransferShipPosting takes a transfer's lines out of the source warehouse
// at moving-average value into goods in transit: Dr 1402 / Cr 1405.
type TransferShipPosting struct {
	Date        Date
	Number      string
	WarehouseID int64
	Lines       []TransferPostingLine
}

// TransferPostingLine is one line's quantity (and, received, its value).
type TransferPostingLine struct {
	Field      string // "input.lines.N."
	ProductID  int64
	LocationID *int64
	Quantity   decimal.Decimal
	Value      decimal.Decimal
}

// Day implements Event.
func (e *TransferShipPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *TransferShipPosting) Source() SourceType { return SourceStockTransfer }

// Validate implements Event.
func (e *TransferShipPosting) Validate() error {
	var es Errors
	checkLineCount(&es, len(e.Lines), 1, 500)
	for _, l := range e.Lines {
		CheckQuantity(&es, l.Field+"quantity", l.Quantity)
	}
	return es.Err()
}

// Needs implements Event.
func (e *TransferShipPosting) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l TransferPostingLine) StockKey { return StockKey{l.ProductID, e.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountGoodsInTransit},
	}
}

// Rules implements Event.
func (e *TransferShipPosting) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: T("transfer {number} shipped", P{"number": e.Number})}
	var book lineBook
	for _, l := range e.Lines {
		k := StockKey{l.ProductID, e.WarehouseID}
		if !s.checkDate(&es, "input.shipDate", l.ProductID, e.Date) {
			continue
		}
		m := s.issue(&es, l.Field+"quantity", k, l.LocationID, l.Quantity, e.Date)
		if m == nil {
			continue
		}
		p.Moves = append(p.Moves, m)
		book.debit(AccountGoodsInTransit, m.Value.Neg(), T("goods in transit"))
		book.stockCredit(l.ProductID, m.Value.Neg(), T("transfer out"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	p.Lines = book.lines
	return p, nil
}

// TransferReceivePosting brings received quantities into the destination
// at their share of the in-transit value: Dr 1405 / Cr 1402.
type TransferReceivePosting struct {
	Date        Date
	Number      string
	WarehouseID int64
	Lines       []TransferPostingLine
}

// Day implements Event.
func (e *TransferReceivePosting) Day() Date { return e.Date }

// Source implements Event.
func (e *TransferReceivePosting) Source() SourceType { return SourceStockTransfer }

// Validate implements Event.
func (e *TransferReceivePosting) Validate() error {
	var es Errors
	checkLineCount(&es, len(e.Lines), 1, 500)
	for _, l := range e.Lines {
		CheckQuantity(&es, l.Field+"quantity", l.Quantity)
		if l.Value.Sign() < 0 {
			return fmt.Errorf("transfer receipt line with value %s", l.Value)
		}
	}
	return es.Err()
}

// Needs implements Event.
func (e *TransferReceivePosting) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l TransferPostingLine) StockKey { return StockKey{l.ProductID, e.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountGoodsInTransit},
	}
}

// Rules implements Event.
func (e *TransferReceivePosting) Rules(s *PostingState) (*Posting, error) {
	return receiveAll(s, T("transfer {number} received", P{"number": e.Number}), "input.receiptDate", e.Date, e.Lines, func(l TransferPostingLine) stockIn {
		return stockIn{StockKey{l.ProductID, e.WarehouseID}, l.LocationID, l.Quantity, l.Value}
	}, AccountGoodsInTransit, T("transfer in"), T("goods in transit"))
}

// TransferShortfallPosting settles what never arrived: Dr 6711 (LOSS) or
// Dr 1221 naming the carrier (CARRIER_CLAIM) / Cr 1402. No stock moves: the
// goods left stock when shipped.
type TransferShortfallPosting struct {
	Date    Date
	Number  string
	Reason  ShortfallReason
	Carrier string
	Value   decimal.Decimal
}

// Day implements Event.
func (e *TransferShortfallPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *TransferShortfallPosting) Source() SourceType { return SourceStockTransfer }

// Validate implements Event.
func (e *TransferShortfallPosting) Validate() error {
	if e.Value.Sign() <= 0 {
		return fmt.Errorf("transfer shortfall of value %s", e.Value)
	}
	return nil
}

func (e *TransferShortfallPosting) account() string {
	if e.Reason == ShortfallCarrierClaim {
		return AccountOtherReceivables
	}
	return AccountScrapLosses
}

// Needs implements Event.
func (e *TransferShortfallPosting) Needs() Needs {
	return Needs{Accounts: []string{e.account(), AccountGoodsInTransit}}
}

// Rules implements Event.
func (e *TransferShortfallPosting) Rules(s *PostingState) (*Posting, error) {
	var book lineBook
	var desc Text
	if e.Reason == ShortfallCarrierClaim {
		desc = T("transfer {number} short: claimed from carrier {carrier}", P{"number": e.Number, "carrier": e.Carrier})
	} else {
		desc = T("transfer {number} short: written off as a loss", P{"number": e.Number})
	}
	book.debit(e.account(), e.Value, desc)
	book.credit(AccountGoodsInTransit, e.Value, T("goods in transit"))
	if e.Reason == ShortfallCarrierClaim && e.Carrier != "" {
		c := e.Carrier
		book.lines[0].Partner = &c
	}
	return &Posting{Description: desc, Lines: book.lines}, nil
}

// RuleGoodsInTransit: goods in transit 1402 equal the in-transit value of
// the open transfer lines.
const RuleGoodsInTransit BooksRule = "GOODS_IN_TRANSIT_MISMATCH"

// ValidateTransferShipInput checks a shipment's own input.
func ValidateTransferShipInput(in ShipStockTransferInput) error {
	var es Errors
	if in.Carrier != nil {
		checkText(&es, "input.carrier", "carrier", *in.Carrier, 0, 100)
	}
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}
