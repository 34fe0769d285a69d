package db_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// A shipment line may name its batch (otherwise FEFO picks); a sales
// return goes back into the batch its shipment took, or a named one.
func TestShipmentNamesBatchAndReturnGoesBack(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	bs := db.NewBatchService(c.db)
	pur := db.NewPurchasingService(c.db)
	pr, err := c.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "MILK", Name: "牛奶", Unit: "箱", SellPrice: jxc.Ptr(dec("50"))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bs.SetProductBatchTracking(ctx, jxc.ProductBatchTrackingInput{ProductID: pr.ID, BatchTracked: true, ExpiryTracked: true}); err != nil {
		t.Fatal(err)
	}
	sup, err := pur.CreateSupplier(ctx, jxc.SupplierInput{Code: "SB", Name: "乳业", Contacts: []jxc.SupplierContact{{Name: "李", Phone: "139"}}, PaymentTermsDays: jxc.Ptr(30)})
	if err != nil {
		t.Fatal(err)
	}
	// Batch A expires later than B: FEFO would take B first.
	for _, b := range []struct {
		number string
		expiry jxc.Date
	}{{"A", jxc.Date{Year: 2026, Month: 9, Day: 1}}, {"B", jxc.Date{Year: 2026, Month: 6, Day: 1}}} {
		o, err := pur.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: c.east.ID, OrderDate: d0,
			Lines: []jxc.PurchaseOrderLineInput{{ProductID: pr.ID, Quantity: dec("5"), UnitPrice: decp("30")}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pur.SubmitPurchaseOrder(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
		ap, err := pur.ApprovePurchaseOrder(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		number, expiry := b.number, b.expiry
		if _, err := pur.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: d0,
			Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &ap.Order.Lines[0].ID, AcceptedQty: dec("5"), BatchNumber: &number, ExpiryDate: &expiry}}}); err != nil {
			t.Fatal(err)
		}
	}
	onHand := func(number string) decimal.Decimal {
		t.Helper()
		var q decimal.Decimal
		if err := c.db.GetContext(ctx, &q, `SELECT bb.on_hand FROM batch_balances bb JOIN batches b ON b.id = bb.batch_id
			WHERE b.product_id = $1 AND b.number = $2 AND bb.warehouse_id = $3`, pr.ID, number, c.east.ID); err != nil {
			t.Fatal(err)
		}
		return q
	}
	o := c.order(t, jxc.SalesOrderLineInput{ProductID: pr.ID, Quantity: dec("6")})
	if o, err = c.sales.ConfirmSalesOrder(ctx, o.ID); err != nil || o.WarehouseID != c.east.ID {
		t.Fatalf("confirm: %+v %v", o, err)
	}
	shs, err := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if err != nil || len(shs.Items) != 1 {
		t.Fatalf("shipments %+v %v", shs, err)
	}
	sh := shs.Items[0]
	line := sh.Lines[0].ID
	// Naming a batch that does not hold the quantity, or is not the product's, is refused on the line's batch.
	_, err = c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: sh.ID, PostingDate: &d2, Lines: []jxc.ShipLineInput{{ShipmentLineID: line, Quantity: dec("6"), BatchNumber: jxc.Ptr("A")}}})
	wantField(t, err, "input.lines.0.batchNumber")
	_, err = c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: sh.ID, PostingDate: &d2, Lines: []jxc.ShipLineInput{{ShipmentLineID: line, Quantity: dec("2"), BatchNumber: jxc.Ptr("ZZ")}}})
	wantField(t, err, "input.lines.0.batchNumber")
	if !onHand("A").Equal(dec("5")) || !onHand("B").Equal(dec("5")) {
		t.Fatal("a refused shipment moved batch stock")
	}
	// 4 from the named batch A (not FEFO's B).
	sh, err = c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: sh.ID, PostingDate: &d2, Lines: []jxc.ShipLineInput{{ShipmentLineID: line, Quantity: dec("4"), BatchNumber: jxc.Ptr("A")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !onHand("A").Equal(dec("1")) || !onHand("B").Equal(dec("5")) {
		t.Fatalf("after the named shipment: A %s B %s", onHand("A"), onHand("B"))
	}
	// The 2 left ship without a batch: FEFO takes B.
	pend, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID, Status: []jxc.ShipmentStatus{"PENDING"}}, nil, jxc.PageArgs{})
	if len(pend.Items) != 1 {
		t.Fatalf("pending %+v", pend)
	}
	if _, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: pend.Items[0].ID, PostingDate: &d2}); err != nil {
		t.Fatal(err)
	}
	if !onHand("A").Equal(dec("1")) || !onHand("B").Equal(dec("3")) {
		t.Fatalf("after FEFO: A %s B %s", onHand("A"), onHand("B"))
	}
	c.check(t)

	// A return of the first shipment goes back into A, where it came from.
	if _, err := c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: &d2}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.sales.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: &d2, Reason: jxc.Ptr("破损"),
		Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("3")}}}); err != nil {
		t.Fatal(err)
	}
	if !onHand("A").Equal(dec("4")) || !onHand("B").Equal(dec("3")) {
		t.Fatalf("after the return: A %s B %s", onHand("A"), onHand("B"))
	}
	// Another return naming batch B goes there; one naming no such batch is refused.
	_, err = c.sales.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: &d2, Reason: jxc.Ptr("x"),
		Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("1"), BatchNumber: jxc.Ptr("NOPE")}}})
	wantField(t, err, "input.lines.0.batchNumber")
	if _, err := c.sales.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: &d2, Reason: jxc.Ptr("破损"),
		Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("1"), BatchNumber: jxc.Ptr("B")}}}); err != nil {
		t.Fatal(err)
	}
	if !onHand("A").Equal(dec("4")) || !onHand("B").Equal(dec("4")) {
		t.Fatalf("after the named return: A %s B %s", onHand("A"), onHand("B"))
	}
	// The trace of A names the customer who received it and the return.
	tr, err := bs.BatchTraceByNumber(ctx, "MILK", "A")
	if err != nil || len(tr.Moves) != 3 || tr.Moves[1].CustomerCode == nil || *tr.Moves[1].CustomerCode != "C1" || !tr.Moves[1].Quantity.Equal(dec("-4")) || !tr.Moves[2].Quantity.Equal(dec("3")) {
		t.Fatalf("trace %+v %v", tr, err)
	}
	c.check(t)
}
