package jxc

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Purchase orders: their life cycle, lines and what has happened to them.

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

var poStatusLabels = map[PurchaseOrderStatus]Texts{
	PODraft: {ZH: "草稿", EN: "DRAFT"}, POSubmitted: {ZH: "已提交", EN: "SUBMITTED"}, POApproved: {ZH: "已审批", EN: "APPROVED"},
	POPartiallyReceived: {ZH: "部分收货", EN: "PARTIALLY_RECEIVED"}, POReceived: {ZH: "已收货", EN: "RECEIVED"},
	POClosed: {ZH: "已关闭", EN: "CLOSED"}, POCancelled: {ZH: "已取消", EN: "CANCELLED"},
}

// Label names the status for people: in Chinese, or as the API names it.
func (s PurchaseOrderStatus) Label() Texts {
	if l, ok := poStatusLabels[s]; ok {
		return l
	}
	return Texts{ZH: string(s), EN: string(s)}
}

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
	// The line's unit ("" is the stock unit) and its factor to the stock
	// unit: quantities and the price are in the line's unit.
	Unit       string          `db:"unit"`
	UnitFactor decimal.Decimal `db:"unit_factor"`
	Product    *Product        `db:"-"`
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
	Unit      *string // one of the product's units; nil: its purchase unit
}

// ValidatePurchaseOrderInput returns every rule the input breaks on its own.
func ValidatePurchaseOrderInput(in PurchaseOrderInput) error {
	var es Errors
	checkOptText(&es, "input.costCentre", "cost centre", in.CostCentre, 0, 50)
	checkOptText(&es, "input.notes", "notes", in.Notes, 0, 2000)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkLineCount(&es, len(in.Lines), 1, 500)
	if in.ExpectedDate != nil && !in.OrderDate.IsZero() && in.ExpectedDate.Before(in.OrderDate) {
		es.Add(EINVALID, "input.expectedDate", "expected date may not be before the order date {date}", P{"date": in.OrderDate.String()})
	}
	seen := map[int64]int{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if l.UnitPrice != nil {
			CheckUnitCost(&es, f+"unitPrice", *l.UnitPrice)
		}
		if j, dup := seen[l.ProductID]; dup {
			es.Add(EINVALID, f+"productId", "the product is already on line {line}: put the quantity on one line", P{"line": j + 1})
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

// OrderCharges is what an order's lines commit, per budget key: net
// amount at order price against inventory (1405), by the order's cost
// centre and period and each product's category. amount picks the part.
// An order without a cost centre charges no budget.
func OrderCharges(o *PurchaseOrder, amount func(l *PurchaseOrderLine) decimal.Decimal) []BudgetCharge {
	if o.CostCentre == "" {
		return nil
	}
	var out []BudgetCharge
	for _, l := range o.Lines {
		var cat *int64
		if l.Product != nil {
			cat = l.Product.CategoryID
		}
		out = append(out, BudgetCharge{Year: o.OrderDate.Year, Month: int(o.OrderDate.Month), CostCentre: o.CostCentre,
			AccountCode: AccountInventory, CategoryID: cat, Amount: amount(l)})
	}
	return out
}

// PurchaseOrderPlan is what a new order's lines cost and when it is due.
type PurchaseOrderPlan struct {
	Prices   []decimal.Decimal // by line
	Expected Date
}

// PlanPurchaseOrder prices a new order (in.OrderDate set) from its supplier
// (nil when there is none) and returns every rule it breaks at once: the
// supplier missing, inactive or in another currency; refErrs, the
// catalogue's errors of the lines' products and warehouse (a bad warehouse
// is reported once, on the order); lines without a price given or known.
// Fields are under prefix ("input." or a suggestion's path); lineField
// names a line's path. The order is due after the longest lead time of
// the supplier and its products, unless in says when.
func PlanPurchaseOrder(sup *Supplier, in PurchaseOrderInput, prefix string, lineField func(int) string, refErrs Errors, skus map[int64]string) (*PurchaseOrderPlan, error) {
	var es Errors
	switch {
	case sup == nil:
		es.Add(ENOTFOUND, prefix+"supplierId", "no such supplier")
	case !sup.Active:
		es.Add(EINVALID, prefix+"supplierId", "supplier {supplier} is inactive", P{"supplier": sup.Code})
	case sup.Currency != CompanyCurrency:
		es.Add(EINVALID, prefix+"supplierId", "supplier {supplier} invoices in {currency}; orders are in {companyCurrency} only for now", P{"supplier": sup.Code, "currency": sup.Currency, "companyCurrency": CompanyCurrency})
	}
	whDone := false
	for _, e := range refErrs {
		if strings.HasSuffix(e.Field, "warehouseId") {
			if !whDone {
				e2 := *e
				e2.Field = prefix + "warehouseId"
				es = append(es, &e2)
				whDone = true
			}
			continue
		}
		es = append(es, e)
	}
	known := map[int64]*SupplierProduct{}
	lead := 0
	if sup != nil {
		for _, sp := range sup.Products {
			known[sp.ProductID] = sp
		}
		lead = sup.LeadTimeDays
	}
	p := &PurchaseOrderPlan{Prices: make([]decimal.Decimal, len(in.Lines))}
	for i, l := range in.Lines {
		sp := known[l.ProductID]
		switch {
		case l.UnitPrice != nil:
			p.Prices[i] = *l.UnitPrice
		case sp != nil && sp.LastPrice != nil && sp.Active:
			p.Prices[i] = *sp.LastPrice
		case sup != nil:
			es.Add(EINVALID, lineField(i)+"unitPrice", "no price is known for {product} from supplier {supplier}: give a unit price", P{"product": skuOf(skus, l.ProductID), "supplier": sup.Code})
		}
		if sp != nil && sp.LeadTimeDays != nil && *sp.LeadTimeDays > lead {
			lead = *sp.LeadTimeDays
		}
		if sp != nil && sp.Active && sp.MinOrderQty != nil && l.Quantity.Sign() > 0 && l.Quantity.LessThan(*sp.MinOrderQty) {
			es.Add(EINVALID, lineField(i)+"quantity", "supplier {supplier} takes at least {min} of {product} per order; {quantity} is less",
				P{"supplier": sup.Code, "min": *sp.MinOrderQty, "product": skuOf(skus, l.ProductID), "quantity": l.Quantity})
		}
	}
	amounts := make([]LineAmount, len(in.Lines))
	for i, l := range in.Lines {
		amounts[i] = LineAmount{lineField(i) + "quantity", l.Quantity, p.Prices[i]}
	}
	CheckLineAmounts(&es, prefix+"lines", "unit price", amounts)
	if err := es.Err(); err != nil {
		return nil, err
	}
	p.Expected = in.OrderDate.AddDays(lead)
	if in.ExpectedDate != nil {
		p.Expected = *in.ExpectedDate
	}
	return p, nil
}

// checkOrderDocument adds the rules a document against a purchase order
// (a receipt, an invoice) breaks on its head: the order's status does not
// allow it (allowed; refused says which do), or the document (what, dated
// d) is dated before the order. It returns the order's lines by id, for
// matching the document's lines.
func checkOrderDocument(es *Errors, o *PurchaseOrder, allowed bool, refused Texts, dateField string, what Texts, d Date) map[int64]*PurchaseOrderLine {
	if !allowed {
		es.Add(ECONFLICT, "input.purchaseOrderId", "purchase order {order} is {status}; {refused}", P{"order": o.Number, "status": o.Status.Label(), "refused": refused})
	}
	if d.Before(o.OrderDate) {
		es.Add(EINVALID, dateField, "{document} may not be dated before its order ({date})", P{"document": what, "date": o.OrderDate.String()})
	}
	byID := map[int64]*PurchaseOrderLine{}
	for _, l := range o.Lines {
		byID[l.ID] = l
	}
	return byID
}

// skuOf names a product in a message by its SKU (skus maps ids to SKUs);
// "" when it is not known, never its id.
func skuOf(skus map[int64]string, productID int64) string { return skus[productID] }
