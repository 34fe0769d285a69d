package jxc

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Sales orders: their life cycle, pricing, the warehouse that ships them,
// credit control and the shortages they leave for purchasing.

// SalesOrderStatus is where an order stands in its life cycle.
type SalesOrderStatus string

const (
	OrderDraft            SalesOrderStatus = "DRAFT"
	OrderOnHold           SalesOrderStatus = "ON_HOLD"
	OrderConfirmed        SalesOrderStatus = "CONFIRMED"
	OrderPartiallyShipped SalesOrderStatus = "PARTIALLY_SHIPPED"
	OrderShipped          SalesOrderStatus = "SHIPPED"
	OrderClosed           SalesOrderStatus = "CLOSED"
	OrderCancelled        SalesOrderStatus = "CANCELLED"
)

// OrderAction is a transition a user asks for.
type OrderAction string

const (
	ActionConfirm     OrderAction = "confirm"
	ActionReleaseHold OrderAction = "release the credit hold of"
	ActionCancel      OrderAction = "cancel"
	ActionClose       OrderAction = "close"
	ActionReserve     OrderAction = "reserve stock for"
)

// CanOrder says whether the life cycle allows an action from a status:
// DRAFT -> CONFIRMED (or ON_HOLD) -> PARTIALLY_SHIPPED -> SHIPPED -> CLOSED;
// CANCELLED from DRAFT, ON_HOLD or CONFIRMED; a partially shipped order may
// be closed short.
func CanOrder(s SalesOrderStatus, a OrderAction) error {
	ok := false
	switch a {
	case ActionConfirm:
		ok = s == OrderDraft
	case ActionReleaseHold:
		ok = s == OrderOnHold
	case ActionCancel:
		ok = s == OrderDraft || s == OrderOnHold || s == OrderConfirmed
	case ActionClose:
		ok = s == OrderPartiallyShipped || s == OrderShipped
	case ActionReserve:
		ok = s == OrderConfirmed || s == OrderPartiallyShipped
	}
	if !ok {
		return FieldErrorf(ECONFLICT, "id", "cannot {action} an order that is {status}", P{"action": actionTexts[a], "status": StatusText(s)})
	}
	return nil
}

// SalesOrder is what a customer ordered.
type SalesOrder struct {
	ID                int64            `db:"id"`
	Number            string           `db:"number"`
	CustomerID        int64            `db:"customer_id"`
	Channel           SalesChannel     `db:"channel"`
	Region            string           `db:"region"`
	WarehouseID       int64            `db:"warehouse_id"`
	WarehouseOverride bool             `db:"warehouse_override"`
	PostingDate       Date             `db:"posting_date"`
	PromisedDate      Date             `db:"promised_date"`
	Status            SalesOrderStatus `db:"status"`
	HoldReason        *string          `db:"hold_reason"`
	// HoldReasonTemplate and HoldReasonParams are what HoldReason (stored in
	// the company language) was written from: HoldText renders it per reader.
	HoldReasonTemplate *string         `db:"hold_reason_template"`
	HoldReasonParams   StoredParams    `db:"hold_reason_params"`
	HoldReleasedBy     *int64          `db:"hold_released_by"`
	Notes              string          `db:"notes"`
	NetAmount          decimal.Decimal `db:"net_amount"`
	VATAmount          decimal.Decimal `db:"vat_amount"`
	TotalAmount        decimal.Decimal `db:"total_amount"`
	CreatedBy          *int64          `db:"created_by"`
	CreatedAt          time.Time       `db:"created_at"`
	UpdatedAt          time.Time       `db:"updated_at"`
	Customer           *Customer       `db:"-"`
	Warehouse          *Warehouse      `db:"-"`
	Lines              []*SalesOrderLine
}

// SalesOrderLine is one product of an order with its reservation and progress.
type SalesOrderLine struct {
	ID           int64           `db:"id"`
	OrderID      int64           `db:"order_id"`
	LineNo       int             `db:"line_no"`
	ProductID    int64           `db:"product_id"`
	Quantity     decimal.Decimal `db:"quantity"`
	UnitPrice    decimal.Decimal `db:"unit_price"`
	DiscountRate decimal.Decimal `db:"discount_rate"`
	VATRate      decimal.Decimal `db:"vat_rate"`
	NetAmount    decimal.Decimal `db:"net_amount"`
	VATAmount    decimal.Decimal `db:"vat_amount"`
	Reserved     decimal.Decimal `db:"reserved"`
	Shipped      decimal.Decimal `db:"shipped"`
	Returned     decimal.Decimal `db:"returned"`
	// The line's unit ("" is the stock unit), its factor to the stock unit
	// and its rounding rule: quantities and the price are in the line's unit.
	Unit       string          `db:"unit"`
	UnitFactor decimal.Decimal `db:"unit_factor"`
	UnitPlaces int             `db:"unit_places"`
	Product    *Product        `db:"-"`
}

// Outstanding is what is neither shipped nor reserved: the shortage.
func (l *SalesOrderLine) Outstanding() decimal.Decimal {
	return l.Quantity.Sub(l.Shipped).Sub(l.Reserved)
}

// SalesOrderInput creates a draft order. The warehouse is chosen when the
// order is confirmed unless given here.
type SalesOrderInput struct {
	CustomerID     int64
	Channel        *SalesChannel
	Region         *string
	WarehouseID    *int64
	PostingDate    *Date
	PromisedDate   *Date
	Notes          *string
	Lines          []SalesOrderLineInput
	IdempotencyKey *string
}

// DefaultPromiseDays is how long after the order date delivery is promised
// when the order does not say.
const DefaultPromiseDays = 7

// SalesOrderLineInput is one line of a new order. The VAT rate defaults
// to the product's and the price to its list price.
type SalesOrderLineInput struct {
	ProductID    int64
	Quantity     decimal.Decimal
	UnitPrice    *decimal.Decimal
	DiscountRate *decimal.Decimal
	VATRate      *decimal.Decimal
	Unit         *string // one of the product's units; nil: its sales unit
}

var one = decimal.NewFromInt(1)

func checkRate(es *Errors, field, what string, r decimal.Decimal) {
	if r.Sign() < 0 || r.GreaterThanOrEqual(one) || !hasPlaces(r, 4) {
		es.Add(EINVALID, field, "{what} must be a fraction from 0 to below 1 with at most 4 decimals, such as 0.13", P{"what": Noun(what)})
	}
}

// ValidateSalesOrderInput returns every rule the input breaks on its own.
func ValidateSalesOrderInput(in SalesOrderInput) error {
	var es Errors
	if in.Channel != nil && !in.Channel.Valid() {
		es.Add(EINVALID, "input.channel", "unknown channel {channel}", P{"channel": *in.Channel})
	}
	checkOptText(&es, "input.region", "region", in.Region, 0, 50)
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if in.PromisedDate != nil && in.PostingDate != nil && in.PromisedDate.Before(*in.PostingDate) {
		es.Add(EINVALID, "input.promisedDate", "the promised date {promised} is before the order date {date}", P{"promised": *in.PromisedDate, "date": *in.PostingDate})
	}
	checkLineCount(&es, len(in.Lines), 1, 500)
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if l.UnitPrice != nil {
			CheckUnitCost(&es, f+"unitPrice", *l.UnitPrice)
		}
		if l.DiscountRate != nil {
			checkRate(&es, f+"discountRate", "discount", *l.DiscountRate)
		}
		if l.VATRate != nil {
			checkRate(&es, f+"vatRate", "VAT rate", *l.VATRate)
		}
	}
	return es.Err()
}

// PriceLine is a sales line's net amount (quantity x price less discount)
// and its VAT, each rounded half-up to the cent: the rule every order,
// invoice and credit note line follows, so they agree to the cent.
func PriceLine(q, unitPrice, discount, vatRate decimal.Decimal) (net, vat decimal.Decimal) {
	net = RoundMoney(q.Mul(unitPrice).Mul(one.Sub(discount)))
	vat = RoundMoney(net.Mul(vatRate))
	return net, vat
}

// WarehouseStock is a candidate warehouse for an order: its region and how
// much of the order it could fill from available stock.
type WarehouseStock struct {
	WarehouseID int64
	Region      string
	// Fill is the sum over the order's lines of min(available, quantity).
	Fill decimal.Decimal
}

// ChooseWarehouse picks where an order ships from: a warehouse in the
// delivery region that has stock for it (the one that fills most), else
// the warehouse that fills most anywhere; with no stock anywhere, one in
// the region, else the first. Ties go to the lowest id. ok is false when
// there are no candidates.
func ChooseWarehouse(region string, cands []WarehouseStock) (id int64, ok bool) {
	if len(cands) == 0 {
		return 0, false
	}
	cs := slices.Clone(cands)
	slices.SortFunc(cs, func(a, b WarehouseStock) int {
		if c := b.Fill.Cmp(a.Fill); c != 0 {
			return c
		}
		switch {
		case a.WarehouseID < b.WarehouseID:
			return -1
		case a.WarehouseID > b.WarehouseID:
			return 1
		}
		return 0
	})
	for _, c := range cs {
		if region != "" && c.Region == region && c.Fill.Sign() > 0 {
			return c.WarehouseID, true
		}
	}
	if cs[0].Fill.Sign() > 0 {
		return cs[0].WarehouseID, true
	}
	for _, c := range cs {
		if region != "" && c.Region == region {
			return c.WarehouseID, true
		}
	}
	return cs[0].WarehouseID, true
}

// CreditCheck is the credit control of a confirmation.
type CreditCheck struct {
	Limit      decimal.Decimal
	Exposure   decimal.Decimal // open balance + other confirmed, uninvoiced orders
	OrderTotal decimal.Decimal
	Overdue    decimal.Decimal // open balance of invoices past due on the order's date
	OldestDue  *Date
}

// HoldReason returns why an order must wait for finance, or "" when the
// credit check passes: exposure plus the order over the limit, or
// invoices overdue past the customer's terms.
// The reason is stored on the order, so it is written in the company
// language (HoldText has it in each language).
func (c CreditCheck) HoldReason() string { return c.HoldText().Localize(DefaultLang) }

// HoldText is why the order waits on a credit hold, to render in a
// reader's language (nil when it is not held).
func (o *SalesOrder) HoldText() *Text {
	if o.HoldReason == nil {
		return nil
	}
	t := StoredText(o.HoldReasonTemplate, o.HoldReasonParams, *o.HoldReason)
	return &t
}

// HoldReasonText is the hold reason as a stored text (HoldText's source).
func (c CreditCheck) HoldReasonText() Text { return T("{reason}", P{"reason": c.HoldText()}) }

// HoldText is why an order must wait for finance in each language (empty
// when the credit check passes).
func (c CreditCheck) HoldText() Texts {
	var zh, en []string
	add := func(tmpl string, p P) {
		zh, en = append(zh, Render(LangZH, tmpl, p)), append(en, Render(LangEN, tmpl, p))
	}
	if over := c.Exposure.Add(c.OrderTotal).Sub(c.Limit); over.Sign() > 0 {
		add("credit limit {limit} exceeded by {over} (open {open} + this order {order})",
			P{"limit": c.Limit, "over": over, "open": c.Exposure, "order": c.OrderTotal})
	}
	if c.Overdue.Sign() > 0 {
		if c.OldestDue != nil {
			add("{overdue} overdue (oldest due {oldestDue})", P{"overdue": c.Overdue, "oldestDue": c.OldestDue.String()})
		} else {
			add("{overdue} overdue", P{"overdue": c.Overdue})
		}
	}
	return Texts{ZH: strings.Join(zh, "；"), EN: strings.Join(en, "; ")}
}

// ReplenishmentStatus is whether a shortage still needs stock.
type ReplenishmentStatus string

const (
	NeedOpen      ReplenishmentStatus = "OPEN"
	NeedCovered   ReplenishmentStatus = "COVERED"
	NeedCancelled ReplenishmentStatus = "CANCELLED"
)

// ReplenishmentNeed is a shortage found when confirming an order: stock
// purchasing should bring in for that order line.
type ReplenishmentNeed struct {
	ID             int64               `db:"id"`
	ProductID      int64               `db:"product_id"`
	WarehouseID    int64               `db:"warehouse_id"`
	Quantity       decimal.Decimal     `db:"quantity"`
	SalesOrderID   int64               `db:"sales_order_id"`
	SalesOrderLine int64               `db:"sales_order_line_id"`
	Status         ReplenishmentStatus `db:"status"`
	CreatedAt      time.Time           `db:"created_at"`
	CoveredAt      *time.Time          `db:"covered_at"`
	Product        *Product            `db:"-"`
	Warehouse      *Warehouse          `db:"-"`
	OrderNumber    string              `db:"order_number"`
}

// HoldPhrase is HoldReason for a message in the reader's language (nil
// when the credit check passes).
func (c CreditCheck) HoldPhrase() Localized {
	var parts []Phrase
	if over := c.Exposure.Add(c.OrderTotal).Sub(c.Limit); over.Sign() > 0 {
		parts = append(parts, Phrase{"credit limit {limit} exceeded by {over} (open {open} + this order {order})",
			P{"limit": Money(c.Limit), "over": Money(over), "open": Money(c.Exposure), "order": Money(c.OrderTotal)}})
	}
	if c.Overdue.Sign() > 0 {
		if c.OldestDue != nil {
			parts = append(parts, Phrase{"{overdue} overdue (oldest due {oldestDue})", P{"overdue": Money(c.Overdue), "oldestDue": *c.OldestDue}})
		} else {
			parts = append(parts, Phrase{"{overdue} overdue", P{"overdue": Money(c.Overdue)}})
		}
	}
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	return Phrase{"{first}; {second}", P{"first": parts[0], "second": parts[1]}}
}
