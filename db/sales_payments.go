package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Customer payments: allocation to open invoices, unapplied credit, and
// refunds.

// allocation is part of an amount settling an invoice.
type allocation struct {
	invoice *jxc.SalesInvoice
	amount  decimal.Decimal
}

// allocate settles a customer's locked open invoices with up to avail:
// explicitly, or oldest due first. Every allocation over what the invoice
// has open, or to another customer's invoice, is an error.
func allocate(ctx context.Context, tx *Tx, customerID int64, avail decimal.Decimal, explicit []jxc.AllocationInput, es *jxc.Errors) ([]allocation, error) {
	var open []*jxc.SalesInvoice
	if err := tx.SelectContext(ctx, &open, `SELECT `+salesInvoiceCols+` FROM sales_invoices WHERE customer_id = $1 AND status <> 'PAID'
		ORDER BY id FOR UPDATE`, customerID); err != nil {
		return nil, err
	}
	byID := map[int64]*jxc.SalesInvoice{}
	for _, inv := range open {
		byID[inv.ID] = inv
	}
	var out []allocation
	if explicit != nil {
		for i, a := range explicit {
			f := fmt.Sprintf("input.allocations.%d.", i)
			inv := byID[a.InvoiceID]
			if inv == nil {
				var n int
				if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM sales_invoices WHERE id = $1 AND customer_id = $2`, a.InvoiceID, customerID); err != nil {
					return nil, err
				}
				if n > 0 {
					es.Add(jxc.ECONFLICT, f+"invoiceId", "this invoice is already paid")
				} else {
					es.Add(jxc.ENOTFOUND, f+"invoiceId", "the customer has no such invoice")
				}
				continue
			}
			if a.Amount.GreaterThan(inv.OpenAmount()) {
				es.Add(jxc.EINVALID, f+"amount", "invoice {invoice} has only {open} open; cannot allocate {amount}",
					jxc.P{"invoice": inv.Number, "open": inv.OpenAmount(), "amount": a.Amount})
				continue
			}
			out = append(out, allocation{inv, a.Amount})
		}
		return out, nil
	}
	invs, parts := jxc.AllocateOldestDue(open, avail)
	for i, inv := range invs {
		out = append(out, allocation{inv, parts[i]})
	}
	return out, nil
}

// settle writes allocations and the invoices' new paid amounts and status.
func settle(ctx context.Context, tx *Tx, allocs []allocation, paymentID, returnID *int64, date jxc.Date, entryID *int64, credit bool) error {
	for _, a := range allocs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO receivable_allocations (invoice_id, payment_id, return_id, amount, posting_date, journal_entry_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, a.invoice.ID, paymentID, returnID, a.amount, date, entryID, tx.Now); err != nil {
			return err
		}
		col := "paid_amount"
		if credit {
			col = "credited_amount"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sales_invoices SET `+col+` = `+col+` + $2,
			status = CASE WHEN paid_amount + credited_amount + $2 >= total_amount THEN 'PAID'
				WHEN paid_amount + credited_amount + $2 > 0 THEN 'PARTIALLY_PAID' ELSE 'OPEN' END
			WHERE id = $1`, a.invoice.ID, a.amount); err != nil {
			return domainError(err, "input.allocations")
		}
	}
	return nil
}

func sumAllocs(allocs []allocation) decimal.Decimal {
	t := decimal.Zero
	for _, a := range allocs {
		t = t.Add(a.amount)
	}
	return t
}

// lockCustomer locks an active customer's row.
func lockCustomer(ctx context.Context, tx *Tx, id int64, field string, date jxc.Date) (*jxc.Customer, error) {
	res, err := tx.ExecContext(ctx, `SELECT 1 FROM customers WHERE id = $1 FOR UPDATE`, id)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, notFound(field, "customer", id)
	}
	return findCustomer(ctx, tx, id, date)
}

// RecordCustomerPayment implements jxc.SalesService: Dr Bank, Cr AR for
// what settles invoices, Cr 2203 for what stays on account.
func (s *SalesService) RecordCustomerPayment(ctx context.Context, in jxc.PaymentInput) (*jxc.CustomerPayment, error) {
	var es jxc.Errors
	if err := jxc.ValidatePaymentInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	var id int64
	id, err := s.write(ctx, jxc.Op{Name: "recordCustomerPayment", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		es := es
		date := dateOrToday(in.PostingDate, tx)
		c, err := lockCustomer(ctx, tx, in.CustomerID, "input.customerId", date)
		if err != nil {
			return err
		}
		allocs, err := allocate(ctx, tx, c.ID, in.Amount, in.Allocations, &es)
		if err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		if id, err = nextID(ctx, tx, "customer_payments"); err != nil {
			return err
		}
		rcNo, err := ruleNumber(ctx, tx, "customer_payments", id)
		if err != nil {
			return err
		}
		bank := jxc.AccountBank
		if in.BankAccount != nil {
			bank = *in.BankAccount
		}
		applied := sumAllocs(allocs)
		p, err := post(ctx, tx, &jxc.CustomerPaymentPosting{Date: date, Description: jxc.T("Payment {number} from {customer}", jxc.P{"number": rcNo, "customer": c.Code}),
			Partner: c.Code, BankAccount: bank, Amount: in.Amount, Applied: applied}, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO customer_payments (id, customer_id, posting_date, amount, bank_account, reference,
			applied_amount, journal_entry_id, created_by, created_at, number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			id, c.ID, date, in.Amount, bank, strings.TrimSpace(jxc.Deref(in.Reference)), applied, p.EntryID, userID(ctx), tx.Now, rcNo); err != nil {
			return err
		}
		if err := settle(ctx, tx, allocs, &id, nil, date, p.EntryID, false); err != nil {
			return err
		}
		tx.Produced(jxc.RecordCustomerPayment, id, rcNo, jxc.AuditPost)
		return publishReceivable(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, err
	}
	if s.lean {
		return &jxc.CustomerPayment{ID: id}, nil
	}
	return s.findPayment(ctx, id)
}

// ApplyCustomerCredit implements jxc.SalesService: a payment's unapplied
// amount settles invoices (Dr 2203, Cr AR).
func (s *SalesService) ApplyCustomerCredit(ctx context.Context, in jxc.ApplyCreditInput) (*jxc.CustomerPayment, error) {
	var es jxc.Errors
	if len(in.Allocations) > 500 {
		es.Add(jxc.EINVALID, "input.allocations", "at most 500 allocations")
	}
	_, err := s.write(ctx, jxc.Op{Name: "applyCustomerCredit"}, func(tx *Tx) error {
		es := es
		var cid int64
		if err := tx.GetContext(ctx, &cid, `SELECT customer_id FROM customer_payments WHERE id = $1`, in.PaymentID); errors.Is(err, sql.ErrNoRows) {
			return notFound("input.paymentId", "payment", in.PaymentID)
		} else if err != nil {
			return err
		}
		date := dateOrToday(in.PostingDate, tx)
		c, err := lockCustomer(ctx, tx, cid, "input.paymentId", date)
		if err != nil {
			return err
		}
		pay := &jxc.CustomerPayment{}
		if err := tx.GetContext(ctx, pay, `SELECT `+customerPaymentCols+` FROM customer_payments WHERE id = $1 FOR UPDATE`, in.PaymentID); err != nil {
			return err
		}
		avail := pay.Unapplied()
		if avail.Sign() <= 0 {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.paymentId", "payment {payment} has no unapplied amount", jxc.P{"payment": pay.Number})
		}
		tx.Produced(jxc.RecordCustomerPayment, pay.ID, pay.Number, jxc.AuditApply)
		if date.Before(pay.PostingDate) {
			es.Add(jxc.EINVALID, "input.postingDate", "credit may not be applied before the payment's date {date}", jxc.P{"date": pay.PostingDate})
		}
		var explicit []jxc.AllocationInput
		if in.Allocations != nil {
			explicit = in.Allocations
			jxc.CheckAllocationAmounts(&es, explicit, avail)
		}
		allocs, err := allocate(ctx, tx, c.ID, avail, explicit, &es)
		if err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		applied := sumAllocs(allocs)
		if applied.IsZero() {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.paymentId", "the customer has no open invoice to apply the credit to")
		}
		p, err := post(ctx, tx, &jxc.CreditApplication{Date: date, Description: jxc.T("Credit of payment {number} applied", jxc.P{"number": pay.Number}),
			Partner: c.Code, Amount: applied}, &pay.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE customer_payments SET applied_amount = applied_amount + $2 WHERE id = $1`, pay.ID, applied); err != nil {
			return domainError(err, "input.allocations")
		}
		if err := settle(ctx, tx, allocs, &pay.ID, nil, date, p.EntryID, false); err != nil {
			return err
		}
		return publishReceivable(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, err
	}
	return s.findPayment(ctx, in.PaymentID)
}

const customerPaymentCols = `id, number, customer_id, posting_date, amount, bank_account, reference, applied_amount, refunded_amount,
	journal_entry_id, created_at`

func (s *SalesService) findPayment(ctx context.Context, id int64) (*jxc.CustomerPayment, error) {
	return salesDocument(ctx, s.db, func(tx *Tx) (*jxc.CustomerPayment, error) {
		return getByID[jxc.CustomerPayment](ctx, tx, customerPaymentCols, "customer_payments", "payment", id, false)
	}, fillPayments)
}

// FindCustomerPayments implements jxc.SalesService, newest first.
func (s *SalesService) FindCustomerPayments(ctx context.Context, f jxc.SalesDocumentFilter, o *jxc.CustomerPaymentOrder, p jxc.PageArgs) (*jxc.Page[*jxc.CustomerPayment], error) {
	return salesPage(ctx, s.db, p, customerPaymentCols, "customer_payments", docWhere(f, "posting_date", "reference"), orderBy(o, customerPaymentOrders, "id", "posting_date DESC, id DESC"), fillPayments)
}

// FindCustomerPaymentsByCustomer implements jxc.SalesService: a page of
// each customer's payments, newest first, read for every customer at once.
func (s *SalesService) FindCustomerPaymentsByCustomer(ctx context.Context, customerIDs []int64, o jxc.Sorter, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.CustomerPayment], error) {
	return salesChildPages(ctx, s.db, p, customerIDs, "customer_id", customerPaymentCols, "customer_payments", orderBy(o, customerPaymentOrders, "id", "posting_date DESC, id DESC"),
		func(pay *jxc.CustomerPayment) int64 { return pay.CustomerID }, fillPayments)
}

// fillPayments loads the allocations and customers of a page of payments:
// one query each, never one per payment.
func fillPayments(ctx context.Context, q Queryer, asOf jxc.Date, ps []*jxc.CustomerPayment) error {
	if len(ps) == 0 {
		return nil
	}
	if _, err := fillChildren(ctx, q, ps, func(pay *jxc.CustomerPayment) (int64, *[]*jxc.ReceivableAllocation) { return pay.ID, &pay.Allocations },
		`SELECT a.id, a.invoice_id, a.payment_id, a.return_id, a.amount, a.posting_date, i.number AS invoice_number
		FROM receivable_allocations a JOIN sales_invoices i ON i.id = a.invoice_id WHERE a.payment_id = ANY($1) ORDER BY a.id`,
		func(a *jxc.ReceivableAllocation) int64 { return *a.PaymentID }); err != nil {
		return err
	}
	return fillCustomers(ctx, q, asOf, ps, func(pay *jxc.CustomerPayment) (int64, **jxc.Customer) { return pay.CustomerID, &pay.Customer })
}

// RefundCustomer implements jxc.SalesService: pays back an open credit note
// (Dr AR, Cr Bank) or a payment's unapplied amount (Dr 2203, Cr Bank).
func (s *SalesService) RefundCustomer(ctx context.Context, in jxc.RefundInput) (*jxc.CustomerRefund, error) {
	if err := jxc.ValidateRefundInput(in); err != nil {
		return nil, err
	}
	out := &jxc.CustomerRefund{}
	id, err := s.write(ctx, jxc.Op{Name: "refundCustomer", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		table, field, src := "sales_returns", "input.returnId", in.ReturnID
		if in.PaymentID != nil {
			table, field, src = "customer_payments", "input.paymentId", in.PaymentID
		}
		var cid int64
		if err := tx.GetContext(ctx, &cid, `SELECT customer_id FROM `+table+` WHERE id = $1`, *src); errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, field, "no such document")
		} else if err != nil {
			return err
		}
		date := dateOrToday(in.PostingDate, tx)
		c, err := lockCustomer(ctx, tx, cid, field, date)
		if err != nil {
			return err
		}
		var open decimal.Decimal
		var number string
		var srcDate jxc.Date
		if in.ReturnID != nil {
			r := &jxc.SalesReturn{}
			if err := tx.GetContext(ctx, r, `SELECT `+salesReturnCols+` FROM sales_returns WHERE id = $1 FOR UPDATE`, *in.ReturnID); err != nil {
				return err
			}
			open, number, srcDate = r.OpenCredit(), r.Number, r.PostingDate
		} else {
			pay := &jxc.CustomerPayment{}
			if err := tx.GetContext(ctx, pay, `SELECT `+customerPaymentCols+` FROM customer_payments WHERE id = $1 FOR UPDATE`, *in.PaymentID); err != nil {
				return err
			}
			open, number, srcDate = pay.Unapplied(), pay.Number, pay.PostingDate
		}
		var es jxc.Errors
		if in.Amount.GreaterThan(open) {
			es.Add(jxc.EINVALID, "input.amount", "{document} has only {open} of credit open; cannot refund {amount}", jxc.P{"document": number, "open": open, "amount": in.Amount})
		}
		if date.Before(srcDate) {
			es.Add(jxc.EINVALID, "input.postingDate", "a refund may not be dated before {document} ({date})", jxc.P{"document": number, "date": srcDate})
		}
		if err := es.Err(); err != nil {
			return err
		}
		id, err := nextID(ctx, tx, "customer_refunds")
		if err != nil {
			return err
		}
		rfNo, err := ruleNumber(ctx, tx, "customer_refunds", id)
		if err != nil {
			return err
		}
		bank := jxc.AccountBank
		if in.BankAccount != nil {
			bank = *in.BankAccount
		}
		p, err := post(ctx, tx, &jxc.RefundPosting{Date: date, Description: jxc.T("Refund {number} of {payment} to {customer}", jxc.P{"number": rfNo, "payment": number, "customer": c.Code}),
			Partner: c.Code, BankAccount: bank, Amount: in.Amount, FromAdvance: in.PaymentID != nil}, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET refunded_amount = refunded_amount + $2 WHERE id = $1`, *src, in.Amount); err != nil {
			return domainError(err, "input.amount")
		}
		if err := tx.GetContext(ctx, out, `INSERT INTO customer_refunds (id, customer_id, return_id, payment_id, posting_date, amount, bank_account,
			journal_entry_id, created_by, created_at, number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING `+customerRefundCols,
			id, c.ID, in.ReturnID, in.PaymentID, date, in.Amount, bank, p.EntryID, userID(ctx), tx.Now, rfNo); err != nil {
			return err
		}
		tx.Produced(jxc.RecordCustomerRefund, id, rfNo, jxc.AuditRefund)
		return publishReceivable(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, err
	}
	if out.ID == 0 { // a replay
		err = s.db.GetContext(ctx, out, `SELECT `+customerRefundCols+` FROM customer_refunds WHERE id = $1`, id)
	}
	return out, err
}

const customerRefundCols = `id, number, customer_id, return_id, payment_id, posting_date, amount, bank_account, journal_entry_id, created_at`
