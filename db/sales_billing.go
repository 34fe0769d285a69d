package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

const salesInvoiceCols = `id, number, customer_id, posting_date, due_date, net_amount, vat_amount, total_amount, paid_amount,
	credited_amount, status, journal_entry_id, created_at`

const salesInvoiceLineCols = `id, invoice_id, line_no, shipment_line_id, product_id, quantity, unit_price, discount_rate, vat_rate,
	net_amount, vat_amount`

func fillInvoices(ctx context.Context, q Queryer, asOf jxc.Date, is []*jxc.SalesInvoice) error {
	if len(is) == 0 {
		return nil
	}
	ids := make([]int64, len(is))
	byID := map[int64]*jxc.SalesInvoice{}
	var cids []int64
	for i, inv := range is {
		ids[i] = inv.ID
		byID[inv.ID] = inv
		inv.Lines = []*jxc.SalesInvoiceLine{}
		cids = append(cids, inv.CustomerID)
	}
	var lines []*jxc.SalesInvoiceLine
	if err := q.SelectContext(ctx, &lines, `SELECT `+salesInvoiceLineCols+` FROM sales_invoice_lines WHERE invoice_id = ANY($1) ORDER BY invoice_id, line_no`, pq.Array(ids)); err != nil {
		return err
	}
	pids := make([]int64, len(lines))
	for i, l := range lines {
		byID[l.InvoiceID].Lines = append(byID[l.InvoiceID].Lines, l)
		pids[i] = l.ProductID
	}
	if err := fillLineProducts(ctx, q, pids, func(m map[int64]*jxc.Product) {
		for _, l := range lines {
			l.Product = m[l.ProductID]
		}
	}); err != nil {
		return err
	}
	cs, err := customersByID(ctx, q, asOf, cids)
	if err != nil {
		return err
	}
	for _, inv := range is {
		inv.Customer = cs[inv.CustomerID]
	}
	return nil
}

// CreateSalesInvoice implements jxc.SalesService: bills every line of one
// or several shipped shipments of a customer (Dr AR, Cr Revenue, Cr Output
// VAT), due after the customer's payment terms.
func (s *SalesService) CreateSalesInvoice(ctx context.Context, in jxc.SalesInvoiceInput) (*jxc.SalesInvoice, error) {
	if err := jxc.ValidateSalesInvoiceInput(in); err != nil {
		return nil, err
	}
	var id int64
	id, err := s.write(ctx, jxc.Op{Name: "createSalesInvoice", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		var es jxc.Errors
		var heads []struct {
			ID         int64 `db:"id"`
			CustomerID int64 `db:"customer_id"`
		}
		if err := tx.SelectContext(ctx, &heads, `SELECT id, customer_id FROM shipments WHERE id = ANY($1)`, pq.Array(in.ShipmentIDs)); err != nil {
			return err
		}
		cust := map[int64]int64{}
		for _, h := range heads {
			cust[h.ID] = h.CustomerID
		}
		var customerID int64
		for i, sid := range in.ShipmentIDs {
			f := fmt.Sprintf("input.shipmentIds.%d", i)
			c, ok := cust[sid]
			switch {
			case !ok:
				es.Add(jxc.ENOTFOUND, f, "no shipment %d", sid)
			case customerID == 0:
				customerID = c
			case c != customerID:
				es.Add(jxc.EINVALID, f, "shipment %d belongs to another customer; an invoice bills one customer", sid)
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM customers WHERE id = $1 FOR UPDATE`, customerID); err != nil {
			return err
		}
		date := dateOrToday(in.PostingDate, today(tx))
		c, err := findCustomer(ctx, tx, customerID, date)
		if err != nil {
			return err
		}
		var shs []*jxc.Shipment
		if err := tx.SelectContext(ctx, &shs, `SELECT `+shipmentCols+` FROM shipments WHERE id = ANY($1) ORDER BY id FOR UPDATE`, pq.Array(in.ShipmentIDs)); err != nil {
			return err
		}
		pos := map[int64]int{}
		for i, sid := range in.ShipmentIDs {
			pos[sid] = i
		}
		var orderIDs []int64
		for _, sh := range shs {
			f := fmt.Sprintf("input.shipmentIds.%d", pos[sh.ID])
			switch {
			case sh.Status != jxc.ShipmentShipped && sh.Status != jxc.ShipmentDelivered:
				es.Add(jxc.ECONFLICT, f, "shipment %s is %s; only shipped goods are invoiced", sh.Number, sh.Status)
			case sh.InvoiceID != nil:
				es.Add(jxc.ECONFLICT, f, "shipment %s is already invoiced", sh.Number)
			case sh.PostingDate != nil && date.Before(*sh.PostingDate):
				es.Add(jxc.EINVALID, "input.postingDate", "an invoice may not be dated before shipment %s (%s)", sh.Number, *sh.PostingDate)
			}
			orderIDs = append(orderIDs, sh.OrderID)
		}
		if err := es.Err(); err != nil {
			return err
		}
		var lines []struct {
			ShipmentLineID int64           `db:"shipment_line_id"`
			ProductID      int64           `db:"product_id"`
			Quantity       decimal.Decimal `db:"quantity"`
			UnitPrice      decimal.Decimal `db:"unit_price"`
			DiscountRate   decimal.Decimal `db:"discount_rate"`
			VATRate        decimal.Decimal `db:"vat_rate"`
		}
		if err := tx.SelectContext(ctx, &lines, `SELECT sl.id AS shipment_line_id, sl.product_id, sl.quantity, ol.unit_price, ol.discount_rate, ol.vat_rate
			FROM shipment_lines sl JOIN sales_order_lines ol ON ol.id = sl.order_line_id
			WHERE sl.shipment_id = ANY($1) ORDER BY sl.shipment_id, sl.line_no`, pq.Array(in.ShipmentIDs)); err != nil {
			return err
		}
		if id, err = nextID(ctx, tx, "sales_invoices"); err != nil {
			return err
		}
		net, vat := decimal.Zero, decimal.Zero
		nets, vats := make([]decimal.Decimal, len(lines)), make([]decimal.Decimal, len(lines))
		for i, l := range lines {
			nets[i], vats[i] = jxc.PriceLine(l.Quantity, l.UnitPrice, l.DiscountRate, l.VATRate)
			net, vat = net.Add(nets[i]), vat.Add(vats[i])
		}
		p, err := post(ctx, tx, &jxc.SalesInvoicePosting{Date: date, Description: fmt.Sprintf("Sales invoice SI-%06d to %s", id, c.Code),
			Partner: c.Code, Net: net, VAT: vat}, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sales_invoices (id, customer_id, posting_date, due_date, net_amount, vat_amount,
			total_amount, journal_entry_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			id, c.ID, date, date.AddDays(c.PaymentTermsDays), net, vat, net.Add(vat), p.EntryID, userID(ctx), tx.Now); err != nil {
			return err
		}
		sls, pids := make([]int64, len(lines)), make([]int64, len(lines))
		qs, prices, discs, rates := make([]decimal.Decimal, len(lines)), make([]decimal.Decimal, len(lines)), make([]decimal.Decimal, len(lines)), make([]decimal.Decimal, len(lines))
		for i, l := range lines {
			sls[i], pids[i], qs[i], prices[i], discs[i], rates[i] = l.ShipmentLineID, l.ProductID, l.Quantity, l.UnitPrice, l.DiscountRate, l.VATRate
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sales_invoice_lines (invoice_id, line_no, shipment_line_id, product_id, quantity,
			unit_price, discount_rate, vat_rate, net_amount, vat_amount)
			SELECT $1, t.n, t.sl, t.p, t.q, t.price, t.disc, t.rate, t.net, t.vat
			FROM unnest($2::bigint[], $3::bigint[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[])
				WITH ORDINALITY AS t(sl, p, q, price, disc, rate, net, vat, n)`,
			id, pq.Array(sls), pq.Array(pids), pq.Array(decStrings(qs)), pq.Array(decStrings(prices)), pq.Array(decStrings(discs)),
			pq.Array(decStrings(rates)), pq.Array(decStrings(nets)), pq.Array(decStrings(vats))); err != nil {
			return domainError(err, "input.shipmentIds")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipments SET invoice_id = $2 WHERE id = ANY($1)`, pq.Array(in.ShipmentIDs), id); err != nil {
			return err
		}
		// A shipped order whose every shipment is billed is done.
		if _, err := tx.ExecContext(ctx, `UPDATE sales_orders o SET status = 'CLOSED', updated_at = $2
			WHERE o.id = ANY($1) AND o.status = 'SHIPPED'
			AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status <> 'CANCELLED' AND s.invoice_id IS NULL)`,
			pq.Array(sortedIDs(orderIDs)), tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordSalesInvoice, id, fmt.Sprintf("SI-%06d", id), jxc.AuditPost)
		return publishReceivable(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, err
	}
	if s.lean {
		inv := &jxc.SalesInvoice{ID: id}
		return inv, s.db.GetContext(ctx, &inv.TotalAmount, `SELECT total_amount FROM sales_invoices WHERE id = $1`, id)
	}
	return s.FindSalesInvoiceByID(ctx, id)
}

// FindSalesInvoiceByID implements jxc.SalesService.
func (s *SalesService) FindSalesInvoiceByID(ctx context.Context, id int64) (*jxc.SalesInvoice, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.SalesInvoice, error) {
		inv := &jxc.SalesInvoice{}
		err := tx.GetContext(ctx, inv, `SELECT `+salesInvoiceCols+` FROM sales_invoices WHERE id = $1`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, notFound("id", "sales invoice", id)
		} else if err != nil {
			return nil, err
		}
		return inv, fillInvoices(ctx, tx, today(tx), []*jxc.SalesInvoice{inv})
	})
}

// FindSalesInvoices implements jxc.SalesService, newest first.
func (s *SalesService) FindSalesInvoices(ctx context.Context, f jxc.SalesDocumentFilter, p jxc.PageArgs) (*jxc.Page[*jxc.SalesInvoice], error) {
	w := docWhere(f, "posting_date")
	pg, err := page[*jxc.SalesInvoice](ctx, s.db, p, salesInvoiceCols, "sales_invoices", w, "posting_date DESC, id DESC")
	if err != nil {
		return nil, err
	}
	return pg, fillInvoices(ctx, s.db, jxc.Today(s.db.Now()), pg.Items)
}

// FindSalesInvoicesByCustomer implements jxc.SalesService: a page of each
// customer's invoices, newest first, read for every customer at once.
func (s *SalesService) FindSalesInvoicesByCustomer(ctx context.Context, customerIDs []int64, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.SalesInvoice], error) {
	pages, err := childPages(ctx, s.db, p, customerIDs, "customer_id", salesInvoiceCols, "sales_invoices", nil, "posting_date DESC, id DESC",
		func(i *jxc.SalesInvoice) int64 { return i.CustomerID })
	if err != nil {
		return nil, err
	}
	return pages, fillInvoices(ctx, s.db, jxc.Today(s.db.Now()), pagesItems(pages))
}

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
					es.Add(jxc.ECONFLICT, f+"invoiceId", "invoice %d is already paid", a.InvoiceID)
				} else {
					es.Add(jxc.ENOTFOUND, f+"invoiceId", "the customer has no invoice %d", a.InvoiceID)
				}
				continue
			}
			if a.Amount.GreaterThan(inv.OpenAmount()) {
				es.Add(jxc.EINVALID, f+"amount", "invoice %s has only %s open; cannot allocate %s", inv.Number,
					inv.OpenAmount().StringFixed(2), a.Amount.StringFixed(2))
				continue
			}
			out = append(out, allocation{inv, a.Amount})
		}
		return out, nil
	}
	// Oldest due first, then by number.
	ordered := append([]*jxc.SalesInvoice(nil), open...)
	for i := 1; i < len(ordered); i++ {
		for j := i; j > 0 && (ordered[j].DueDate.Before(ordered[j-1].DueDate) ||
			(ordered[j].DueDate == ordered[j-1].DueDate && ordered[j].ID < ordered[j-1].ID)); j-- {
			ordered[j], ordered[j-1] = ordered[j-1], ordered[j]
		}
	}
	left := avail
	for _, inv := range ordered {
		if left.Sign() <= 0 {
			break
		}
		a := decimal.Min(left, inv.OpenAmount())
		if a.Sign() > 0 {
			out = append(out, allocation{inv, a})
			left = left.Sub(a)
		}
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
		date := dateOrToday(in.PostingDate, today(tx))
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
		bank := jxc.AccountBank
		if in.BankAccount != nil {
			bank = *in.BankAccount
		}
		applied := sumAllocs(allocs)
		p, err := post(ctx, tx, &jxc.CustomerPaymentPosting{Date: date, Description: fmt.Sprintf("Payment RC-%06d from %s", id, c.Code),
			Partner: c.Code, BankAccount: bank, Amount: in.Amount, Applied: applied}, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO customer_payments (id, customer_id, posting_date, amount, bank_account, reference,
			applied_amount, journal_entry_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			id, c.ID, date, in.Amount, bank, strings.TrimSpace(deref(in.Reference)), applied, p.EntryID, userID(ctx), tx.Now); err != nil {
			return err
		}
		if err := settle(ctx, tx, allocs, &id, nil, date, p.EntryID, false); err != nil {
			return err
		}
		tx.Produced(jxc.RecordCustomerPayment, id, fmt.Sprintf("RC-%06d", id), jxc.AuditPost)
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
		date := dateOrToday(in.PostingDate, today(tx))
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
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.paymentId", "payment %s has no unapplied amount", pay.Number)
		}
		tx.Produced(jxc.RecordCustomerPayment, pay.ID, pay.Number, jxc.AuditApply)
		if date.Before(pay.PostingDate) {
			es.Add(jxc.EINVALID, "input.postingDate", "credit may not be applied before the payment's date %s", pay.PostingDate)
		}
		var explicit []jxc.AllocationInput
		if in.Allocations != nil {
			explicit = in.Allocations
			checkAllocs(&es, explicit, avail)
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
		p, err := post(ctx, tx, &jxc.CreditApplication{Date: date, Description: fmt.Sprintf("Credit of payment %s applied", pay.Number),
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

func checkAllocs(es *jxc.Errors, allocs []jxc.AllocationInput, avail decimal.Decimal) {
	sum := decimal.Zero
	for i, a := range allocs {
		f := fmt.Sprintf("input.allocations.%d.amount", i)
		jxc.CheckMoney(es, f, a.Amount)
		if a.Amount.IsZero() {
			es.Add(jxc.EINVALID, f, "amount must be > 0")
		}
		sum = sum.Add(a.Amount)
	}
	if sum.GreaterThan(avail) {
		es.Add(jxc.EINVALID, "input.allocations", "allocations total %s, more than the %s unapplied", sum.StringFixed(2), avail.StringFixed(2))
	}
}

const customerPaymentCols = `id, number, customer_id, posting_date, amount, bank_account, reference, applied_amount, refunded_amount,
	journal_entry_id, created_at`

func (s *SalesService) findPayment(ctx context.Context, id int64) (*jxc.CustomerPayment, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.CustomerPayment, error) {
		pay := &jxc.CustomerPayment{}
		err := tx.GetContext(ctx, pay, `SELECT `+customerPaymentCols+` FROM customer_payments WHERE id = $1`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, notFound("id", "payment", id)
		} else if err != nil {
			return nil, err
		}
		return pay, fillPayments(ctx, tx, today(tx), []*jxc.CustomerPayment{pay})
	})
}

// FindCustomerPayments implements jxc.SalesService, newest first.
func (s *SalesService) FindCustomerPayments(ctx context.Context, f jxc.SalesDocumentFilter, p jxc.PageArgs) (*jxc.Page[*jxc.CustomerPayment], error) {
	f.Status = nil
	pg, err := page[*jxc.CustomerPayment](ctx, s.db, p, customerPaymentCols, "customer_payments", docWhere(f, "posting_date"), "posting_date DESC, id DESC")
	if err != nil {
		return nil, err
	}
	return pg, fillPayments(ctx, s.db, jxc.Today(s.db.Now()), pg.Items)
}

// FindCustomerPaymentsByCustomer implements jxc.SalesService: a page of
// each customer's payments, newest first, read for every customer at once.
func (s *SalesService) FindCustomerPaymentsByCustomer(ctx context.Context, customerIDs []int64, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.CustomerPayment], error) {
	pages, err := childPages(ctx, s.db, p, customerIDs, "customer_id", customerPaymentCols, "customer_payments", nil, "posting_date DESC, id DESC",
		func(pay *jxc.CustomerPayment) int64 { return pay.CustomerID })
	if err != nil {
		return nil, err
	}
	return pages, fillPayments(ctx, s.db, jxc.Today(s.db.Now()), pagesItems(pages))
}

// fillPayments loads the allocations and customers of a page of payments:
// one query each, never one per payment.
func fillPayments(ctx context.Context, q Queryer, asOf jxc.Date, ps []*jxc.CustomerPayment) error {
	if len(ps) == 0 {
		return nil
	}
	ids, cids := make([]int64, len(ps)), make([]int64, len(ps))
	byID := map[int64]*jxc.CustomerPayment{}
	for i, pay := range ps {
		ids[i], cids[i] = pay.ID, pay.CustomerID
		byID[pay.ID] = pay
		pay.Allocations = []*jxc.ReceivableAllocation{}
	}
	var allocs []*jxc.ReceivableAllocation
	if err := q.SelectContext(ctx, &allocs, `SELECT a.id, a.invoice_id, a.payment_id, a.return_id, a.amount, a.posting_date, i.number AS invoice_number
		FROM receivable_allocations a JOIN sales_invoices i ON i.id = a.invoice_id WHERE a.payment_id = ANY($1) ORDER BY a.id`, pq.Array(ids)); err != nil {
		return err
	}
	for _, a := range allocs {
		byID[*a.PaymentID].Allocations = append(byID[*a.PaymentID].Allocations, a)
	}
	cs, err := customersByID(ctx, q, asOf, cids)
	if err != nil {
		return err
	}
	for _, pay := range ps {
		pay.Customer = cs[pay.CustomerID]
	}
	return nil
}

const salesReturnCols = `id, number, customer_id, shipment_id, invoice_id, posting_date, reason, net_amount, vat_amount, total_amount,
	cost_value, applied_amount, refunded_amount, journal_entry_id, created_at`

// CreateSalesReturn implements jxc.SalesService: the goods come back at the
// cost they left with (Dr Inventory, Cr COGS) and the credit note reverses
// revenue, VAT and the receivable (Dr Revenue, Dr Output VAT, Cr AR); the
// credit settles the shipment's invoice as far as it is open, and the rest
// stays as credit to refund.
func (s *SalesService) CreateSalesReturn(ctx context.Context, in jxc.SalesReturnInput) (*jxc.SalesReturn, error) {
	var es jxc.Errors
	if err := jxc.ValidateSalesReturnInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	var id int64
	id, err := s.write(ctx, jxc.Op{Name: "createSalesReturn", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		es := es
		sh, _, err := lockShipment(ctx, tx, in.ShipmentID, "input.shipmentId")
		if err != nil {
			return err
		}
		if sh.Status != jxc.ShipmentShipped && sh.Status != jxc.ShipmentDelivered {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentId", "shipment %s is %s; only shipped goods come back", sh.Number, sh.Status)
		}
		if sh.InvoiceID == nil {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentId", "shipment %s is not invoiced yet; invoice it, then return against it", sh.Number)
		}
		date := dateOrToday(in.PostingDate, today(tx))
		if sh.PostingDate != nil && date.Before(*sh.PostingDate) {
			es.Add(jxc.EINVALID, "input.postingDate", "a return may not be dated before its shipment (%s)", *sh.PostingDate)
		}
		c, err := findCustomer(ctx, tx, sh.CustomerID, date)
		if err != nil {
			return err
		}
		inv := &jxc.SalesInvoice{}
		if err := tx.GetContext(ctx, inv, `SELECT `+salesInvoiceCols+` FROM sales_invoices WHERE id = $1 FOR UPDATE`, *sh.InvoiceID); err != nil {
			return err
		}
		var ils []*jxc.SalesInvoiceLine
		if err := tx.SelectContext(ctx, &ils, `SELECT `+salesInvoiceLineCols+` FROM sales_invoice_lines WHERE invoice_id = $1`, inv.ID); err != nil {
			return err
		}
		billed := map[int64]*jxc.SalesInvoiceLine{}
		for _, l := range ils {
			billed[l.ShipmentLineID] = l
		}
		byID := map[int64]*jxc.ShipmentLine{}
		for _, l := range sh.Lines {
			byID[l.ID] = l
		}
		type retLine struct {
			sl       *jxc.ShipmentLine
			q        decimal.Decimal
			cost     decimal.Decimal
			net, vat decimal.Decimal
		}
		var rls []retLine
		for i, li := range in.Lines {
			f := fmt.Sprintf("input.lines.%d.", i)
			sl := byID[li.ShipmentLineID]
			if sl == nil {
				es.Add(jxc.ENOTFOUND, f+"shipmentLineId", "shipment %s has no line %d", sh.Number, li.ShipmentLineID)
				continue
			}
			left := sl.Quantity.Sub(sl.ReturnedQty)
			if li.Quantity.GreaterThan(left) {
				es.Add(jxc.ECONFLICT, f+"quantity", "only %s of this shipment line may still come back; cannot return %s",
					left.StringFixed(jxc.QuantityPlaces), li.Quantity.StringFixed(jxc.QuantityPlaces))
				continue
			}
			il := billed[sl.ID]
			cost := jxc.ReturnCost(sl.Quantity, sl.CostValue, sl.ReturnedQty, sl.ReturnedValue, li.Quantity)
			var net, vat decimal.Decimal
			if li.Quantity.Equal(left) {
				// The last units back take what is left of the billed
				// amounts, so a full return credits exactly the invoice line.
				var done struct {
					Net decimal.Decimal `db:"net"`
					VAT decimal.Decimal `db:"vat"`
				}
				if err := tx.GetContext(ctx, &done, `SELECT coalesce(sum(net_amount), 0) AS net, coalesce(sum(vat_amount), 0) AS vat
					FROM sales_return_lines WHERE shipment_line_id = $1`, sl.ID); err != nil {
					return err
				}
				net, vat = il.NetAmount.Sub(done.Net), il.VATAmount.Sub(done.VAT)
			} else {
				net, vat = jxc.PriceLine(li.Quantity, il.UnitPrice, il.DiscountRate, il.VATRate)
			}
			rls = append(rls, retLine{sl, li.Quantity, cost, net, vat})
		}
		if err := es.Err(); err != nil {
			return err
		}
		if id, err = nextID(ctx, tx, "sales_returns"); err != nil {
			return err
		}
		ev := &jxc.ReturnPosting{Date: date, Description: fmt.Sprintf("Return CN-%06d of shipment %s", id, sh.Number), Partner: c.Code,
			Net: decimal.Zero, VAT: decimal.Zero}
		cost := decimal.Zero
		for _, r := range rls {
			ev.Lines = append(ev.Lines, jxc.ReturnPostingLine{ProductID: r.sl.ProductID, WarehouseID: sh.WarehouseID, Quantity: r.q, Value: r.cost})
			ev.Net, ev.VAT, cost = ev.Net.Add(r.net), ev.VAT.Add(r.vat), cost.Add(r.cost)
		}
		p, err := post(ctx, tx, ev, &id)
		if err != nil {
			return err
		}
		total := ev.Net.Add(ev.VAT)
		applied := decimal.Min(total, inv.OpenAmount())
		if _, err := tx.ExecContext(ctx, `INSERT INTO sales_returns (id, customer_id, shipment_id, invoice_id, posting_date, reason, net_amount,
			vat_amount, total_amount, cost_value, applied_amount, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			id, c.ID, sh.ID, inv.ID, date, strings.TrimSpace(deref(in.Reason)), ev.Net, ev.VAT, total, cost, applied, p.EntryID, userID(ctx), tx.Now); err != nil {
			return err
		}
		for i, r := range rls {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sales_return_lines (return_id, line_no, shipment_line_id, product_id, warehouse_id,
				quantity, cost_value, net_amount, vat_amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
				id, i+1, r.sl.ID, r.sl.ProductID, sh.WarehouseID, r.q, r.cost, r.net, r.vat); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE shipment_lines SET returned_quantity = returned_quantity + $2, returned_value = returned_value + $3
				WHERE id = $1`, r.sl.ID, r.q, r.cost); err != nil {
				return domainError(err, "input.lines")
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sales_order_lines SET returned = returned + $2 WHERE id = $1`, r.sl.OrderLineID, r.q); err != nil {
				return domainError(err, "input.lines")
			}
		}
		if applied.Sign() > 0 {
			if err := settle(ctx, tx, []allocation{{inv, applied}}, nil, &id, date, p.EntryID, true); err != nil {
				return err
			}
		}
		tx.Produced(jxc.RecordSalesReturn, id, fmt.Sprintf("CN-%06d", id), jxc.AuditPost)
		return publishReceivable(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, err
	}
	pg, err := s.findReturns(ctx, jxc.SalesDocumentFilter{}, jxc.PageArgs{}, &id)
	if err != nil {
		return nil, err
	}
	return pg.Items[0], nil
}

// FindSalesReturns implements jxc.SalesService, newest first.
func (s *SalesService) FindSalesReturns(ctx context.Context, f jxc.SalesDocumentFilter, p jxc.PageArgs) (*jxc.Page[*jxc.SalesReturn], error) {
	return s.findReturns(ctx, f, p, nil)
}

// findReturns reads a page of returns; with only, the one return, in one
// read-only snapshot.
func (s *SalesService) findReturns(ctx context.Context, f jxc.SalesDocumentFilter, p jxc.PageArgs, only *int64) (*jxc.Page[*jxc.SalesReturn], error) {
	f.Status = nil
	w := docWhere(f, "posting_date")
	read := func(q Queryer, asOf jxc.Date) (*jxc.Page[*jxc.SalesReturn], error) {
		pg, err := page[*jxc.SalesReturn](ctx, q, p, salesReturnCols, "sales_returns", w, "posting_date DESC, id DESC")
		if err != nil {
			return nil, err
		}
		return pg, fillReturns(ctx, q, asOf, pg.Items)
	}
	if only != nil {
		w.add(`id = %s`, *only)
		return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.Page[*jxc.SalesReturn], error) { return read(tx, today(tx)) })
	}
	return read(s.db, jxc.Today(s.db.Now()))
}

// FindSalesReturnsByCustomer implements jxc.SalesService: a page of each
// customer's returns, newest first, read for every customer at once.
func (s *SalesService) FindSalesReturnsByCustomer(ctx context.Context, customerIDs []int64, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.SalesReturn], error) {
	pages, err := childPages(ctx, s.db, p, customerIDs, "customer_id", salesReturnCols, "sales_returns", nil, "posting_date DESC, id DESC",
		func(r *jxc.SalesReturn) int64 { return r.CustomerID })
	if err != nil {
		return nil, err
	}
	return pages, fillReturns(ctx, s.db, jxc.Today(s.db.Now()), pagesItems(pages))
}

// fillReturns loads the lines, products and customers of a page of
// returns: one query each, never one per return.
func fillReturns(ctx context.Context, q Queryer, asOf jxc.Date, rs []*jxc.SalesReturn) error {
	if len(rs) == 0 {
		return nil
	}
	ids, cids := make([]int64, len(rs)), make([]int64, len(rs))
	byID := map[int64]*jxc.SalesReturn{}
	for i, r := range rs {
		ids[i], cids[i] = r.ID, r.CustomerID
		byID[r.ID] = r
		r.Lines = []*jxc.SalesReturnLine{}
	}
	var lines []*jxc.SalesReturnLine
	if err := q.SelectContext(ctx, &lines, `SELECT id, return_id, line_no, shipment_line_id, product_id, warehouse_id, quantity, cost_value,
		net_amount, vat_amount FROM sales_return_lines WHERE return_id = ANY($1) ORDER BY return_id, line_no`, pq.Array(ids)); err != nil {
		return err
	}
	pids := make([]int64, len(lines))
	for i, l := range lines {
		byID[l.ReturnID].Lines = append(byID[l.ReturnID].Lines, l)
		pids[i] = l.ProductID
	}
	if err := fillLineProducts(ctx, q, pids, func(m map[int64]*jxc.Product) {
		for _, l := range lines {
			l.Product = m[l.ProductID]
		}
	}); err != nil {
		return err
	}
	cs, err := customersByID(ctx, q, asOf, cids)
	if err != nil {
		return err
	}
	for _, r := range rs {
		r.Customer = cs[r.CustomerID]
	}
	return nil
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
			return jxc.FieldErrorf(jxc.ENOTFOUND, field, "no such document %d", *src)
		} else if err != nil {
			return err
		}
		date := dateOrToday(in.PostingDate, today(tx))
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
			es.Add(jxc.EINVALID, "input.amount", "%s has only %s of credit open; cannot refund %s", number, open.StringFixed(2), in.Amount.StringFixed(2))
		}
		if date.Before(srcDate) {
			es.Add(jxc.EINVALID, "input.postingDate", "a refund may not be dated before %s (%s)", number, srcDate)
		}
		if err := es.Err(); err != nil {
			return err
		}
		id, err := nextID(ctx, tx, "customer_refunds")
		if err != nil {
			return err
		}
		bank := jxc.AccountBank
		if in.BankAccount != nil {
			bank = *in.BankAccount
		}
		p, err := post(ctx, tx, &jxc.RefundPosting{Date: date, Description: fmt.Sprintf("Refund RF-%06d of %s to %s", id, number, c.Code),
			Partner: c.Code, BankAccount: bank, Amount: in.Amount, FromAdvance: in.PaymentID != nil}, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET refunded_amount = refunded_amount + $2 WHERE id = $1`, *src, in.Amount); err != nil {
			return domainError(err, "input.amount")
		}
		if err := tx.GetContext(ctx, out, `INSERT INTO customer_refunds (id, customer_id, return_id, payment_id, posting_date, amount, bank_account,
			journal_entry_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING `+customerRefundCols,
			id, c.ID, in.ReturnID, in.PaymentID, date, in.Amount, bank, p.EntryID, userID(ctx), tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordCustomerRefund, id, fmt.Sprintf("RF-%06d", id), jxc.AuditRefund)
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

// ReceivablesAging implements jxc.SalesService: each invoice's balance as
// of the date (what was billed by then less what settled it by then), by
// days past its due date.
func (s *SalesService) ReceivablesAging(ctx context.Context, asOf jxc.Date, customerID *int64) (*jxc.ReceivablesAging, error) {
	if asOf.IsZero() {
		asOf = jxc.Today(s.db.Now())
	}
	out := &jxc.ReceivablesAging{AsOf: asOf, Customers: []*jxc.CustomerAging{}}
	if err := s.db.SelectContext(ctx, &out.Customers, `WITH inv AS (
			SELECT i.customer_id, $1::date - i.due_date AS late,
				i.total_amount - coalesce((SELECT sum(a.amount) FROM receivable_allocations a
					WHERE a.invoice_id = i.id AND a.posting_date <= $1), 0) AS open
			FROM sales_invoices i WHERE i.posting_date <= $1 AND ($2::bigint IS NULL OR i.customer_id = $2)
		)
		SELECT customer_id,
			coalesce(sum(open) FILTER (WHERE late <= 0), 0) AS not_due,
			coalesce(sum(open) FILTER (WHERE late BETWEEN 1 AND 30), 0) AS days_1_30,
			coalesce(sum(open) FILTER (WHERE late BETWEEN 31 AND 60), 0) AS days_31_60,
			coalesce(sum(open) FILTER (WHERE late BETWEEN 61 AND 90), 0) AS days_61_90,
			coalesce(sum(open) FILTER (WHERE late > 90), 0) AS over_90,
			sum(open) AS total
		FROM inv WHERE open > 0 GROUP BY customer_id ORDER BY sum(open) DESC, customer_id`, asOf, customerID); err != nil {
		return nil, err
	}
	cids := make([]int64, len(out.Customers))
	for i, c := range out.Customers {
		cids[i] = c.CustomerID
		out.Total = out.Total.Plus(c.AgingBuckets)
	}
	cs, err := customersByID(ctx, s.db, asOf, cids)
	if err != nil {
		return nil, err
	}
	for _, c := range out.Customers {
		c.Customer = cs[c.CustomerID]
	}
	return out, nil
}
