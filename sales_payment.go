package jxc

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Customer payments and their allocation to invoices; refunds.

// CustomerPayment is money received from a customer.
type CustomerPayment struct {
	ID             int64           `db:"id"`
	Number         string          `db:"number"`
	CustomerID     int64           `db:"customer_id"`
	PostingDate    Date            `db:"posting_date"`
	Amount         decimal.Decimal `db:"amount"`
	BankAccount    string          `db:"bank_account"`
	Reference      string          `db:"reference"`
	AppliedAmount  decimal.Decimal `db:"applied_amount"`
	RefundedAmount decimal.Decimal `db:"refunded_amount"`
	JournalEntryID *int64          `db:"journal_entry_id"`
	CreatedAt      time.Time       `db:"created_at"`
	Allocations    []*ReceivableAllocation
	Customer       *Customer `db:"-"`
}

// Unapplied is the payment's credit still on account (2203).
func (p *CustomerPayment) Unapplied() decimal.Decimal {
	return p.Amount.Sub(p.AppliedAmount).Sub(p.RefundedAmount)
}

// ReceivableAllocation is part of a payment or credit note settling an invoice.
type ReceivableAllocation struct {
	ID          int64           `db:"id"`
	InvoiceID   int64           `db:"invoice_id"`
	PaymentID   *int64          `db:"payment_id"`
	ReturnID    *int64          `db:"return_id"`
	Amount      decimal.Decimal `db:"amount"`
	PostingDate Date            `db:"posting_date"`
	InvoiceNo   string          `db:"invoice_number"`
}

// PaymentInput records a customer's payment. Without allocations it settles
// the customer's open invoices oldest due first; what is left stays on
// account as unapplied credit (2203 advances from customers).
type PaymentInput struct {
	CustomerID     int64
	Amount         decimal.Decimal
	PostingDate    *Date
	BankAccount    *string
	Reference      *string
	Allocations    []AllocationInput
	IdempotencyKey *string
}

// AllocationInput settles part of one invoice.
type AllocationInput struct {
	InvoiceID int64
	Amount    decimal.Decimal
}

// ApplyCreditInput applies a payment's unapplied credit to invoices.
type ApplyCreditInput struct {
	PaymentID   int64
	PostingDate *Date
	Allocations []AllocationInput
}

func checkBankAccount(es *Errors, field string, a *string) {
	if a != nil && *a != AccountBank && *a != AccountCash {
		es.Add(EINVALID, field, "money moves through {bank} (bank) or {cash} (cash)", P{"bank": AccountBank, "cash": AccountCash})
	}
}

func checkAllocations(es *Errors, allocs []AllocationInput, total *decimal.Decimal) {
	sum := decimal.Zero
	checkEachOnce(es, "input.allocations", allocs, func(a AllocationInput) int64 { return a.InvoiceID },
		"invoiceId", "this invoice is listed twice (also at line {earlier})", func(f string, a AllocationInput) {
			checkPositiveAmount(es, f+"amount", a.Amount)
			sum = sum.Add(a.Amount)
		})
	if total != nil && sum.GreaterThan(*total) {
		es.Add(EINVALID, "input.allocations", "allocations total {allocated}, more than the {available} available", P{"allocated": sum, "available": *total})
	}
}

// ValidatePaymentInput returns every rule the input breaks on its own.
func ValidatePaymentInput(in PaymentInput) error {
	var es Errors
	checkPositiveAmount(&es, "input.amount", in.Amount)
	checkBankAccount(&es, "input.bankAccount", in.BankAccount)
	checkOptText(&es, "input.reference", "reference", in.Reference, 0, 100)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if len(in.Allocations) > 500 {
		es.Add(EINVALID, "input.allocations", "at most 500 allocations")
	}
	checkAllocations(&es, in.Allocations, &in.Amount)
	return es.Err()
}

// RefundSource says what a refund pays out.
type RefundSource string

const (
	RefundCreditNote RefundSource = "CREDIT_NOTE"
	RefundPayment    RefundSource = "PAYMENT"
)

// RefundInput pays a customer's credit back: an open credit note or a
// payment's unapplied amount.
type RefundInput struct {
	ReturnID       *int64
	PaymentID      *int64
	Amount         decimal.Decimal
	PostingDate    *Date
	BankAccount    *string
	IdempotencyKey *string
}

// CustomerRefund is money paid back to a customer.
type CustomerRefund struct {
	ID             int64           `db:"id"`
	Number         string          `db:"number"`
	CustomerID     int64           `db:"customer_id"`
	ReturnID       *int64          `db:"return_id"`
	PaymentID      *int64          `db:"payment_id"`
	PostingDate    Date            `db:"posting_date"`
	Amount         decimal.Decimal `db:"amount"`
	BankAccount    string          `db:"bank_account"`
	JournalEntryID *int64          `db:"journal_entry_id"`
	CreatedAt      time.Time       `db:"created_at"`
}

// ValidateRefundInput returns every rule the input breaks on its own.
func ValidateRefundInput(in RefundInput) error {
	var es Errors
	if (in.ReturnID == nil) == (in.PaymentID == nil) {
		es.Add(EINVALID, "input.returnId", "refund either a credit note (returnId) or a payment's unapplied credit (paymentId)")
	}
	checkPositiveAmount(&es, "input.amount", in.Amount)
	checkBankAccount(&es, "input.bankAccount", in.BankAccount)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

// CheckAllocationAmounts adds to es every allocation amount that is not a
// positive amount of money, and the total when it is more than avail, what
// the payment or credit has unapplied.
func CheckAllocationAmounts(es *Errors, allocs []AllocationInput, avail decimal.Decimal) {
	sum := decimal.Zero
	for i, a := range allocs {
		f := fmt.Sprintf("input.allocations.%d.amount", i)
		checkPositiveAmount(es, f, a.Amount)
		sum = sum.Add(a.Amount)
	}
	if sum.GreaterThan(avail) {
		es.Add(EINVALID, "input.allocations", "allocations total {allocated}, more than the {unapplied} unapplied", P{"allocated": sum, "unapplied": avail})
	}
}

// AllocateOldestDue spreads amount over a customer's open invoices, the
// oldest due date first (then the lowest id), each up to what is open on
// it. It returns the invoices that get a part, in that order, and their
// parts; what is left over stays unapplied.
func AllocateOldestDue(open []*SalesInvoice, amount decimal.Decimal) ([]*SalesInvoice, []decimal.Decimal) {
	ordered := slices.Clone(open)
	slices.SortStableFunc(ordered, func(a, b *SalesInvoice) int {
		if c := a.DueDate.Time().Compare(b.DueDate.Time()); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var invs []*SalesInvoice
	var parts []decimal.Decimal
	left := amount
	for _, inv := range ordered {
		if left.Sign() <= 0 {
			break
		}
		if a := decimal.Min(left, inv.OpenAmount()); a.Sign() > 0 {
			invs, parts = append(invs, inv), append(parts, a)
			left = left.Sub(a)
		}
	}
	return invs, parts
}
