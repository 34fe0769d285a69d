package jxc

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Supplier payments and open payables.

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
	checkPositiveAmount(&es, "input.amount", in.Amount)
	checkOptText(&es, "input.reference", "reference", in.Reference, 0, 200)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if len(in.Allocations) == 0 || len(in.Allocations) > 500 {
		es.Add(EINVALID, "input.allocations", "a payment is allocated to 1 to 500 invoices")
	}
	sum := decimal.Zero
	checkEachOnce(&es, "input.allocations", in.Allocations, func(a PaymentAllocationInput) int64 { return a.InvoiceID },
		"invoiceId", "the invoice is allocated twice", func(f string, a PaymentAllocationInput) {
			checkPositiveAmount(&es, f+"amount", a.Amount)
			sum = sum.Add(a.Amount)
		})
	if len(in.Allocations) > 0 && !sum.Equal(in.Amount) {
		es.Add(EINVALID, "input.allocations", "allocations add up to {allocated} but the payment is {amount}", P{"allocated": sum, "amount": in.Amount})
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

// PayableInvoice is what a payment needs to know of an invoice it pays.
type PayableInvoice struct {
	ID         int64                 `db:"id"`
	Number     string                `db:"number"`
	SupplierID int64                 `db:"supplier_id"`
	Status     SupplierInvoiceStatus `db:"status"`
	Total      decimal.Decimal       `db:"total_amount"`
	Paid       decimal.Decimal       `db:"paid_amount"`
	Date       Date                  `db:"invoice_date"`
}

// CheckSupplierPayment returns every rule a payment (in.PaymentDate set)
// breaks against its supplier (found or not) and the invoices it
// allocates to (by id; missing ones do not exist): another supplier's,
// on hold, already paid, less open than allocated, or dated after the
// payment.
func CheckSupplierPayment(in SupplierPaymentInput, supplierFound bool, invoices map[int64]*PayableInvoice) error {
	var es Errors
	if !supplierFound {
		es.Add(ENOTFOUND, "input.supplierId", "no such supplier")
	}
	for i, a := range in.Allocations {
		f := fmt.Sprintf("input.allocations.%d.", i)
		inv := invoices[a.InvoiceID]
		switch {
		case inv == nil:
			es.Add(ENOTFOUND, f+"invoiceId", "no such supplier invoice")
		case inv.SupplierID != in.SupplierID:
			es.Add(EINVALID, f+"invoiceId", "invoice {invoice} is another supplier's", P{"invoice": inv.Number})
		case inv.Status == InvoiceOnHold:
			es.Add(ECONFLICT, f+"invoiceId", "invoice {invoice} is on hold: its three-way match failed, and finance must approve the mismatch before it is paid", P{"invoice": inv.Number})
		case inv.Status == InvoicePaid:
			es.Add(ECONFLICT, f+"invoiceId", "invoice {invoice} is already paid", P{"invoice": inv.Number})
		case a.Amount.GreaterThan(inv.Total.Sub(inv.Paid)):
			es.Add(ECONFLICT, f+"amount", "invoice {invoice} has only {open} open; {amount} cannot be allocated to it",
				P{"invoice": inv.Number, "open": inv.Total.Sub(inv.Paid), "amount": a.Amount})
		case in.PaymentDate.Before(inv.Date):
			es.Add(EINVALID, "input.paymentDate", "a payment may not be dated before the invoice {invoice} it pays ({date})", P{"invoice": inv.Number, "date": inv.Date.String()})
		}
	}
	return es.Err()
}
