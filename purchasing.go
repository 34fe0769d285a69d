package jxc

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/shopspring/decimal"
)

// CompanyCurrency is the functional currency every posting is in.
const CompanyCurrency = "CNY"

// SupplierContact is a person to talk to at a supplier.
type SupplierContact struct {
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// Supplier is a company we buy from.
type Supplier struct {
	ID               int64              `db:"id"`
	Code             string             `db:"code"`
	Name             string             `db:"name"`
	Contacts         []SupplierContact  `db:"-"`
	PaymentTermsDays int                `db:"payment_terms_days"`
	Currency         string             `db:"currency"`
	LeadTimeDays     int                `db:"lead_time_days"`
	Active           bool               `db:"active"`
	CreatedAt        time.Time          `db:"created_at"`
	Products         []*SupplierProduct `db:"-"`
}

// SupplierProduct is a product a supplier supplies, with its last price.
type SupplierProduct struct {
	SupplierID    int64            `db:"supplier_id"`
	ProductID     int64            `db:"product_id"`
	SupplierSKU   string           `db:"supplier_sku"`
	LastPrice     *decimal.Decimal `db:"last_price"`
	LastPriceDate *Date            `db:"last_price_date"`
	LeadTimeDays  *int             `db:"lead_time_days"`
	Product       *Product         `db:"-"`
	Supplier      *Supplier        `db:"-"`
}

// SupplierInput creates a supplier.
type SupplierInput struct {
	Code             string
	Name             string
	Contacts         []SupplierContact
	PaymentTermsDays *int
	Currency         *string
	LeadTimeDays     *int
}

// SupplierUpdate changes a supplier; nil fields stay as they are.
// Contacts, when given, replace the list.
type SupplierUpdate struct {
	ID               int64
	Name             *string
	Contacts         []SupplierContact
	PaymentTermsDays *int
	Currency         *string
	LeadTimeDays     *int
	Active           *bool
}

// SupplierProductInput says that a supplier supplies a product.
type SupplierProductInput struct {
	SupplierID   int64
	ProductID    int64
	SupplierSKU  *string
	Price        *decimal.Decimal
	LeadTimeDays *int
}

// SupplierFilter narrows the supplier list.
type SupplierFilter struct {
	Search    *string
	ProductID *int64
	Active    *bool
}

var currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)

func checkSupplierFields(es *Errors, name *string, contacts []SupplierContact, terms *int, currency *string, lead *int) {
	checkOptText(es, "input.name", "name", name, 1, 200)
	checkContactCount(es, "supplier", len(contacts))
	for i, c := range contacts {
		f := fmt.Sprintf("input.contacts.%d.", i)
		checkContact(es, f, c.Name, c.Phone, c.Email)
		checkText(es, f+"role", "role", c.Role, 0, 100)
	}
	if terms != nil && (*terms < 0 || *terms > 365) {
		es.Add(EINVALID, "input.paymentTermsDays", "payment terms must be 0 to 365 days")
	}
	if currency != nil && !currencyPattern.MatchString(*currency) {
		es.Add(EINVALID, "input.currency", "currency must be an ISO 4217 code such as CNY")
	}
	if lead != nil && (*lead < 0 || *lead > 3650) {
		es.Add(EINVALID, "input.leadTimeDays", "lead time must be 0 to 3650 days")
	}
}

// ValidateSupplierInput returns every rule the input breaks.
func ValidateSupplierInput(in SupplierInput) error {
	var es Errors
	checkCode(&es, "input.code", "code", in.Code)
	checkText(&es, "input.name", "name", in.Name, 1, 200)
	checkSupplierFields(&es, nil, in.Contacts, in.PaymentTermsDays, in.Currency, in.LeadTimeDays)
	return es.Err()
}

// ValidateSupplierUpdate returns every rule the update breaks.
func ValidateSupplierUpdate(in SupplierUpdate) error {
	var es Errors
	checkSupplierFields(&es, in.Name, in.Contacts, in.PaymentTermsDays, in.Currency, in.LeadTimeDays)
	return es.Err()
}

// ValidateSupplierProductInput returns every rule the input breaks.
func ValidateSupplierProductInput(in SupplierProductInput) error {
	var es Errors
	checkOptText(&es, "input.supplierSku", "supplier SKU", in.SupplierSKU, 0, 100)
	if in.Price != nil {
		CheckUnitCost(&es, "input.price", *in.Price)
	}
	if in.LeadTimeDays != nil && (*in.LeadTimeDays < 0 || *in.LeadTimeDays > 3650) {
		es.Add(EINVALID, "input.leadTimeDays", "lead time must be 0 to 3650 days")
	}
	return es.Err()
}

// PurchaseOrderStatus is where a purchase order is in its life.
type PurchaseOrderStatus string

const (
	PODraft             PurchaseOrderStatus = "DRAFT"
	POSubmitted         PurchaseOrderStatus = "SUBMITTED"
	POApproved          PurchaseOrderStatus = "APPROVED"
	POPartiallyReceived PurchaseOrderStatus = "PARTIALLY_RECEIVED"
	POReceived          PurchaseOrderStatus = "RECEIVED"
	POClosed            PurchaseOrderStatus = "CLOSED"
	POCancelled         PurchaseOrderStatus = "CANCELLED"
)

// Receivable reports whether goods may be received against the order.
func (s PurchaseOrderStatus) Receivable() bool { return s == POApproved || s == POPartiallyReceived }

// Invoiceable reports whether the supplier may invoice the order.
func (s PurchaseOrderStatus) Invoiceable() bool {
	return s == POApproved || s == POPartiallyReceived || s == POReceived
}

// PurchaseOrder is an order to a supplier.
type PurchaseOrder struct {
	ID             int64                `db:"id"`
	Number         string               `db:"number"`
	SupplierID     int64                `db:"supplier_id"`
	WarehouseID    int64                `db:"warehouse_id"`
	Status         PurchaseOrderStatus  `db:"status"`
	OrderDate      Date                 `db:"order_date"`
	ExpectedDate   Date                 `db:"expected_date"`
	CostCentre     string               `db:"cost_centre"`
	Notes          string               `db:"notes"`
	BudgetWarnings []string             `db:"-"`
	CreatedByID    *int64               `db:"created_by"`
	CreatedAt      time.Time            `db:"created_at"`
	SubmittedAt    *time.Time           `db:"submitted_at"`
	ApprovedAt     *time.Time           `db:"approved_at"`
	ApprovedByID   *int64               `db:"approved_by"`
	ClosedAt       *time.Time           `db:"closed_at"`
	Lines          []*PurchaseOrderLine `db:"-"`
	Supplier       *Supplier            `db:"-"`
	Warehouse      *Warehouse           `db:"-"`
}

// NetAmount is the order's value before VAT.
func (o *PurchaseOrder) NetAmount() decimal.Decimal {
	t := decimal.Zero
	for _, l := range o.Lines {
		t = t.Add(l.NetAmount())
	}
	return t
}

// TaxAmount is the VAT on the order, per line.
func (o *PurchaseOrder) TaxAmount() decimal.Decimal {
	t := decimal.Zero
	for _, l := range o.Lines {
		t = t.Add(RoundMoney(l.NetAmount().Mul(l.VATRate)))
	}
	return t
}

// TotalAmount is net plus VAT.
func (o *PurchaseOrder) TotalAmount() decimal.Decimal { return o.NetAmount().Add(o.TaxAmount()) }

// PurchaseOrderLine is one product on an order with what has happened to it.
type PurchaseOrderLine struct {
	ID              int64           `db:"id"`
	PurchaseOrderID int64           `db:"purchase_order_id"`
	LineNo          int             `db:"line_no"`
	ProductID       int64           `db:"product_id"`
	Quantity        decimal.Decimal `db:"quantity"`
	UnitPrice       decimal.Decimal `db:"unit_price"`
	VATRate         decimal.Decimal `db:"vat_rate"`
	ReceivedQty     decimal.Decimal `db:"received_qty"`
	RejectedQty     decimal.Decimal `db:"rejected_qty"`
	InvoicedQty     decimal.Decimal `db:"invoiced_qty"`
	ReceivedValue   decimal.Decimal `db:"received_value"`
	GRNICleared     decimal.Decimal `db:"grni_cleared"`
	Product         *Product        `db:"-"`
}

// NetAmount is quantity x unit price.
func (l *PurchaseOrderLine) NetAmount() decimal.Decimal {
	return RoundMoney(l.Quantity.Mul(l.UnitPrice))
}

// OpenQuantity is what is still to be received.
func (l *PurchaseOrderLine) OpenQuantity() decimal.Decimal { return l.Quantity.Sub(l.ReceivedQty) }

// GRNIBalance is received but not invoiced, at order price (negative when
// invoiced before received).
func (l *PurchaseOrderLine) GRNIBalance() decimal.Decimal { return l.ReceivedValue.Sub(l.GRNICleared) }

// UninvoicedAmount is the order value not yet invoiced: the line's
// commitment against the budget.
func (l *PurchaseOrderLine) UninvoicedAmount() decimal.Decimal {
	return RoundMoney(l.Quantity.Sub(l.InvoicedQty).Mul(l.UnitPrice))
}

// PurchaseOrderInput creates a draft purchase order.
type PurchaseOrderInput struct {
	SupplierID     int64
	WarehouseID    int64
	OrderDate      Date
	ExpectedDate   *Date
	CostCentre     *string
	Notes          *string
	Lines          []PurchaseOrderLineInput
	IdempotencyKey *string
}

// PurchaseOrderLineInput is one product to order. The price defaults to
// the supplier's last price for the product.
type PurchaseOrderLineInput struct {
	ProductID int64
	Quantity  decimal.Decimal
	UnitPrice *decimal.Decimal
}

// ValidatePurchaseOrderInput returns every rule the input breaks on its own.
func ValidatePurchaseOrderInput(in PurchaseOrderInput) error {
	var es Errors
	checkOptText(&es, "input.costCentre", "cost centre", in.CostCentre, 0, 50)
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkLineCount(&es, len(in.Lines), 1, 500)
	if in.ExpectedDate != nil && !in.OrderDate.IsZero() && in.ExpectedDate.Before(in.OrderDate) {
		es.Add(EINVALID, "input.expectedDate", "expected date may not be before the order date %s", in.OrderDate)
	}
	seen := map[int64]int{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if l.UnitPrice != nil {
			CheckUnitCost(&es, f+"unitPrice", *l.UnitPrice)
		}
		if j, dup := seen[l.ProductID]; dup {
			es.Add(EINVALID, f+"productId", "product %d is already on line %d: put the quantity on one line", l.ProductID, j)
		}
		seen[l.ProductID] = i
	}
	return es.Err()
}

// PurchaseOrderFilter narrows the purchase order list.
type PurchaseOrderFilter struct {
	SupplierID *int64
	Status     []PurchaseOrderStatus
	DateFrom   *Date
	DateTo     *Date
	Search     *string
}

// ApprovalResult is an approved order with the budget warnings it raised.
type ApprovalResult struct {
	Order    *PurchaseOrder
	Warnings []string
}

// GoodsReceipt records goods arriving against a purchase order.
type GoodsReceipt struct {
	ID              int64               `db:"id"`
	Number          string              `db:"number"`
	PurchaseOrderID int64               `db:"purchase_order_id"`
	WarehouseID     int64               `db:"warehouse_id"`
	ReceiptDate     Date                `db:"receipt_date"`
	Notes           string              `db:"notes"`
	JournalEntryID  *int64              `db:"journal_entry_id"`
	CreatedAt       time.Time           `db:"created_at"`
	Lines           []*GoodsReceiptLine `db:"-"`
}

// GoodsReceiptLine is one inspected quantity split into accepted and rejected.
type GoodsReceiptLine struct {
	ReceiptID           int64           `db:"receipt_id"`
	LineNo              int             `db:"line_no"`
	PurchaseOrderLineID int64           `db:"po_line_id"`
	ProductID           int64           `db:"product_id"`
	LocationID          *int64          `db:"location_id"`
	InspectedQty        decimal.Decimal `db:"inspected_qty"`
	AcceptedQty         decimal.Decimal `db:"accepted_qty"`
	RejectedQty         decimal.Decimal `db:"rejected_qty"`
	RejectionReason     string          `db:"rejection_reason"`
	UnitPrice           decimal.Decimal `db:"unit_price"`
	Value               decimal.Decimal `db:"value"`
	Product             *Product        `db:"-"`
}

// GoodsReceiptInput posts a receipt. Each line names its order line
// directly or by a scanned product barcode.
type GoodsReceiptInput struct {
	PurchaseOrderID int64
	ReceiptDate     Date
	Notes           *string
	Lines           []GoodsReceiptLineInput
	IdempotencyKey  *string
}

// GoodsReceiptLineInput is one inspected quantity.
type GoodsReceiptLineInput struct {
	PurchaseOrderLineID *int64
	Barcode             *string
	LocationID          *int64
	AcceptedQty         decimal.Decimal
	RejectedQty         decimal.Decimal
	RejectionReason     *string
}

// ValidateGoodsReceiptInput returns every rule the input breaks on its own.
func ValidateGoodsReceiptInput(in GoodsReceiptInput) error {
	var es Errors
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkLineCount(&es, len(in.Lines), 1, 500)
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		if (l.PurchaseOrderLineID == nil) == (l.Barcode == nil) {
			es.Add(EINVALID, f+"purchaseOrderLineId", "give the order line or a scanned barcode, one of the two")
		}
		if l.AcceptedQty.Sign() < 0 || !hasPlaces(l.AcceptedQty, QuantityPlaces) {
			es.Add(EINVALID, f+"acceptedQuantity", "accepted quantity must be >= 0 with at most 4 decimals")
		}
		if l.RejectedQty.Sign() < 0 || !hasPlaces(l.RejectedQty, QuantityPlaces) {
			es.Add(EINVALID, f+"rejectedQuantity", "rejected quantity must be >= 0 with at most 4 decimals")
		}
		if l.AcceptedQty.Add(l.RejectedQty).Sign() <= 0 {
			es.Add(EINVALID, f+"acceptedQuantity", "a line needs an inspected quantity: accepted + rejected must be > 0")
		}
		reason := ""
		if l.RejectionReason != nil {
			reason = *l.RejectionReason
		}
		if l.RejectedQty.Sign() > 0 {
			checkText(&es, f+"rejectionReason", "rejection reason", reason, 1, 500)
		} else if reason != "" {
			es.Add(EINVALID, f+"rejectionReason", "a rejection reason needs a rejected quantity")
		}
	}
	return es.Err()
}

// SupplierInvoiceKind is what an invoice is for.
type SupplierInvoiceKind string

const (
	InvoiceGoods         SupplierInvoiceKind = "GOODS"
	InvoiceLandedCost    SupplierInvoiceKind = "LANDED_COST"
	InvoiceOperatingCost SupplierInvoiceKind = "OPERATING_COST"
)

// SupplierInvoiceStatus is whether an invoice can be paid.
type SupplierInvoiceStatus string

const (
	InvoiceOpen   SupplierInvoiceStatus = "OPEN"
	InvoiceOnHold SupplierInvoiceStatus = "ON_HOLD" // three-way mismatch: finance must approve first
	InvoicePaid   SupplierInvoiceStatus = "PAID"
)

// MatchIssueKind is what a three-way match found.
type MatchIssueKind string

const (
	MatchPrice    MatchIssueKind = "PRICE"
	MatchQuantity MatchIssueKind = "QUANTITY"
)

// MatchIssue is one difference between order, receipt and invoice beyond tolerance.
type MatchIssue struct {
	LineNo  int            `json:"lineNo"`
	Kind    MatchIssueKind `json:"kind"`
	Message string         `json:"message"`
}

// SupplierInvoice is what a supplier bills.
type SupplierInvoice struct {
	ID                 int64                  `db:"id"`
	Number             string                 `db:"number"`
	SupplierInvoiceNo  string                 `db:"supplier_invoice_no"`
	SupplierID         int64                  `db:"supplier_id"`
	Kind               SupplierInvoiceKind    `db:"kind"`
	PurchaseOrderID    *int64                 `db:"purchase_order_id"`
	InvoiceDate        Date                   `db:"invoice_date"`
	DueDate            Date                   `db:"due_date"`
	Status             SupplierInvoiceStatus  `db:"status"`
	NetAmount          decimal.Decimal        `db:"net_amount"`
	TaxAmount          decimal.Decimal        `db:"tax_amount"`
	TotalAmount        decimal.Decimal        `db:"total_amount"`
	PaidAmount         decimal.Decimal        `db:"paid_amount"`
	MatchIssues        []MatchIssue           `db:"-"`
	MismatchApprovedBy *int64                 `db:"mismatch_approved_by"`
	MismatchApprovedAt *time.Time             `db:"mismatch_approved_at"`
	JournalEntryID     *int64                 `db:"journal_entry_id"`
	CreatedAt          time.Time              `db:"created_at"`
	Lines              []*SupplierInvoiceLine `db:"-"`
	Supplier           *Supplier              `db:"-"`
}

// OpenAmount is what is left to pay.
func (i *SupplierInvoice) OpenAmount() decimal.Decimal { return i.TotalAmount.Sub(i.PaidAmount) }

// SupplierInvoiceLine is one invoiced order line.
type SupplierInvoiceLine struct {
	LineNo              int             `db:"line_no"`
	PurchaseOrderLineID int64           `db:"po_line_id"`
	ProductID           int64           `db:"product_id"`
	Quantity            decimal.Decimal `db:"quantity"`
	UnitPrice           decimal.Decimal `db:"unit_price"`
	OrderPrice          decimal.Decimal `db:"order_price"`
	NetAmount           decimal.Decimal `db:"net_amount"`
	TaxAmount           decimal.Decimal `db:"tax_amount"`
	GRNICleared         decimal.Decimal `db:"grni_cleared"`
	Variance            decimal.Decimal `db:"variance"`
	Product             *Product        `db:"-"`
}

// SupplierInvoiceInput posts a supplier's invoice for goods on one order.
type SupplierInvoiceInput struct {
	PurchaseOrderID   int64
	SupplierInvoiceNo string
	InvoiceDate       Date
	Lines             []SupplierInvoiceLineInput
	IdempotencyKey    *string
}

// SupplierInvoiceLineInput is one invoiced order line at the invoice's net price.
type SupplierInvoiceLineInput struct {
	PurchaseOrderLineID int64
	Quantity            decimal.Decimal
	UnitPrice           decimal.Decimal
}

// ValidateSupplierInvoiceInput returns every rule the input breaks on its own.
func ValidateSupplierInvoiceInput(in SupplierInvoiceInput) error {
	var es Errors
	checkText(&es, "input.supplierInvoiceNumber", "supplier's invoice number", in.SupplierInvoiceNo, 1, 100)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkLineCount(&es, len(in.Lines), 1, 500)
	seen := map[int64]bool{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		CheckUnitCost(&es, f+"unitPrice", l.UnitPrice)
		if seen[l.PurchaseOrderLineID] {
			es.Add(EINVALID, f+"purchaseOrderLineId", "order line %d is invoiced twice on this invoice", l.PurchaseOrderLineID)
		}
		seen[l.PurchaseOrderLineID] = true
	}
	return es.Err()
}

// MatchTolerance is how far an invoice may differ from order and receipt.
type MatchTolerance struct {
	Price    decimal.Decimal // fraction of the order price, such as 0.02
	Quantity decimal.Decimal // fraction of the received quantity
}

// ThreeWayMatch compares one invoice line with its order line (price) and
// with what was received and not yet invoiced (quantity).
func ThreeWayMatch(lineNo int, sku string, inv SupplierInvoiceLineInput, po *PurchaseOrderLine, tol MatchTolerance) []MatchIssue {
	var out []MatchIssue
	diff := inv.UnitPrice.Sub(po.UnitPrice).Abs()
	if diff.GreaterThan(po.UnitPrice.Mul(tol.Price)) {
		out = append(out, MatchIssue{LineNo: lineNo, Kind: MatchPrice, Message: fmt.Sprintf(
			"%s: invoiced at %s, ordered at %s (tolerance %s%%)", sku, inv.UnitPrice.String(), po.UnitPrice.String(), tol.Price.Mul(hundred).String())})
	}
	open := po.ReceivedQty.Sub(po.InvoicedQty)
	allowed := open.Add(po.ReceivedQty.Mul(tol.Quantity))
	if inv.Quantity.GreaterThan(allowed) {
		out = append(out, MatchIssue{LineNo: lineNo, Kind: MatchQuantity, Message: fmt.Sprintf(
			"%s: invoiced %s but only %s received and not yet invoiced", sku, inv.Quantity.String(), open.String())})
	}
	return out
}

// SupplierPayment pays a supplier, allocated to its invoices.
type SupplierPayment struct {
	ID             int64                `db:"id"`
	Number         string               `db:"number"`
	SupplierID     int64                `db:"supplier_id"`
	PaymentDate    Date                 `db:"payment_date"`
	Amount         decimal.Decimal      `db:"amount"`
	Reference      string               `db:"reference"`
	JournalEntryID *int64               `db:"journal_entry_id"`
	CreatedAt      time.Time            `db:"created_at"`
	Allocations    []*PaymentAllocation `db:"-"`
	Supplier       *Supplier            `db:"-"`
}

// PaymentAllocation is the part of a payment that settles one invoice.
type PaymentAllocation struct {
	InvoiceID int64            `db:"invoice_id"`
	Amount    decimal.Decimal  `db:"amount"`
	Invoice   *SupplierInvoice `db:"-"`
}

// SupplierPaymentInput pays a supplier. The allocations must add up to the amount.
type SupplierPaymentInput struct {
	SupplierID     int64
	PaymentDate    Date
	Amount         decimal.Decimal
	Reference      *string
	Allocations    []PaymentAllocationInput
	IdempotencyKey *string
}

// PaymentAllocationInput allocates part of a payment to an invoice.
type PaymentAllocationInput struct {
	InvoiceID int64
	Amount    decimal.Decimal
}

// ValidateSupplierPaymentInput returns every rule the input breaks on its own.
func ValidateSupplierPaymentInput(in SupplierPaymentInput) error {
	var es Errors
	CheckMoney(&es, "input.amount", in.Amount)
	if in.Amount.Sign() == 0 {
		es.Add(EINVALID, "input.amount", "amount must be > 0")
	}
	checkOptText(&es, "input.reference", "reference", in.Reference, 0, 200)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if len(in.Allocations) == 0 || len(in.Allocations) > 500 {
		es.Add(EINVALID, "input.allocations", "a payment is allocated to 1 to 500 invoices")
	}
	sum := decimal.Zero
	seen := map[int64]bool{}
	for i, a := range in.Allocations {
		f := fmt.Sprintf("input.allocations.%d.", i)
		CheckMoney(&es, f+"amount", a.Amount)
		if a.Amount.Sign() == 0 {
			es.Add(EINVALID, f+"amount", "amount must be > 0")
		}
		if seen[a.InvoiceID] {
			es.Add(EINVALID, f+"invoiceId", "invoice %d is allocated twice", a.InvoiceID)
		}
		seen[a.InvoiceID] = true
		sum = sum.Add(a.Amount)
	}
	if len(in.Allocations) > 0 && !sum.Equal(in.Amount) {
		es.Add(EINVALID, "input.allocations", "allocations add up to %s but the payment is %s", sum.StringFixed(2), in.Amount.StringFixed(2))
	}
	return es.Err()
}

// PayablesAgingRow is one supplier's open payables.
type PayablesAgingRow struct {
	Supplier *Supplier
	AgingBuckets
}

// PayablesAging is open payables per supplier as of a date.
type PayablesAging struct {
	AsOf  Date
	Rows  []*PayablesAgingRow
	Total AgingBuckets
}

// LandedCostKind is what a landed cost is for.
type LandedCostKind string

// Landed cost kinds.
const (
	LandedFreight   LandedCostKind = "FREIGHT"
	LandedDuty      LandedCostKind = "DUTY"
	LandedInsurance LandedCostKind = "INSURANCE"
	LandedOther     LandedCostKind = "OTHER"
)

// AllocationBasis is how a landed cost is spread over receipt lines.
type AllocationBasis string

// Allocation bases.
const (
	ByValue    AllocationBasis = "VALUE"
	ByQuantity AllocationBasis = "QUANTITY"
)

// PayFrom is where an operating or landed cost is paid from.
type PayFrom string

// Where costs are paid from.
const (
	PayFromBank    PayFrom = "BANK"
	PayFromPayable PayFrom = "PAYABLE"
)

// LandedCost is freight, duty or insurance spread over receipt lines.
type LandedCost struct {
	ID                int64                   `db:"id"`
	Number            string                  `db:"number"`
	Kind              LandedCostKind          `db:"kind"`
	Basis             AllocationBasis         `db:"basis"`
	PostingDate       Date                    `db:"posting_date"`
	Amount            decimal.Decimal         `db:"amount"`
	Description       string                  `db:"description"`
	SupplierInvoiceID *int64                  `db:"supplier_invoice_id"`
	JournalEntryID    *int64                  `db:"journal_entry_id"`
	CreatedAt         time.Time               `db:"created_at"`
	Allocations       []*LandedCostAllocation `db:"-"`
}

// LandedCostAllocation is one receipt line's share.
type LandedCostAllocation struct {
	ReceiptID    int64           `db:"receipt_id"`
	LineNo       int             `db:"line_no"`
	ProductID    int64           `db:"product_id"`
	WarehouseID  int64           `db:"warehouse_id"`
	Amount       decimal.Decimal `db:"amount"`
	OnHandAmount decimal.Decimal `db:"on_hand_amount"`
	SoldAmount   decimal.Decimal `db:"sold_amount"`
	Product      *Product        `db:"-"`
}

// LandedCostInput posts a landed cost over the lines of some receipts.
type LandedCostInput struct {
	Kind              LandedCostKind
	Basis             AllocationBasis
	PostingDate       Date
	Amount            decimal.Decimal
	ReceiptIDs        []int64
	Description       *string
	PayFrom           PayFrom
	SupplierID        *int64 // the forwarder, broker or insurer, when PayFrom is PAYABLE
	SupplierInvoiceNo *string
	IdempotencyKey    *string
}

// ValidateLandedCostInput returns every rule the input breaks on its own.
func ValidateLandedCostInput(in LandedCostInput) error {
	var es Errors
	switch in.Kind {
	case LandedFreight, LandedDuty, LandedInsurance, LandedOther:
	default:
		es.Add(EINVALID, "input.kind", "unknown landed cost kind %q", in.Kind)
	}
	if in.Basis != ByValue && in.Basis != ByQuantity {
		es.Add(EINVALID, "input.basis", "basis must be VALUE or QUANTITY")
	}
	CheckMoney(&es, "input.amount", in.Amount)
	if in.Amount.Sign() == 0 {
		es.Add(EINVALID, "input.amount", "amount must be > 0")
	}
	if len(in.ReceiptIDs) == 0 || len(in.ReceiptIDs) > 100 {
		es.Add(EINVALID, "input.receiptIds", "name 1 to 100 receipts to spread the cost over")
	}
	checkOptText(&es, "input.description", "description", in.Description, 0, 500)
	checkPayFrom(&es, in.PayFrom, in.SupplierID, in.SupplierInvoiceNo)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

func checkPayFrom(es *Errors, p PayFrom, supplierID *int64, invoiceNo *string) {
	switch p {
	case PayFromBank:
		if supplierID != nil {
			es.Add(EINVALID, "input.supplierId", "a supplier is given only when the cost is payable (payFrom PAYABLE)")
		}
	case PayFromPayable:
		if supplierID == nil {
			es.Add(EINVALID, "input.supplierId", "a payable cost needs the supplier who bills it")
		}
		if invoiceNo == nil || *invoiceNo == "" {
			es.Add(EINVALID, "input.supplierInvoiceNumber", "a payable cost needs the supplier's invoice number")
		}
	default:
		es.Add(EINVALID, "input.payFrom", "payFrom must be BANK or PAYABLE")
	}
	checkOptText(es, "input.supplierInvoiceNumber", "supplier's invoice number", invoiceNo, 0, 100)
}

// PurchasingSettings are the tolerances purchasing works with.
type PurchasingSettings struct {
	PriceTolerance     decimal.Decimal `db:"price_tolerance"`
	QuantityTolerance  decimal.Decimal `db:"quantity_tolerance"`
	PriceRiseThreshold decimal.Decimal `db:"price_rise_threshold"`
}

// ValidatePurchasingSettings returns every rule the settings break.
func ValidatePurchasingSettings(s PurchasingSettings) error {
	var es Errors
	for _, f := range []struct {
		name string
		v    decimal.Decimal
		max  int64
	}{{"input.priceTolerance", s.PriceTolerance, 1}, {"input.quantityTolerance", s.QuantityTolerance, 1}, {"input.priceRiseThreshold", s.PriceRiseThreshold, 10}} {
		if f.v.Sign() < 0 || f.v.GreaterThanOrEqual(decimal.NewFromInt(f.max)) || !hasPlaces(f.v, 4) {
			es.Add(EINVALID, f.name, "must be a fraction from 0 to below %d with at most 4 decimals, such as 0.05", f.max)
		}
	}
	return es.Err()
}

// PriceRose reports whether newPrice is above last by more than threshold
// (a fraction), and by how much as a fraction.
func PriceRose(last, newPrice, threshold decimal.Decimal) (bool, decimal.Decimal) {
	if last.Sign() <= 0 {
		return false, decimal.Zero
	}
	rise := DivRound(newPrice.Sub(last), last, 4)
	return rise.GreaterThan(threshold), rise
}

// PurchaseSuggestion is a product to reorder.
type PurchaseSuggestion struct {
	ProductID         int64
	WarehouseID       int64
	Available         decimal.Decimal // on hand less reserved
	OnOrder           decimal.Decimal // open purchase order quantity not yet received
	ReplenishmentNeed decimal.Decimal // shortages recorded by sales confirmations
	ReorderPoint      decimal.Decimal
	Shortage          decimal.Decimal
	Quantity          decimal.Decimal
	SupplierID        *int64
	UnitPrice         *decimal.Decimal
	ExpectedDate      *Date
	Reason            string
	Product           *Product
	Warehouse         *Warehouse
	Supplier          *Supplier
}

// SuggestQuantity decides whether and how much to reorder: the position is
// available + on order - needs; under the reorder point (or short of needs)
// the shortage is what brings it back to the reorder point, and the order is
// the reorder quantity or the shortage, whichever is larger.
func SuggestQuantity(available, onOrder, need, reorderPoint, reorderQty decimal.Decimal) (shortage, qty decimal.Decimal, ok bool) {
	position := available.Add(onOrder).Sub(need)
	if position.GreaterThanOrEqual(reorderPoint) && position.Sign() >= 0 {
		return decimal.Zero, decimal.Zero, false
	}
	shortage = decimal.Max(reorderPoint, decimal.Zero).Sub(position)
	if reorderPoint.Sign() == 0 && position.Sign() < 0 {
		shortage = position.Neg()
	}
	qty = decimal.Max(reorderQty, shortage)
	if qty.Sign() <= 0 {
		return decimal.Zero, decimal.Zero, false
	}
	return shortage, qty, true
}

// SuggestionOrderInput turns selected suggestions into draft orders.
type SuggestionOrderInput struct {
	Lines          []SuggestionOrderLine
	OrderDate      Date
	CostCentre     *string
	IdempotencyKey *string
}

// SuggestionOrderLine is one selected suggestion, with optional overrides.
type SuggestionOrderLine struct {
	ProductID   int64
	WarehouseID int64
	Quantity    *decimal.Decimal
	SupplierID  *int64
	UnitPrice   *decimal.Decimal
}

// SupplierScorecard rates a supplier from its history.
type SupplierScorecard struct {
	SupplierID          int64
	Since               Date
	Receipts            int
	OnTimeReceipts      int
	OnTimeRate          *decimal.Decimal // null without receipts
	AverageLeadTimeDays *decimal.Decimal
	LeadTimeSpreadDays  *decimal.Decimal // standard deviation
	InspectedQuantity   decimal.Decimal
	RejectedQuantity    decimal.Decimal
	RejectionRate       *decimal.Decimal
	Score               decimal.Decimal // 0..100, higher is better
	PriceTrends         []*PriceTrend
	Supplier            *Supplier
}

// PriceTrend is a supplier's prices for one product over the window.
type PriceTrend struct {
	ProductID     int64
	Points        int
	FirstPrice    decimal.Decimal
	LastPrice     decimal.Decimal
	MinPrice      decimal.Decimal
	MaxPrice      decimal.Decimal
	ChangePercent decimal.Decimal
	Product       *Product
}

// SupplierOption is a supplier of a product with its offer and scorecard,
// best first in lists.
type SupplierOption struct {
	Supplier  *Supplier
	Offer     *SupplierProduct
	Scorecard *SupplierScorecard
}

// ScoreSupplier combines on-time rate and rejection rate into 0..100:
// 60 % on time, 40 % quality. A supplier without history scores 50.
func ScoreSupplier(onTime, rejection *decimal.Decimal) decimal.Decimal {
	if onTime == nil && rejection == nil {
		return decimal.NewFromInt(50)
	}
	ot, rj := decimal.New(5, -1), decimal.Zero
	if onTime != nil {
		ot = *onTime
	}
	if rejection != nil {
		rj = *rejection
	}
	s := ot.Mul(decimal.NewFromInt(60)).Add(decimal.NewFromInt(1).Sub(rj).Mul(decimal.NewFromInt(40)))
	return s.Round(2)
}

// PurchasingService is procure to pay.
type PurchasingService interface {
	CreateSupplier(ctx context.Context, in SupplierInput) (*Supplier, error)
	UpdateSupplier(ctx context.Context, in SupplierUpdate) (*Supplier, error)
	SetSupplierProduct(ctx context.Context, in SupplierProductInput) (*SupplierProduct, error)
	FindSuppliers(ctx context.Context, f SupplierFilter, p PageArgs) (*Page[*Supplier], error)
	FindSupplierByID(ctx context.Context, id int64) (*Supplier, error)
	// Scorecards rates a page of suppliers at once.
	Scorecards(ctx context.Context, supplierIDs []int64, since Date) (map[int64]*SupplierScorecard, error)
	ProductSuppliers(ctx context.Context, productID int64, since Date) ([]*SupplierOption, error)

	Settings(ctx context.Context) (*PurchasingSettings, error)
	UpdateSettings(ctx context.Context, s PurchasingSettings) (*PurchasingSettings, error)

	CreatePurchaseOrder(ctx context.Context, in PurchaseOrderInput) (*PurchaseOrder, error)
	SubmitPurchaseOrder(ctx context.Context, id int64) (*PurchaseOrder, error)
	ApprovePurchaseOrder(ctx context.Context, id int64) (*ApprovalResult, error)
	CancelPurchaseOrder(ctx context.Context, id int64) (*PurchaseOrder, error)
	ClosePurchaseOrder(ctx context.Context, id int64) (*PurchaseOrder, error)
	FindPurchaseOrders(ctx context.Context, f PurchaseOrderFilter, p PageArgs) (*Page[*PurchaseOrder], error)
	FindPurchaseOrderByID(ctx context.Context, id int64) (*PurchaseOrder, error)
	FindOrderLineByBarcode(ctx context.Context, orderID int64, barcode string) (*PurchaseOrderLine, error)

	Suggestions(ctx context.Context, warehouseID *int64) ([]*PurchaseSuggestion, error)
	CreateOrdersFromSuggestions(ctx context.Context, in SuggestionOrderInput) ([]*PurchaseOrder, error)

	PostGoodsReceipt(ctx context.Context, in GoodsReceiptInput) (*GoodsReceipt, error)
	// FindGoodsReceiptsByOrder reads the receipts of a page of orders at once.
	FindGoodsReceiptsByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*GoodsReceipt, error)
	FindGoodsReceiptByID(ctx context.Context, id int64) (*GoodsReceipt, error)

	PostSupplierInvoice(ctx context.Context, in SupplierInvoiceInput) (*SupplierInvoice, error)
	ApproveInvoiceMismatch(ctx context.Context, id int64) (*SupplierInvoice, error)
	FindSupplierInvoices(ctx context.Context, f SupplierInvoiceFilter, p PageArgs) (*Page[*SupplierInvoice], error)
	FindSupplierInvoiceByID(ctx context.Context, id int64) (*SupplierInvoice, error)

	PostSupplierPayment(ctx context.Context, in SupplierPaymentInput) (*SupplierPayment, error)
	FindSupplierPayments(ctx context.Context, supplierID *int64, p PageArgs) (*Page[*SupplierPayment], error)
	PayablesAging(ctx context.Context, asOf Date) (*PayablesAging, error)

	PostLandedCost(ctx context.Context, in LandedCostInput) (*LandedCost, error)
	FindLandedCostByID(ctx context.Context, id int64) (*LandedCost, error)
}

// SupplierInvoiceFilter narrows the supplier invoice list.
type SupplierInvoiceFilter struct {
	SupplierID      *int64
	PurchaseOrderID *int64
	Status          []SupplierInvoiceStatus
	Kind            *SupplierInvoiceKind
}

// Invariant 5 for payables, checked by booksCheck.
const (
	RuleAPMismatch     BooksRule = "AP_MISMATCH"
	RuleGRNIMismatch   BooksRule = "GRNI_MISMATCH"
	RuleInvoiceBalance BooksRule = "SUPPLIER_INVOICE_BALANCE"
)
