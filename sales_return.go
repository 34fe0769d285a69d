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
