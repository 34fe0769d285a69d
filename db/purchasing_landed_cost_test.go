package db_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// landedCo is a purchasing company that also sells, to see where freight
// on a receipt goes once its goods are sold.
type landedCo struct {
	*purch
	sales    *db.SalesService
	customer *jxc.Customer
}

func newLandedCo(t *testing.T) *landedCo {
	t.Helper()
	p := newPurch(t)
	c := &landedCo{purch: p, sales: db.NewSalesService(p.d)}
	cust, err := c.sales.CreateCustomer(context.Background(), jxc.CustomerInput{Code: "C1", Name: "客户一", CreditLimit: jxc.Ptr(dec("1000000")),
		PaymentTermsDays: jxc.Ptr(30), Contacts: []jxc.Contact{{Name: "李", Phone: "139"}}})
	if err != nil {
		t.Fatal(err)
	}
	c.customer = cust
	return c
}

// receive orders and receives qty @ price of product 0 on day.
func (c *landedCo) receive(t *testing.T, day jxc.Date, qty, price string) *jxc.GoodsReceipt {
	t.Helper()
	o := c.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: c.pid(0), Quantity: dec(qty), UnitPrice: decp(price)})
	r, err := c.svc.PostGoodsReceipt(context.Background(), jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: day,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &o.Lines[0].ID, AcceptedQty: dec(qty)}}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sell orders, confirms and ships qty of product 0 on day.
func (c *landedCo) sell(t *testing.T, day jxc.Date, qty string) *jxc.Shipment {
	t.Helper()
	ctx := context.Background()
	o, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &day,
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.pid(0), Quantity: dec(qty), UnitPrice: decp("50")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	shs, err := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if err != nil || len(shs.Items) != 1 {
		t.Fatalf("shipments %+v %v", shs, err)
	}
	sh, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID, PostingDate: &day})
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func (c *landedCo) freight(t *testing.T, day jxc.Date, amount string, r *jxc.GoodsReceipt) *jxc.LandedCost {
	t.Helper()
	lc, err := c.svc.PostLandedCost(context.Background(), jxc.LandedCostInput{Kind: jxc.LandedFreight, Basis: jxc.ByValue, PostingDate: day,
		Amount: dec(amount), ReceiptIDs: []int64{r.ID}, PayFrom: jxc.PayFromBank})
	if err != nil {
		t.Fatal(err)
	}
	return lc
}

func (c *landedCo) stock(t *testing.T) jxc.StockBalance {
	t.Helper()
	var b jxc.StockBalance
	if err := c.d.GetContext(context.Background(), &b, `SELECT product_id, warehouse_id, on_hand, reserved, value FROM stock_balances
		WHERE product_id = $1 AND warehouse_id = $2`, c.pid(0), c.wid(0)); err != nil {
		t.Fatal(err)
	}
	return b
}

func (c *landedCo) remaining(t *testing.T, r *jxc.GoodsReceipt) decimal.Decimal {
	t.Helper()
	var q decimal.Decimal
	if err := c.d.GetContext(context.Background(), &q, `SELECT remaining_qty FROM receipt_layers WHERE receipt_id = $1 AND line_no = 1`, r.ID); err != nil {
		t.Fatal(err)
	}
	return q
}

// Issue 15 item 5: receipt A (10 @ 10) fully sold, then receipt B (10 @
// 20) arrives; freight 20 on A goes to cost of goods sold, and the stock
// (B's goods) stays at 200. Before, it raised B's stock to 220.
func TestLandedCostOnSoldGoodsGoesToCOGS(t *testing.T) {
	c := newLandedCo(t)
	a := c.receive(t, jan, "10", "10")
	c.sell(t, jan.AddDays(1), "10")
	b := c.receive(t, jan.AddDays(2), "10", "20")
	if !c.remaining(t, a).IsZero() || !c.remaining(t, b).Equal(dec("10")) {
		t.Fatalf("remaining A %s B %s", c.remaining(t, a), c.remaining(t, b))
	}
	cogs := balance(t, c.d, jxc.AccountCOGS).Neg()
	lc := c.freight(t, jan.AddDays(3), "20", a)
	if s := c.stock(t); !s.OnHand.Equal(dec("10")) || !s.Value.Equal(dec("200")) {
		t.Errorf("stock after freight on sold goods: %s worth %s, want 10 worth 200", s.OnHand, s.Value)
	}
	if got := balance(t, c.d, jxc.AccountCOGS).Neg().Sub(cogs); !got.Equal(dec("20")) {
		t.Errorf("COGS rose by %s, want 20", got)
	}
	if len(lc.Allocations) != 1 || !lc.Allocations[0].SoldAmount.Equal(dec("20")) || !lc.Allocations[0].OnHandAmount.IsZero() {
		t.Errorf("allocation %+v", lc.Allocations)
	}
	if lc.VoucherNo == nil || *lc.VoucherNo == "" {
		t.Errorf("landed cost without its voucher number")
	}
	c.mustCheck(t)
}

// Half of receipt A sold before B arrives: freight 20 on A is half on
// hand (10 to stock), half sold (10 to COGS); the next issue takes B's
// goods only after what is left of A.
func TestLandedCostOnHalfSoldGoodsSplits(t *testing.T) {
	c := newLandedCo(t)
	a := c.receive(t, jan, "10", "10")
	c.sell(t, jan.AddDays(1), "5")
	b := c.receive(t, jan.AddDays(2), "10", "20")
	cogs := balance(t, c.d, jxc.AccountCOGS).Neg()
	lc := c.freight(t, jan.AddDays(3), "20", a)
	// 5 @ 10 + 10 @ 20 = 250, plus 10 of freight.
	if s := c.stock(t); !s.OnHand.Equal(dec("15")) || !s.Value.Equal(dec("260")) {
		t.Errorf("stock %s worth %s, want 15 worth 260", s.OnHand, s.Value)
	}
	if got := balance(t, c.d, jxc.AccountCOGS).Neg().Sub(cogs); !got.Equal(dec("10")) {
		t.Errorf("COGS rose by %s, want 10", got)
	}
	if !lc.Allocations[0].OnHandAmount.Equal(dec("10")) || !lc.Allocations[0].SoldAmount.Equal(dec("10")) {
		t.Errorf("allocation %+v", lc.Allocations[0])
	}
	// Oldest first: an issue of 7 empties A (5) and takes 2 of B.
	sh := c.sell(t, jan.AddDays(4), "7")
	if !c.remaining(t, a).IsZero() || !c.remaining(t, b).Equal(dec("8")) {
		t.Fatalf("after issuing 7: remaining A %s B %s", c.remaining(t, a), c.remaining(t, b))
	}
	// A customer return gives the goods back to the receipt that gave
	// them up last: of 3 back, B takes its 2, A the third.
	if _, err := c.sales.CreateSalesInvoice(context.Background(), jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: jxc.Ptr(jan.AddDays(4))}); err != nil {
		t.Fatal(err)
	}
	_, err := c.sales.CreateSalesReturn(context.Background(), jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: jxc.Ptr(jan.AddDays(5)),
		Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("3")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !c.remaining(t, a).Equal(dec("1")) || !c.remaining(t, b).Equal(dec("10")) {
		t.Errorf("after a return of 3: remaining A %s B %s, want 1 and 10", c.remaining(t, a), c.remaining(t, b))
	}
	// Every inflow here is a receipt or a return: remaining = on hand.
	var sum decimal.Decimal
	if err := c.d.GetContext(context.Background(), &sum, `SELECT sum(remaining_qty) FROM receipt_layers`); err != nil {
		t.Fatal(err)
	}
	if s := c.stock(t); !sum.Equal(s.OnHand) {
		t.Errorf("receipt lines remaining %s, on hand %s", sum, s.OnHand)
	}
	c.mustCheck(t)

	// booksCheck finds layers that claim more than is on hand.
	conn, err := c.d.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `UPDATE receipt_layers SET remaining_qty = accepted_qty`); err != nil {
		t.Fatal(err)
	}
	chk, err := c.ledger.BooksCheck(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range chk.Violations {
		found = found || v.Rule == jxc.RuleReceiptLayers
	}
	if !found {
		t.Errorf("booksCheck missed receipt lines remaining beyond stock: %+v", chk.Violations)
	}
}
