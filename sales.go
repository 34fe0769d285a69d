package jxc

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Order to cash: customers, sales orders with credit control and
// reservation, shipments, invoices, payments, returns and receivables.
// Types, inputs and the pure rules live here; the posting events are in
// sales_posting.go and the store in db/sales*.go.

// Source types of the sales documents' postings.
const (
	SourceShipment        SourceType = "SHIPMENT"
	SourceSalesInvoice    SourceType = "SALES_INVOICE"
	SourceCustomerPayment SourceType = "CUSTOMER_PAYMENT"
	SourceCreditApplied   SourceType = "CUSTOMER_CREDIT_APPLICATION"
	SourceSalesReturn     SourceType = "SALES_RETURN"
	SourceCustomerRefund  SourceType = "CUSTOMER_REFUND"
)

// RuleReceivableMismatch is DOMAIN.md invariant 5 for receivables: the AR
// control account equals the open invoices less open credit notes, and
// advances from customers equal the unapplied payments.
const (
	RuleReceivableMismatch      BooksRule = "AR_CONTROL_MISMATCH"
	RuleCustomerAdvanceMismatch BooksRule = "CUSTOMER_ADVANCES_MISMATCH"
)

// SalesChannel is how an order reached us.
type SalesChannel string

const (
	ChannelOnline      SalesChannel = "ONLINE"
	ChannelStore       SalesChannel = "STORE"
	ChannelDistributor SalesChannel = "DISTRIBUTOR"
	ChannelDirect      SalesChannel = "DIRECT"
)

// Valid reports whether c is a known channel.
func (c SalesChannel) Valid() bool {
	switch c {
	case ChannelOnline, ChannelStore, ChannelDistributor, ChannelDirect:
		return true
	}
	return false
}

func jsonValue[T any](v []T) (driver.Value, error) {
	if v == nil {
		v = []T{}
	}
	b, err := json.Marshal(v)
	return string(b), err
}

func jsonScan(src, dst any) error {
	switch v := src.(type) {
	case []byte:
		return json.Unmarshal(v, dst)
	case string:
		return json.Unmarshal([]byte(v), dst)
	case nil:
		return nil
	}
	return fmt.Errorf("cannot scan %T as JSON", src)
}

// Customer is someone we sell to, with the credit terms we give them.
type Customer struct {
	ID               int64           `db:"id"`
	Code             string          `db:"code"`
	Name             string          `db:"name"`
	Contacts         Contacts        `db:"contacts"`
	Addresses        Addresses       `db:"addresses"`
	Region           string          `db:"region"`
	Salesperson      string          `db:"salesperson"`
	Channel          SalesChannel    `db:"channel"`
	CreditLimit      decimal.Decimal `db:"credit_limit"`
	PaymentTermsDays int             `db:"payment_terms_days"`
	Preferences      string          `db:"preferences"`
	Notes            string          `db:"notes"`
	Active           bool            `db:"active"`
	CreatedAt        time.Time       `db:"created_at"`
	UpdatedAt        time.Time       `db:"updated_at"`

	// Receivables, filled by the queries that load customers.
	OpenInvoices   decimal.Decimal `db:"open_invoices"`   // open balance of invoices
	OpenCredits    decimal.Decimal `db:"open_credits"`    // credit notes and payments not yet applied or refunded
	OverdueAmount  decimal.Decimal `db:"overdue_amount"`  // open balance of invoices past their due date today
	UninvoicedOpen decimal.Decimal `db:"uninvoiced_open"` // confirmed orders not yet invoiced, gross
	HeldOrders     int             `db:"held_orders"`     // orders waiting on a credit hold
}

// OpenBalance is what the customer owes: open invoices less unapplied credit.
func (c *Customer) OpenBalance() decimal.Decimal { return c.OpenInvoices.Sub(c.OpenCredits) }

// Exposure is what the credit limit covers: the open balance plus
// confirmed orders not yet invoiced.
func (c *Customer) Exposure() decimal.Decimal { return c.OpenBalance().Add(c.UninvoicedOpen) }

// CreditAvailable is the credit limit less the exposure (negative when over).
func (c *Customer) CreditAvailable() decimal.Decimal { return c.CreditLimit.Sub(c.Exposure()) }

// OnCreditHold reports whether an order of the customer waits on finance.
func (c *Customer) OnCreditHold() bool { return c.HeldOrders > 0 }

// CustomerInput creates a customer.
type CustomerInput struct {
	Code             string
	Name             string
	Contacts         []Contact
	Addresses        []Address
	Region           *string
	Salesperson      *string
	Channel          *SalesChannel
	CreditLimit      *decimal.Decimal
	PaymentTermsDays *int
	Preferences      *string
	Notes            *string
	IdempotencyKey   *string
}

// CustomerUpdate changes a customer; nil fields stay. Contacts and
// addresses, when given, replace the whole list.
type CustomerUpdate struct {
	ID               int64
	Name             *string
	Contacts         []Contact
	Addresses        []Address
	Region           *string
	Salesperson      *string
	Channel          *SalesChannel
	CreditLimit      *decimal.Decimal
	PaymentTermsDays *int
	Preferences      *string
	Notes            *string
	Active           *bool
}

func checkTerms(es *Errors, limit *decimal.Decimal, days *int, channel *SalesChannel) {
	if limit != nil {
		CheckMoney(es, "input.creditLimit", *limit)
	}
	if days != nil && (*days < 0 || *days > 365) {
		es.Add(EINVALID, "input.paymentTermsDays", "payment terms must be 0 to 365 days")
	}
	if channel != nil && !channel.Valid() {
		es.Add(EINVALID, "input.channel", "unknown channel %q", *channel)
	}
}

// ValidateCustomerInput returns every rule the input breaks.
func ValidateCustomerInput(in CustomerInput) error {
	var es Errors
	checkCode(&es, "input.code", "code", in.Code)
	checkText(&es, "input.name", "name", in.Name, 1, 200)
	checkContacts(&es, in.Contacts)
	checkAddresses(&es, in.Addresses)
	checkOptText(&es, "input.region", "region", in.Region, 0, 50)
	checkOptText(&es, "input.salesperson", "salesperson", in.Salesperson, 0, 100)
	checkOptText(&es, "input.preferences", "preferences", in.Preferences, 0, 2000)
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkTerms(&es, in.CreditLimit, in.PaymentTermsDays, in.Channel)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

// ValidateCustomerUpdate returns every rule the update breaks.
func ValidateCustomerUpdate(in CustomerUpdate) error {
	var es Errors
	checkOptText(&es, "input.name", "name", in.Name, 1, 200)
	checkContacts(&es, in.Contacts)
	checkAddresses(&es, in.Addresses)
	checkOptText(&es, "input.region", "region", in.Region, 0, 50)
	checkOptText(&es, "input.salesperson", "salesperson", in.Salesperson, 0, 100)
	checkOptText(&es, "input.preferences", "preferences", in.Preferences, 0, 2000)
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkTerms(&es, in.CreditLimit, in.PaymentTermsDays, in.Channel)
	return es.Err()
}

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
		return FieldErrorf(ECONFLICT, "id", "cannot %s an order that is %s", a, s)
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
	HoldReleasedBy    *int64           `db:"hold_released_by"`
	Notes             string           `db:"notes"`
	NetAmount         decimal.Decimal  `db:"net_amount"`
	VATAmount         decimal.Decimal  `db:"vat_amount"`
	TotalAmount       decimal.Decimal  `db:"total_amount"`
	CreatedBy         *int64           `db:"created_by"`
	CreatedAt         time.Time        `db:"created_at"`
	UpdatedAt         time.Time        `db:"updated_at"`
	Customer          *Customer        `db:"-"`
	Warehouse         *Warehouse       `db:"-"`
	Lines             []*SalesOrderLine
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
	Product      *Product        `db:"-"`
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
}

var one = decimal.NewFromInt(1)

func checkRate(es *Errors, field, what string, r decimal.Decimal) {
	if r.Sign() < 0 || r.GreaterThanOrEqual(one) || !hasPlaces(r, 4) {
		es.Add(EINVALID, field, "%s must be a fraction from 0 to below 1 with at most 4 decimals, such as 0.13", what)
	}
}

// ValidateSalesOrderInput returns every rule the input breaks on its own.
func ValidateSalesOrderInput(in SalesOrderInput) error {
	var es Errors
	if in.Channel != nil && !in.Channel.Valid() {
		es.Add(EINVALID, "input.channel", "unknown channel %q", *in.Channel)
	}
	checkOptText(&es, "input.region", "region", in.Region, 0, 50)
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if in.PromisedDate != nil && in.PostingDate != nil && in.PromisedDate.Before(*in.PostingDate) {
		es.Add(EINVALID, "input.promisedDate", "the promised date %s is before the order date %s", *in.PromisedDate, *in.PostingDate)
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
func (c CreditCheck) HoldReason() string {
	var reasons []string
	if over := c.Exposure.Add(c.OrderTotal).Sub(c.Limit); over.Sign() > 0 {
		reasons = append(reasons, fmt.Sprintf("credit limit %s exceeded by %s (open %s + this order %s)",
			c.Limit.StringFixed(2), over.StringFixed(2), c.Exposure.StringFixed(2), c.OrderTotal.StringFixed(2)))
	}
	if c.Overdue.Sign() > 0 {
		s := fmt.Sprintf("%s overdue", c.Overdue.StringFixed(2))
		if c.OldestDue != nil {
			s += fmt.Sprintf(" (oldest due %s)", *c.OldestDue)
		}
		reasons = append(reasons, s)
	}
	return strings.Join(reasons, "; ")
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

// ShipmentStatus is where a delivery stands.
type ShipmentStatus string

const (
	ShipmentPending   ShipmentStatus = "PENDING"
	ShipmentShipped   ShipmentStatus = "SHIPPED"
	ShipmentDelivered ShipmentStatus = "DELIVERED"
	ShipmentCancelled ShipmentStatus = "CANCELLED"
)

// Shipment is a delivery of an order from its warehouse. It is created
// PENDING with the reserved quantities when the order is confirmed;
// shipping posts what leaves, and what is left reserved moves to a new
// pending shipment.
type Shipment struct {
	ID             int64          `db:"id"`
	Number         string         `db:"number"`
	OrderID        int64          `db:"order_id"`
	CustomerID     int64          `db:"customer_id"`
	WarehouseID    int64          `db:"warehouse_id"`
	Status         ShipmentStatus `db:"status"`
	PostingDate    *Date          `db:"posting_date"`
	Carrier        string         `db:"carrier"`
	TrackingNumber string         `db:"tracking_number"`
	JournalEntryID *int64         `db:"journal_entry_id"`
	InvoiceID      *int64         `db:"invoice_id"`
	ShippedAt      *time.Time     `db:"shipped_at"`
	DeliveredAt    *time.Time     `db:"delivered_at"`
	Rating         *int           `db:"rating"`
	RatingComment  string         `db:"rating_comment"`
	CreatedAt      time.Time      `db:"created_at"`
	Lines          []*ShipmentLine
	Order          *SalesOrder `db:"-"`
	Customer       *Customer   `db:"-"`
	Warehouse      *Warehouse  `db:"-"`
}

// ShipmentLine is one order line's quantity on a shipment, with the cost it
// left at once shipped.
type ShipmentLine struct {
	ID            int64           `db:"id"`
	ShipmentID    int64           `db:"shipment_id"`
	LineNo        int             `db:"line_no"`
	OrderLineID   int64           `db:"order_line_id"`
	ProductID     int64           `db:"product_id"`
	Quantity      decimal.Decimal `db:"quantity"`
	CostValue     decimal.Decimal `db:"cost_value"`
	ReturnedQty   decimal.Decimal `db:"returned_quantity"`
	ReturnedValue decimal.Decimal `db:"returned_value"`
	Product       *Product        `db:"-"`
}

// ShipInput posts a pending shipment.
type ShipInput struct {
	ShipmentID     int64
	PostingDate    *Date
	Carrier        *string
	TrackingNumber *string
	// Lines ship part of the shipment; nil ships all of it.
	Lines          []ShipLineInput
	IdempotencyKey *string
}

// ShipLineInput is how much of one shipment line leaves.
type ShipLineInput struct {
	ShipmentLineID int64
	Quantity       decimal.Decimal
}

// ValidateShipInput returns every rule the input breaks on its own.
func ValidateShipInput(in ShipInput) error {
	var es Errors
	checkOptText(&es, "input.carrier", "carrier", in.Carrier, 0, 100)
	checkOptText(&es, "input.trackingNumber", "tracking number", in.TrackingNumber, 0, 100)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if in.Lines != nil {
		checkLineCount(&es, len(in.Lines), 1, 500)
	}
	seen := map[int64]bool{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if seen[l.ShipmentLineID] {
			es.Add(EINVALID, f+"shipmentLineId", "shipment line %d is listed twice", l.ShipmentLineID)
		}
		seen[l.ShipmentLineID] = true
	}
	return es.Err()
}

// DeliveryInput confirms that a shipment arrived, with the customer's rating.
type DeliveryInput struct {
	ShipmentID    int64
	Rating        *int
	RatingComment *string
}

// ValidateDeliveryInput returns every rule the input breaks on its own.
func ValidateDeliveryInput(in DeliveryInput) error {
	var es Errors
	if in.Rating != nil && (*in.Rating < 1 || *in.Rating > 5) {
		es.Add(EINVALID, "input.rating", "a rating is 1 to 5")
	}
	checkOptText(&es, "input.ratingComment", "comment", in.RatingComment, 0, 1000)
	return es.Err()
}

// InvoiceStatus is how far an invoice is paid.
type InvoiceStatus string

const (
	SalesInvoiceOpen          InvoiceStatus = "OPEN"
	SalesInvoicePartiallyPaid InvoiceStatus = "PARTIALLY_PAID"
	SalesInvoicePaid          InvoiceStatus = "PAID"
)

// SalesInvoice bills a customer for shipped goods.
type SalesInvoice struct {
	ID             int64           `db:"id"`
	Number         string          `db:"number"`
	CustomerID     int64           `db:"customer_id"`
	PostingDate    Date            `db:"posting_date"`
	DueDate        Date            `db:"due_date"`
	NetAmount      decimal.Decimal `db:"net_amount"`
	VATAmount      decimal.Decimal `db:"vat_amount"`
	TotalAmount    decimal.Decimal `db:"total_amount"`
	PaidAmount     decimal.Decimal `db:"paid_amount"`
	CreditedAmount decimal.Decimal `db:"credited_amount"`
	Status         InvoiceStatus   `db:"status"`
	JournalEntryID *int64          `db:"journal_entry_id"`
	CreatedAt      time.Time       `db:"created_at"`
	Lines          []*SalesInvoiceLine
	Customer       *Customer `db:"-"`
}

// OpenAmount is what is still to be paid.
func (i *SalesInvoice) OpenAmount() decimal.Decimal {
	return i.TotalAmount.Sub(i.PaidAmount).Sub(i.CreditedAmount)
}

// InvoiceStatusFor returns the status an invoice has with what is settled.
func InvoiceStatusFor(total, settled decimal.Decimal) InvoiceStatus {
	switch {
	case settled.GreaterThanOrEqual(total):
		return SalesInvoicePaid
	case settled.Sign() > 0:
		return SalesInvoicePartiallyPaid
	}
	return SalesInvoiceOpen
}

// SalesInvoiceLine is one shipped line billed.
type SalesInvoiceLine struct {
	ID             int64           `db:"id"`
	InvoiceID      int64           `db:"invoice_id"`
	LineNo         int             `db:"line_no"`
	ShipmentLineID int64           `db:"shipment_line_id"`
	ProductID      int64           `db:"product_id"`
	Quantity       decimal.Decimal `db:"quantity"`
	UnitPrice      decimal.Decimal `db:"unit_price"`
	DiscountRate   decimal.Decimal `db:"discount_rate"`
	VATRate        decimal.Decimal `db:"vat_rate"`
	NetAmount      decimal.Decimal `db:"net_amount"`
	VATAmount      decimal.Decimal `db:"vat_amount"`
	Product        *Product        `db:"-"`
}

// SalesInvoiceInput bills one or several shipped shipments of a customer.
type SalesInvoiceInput struct {
	ShipmentIDs    []int64
	PostingDate    *Date
	IdempotencyKey *string
}

// ValidateSalesInvoiceInput returns every rule the input breaks on its own.
func ValidateSalesInvoiceInput(in SalesInvoiceInput) error {
	var es Errors
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if len(in.ShipmentIDs) == 0 || len(in.ShipmentIDs) > 100 {
		es.Add(EINVALID, "input.shipmentIds", "an invoice bills 1 to 100 shipments")
	}
	seen := map[int64]bool{}
	for i, id := range in.ShipmentIDs {
		if seen[id] {
			es.Add(EINVALID, fmt.Sprintf("input.shipmentIds.%d", i), "shipment %d is listed twice", id)
		}
		seen[id] = true
	}
	return es.Err()
}

// CustomerPayment is money received from a customer.
type CustomerPayment struct {
	ID             int64           `db:"id"`
	Number         string          `db:"number"`
	CustomerID     int64           `db:"customer_id"`
	PostingDate    Date            `db:"posting_date"`
	Amount         decimal.Decimal `db:"amount"`
	BankAccount    string          `db:"bank_account"`
	Reference      string          `db:"reference"`
	AppliedAmount  decimal.Decimal `db:"applied_amount"`
	RefundedAmount decimal.Decimal `db:"refunded_amount"`
	JournalEntryID *int64          `db:"journal_entry_id"`
	CreatedAt      time.Time       `db:"created_at"`
	Allocations    []*ReceivableAllocation
	Customer       *Customer `db:"-"`
}

// Unapplied is the payment's credit still on account (2203).
func (p *CustomerPayment) Unapplied() decimal.Decimal {
	return p.Amount.Sub(p.AppliedAmount).Sub(p.RefundedAmount)
}

// ReceivableAllocation is part of a payment or credit note settling an invoice.
type ReceivableAllocation struct {
	ID          int64           `db:"id"`
	InvoiceID   int64           `db:"invoice_id"`
	PaymentID   *int64          `db:"payment_id"`
	ReturnID    *int64          `db:"return_id"`
	Amount      decimal.Decimal `db:"amount"`
	PostingDate Date            `db:"posting_date"`
	InvoiceNo   string          `db:"invoice_number"`
}

// PaymentInput records a customer's payment. Without allocations it settles
// the customer's open invoices oldest due first; what is left stays on
// account as unapplied credit (2203 advances from customers).
type PaymentInput struct {
	CustomerID     int64
	Amount         decimal.Decimal
	PostingDate    *Date
	BankAccount    *string
	Reference      *string
	Allocations    []AllocationInput
	IdempotencyKey *string
}

// AllocationInput settles part of one invoice.
type AllocationInput struct {
	InvoiceID int64
	Amount    decimal.Decimal
}

// ApplyCreditInput applies a payment's unapplied credit to invoices.
type ApplyCreditInput struct {
	PaymentID   int64
	PostingDate *Date
	Allocations []AllocationInput
}

func checkBankAccount(es *Errors, field string, a *string) {
	if a != nil && *a != AccountBank && *a != AccountCash {
		es.Add(EINVALID, field, "money moves through %s (bank) or %s (cash)", AccountBank, AccountCash)
	}
}

func checkAllocations(es *Errors, allocs []AllocationInput, total *decimal.Decimal) {
	sum := decimal.Zero
	seen := map[int64]bool{}
	for i, a := range allocs {
		f := fmt.Sprintf("input.allocations.%d.", i)
		CheckMoney(es, f+"amount", a.Amount)
		if a.Amount.IsZero() {
			es.Add(EINVALID, f+"amount", "amount must be > 0")
		}
		if seen[a.InvoiceID] {
			es.Add(EINVALID, f+"invoiceId", "invoice %d is listed twice", a.InvoiceID)
		}
		seen[a.InvoiceID] = true
		sum = sum.Add(a.Amount)
	}
	if total != nil && sum.GreaterThan(*total) {
		es.Add(EINVALID, "input.allocations", "allocations total %s, more than the %s available", sum.StringFixed(2), total.StringFixed(2))
	}
}

// ValidatePaymentInput returns every rule the input breaks on its own.
func ValidatePaymentInput(in PaymentInput) error {
	var es Errors
	CheckMoney(&es, "input.amount", in.Amount)
	if in.Amount.IsZero() {
		es.Add(EINVALID, "input.amount", "amount must be > 0")
	}
	checkBankAccount(&es, "input.bankAccount", in.BankAccount)
	checkOptText(&es, "input.reference", "reference", in.Reference, 0, 100)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if len(in.Allocations) > 500 {
		es.Add(EINVALID, "input.allocations", "at most 500 allocations")
	}
	checkAllocations(&es, in.Allocations, &in.Amount)
	return es.Err()
}

// SalesReturn takes goods of a shipment back and is the credit note that
// reverses their revenue, VAT and receivable.
type SalesReturn struct {
	ID             int64           `db:"id"`
	Number         string          `db:"number"`
	CustomerID     int64           `db:"customer_id"`
	ShipmentID     int64           `db:"shipment_id"`
	InvoiceID      int64           `db:"invoice_id"`
	PostingDate    Date            `db:"posting_date"`
	Reason         string          `db:"reason"`
	NetAmount      decimal.Decimal `db:"net_amount"`
	VATAmount      decimal.Decimal `db:"vat_amount"`
	TotalAmount    decimal.Decimal `db:"total_amount"`
	CostValue      decimal.Decimal `db:"cost_value"`
	AppliedAmount  decimal.Decimal `db:"applied_amount"`
	RefundedAmount decimal.Decimal `db:"refunded_amount"`
	JournalEntryID *int64          `db:"journal_entry_id"`
	CreatedAt      time.Time       `db:"created_at"`
	Lines          []*SalesReturnLine
	Customer       *Customer `db:"-"`
}

// OpenCredit is the credit note's amount neither applied nor refunded.
func (r *SalesReturn) OpenCredit() decimal.Decimal {
	return r.TotalAmount.Sub(r.AppliedAmount).Sub(r.RefundedAmount)
}

// SalesReturnLine is one shipment line's goods coming back.
type SalesReturnLine struct {
	ID             int64           `db:"id"`
	ReturnID       int64           `db:"return_id"`
	LineNo         int             `db:"line_no"`
	ShipmentLineID int64           `db:"shipment_line_id"`
	ProductID      int64           `db:"product_id"`
	WarehouseID    int64           `db:"warehouse_id"`
	Quantity       decimal.Decimal `db:"quantity"`
	CostValue      decimal.Decimal `db:"cost_value"`
	NetAmount      decimal.Decimal `db:"net_amount"`
	VATAmount      decimal.Decimal `db:"vat_amount"`
	Product        *Product        `db:"-"`
}

// SalesReturnInput returns goods of one invoiced shipment.
type SalesReturnInput struct {
	ShipmentID     int64
	PostingDate    *Date
	Reason         *string
	Lines          []SalesReturnLineInput
	IdempotencyKey *string
}

// SalesReturnLineInput is how much of a shipment line comes back.
type SalesReturnLineInput struct {
	ShipmentLineID int64
	Quantity       decimal.Decimal
}

// ValidateSalesReturnInput returns every rule the input breaks on its own.
func ValidateSalesReturnInput(in SalesReturnInput) error {
	var es Errors
	checkOptText(&es, "input.reason", "reason", in.Reason, 0, 500)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkLineCount(&es, len(in.Lines), 1, 500)
	seen := map[int64]bool{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if seen[l.ShipmentLineID] {
			es.Add(EINVALID, f+"shipmentLineId", "shipment line %d is listed twice", l.ShipmentLineID)
		}
		seen[l.ShipmentLineID] = true
	}
	return es.Err()
}

// ReturnCost is the cost a returned quantity comes back at: the cost it
// left with, pro rata, and the whole remaining cost for the last unit back,
// so a shipment fully returned restores exactly what it took out.
func ReturnCost(shippedQty, shippedValue, returnedQty, returnedValue, q decimal.Decimal) decimal.Decimal {
	if returnedQty.Add(q).Equal(shippedQty) {
		return shippedValue.Sub(returnedValue)
	}
	return DivRound(q.Mul(shippedValue), shippedQty, MoneyPlaces)
}

// RefundSource says what a refund pays out.
type RefundSource string

const (
	RefundCreditNote RefundSource = "CREDIT_NOTE"
	RefundPayment    RefundSource = "PAYMENT"
)

// RefundInput pays a customer's credit back: an open credit note or a
// payment's unapplied amount.
type RefundInput struct {
	ReturnID       *int64
	PaymentID      *int64
	Amount         decimal.Decimal
	PostingDate    *Date
	BankAccount    *string
	IdempotencyKey *string
}

// CustomerRefund is money paid back to a customer.
type CustomerRefund struct {
	ID             int64           `db:"id"`
	Number         string          `db:"number"`
	CustomerID     int64           `db:"customer_id"`
	ReturnID       *int64          `db:"return_id"`
	PaymentID      *int64          `db:"payment_id"`
	PostingDate    Date            `db:"posting_date"`
	Amount         decimal.Decimal `db:"amount"`
	BankAccount    string          `db:"bank_account"`
	JournalEntryID *int64          `db:"journal_entry_id"`
	CreatedAt      time.Time       `db:"created_at"`
}

// ValidateRefundInput returns every rule the input breaks on its own.
func ValidateRefundInput(in RefundInput) error {
	var es Errors
	if (in.ReturnID == nil) == (in.PaymentID == nil) {
		es.Add(EINVALID, "input.returnId", "refund either a credit note (returnId) or a payment's unapplied credit (paymentId)")
	}
	CheckMoney(&es, "input.amount", in.Amount)
	if in.Amount.IsZero() {
		es.Add(EINVALID, "input.amount", "amount must be > 0")
	}
	checkBankAccount(&es, "input.bankAccount", in.BankAccount)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

// CustomerAging is one customer's open receivables by age.
type CustomerAging struct {
	AgingBuckets
	CustomerID int64     `db:"customer_id"`
	Customer   *Customer `db:"-"`
}

// ReceivablesAging is open receivables by age as of a date.
type ReceivablesAging struct {
	AsOf      Date
	Customers []*CustomerAging
	Total     AgingBuckets
}

// ProductSales is how much of a product a customer bought.
type ProductSales struct {
	ProductID int64           `db:"product_id"`
	Quantity  decimal.Decimal `db:"quantity"`
	NetAmount decimal.Decimal `db:"net_amount"`
	Product   *Product        `db:"-"`
}

// Satisfaction is a customer's delivery ratings: the KPI counts a rated
// delivery as satisfied when rated 4 or 5.
type Satisfaction struct {
	Rated     int             `db:"rated"`
	Satisfied int             `db:"satisfied"`
	Average   decimal.Decimal `db:"average"`
}

// SatisfiedShare is satisfied / rated as a fraction to 4 decimals (0 when
// nothing is rated).
func (s Satisfaction) SatisfiedShare() decimal.Decimal {
	if s.Rated == 0 {
		return decimal.Zero
	}
	return DivRound(decimal.NewFromInt(int64(s.Satisfied)), decimal.NewFromInt(int64(s.Rated)), 4)
}

// SalesOrderValidation is the result of a dry run: every violation, and
// what confirming would do.
type SalesOrderValidation struct {
	Violations  Errors
	WarehouseID *int64
	NetAmount   decimal.Decimal
	VATAmount   decimal.Decimal
	TotalAmount decimal.Decimal
	HoldReason  string
	Shortages   []*Shortage
}

// Shortage is a line that available stock cannot fill.
type Shortage struct {
	LineNo    int
	ProductID int64
	Requested decimal.Decimal
	Available decimal.Decimal
	Missing   decimal.Decimal
}

// CustomerFilter narrows the customer list; empty fields do not filter.
type CustomerFilter struct {
	Search       *string // part of the code or name
	Region       *string
	Channel      *SalesChannel
	Salesperson  *string
	Active       *bool
	OnCreditHold *bool
	Overdue      *bool
}

// CustomerOrderField is what the customer list can be sorted by.
type CustomerOrderField string

const (
	CustomerOrderCode        CustomerOrderField = "CODE"
	CustomerOrderName        CustomerOrderField = "NAME"
	CustomerOrderOpenBalance CustomerOrderField = "OPEN_BALANCE"
	CustomerOrderOverdue     CustomerOrderField = "OVERDUE"
)

// CustomerOrder sorts the customer list.
type CustomerOrder struct {
	Field     CustomerOrderField
	Direction SortDirection
}

// SalesDocumentFilter narrows the lists of sales documents; empty fields
// do not filter, and Status applies to the document's own status enum.
type SalesDocumentFilter struct {
	CustomerID *int64
	OrderID    *int64
	Status     *string
	DateFrom   *Date
	DateTo     *Date
}

// ReplenishmentNeedFilter narrows replenishment needs.
type ReplenishmentNeedFilter struct {
	Status      *ReplenishmentStatus
	ProductID   *int64
	WarehouseID *int64
}

// SalesService is order to cash.
type SalesService interface {
	CreateCustomer(ctx context.Context, in CustomerInput) (*Customer, error)
	UpdateCustomer(ctx context.Context, in CustomerUpdate) (*Customer, error)
	FindCustomerByID(ctx context.Context, id int64) (*Customer, error)
	FindCustomers(ctx context.Context, f CustomerFilter, o *CustomerOrder, p PageArgs) (*Page[*Customer], error)
	CustomerSatisfaction(ctx context.Context, customerID *int64) (*Satisfaction, error)

	CreateSalesOrder(ctx context.Context, in SalesOrderInput) (*SalesOrder, error)
	ValidateSalesOrder(ctx context.Context, in SalesOrderInput) (*SalesOrderValidation, error)
	ConfirmSalesOrder(ctx context.Context, id int64) (*SalesOrder, error)
	ReleaseSalesOrderHold(ctx context.Context, id int64) (*SalesOrder, error)
	ReserveSalesOrder(ctx context.Context, id int64) (*SalesOrder, error)
	CancelSalesOrder(ctx context.Context, id int64) (*SalesOrder, error)
	CloseSalesOrder(ctx context.Context, id int64) (*SalesOrder, error)
	FindSalesOrderByID(ctx context.Context, id int64) (*SalesOrder, error)
	FindSalesOrders(ctx context.Context, f SalesDocumentFilter, p PageArgs) (*Page[*SalesOrder], error)
	FindReplenishmentNeeds(ctx context.Context, f ReplenishmentNeedFilter, p PageArgs) (*Page[*ReplenishmentNeed], error)

	ShipShipment(ctx context.Context, in ShipInput) (*Shipment, error)
	ConfirmDelivery(ctx context.Context, in DeliveryInput) (*Shipment, error)
	FindShipmentByID(ctx context.Context, id int64) (*Shipment, error)
	FindShipments(ctx context.Context, f SalesDocumentFilter, p PageArgs) (*Page[*Shipment], error)

	CreateSalesInvoice(ctx context.Context, in SalesInvoiceInput) (*SalesInvoice, error)
	FindSalesInvoiceByID(ctx context.Context, id int64) (*SalesInvoice, error)
	FindSalesInvoices(ctx context.Context, f SalesDocumentFilter, p PageArgs) (*Page[*SalesInvoice], error)
	RecordCustomerPayment(ctx context.Context, in PaymentInput) (*CustomerPayment, error)
	ApplyCustomerCredit(ctx context.Context, in ApplyCreditInput) (*CustomerPayment, error)
	FindCustomerPayments(ctx context.Context, f SalesDocumentFilter, p PageArgs) (*Page[*CustomerPayment], error)
	CreateSalesReturn(ctx context.Context, in SalesReturnInput) (*SalesReturn, error)
	FindSalesReturns(ctx context.Context, f SalesDocumentFilter, p PageArgs) (*Page[*SalesReturn], error)
	RefundCustomer(ctx context.Context, in RefundInput) (*CustomerRefund, error)
	ReceivablesAging(ctx context.Context, asOf Date, customerID *int64) (*ReceivablesAging, error)

	// The nested lists of a page of parents, read for the whole page at
	// once (a fixed number of statements, whatever the page size). The
	// page arguments apply to each parent's own list; every parent asked
	// for is in the result, with an empty list when it has nothing.
	FindSalesOrdersByCustomer(ctx context.Context, customerIDs []int64, p PageArgs) (map[int64]*Page[*SalesOrder], error)
	FindShipmentsByCustomer(ctx context.Context, customerIDs []int64, p PageArgs) (map[int64]*Page[*Shipment], error)
	FindSalesInvoicesByCustomer(ctx context.Context, customerIDs []int64, p PageArgs) (map[int64]*Page[*SalesInvoice], error)
	FindCustomerPaymentsByCustomer(ctx context.Context, customerIDs []int64, p PageArgs) (map[int64]*Page[*CustomerPayment], error)
	FindSalesReturnsByCustomer(ctx context.Context, customerIDs []int64, p PageArgs) (map[int64]*Page[*SalesReturn], error)
	FindShipmentsByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*Shipment, error)
	CustomersTopProducts(ctx context.Context, customerIDs []int64, limit int) (map[int64][]*ProductSales, error)
	CustomersSatisfaction(ctx context.Context, customerIDs []int64) (map[int64]*Satisfaction, error)
}
