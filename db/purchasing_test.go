package db_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// purch is a test company with purchasing services on top of books.
type purch struct {
	*books
	svc    *db.PurchasingService
	budget *db.BudgetService
	sup    *jxc.Supplier
}

func newPurch(t testing.TB) *purch {
	t.Helper()
	b := newBooks(t, 3, 1)
	p := &purch{books: b, svc: db.NewPurchasingService(b.d), budget: db.NewBudgetService(b.d)}
	sup, err := p.svc.CreateSupplier(context.Background(), jxc.SupplierInput{Code: "S1", Name: "供应商一",
		Contacts: []jxc.SupplierContact{{Name: "王经理", Phone: "138"}}, PaymentTermsDays: jxc.Ptr(30)})
	if err != nil {
		t.Fatal(err)
	}
	p.sup = sup
	return p
}

func (p *purch) approvedOrder(t testing.TB, cc string, lines ...jxc.PurchaseOrderLineInput) *jxc.PurchaseOrder {
	t.Helper()
	ctx := context.Background()
	o, err := p.svc.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: p.sup.ID, WarehouseID: p.wid(0), OrderDate: jan,
		CostCentre: &cc, Lines: lines})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.SubmitPurchaseOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	r, err := p.svc.ApprovePurchaseOrder(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	return r.Order
}

func balance(t testing.TB, d *db.DB, account string) decimal.Decimal {
	t.Helper()
	var v decimal.Decimal
	if err := d.GetContext(context.Background(), &v, `SELECT coalesce(sum(credit - debit), 0) FROM journal_lines WHERE account_code = $1`, account); err != nil {
		t.Fatal(err)
	}
	return v
}

func codes(err error) []string {
	es, _ := jxc.AsErrors(err)
	var out []string
	for _, e := range es {
		out = append(out, e.Field+":"+e.Code)
	}
	return out
}

// The store-level cycle: GRNI follows received-not-invoiced to the cent
// through partial receipts and partial invoices at awkward prices.
func TestGRNIClearsToTheCentThroughPartialReceiptsAndInvoices(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("3"), UnitPrice: decp("3.333333")})
	line := o.Lines[0].ID
	for i := 0; i < 3; i++ {
		if _, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
			Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("1")}}}); err != nil {
			t.Fatal(err)
		}
	}
	// 3 x round(3.333333) = 9.99 received; GRNI credit 9.99.
	if g := balance(t, p.d, jxc.AccountGRNI); !g.Equal(dec("9.99")) {
		t.Fatalf("GRNI %s", g)
	}
	inv1, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "A1", InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: line, Quantity: dec("2"), UnitPrice: dec("3.333333")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !inv1.Lines[0].GRNICleared.Equal(dec("6.67")) {
		t.Fatalf("first invoice clears %s", inv1.Lines[0].GRNICleared)
	}
	inv2, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "A2", InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: line, Quantity: dec("1"), UnitPrice: dec("3.333333")}}})
	if err != nil {
		t.Fatal(err)
	}
	// The last invoice clears exactly what is left (3.32), not round(1 x price) = 3.33.
	if !inv2.Lines[0].GRNICleared.Equal(dec("3.32")) || !balance(t, p.d, jxc.AccountGRNI).IsZero() {
		t.Fatalf("last invoice clears %s, GRNI left %s", inv2.Lines[0].GRNICleared, balance(t, p.d, jxc.AccountGRNI))
	}
	got, _ := p.svc.FindPurchaseOrderByID(ctx, o.ID)
	if got.Status != jxc.POClosed {
		t.Fatalf("fully received and invoiced order is %s", got.Status)
	}
	p.mustCheck(t)
}

// Two receipts racing for the last units of a line: one wins, the other
// is refused with a userError, nothing is received twice.
func TestConcurrentReceiptsNeverOverReceive(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("5"), UnitPrice: decp("10")},
		jxc.PurchaseOrderLineInput{ProductID: p.pid(1), Quantity: dec("5"), UnitPrice: decp("20")})
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// Lines in opposite orders: the locks are still taken in one order.
			a, b := o.Lines[0].ID, o.Lines[1].ID
			if i%2 == 1 {
				a, b = b, a
			}
			_, errs[i] = p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
				Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &a, AcceptedQty: dec("2")}, {PurchaseOrderLineID: &b, AcceptedQty: dec("2")}}})
		}(i)
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if es, _ := jxc.AsErrors(err); len(es) == 0 || es[0].Code != jxc.ECONFLICT {
			t.Fatalf("unexpected error %v", err)
		}
	}
	if ok != 2 {
		t.Fatalf("%d receipts of 2+2 against 5+5 went through, want 2", ok)
	}
	p.mustCheck(t)
}

func TestIdempotencyKeyReturnsTheFirstResultAndPostsOnce(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("5"), UnitPrice: decp("10")})
	key := "scanner-42"
	in := jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan, IdempotencyKey: &key,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &o.Lines[0].ID, AcceptedQty: dec("2")}}}
	var wg sync.WaitGroup
	ids := make([]int64, 4)
	for i := range ids {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := p.svc.PostGoodsReceipt(ctx, in)
			if err != nil {
				t.Error(err)
				return
			}
			ids[i] = r.ID
		}(i)
	}
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("retries returned receipts %v", ids)
		}
	}
	if g := balance(t, p.d, jxc.AccountGRNI); !g.Equal(dec("20")) {
		t.Fatalf("GRNI %s after 4 retries of one receipt of 20.00", g)
	}
}

func TestReceiptInputErrorsComeTogetherAndWriteNothing(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("5"), UnitPrice: decp("10")})
	bad := int64(999999)
	_, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan, Lines: []jxc.GoodsReceiptLineInput{
		{PurchaseOrderLineID: &o.Lines[0].ID, AcceptedQty: dec("6")},
		{PurchaseOrderLineID: &bad, AcceptedQty: dec("1")},
		{Barcode: jxc.Ptr("00000000"), AcceptedQty: dec("1")},
	}})
	got := codes(err)
	want := []string{"input.lines.0.acceptedQuantity:CONFLICT", "input.lines.1.purchaseOrderLineId:NOT_FOUND", "input.lines.2.barcode:NOT_FOUND"}
	if len(got) != len(want) {
		t.Fatalf("errors %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("errors %v, want %v", got, want)
		}
	}
	var n int
	_ = p.d.GetContext(ctx, &n, `SELECT (SELECT count(*) FROM goods_receipts) + (SELECT count(*) FROM stock_moves)`)
	if n != 0 {
		t.Fatalf("%d rows written by a refused receipt", n)
	}
	if _, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &o.Lines[0].ID, AcceptedQty: dec("1"), RejectedQty: dec("1")}}}); !errors.As(err, new(jxc.Errors)) {
		t.Fatalf("a rejection without a reason: %v", err)
	}
}

func TestLowStockAlertsOncePerOpenAlert(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	if _, err := p.catalog.UpdateProduct(ctx, jxc.ProductUpdate{ID: p.pid(0), ReorderPoint: decp("10")}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: jan, Lines: []jxc.OpeningStockLine{
		{ProductID: p.pid(0), WarehouseID: p.wid(0), Quantity: dec("2"), UnitCost: dec("1")},
		{ProductID: p.pid(1), WarehouseID: p.wid(0), Quantity: dec("2"), UnitCost: dec("1")}}}); err != nil {
		t.Fatal(err)
	}
	first, err := p.budget.CheckLowStock(ctx)
	if err != nil || len(first) != 1 || first[0].Kind != jxc.AlertLowStock {
		t.Fatalf("first check: %+v %v", first, err)
	}
	again, err := p.budget.CheckLowStock(ctx)
	if err != nil || len(again) != 0 {
		t.Fatalf("second check raised %d more", len(again))
	}
	if _, err := p.budget.AcknowledgeAlert(ctx, first[0].ID); err != nil {
		t.Fatal(err)
	}
	if after, _ := p.budget.CheckLowStock(ctx); len(after) != 1 {
		t.Fatalf("after acknowledging, still low: %d alerts", len(after))
	}
	var events int
	_ = p.d.GetContext(ctx, &events, `SELECT count(*) FROM outbox WHERE topic = 'alert'`)
	if events != 2 {
		t.Fatalf("%d alert events published, want 2", events)
	}
}
