package jxc

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Supplier invoices and the three-way match against order and receipt.

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
