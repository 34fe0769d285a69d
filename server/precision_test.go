package main

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
)

// Extreme figures, each just inside or far outside what the columns hold.
const (
	hugeQuantity = "99999999999999.9999" // fits NUMERIC(18,4), not a stock level's sum
	hugePrice    = "999999999999.999999" // fits NUMERIC(18,6)
	hugeMoney    = "9999999999999999.99" // fits NUMERIC(18,2), not an account's sum
)

// firstID returns the id of the first node a list query returns.
func firstID(t *testing.T, c *client, query string) string {
	t.Helper()
	var r map[string]struct{ Nodes []struct{ ID string } }
	c.gql(query, nil, &r)
	for _, l := range r {
		if len(l.Nodes) > 0 {
			return l.Nodes[0].ID
		}
	}
	t.Fatalf("%s: no nodes", query)
	return ""
}

// TestExtremeAmountsAreUserErrors sends extreme quantities, prices and
// amounts into every mutation that takes one: each is refused as a
// userError naming its field (no internal error, nothing written), and
// quantity x price is bounded at input so that the order the issue
// reports (accepted, then its receipt failed with a numeric overflow) is
// refused where it is entered.
func TestExtremeAmountsAreUserErrors(t *testing.T) {
	app := newTestApp(t)
	purch := app.client(t).mustLogin("purchasing")
	sales := app.client(t).mustLogin("sales")
	wh := app.client(t).mustLogin("warehouse")
	fin := app.client(t).mustLogin("finance")
	mgr := app.client(t).mustLogin("manager")

	product := firstID(t, wh, `{ products(first: 1) { nodes { id } } }`)
	warehouse := firstID(t, wh, `{ warehouses(first: 1) { nodes { id } } }`)
	supplier := firstID(t, purch, `{ suppliers(first: 1) { nodes { id } } }`)
	customer := firstID(t, sales, `{ customers(first: 1) { nodes { id } } }`)
	budgetLine := firstID(t, fin, `{ budgetLines(first: 1) { nodes { id } } }`)

	type call struct {
		name  string
		c     *client
		doc   string
		in    map[string]any
		field string // the field the refusal must name
	}
	lines := func(l ...map[string]any) []any {
		out := make([]any, len(l))
		for i := range l {
			out[i] = l[i]
		}
		return out
	}
	poLine := func(q, p string) map[string]any {
		return map[string]any{"productId": product, "quantity": q, "unitPrice": p}
	}
	const po = `mutation($in: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $in) { purchaseOrder { id } userErrors { code field message } } }`
	const so = `mutation($in: SalesOrderInput!) { createSalesOrder(input: $in) { order { id } userErrors { code field message } } }`
	const opening = `mutation($in: OpeningStockInput!) { postOpeningStock(input: $in) { document { id } userErrors { code field message } } }`
	const adjust = `mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { document { id } userErrors { code field message } } }`
	const journal = `mutation($in: JournalEntryInput!) { postJournalEntry(input: $in) { entry { id } userErrors { code field message } } }`
	calls := []call{
		// The order: each figure fits its column, their product does not.
		{"purchase order of the issue", purch, po, map[string]any{"supplierId": supplier, "warehouseId": warehouse,
			"lines": lines(poLine(hugeQuantity, hugePrice))}, "input.lines.0.quantity"},
		{"purchase order line over the amount bound", purch, po, map[string]any{"supplierId": supplier, "warehouseId": warehouse,
			"lines": lines(poLine("9999999999", "999999999999"))}, "input.lines.0.quantity"},
		{"purchase order whose lines sum over the bound", purch, po, map[string]any{"supplierId": supplier, "warehouseId": warehouse,
			"lines": lines(poLine("1000", "6000000000"), map[string]any{"productId": firstID(t, wh, `{ products(first: 1, after: "`+
				base64.RawURLEncoding.EncodeToString([]byte("pos:0"))+`") { nodes { id } } }`), "quantity": "1000", "unitPrice": "6000000000"})}, "input.lines"},
		{"sales order", sales, so, map[string]any{"customerId": customer, "warehouseId": warehouse,
			"lines": lines(map[string]any{"productId": product, "quantity": "9999999999", "unitPrice": "999999999999"})}, "input.lines.0.quantity"},
		{"sales order quantity", sales, so, map[string]any{"customerId": customer,
			"lines": lines(map[string]any{"productId": product, "quantity": hugeQuantity})}, "input.lines.0.quantity"},
		{"opening stock", fin, opening, map[string]any{"lines": lines(map[string]any{"productId": product, "warehouseId": warehouse,
			"quantity": "9999999999", "unitCost": "999999999999"})}, "input.lines.0.quantity"},
		{"stock increase", wh, adjust, map[string]any{"reason": "COUNT_VARIANCE", "lines": lines(map[string]any{"productId": product,
			"warehouseId": warehouse, "direction": "INCREASE", "quantity": "9999999999", "unitCost": "999999999999"})}, "input.lines.0.quantity"},
		{"stock decrease", wh, adjust, map[string]any{"reason": "SCRAP", "lines": lines(map[string]any{"productId": product,
			"warehouseId": warehouse, "direction": "DECREASE", "quantity": hugeQuantity})}, "input.lines.0.quantity"},
		{"journal entry line", fin, journal, map[string]any{"description": "big", "lines": lines(
			map[string]any{"accountCode": "1002", "debit": hugeMoney}, map[string]any{"accountCode": "6001", "credit": hugeMoney})}, "input.lines.0.debit"},
		{"journal entry total", fin, journal, map[string]any{"description": "big", "lines": lines(
			map[string]any{"accountCode": "1002", "debit": "6000000000000"}, map[string]any{"accountCode": "1002", "debit": "6000000000000"},
			map[string]any{"accountCode": "6001", "credit": "6000000000000"}, map[string]any{"accountCode": "6001", "credit": "6000000000000"})}, "input.lines"},
		{"customer payment", fin, `mutation($in: RecordCustomerPaymentInput!) { recordCustomerPayment(input: $in) { payment { id } userErrors { code field message } } }`,
			map[string]any{"customerId": customer, "amount": hugeMoney}, "input.amount"},
		{"supplier payment", fin, `mutation($in: SupplierPaymentInput!) { postSupplierPayment(input: $in) { supplierPayment { id } userErrors { code field message } } }`,
			map[string]any{"supplierId": supplier, "amount": hugeMoney, "allocations": []any{}}, "input.amount"},
		{"operating cost", fin, `mutation($in: OperatingCostInput!) { postOperatingCost(input: $in) { userErrors { code field message } } }`,
			map[string]any{"category": "OVERHEAD", "costCentre": "OPS", "accountCode": "6602", "amount": hugeMoney, "payFrom": "BANK", "description": "big"}, "input.amount"},
		{"budget line", fin, `mutation($in: CreateBudgetLineInput!) { createBudgetLine(input: $in) { budgetLine { id } userErrors { code field message } } }`,
			map[string]any{"year": 2026, "month": 1, "costCentre": "OPS", "accountCode": "6602", "amount": hugeMoney, "policy": "WARN"}, "input.amount"},
		{"budget line update", fin, `mutation($in: UpdateBudgetLineInput!) { updateBudgetLine(input: $in) { budgetLine { id } userErrors { code field message } } }`,
			map[string]any{"id": budgetLine, "amount": hugeMoney}, "input.amount"},
		{"credit limit", mgr, `mutation($in: UpdateCustomerInput!) { updateCustomer(input: $in) { customer { id } userErrors { code field message } } }`,
			map[string]any{"id": customer, "creditLimit": hugeMoney}, "input.creditLimit"},
		{"sell price", wh, `mutation($in: UpdateProductInput!) { updateProduct(input: $in) { product { id } userErrors { code field message } } }`,
			map[string]any{"id": product, "sellPrice": hugeMoney}, "input.sellPrice"},
		{"supplier price", purch, `mutation($in: SetSupplierProductInput!) { setSupplierProduct(input: $in) { userErrors { code field message } } }`,
			map[string]any{"supplierId": supplier, "productId": product, "price": "1000000000000"}, "input.price"},
		{"landed cost", fin, `mutation($in: LandedCostInput!) { postLandedCost(input: $in) { landedCost { id } userErrors { code field message } } }`,
			map[string]any{"kind": "FREIGHT", "basis": "VALUE", "amount": hugeMoney, "receiptIds": []any{"1"}, "payFrom": "BANK"}, "input.amount"},
		{"customer refund", fin, `mutation($in: RefundCustomerInput!) { refundCustomer(input: $in) { refund { id } userErrors { code field message } } }`,
			map[string]any{"paymentId": "1", "amount": hugeMoney}, "input.amount"},
		{"supplier invoice", fin, `mutation($in: SupplierInvoiceInput!) { postSupplierInvoice(input: $in) { supplierInvoice { id } userErrors { code field message } } }`,
			map[string]any{"purchaseOrderId": "1", "supplierInvoiceNumber": "BIG-1", "lines": lines(map[string]any{"purchaseOrderLineId": "1",
				"quantity": "9999999999", "unitPrice": "999999999999"})}, "input.lines.0.quantity"},
		{"sales return", sales, `mutation($in: CreateSalesReturnInput!) { createSalesReturn(input: $in) { salesReturn { id } userErrors { code field message } } }`,
			map[string]any{"shipmentId": "1", "lines": lines(map[string]any{"shipmentLineId": "1", "quantity": hugeQuantity})}, "input.lines.0.quantity"},
		{"safety stock", wh, `mutation($in: UpdateProductInput!) { updateProduct(input: $in) { product { id } userErrors { code field message } } }`,
			map[string]any{"id": product, "safetyStock": hugeQuantity}, "input.safetyStock"},
	}
	// A receipt of an approved order of the demo, far beyond any bound.
	var pos struct {
		PurchaseOrders struct {
			Nodes []struct {
				ID    string
				Lines []struct{ ID string }
			}
		}
	}
	purch.gql(`{ purchaseOrders(first: 1, filter: {status: [APPROVED, PARTIALLY_RECEIVED]}) { nodes { id lines { id } } } }`, nil, &pos)
	if len(pos.PurchaseOrders.Nodes) == 0 {
		t.Fatal("the demo has no approved purchase order")
	}
	openPO := pos.PurchaseOrders.Nodes[0]
	calls = append(calls, call{"goods receipt", wh, `mutation($in: GoodsReceiptInput!) { postGoodsReceipt(input: $in) { goodsReceipt { id } userErrors { code field message } } }`,
		map[string]any{"purchaseOrderId": openPO.ID, "lines": lines(map[string]any{"purchaseOrderLineId": openPO.Lines[0].ID, "acceptedQuantity": hugeQuantity})},
		"input.lines.0.acceptedQuantity"})
	for _, k := range calls {
		r := k.c.do(k.doc, map[string]any{"in": k.in})
		if len(r.Errors) > 0 {
			t.Errorf("%s: top-level error %s (%v)", k.name, r.Errors[0].Message, r.Errors[0].Extensions["code"])
			continue
		}
		var ues []userErr
		for _, raw := range r.Data {
			var p struct{ UserErrors []userErr }
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatalf("%s: %v", k.name, err)
			}
			ues = append(ues, p.UserErrors...)
		}
		// A receipt beyond its order is refused by the order's open
		// quantity first (CONFLICT); everything else by a bound (INVALID).
		code := "INVALID"
		if k.name == "goods receipt" {
			code = "CONFLICT"
		}
		found := false
		for _, ue := range ues {
			found = found || ue.Field == k.field && ue.Code == code
		}
		if !found {
			t.Errorf("%s: want a %s userError on %s, got %+v", k.name, code, k.field, ues)
		}
	}
}

// TestLargestAcceptedOrderReceives is the other side of the bound: an
// order just under it is accepted and its receipt posts (it used to be the
// receipt that failed, with an internal error).
func TestLargestAcceptedOrderReceives(t *testing.T) {
	app := newTestApp(t)
	purch := app.client(t).mustLogin("purchasing")
	mgr := app.client(t).mustLogin("manager")
	wh := app.client(t).mustLogin("warehouse")
	product := firstID(t, wh, `{ products(first: 1) { nodes { id } } }`)
	warehouse := firstID(t, wh, `{ warehouses(first: 1) { nodes { id } } }`)
	supplier := firstID(t, purch, `{ suppliers(first: 1) { nodes { id } } }`)
	var po struct {
		CreatePurchaseOrder struct {
			PurchaseOrder struct {
				ID    string
				Lines []struct{ ID string }
			}
			UserErrors []userErr
		}
	}
	purch.gql(`mutation($s: ID!, $w: ID!, $p: ID!) { createPurchaseOrder(input: {supplierId: $s, warehouseId: $w,
		lines: [{productId: $p, quantity: "9999", unitPrice: "999999999.999999"}]}) { purchaseOrder { id lines { id } } userErrors { code field message } } }`,
		map[string]any{"s": supplier, "w": warehouse, "p": product}, &po)
	noUserErrors(t, "create", po.CreatePurchaseOrder.UserErrors)
	id := po.CreatePurchaseOrder.PurchaseOrder.ID
	var st struct {
		SubmitPurchaseOrder  struct{ UserErrors []userErr }
		ApprovePurchaseOrder struct{ UserErrors []userErr }
	}
	purch.gql(`mutation($id: ID!) { submitPurchaseOrder(id: $id) { userErrors { code field message } } }`, map[string]any{"id": id}, &st)
	noUserErrors(t, "submit", st.SubmitPurchaseOrder.UserErrors)
	mgr.gql(`mutation($id: ID!) { approvePurchaseOrder(id: $id) { userErrors { code field message } } }`, map[string]any{"id": id}, &st)
	noUserErrors(t, "approve", st.ApprovePurchaseOrder.UserErrors)
	var rc struct {
		PostGoodsReceipt struct {
			GoodsReceipt *struct{ ID string }
			UserErrors   []userErr
		}
	}
	wh.gql(`mutation($po: ID!, $l: ID!) { postGoodsReceipt(input: {purchaseOrderId: $po, lines: [{purchaseOrderLineId: $l, acceptedQuantity: "9999"}]}) {
		goodsReceipt { id } userErrors { code field message } } }`, map[string]any{"po": id, "l": po.CreatePurchaseOrder.PurchaseOrder.Lines[0].ID}, &rc)
	noUserErrors(t, "receive", rc.PostGoodsReceipt.UserErrors)
	if rc.PostGoodsReceipt.GoodsReceipt == nil {
		t.Fatal("no receipt")
	}
}

// TestListEdgesAreNotInternal: a cursor whose position overflows is an
// invalid argument, and customers sort by open balance.
func TestListEdgesAreNotInternal(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	for _, pos := range []string{"9223372036854775807", "9223372036854775806", "99999999999999999999"} {
		after := base64.RawURLEncoding.EncodeToString([]byte("pos:" + pos))
		for _, q := range []string{`query($a: String) { customers(after: $a) { totalCount } }`, `query($a: String) { products(after: $a) { totalCount } }`,
			`query($a: String) { purchaseOrders(after: $a) { totalCount } }`, `query($a: String) { journalEntries(after: $a) { totalCount } }`} {
			r := app.client(t).mustLogin("manager").do(q, map[string]any{"a": after})
			if len(r.Errors) == 0 || r.code() != "INVALID" {
				t.Errorf("%s after pos:%s: want INVALID, got %+v", firstLine(q), pos, r.Errors)
			}
		}
	}
	for _, dir := range []string{"ASC", "DESC"} {
		var r struct {
			Customers struct {
				Nodes []struct{ Code, OpenBalance string }
			}
		}
		sales.gql(`query($d: SortDirection!) { customers(first: 200, orderBy: {field: OPEN_BALANCE, direction: $d}) { nodes { code openBalance } } }`,
			map[string]any{"d": dir}, &r)
		ns := r.Customers.Nodes
		if len(ns) < 2 {
			t.Fatalf("%d customers", len(ns))
		}
		distinct := false
		for i := 1; i < len(ns); i++ {
			a, b := decimal.RequireFromString(ns[i-1].OpenBalance), decimal.RequireFromString(ns[i].OpenBalance)
			if dir == "ASC" && a.GreaterThan(b) || dir == "DESC" && a.LessThan(b) {
				t.Fatalf("%s: %s (%s) before %s (%s)", dir, ns[i-1].Code, a, ns[i].Code, b)
			}
			distinct = distinct || !a.Equal(b)
		}
		if !distinct {
			t.Fatalf("every open balance is the same: the order proves nothing")
		}
	}
}
