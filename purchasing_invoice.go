package jxc

import (
	"fmt"
	"strings"
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
	ID                 int64                 `db:"id"`
	Number             string                `db:"number"`
	SupplierInvoiceNo  string                `db:"supplier_invoice_no"`
	SupplierID         int64                 `db:"supplier_id"`
	Kind               SupplierInvoiceKind   `db:"kind"`
	PurchaseOrderID    *int64                `db:"purchase_order_id"`
	InvoiceDate        Date                  `db:"invoice_date"`
	DueDate            Date                  `db:"due_date"`
	Status             SupplierInvoiceStatus `db:"status"`
	NetAmount          decimal.Decimal       `db:"net_amount"`
	TaxAmount          decimal.Decimal       `db:"tax_amount"`
	TotalAmount        decimal.Decimal       `db:"total_amount"`
	PaidAmount         decimal.Decimal       `db:"paid_amount"`
	MatchIssues        []MatchIssue          `db:"-"`
	MismatchApprovedBy *int64                `db:"mismatch_approved_by"`
	MismatchApprovedAt *time.Time            `db:"mismatch_approved_at"`
	JournalEntryID     *int64                `db:"journal_entry_id"`
	CreatedAt          time.Time             `db:"created_at"`
	// The Golden Tax invoice's fields, as entered or imported.
	VatInvoiceInfo
	Lines    []*SupplierInvoiceLine `db:"-"`
	Supplier *Supplier              `db:"-"`
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
	// VatInvoice is the Golden Tax invoice's fields, if known already.
	VatInvoice *VatInvoiceInfo
}

// VatInvoice returns the invoice's Golden Tax fields.
func (i *SupplierInvoice) VatInvoice() *VatInvoiceInfo { return &i.VatInvoiceInfo }

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
	checkEachOnce(&es, "input.lines", in.Lines, func(l SupplierInvoiceLineInput) int64 { return l.PurchaseOrderLineID },
		"purchaseOrderLineId", "the order line is invoiced twice on this invoice", func(f string, l SupplierInvoiceLineInput) {
			CheckQuantity(&es, f+"quantity", l.Quantity)
			CheckUnitCost(&es, f+"unitPrice", l.UnitPrice)
		})
	amounts := make([]LineAmount, len(in.Lines))
	for i, l := range in.Lines {
		amounts[i] = LineAmount{fmt.Sprintf("input.lines.%d.quantity", i), l.Quantity, l.UnitPrice}
	}
	CheckLineAmounts(&es, "input.lines", "unit price", amounts)
	if in.VatInvoice != nil {
		CheckVatInvoiceInfo(&es, "input.vatInvoice.", in.VatInvoice.Normalized())
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
		out = append(out, MatchIssue{LineNo: lineNo, Kind: MatchPrice, Message: Render(DefaultLang,
			"{product}: invoiced at {invoicePrice}, ordered at {orderPrice} (tolerance {tolerance}%)", P{"product": sku, "invoicePrice": inv.UnitPrice, "orderPrice": po.UnitPrice, "tolerance": tol.Price.Mul(hundred)})})
	}
	open := po.ReceivedQty.Sub(po.InvoicedQty)
	allowed := open.Add(po.ReceivedQty.Mul(tol.Quantity))
	if inv.Quantity.GreaterThan(allowed) {
		out = append(out, MatchIssue{LineNo: lineNo, Kind: MatchQuantity, Message: Render(DefaultLang,
			"{product}: invoiced {quantity} but only {open} received and not yet invoiced", P{"product": sku, "quantity": inv.Quantity, "open": open})})
	}
	return out
}

// SupplierInvoicePlan is how a supplier's invoice meets its order.
type SupplierInvoicePlan struct {
	Order *PurchaseOrder
	Input SupplierInvoiceInput
	// Lines are the order lines the input's lines invoice, by position.
	Lines []*PurchaseOrderLine
	// Issues are the three-way match's findings beyond tolerance; any
	// puts the invoice on hold.
	Issues []MatchIssue
}

// PlanSupplierInvoice matches an invoice's lines (in.InvoiceDate set) to its
// order and returns every rule it breaks against the order at once: the
// order's status and date, lines not on it, more invoiced than is ordered
// and not yet invoiced.
func PlanSupplierInvoice(o *PurchaseOrder, tol MatchTolerance, in SupplierInvoiceInput) (*SupplierInvoicePlan, error) {
	var es Errors
	byID := checkOrderDocument(&es, o, o.Status.Invoiceable(), Texts{ZH: "只有已审批的订单可以开票", EN: "only approved orders are invoiced"}, "input.invoiceDate", Texts{ZH: "发票", EN: "an invoice"}, in.InvoiceDate)
	p := &SupplierInvoicePlan{Order: o, Input: in, Lines: make([]*PurchaseOrderLine, len(in.Lines))}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		pl := byID[l.PurchaseOrderLineID]
		if pl == nil {
			es.Add(ENOTFOUND, f+"purchaseOrderLineId", "the line is not on purchase order {order}", P{"order": o.Number})
			continue
		}
		p.Lines[i] = pl
		if left := pl.Quantity.Sub(pl.InvoicedQty); l.Quantity.GreaterThan(left) {
			es.Add(ECONFLICT, f+"quantity", "only {left} of {product} is ordered and not yet invoiced on {order} line {line}; {quantity} cannot be invoiced",
				P{"left": left, "product": pl.Product.SKU, "order": o.Number, "line": pl.LineNo, "quantity": l.Quantity})
		}
		p.Issues = append(p.Issues, ThreeWayMatch(i+1, pl.Product.SKU, l, pl, tol)...)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// Status is OPEN, or ON_HOLD when the match found issues.
func (p *SupplierInvoicePlan) Status() SupplierInvoiceStatus {
	if len(p.Issues) > 0 {
		return InvoiceOnHold
	}
	return InvoiceOpen
}

// Posting clears GRNI for what the invoice bills and books the variance
// and input VAT against the payable.
func (p *SupplierInvoicePlan) Posting(number string) *InvoicePosting {
	o, in := p.Order, p.Input
	ev := &InvoicePosting{Date: in.InvoiceDate, Description: T("Supplier invoice {number} ({supplier} {supplierInvoice}) for {order}",
		P{"number": number, "supplier": o.Supplier.Code, "supplierInvoice": strings.TrimSpace(in.SupplierInvoiceNo), "order": o.Number}), Partner: o.Supplier.Code, CostCentre: o.CostCentre}
	for i, l := range in.Lines {
		pl := p.Lines[i]
		ev.Lines = append(ev.Lines, &InvoicePostingLine{Quantity: l.Quantity, UnitPrice: l.UnitPrice, VATRate: pl.VATRate,
			OrderPrice: pl.UnitPrice, ReceivedQty: pl.ReceivedQty, ReceivedValue: pl.ReceivedValue, InvoicedQty: pl.InvoicedQty, GRNICleared: pl.GRNICleared})
	}
	return ev
}

// BudgetCharges are the invoice's budget entries, given its posting once
// posted (which prices each line): the commitment falls by what each line
// no longer has to be invoiced (telescoping to the cent), in the order's
// period; the actual is the invoice's net, in the invoice's period.
func (p *SupplierInvoicePlan) BudgetCharges(ev *InvoicePosting) (release, actual []BudgetCharge) {
	o := p.Order
	for i, l := range p.Input.Lines {
		pl, el := p.Lines[i], ev.Lines[i]
		before := pl.UninvoicedAmount()
		after := RoundMoney(pl.Quantity.Sub(pl.InvoicedQty).Sub(l.Quantity).Mul(pl.UnitPrice))
		one := &PurchaseOrder{OrderDate: o.OrderDate, CostCentre: o.CostCentre, Lines: []*PurchaseOrderLine{pl}}
		release = append(release, OrderCharges(one, func(*PurchaseOrderLine) decimal.Decimal { return after.Sub(before) })...)
		one.OrderDate = p.Input.InvoiceDate
		actual = append(actual, OrderCharges(one, func(*PurchaseOrderLine) decimal.Decimal { return el.Net })...)
	}
	return release, actual
}
