package jxc

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Goods receipts: goods arriving against a purchase order.

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
	// BatchNumber, ExpiryDate and ProductionDate: the batch of a
	// batch-tracked product (batches.go); the expiry is required for an
	// expiry-tracked one unless its shelf life gives it from the production date.
	BatchNumber    *string
	ExpiryDate     *Date
	ProductionDate *Date
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

// OrderLineForBarcode finds the line of o that orders the product a
// barcode names; productOf maps barcodes (trimmed) to their products.
func OrderLineForBarcode(o *PurchaseOrder, barcode string, productOf map[string]int64, field string) (*PurchaseOrderLine, error) {
	pid, ok := productOf[strings.TrimSpace(barcode)]
	if !ok {
		return nil, FieldErrorf(ENOTFOUND, field, "no product has the barcode {barcode}", P{"barcode": barcode})
	}
	for _, l := range o.Lines {
		if l.ProductID == pid {
			return l, nil
		}
	}
	return nil, FieldErrorf(ENOTFOUND, field, "barcode {barcode} names a product that is not on purchase order {order}", P{"barcode": barcode, "order": o.Number})
}

// ReceiptPlan is how a goods receipt's lines meet its order.
type ReceiptPlan struct {
	Order *PurchaseOrder
	Input GoodsReceiptInput
	// Lines are the order lines the input's lines receive into, by input
	// position (nil where a line was refused).
	Lines []*PurchaseOrderLine
	// Located are the positions of the lines that name a bin, for the
	// caller to check the bin, product and warehouse against the catalogue.
	Located []int
}

// PlanGoodsReceipt matches a receipt's lines to its order (by order line
// or barcode, productOf as for OrderLineForBarcode) and adds to es every
// rule the receipt breaks against the order: its status and date, lines
// not on it or received twice, more accepted than is still open. Lines
// that name neither or both of order line and barcode are left to the
// input's validation, whose errors es already holds.
func PlanGoodsReceipt(o *PurchaseOrder, productOf map[string]int64, in GoodsReceiptInput, es *Errors) *ReceiptPlan {
	byID := checkOrderDocument(es, o, o.Status.Receivable(), Texts{ZH: "只能对已审批或部分收货的订单收货", EN: "goods are received against APPROVED or PARTIALLY_RECEIVED orders"}, "input.receiptDate", Texts{ZH: "收货单", EN: "a receipt"}, in.ReceiptDate)
	p := &ReceiptPlan{Order: o, Input: in, Lines: make([]*PurchaseOrderLine, len(in.Lines))}
	seen := map[int64]int{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		var pl *PurchaseOrderLine
		if (l.PurchaseOrderLineID == nil) == (l.Barcode == nil) {
			continue // reported by the validation
		}
		if l.Barcode != nil {
			var err error
			if pl, err = OrderLineForBarcode(o, *l.Barcode, productOf, f+"barcode"); err != nil {
				le, _ := AsErrors(err)
				*es = append(*es, le...)
				continue
			}
		} else if pl = byID[*l.PurchaseOrderLineID]; pl == nil {
			es.Add(ENOTFOUND, f+"purchaseOrderLineId", "the line is not on purchase order {order}", P{"order": o.Number})
			continue
		}
		if j, dup := seen[pl.ID]; dup {
			es.Add(EINVALID, f+"purchaseOrderLineId", "order line {orderLine} is already received on line {line} of this receipt", P{"orderLine": pl.LineNo, "line": j + 1})
			continue
		}
		seen[pl.ID] = i
		p.Lines[i] = pl
		if l.AcceptedQty.GreaterThan(pl.OpenQuantity()) {
			es.Add(ECONFLICT, f+"acceptedQuantity", "only {open} of {product} is still to be received on {order} line {line}; {quantity} cannot be accepted",
				P{"open": pl.OpenQuantity(), "product": pl.Product.SKU, "order": o.Number, "line": pl.LineNo, "quantity": l.AcceptedQty})
		}
		if l.LocationID != nil {
			p.Located = append(p.Located, i)
		}
	}
	return p
}

// Posting puts the accepted quantities into stock at the order price; a
// receipt that accepts nothing posts nothing (nil).
func (p *ReceiptPlan) Posting(number string) *ReceiptPosting {
	o := p.Order
	ev := &ReceiptPosting{Date: p.Input.ReceiptDate, Description: T("Goods receipt {number} for {order}", P{"number": number, "order": o.Number}),
		Partner: o.Supplier.Code, CostCentre: o.CostCentre}
	for i, l := range p.Input.Lines {
		if l.AcceptedQty.Sign() > 0 {
			ev.Lines = append(ev.Lines, ReceiptPostingLine{Field: fmt.Sprintf("input.lines.%d.", i), ProductID: p.Lines[i].ProductID,
				WarehouseID: o.WarehouseID, LocationID: l.LocationID, Quantity: l.AcceptedQty, UnitPrice: p.Lines[i].UnitPrice,
				StockQuantity: p.Lines[i].StockQuantityOf(l.AcceptedQty)})
		}
	}
	if len(ev.Lines) == 0 {
		return nil
	}
	return ev
}

// Values are the stock value each input line received: the value of its
// move (moves as the posting made them, one per accepted line), zero for a
// line that accepted nothing.
func (p *ReceiptPlan) Values(moves []*StockMove) []decimal.Decimal {
	values := make([]decimal.Decimal, len(p.Input.Lines))
	k := 0
	for i, l := range p.Input.Lines {
		if l.AcceptedQty.Sign() > 0 {
			values[i] = moves[k].Value
			k++
		}
	}
	return values
}
