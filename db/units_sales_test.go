package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Order to cash in boxes of 4: 10 个 on hand reserve 2 whole boxes (8 个)
// of 3 ordered, the 4 个 short become a need; shipping 2 boxes issues 8 个
// at 60.00, the invoice bills 2 boxes at 380.00 a box, the payment settles
// it; a return of 1 box puts 4 个 back at cost. Stock and value are in the
// stock unit and the journal exact.
func TestOrderToCashInBoxes(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	if _, err := db.NewUnitService(c.db).SetProductUnits(ctx, jxc.ProductUnitsInput{ProductID: c.products[0].ID,
		Units: []jxc.ProductUnitInput{{Code: "箱", Factor: dec("4")}}, SalesUnit: jxc.Ptr("箱")}); err != nil {
		t.Fatal(err)
	}
	_, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1,
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("0.5")}}})
	wantField(t, err, "input.lines.0.quantity")
	_, err = c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1,
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("1"), Unit: jxc.Ptr("桶")}}})
	wantField(t, err, "input.lines.0.unit")
	// The dry run counts the boxes in the stock unit: 3 boxes need 12 个.
	v, err := c.sales.ValidateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1,
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("3"), UnitPrice: jxc.Ptr(dec("380"))}}})
	if err != nil || len(v.Shortages) != 1 || !v.Shortages[0].Requested.Equal(dec("12")) || !v.Shortages[0].Missing.Equal(dec("12").Sub(v.Shortages[0].Available)) {
		t.Fatalf("dry run of 3 boxes: %+v %v", v, err)
	}

	o := c.order(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("3"), UnitPrice: jxc.Ptr(dec("380"))})
	if l := o.Lines[0]; l.Unit != "箱" || !l.UnitFactor.Equal(dec("4")) || !l.StockQuantity().Equal(dec("12")) || !o.NetAmount.Equal(dec("1140")) {
		t.Fatalf("line %+v net %s", l, o.NetAmount)
	}
	o, err = c.sales.ConfirmSalesOrder(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.WarehouseID != c.east.ID || !o.Lines[0].Reserved.Equal(dec("2")) {
		t.Fatalf("confirmed %+v line %+v", o, o.Lines[0])
	}
	if b := c.balance(t, 0, c.east); !b.Reserved.Equal(dec("8")) {
		t.Fatalf("reserved %+v, want 8 个", b)
	}
	needs, err := c.sales.FindReplenishmentNeeds(ctx, jxc.ReplenishmentNeedFilter{Status: []jxc.ReplenishmentStatus{jxc.NeedOpen}}, nil, jxc.PageArgs{})
	if err != nil || needs.TotalCount != 1 || !needs.Items[0].Quantity.Equal(dec("4")) {
		t.Fatalf("needs %+v %v", needs, err)
	}
	shs, err := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if err != nil || shs.TotalCount != 1 || !shs.Items[0].Lines[0].Quantity.Equal(dec("2")) {
		t.Fatalf("shipments %+v %v", shs, err)
	}
	c.check(t)
	sh, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID, PostingDate: &d2})
	if err != nil {
		t.Fatal(err)
	}
	if !sh.Lines[0].CostValue.Equal(dec("480")) || !c.account(t, "6401").Equal(dec("480")) {
		t.Fatalf("shipped cost %s COGS %s", sh.Lines[0].CostValue, c.account(t, "6401"))
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("2")) || !b.Reserved.IsZero() || !b.Value.Equal(dec("120")) {
		t.Fatalf("after shipping %+v", b)
	}
	c.check(t)
	inv, err := c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: &d2})
	if err != nil {
		t.Fatal(err)
	}
	if !inv.TotalAmount.Equal(dec("858.80")) || !c.account(t, "6001").Equal(dec("-760")) {
		t.Fatalf("invoice %s revenue %s", inv.TotalAmount, c.account(t, "6001"))
	}
	if _, err := c.sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("858.80"), PostingDate: &d2}); err != nil {
		t.Fatal(err)
	}
	if !c.account(t, "1122").IsZero() {
		t.Fatalf("receivables %s after payment", c.account(t, "1122"))
	}
	c.check(t)
	ret, err := c.sales.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: &d2, Reason: jxc.Ptr("damaged"),
		Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !ret.CostValue.Equal(dec("240")) || !ret.TotalAmount.Equal(dec("429.40")) {
		t.Fatalf("return cost %s total %s", ret.CostValue, ret.TotalAmount)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("6")) || !b.Value.Equal(dec("360")) {
		t.Fatalf("after return %+v", b)
	}
	c.check(t)
	if _, err := c.sales.CloseSalesOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if b := c.balance(t, 0, c.east); !b.Reserved.IsZero() {
		t.Fatalf("reserved after close %+v", b)
	}
	c.check(t)
}
