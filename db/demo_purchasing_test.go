package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// The demo company's procure to pay: history enough for scorecards, aging
// and budgets, all posted through the services, with the books reconciled.
func TestDemoPurchasingHasAHistoryAndReconciles(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	var n struct {
		Suppliers, Orders, Receipts, Rejections, Late, Invoices, OnHold, Payments, Over80, PriceRise int
	}
	if err := d.GetContext(ctx, &n, `SELECT
		(SELECT count(*) FROM suppliers) AS suppliers,
		(SELECT count(*) FROM purchase_orders) AS orders,
		(SELECT count(*) FROM goods_receipts) AS receipts,
		(SELECT count(*) FROM goods_receipt_lines WHERE rejected_qty > 0) AS rejections,
		(SELECT count(*) FROM goods_receipts r JOIN purchase_orders o ON o.id = r.purchase_order_id WHERE r.receipt_date > o.expected_date) AS late,
		(SELECT count(*) FROM supplier_invoices WHERE kind = 'GOODS') AS invoices,
		(SELECT count(*) FROM supplier_invoices WHERE status = 'ON_HOLD') AS onhold,
		(SELECT count(*) FROM supplier_payments) AS payments,
		(SELECT count(*) FROM alerts WHERE kind = 'BUDGET_80') AS over80,
		(SELECT count(*) FROM alerts WHERE kind = 'PRICE_RISE') AS pricerise`); err != nil {
		t.Fatal(err)
	}
	t.Logf("demo purchasing: %+v", n)
	if n.Suppliers != 11 || // ten, and the food supplier of the batch-tracked lines (demo_batches.go)
		n.Orders < 20 || n.Receipts < 10 || n.Rejections == 0 || n.Late == 0 || n.Invoices < 8 ||
		n.OnHold != 1 || n.Payments == 0 || n.Over80 == 0 || n.PriceRise == 0 {
		t.Fatalf("demo purchasing: %+v", n)
	}
	c, err := db.NewLedgerService(d).BooksCheck(ctx)
	if err != nil || !c.OK() {
		t.Fatalf("books check: %+v %v", c, err)
	}
	aging, err := db.NewPurchasingService(d).PayablesAging(ctx, jxc.Today(d.Now()))
	if err != nil || len(aging.Rows) == 0 || aging.Total.Total.Sign() <= 0 {
		t.Fatalf("aging: %+v %v", aging, err)
	}
}
