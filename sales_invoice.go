package jxc

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Sales invoices: billing shipped goods.

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
	// The Golden Tax invoice's fields, as entered or imported.
	VatInvoiceInfo
	Lines    []*SalesInvoiceLine
	Customer *Customer `db:"-"`
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
	// VatInvoice is the Golden Tax invoice's fields, if known already.
	VatInvoice *VatInvoiceInfo
}

// VatInvoice returns the invoice's Golden Tax fields.
func (i *SalesInvoice) VatInvoice() *VatInvoiceInfo { return &i.VatInvoiceInfo }

// ValidateSalesInvoiceInput returns every rule the input breaks on its own.
func ValidateSalesInvoiceInput(in SalesInvoiceInput) error {
	var es Errors
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if len(in.ShipmentIDs) == 0 || len(in.ShipmentIDs) > 100 {
		es.Add(EINVALID, "input.shipmentIds", "an invoice bills 1 to 100 shipments")
	}
	seen := map[int64]int{}
	for i, id := range in.ShipmentIDs {
		if j, ok := seen[id]; ok {
			es.Add(EINVALID, fmt.Sprintf("input.shipmentIds.%d", i), "this shipment is listed twice (also at line {earlier})", P{"earlier": j + 1})
			continue
		}
		seen[id] = i
	}
	if in.VatInvoice != nil {
		CheckVatInvoiceInfo(&es, "input.vatInvoice.", in.VatInvoice.Normalized())
	}
	return es.Err()
}

// InvoiceCustomer returns the one customer that shipmentIDs bill, given the
// customer of each shipment that exists; it names every shipment that does
// not exist or belongs to another customer than the first.
func InvoiceCustomer(shipmentIDs []int64, customerOf map[int64]int64) (int64, error) {
	var es Errors
	var customerID int64
	for i, sid := range shipmentIDs {
		f := fmt.Sprintf("input.shipmentIds.%d", i)
		c, ok := customerOf[sid]
		switch {
		case !ok:
			es.Add(ENOTFOUND, f, "no such shipment")
		case customerID == 0:
			customerID = c
		case c != customerID:
			es.Add(EINVALID, f, "this shipment belongs to another customer than the first; an invoice bills one customer")
		}
	}
	return customerID, es.Err()
}

// CheckInvoiceable refuses every shipment of shs that cannot be billed on
// date: not yet shipped, already invoiced, or shipped after date. Field
// paths follow the input's order, shipmentIDs. It returns the orders the
// shipments belong to.
func CheckInvoiceable(shipmentIDs []int64, shs []*Shipment, date Date) ([]int64, error) {
	pos := map[int64]int{}
	for i, sid := range shipmentIDs {
		pos[sid] = i
	}
	var es Errors
	var orderIDs []int64
	for _, sh := range shs {
		f := fmt.Sprintf("input.shipmentIds.%d", pos[sh.ID])
		switch {
		case sh.Status != ShipmentShipped && sh.Status != ShipmentDelivered:
			es.Add(ECONFLICT, f, "shipment {shipment} is {status}; only shipped goods are invoiced", P{"shipment": sh.Number, "status": StatusText(sh.Status)})
		case sh.InvoiceID != nil:
			es.Add(ECONFLICT, f, "shipment {shipment} is already invoiced", P{"shipment": sh.Number})
		case sh.PostingDate != nil && date.Before(*sh.PostingDate):
			es.Add(EINVALID, "input.postingDate", "an invoice may not be dated before shipment {shipment} ({date})", P{"shipment": sh.Number, "date": *sh.PostingDate})
		}
		orderIDs = append(orderIDs, sh.OrderID)
	}
	return orderIDs, es.Err()
}

// BilledLine is one shipped line as an invoice bills it: the shipped
// quantity at its order line's price, discount and VAT rate.
type BilledLine struct {
	ShipmentLineID int64           `db:"shipment_line_id"`
	ProductID      int64           `db:"product_id"`
	Quantity       decimal.Decimal `db:"quantity"`
	UnitPrice      decimal.Decimal `db:"unit_price"`
	DiscountRate   decimal.Decimal `db:"discount_rate"`
	VATRate        decimal.Decimal `db:"vat_rate"`
	Net            decimal.Decimal `db:"-"`
	VAT            decimal.Decimal `db:"-"`
}

// PriceInvoice prices each line (PriceLine, rounded per line) and returns
// the invoice's net and VAT, the sums of its lines.
func PriceInvoice(lines []*BilledLine) (net, vat decimal.Decimal) {
	for _, l := range lines {
		l.Net, l.VAT = PriceLine(l.Quantity, l.UnitPrice, l.DiscountRate, l.VATRate)
		net, vat = net.Add(l.Net), vat.Add(l.VAT)
	}
	return net, vat
}
