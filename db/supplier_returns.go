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

// Returns to suppliers (采购退货): drafted from a goods receipt, posted
// through the engine (goods out at the moving average, GRNI for what was
// not invoiced, a debit note for what was), and the debit note applied to
// the supplier's open invoices or refunded.

// SupplierReturnService writes and reads supplier returns.
type SupplierReturnService struct{ db *DB }

// NewSupplierReturnService returns the service on db.
func NewSupplierReturnService(db *DB) *SupplierReturnService { return &SupplierReturnService{db: db} }

const supplierReturnCols = `id, number, supplier_id, receipt_id, warehouse_id, status, reason, posting_date, stock_value, grni_amount,
	net_amount, vat_amount, total_amount, variance, applied_amount, refunded_amount, journal_entry_id, created_at, posted_at,
	receipt_number, supplier_code, supplier_name`

func loadSupplierReturnLines(ctx context.Context, q Queryer, rs []*jxc.SupplierReturn) error {
	if len(rs) == 0 {
		return nil
	}
	_, err := fillChildren(ctx, q, rs, func(r *jxc.SupplierReturn) (int64, *[]*jxc.SupplierReturnLine) { return r.ID, &r.Lines },
		`SELECT l.return_id, l.line_no, l.receipt_id, l.receipt_line_no, l.po_line_id, l.product_id, l.quantity, l.unit_price, l.grni_qty,
			l.invoiced_qty, l.invoice_price, l.vat_rate, l.stock_value, l.grni_amount, l.net_amount, l.vat_amount, p.sku, p.name AS product_name,
			coalesce(nullif(l.unit, ''), p.unit) AS unit, l.unit_factor, l.stock_quantity
		FROM supplier_return_lines l JOIN products p ON p.id = l.product_id WHERE l.return_id = ANY($1) ORDER BY l.return_id, l.line_no`,
		func(l *jxc.SupplierReturnLine) int64 { return l.ReturnID })
	return err
}

func findSupplierReturn(ctx context.Context, q Queryer, id int64) (*jxc.SupplierReturn, error) {
	var rs []*jxc.SupplierReturn
	if err := q.SelectContext(ctx, &rs, `SELECT `+supplierReturnCols+` FROM supplier_returns_list WHERE id = $1`, id); err != nil {
		return nil, err
	}
	r, err := theOne(rs, nil, "id", "supplier return", id)
	if err != nil {
		return nil, err
	}
	return r, loadSupplierReturnLines(ctx, q, rs)
}

// FindSupplierReturnByNumber reads one return by its number (nil when there is none).
func (s *SupplierReturnService) FindSupplierReturnByNumber(ctx context.Context, number string) (*jxc.SupplierReturn, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.SupplierReturn, error) {
		var id int64
		err := tx.GetContext(ctx, &id, `SELECT id FROM supplier_returns WHERE number = $1`, strings.TrimSpace(number))
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		return findSupplierReturn(ctx, tx, id)
	})
}

var supplierReturnOrders = map[string]string{"DATE": "coalesce(posting_date, created_at::date)", "NUMBER": "number", "TOTAL": "total_amount", "STOCK_VALUE": "stock_value"}

// FindSupplierReturns reads a page of returns, newest first.
func (s *SupplierReturnService) FindSupplierReturns(ctx context.Context, f jxc.SupplierReturnFilter, o jxc.Sorter, p jxc.PageArgs) (*jxc.Page[*jxc.SupplierReturn], error) {
	var w where
	if f.SupplierID != nil {
		w.add(`supplier_id = %s`, *f.SupplierID)
	}
	if f.ReceiptID != nil {
		w.add(`receipt_id = %s`, *f.ReceiptID)
	}
	if len(f.Status) > 0 {
		st := make([]string, len(f.Status))
		for i, v := range f.Status {
			st[i] = string(v)
		}
		w.add(`status = ANY(%s)`, pq.Array(st))
	}
	if f.DateFrom != nil {
		w.add(`coalesce(posting_date, created_at::date) >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`coalesce(posting_date, created_at::date) <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(number ILIKE %[1]s OR receipt_number ILIKE %[1]s OR supplier_code ILIKE %[1]s OR supplier_name ILIKE %[1]s)`, likePattern(*f.Search))
	}
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.Page[*jxc.SupplierReturn], error) {
		pg, err := page[*jxc.SupplierReturn](ctx, tx, p, supplierReturnCols, "supplier_returns_list", &w,
			orderBy(o, supplierReturnOrders, "id", "id DESC"))
		if err != nil {
			return nil, err
		}
		return pg, loadSupplierReturnLines(ctx, tx, pg.Items)
	})
}

// returnedOf is what posted returns took of each line of a receipt.
func returnedOf(ctx context.Context, q Queryer, receiptID int64) (map[int]decimal.Decimal, error) {
	var rows []struct {
		LineNo   int             `db:"line_no"`
		Returned decimal.Decimal `db:"returned_qty"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT line_no, returned_qty FROM goods_receipt_lines WHERE receipt_id = $1`, receiptID); err != nil {
		return nil, err
	}
	out := map[int]decimal.Decimal{}
	for _, r := range rows {
		out[r.LineNo] = r.Returned
	}
	return out, nil
}

// checkReturnLines checks the lines of a return against its receipt.
func checkReturnLines(ctx context.Context, q Queryer, es *jxc.Errors, rc *jxc.GoodsReceipt, lines []jxc.SupplierReturnLineInput) (map[int]*jxc.GoodsReceiptLine, error) {
	returned, err := returnedOf(ctx, q, rc.ID)
	if err != nil {
		return nil, err
	}
	byNo := map[int]*jxc.GoodsReceiptLine{}
	for _, l := range rc.Lines {
		byNo[l.LineNo] = l
	}
	for i, l := range lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		rl := byNo[l.ReceiptLineNo]
		if rl == nil {
			es.Add(jxc.ENOTFOUND, f+"receiptLineNo", "receipt {receipt} has no line {line}", jxc.P{"receipt": rc.Number, "line": l.ReceiptLineNo})
			continue
		}
		jxc.CheckReturnableQuantity(es, f+"quantity", rc.Number, rl, returned[rl.LineNo], l.Quantity)
	}
	return byNo, nil
}

// CreateSupplierReturn drafts a return of goods of a receipt; nothing
// posts until PostSupplierReturn.
func (s *SupplierReturnService) CreateSupplierReturn(ctx context.Context, in jxc.SupplierReturnInput) (*jxc.SupplierReturn, error) {
	invalid, _ := jxc.AsErrors(jxc.ValidateSupplierReturnInput(in))
	if len(in.Lines) == 0 || len(in.Lines) > 500 {
		return nil, invalid
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "createSupplierReturn", Key: in.IdempotencyKey, Input: in}, findSupplierReturn, func(tx *Tx) (int64, error) {
		es := append(jxc.Errors(nil), invalid...)
		rc, err := findReceipt(ctx, tx, in.ReceiptID)
		if err != nil {
			if jxc.ErrorCode(err) == jxc.ENOTFOUND {
				return 0, jxc.FieldErrorf(jxc.ENOTFOUND, "input.receiptId", "no such goods receipt")
			}
			return 0, err
		}
		byNo, err := checkReturnLines(ctx, tx, &es, rc, in.Lines)
		if err != nil {
			return 0, err
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		var supplierID int64
		if err := tx.GetContext(ctx, &supplierID, `SELECT supplier_id FROM purchase_orders WHERE id = $1`, rc.PurchaseOrderID); err != nil {
			return 0, err
		}
		id, err := nextID(ctx, tx, "supplier_returns")
		if err != nil {
			return 0, err
		}
		number, err := ruleNumber(ctx, tx, "supplier_returns", id)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_returns (id, number, supplier_id, receipt_id, warehouse_id, reason, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, number, supplierID, rc.ID, rc.WarehouseID,
			strings.TrimSpace(jxc.Deref(in.Reason)), userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		for i, l := range in.Lines {
			rl := byNo[l.ReceiptLineNo]
			// The line is in its order line's unit, with that line's factor.
			if _, err := tx.ExecContext(ctx, `INSERT INTO supplier_return_lines (return_id, line_no, receipt_id, receipt_line_no, po_line_id, product_id,
				quantity, unit_price, unit, unit_factor) SELECT $1, $2, $3, $4, $5, $6, $7, $8, ol.unit, ol.unit_factor FROM purchase_order_lines ol WHERE ol.id = $5`,
				id, i+1, rc.ID, rl.LineNo, rl.PurchaseOrderLineID, rl.ProductID, l.Quantity, rl.UnitPrice); err != nil {
				return 0, err
			}
		}
		tx.Produced(jxc.RecordSupplierReturn, id, number, jxc.AuditCreate)
		return id, nil
	})
}

// lockSupplierReturn locks a return by number.
func lockSupplierReturn(ctx context.Context, tx *Tx, number string) (*jxc.SupplierReturn, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `SELECT id FROM supplier_returns WHERE number = $1 FOR UPDATE`, strings.TrimSpace(number))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "number", "no supplier return has the number {number}", jxc.P{"number": number})
	} else if err != nil {
		return nil, err
	}
	return findSupplierReturn(ctx, tx, id)
}

func checkReturnStatus(r *jxc.SupplierReturn, want jxc.SupplierReturnStatus, action jxc.Texts) error {
	if r.Status != want {
		return jxc.FieldErrorf(jxc.ECONFLICT, "number", "supplier return {number} is {status}; cannot {action} it", jxc.P{"number": r.Number, "status": jxc.StatusText(r.Status), "action": action})
	}
	return nil
}

// PostSupplierReturn posts a draft: the goods leave stock at the current
// moving average, the uninvoiced part comes off GRNI at the receipt price
// (the order line's received quantity and value go down), the invoiced
// part is the debit note at the latest invoice price of its order line,
// and the difference goes to price variance 6404.
func (s *SupplierReturnService) PostSupplierReturn(ctx context.Context, number string, date *jxc.Date) (*jxc.SupplierReturn, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "postSupplierReturn", Input: map[string]any{"number": number, "postingDate": date}}, findSupplierReturn, func(tx *Tx) (int64, error) {
		r, err := lockSupplierReturn(ctx, tx, number)
		if err != nil {
			return 0, err
		}
		if err := checkReturnStatus(r, jxc.SupplierReturnDraft, jxc.Texts{ZH: "过账", EN: "post"}); err != nil {
			return 0, err
		}
		d := dateOrToday(date, tx)
		var orderID int64
		if err := tx.GetContext(ctx, &orderID, `SELECT purchase_order_id FROM goods_receipts WHERE id = $1`, r.ReceiptID); err != nil {
			return 0, err
		}
		if _, err := lockOrder(ctx, tx, orderID, "number"); err != nil {
			return 0, err
		}
		rc, err := findReceipt(ctx, tx, r.ReceiptID)
		if err != nil {
			return 0, err
		}
		var es jxc.Errors
		if d.Before(rc.ReceiptDate) {
			es.Add(jxc.EINVALID, "input.postingDate", "a return may not be dated before its receipt ({date})", jxc.P{"date": rc.ReceiptDate})
		}
		in := make([]jxc.SupplierReturnLineInput, len(r.Lines))
		for i, l := range r.Lines {
			in[i] = jxc.SupplierReturnLineInput{ReceiptLineNo: l.ReceiptLineNo, Quantity: l.Quantity}
		}
		if _, err := checkReturnLines(ctx, tx, &es, rc, in); err != nil {
			return 0, err
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		var supplierCode string
		if err := tx.GetContext(ctx, &supplierCode, `SELECT code FROM suppliers WHERE id = $1`, r.SupplierID); err != nil {
			return 0, err
		}
		ev := &jxc.SupplierReturnPosting{Date: d, Partner: supplierCode,
			Description: jxc.T("Return {number} to supplier {supplier} of receipt {receipt}", jxc.P{"number": r.Number, "supplier": supplierCode, "receipt": rc.Number})}
		// Order lines as they stand, changed as lines of this return take
		// from them (two lines of one order line see each other).
		ols := map[int64]*jxc.PurchaseOrderLine{}
		type split struct {
			grniQty, invQty, price, rate decimal.Decimal
		}
		splits := make([]split, len(r.Lines))
		for i, l := range r.Lines {
			ol := ols[l.OrderLineID]
			if ol == nil {
				ol = &jxc.PurchaseOrderLine{}
				if err := tx.GetContext(ctx, ol, `SELECT id, purchase_order_id, line_no, product_id, quantity, unit_price, vat_rate, received_qty,
					rejected_qty, invoiced_qty, received_value, grni_cleared FROM purchase_order_lines WHERE id = $1`, l.OrderLineID); err != nil {
					return 0, err
				}
				ols[l.OrderLineID] = ol
			}
			gq, iq, grni := jxc.SupplierReturnSplit(ol, l.Quantity)
			sp := split{grniQty: gq, invQty: iq, price: decimal.Zero, rate: decimal.Zero}
			pl := &jxc.SupplierReturnPostingLine{Field: fmt.Sprintf("input.lines.%d.", i), ProductID: l.ProductID, WarehouseID: r.WarehouseID,
				Quantity: l.StockQty(), GRNIAmount: grni, Net: decimal.Zero, VAT: decimal.Zero}
			if iq.Sign() > 0 {
				var last struct {
					Price decimal.Decimal `db:"unit_price"`
					Net   decimal.Decimal `db:"net_amount"`
					Tax   decimal.Decimal `db:"tax_amount"`
				}
				if err := tx.GetContext(ctx, &last, `SELECT il.unit_price, il.net_amount, il.tax_amount FROM supplier_invoice_lines il
					WHERE il.po_line_id = $1 ORDER BY il.invoice_id DESC, il.line_no DESC LIMIT 1`, l.OrderLineID); err != nil {
					return 0, err
				}
				sp.price, sp.rate = last.Price, ol.VATRate
				if last.Net.Sign() > 0 {
					sp.rate = jxc.DivRound(last.Tax, last.Net, 4)
				}
				pl.Net, pl.VAT = jxc.DebitNoteAmounts(iq, sp.price, sp.rate)
			}
			ol.ReceivedQty = ol.ReceivedQty.Sub(gq)
			ol.ReceivedValue = ol.ReceivedValue.Sub(grni)
			splits[i] = sp
			ev.Lines = append(ev.Lines, pl)
		}
		p, err := post(ctx, tx, ev, &r.ID)
		if err != nil {
			return 0, err
		}
		for i, l := range r.Lines {
			pl, sp := ev.Lines[i], splits[i]
			if _, err := tx.ExecContext(ctx, `UPDATE supplier_return_lines SET grni_qty = $3, invoiced_qty = $4, invoice_price = $5, vat_rate = $6,
				stock_value = $7, grni_amount = $8, net_amount = $9, vat_amount = $10 WHERE return_id = $1 AND line_no = $2`,
				r.ID, l.LineNo, sp.grniQty, sp.invQty, sp.price, sp.rate, pl.StockValue, pl.GRNIAmount, pl.Net, pl.VAT); err != nil {
				return 0, err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE goods_receipt_lines SET returned_qty = returned_qty + $3 WHERE receipt_id = $1 AND line_no = $2`,
				l.ReceiptID, l.ReceiptLineNo, l.Quantity); err != nil {
				return 0, domainError(err, pl.Field+"quantity")
			}
			if _, err := tx.ExecContext(ctx, `UPDATE purchase_order_lines SET returned_qty = returned_qty + $2, received_qty = received_qty - $3,
				received_value = received_value - $4 WHERE id = $1`, l.OrderLineID, l.Quantity, sp.grniQty, pl.GRNIAmount); err != nil {
				return 0, domainError(err, pl.Field+"quantity")
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE supplier_returns SET status = 'POSTED', posting_date = $2, stock_value = $3, grni_amount = $4,
			net_amount = $5, vat_amount = $6, total_amount = $7, variance = $8, journal_entry_id = $9, posted_by = $10, posted_at = $11 WHERE id = $1`,
			r.ID, d, ev.StockValue, ev.GRNI, ev.Net, ev.VAT, ev.Total, ev.Variance, p.EntryID, userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		if err := settleOrderStatus(ctx, tx, orderID); err != nil {
			return 0, err
		}
		tx.Audit(jxc.RecordSupplierReturn, r.ID, r.Number, jxc.AuditPost)
		return r.ID, nil
	})
}

// CancelSupplierReturn cancels a draft.
func (s *SupplierReturnService) CancelSupplierReturn(ctx context.Context, number string) (*jxc.SupplierReturn, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "cancelSupplierReturn", Input: map[string]any{"number": number}}, findSupplierReturn, func(tx *Tx) (int64, error) {
		r, err := lockSupplierReturn(ctx, tx, number)
		if err != nil {
			return 0, err
		}
		if err := checkReturnStatus(r, jxc.SupplierReturnDraft, jxc.Texts{ZH: "取消", EN: "cancel"}); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE supplier_returns SET status = 'CANCELLED' WHERE id = $1`, r.ID); err != nil {
			return 0, err
		}
		tx.Audit(jxc.RecordSupplierReturn, r.ID, r.Number, jxc.AuditCancel)
		return r.ID, nil
	})
}

// ApplyDebitNote settles a posted return's open debit note against an
// open invoice of the same supplier: amount, or as much as both have open.
func (s *SupplierReturnService) ApplyDebitNote(ctx context.Context, number, invoiceNumber string, amount *decimal.Decimal) (*jxc.SupplierReturn, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "applyDebitNote", Input: map[string]any{"number": number, "invoiceNumber": invoiceNumber, "amount": amount}}, findSupplierReturn, func(tx *Tx) (int64, error) {
		r, err := lockSupplierReturn(ctx, tx, number)
		if err != nil {
			return 0, err
		}
		if err := checkReturnStatus(r, jxc.SupplierReturnPosted, jxc.Texts{ZH: "核销", EN: "apply"}); err != nil {
			return 0, err
		}
		var inv struct {
			ID         int64           `db:"id"`
			Number     string          `db:"number"`
			SupplierID int64           `db:"supplier_id"`
			Total      decimal.Decimal `db:"total_amount"`
			Paid       decimal.Decimal `db:"paid_amount"`
		}
		err = tx.GetContext(ctx, &inv, `SELECT id, number, supplier_id, total_amount, paid_amount FROM supplier_invoices WHERE number = $1 FOR UPDATE`, strings.TrimSpace(invoiceNumber))
		if errors.Is(err, sql.ErrNoRows) {
			return 0, jxc.FieldErrorf(jxc.ENOTFOUND, "invoiceNumber", "no supplier invoice has the number {number}", jxc.P{"number": invoiceNumber})
		} else if err != nil {
			return 0, err
		}
		if inv.SupplierID != r.SupplierID {
			return 0, jxc.FieldErrorf(jxc.ECONFLICT, "invoiceNumber", "invoice {invoice} is not from the supplier of return {number}", jxc.P{"invoice": inv.Number, "number": r.Number})
		}
		open := inv.Total.Sub(inv.Paid)
		amt := decimal.Min(open, r.OpenCredit())
		if amount != nil {
			amt = *amount
		}
		var es jxc.Errors
		switch {
		case amt.Sign() <= 0 || !amt.Equal(jxc.RoundMoney(amt)):
			es.Add(jxc.EINVALID, "amount", "the amount to apply must be more than 0 with at most 2 decimals")
		case amt.GreaterThan(r.OpenCredit()):
			es.Add(jxc.ECONFLICT, "amount", "debit note {number} has only {open} open; cannot apply {amount}", jxc.P{"number": r.Number, "open": r.OpenCredit(), "amount": amt})
		case amt.GreaterThan(open):
			es.Add(jxc.ECONFLICT, "amount", "invoice {invoice} has only {open} open; cannot apply {amount}", jxc.P{"invoice": inv.Number, "open": open, "amount": amt})
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		d := today(tx)
		if _, err := tx.ExecContext(ctx, `INSERT INTO debit_note_allocations (return_id, invoice_id, amount, applied_date, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, r.ID, inv.ID, amt, d, userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE supplier_invoices SET paid_amount = paid_amount + $2,
			status = CASE WHEN paid_amount + $2 = total_amount THEN 'PAID' ELSE status END WHERE id = $1`, inv.ID, amt); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE supplier_returns SET applied_amount = applied_amount + $2 WHERE id = $1`, r.ID, amt); err != nil {
			return 0, err
		}
		tx.Audit(jxc.RecordSupplierReturn, r.ID, r.Number, jxc.AuditUpdate)
		tx.Audit(jxc.RecordSupplierInvoice, inv.ID, inv.Number, jxc.AuditUpdate)
		return r.ID, nil
	})
}

// RefundDebitNote records money the supplier paid back on a debit note:
// Dr Bank, Cr AP.
func (s *SupplierReturnService) RefundDebitNote(ctx context.Context, number string, amount decimal.Decimal, date *jxc.Date) (*jxc.SupplierReturn, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "refundDebitNote", Input: map[string]any{"number": number, "amount": amount, "date": date}}, findSupplierReturn, func(tx *Tx) (int64, error) {
		r, err := lockSupplierReturn(ctx, tx, number)
		if err != nil {
			return 0, err
		}
		if err := checkReturnStatus(r, jxc.SupplierReturnPosted, jxc.Texts{ZH: "退款", EN: "refund"}); err != nil {
			return 0, err
		}
		if amount.GreaterThan(r.OpenCredit()) {
			return 0, jxc.FieldErrorf(jxc.ECONFLICT, "input.amount", "debit note {number} has only {open} open; cannot refund {amount}", jxc.P{"number": r.Number, "open": r.OpenCredit(), "amount": amount})
		}
		d := dateOrToday(date, tx)
		if r.PostingDate != nil && d.Before(*r.PostingDate) {
			return 0, jxc.FieldErrorf(jxc.EINVALID, "input.postingDate", "a refund may not be dated before its return ({date})", jxc.P{"date": *r.PostingDate})
		}
		p, err := post(ctx, tx, &jxc.DebitNoteRefundPosting{Date: d, Partner: r.SupplierCode, Amount: amount,
			Description: jxc.T("Refund of debit note {number} by supplier {supplier}", jxc.P{"number": r.Number, "supplier": r.SupplierCode})}, &r.ID)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO debit_note_refunds (return_id, amount, refund_date, bank_account, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, r.ID, amount, d, jxc.AccountBank, p.EntryID, userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE supplier_returns SET refunded_amount = refunded_amount + $2 WHERE id = $1`, r.ID, amount); err != nil {
			return 0, err
		}
		tx.Audit(jxc.RecordSupplierReturn, r.ID, r.Number, jxc.AuditUpdate)
		return r.ID, nil
	})
}
