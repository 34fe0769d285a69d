package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// receiveBatchInto receives qty of a product as batch number into a bin of
// the east warehouse.
func (c *dispatchCo) receiveBatchInto(t *testing.T, pur *db.PurchasingService, sup *jxc.Supplier, pid int64, bin, qty, number string, expiry jxc.Date) {
	t.Helper()
	ctx := context.Background()
	o, err := pur.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: c.east.ID, OrderDate: d0,
		Lines: []jxc.PurchaseOrderLineInput{{ProductID: pid, Quantity: dec(qty), UnitPrice: decp("8")}}})
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
	line := ap.Order.Lines[0].ID
	if _, err := pur.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: d0,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, LocationID: &c.bins[bin].ID, AcceptedQty: dec(qty), BatchNumber: &number, ExpiryDate: &expiry}}}); err != nil {
		t.Fatal(err)
	}
}

// A batch-tracked product's pick lines name batches first expiring first,
// in walking order; confirming a list of which only the second bin's line
// was picked ships that bin's stock and that line's batch (not the bin
// holding least, not the first expiring batch), and the books stay clean.
func TestPickListTakesBatchesFEFOAndShipsFromThePickedBin(t *testing.T) {
	ctx := context.Background()
	c := newDispatchCo(t)
	pur := db.NewPurchasingService(c.db)
	sup, err := pur.CreateSupplier(ctx, jxc.SupplierInput{Code: "SB", Name: "批次供应商", Contacts: []jxc.SupplierContact{{Name: "李", Phone: "139"}}, PaymentTermsDays: jxc.Ptr(30)})
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "S-B", Name: "批次货品", Unit: "箱", SellPrice: jxc.Ptr(dec("20"))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.NewBatchService(c.db).SetProductBatchTracking(ctx, jxc.ProductBatchTrackingInput{ProductID: p.ID, BatchTracked: true, ExpiryTracked: true}); err != nil {
		t.Fatal(err)
	}
	// EARLY (June) 3 in B2, the route's first bin; LATE (September) 4 in A1.
	c.receiveBatchInto(t, pur, sup, p.ID, "B2", "3", "EARLY", jxc.Date{Year: 2026, Month: 6, Day: 1})
	c.receiveBatchInto(t, pur, sup, p.ID, "A1", "4", "LATE", jxc.Date{Year: 2026, Month: 9, Day: 1})
	sh := c.pending(t, jxc.SalesOrderLineInput{ProductID: p.ID, Quantity: dec("6")})
	pl, err := c.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{sh.Number}})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ bin, batch, q string }
	want := []row{{"B2", "EARLY", "3"}, {"A1", "LATE", "3"}}
	if len(pl.Lines) != len(want) {
		t.Fatalf("%d lines, want %d: %+v", len(pl.Lines), len(want), pl.Lines)
	}
	for i, l := range pl.Lines {
		got := row{where(l), "", l.Quantity.String()}
		if l.Batch != nil {
			got.batch = l.Batch.Number
		}
		if got != want[i] || l.Seq != i+1 {
			t.Errorf("line %d: %+v, want %+v", l.Seq, got, want[i])
		}
	}
	// Only A1's line is picked, 2 of its 3.
	if _, err := c.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: pl.Lines[1].ID, Quantity: dec("2")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.d.ConfirmPickList(ctx, pl.Number); err != nil {
		t.Fatal(err)
	}
	var bins []struct {
		Code string `db:"code"`
		Q    string `db:"q"`
	}
	if err := c.db.SelectContext(ctx, &bins, `SELECT l.code, b.quantity::text AS q FROM stock_bin_balances b JOIN locations l ON l.id = b.location_id
		WHERE b.product_id = $1 ORDER BY l.code`, p.ID); err != nil {
		t.Fatal(err)
	}
	if len(bins) != 2 || bins[0].Code != "A1" || !dec(bins[0].Q).Equal(dec("2")) || bins[1].Code != "B2" || !dec(bins[1].Q).Equal(dec("3")) {
		t.Fatalf("bins after the pick: %+v (want A1 2, B2 3)", bins)
	}
	var batches []struct {
		N string `db:"number"`
		Q string `db:"q"`
	}
	if err := c.db.SelectContext(ctx, &batches, `SELECT b.number, bb.on_hand::text AS q FROM batch_balances bb JOIN batches b ON b.id = bb.batch_id
		WHERE bb.product_id = $1 ORDER BY b.number`, p.ID); err != nil {
		t.Fatal(err)
	}
	if len(batches) != 2 || batches[0].N != "EARLY" || !dec(batches[0].Q).Equal(dec("3")) || batches[1].N != "LATE" || !dec(batches[1].Q).Equal(dec("2")) {
		t.Fatalf("batches after the pick: %+v (want EARLY 3, LATE 2)", batches)
	}
	// The rest (4) stays pending; a new list takes EARLY first again.
	pl2, err := c.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{pendingOf(t, c, sh)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl2.Lines) != 2 || pl2.Lines[0].Batch == nil || pl2.Lines[0].Batch.Number != "EARLY" || !pl2.Lines[0].Quantity.Equal(dec("3")) ||
		pl2.Lines[1].Batch == nil || pl2.Lines[1].Batch.Number != "LATE" || !pl2.Lines[1].Quantity.Equal(dec("1")) {
		t.Fatalf("second list %+v", pl2.Lines)
	}
	c.check(t)
}

// pendingOf is the number of the pending shipment left of sh's order.
func pendingOf(t *testing.T, c *dispatchCo, sh *jxc.Shipment) string {
	t.Helper()
	shs, err := c.sales.FindShipments(context.Background(), jxc.ShipmentFilter{OrderID: &sh.OrderID, Status: []jxc.ShipmentStatus{jxc.ShipmentPending}}, nil, jxc.PageArgs{})
	if err != nil || shs.TotalCount != 1 {
		t.Fatalf("pending %+v %v", shs, err)
	}
	return shs.Items[0].Number
}
