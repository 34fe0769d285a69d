package db_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

func stockOf(t testing.TB, d *db.DB, pid, wid int64) (q, v decimal.Decimal) {
	t.Helper()
	var row struct {
		Q decimal.Decimal `db:"on_hand"`
		V decimal.Decimal `db:"value"`
	}
	if err := d.GetContext(context.Background(), &row, `SELECT on_hand, value FROM stock_balances WHERE product_id = $1 AND warehouse_id = $2`, pid, wid); err != nil {
		t.Fatal(err)
	}
	return row.Q, row.V
}

func (p *purch) receive(t testing.TB, o *jxc.PurchaseOrder, line int, q string) *jxc.GoodsReceipt {
	t.Helper()
	id := o.Lines[line].ID
	r, err := p.svc.PostGoodsReceipt(context.Background(), jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &id, AcceptedQty: dec(q)}}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wantDec(t testing.TB, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(want)) {
		t.Errorf("%s: %s, want %s", what, got, want)
	}
}

// A return before invoicing and one after: valued at the current moving
// average (which moved since the receipt) with the difference to the
// receipt or invoice price in 6404; GRNI and AP stay reconciled; the
// debit note is applied and refunded; over-returns are refused.
func TestSupplierReturnAtCurrentAverageBeforeAndAfterInvoice(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	rs := db.NewSupplierReturnService(p.d)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("10"), UnitPrice: decp("10")})
	o2 := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("5"), UnitPrice: decp("16")})
	gr := p.receive(t, o, 0, "10") // 10 at 10
	p.receive(t, o2, 0, "5")       // 5 at 16: the average is now 180 / 15 = 12

	// Over-return refused, nothing written.
	if _, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: dec("11")}}}); codeOf(err) != jxc.ECONFLICT {
		t.Fatalf("over-return: %v", err)
	}
	if _, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 2, Quantity: dec("1")}}}); codeOf(err) != jxc.ENOTFOUND {
		t.Fatalf("no such line: %v", err)
	}

	// Before invoicing: 4 out at 12 = 48, GRNI back 40 at the receipt price, 8 to 6404.
	r1, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Reason: jxc.Ptr("外壳破损"),
		Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: dec("4")}}})
	if err != nil {
		t.Fatal(err)
	}
	if r1.Status != jxc.SupplierReturnDraft || r1.Number != "PR-000001" {
		t.Fatalf("draft %s %s", r1.Number, r1.Status)
	}
	r1, err = rs.PostSupplierReturn(ctx, r1.Number, &jan)
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "stock value", r1.StockValue, "48")
	wantDec(t, "GRNI", r1.GRNIAmount, "40")
	wantDec(t, "variance", r1.Variance, "8")
	wantDec(t, "debit note", r1.TotalAmount, "0")
	q, v := stockOf(t, p.d, p.pid(0), p.wid(0))
	wantDec(t, "on hand", q, "11")
	wantDec(t, "value", v, "132")
	wantDec(t, "GRNI balance", balance(t, p.d, jxc.AccountGRNI), "140")
	wantDec(t, "6404", balance(t, p.d, jxc.AccountPriceVariance), "-8")
	p.mustCheck(t)
	// Posting twice is refused.
	if _, err := rs.PostSupplierReturn(ctx, r1.Number, &jan); codeOf(err) != jxc.ECONFLICT {
		t.Fatalf("posted twice: %v", err)
	}

	// The rest of line 1 (6) and line 2 (5) are invoiced: GRNI clears to zero.
	inv, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "F1", InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: o.Lines[0].ID, Quantity: dec("6"), UnitPrice: dec("10")}}})
	if err != nil {
		t.Fatal(err)
	}
	inv2, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o2.ID, SupplierInvoiceNo: "F2", InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: o2.Lines[0].ID, Quantity: dec("5"), UnitPrice: dec("16")}}})
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "GRNI after invoice", balance(t, p.d, jxc.AccountGRNI), "0")

	// After invoicing: 2 out at 12 = 24; debit note 20 + VAT; 4 to 6404.
	r2, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: dec("2")}}})
	if err != nil {
		t.Fatal(err)
	}
	r2, err = rs.PostSupplierReturn(ctx, r2.Number, &jan)
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "stock value 2", r2.StockValue, "24")
	wantDec(t, "GRNI 2", r2.GRNIAmount, "0")
	wantDec(t, "net 2", r2.NetAmount, "20")
	wantDec(t, "VAT 2", r2.VATAmount, "2.6")
	wantDec(t, "total 2", r2.TotalAmount, "22.6")
	wantDec(t, "variance 2", r2.Variance, "4")
	apBefore := inv.TotalAmount.Add(inv2.TotalAmount)
	wantDec(t, "AP after debit note", balance(t, p.d, jxc.AccountPayable), apBefore.Sub(dec("22.6")).String())
	p.mustCheck(t)

	// Only 4 of the receipt line are left to return.
	if _, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: dec("5")}}}); codeOf(err) != jxc.ECONFLICT {
		t.Fatalf("over-return after returns: %v", err)
	}

	// Applied 10 to the invoice, 12.60 refunded; more is refused.
	r2, err = rs.ApplyDebitNote(ctx, r2.Number, inv.Number, decp("10"))
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "open credit", r2.OpenCredit(), "12.6")
	got, _ := p.svc.FindSupplierInvoiceByID(ctx, inv.ID)
	wantDec(t, "invoice paid", got.PaidAmount, "10")
	if _, err := rs.RefundDebitNote(ctx, r2.Number, dec("13"), &jan); codeOf(err) != jxc.ECONFLICT {
		t.Fatalf("over-refund: %v", err)
	}
	bank := balance(t, p.d, jxc.AccountBank)
	r2, err = rs.RefundDebitNote(ctx, r2.Number, dec("12.6"), &jan)
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "bank in", bank.Sub(balance(t, p.d, jxc.AccountBank)), "12.6")
	wantDec(t, "open after refund", r2.OpenCredit(), "0")
	if _, err := rs.ApplyDebitNote(ctx, r2.Number, inv.Number, nil); codeOf(err) == "" {
		t.Fatal("applied a settled debit note")
	}
	wantDec(t, "AP", balance(t, p.d, jxc.AccountPayable), apBefore.Sub(dec("22.6")).Add(dec("12.6")).String())
	p.mustCheck(t)

	// Drafts cancel; cancelled ones do not post. Listing finds both returns.
	r3, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if r3, err = rs.CancelSupplierReturn(ctx, r3.Number); err != nil || r3.Status != jxc.SupplierReturnCancelled {
		t.Fatalf("cancel: %v", err)
	}
	if _, err := rs.PostSupplierReturn(ctx, r3.Number, &jan); codeOf(err) != jxc.ECONFLICT {
		t.Fatalf("posted a cancelled return: %v", err)
	}
	pg, err := rs.FindSupplierReturns(ctx, jxc.SupplierReturnFilter{Status: []jxc.SupplierReturnStatus{jxc.SupplierReturnPosted}, Search: jxc.Ptr(gr.Number)}, nil, jxc.PageArgs{})
	if err != nil || len(pg.Items) != 2 || len(pg.Items[0].Lines) != 1 {
		t.Fatalf("list: %v %+v", err, pg)
	}
	one, err := rs.FindSupplierReturnByNumber(ctx, "PR-000002")
	if err != nil || one == nil || one.ReceiptNumber != gr.Number || one.Lines[0].SKU != "P-000" {
		t.Fatalf("by number: %v %+v", err, one)
	}
}

// A return that takes the last uninvoiced units clears exactly what GRNI
// holds of the line, and one that spans both the uninvoiced and the
// invoiced part splits into GRNI and a debit note.
func TestSupplierReturnSplitsGRNIAndDebitNote(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	rs := db.NewSupplierReturnService(p.d)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(1), Quantity: dec("3"), UnitPrice: decp("3.333333")})
	gr := p.receive(t, o, 0, "3") // 3 x 3.333333 = 10.00 (rounded)
	if _, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "X1", InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: o.Lines[0].ID, Quantity: dec("1"), UnitPrice: dec("3.333333")}}}); err != nil {
		t.Fatal(err)
	}
	r, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: dec("3")}}})
	if err != nil {
		t.Fatal(err)
	}
	if r, err = rs.PostSupplierReturn(ctx, r.Number, &jan); err != nil {
		t.Fatal(err)
	}
	if !r.Lines[0].GRNIQty.Equal(dec("2")) || !r.Lines[0].InvoicedQty.Equal(dec("1")) {
		t.Fatalf("split %s / %s", r.Lines[0].GRNIQty, r.Lines[0].InvoicedQty)
	}
	wantDec(t, "GRNI left", balance(t, p.d, jxc.AccountGRNI), "0")
	wantDec(t, "stock out", r.StockValue, "10")
	q, v := stockOf(t, p.d, p.pid(1), p.wid(0))
	wantDec(t, "on hand", q, "0")
	wantDec(t, "value", v, "0")
	p.mustCheck(t)
	// No stock left: nothing more goes out (the engine refuses negative stock).
}

// codeOf is the code of an error or the first of a list.
func codeOf(err error) string {
	if es, ok := jxc.AsErrors(err); ok && len(es) > 0 {
		return es[0].Code
	}
	if err == nil {
		return ""
	}
	return jxc.ErrorCode(err)
}
