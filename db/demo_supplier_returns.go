package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// demoSupplierReturns makes the supplier return screens alive: one return
// of goods not yet invoiced (GRNI comes back), and one of invoiced goods
// whose debit note is applied to the supplier's open invoice. Each takes a
// recent receipt line of a product with stock on hand.
func (st *demoStory) demoSupplierReturns(ctx context.Context) error {
	svc := NewSupplierReturnService(st.d)
	pick := func(invoiced bool) (id int64, lineNo int, invoice string, err error) {
		cond := `pl.received_qty - pl.invoiced_qty >= 2`
		if invoiced {
			cond = `pl.invoiced_qty >= 2 AND EXISTS (SELECT 1 FROM supplier_invoices i WHERE i.purchase_order_id = g.purchase_order_id AND i.total_amount > i.paid_amount)`
		}
		var row struct {
			ID      int64          `db:"id"`
			LineNo  int            `db:"line_no"`
			Invoice sql.NullString `db:"invoice"`
		}
		err = st.d.GetContext(ctx, &row, `SELECT g.id, l.line_no,
				(SELECT i.number FROM supplier_invoices i WHERE i.purchase_order_id = g.purchase_order_id AND i.total_amount > i.paid_amount
				 ORDER BY i.id DESC LIMIT 1) AS invoice
			FROM goods_receipt_lines l JOIN goods_receipts g ON g.id = l.receipt_id
			JOIN purchase_order_lines pl ON pl.id = l.po_line_id
			JOIN stock_balances b ON b.product_id = l.product_id AND b.warehouse_id = g.warehouse_id
			WHERE l.accepted_qty - l.returned_qty >= 2 AND b.on_hand - b.reserved >= 10 AND `+cond+`
			ORDER BY g.receipt_date DESC, g.id DESC LIMIT 1`)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, 0, "", nil
		}
		return row.ID, row.LineNo, row.Invoice.String, err
	}
	for _, invoiced := range []bool{false, true} {
		id, lineNo, invoice, err := pick(invoiced)
		if err != nil {
			return fmt.Errorf("demo supplier return: %w", err)
		}
		if id == 0 {
			continue
		}
		reason := "包装破损，退回供应商"
		if invoiced {
			reason = "质检不合格（已开票），退货并开红字发票"
		}
		r, err := svc.CreateSupplierReturn(st.b.as["purchasing"], jxc.SupplierReturnInput{ReceiptID: id, Reason: &reason,
			Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: lineNo, Quantity: decimal.NewFromInt(2)}}})
		if err != nil {
			return fmt.Errorf("demo supplier return: %w", err)
		}
		if r, err = svc.PostSupplierReturn(st.b.as["warehouse"], r.Number, &st.today); err != nil {
			return fmt.Errorf("demo supplier return %s: %w", r.Number, err)
		}
		if invoiced && invoice != "" && r.OpenCredit().Sign() > 0 {
			if _, err := svc.ApplyDebitNote(st.b.as["finance"], r.Number, invoice, nil); err != nil {
				return fmt.Errorf("demo debit note %s: %w", r.Number, err)
			}
		}
	}
	return nil
}
