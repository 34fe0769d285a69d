package jxc

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Order to cash: customers, sales orders with credit control and
// reservation, shipments, invoices, payments, returns and receivables.
// Customers, the service and what the documents share live here; each
// document's types, inputs and pure rules in sales_<document>.go (order,
// shipment, invoice, payment, return), the posting events in
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
	// TaxID is the customer's 统一社会信用代码 (or old tax registration
	// number), the buyer's tax ID of its invoices.
	TaxID *string `db:"tax_id"`
	// Invoicing is what its VAT invoices carry (开票信息); nil: none given.
	Invoicing   *InvoicingDetails `db:"invoicing"`
	BankName    string            `db:"bank_name"`
	BankAccount string            `db:"bank_account"`

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

// DefaultAddress is the address marked default, else the first; nil
// without addresses.
func (c *Customer) DefaultAddress() *Address {
	for i := range c.Addresses {
		if c.Addresses[i].IsDefault {
			return &c.Addresses[i]
		}
	}
	if len(c.Addresses) > 0 {
		return &c.Addresses[0]
	}
	return nil
}

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
	TaxID            *string // the 统一社会信用代码; "" or nil: none
	Invoicing        *InvoicingDetails
	BankDetails
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
	TaxID            *string // "" clears it
	// Invoicing, when given, replaces the invoicing details (all fields
	// empty clears them).
	Invoicing *InvoicingDetails
	BankDetails
}

func checkTerms(es *Errors, limit *decimal.Decimal, days *int, channel *SalesChannel) {
	if limit != nil {
		CheckMoney(es, "input.creditLimit", *limit)
	}
	if days != nil && (*days < 0 || *days > 365) {
		es.Add(EINVALID, "input.paymentTermsDays", "payment terms must be 0 to 365 days")
	}
	if channel != nil && !channel.Valid() {
		es.Add(EINVALID, "input.channel", "unknown channel {channel}", P{"channel": *channel})
	}
}

// ValidateCustomerInput returns every rule the input breaks.
func ValidateCustomerInput(in CustomerInput) error {
	var es Errors
	if in.Code != "" { // empty: the next free code is given
		checkCode(&es, "input.code", "code", in.Code)
	}
	checkText(&es, "input.name", "name", in.Name, 1, 200)
	checkContacts(&es, in.Contacts)
	checkAddresses(&es, in.Addresses)
	checkOptText(&es, "input.region", "region", in.Region, 0, 50)
	checkOptText(&es, "input.salesperson", "salesperson", in.Salesperson, 0, 100)
	checkOptText(&es, "input.preferences", "preferences", in.Preferences, 0, 2000)
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkTerms(&es, in.CreditLimit, in.PaymentTermsDays, in.Channel)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkCustomerTaxID(&es, in.TaxID)
	checkInvoicing(&es, in.Invoicing)
	checkBank(&es, in.BankDetails)
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
	checkCustomerTaxID(&es, in.TaxID)
	checkInvoicing(&es, in.Invoicing)
	checkBank(&es, in.BankDetails)
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
	CustomerOrderRegion      CustomerOrderField = "REGION"
	CustomerOrderCreditLimit CustomerOrderField = "CREDIT_LIMIT"
)

// CustomerOrder sorts the customer list.
type CustomerOrder struct {
	Field     CustomerOrderField
	Direction SortDirection
}

// SalesDocumentFilter narrows the lists of sales documents (payments and
// returns; the lists with a status have their own filter); empty fields do
// not filter.
type SalesDocumentFilter struct {
	CustomerID *int64
	OrderID    *int64
	DateFrom   *Date
	DateTo     *Date
	// Search is part of the document's number or of its customer's code or name.
	Search *string
}

// SalesOrderFilter narrows the sales order list; Status is any of these.
type SalesOrderFilter struct {
	CustomerID *int64
	OrderID    *int64
	Status     []SalesOrderStatus
	DateFrom   *Date
	DateTo     *Date
	Search     *string
}

// Doc is the part of f every sales document list has.
func (f SalesOrderFilter) Doc() SalesDocumentFilter {
	return SalesDocumentFilter{CustomerID: f.CustomerID, OrderID: f.OrderID, DateFrom: f.DateFrom, DateTo: f.DateTo, Search: f.Search}
}

// ShipmentFilter narrows the shipment list; Status is any of these.
type ShipmentFilter struct {
	CustomerID *int64
	OrderID    *int64
	Status     []ShipmentStatus
	DateFrom   *Date
	DateTo     *Date
	Search     *string
}

// Doc is the part of f every sales document list has.
func (f ShipmentFilter) Doc() SalesDocumentFilter {
	return SalesDocumentFilter{CustomerID: f.CustomerID, OrderID: f.OrderID, DateFrom: f.DateFrom, DateTo: f.DateTo, Search: f.Search}
}

// SalesInvoiceFilter narrows the sales invoice list; Status is any of these.
type SalesInvoiceFilter struct {
	CustomerID *int64
	Status     []InvoiceStatus
	DateFrom   *Date
	DateTo     *Date
	Search     *string
}

// Doc is the part of f every sales document list has.
func (f SalesInvoiceFilter) Doc() SalesDocumentFilter {
	return SalesDocumentFilter{CustomerID: f.CustomerID, DateFrom: f.DateFrom, DateTo: f.DateTo, Search: f.Search}
}

// ReplenishmentNeedFilter narrows replenishment needs.
type ReplenishmentNeedFilter struct {
	Status      []ReplenishmentStatus
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
	FindSalesOrders(ctx context.Context, f SalesOrderFilter, o *SalesOrderOrder, p PageArgs) (*Page[*SalesOrder], error)
	FindReplenishmentNeeds(ctx context.Context, f ReplenishmentNeedFilter, o *ReplenishmentNeedOrder, p PageArgs) (*Page[*ReplenishmentNeed], error)

	ShipShipment(ctx context.Context, in ShipInput) (*Shipment, error)
	ConfirmDelivery(ctx context.Context, in DeliveryInput) (*Shipment, error)
	FindShipmentByID(ctx context.Context, id int64) (*Shipment, error)
	FindShipments(ctx context.Context, f ShipmentFilter, o *ShipmentOrder, p PageArgs) (*Page[*Shipment], error)

	CreateSalesInvoice(ctx context.Context, in SalesInvoiceInput) (*SalesInvoice, error)
	FindSalesInvoiceByID(ctx context.Context, id int64) (*SalesInvoice, error)
	FindSalesInvoices(ctx context.Context, f SalesInvoiceFilter, o *SalesInvoiceOrder, p PageArgs) (*Page[*SalesInvoice], error)
	RecordCustomerPayment(ctx context.Context, in PaymentInput) (*CustomerPayment, error)
	ApplyCustomerCredit(ctx context.Context, in ApplyCreditInput) (*CustomerPayment, error)
	FindCustomerPayments(ctx context.Context, f SalesDocumentFilter, o *CustomerPaymentOrder, p PageArgs) (*Page[*CustomerPayment], error)
	CreateSalesReturn(ctx context.Context, in SalesReturnInput) (*SalesReturn, error)
	FindSalesReturns(ctx context.Context, f SalesDocumentFilter, o *SalesReturnOrder, p PageArgs) (*Page[*SalesReturn], error)
	RefundCustomer(ctx context.Context, in RefundInput) (*CustomerRefund, error)
	ReceivablesAging(ctx context.Context, asOf Date, customerID *int64) (*ReceivablesAging, error)

	// The nested lists of a page of parents, read for the whole page at
	// once (a fixed number of statements, whatever the page size). The
	// page arguments apply to each parent's own list; every parent asked
	// for is in the result, with an empty list when it has nothing.
	FindSalesOrdersByCustomer(ctx context.Context, customerIDs []int64, o Sorter, p PageArgs) (map[int64]*Page[*SalesOrder], error)
	FindShipmentsByCustomer(ctx context.Context, customerIDs []int64, o Sorter, p PageArgs) (map[int64]*Page[*Shipment], error)
	FindSalesInvoicesByCustomer(ctx context.Context, customerIDs []int64, o Sorter, p PageArgs) (map[int64]*Page[*SalesInvoice], error)
	FindCustomerPaymentsByCustomer(ctx context.Context, customerIDs []int64, o Sorter, p PageArgs) (map[int64]*Page[*CustomerPayment], error)
	FindSalesReturnsByCustomer(ctx context.Context, customerIDs []int64, o Sorter, p PageArgs) (map[int64]*Page[*SalesReturn], error)
	FindShipmentsByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*Shipment, error)
	CustomersTopProducts(ctx context.Context, customerIDs []int64, limit int) (map[int64][]*ProductSales, error)
	CustomersSatisfaction(ctx context.Context, customerIDs []int64) (map[int64]*Satisfaction, error)

	// FindSalesDocumentID is the id of the sales document of kind
	// (RefSalesOrder, RefShipment, RefSalesInvoice, RefCustomerPayment,
	// RefSalesReturn, RefCustomerRefund) whose number is exactly number;
	// nil when none of that kind has it.
	FindSalesDocumentID(ctx context.Context, kind RefKind, number string) (*int64, error)
	// The related documents of a page of documents, read at once, oldest
	// first; every parent asked for is in the result.
	FindShipmentsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*Shipment, error)
	FindAllocationsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*ReceivableAllocation, error)
	FindSalesReturnsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*SalesReturn, error)
	FindSalesReturnsByShipment(ctx context.Context, shipmentIDs []int64) (map[int64][]*SalesReturn, error)
	FindRefundsByPayment(ctx context.Context, paymentIDs []int64) (map[int64][]*CustomerRefund, error)
	FindRefundsByReturn(ctx context.Context, returnIDs []int64) (map[int64][]*CustomerRefund, error)
}

// statusTexts are the statuses of sales documents as messages name them.
var statusTexts = map[string]Texts{
	"DRAFT":             {ZH: "草稿", EN: "a draft"},
	"ON_HOLD":           {ZH: "信用冻结", EN: "on credit hold"},
	"CONFIRMED":         {ZH: "已确认", EN: "confirmed"},
	"PARTIALLY_SHIPPED": {ZH: "部分发货", EN: "partially shipped"},
	"SHIPPED":           {ZH: "已发货", EN: "shipped"},
	"CLOSED":            {ZH: "已关闭", EN: "closed"},
	"CANCELLED":         {ZH: "已取消", EN: "cancelled"},
	"PENDING":           {ZH: "待发货", EN: "pending"},
	"DELIVERED":         {ZH: "已签收", EN: "delivered"},
}

// StatusText names a document status in messages.
func StatusText[S ~string](s S) Texts {
	if t, ok := statusTexts[string(s)]; ok {
		return t
	}
	return Texts{ZH: string(s), EN: string(s)}
}

// actionTexts are the actions on a sales order as messages name them.
var actionTexts = map[OrderAction]Texts{
	ActionConfirm:     {ZH: "确认", EN: "confirm"},
	ActionReleaseHold: {ZH: "解除信用冻结", EN: "release the credit hold of"},
	ActionCancel:      {ZH: "取消", EN: "cancel"},
	ActionClose:       {ZH: "关闭", EN: "close"},
	ActionReserve:     {ZH: "预留库存", EN: "reserve stock for"},
}

// checkCustomerTaxID checks a customer's tax ID when one is given.
func checkCustomerTaxID(es *Errors, id *string) {
	if t := NormalizedTaxID(id); t != nil {
		CheckPartnerTaxID(es, "input.taxId", *t)
	}
}
