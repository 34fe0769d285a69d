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
