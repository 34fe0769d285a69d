package jxc

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Sales returns: goods back against a shipment, and the credit note.

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
	// BatchNumber names the batch a batch-tracked product comes back
	// into; without it, the batches its shipment took it from.
	BatchNumber *string
}

// ValidateSalesReturnInput returns every rule the input breaks on its own.
func ValidateSalesReturnInput(in SalesReturnInput) error {
	var es Errors
	checkOptText(&es, "input.reason", "reason", in.Reason, 0, 500)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkLineCount(&es, len(in.Lines), 1, 500)
	checkShipmentLines(&es, in.Lines, func(l SalesReturnLineInput) (int64, decimal.Decimal) { return l.ShipmentLineID, l.Quantity })
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

// CheckReturnable refuses a shipment that goods cannot come back against:
// one not shipped, or not invoiced yet (a return is a credit note against
// its invoice).
func CheckReturnable(sh *Shipment) error {
	if sh.Status != ShipmentShipped && sh.Status != ShipmentDelivered {
		return FieldErrorf(ECONFLICT, "input.shipmentId", "shipment {shipment} is {status}; only shipped goods come back", P{"shipment": sh.Number, "status": StatusText(sh.Status)})
	}
	if sh.InvoiceID == nil {
		return FieldErrorf(ECONFLICT, "input.shipmentId", "shipment {shipment} is not invoiced yet; invoice it, then return against it", P{"shipment": sh.Number})
	}
	return nil
}

// Credited is what earlier returns of a shipment line credited.
type Credited struct {
	Net decimal.Decimal
	VAT decimal.Decimal
}

// ReturnLine is a shipment line coming back: the quantity, the cost it
// comes back at and the revenue and VAT it credits.
type ReturnLine struct {
	Line     *ShipmentLine
	Quantity decimal.Decimal
	Cost     decimal.Decimal
	Net, VAT decimal.Decimal
}

// SalesReturnPlan is what a return writes.
type SalesReturnPlan struct {
	Lines []ReturnLine
	// Posting puts the goods back at cost and credits revenue, VAT and the
	// receivable; the caller adds Description and Partner.
	Posting *ReturnPosting
	Cost    decimal.Decimal // the goods' cost, the sum of the lines'
	Total   decimal.Decimal // the credit note: net and VAT
	// Applied is the part of the credit settled against the invoice at
	// once (at most what is open on it); the rest stays on account.
	Applied decimal.Decimal
}

// PlanSalesReturn prices a return of in.Lines against a shipment that
// CheckReturnable accepted, its invoice and the invoice's lines. credited
// holds, per shipment line, what earlier returns credited: the last units
// back credit what is left of the billed amounts, so a full return credits
// exactly the invoice line. es are the input's own errors
// (ValidateSalesReturnInput); every violation found here is added to them.
func PlanSalesReturn(sh *Shipment, inv *SalesInvoice, billed []*SalesInvoiceLine, credited map[int64]Credited, date Date,
	in SalesReturnInput, es Errors) (*SalesReturnPlan, error) {
	if sh.PostingDate != nil && date.Before(*sh.PostingDate) {
		es.Add(EINVALID, "input.postingDate", "a return may not be dated before its shipment ({date})", P{"date": *sh.PostingDate})
	}
	bill := map[int64]*SalesInvoiceLine{}
	for _, l := range billed {
		bill[l.ShipmentLineID] = l
	}
	byID := map[int64]*ShipmentLine{}
	for _, l := range sh.Lines {
		byID[l.ID] = l
	}
	p := &SalesReturnPlan{Posting: &ReturnPosting{Date: date, Net: decimal.Zero, VAT: decimal.Zero}, Cost: decimal.Zero}
	for i, li := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		sl := byID[li.ShipmentLineID]
		if sl == nil {
			es.Add(ENOTFOUND, f+"shipmentLineId", "shipment {shipment} has no such line", P{"shipment": sh.Number})
			continue
		}
		left := sl.Quantity.Sub(sl.ReturnedQty)
		if li.Quantity.GreaterThan(left) {
			es.Add(ECONFLICT, f+"quantity", "only {allowed} of line {line} of this shipment may still come back; cannot return {requested}",
				P{"allowed": left, "line": sl.LineNo, "requested": li.Quantity})
			continue
		}
		il := bill[sl.ID]
		r := ReturnLine{Line: sl, Quantity: li.Quantity, Cost: ReturnCost(sl.Quantity, sl.CostValue, sl.ReturnedQty, sl.ReturnedValue, li.Quantity)}
		if li.Quantity.Equal(left) {
			done := credited[sl.ID]
			r.Net, r.VAT = il.NetAmount.Sub(done.Net), il.VATAmount.Sub(done.VAT)
		} else {
			r.Net, r.VAT = PriceLine(li.Quantity, il.UnitPrice, il.DiscountRate, il.VATRate)
		}
		p.Lines = append(p.Lines, r)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	ev := p.Posting
	for _, r := range p.Lines {
		ev.Lines = append(ev.Lines, ReturnPostingLine{ProductID: r.Line.ProductID, WarehouseID: sh.WarehouseID, Quantity: r.Quantity, Value: r.Cost})
		ev.Net, ev.VAT, p.Cost = ev.Net.Add(r.Net), ev.VAT.Add(r.VAT), p.Cost.Add(r.Cost)
	}
	p.Total = ev.Net.Add(ev.VAT)
	p.Applied = decimal.Min(p.Total, inv.OpenAmount())
	return p, nil
}
