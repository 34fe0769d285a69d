package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
)

// postings returns an entry's lines as "account D/C amount" and the
// document's stock moves as "warehouse qty value", sorted.
func postings(t *testing.T, finance *client, source, id string) (lines, moves []string) {
	t.Helper()
	var r struct {
		StockMoves struct {
			Nodes []struct {
				Warehouse       struct{ Code string }
				Quantity, Value string
			}
		}
	}
	finance.gql(`query($t: SourceType!, $id: ID!) { stockMoves(filter: {sourceType: $t, sourceId: $id}) { nodes { warehouse { code } quantity value } } }`,
		map[string]any{"t": source, "id": id}, &r)
	for _, e := range finance.journalLines(source, id) {
		for _, l := range e {
			if l.Debit != "0" && l.Debit != "0.00" {
				lines = append(lines, l.Account.Code+" D "+l.Debit)
			} else {
				lines = append(lines, l.Account.Code+" C "+l.Credit)
			}
		}
	}
	for _, m := range r.StockMoves.Nodes {
		moves = append(moves, m.Warehouse.Code+" "+m.Quantity+" "+m.Value)
	}
	sort.Strings(lines)
	sort.Strings(moves)
	return lines, moves
}

func wantPostings(t *testing.T, finance *client, step, source, id string, lines, moves []string) {
	t.Helper()
	gl, gm := postings(t, finance, source, id)
	sort.Strings(lines)
	sort.Strings(moves)
	if fmt.Sprint(gl) != fmt.Sprint(lines) || fmt.Sprint(gm) != fmt.Sprint(moves) {
		t.Fatalf("%s posted\n lines %v\n moves %v\nwant\n lines %v\n moves %v", step, gl, gm, lines, moves)
	}
	var bc struct {
		BooksCheck struct {
			Ok         bool
			Violations []struct{ Rule, Message string }
		}
	}
	finance.gql(`{ booksCheck { ok violations { rule message } } }`, nil, &bc)
	if !bc.BooksCheck.Ok {
		t.Fatalf("books check after %s: %+v", step, bc.BooksCheck.Violations)
	}
}

// The whole order-to-cash cycle through the GraphQL API, each step by the
// role that does it, asserting every stock move and journal line and a
// clean booksCheck after each step.
func TestOrderToCashThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	warehouse := app.client(t).mustLogin("warehouse")
	finance := app.client(t).mustLogin("finance")

	// A product of its own, 8 in stock at 50.00 in the east.
	var prod struct {
		CreateProduct struct {
			Product    struct{ ID string }
			UserErrors []userErr
		}
	}
	warehouse.gql(`mutation { createProduct(input: {sku: "T-O2C", name: "测试商品", unit: "个", sellPrice: "120.00", vatRate: "0.13"}) {
		product { id } userErrors { code field message } } }`, nil, &prod)
	noUserErrors(t, "createProduct", prod.CreateProduct.UserErrors)
	pid := prod.CreateProduct.Product.ID
	var whs struct {
		Warehouses struct {
			Nodes []struct{ ID, Code, Region string }
		}
	}
	warehouse.gql(`{ warehouses(filter: {region: "华东"}) { nodes { id code region } } }`, nil, &whs)
	if len(whs.Warehouses.Nodes) == 0 {
		t.Fatal("no warehouse in 华东")
	}
	east := whs.Warehouses.Nodes[0]
	var os struct {
		PostOpeningStock struct{ UserErrors []userErr }
	}
	// Opening stock is finance's (separation of duties): the warehouse is refused.
	opening := `mutation($p: ID!, $w: ID!) { postOpeningStock(input: {lines: [{productId: $p, warehouseId: $w, quantity: "8", unitCost: "50"}]}) {
		userErrors { code field message } } }`
	warehouse.gql(opening, map[string]any{"p": pid, "w": east.ID}, &os)
	if ue := os.PostOpeningStock.UserErrors; len(ue) != 1 || ue[0].Code != "PERMISSION_REQUIRED" || ue[0].Field != "input" {
		t.Fatalf("the warehouse posting opening stock: %+v", ue)
	}
	finance.gql(opening, map[string]any{"p": pid, "w": east.ID}, &os)
	noUserErrors(t, "postOpeningStock", os.PostOpeningStock.UserErrors)

	var cust struct {
		CreateCustomer struct {
			Customer   struct{ ID string }
			UserErrors []userErr
		}
	}
	// Sales may not give the customer credit (separation of duties); finance does.
	createCustomer := `mutation($limit: Decimal) { createCustomer(input: {code: "API-1", name: "接口客户", region: "华东", channel: ONLINE, creditLimit: $limit,
		paymentTermsDays: 15, contacts: [{name: "李四", phone: "13800000000", email: "li@example.com"}]}) {
		customer { id } userErrors { code field message } } }`
	sales.gql(createCustomer, map[string]any{"limit": "10000"}, &cust)
	if ue := cust.CreateCustomer.UserErrors; len(ue) != 1 || ue[0].Code != "PERMISSION_REQUIRED" || ue[0].Field != "input.creditLimit" {
		t.Fatalf("sales creating a customer with credit: %+v", ue)
	}
	sales.gql(createCustomer, map[string]any{"limit": nil}, &cust)
	noUserErrors(t, "createCustomer", cust.CreateCustomer.UserErrors)
	cid := cust.CreateCustomer.Customer.ID
	var upd struct {
		UpdateCustomer struct {
			Customer   *struct{ CreditLimit string }
			UserErrors []userErr
		}
	}
	raise := `mutation($id: ID!) { updateCustomer(input: {id: $id, creditLimit: "10000"}) { customer { creditLimit } userErrors { code field message } } }`
	sales.gql(raise, map[string]any{"id": cid}, &upd)
	if ue := upd.UpdateCustomer.UserErrors; len(ue) != 1 || ue[0].Code != "PERMISSION_REQUIRED" || upd.UpdateCustomer.Customer != nil {
		t.Fatalf("sales raising the credit limit: %+v", upd)
	}
	finance.gql(raise, map[string]any{"id": cid}, &upd)
	noUserErrors(t, "finance raises the credit limit", upd.UpdateCustomer.UserErrors)

	// Bad input comes back as userErrors naming each field.
	var bad struct {
		CreateSalesOrder struct {
			Order      *struct{ ID string }
			UserErrors []userErr
		}
	}
	sales.gql(`mutation($c: ID!, $p: ID!) { createSalesOrder(input: {customerId: $c, lines: [
		{productId: $p, quantity: "-1"}, {productId: "987654", quantity: "1"}, {productId: $p, quantity: "0.00001"}]}) {
		order { id } userErrors { code field message } } }`, map[string]any{"c": cid, "p": pid}, &bad)
	got := map[string]bool{}
	for _, e := range bad.CreateSalesOrder.UserErrors {
		got[e.Field] = true
	}
	if bad.CreateSalesOrder.Order != nil || !got["input.lines.0.quantity"] || !got["input.lines.1.productId"] || !got["input.lines.2.quantity"] {
		t.Fatalf("bad order: %+v", bad.CreateSalesOrder)
	}

	// Order 10 at 120.00 less 5 %: 1140.00 + 148.20 VAT. Confirming
	// reserves the 8 there are and records a need for 2.
	var order struct {
		CreateSalesOrder struct {
			Order struct {
				ID, Number, Status, NetAmount, VatAmount, TotalAmount string
			}
			UserErrors []userErr
		}
	}
	sales.gql(`mutation($c: ID!, $p: ID!) { createSalesOrder(input: {customerId: $c, idempotencyKey: "api-order-1",
		lines: [{productId: $p, quantity: "10", discountRate: "0.05"}]}) {
		order { id number status netAmount vatAmount totalAmount } userErrors { code field message } } }`, map[string]any{"c": cid, "p": pid}, &order)
	noUserErrors(t, "createSalesOrder", order.CreateSalesOrder.UserErrors)
	o := order.CreateSalesOrder.Order
	if o.Status != "DRAFT" || o.NetAmount != "1140" || o.VatAmount != "148.2" || o.TotalAmount != "1288.2" {
		t.Fatalf("order %+v", o)
	}
	var conf struct {
		ConfirmSalesOrder struct {
			Order struct {
				Status    string
				Warehouse struct{ Code string }
				Lines     []struct{ Reserved, Outstanding string }
				Shipments []struct {
					ID, Status string
					Lines      []struct{ ID, Quantity string }
				}
			}
			UserErrors []userErr
		}
	}
	sales.gql(`mutation($id: ID!) { confirmSalesOrder(id: $id) { order { status warehouse { code } lines { reserved outstanding }
		shipments { id status lines { id quantity } } } userErrors { code field message } } }`, map[string]any{"id": o.ID}, &conf)
	noUserErrors(t, "confirmSalesOrder", conf.ConfirmSalesOrder.UserErrors)
	co := conf.ConfirmSalesOrder.Order
	if co.Status != "CONFIRMED" || co.Warehouse.Code != east.Code || co.Lines[0].Reserved != "8" || co.Lines[0].Outstanding != "2" ||
		len(co.Shipments) != 1 || co.Shipments[0].Status != "PENDING" || co.Shipments[0].Lines[0].Quantity != "8" {
		t.Fatalf("confirmed %+v", co)
	}
	var needs struct {
		ReplenishmentNeeds struct {
			Nodes []struct {
				Quantity, OrderNumber string
				Product               struct{ Sku string }
			}
		}
	}
	sales.gql(`query($p: ID!) { replenishmentNeeds(filter: {status: OPEN, productId: $p}) { nodes { quantity orderNumber product { sku } } } }`,
		map[string]any{"p": pid}, &needs)
	if n := needs.ReplenishmentNeeds.Nodes; len(n) != 1 || n[0].Quantity != "2" || n[0].OrderNumber != o.Number {
		t.Fatalf("needs %+v", needs)
	}
	wantPostings(t, finance, "confirm", "SHIPMENT", co.Shipments[0].ID, nil, nil)

	// Ship 6 of the 8: 6 x 50.00 at cost; 2 stay on a new pending shipment.
	sh := co.Shipments[0]
	var ship struct {
		ShipShipment struct {
			Shipment struct {
				ID, Status, Carrier, TrackingNumber string
				Lines                               []struct{ ID, Quantity string }
			}
			UserErrors []userErr
		}
	}
	shipOp := `mutation($s: ID!, $l: ID!, $q: Decimal!) { shipShipment(input: {shipmentId: $s, carrier: "顺丰", trackingNumber: "SF100",
		idempotencyKey: "api-ship-1", lines: [{shipmentLineId: $l, quantity: $q}]}) {
		shipment { id status carrier trackingNumber lines { id quantity } } userErrors { code field message } } }`
	warehouse.gql(shipOp, map[string]any{"s": sh.ID, "l": sh.Lines[0].ID, "q": "9"}, &ship)
	if ues := ship.ShipShipment.UserErrors; len(ues) != 1 || ues[0].Field != "input.lines.0.quantity" || ues[0].Code != "CONFLICT" {
		t.Fatalf("shipping more than reserved: %+v", ues)
	}
	warehouse.gql(shipOp, map[string]any{"s": sh.ID, "l": sh.Lines[0].ID, "q": "6"}, &ship)
	noUserErrors(t, "shipShipment", ship.ShipShipment.UserErrors)
	// The cost of what shipped is MARGINS_AND_COSTS, not the warehouse's to
	// read: the postings below show it.
	if s := ship.ShipShipment.Shipment; s.Status != "SHIPPED" || s.TrackingNumber != "SF100" {
		t.Fatalf("shipped %+v", s)
	}
	// The retry with the same key posts nothing more.
	warehouse.gql(shipOp, map[string]any{"s": sh.ID, "l": sh.Lines[0].ID, "q": "6"}, &ship)
	noUserErrors(t, "shipShipment retry", ship.ShipShipment.UserErrors)
	wantPostings(t, finance, "ship", "SHIPMENT", sh.ID, []string{"6401 D 300", "1405 C 300"}, []string{east.Code + " -6 -300"})

	var deliver struct {
		ConfirmDelivery struct {
			Shipment   struct{ Status, DeliveredOn string }
			UserErrors []userErr
		}
	}
	// A delivery is dated by the day the goods arrived: not in the future,
	// not outside the company's years, not before the shipment.
	const deliverOp = `mutation($s: ID!, $on: Date) { confirmDelivery(input: {shipmentId: $s, deliveredOn: $on, rating: 5, ratingComment: "很快"}) {
		shipment { status deliveredOn } userErrors { code field message } } }`
	today := jxc.Today(time.Now())
	for _, on := range []string{today.AddDays(1).String(), "9999-12-31", "0001-01-01", today.AddDays(-1).String()} {
		warehouse.gql(deliverOp, map[string]any{"s": sh.ID, "on": on}, &deliver)
		if ues := deliver.ConfirmDelivery.UserErrors; len(ues) != 1 || ues[0].Field != "input.deliveredOn" {
			t.Fatalf("delivered on %s: %+v", on, ues)
		}
	}
	warehouse.gql(deliverOp, map[string]any{"s": sh.ID, "on": today.String()}, &deliver)
	noUserErrors(t, "confirmDelivery", deliver.ConfirmDelivery.UserErrors)
	if d := deliver.ConfirmDelivery.Shipment; d.Status != "DELIVERED" || d.DeliveredOn != today.String() {
		t.Fatalf("delivered %+v", d)
	}

	// Invoice the shipment: 6 x 114.00 = 684.00 + 88.92, due in 15 days.
	var inv struct {
		CreateSalesInvoice struct {
			Invoice struct {
				ID, TotalAmount, Status, DueDate, PostingDate string
			}
			UserErrors []userErr
		}
	}
	finance.gql(`mutation($s: ID!) { createSalesInvoice(input: {shipmentIds: [$s]}) { invoice { id totalAmount status dueDate postingDate }
		userErrors { code field message } } }`, map[string]any{"s": sh.ID}, &inv)
	noUserErrors(t, "createSalesInvoice", inv.CreateSalesInvoice.UserErrors)
	if i := inv.CreateSalesInvoice.Invoice; i.TotalAmount != "772.92" || i.Status != "OPEN" {
		t.Fatalf("invoice %+v", i)
	}
	invID := inv.CreateSalesInvoice.Invoice.ID
	wantPostings(t, finance, "invoice", "SALES_INVOICE", invID, []string{"1122 D 772.92", "6001 C 684", "2221.01.02 C 88.92"}, nil)

	// Pay 800.00: 772.92 settles the invoice, 27.08 stays as credit.
	var pay struct {
		RecordCustomerPayment struct {
			Payment struct {
				ID, AppliedAmount, Unapplied string
				Allocations                  []struct{ InvoiceID, Amount string }
			}
			UserErrors []userErr
		}
	}
	finance.gql(`mutation($c: ID!, $i: ID!) { recordCustomerPayment(input: {customerId: $c, amount: "800", allocations: [{invoiceId: $i, amount: "772.93"}]}) {
		payment { id } userErrors { code field message } } }`, map[string]any{"c": cid, "i": invID}, &pay)
	if ues := pay.RecordCustomerPayment.UserErrors; len(ues) != 1 || ues[0].Field != "input.allocations.0.amount" {
		t.Fatalf("over-allocation: %+v", ues)
	}
	finance.gql(`mutation($c: ID!) { recordCustomerPayment(input: {customerId: $c, amount: "800", reference: "网银"}) {
		payment { id appliedAmount unapplied allocations { invoiceId amount } } userErrors { code field message } } }`, map[string]any{"c": cid}, &pay)
	noUserErrors(t, "recordCustomerPayment", pay.RecordCustomerPayment.UserErrors)
	if p := pay.RecordCustomerPayment.Payment; p.AppliedAmount != "772.92" || p.Unapplied != "27.08" || len(p.Allocations) != 1 {
		t.Fatalf("payment %+v", p)
	}
	wantPostings(t, finance, "payment", "CUSTOMER_PAYMENT", pay.RecordCustomerPayment.Payment.ID,
		[]string{"1002 D 800", "1122 C 772.92", "2203 C 27.08"}, nil)

	// Return 2 of the 6: back at 100.00; credit 228.00 + 29.64.
	var ret struct {
		CreateSalesReturn struct {
			SalesReturn struct{ ID, TotalAmount, OpenCredit string }
			UserErrors  []userErr
		}
	}
	retOp := `mutation($s: ID!, $l: ID!, $q: Decimal!) { createSalesReturn(input: {shipmentId: $s, reason: "破损", lines: [{shipmentLineId: $l, quantity: $q}]}) {
		salesReturn { id totalAmount openCredit } userErrors { code field message } } }`
	sales.gql(retOp, map[string]any{"s": sh.ID, "l": ship.ShipShipment.Shipment.Lines[0].ID, "q": "7"}, &ret)
	if ues := ret.CreateSalesReturn.UserErrors; len(ues) != 1 || ues[0].Field != "input.lines.0.quantity" {
		t.Fatalf("returning more than shipped: %+v", ues)
	}
	sales.gql(retOp, map[string]any{"s": sh.ID, "l": ship.ShipShipment.Shipment.Lines[0].ID, "q": "2"}, &ret)
	noUserErrors(t, "createSalesReturn", ret.CreateSalesReturn.UserErrors)
	// The cost restocked is MARGINS_AND_COSTS, not sales' to read: the postings show it.
	if r := ret.CreateSalesReturn.SalesReturn; r.TotalAmount != "257.64" || r.OpenCredit != "257.64" {
		t.Fatalf("return %+v", r)
	}
	wantPostings(t, finance, "return", "SALES_RETURN", ret.CreateSalesReturn.SalesReturn.ID,
		[]string{"1405 D 100", "6401 C 100", "6001 D 228", "2221.01.02 D 29.64", "1122 C 257.64"}, []string{east.Code + " 2 100"})

	var refund struct {
		RefundCustomer struct {
			Refund     struct{ ID, Amount string }
			UserErrors []userErr
		}
	}
	finance.gql(`mutation($r: ID!) { refundCustomer(input: {returnId: $r, amount: "257.64"}) { refund { id amount } userErrors { code field message } } }`,
		map[string]any{"r": ret.CreateSalesReturn.SalesReturn.ID}, &refund)
	noUserErrors(t, "refundCustomer", refund.RefundCustomer.UserErrors)
	wantPostings(t, finance, "refund", "CUSTOMER_REFUND", refund.RefundCustomer.Refund.ID, []string{"1122 D 257.64", "1002 C 257.64"}, nil)

	// The customer's page: balances, history, top products, satisfaction.
	var page struct {
		Customer struct {
			OpenBalance, OverdueAmount, CreditAvailable string
			OnCreditHold                                bool
			Orders                                      struct{ TotalCount int }
			Shipments                                   struct{ TotalCount int }
			Invoices                                    struct{ TotalCount int }
			Payments                                    struct{ TotalCount int }
			Returns                                     struct{ TotalCount int }
			TopProducts                                 []struct {
				Product  struct{ Sku string }
				Quantity string
			}
			Satisfaction struct {
				Rated          int
				SatisfiedShare string
			}
		}
	}
	sales.gql(`query($c: ID!) { customer(id: $c) { openBalance overdueAmount creditAvailable onCreditHold
		orders { totalCount } shipments { totalCount } invoices { totalCount } payments { totalCount } returns { totalCount }
		topProducts { product { sku } quantity } satisfaction { rated satisfiedShare } } }`, map[string]any{"c": cid}, &page)
	c := page.Customer
	// Open: the 27.08 unapplied. Exposure adds the uninvoiced rest of the
	// order: 1288.20 - 772.92 = 515.28.
	if c.OpenBalance != "-27.08" || c.OverdueAmount != "0" || c.CreditAvailable != "9511.8" || c.OnCreditHold ||
		c.Orders.TotalCount != 1 || c.Shipments.TotalCount != 2 || c.Invoices.TotalCount != 1 || c.Payments.TotalCount != 1 || c.Returns.TotalCount != 1 ||
		len(c.TopProducts) != 1 || c.TopProducts[0].Product.Sku != "T-O2C" || c.Satisfaction.Rated != 1 || c.Satisfaction.SatisfiedShare != "1" {
		t.Fatalf("customer page %+v", c)
	}
	var aging struct {
		ReceivablesAging struct {
			Total struct{ Total string }
		}
	}
	finance.gql(`query($c: ID!) { receivablesAging(customerId: $c) { total { total } } }`, map[string]any{"c": cid}, &aging)
	if aging.ReceivablesAging.Total.Total != "0" {
		t.Fatalf("aging %+v", aging)
	}
	// An analyst reads but may not confirm.
	analyst := app.client(t).mustLogin("analyst")
	if r := analyst.do(`mutation($id: ID!) { confirmSalesOrder(id: $id) { order { id } } }`, map[string]any{"id": o.ID}); r.code() != "FORBIDDEN" {
		t.Fatalf("analyst confirm: %+v", r.Errors)
	}
	b, _ := json.Marshal(page)
	t.Logf("customer page: %s", b)
}
