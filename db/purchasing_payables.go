package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// --- supplier invoices -----------------------------------------------------------

const invoiceCols = `id, number, supplier_invoice_no, supplier_id, kind, purchase_order_id, invoice_date, due_date, status, net_amount,
	tax_amount, total_amount, paid_amount, mismatch_approved_by, mismatch_approved_at, journal_entry_id, created_at, match_issues,
	vat_invoice_code, vat_invoice_number, vat_invoice_kind, vat_buyer_tax_id, vat_issue_date`

type invoiceRow struct {
	jxc.SupplierInvoice
	IssuesJSON []byte `db:"match_issues"`
}

func loadInvoices(ctx context.Context, q Queryer, rows []*invoiceRow) ([]*jxc.SupplierInvoice, error) {
	out := make([]*jxc.SupplierInvoice, len(rows))
	by := map[int64]*jxc.SupplierInvoice{}
	for i, r := range rows {
		inv := r.SupplierInvoice
		if err := json.Unmarshal(r.IssuesJSON, &inv.MatchIssues); err != nil {
			return nil, err
		}
		inv.MatchIssues = nonNil(inv.MatchIssues)
		inv.Lines = []*jxc.SupplierInvoiceLine{}
		out[i] = &inv
		by[inv.ID] = &inv
	}
	if len(out) == 0 {
		return out, nil
	}
	type lineRow struct {
		InvoiceID int64 `db:"invoice_id"`
		jxc.SupplierInvoiceLine
	}
	var lines []*lineRow
	if err := q.SelectContext(ctx, &lines, `SELECT invoice_id, line_no, po_line_id, product_id, quantity, unit_price, order_price, net_amount,
		tax_amount, grni_cleared, variance FROM supplier_invoice_lines WHERE invoice_id = ANY($1) ORDER BY invoice_id, line_no`,
		pq.Array(collect(out, func(i *jxc.SupplierInvoice) int64 { return i.ID }))); err != nil {
		return nil, err
	}
	products, err := productsByID(ctx, q, collect(lines, func(l *lineRow) int64 { return l.ProductID }))
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		il := l.SupplierInvoiceLine
		il.Product = products[il.ProductID]
		by[l.InvoiceID].Lines = append(by[l.InvoiceID].Lines, &il)
	}
	sups, err := suppliersByID(ctx, q, collect(out, func(i *jxc.SupplierInvoice) int64 { return i.SupplierID }))
	if err != nil {
		return nil, err
	}
	for _, i := range out {
		i.Supplier = sups[i.SupplierID]
	}
	return out, nil
}

// findWrittenInvoice reads the invoice a write produced; a replay names the
// idempotency key when it is gone.
func findWrittenInvoice(ctx context.Context, q Queryer, id int64) (*jxc.SupplierInvoice, error) {
	field := "input.idempotencyKey"
	if _, inTx := q.(*Tx); inTx {
		field = "id"
	}
	return findInvoice(ctx, q, id, field)
}

func findInvoice(ctx context.Context, q Queryer, id int64, field string) (*jxc.SupplierInvoice, error) {
	var rows []*invoiceRow
	if err := q.SelectContext(ctx, &rows, `SELECT `+invoiceCols+` FROM supplier_invoices WHERE id = $1`, id); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, field, "no such supplier invoice")
	}
	out, err := loadInvoices(ctx, q, rows)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// docNumber is a document's id and number, taken before it is written.
type docNumber struct {
	ID     int64
	Number string
}

// reservePayableInvoice takes the number of the supplier invoice that a
// cost paid from payables leaves open (nil for a cost paid from the bank).
// Supplier invoice numbers have no gaps, so their counter is locked until
// commit: a flow takes it before its stock and voucher locks, in the
// order every supplier invoice takes them.
func reservePayableInvoice(ctx context.Context, tx *Tx, from jxc.PayFrom) (*docNumber, error) {
	if from != jxc.PayFromPayable {
		return nil, nil
	}
	id, number, err := newNumber(ctx, tx, "supplier_invoices", supplierInvoicePrefix)
	if err != nil {
		return nil, err
	}
	return &docNumber{id, number}, nil
}

// supplierInvoicePrefix starts new supplier invoice numbers (PI000001);
// sales invoices are SI-000001. Supplier invoices numbered before 0062
// keep their SI numbers.
const supplierInvoicePrefix = "PI"

// payableInvoiceFor records the open payable of a landed or operating
// cost billed by a supplier, under the number reserved for it (nil: the
// cost was paid from the bank); its journal entry is the cost's own.
func payableInvoiceFor(ctx context.Context, tx *Tx, reserved *docNumber, sup *jxc.Supplier, kind jxc.SupplierInvoiceKind, invoiceNo *string,
	date jxc.Date, amount decimal.Decimal, entryID *int64) (*int64, error) {
	if reserved == nil {
		return nil, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_invoices (id, number, supplier_invoice_no, supplier_id, kind, invoice_date, due_date,
		status, net_amount, total_amount, journal_entry_id, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, 'OPEN', $8, $8, $9, $10, $11)`,
		reserved.ID, reserved.Number, strings.TrimSpace(*invoiceNo), sup.ID, kind, date, date.AddDays(sup.PaymentTermsDays), amount, entryID,
		userID(ctx), tx.Now); err != nil {
		return nil, domainError(err, "input.supplierInvoiceNumber")
	}
	return &reserved.ID, nil
}

// writeSupplierInvoiceLines writes an invoice's lines as posted and adds
// them to their order lines' invoiced quantity and GRNI cleared.
func writeSupplierInvoiceLines(ctx context.Context, tx *Tx, id int64, plan *jxc.SupplierInvoicePlan, ev *jxc.InvoicePosting) error {
	for i, l := range plan.Input.Lines {
		pl, el := plan.Lines[i], ev.Lines[i]
		if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_invoice_lines (invoice_id, line_no, po_line_id, product_id, quantity, unit_price,
			order_price, net_amount, tax_amount, grni_cleared, variance) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			id, i+1, pl.ID, pl.ProductID, l.Quantity, l.UnitPrice, pl.UnitPrice, el.Net, el.Tax, el.GRNI, el.Variance); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE purchase_order_lines SET invoiced_qty = invoiced_qty + $2, grni_cleared = grni_cleared + $3
			WHERE id = $1`, pl.ID, l.Quantity, el.GRNI); err != nil {
			return err
		}
	}
	return nil
}

// PostSupplierInvoice implements jxc.PurchasingService: the three-way
// match, then Dr GRNI (+ price variance), Dr input VAT, Cr trade payables.
// A mismatch beyond tolerance posts the invoice ON_HOLD: it cannot be paid
// until finance approves it.
func (s *PurchasingService) PostSupplierInvoice(ctx context.Context, in jxc.SupplierInvoiceInput) (*jxc.SupplierInvoice, error) {
	if err := jxc.ValidateSupplierInvoiceInput(in); err != nil {
		return nil, err
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "postSupplierInvoice", Key: in.IdempotencyKey, Input: in}, findWrittenInvoice, func(tx *Tx) (int64, error) {
		in.InvoiceDate = dateOrToday(&in.InvoiceDate, tx)
		o, err := lockOrder(ctx, tx, in.PurchaseOrderID, "input.purchaseOrderId")
		if err != nil {
			return 0, err
		}
		set, err := loadSettings(ctx, tx)
		if err != nil {
			return 0, err
		}
		plan, err := jxc.PlanSupplierInvoice(o, jxc.MatchTolerance{Price: set.PriceTolerance, Quantity: set.QuantityTolerance}, in)
		if err != nil {
			return 0, err
		}
		id, number, ev, p, err := numberAndPost(ctx, tx, "supplier_invoices", supplierInvoicePrefix, plan.Posting)
		if err != nil {
			return 0, err
		}
		issuesJSON, _ := json.Marshal(nonNil(plan.Issues))
		if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_invoices (id, number, supplier_invoice_no, supplier_id, kind, purchase_order_id,
			invoice_date, due_date, status, net_amount, tax_amount, total_amount, match_issues, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, 'GOODS', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			id, number, strings.TrimSpace(in.SupplierInvoiceNo), o.SupplierID, o.ID, in.InvoiceDate, in.InvoiceDate.AddDays(o.Supplier.PaymentTermsDays),
			plan.Status(), ev.Net, ev.Tax, ev.Total, string(issuesJSON), p.EntryID, userID(ctx), tx.Now); err != nil {
			return 0, domainError(err, "input.supplierInvoiceNumber")
		}
		if in.VatInvoice != nil {
			if err := setVatInfo(ctx, tx, "supplier_invoices", id, in.VatInvoice.Normalized()); err != nil {
				return 0, err
			}
		}
		if err := writeSupplierInvoiceLines(ctx, tx, id, plan, ev); err != nil {
			return 0, err
		}
		release, actual := plan.BudgetCharges(ev)
		if err := writeBudgetEntries(ctx, tx, release, "COMMITMENT", jxc.SourceSupplierInvoice, id); err != nil {
			return 0, err
		}
		if err := writeBudgetEntries(ctx, tx, actual, "ACTUAL", jxc.SourceSupplierInvoice, id); err != nil {
			return 0, err
		}
		if err := settleOrderStatus(ctx, tx, o.ID); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordSupplierInvoice, id, number, jxc.AuditPost)
		return id, nil
	})
}

// ApproveInvoiceMismatch implements jxc.PurchasingService: finance accepts
// a three-way mismatch, and the invoice may be paid.
func (s *PurchasingService) ApproveInvoiceMismatch(ctx context.Context, id int64) (*jxc.SupplierInvoice, error) {
	var out *jxc.SupplierInvoice
	_, err := s.db.Write(ctx, jxc.Op{Name: "approveSupplierInvoiceMismatch"}, func(tx *Tx) error {
		var st, number string
		var postedBy *int64
		if err := tx.QueryRowxContext(ctx, `SELECT status, number, created_by FROM supplier_invoices WHERE id = $1 FOR UPDATE`, id).Scan(&st, &number, &postedBy); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such supplier invoice")
			}
			return err
		}
		if st != string(jxc.InvoiceOnHold) {
			return jxc.FieldErrorf(jxc.ECONFLICT, "id", "invoice {invoice} is {status}; only an invoice ON_HOLD for a mismatch needs approval", jxc.P{"invoice": number, "status": string(st)})
		}
		set, err := companySettings(ctx, tx)
		if err != nil {
			return err
		}
		if e := jxc.CheckMismatchApproval(set, jxc.UserFromContext(ctx), postedBy, number); e != nil {
			return e
		}
		tx.Produced(jxc.RecordSupplierInvoice, id, number, jxc.AuditApprove)
		if _, err := tx.ExecContext(ctx, `UPDATE supplier_invoices SET status = 'OPEN', mismatch_approved_by = $2, mismatch_approved_at = $3 WHERE id = $1`,
			id, userID(ctx), tx.Now); err != nil {
			return err
		}
		out, err = findInvoice(ctx, tx, id, "id")
		return err
	})
	return out, err
}

// FindSupplierInvoices implements jxc.PurchasingService.
func (s *PurchasingService) FindSupplierInvoices(ctx context.Context, f jxc.SupplierInvoiceFilter, o *jxc.SupplierInvoiceOrder, p jxc.PageArgs) (*jxc.Page[*jxc.SupplierInvoice], error) {
	var w where
	if f.SupplierID != nil {
		w.add(`supplier_id = %s`, *f.SupplierID)
	}
	if f.PurchaseOrderID != nil {
		w.add(`purchase_order_id = %s`, *f.PurchaseOrderID)
	}
	anyOf(&w, "status", f.Status)
	if f.Kind != nil {
		w.add(`kind = %s`, string(*f.Kind))
	}
	if f.DateFrom != nil {
		w.add(`invoice_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`invoice_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(number ILIKE %[1]s OR supplier_invoice_no ILIKE %[1]s
			OR supplier_id IN (SELECT id FROM suppliers WHERE code ILIKE %[1]s OR name ILIKE %[1]s))`, likePattern(*f.Search))
	}
	return pageRows(ctx, s.db, p, invoiceCols, "supplier_invoices", &w, orderBy(o, supplierInvoiceOrders, "id", "invoice_date DESC, id DESC"), loadInvoices)
}

// FindSupplierInvoiceByID implements jxc.PurchasingService.
func (s *PurchasingService) FindSupplierInvoiceByID(ctx context.Context, id int64) (*jxc.SupplierInvoice, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.SupplierInvoice, error) { return findInvoice(ctx, tx, id, "id") })
}

// --- supplier payments -------------------------------------------------------------

const paymentCols = `id, number, supplier_id, payment_date, amount, reference, journal_entry_id, created_at`

func loadPayments(ctx context.Context, q Queryer, ps []*jxc.SupplierPayment) error {
	if len(ps) == 0 {
		return nil
	}
	by := map[int64]*jxc.SupplierPayment{}
	for _, p := range ps {
		by[p.ID] = p
		p.Allocations = []*jxc.PaymentAllocation{}
	}
	type allocRow struct {
		PaymentID int64 `db:"payment_id"`
		jxc.PaymentAllocation
	}
	var rows []*allocRow
	if err := q.SelectContext(ctx, &rows, `SELECT payment_id, invoice_id, amount FROM supplier_payment_allocations
		WHERE payment_id = ANY($1) ORDER BY payment_id, invoice_id`, pq.Array(collect(ps, func(p *jxc.SupplierPayment) int64 { return p.ID }))); err != nil {
		return err
	}
	var invRows []*invoiceRow
	if err := q.SelectContext(ctx, &invRows, `SELECT `+invoiceCols+` FROM supplier_invoices WHERE id = ANY($1)`,
		pq.Array(collect(rows, func(r *allocRow) int64 { return r.InvoiceID }))); err != nil {
		return err
	}
	invs, err := loadInvoices(ctx, q, invRows)
	if err != nil {
		return err
	}
	invBy := map[int64]*jxc.SupplierInvoice{}
	for _, i := range invs {
		invBy[i.ID] = i
	}
	for _, r := range rows {
		a := r.PaymentAllocation
		a.Invoice = invBy[a.InvoiceID]
		by[r.PaymentID].Allocations = append(by[r.PaymentID].Allocations, &a)
	}
	sups, err := suppliersByID(ctx, q, collect(ps, func(p *jxc.SupplierPayment) int64 { return p.SupplierID }))
	if err != nil {
		return err
	}
	for _, p := range ps {
		p.Supplier = sups[p.SupplierID]
	}
	return nil
}

func findPayment(ctx context.Context, q Queryer, id int64) (*jxc.SupplierPayment, error) {
	p := &jxc.SupplierPayment{}
	if err := q.GetContext(ctx, p, `SELECT `+paymentCols+` FROM supplier_payments WHERE id = $1`, id); err != nil {
		return nil, err
	}
	return p, loadPayments(ctx, q, []*jxc.SupplierPayment{p})
}

// lockPayableInvoices locks the invoices a payment allocates to, in id
// order, and returns those that exist by id.
func lockPayableInvoices(ctx context.Context, tx *Tx, allocs []jxc.PaymentAllocationInput) (map[int64]*jxc.PayableInvoice, error) {
	ids := make([]int64, len(allocs))
	for i, a := range allocs {
		ids[i] = a.InvoiceID
	}
	slices.Sort(ids)
	var locked []*jxc.PayableInvoice
	if err := tx.SelectContext(ctx, &locked, `SELECT id, number, supplier_id, status, total_amount, paid_amount, invoice_date
		FROM supplier_invoices WHERE id = ANY($1) ORDER BY id FOR UPDATE`, pq.Array(ids)); err != nil {
		return nil, err
	}
	invs := map[int64]*jxc.PayableInvoice{}
	for _, l := range locked {
		invs[l.ID] = l
	}
	return invs, nil
}

// PostSupplierPayment implements jxc.PurchasingService: Dr trade payables,
// Cr bank, allocated to the supplier's open invoices (locked by id).
func (s *PurchasingService) PostSupplierPayment(ctx context.Context, in jxc.SupplierPaymentInput) (*jxc.SupplierPayment, error) {
	if err := jxc.ValidateSupplierPaymentInput(in); err != nil {
		return nil, err
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "postSupplierPayment", Key: in.IdempotencyKey, Input: in}, findPayment, func(tx *Tx) (int64, error) {
		in.PaymentDate = dateOrToday(&in.PaymentDate, tx)
		sup, err := findSupplier(ctx, tx, in.SupplierID)
		if err != nil && jxc.ErrorCode(err) != jxc.ENOTFOUND {
			return 0, err
		}
		invs, err := lockPayableInvoices(ctx, tx, in.Allocations)
		if err != nil {
			return 0, err
		}
		if err := jxc.CheckSupplierPayment(in, sup != nil, invs); err != nil {
			return 0, err
		}
		id, number, err := newNumber(ctx, tx, "supplier_payments", "SP")
		if err != nil {
			return 0, err
		}
		p, err := post(ctx, tx, &jxc.PaymentPosting{Date: in.PaymentDate, Description: jxc.T("Supplier payment {number} to {supplier}", jxc.P{"number": number, "supplier": sup.Code}),
			Partner: sup.Code, Amount: in.Amount}, &id)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_payments (id, number, supplier_id, payment_date, amount, reference, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, coalesce($6, ''), $7, $8, $9)`, id, number, sup.ID, in.PaymentDate, in.Amount, in.Reference, p.EntryID,
			userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		for _, a := range in.Allocations {
			if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_payment_allocations (payment_id, invoice_id, amount, payment_date) VALUES ($1, $2, $3, $4)`,
				id, a.InvoiceID, a.Amount, in.PaymentDate); err != nil {
				return 0, err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE supplier_invoices SET paid_amount = paid_amount + $2,
				status = CASE WHEN paid_amount + $2 = total_amount THEN 'PAID' ELSE status END WHERE id = $1`, a.InvoiceID, a.Amount); err != nil {
				return 0, err
			}
		}
		tx.Produced(jxc.RecordSupplierPayment, id, number, jxc.AuditPost)
		return id, nil
	})
}

// FindSupplierPayments implements jxc.PurchasingService.
func (s *PurchasingService) FindSupplierPayments(ctx context.Context, f jxc.SupplierPaymentFilter, o *jxc.SupplierPaymentOrder, p jxc.PageArgs) (*jxc.Page[*jxc.SupplierPayment], error) {
	var w where
	if f.SupplierID != nil {
		w.add(`supplier_id = %s`, *f.SupplierID)
	}
	if f.DateFrom != nil {
		w.add(`payment_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`payment_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(number ILIKE %[1]s OR reference ILIKE %[1]s
			OR supplier_id IN (SELECT id FROM suppliers WHERE code ILIKE %[1]s OR name ILIKE %[1]s))`, likePattern(*f.Search))
	}
	pg, err := page[*jxc.SupplierPayment](ctx, s.db, p, paymentCols, "supplier_payments", &w, orderBy(o, supplierPaymentOrders, "id", "payment_date DESC, id DESC"))
	if err != nil {
		return nil, err
	}
	return pg, loadPayments(ctx, s.db, pg.Items)
}

// PayablesAging implements jxc.PurchasingService: what was open on asOf
// (invoices dated by then, less payments dated by then), by days past due.
func (s *PurchasingService) PayablesAging(ctx context.Context, asOf jxc.Date) (*jxc.PayablesAging, error) {
	var rows []struct {
		SupplierID int64           `db:"supplier_id"`
		Due        jxc.Date        `db:"due_date"`
		Open       decimal.Decimal `db:"open"`
	}
	// Debit notes of supplier returns pay invoices they are applied to, and
	// what is left of them (not applied, not refunded) is a credit: a
	// negative amount due on the return's date.
	if err := s.db.SelectContext(ctx, &rows, `SELECT i.supplier_id, i.due_date,
			i.total_amount - coalesce((SELECT sum(a.amount) FROM supplier_payment_allocations a WHERE a.invoice_id = i.id AND a.payment_date <= $1), 0)
			- coalesce((SELECT sum(d.amount) FROM debit_note_allocations d WHERE d.invoice_id = i.id AND d.applied_date <= $1), 0) AS open
		FROM supplier_invoices i WHERE i.invoice_date <= $1
		UNION ALL
		SELECT r.supplier_id, r.posting_date, -(r.total_amount - r.applied_amount - r.refunded_amount)
		FROM supplier_returns r WHERE r.status = 'POSTED' AND r.posting_date <= $1
		ORDER BY 1, 2`, asOf); err != nil {
		return nil, err
	}
	out := &jxc.PayablesAging{AsOf: asOf, Rows: []*jxc.PayablesAgingRow{}}
	bySup := map[int64]*jxc.PayablesAgingRow{}
	var ids []int64
	for _, r := range rows {
		if r.Open.Sign() == 0 {
			continue
		}
		row := bySup[r.SupplierID]
		if row == nil {
			row = &jxc.PayablesAgingRow{}
			bySup[r.SupplierID] = row
			ids = append(ids, r.SupplierID)
		}
		days := asOf.DaysSince(r.Due)
		row.Add(r.Open, days)
		out.Total.Add(r.Open, days)
	}
	sups, err := suppliersByID(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		row := bySup[id]
		row.Supplier = sups[id]
		out.Rows = append(out.Rows, row)
	}
	slices.SortFunc(out.Rows, func(a, b *jxc.PayablesAgingRow) int { return strings.Compare(a.Supplier.Code, b.Supplier.Code) })
	return out, nil
}

// --- landed costs ---------------------------------------------------------------------

// landedCostTargets loads the receipts a landed cost names, by the input's
// position (nil where there is no such receipt), and its supplier (nil when
// none is named or it does not exist).
func landedCostTargets(ctx context.Context, tx *Tx, in jxc.LandedCostInput) ([]*jxc.GoodsReceipt, *jxc.Supplier, error) {
	receipts := make([]*jxc.GoodsReceipt, len(in.ReceiptIDs))
	for i, rid := range in.ReceiptIDs {
		r, err := findReceipt(ctx, tx, rid)
		if err != nil && jxc.ErrorCode(err) != jxc.ENOTFOUND {
			return nil, nil, err
		}
		receipts[i] = r
	}
	if in.SupplierID == nil {
		return receipts, nil, nil
	}
	sup, err := findSupplier(ctx, tx, *in.SupplierID)
	if err != nil && jxc.ErrorCode(err) != jxc.ENOTFOUND {
		return nil, nil, err
	}
	return receipts, sup, nil
}

// PostLandedCost implements jxc.PurchasingService: the cost is spread over
// the receipts' accepted lines by value or quantity; goods still on hand
// take their share into their moving-average value, goods already sold
// pass theirs to cost of goods sold.
func (s *PurchasingService) PostLandedCost(ctx context.Context, in jxc.LandedCostInput) (*jxc.LandedCost, error) {
	if err := jxc.ValidateLandedCostInput(in); err != nil {
		return nil, err
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "postLandedCost", Key: in.IdempotencyKey, Input: in}, findLandedCost, func(tx *Tx) (int64, error) {
		in.PostingDate = dateOrToday(&in.PostingDate, tx)
		invoice, err := reservePayableInvoice(ctx, tx, in.PayFrom)
		if err != nil {
			return 0, err
		}
		receipts, sup, err := landedCostTargets(ctx, tx, in)
		if err != nil {
			return 0, err
		}
		// What remains of each receipt line decides the split between
		// stock and cost of goods sold; the stock locks keep it true until
		// the posting.
		if err := lockProductStock(ctx, tx, receiptProducts(receipts)); err != nil {
			return 0, err
		}
		remaining, err := receiptRemaining(ctx, tx, in.ReceiptIDs)
		if err != nil {
			return 0, err
		}
		plan, err := jxc.PlanLandedCost(receipts, sup, in)
		if err != nil {
			return 0, err
		}
		id, number, ev, p, err := numberAndPost(ctx, tx, "landed_costs", "LC", func(number string) *jxc.LandedCostPosting {
			return plan.Posting(number, remaining)
		})
		if err != nil {
			return 0, err
		}
		invID, err := payableInvoiceFor(ctx, tx, invoice, sup, jxc.InvoiceLandedCost, in.SupplierInvoiceNo, in.PostingDate, in.Amount, p.EntryID)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO landed_costs (id, number, kind, basis, posting_date, amount, description, supplier_invoice_id,
			journal_entry_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, ''), $8, $9, $10, $11)`,
			id, number, in.Kind, in.Basis, in.PostingDate, in.Amount, in.Description, invID, p.EntryID, userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		for i, t := range plan.Targets {
			sh := ev.Shares[i]
			if _, err := tx.ExecContext(ctx, `INSERT INTO landed_cost_allocations (landed_cost_id, receipt_id, line_no, product_id, warehouse_id,
				amount, on_hand_amount, sold_amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				id, t.Receipt.ID, t.Line.LineNo, t.Line.ProductID, t.Receipt.WarehouseID, sh.Amount, sh.OnHand, sh.Sold); err != nil {
				return 0, err
			}
		}
		tx.Produced(jxc.RecordLandedCost, id, number, jxc.AuditPost)
		return id, nil
	})
}

// receiptProducts are the products of the receipts' lines.
func receiptProducts(receipts []*jxc.GoodsReceipt) []int64 {
	var ids []int64
	for _, r := range receipts {
		if r != nil {
			ids = append(ids, collect(r.Lines, func(l *jxc.GoodsReceiptLine) int64 { return l.ProductID })...)
		}
	}
	return ids
}

func findLandedCost(ctx context.Context, q Queryer, id int64) (*jxc.LandedCost, error) {
	lc := &jxc.LandedCost{}
	if err := q.GetContext(ctx, lc, `SELECT id, number, kind, basis, posting_date, amount, description, supplier_invoice_id, journal_entry_id, created_at,
		(SELECT v.voucher_no FROM journal_entries v WHERE v.id = landed_costs.journal_entry_id) AS voucher_no
		FROM landed_costs WHERE id = $1`, id); err != nil {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such landed cost")
	}
	if err := q.SelectContext(ctx, &lc.Allocations, `SELECT a.receipt_id, r.number AS receipt_number, a.line_no, a.product_id, a.warehouse_id,
		a.amount, a.on_hand_amount, a.sold_amount
		FROM landed_cost_allocations a JOIN goods_receipts r ON r.id = a.receipt_id
		WHERE a.landed_cost_id = $1 ORDER BY a.receipt_id, a.line_no`, id); err != nil {
		return nil, err
	}
	products, err := productsByID(ctx, q, collect(lc.Allocations, func(a *jxc.LandedCostAllocation) int64 { return a.ProductID }))
	if err != nil {
		return nil, err
	}
	for _, a := range lc.Allocations {
		a.Product = products[a.ProductID]
	}
	return lc, nil
}

// FindLandedCostByID implements jxc.PurchasingService.
func (s *PurchasingService) FindLandedCostByID(ctx context.Context, id int64) (*jxc.LandedCost, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.LandedCost, error) { return findLandedCost(ctx, tx, id) })
}
