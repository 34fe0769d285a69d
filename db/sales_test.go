package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// salesCo is a test company for order to cash: two products, warehouses in
// two regions, opening stock, and a customer.
type salesCo struct {
	db       *db.DB
	sales    *db.SalesService
	stock    *db.StockService
	ledger   *db.LedgerService
	catalog  *db.CatalogService
	products []*jxc.Product
	east     *jxc.Warehouse
	south    *jxc.Warehouse
	customer *jxc.Customer
}

var (
	d0 = jxc.Date{Year: 2026, Month: 3, Day: 1}
	d1 = jxc.Date{Year: 2026, Month: 3, Day: 2}
	d2 = jxc.Date{Year: 2026, Month: 3, Day: 10}
	d3 = jxc.Date{Year: 2026, Month: 4, Day: 20}
)

func newSalesCo(t testing.TB) *salesCo {
	t.Helper()
	ctx := context.Background()
	x := dbtest.New(t)
	c := &salesCo{db: x, sales: db.NewSalesService(x), stock: db.NewStockService(x), ledger: db.NewLedgerService(x), catalog: db.NewCatalogService(x)}
	for i, price := range []string{"100", "35.50"} {
		pr, err := c.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: fmt.Sprintf("S-%d", i), Name: fmt.Sprintf("货品 %d", i), Unit: "个", SellPrice: jxc.Ptr(dec(price))})
		if err != nil {
			t.Fatal(err)
		}
		c.products = append(c.products, pr)
	}
	var err error
	if c.east, err = c.catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "SH", Name: "上海仓", Region: jxc.Ptr("华东")}); err != nil {
		t.Fatal(err)
	}
	if c.south, err = c.catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "GZ", Name: "广州仓", Region: jxc.Ptr("华南")}); err != nil {
		t.Fatal(err)
	}
	// 10 @ 60.00 and 3 @ 20.333333 in the east; 5 @ 61.00 of the first in the south.
	if _, err := c.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: d0, Lines: []jxc.OpeningStockLine{
		{ProductID: c.products[0].ID, WarehouseID: c.east.ID, Quantity: dec("10"), UnitCost: dec("60")},
		{ProductID: c.products[1].ID, WarehouseID: c.east.ID, Quantity: dec("3"), UnitCost: dec("20.333333")},
		{ProductID: c.products[0].ID, WarehouseID: c.south.ID, Quantity: dec("5"), UnitCost: dec("61")},
	}}); err != nil {
		t.Fatal(err)
	}
	if c.customer, err = c.sales.CreateCustomer(ctx, jxc.CustomerInput{Code: "C1", Name: "华东客户", Region: jxc.Ptr("华东"),
		CreditLimit: jxc.Ptr(dec("100000")), PaymentTermsDays: jxc.Ptr(30), Channel: jxc.Ptr(jxc.ChannelDistributor),
		Contacts: []jxc.Contact{{Name: "王经理", Phone: "021-1234"}}}); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *salesCo) check(t testing.TB) {
	t.Helper()
	checkBooks(t, c.ledger)
}

func (c *salesCo) balance(t testing.TB, pi int, w *jxc.Warehouse) jxc.StockBalance {
	t.Helper()
	var b jxc.StockBalance
	if err := c.db.GetContext(context.Background(), &b, `SELECT product_id, warehouse_id, on_hand, reserved, value FROM stock_balances
		WHERE product_id = $1 AND warehouse_id = $2`, c.products[pi].ID, w.ID); err != nil {
		t.Fatal(err)
	}
	return b
}

func (c *salesCo) account(t testing.TB, code string) decimal.Decimal {
	t.Helper()
	var v decimal.Decimal
	if err := c.db.GetContext(context.Background(), &v, `SELECT coalesce(sum(debit - credit), 0) FROM journal_lines WHERE account_code = $1`, code); err != nil {
		t.Fatal(err)
	}
	return v
}

func (c *salesCo) order(t testing.TB, lines ...jxc.SalesOrderLineInput) *jxc.SalesOrder {
	t.Helper()
	o, err := c.sales.CreateSalesOrder(context.Background(), jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1, Lines: lines})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func wantField(t testing.TB, err error, field string) {
	t.Helper()
	es, ok := jxc.AsErrors(err)
	if !ok {
		t.Fatalf("want a user error on %s, got %v", field, err)
	}
	for _, e := range es {
		if e.Field == field {
			return
		}
	}
	t.Fatalf("want an error on %s, got %v", field, es)
}

func TestOrderToCashPostsEveryStep(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	o := c.order(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("4"), DiscountRate: jxc.Ptr(dec("0.1"))},
		jxc.SalesOrderLineInput{ProductID: c.products[1].ID, Quantity: dec("5"), UnitPrice: jxc.Ptr(dec("35.555"))})
	// 4 x 100 x 0.9 = 360.00 + 46.80 VAT; 5 x 35.555 = 177.775 -> 177.78 + 23.11 VAT.
	if !o.NetAmount.Equal(dec("537.78")) || !o.VATAmount.Equal(dec("69.91")) || o.Status != jxc.OrderDraft {
		t.Fatalf("order %+v", o)
	}
	o, err := c.sales.ConfirmSalesOrder(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != jxc.OrderConfirmed || o.WarehouseID != c.east.ID || !o.Lines[0].Reserved.Equal(dec("4")) || !o.Lines[1].Reserved.Equal(dec("3")) {
		t.Fatalf("confirmed %+v lines %+v %+v", o, o.Lines[0], o.Lines[1])
	}
	if b := c.balance(t, 1, c.east); !b.Reserved.Equal(dec("3")) {
		t.Fatalf("reserved %+v", b)
	}
	needs, err := c.sales.FindReplenishmentNeeds(ctx, jxc.ReplenishmentNeedFilter{Status: []jxc.ReplenishmentStatus{jxc.NeedOpen}}, nil, jxc.PageArgs{})
	if err != nil || needs.TotalCount != 1 || !needs.Items[0].Quantity.Equal(dec("2")) || needs.Items[0].ProductID != c.products[1].ID {
		t.Fatalf("needs %+v %v", needs, err)
	}
	shs, err := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if err != nil || shs.TotalCount != 1 || len(shs.Items[0].Lines) != 2 {
		t.Fatalf("shipments %+v %v", shs, err)
	}
	sh := shs.Items[0]
	c.check(t)

	// Ship 3 of the first line only: 3 x 60 = 180 at cost.
	sh, err = c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: sh.ID, PostingDate: &d2, Carrier: jxc.Ptr("顺丰"), TrackingNumber: jxc.Ptr("SF1"),
		Lines: []jxc.ShipLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("3")}}})
	if err != nil {
		t.Fatal(err)
	}
	if sh.Status != jxc.ShipmentShipped || len(sh.Lines) != 1 || !sh.Lines[0].CostValue.Equal(dec("180")) {
		t.Fatalf("shipped %+v %+v", sh, sh.Lines)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("7")) || !b.Reserved.Equal(dec("1")) || !b.Value.Equal(dec("420")) {
		t.Fatalf("balance after shipping %+v", b)
	}
	if !c.account(t, "6401").Equal(dec("180")) {
		t.Fatalf("COGS %s", c.account(t, "6401"))
	}
	o, _ = c.sales.FindSalesOrderByID(ctx, o.ID)
	if o.Status != jxc.OrderPartiallyShipped {
		t.Fatalf("order status %s", o.Status)
	}
	c.check(t)

	// Shipping more than is reserved is refused with nothing written.
	pend, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID, Status: []jxc.ShipmentStatus{"PENDING"}}, nil, jxc.PageArgs{})
	if pend.TotalCount != 1 {
		t.Fatalf("pending %+v", pend)
	}
	_, err = c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: pend.Items[0].ID, PostingDate: &d2,
		Lines: []jxc.ShipLineInput{{ShipmentLineID: pend.Items[0].Lines[0].ID, Quantity: dec("2")}}})
	wantField(t, err, "input.lines.0.quantity")

	inv, err := c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: &d2})
	if err != nil {
		t.Fatal(err)
	}
	// 3 x 100 x 0.9 = 270.00 + 35.10.
	if !inv.TotalAmount.Equal(dec("305.10")) || inv.DueDate != d2.AddDays(30) || inv.Status != jxc.SalesInvoiceOpen {
		t.Fatalf("invoice %+v", inv)
	}
	if !c.account(t, "1122").Equal(dec("305.10")) || !c.account(t, "6001").Equal(dec("-270")) || !c.account(t, "2221.01.02").Equal(dec("-35.10")) {
		t.Fatal("invoice journal")
	}
	c.check(t)

	// Over-allocation to an invoice, and allocations above the payment.
	_, err = c.sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("400"), PostingDate: &d2,
		Allocations: []jxc.AllocationInput{{InvoiceID: inv.ID, Amount: dec("305.11")}}})
	wantField(t, err, "input.allocations.0.amount")
	_, err = c.sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("100"), PostingDate: &d2,
		Allocations: []jxc.AllocationInput{{InvoiceID: inv.ID, Amount: dec("200")}}})
	wantField(t, err, "input.allocations")

	pay, err := c.sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("400"), PostingDate: &d2})
	if err != nil {
		t.Fatal(err)
	}
	if !pay.AppliedAmount.Equal(dec("305.10")) || !pay.Unapplied().Equal(dec("94.90")) || len(pay.Allocations) != 1 {
		t.Fatalf("payment %+v", pay)
	}
	inv, _ = c.sales.FindSalesInvoiceByID(ctx, inv.ID)
	if inv.Status != jxc.SalesInvoicePaid || !c.account(t, "2203").Equal(dec("-94.90")) || !c.account(t, "1122").IsZero() {
		t.Fatalf("after payment: %+v", inv)
	}
	c.check(t)

	// Return 1 of the 3 shipped: back at 60.00; credit 90.00 + 11.70, all
	// open as credit because the invoice is paid; refund it.
	ret, err := c.sales.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: &d2, Reason: jxc.Ptr("damaged"),
		Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !ret.CostValue.Equal(dec("60")) || !ret.TotalAmount.Equal(dec("101.70")) || !ret.OpenCredit().Equal(dec("101.70")) {
		t.Fatalf("return %+v", ret)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("8")) || !b.Value.Equal(dec("480")) {
		t.Fatalf("after return %+v", b)
	}
	c.check(t)
	cust, _ := c.sales.FindCustomerByID(ctx, c.customer.ID)
	if !cust.OpenBalance().Equal(dec("-196.60")) {
		t.Fatalf("open balance %s", cust.OpenBalance())
	}
	if _, err := c.sales.RefundCustomer(ctx, jxc.RefundInput{ReturnID: &ret.ID, Amount: dec("101.71"), PostingDate: &d2}); err == nil {
		t.Fatal("refunded more than the credit")
	}
	if _, err := c.sales.RefundCustomer(ctx, jxc.RefundInput{ReturnID: &ret.ID, Amount: dec("101.70"), PostingDate: &d2}); err != nil {
		t.Fatal(err)
	}
	c.check(t)

	// Close short: the 1 still reserved goes back, the need is cancelled.
	if _, err := c.sales.CloseSalesOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if b := c.balance(t, 0, c.east); !b.Reserved.IsZero() {
		t.Fatalf("reserved after close %+v", b)
	}
	c.check(t)
}

func TestCreditHoldAndRelease(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	cust, err := c.sales.CreateCustomer(ctx, jxc.CustomerInput{Code: "SMALL", Name: "小客户", CreditLimit: jxc.Ptr(dec("500")), Region: jxc.Ptr("华南")})
	if err != nil {
		t.Fatal(err)
	}
	o, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: cust.ID, PostingDate: &d1,
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("5")}}}) // 500 + 65 VAT
	if err != nil {
		t.Fatal(err)
	}
	o, err = c.sales.ConfirmSalesOrder(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != jxc.OrderOnHold || o.HoldReason == nil || *o.HoldReason != "超出信用额度 500 共 65（未结 0 + 本订单 565）" {
		t.Fatalf("held %+v %v", o, jxc.Deref(o.HoldReason))
	}
	// Stored in Chinese; read in each language from what it was written from.
	if h := o.HoldText(); h == nil || h.Render(jxc.LangEN) != "credit limit 500 exceeded by 65 (open 0 + this order 565)" ||
		h.Render(jxc.LangZH) != *o.HoldReason {
		t.Fatalf("hold reason per reader: %+v", h)
	}
	if b := c.balance(t, 0, c.south); !b.Reserved.IsZero() {
		t.Fatalf("a held order reserved %+v", b)
	}
	var alerts int
	if err := c.db.GetContext(ctx, &alerts, `SELECT count(*) FROM alerts a JOIN outbox e ON e.topic = 'alert' AND e.key = 'CREDIT_HOLD:' || a.id
		WHERE a.kind = 'CREDIT_HOLD' AND a.subject = $1`, o.Number); err != nil || alerts != 1 {
		t.Fatalf("credit hold alerts %d %v", alerts, err)
	}
	if cu, _ := c.sales.FindCustomerByID(ctx, cust.ID); !cu.OnCreditHold() {
		t.Fatal("customer not on hold")
	}
	// A held order cannot be confirmed again; finance releases it and it
	// ships from the south, its region.
	if _, err := c.sales.ConfirmSalesOrder(ctx, o.ID); jxc.ErrorCode(err) != jxc.ECONFLICT {
		t.Fatalf("confirm twice: %v", err)
	}
	o, err = c.sales.ReleaseSalesOrderHold(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != jxc.OrderConfirmed || o.WarehouseID != c.south.ID || !o.Lines[0].Reserved.Equal(dec("5")) {
		t.Fatalf("released %+v", o)
	}
	c.check(t)

	// Overdue invoices hold the next order whatever the limit.
	shs, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if _, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID, PostingDate: &d2}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.sales.UpdateCustomer(ctx, jxc.CustomerUpdate{ID: cust.ID, CreditLimit: jxc.Ptr(dec("100000"))}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{shs.Items[0].ID}, PostingDate: &d2}); err != nil {
		t.Fatal(err)
	}
	late, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: cust.ID, PostingDate: &d3,
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[1].ID, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	late, err = c.sales.ConfirmSalesOrder(ctx, late.ID)
	if err != nil || late.Status != jxc.OrderOnHold || late.HoldReason == nil || *late.HoldReason != "逾期 565（最早到期日 2026-04-09）" {
		t.Fatalf("overdue hold %+v %v", late, err)
	}
	aging, err := c.sales.ReceivablesAging(ctx, d3, nil)
	if err != nil || len(aging.Customers) != 1 || !aging.Total.Days1To30.Equal(dec("565")) || !aging.Total.Total.Equal(dec("565")) {
		t.Fatalf("aging %+v %v", aging, err)
	}
	if a, _ := c.sales.ReceivablesAging(ctx, d2, nil); !a.Total.NotDue.Equal(dec("565")) {
		t.Fatalf("aging on the invoice date %+v", a.Total)
	}
	if a, _ := c.sales.ReceivablesAging(ctx, d1, nil); len(a.Customers) != 0 {
		t.Fatalf("aging before the invoice %+v", a)
	}
	c.check(t)
}

// Fifty clients confirm orders for 1 unit each at once against the 10 on
// hand: exactly 10 are reserved, the other 40 lines become needs, and no
// client sees a retryable database error.
func TestConcurrentConfirmationsReserveExactlyWhatIsOnHand(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	var ids []int64
	for i := 0; i < 50; i++ {
		cust, err := c.sales.CreateCustomer(ctx, jxc.CustomerInput{Code: fmt.Sprintf("R%02d", i), Name: "客户", Region: jxc.Ptr("华东"), CreditLimit: jxc.Ptr(dec("100000"))})
		if err != nil {
			t.Fatal(err)
		}
		o, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: cust.ID, PostingDate: &d1, WarehouseID: &c.east.ID,
			Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("1")}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.ID)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(ids))
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.sales.ConfirmSalesOrder(ctx, id); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("confirm: %v", err)
	}
	if b := c.balance(t, 0, c.east); !b.Reserved.Equal(dec("10")) || !b.OnHand.Equal(dec("10")) {
		t.Fatalf("balance %+v", b)
	}
	var reserved decimal.Decimal
	var needs int
	if err := c.db.GetContext(ctx, &reserved, `SELECT sum(reserved) FROM sales_order_lines`); err != nil || !reserved.Equal(dec("10")) {
		t.Fatalf("lines reserved %s %v", reserved, err)
	}
	if err := c.db.GetContext(ctx, &needs, `SELECT count(*) FROM replenishment_needs WHERE status = 'OPEN'`); err != nil || needs != 40 {
		t.Fatalf("needs %d %v", needs, err)
	}
	c.check(t)
}

func TestIdempotentRetryPostsOnce(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	in := jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1, IdempotencyKey: jxc.Ptr("order-1"),
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("2")}}}
	var wg sync.WaitGroup
	got := make([]int64, 5)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o, err := c.sales.CreateSalesOrder(ctx, in)
			if err != nil {
				t.Error(err)
				return
			}
			got[i] = o.ID
		}()
	}
	wg.Wait()
	for _, id := range got {
		if id != got[0] {
			t.Fatalf("retries returned different orders %v", got)
		}
	}
	o, _ := c.sales.ConfirmSalesOrder(ctx, got[0])
	shs, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	ship := jxc.ShipInput{ShipmentID: shs.Items[0].ID, PostingDate: &d2, IdempotencyKey: jxc.Ptr("ship-1")}
	for i := 0; i < 3; i++ {
		if _, err := c.sales.ShipShipment(ctx, ship); err != nil {
			t.Fatal(err)
		}
	}
	pay := jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("50"), PostingDate: &d2, IdempotencyKey: jxc.Ptr("pay-1")}
	p1, err := c.sales.RecordCustomerPayment(ctx, pay)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := c.sales.RecordCustomerPayment(ctx, pay)
	if err != nil || p2.ID != p1.ID {
		t.Fatalf("payment retry %v %v", p2, err)
	}
	var orders, moves, payments int
	c.db.GetContext(ctx, &orders, `SELECT count(*) FROM sales_orders`)
	c.db.GetContext(ctx, &moves, `SELECT count(*) FROM stock_moves WHERE source_type = 'SHIPMENT'`)
	c.db.GetContext(ctx, &payments, `SELECT count(*) FROM journal_entries WHERE source_type = 'CUSTOMER_PAYMENT'`)
	if orders != 1 || moves != 1 || payments != 1 {
		t.Fatalf("orders %d shipment moves %d payment entries %d", orders, moves, payments)
	}
	c.check(t)
}

// Every bad input comes back as errors naming the field, and nothing is
// written.
func TestBadInputsNameTheFieldAndWriteNothing(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	count := func() string {
		var s string
		c.db.GetContext(ctx, &s, `SELECT format('%s/%s/%s/%s/%s/%s', (SELECT count(*) FROM sales_orders), (SELECT count(*) FROM journal_entries),
			(SELECT count(*) FROM stock_moves), (SELECT sum(reserved) FROM stock_balances), (SELECT count(*) FROM customer_payments),
			(SELECT count(*) FROM sales_invoices))`)
		return s
	}
	before := count()
	_, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1, Lines: []jxc.SalesOrderLineInput{
		{ProductID: c.products[0].ID, Quantity: dec("-1")},
		{ProductID: c.products[0].ID, Quantity: dec("0")},
		{ProductID: 999999, Quantity: dec("1")},
		{ProductID: c.products[0].ID, Quantity: dec("1.00001")},
		{ProductID: c.products[0].ID, Quantity: dec("1"), DiscountRate: jxc.Ptr(dec("1"))},
	}})
	for _, f := range []string{"input.lines.0.quantity", "input.lines.1.quantity", "input.lines.2.productId", "input.lines.3.quantity", "input.lines.4.discountRate"} {
		wantField(t, err, f)
	}
	_, err = c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: 424242, Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("1")}}})
	wantField(t, err, "input.customerId")
	if _, err := c.catalog.UpdateProduct(ctx, jxc.ProductUpdate{ID: c.products[1].ID, Active: jxc.Ptr(false)}); err != nil {
		t.Fatal(err)
	}
	_, err = c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1, Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[1].ID, Quantity: dec("1")}}})
	wantField(t, err, "input.lines.0.productId")

	// A closed period refuses orders, shipments and payments dated in it.
	o := c.order(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("1")})
	o, _ = c.sales.ConfirmSalesOrder(ctx, o.ID)
	shs, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if _, err := c.ledger.CloseFiscalPeriod(ctx, 2026, 3, true); err != nil {
		t.Fatal(err)
	}
	before = count()
	_, err = c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID, PostingDate: &d2})
	wantField(t, err, "input.postingDate")
	_, err = c.sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("10"), PostingDate: &d2})
	wantField(t, err, "input.postingDate")
	_, err = c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d2, Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("1")}}})
	wantField(t, err, "input.postingDate")
	_, err = c.sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("10.001"), PostingDate: &d3})
	wantField(t, err, "input.amount")
	// Transitions the life cycle forbids.
	if _, err := c.sales.CloseSalesOrder(ctx, o.ID); jxc.ErrorCode(err) != jxc.ECONFLICT {
		t.Fatalf("close a confirmed order: %v", err)
	}
	if _, err := c.sales.ReleaseSalesOrderHold(ctx, o.ID); jxc.ErrorCode(err) != jxc.ECONFLICT {
		t.Fatalf("release an order not on hold: %v", err)
	}
	_, err = c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{shs.Items[0].ID}, PostingDate: &d3})
	wantField(t, err, "input.shipmentIds.0")
	if after := count(); after != before {
		t.Fatalf("bad inputs wrote: %s -> %s", before, after)
	}
	if _, err := c.sales.CancelSalesOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.sales.CancelSalesOrder(ctx, o.ID); jxc.ErrorCode(err) != jxc.ECONFLICT {
		t.Fatalf("cancel twice: %v", err)
	}
	if b := c.balance(t, 0, c.east); !b.Reserved.IsZero() {
		t.Fatalf("cancel kept the reservation %+v", b)
	}
	c.check(t)
}

func TestValidateSalesOrderReportsEverythingAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	cust, _ := c.sales.CreateCustomer(ctx, jxc.CustomerInput{Code: "V", Name: "V", CreditLimit: jxc.Ptr(dec("100")), Region: jxc.Ptr("华东")})
	v, err := c.sales.ValidateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: cust.ID, PostingDate: &d1, Lines: []jxc.SalesOrderLineInput{
		{ProductID: c.products[0].ID, Quantity: dec("12")},
		{ProductID: c.products[1].ID, Quantity: dec("1"), UnitPrice: jxc.Ptr(dec("10"))},
		{ProductID: c.products[0].ID, Quantity: dec("0")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	for _, e := range v.Violations {
		fields[e.Field] = true
	}
	for _, f := range []string{"input.customerId", "input.lines.0.quantity", "input.lines.1.unitPrice", "input.lines.2.quantity"} {
		if !fields[f] {
			t.Errorf("no violation on %s: %v", f, v.Violations)
		}
	}
	if v.WarehouseID == nil || *v.WarehouseID != c.east.ID || len(v.Shortages) != 1 || !v.Shortages[0].Missing.Equal(dec("2")) {
		t.Fatalf("validation %+v", v)
	}
	var n int
	c.db.GetContext(ctx, &n, `SELECT count(*) FROM sales_orders`)
	if n != 0 {
		t.Fatal("validate wrote an order")
	}
}
