package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

type userErr struct{ Code, Field, Message string }

func noUserErrors(t *testing.T, what string, ues []userErr) {
	t.Helper()
	if len(ues) > 0 {
		t.Fatalf("%s: userErrors %+v", what, ues)
	}
}

func decEq(t *testing.T, what, got, want string) {
	t.Helper()
	g, err := decimal.NewFromString(got)
	if err != nil || !g.Equal(decimal.RequireFromString(want)) {
		t.Fatalf("%s = %q, want %s", what, got, want)
	}
}

// cycle is the state of TestProcureToPayThroughGraphQL.
type cycle struct {
	t                                  *testing.T
	admin, purch, mgr, wh, fin         *client
	base                               map[string]decimal.Decimal
	p1, p2, wid, supA, supB, managerID string
}

func (c *cycle) balances() map[string]decimal.Decimal {
	var r struct {
		Accounts []struct{ Code, Balance string }
	}
	c.fin.gql(`{ accounts { code balance } }`, nil, &r)
	out := map[string]decimal.Decimal{}
	for _, a := range r.Accounts {
		out[a.Code] = decimal.RequireFromString(a.Balance)
	}
	return out
}

// books checks the whole books (invariants 1-6, with 5 for AP and GRNI) and
// the change of some accounts since the start of the test.
func (c *cycle) books(step string, want map[string]string) {
	c.t.Helper()
	var r struct {
		BooksCheck struct {
			Ok         bool
			Violations []struct{ Rule, Message string }
		}
	}
	c.fin.gql(`{ booksCheck { ok violations { rule message } } }`, nil, &r)
	if !r.BooksCheck.Ok {
		c.t.Fatalf("%s: books check %+v", step, r.BooksCheck.Violations)
	}
	now := c.balances()
	for code, w := range want {
		got := now[code].Sub(c.base[code])
		if !got.Equal(decimal.RequireFromString(w)) {
			c.t.Fatalf("%s: account %s moved by %s since the start, want %s", step, code, got, w)
		}
	}
}

// budgetLine creates a budget line of cost centre TEST-OPS for the month
// of period, owned by the manager, and returns its id.
func (c *cycle) budgetLine(step string, period map[string]any, account, amount, policy string) string {
	c.t.Helper()
	var bl struct {
		CreateBudgetLine struct {
			BudgetLine struct{ ID string }
			UserErrors []userErr
		}
	}
	c.fin.gql(fmt.Sprintf(`mutation($y: Int!, $m: Int!, $o: ID) { createBudgetLine(input: {year: $y, month: $m, costCentre: "TEST-OPS", accountCode: "%s",
		amount: "%s", policy: %s, ownerId: $o}) { budgetLine { id } userErrors { code field message } } }`, account, amount, policy),
		map[string]any{"y": period["y"], "m": period["m"], "o": c.managerID}, &bl)
	noUserErrors(c.t, step, bl.CreateBudgetLine.UserErrors)
	return bl.CreateBudgetLine.BudgetLine.ID
}

type line struct{ Account, Debit, Credit string }

// entry asserts the journal lines of a document's entry, in order.
func (c *cycle) entry(step, sourceType, sourceID string, want ...line) {
	c.t.Helper()
	entries := c.fin.journalLines(sourceType, sourceID)
	if len(entries) != 1 {
		c.t.Fatalf("%s: %d entries for %s %s", step, len(entries), sourceType, sourceID)
	}
	got := entries[0]
	if len(got) != len(want) {
		c.t.Fatalf("%s: entry lines %+v, want %+v", step, got, want)
	}
	for i, w := range want {
		g := got[i]
		if g.Account.Code != w.Account {
			c.t.Fatalf("%s: line %d is %s, want %s (%+v)", step, i, g.Account.Code, w.Account, got)
		}
		decEq(c.t, fmt.Sprintf("%s: line %d (%s) debit", step, i, w.Account), g.Debit, w.Debit)
		decEq(c.t, fmt.Sprintf("%s: line %d (%s) credit", step, i, w.Account), g.Credit, w.Credit)
	}
}

type move struct{ SKU, Qty, Value string }

// moves asserts the stock moves of a document, in order.
func (c *cycle) moves(step, sourceType, sourceID string, want ...move) {
	c.t.Helper()
	var r struct {
		StockMoves struct {
			Nodes []struct {
				Product         struct{ Sku string }
				Quantity, Value string
			}
		}
	}
	c.fin.gql(`query($t: SourceType, $id: ID) { stockMoves(filter: {sourceType: $t, sourceId: $id}, orderBy: {direction: ASC}) { nodes { product { sku } quantity value } } }`,
		map[string]any{"t": sourceType, "id": sourceID}, &r)
	got := r.StockMoves.Nodes
	if len(got) != len(want) {
		c.t.Fatalf("%s: moves %+v, want %+v", step, got, want)
	}
	for i, w := range want {
		if got[i].Product.Sku != w.SKU {
			c.t.Fatalf("%s: move %d is %s, want %s", step, i, got[i].Product.Sku, w.SKU)
		}
		decEq(c.t, fmt.Sprintf("%s: move %d quantity", step, i), got[i].Quantity, w.Qty)
		decEq(c.t, fmt.Sprintf("%s: move %d value", step, i), got[i].Value, w.Value)
	}
}

// orderGRNI is GRNI by the order's own lines: received less invoiced at order price.
func (c *cycle) orderGRNI(step, poID, want string) {
	c.t.Helper()
	var r struct {
		PurchaseOrder struct {
			Status string
			Lines  []struct{ GrniBalance string }
		}
	}
	c.fin.gql(`query($id: ID!) { purchaseOrder(id: $id) { status lines { grniBalance } } }`, map[string]any{"id": poID}, &r)
	sum := decimal.Zero
	for _, l := range r.PurchaseOrder.Lines {
		sum = sum.Add(decimal.RequireFromString(l.GrniBalance))
	}
	if !sum.Equal(decimal.RequireFromString(want)) {
		c.t.Fatalf("%s: the order's GRNI is %s, want %s", step, sum, want)
	}
}

func (c *cycle) level(sku, wantOnHand, wantValue string) {
	c.t.Helper()
	pid := c.p1
	if sku == "TP-2" {
		pid = c.p2
	}
	var r struct {
		StockLevels struct {
			Nodes []struct{ OnHand, Value string }
		}
	}
	c.fin.gql(`query($p: ID, $w: ID) { stockLevels(filter: {productId: $p, warehouseId: $w}) { nodes { onHand value } } }`,
		map[string]any{"p": pid, "w": c.wid}, &r)
	if len(r.StockLevels.Nodes) != 1 {
		c.t.Fatalf("stock of %s: %+v", sku, r)
	}
	decEq(c.t, sku+" on hand", r.StockLevels.Nodes[0].OnHand, wantOnHand)
	decEq(c.t, sku+" value", r.StockLevels.Nodes[0].Value, wantValue)
}

func (c *cycle) alerts(subject, kind string) int {
	var r struct {
		Alerts struct {
			Nodes []struct{ Subject, OwnerId string }
		}
	}
	c.mgr.gql(`query($k: [String!]) { alerts(kinds: $k, mine: true, first: 200) { nodes { subject ownerId } } }`, map[string]any{"k": []string{kind}}, &r)
	n := 0
	for _, a := range r.Alerts.Nodes {
		if a.Subject == subject {
			n++
		}
	}
	return n
}

// TestProcureToPayThroughGraphQL runs the whole cycle through the API as the
// role that does each step: suggestion, order, approval against a budget
// (BLOCK refuses, then passes), receipt with a rejection found by barcode,
// invoice with a price variance, landed cost with goods partly gone,
// a three-way mismatch that blocks payment until approved, payment, and
// operating costs against a WARN budget with 80/100 % alerts once each.
// Every stock move and journal line is asserted, and booksCheck (with
// invariant 5: AP = open invoices, GRNI = received not invoiced) is clean
// after every step.
func TestProcureToPayThroughGraphQL(t *testing.T) {
	app := newTestApp(t)
	c := &cycle{t: t, admin: app.client(t).mustLogin("admin"), purch: app.client(t).mustLogin("purchasing"),
		mgr: app.client(t).mustLogin("manager"), wh: app.client(t).mustLogin("warehouse"), fin: app.client(t).mustLogin("finance")}
	c.base = c.balances()
	today := jxc.Today(time.Now())
	period := map[string]any{"y": today.Year, "m": int(today.Month)}
	var me struct{ Me struct{ ID string } }
	c.mgr.gql(`{ me { id } }`, nil, &me)
	c.managerID = me.Me.ID

	// Master data: a warehouse, two products under their reorder points, two suppliers.
	var wh struct {
		CreateWarehouse struct {
			Warehouse  struct{ ID string }
			UserErrors []userErr
		}
	}
	c.wh.gql(`mutation { createWarehouse(input: {code: "W-TEST", name: "测试仓"}) { warehouse { id } userErrors { code field message } } }`, nil, &wh)
	noUserErrors(t, "warehouse", wh.CreateWarehouse.UserErrors)
	c.wid = wh.CreateWarehouse.Warehouse.ID
	mkProduct := func(sku, barcode, rp, rq string) string {
		var r struct {
			CreateProduct struct {
				Product    struct{ ID string }
				UserErrors []userErr
			}
		}
		c.wh.gql(`mutation($s: String!, $b: String!, $rp: Decimal!, $rq: Decimal!) { createProduct(input: {sku: $s, name: $s, unit: "个",
			barcodes: [$b], reorderPoint: $rp, reorderQuantity: $rq}) { product { id } userErrors { code field message } } }`,
			map[string]any{"s": sku, "b": barcode, "rp": rp, "rq": rq}, &r)
		noUserErrors(t, "product "+sku, r.CreateProduct.UserErrors)
		return r.CreateProduct.Product.ID
	}
	c.p1 = mkProduct("TP-1", "TP1-0001", "10", "20")
	c.p2 = mkProduct("TP-2", "TP2-0002", "5", "10")
	var os struct {
		PostOpeningStock struct{ UserErrors []userErr }
	}
	c.fin.gql(`mutation($w: ID!, $p1: ID!, $p2: ID!) { postOpeningStock(input: {lines: [
		{productId: $p1, warehouseId: $w, quantity: "2", unitCost: "40"}, {productId: $p2, warehouseId: $w, quantity: "1", unitCost: "90"}]}) { userErrors { code field message } } }`,
		map[string]any{"w": c.wid, "p1": c.p1, "p2": c.p2}, &os)
	noUserErrors(t, "opening stock", os.PostOpeningStock.UserErrors)
	mkSupplier := func(code string, lead int) string {
		var r struct {
			CreateSupplier struct {
				Supplier   struct{ ID string }
				UserErrors []userErr
			}
		}
		c.purch.gql(`mutation($c: String!, $l: Int!) { createSupplier(input: {code: $c, name: $c, leadTimeDays: $l, paymentTermsDays: 30,
			contacts: [{name: "张三", phone: "13800000000"}]}) { supplier { id } userErrors { code field message } } }`,
			map[string]any{"c": code, "l": lead}, &r)
		noUserErrors(t, "supplier "+code, r.CreateSupplier.UserErrors)
		return r.CreateSupplier.Supplier.ID
	}
	c.supA, c.supB = mkSupplier("T-SUP-A", 5), mkSupplier("T-SUP-B", 3)
	offer := func(sup, product, price string) {
		var r struct {
			SetSupplierProduct struct{ UserErrors []userErr }
		}
		c.purch.gql(`mutation($s: ID!, $p: ID!, $price: Decimal!) { setSupplierProduct(input: {supplierId: $s, productId: $p, price: $price}) { userErrors { code field message } } }`,
			map[string]any{"s": sup, "p": product, "price": price}, &r)
		noUserErrors(t, "offer", r.SetSupplierProduct.UserErrors)
	}
	offer(c.supA, c.p1, "50")
	offer(c.supB, c.p1, "48")
	offer(c.supB, c.p2, "100")
	c.books("setup", map[string]string{"1405": "170"})

	// 1. Suggestions: reorder quantity or shortage, whichever is larger; the
	// best supplier (equal scorecards without history: the cheaper one).
	var sg struct {
		PurchaseSuggestions []struct {
			Product      struct{ Sku string }
			Quantity     string
			Shortage     string
			Supplier     *struct{ Code string }
			UnitPrice    string
			ExpectedDate string
		}
	}
	c.purch.gql(`query($w: ID) { purchaseSuggestions(warehouseId: $w) { product { sku } quantity shortage supplier { code } unitPrice expectedDate } }`,
		map[string]any{"w": c.wid}, &sg)
	if len(sg.PurchaseSuggestions) != 2 {
		t.Fatalf("suggestions %+v", sg)
	}
	s1, s2 := sg.PurchaseSuggestions[0], sg.PurchaseSuggestions[1]
	decEq(t, "TP-1 suggested", s1.Quantity, "20")
	decEq(t, "TP-1 shortage", s1.Shortage, "8")
	decEq(t, "TP-2 suggested", s2.Quantity, "10")
	if s1.Supplier == nil || s1.Supplier.Code != "T-SUP-B" || s1.ExpectedDate != today.AddDays(3).String() {
		t.Fatalf("TP-1 suggestion %+v", s1)
	}
	decEq(t, "TP-1 price", s1.UnitPrice, "48")

	// 2. Selected suggestions become one draft order per supplier.
	var fromSug struct {
		CreatePurchaseOrdersFromSuggestions struct {
			PurchaseOrders []struct {
				ID, Status string
				Supplier   struct{ Code string }
				Lines      []struct{ ID, Quantity, UnitPrice string }
				NetAmount  string
			}
			UserErrors []userErr
		}
	}
	c.purch.gql(`mutation($w: ID!, $p1: ID!, $p2: ID!) { createPurchaseOrdersFromSuggestions(input: {costCentre: "TEST-OPS",
		lines: [{productId: $p1, warehouseId: $w}, {productId: $p2, warehouseId: $w}]}) {
		purchaseOrders { id status supplier { code } lines { id quantity unitPrice } netAmount } userErrors { code field message } } }`,
		map[string]any{"w": c.wid, "p1": c.p1, "p2": c.p2}, &fromSug)
	noUserErrors(t, "orders from suggestions", fromSug.CreatePurchaseOrdersFromSuggestions.UserErrors)
	pos := fromSug.CreatePurchaseOrdersFromSuggestions.PurchaseOrders
	if len(pos) != 1 || pos[0].Status != "DRAFT" || pos[0].Supplier.Code != "T-SUP-B" || len(pos[0].Lines) != 2 {
		t.Fatalf("orders from suggestions %+v", pos)
	}
	po := pos[0]
	decEq(t, "order net", po.NetAmount, "1960")
	l1, l2 := po.Lines[0].ID, po.Lines[1].ID

	// Bad input: every error at once, each naming its field, nothing written.
	var bad struct {
		CreatePurchaseOrder struct {
			PurchaseOrder *struct{ ID string }
			UserErrors    []userErr
		}
	}
	c.purch.gql(`mutation($w: ID!, $p: ID!) { createPurchaseOrder(input: {supplierId: "999999", warehouseId: $w, lines: [
		{productId: $p, quantity: "0"}, {productId: $p, quantity: "1.00001"}]}) { purchaseOrder { id } userErrors { code field message } } }`,
		map[string]any{"w": c.wid, "p": c.p1}, &bad)
	if ue := bad.CreatePurchaseOrder.UserErrors; bad.CreatePurchaseOrder.PurchaseOrder != nil || len(ue) != 3 ||
		ue[0].Field != "input.lines.0.quantity" || ue[1].Field != "input.lines.1.quantity" || ue[2].Field != "input.lines.1.productId" {
		t.Fatalf("bad order: %+v", bad)
	}
	c.purch.gql(`mutation($w: ID!, $p: ID!) { createPurchaseOrder(input: {supplierId: "999999", warehouseId: $w, lines: [
		{productId: $p, quantity: "1"}]}) { purchaseOrder { id } userErrors { code field message } } }`,
		map[string]any{"w": c.wid, "p": c.p1}, &bad)
	if ue := bad.CreatePurchaseOrder.UserErrors; len(ue) != 1 || ue[0].Field != "input.supplierId" || ue[0].Code != "NOT_FOUND" {
		t.Fatalf("unknown supplier: %+v", bad)
	}
	var count struct{ PurchaseOrders struct{ TotalCount int } }
	c.purch.gql(`query($s: ID) { purchaseOrders(filter: {supplierId: $s}) { totalCount } }`, map[string]any{"s": c.supB}, &count)
	if count.PurchaseOrders.TotalCount != 1 {
		t.Fatalf("refused orders wrote something: %d orders", count.PurchaseOrders.TotalCount)
	}

	// 3. Approval runs the budget check: BLOCK refuses, saying by how much.
	goodsLine := c.budgetLine("budget line", period, "1405", "1500", "BLOCK")
	type orderPayload struct {
		PurchaseOrder *struct{ Status string }
		Warnings      []string
		UserErrors    []userErr
	}
	var sub struct{ SubmitPurchaseOrder orderPayload }
	c.purch.gql(`mutation($id: ID!) { submitPurchaseOrder(id: $id) { purchaseOrder { status } warnings userErrors { code field message } } }`, map[string]any{"id": po.ID}, &sub)
	noUserErrors(t, "submit", sub.SubmitPurchaseOrder.UserErrors)
	var appr struct{ ApprovePurchaseOrder orderPayload }
	approve := `mutation($id: ID!) { approvePurchaseOrder(id: $id) { purchaseOrder { status } warnings userErrors { code field message } } }`
	c.mgr.gql(approve, map[string]any{"id": po.ID}, &appr)
	if ue := appr.ApprovePurchaseOrder.UserErrors; len(ue) != 1 || ue[0].Code != "CONFLICT" || ue[0].Field != "id" ||
		!(strings.Contains(ue[0].Message, "exceeded by 460") || strings.Contains(ue[0].Message, "超支 460")) {
		t.Fatalf("BLOCK budget: %+v", appr)
	}
	var st struct{ PurchaseOrder struct{ Status string } }
	c.purch.gql(`query($id: ID!) { purchaseOrder(id: $id) { status } }`, map[string]any{"id": po.ID}, &st)
	if st.PurchaseOrder.Status != "SUBMITTED" {
		t.Fatalf("a refused approval left the order %s", st.PurchaseOrder.Status)
	}
	var upd struct {
		UpdateBudgetLine struct {
			BudgetLine struct{ Committed string }
			UserErrors []userErr
		}
	}
	c.fin.gql(`mutation($id: ID!) { updateBudgetLine(input: {id: $id, amount: "2400"}) { budgetLine { committed } userErrors { code field message } } }`,
		map[string]any{"id": goodsLine}, &upd)
	noUserErrors(t, "raise budget", upd.UpdateBudgetLine.UserErrors)
	decEq(t, "nothing committed by the refused approval", upd.UpdateBudgetLine.BudgetLine.Committed, "0")
	c.mgr.gql(approve, map[string]any{"id": po.ID}, &appr)
	noUserErrors(t, "approve", appr.ApprovePurchaseOrder.UserErrors)
	if appr.ApprovePurchaseOrder.PurchaseOrder.Status != "APPROVED" || len(appr.ApprovePurchaseOrder.Warnings) != 0 {
		t.Fatalf("approve: %+v", appr)
	}
	if n := c.alerts("budgetLine:"+goodsLine, "BUDGET_80"); n != 1 {
		t.Fatalf("81.67 %% of the goods budget: %d BUDGET_80 alerts", n)
	}
	c.books("approved", map[string]string{"1405": "170", "2202.02": "0"})

	// 4. Receipt: TP-1 found by its barcode, 2 rejected; only accepted goods
	// enter stock, at the order price.
	type receiptPayload struct {
		PostGoodsReceipt struct {
			GoodsReceipt *struct {
				ID    string
				Lines []struct{ AcceptedQuantity, RejectedQuantity, Value string }
			}
			UserErrors []userErr
		}
	}
	var byBarcode struct {
		PurchaseOrderLineByBarcode struct{ ID, OpenQuantity string }
	}
	c.wh.gql(`query($po: ID!) { purchaseOrderLineByBarcode(purchaseOrderId: $po, barcode: "TP1-0001") { id openQuantity } }`, map[string]any{"po": po.ID}, &byBarcode)
	if byBarcode.PurchaseOrderLineByBarcode.ID != l1 {
		t.Fatalf("barcode found line %+v, want %s", byBarcode, l1)
	}
	var rc receiptPayload
	receipt := `mutation($in: GoodsReceiptInput!) { postGoodsReceipt(input: $in) { goodsReceipt { id lines { acceptedQuantity rejectedQuantity value } } userErrors { code field message } } }`
	c.wh.gql(receipt, map[string]any{"in": map[string]any{"purchaseOrderId": po.ID, "lines": []any{
		map[string]any{"purchaseOrderLineId": l1, "acceptedQuantity": "21"},
		map[string]any{"purchaseOrderLineId": l2, "acceptedQuantity": "1", "rejectedQuantity": "1"},
	}}}, &rc)
	if ue := rc.PostGoodsReceipt.UserErrors; rc.PostGoodsReceipt.GoodsReceipt != nil || len(ue) != 2 ||
		ue[0].Field != "input.lines.1.rejectionReason" || ue[1].Field != "input.lines.0.acceptedQuantity" {
		t.Fatalf("bad receipt: %+v", rc)
	}
	c.wh.gql(receipt, map[string]any{"in": map[string]any{"purchaseOrderId": po.ID, "lines": []any{
		map[string]any{"barcode": "TP1-0001", "acceptedQuantity": "18", "rejectedQuantity": "2", "rejectionReason": "damaged in transit"},
		map[string]any{"purchaseOrderLineId": l2, "acceptedQuantity": "10"},
	}}}, &rc)
	noUserErrors(t, "receipt 1", rc.PostGoodsReceipt.UserErrors)
	gr1 := rc.PostGoodsReceipt.GoodsReceipt.ID
	c.moves("receipt 1", "PURCHASE_RECEIPT", gr1, move{"TP-1", "18", "864"}, move{"TP-2", "10", "1000"})
	// Inventory lines are one per product; GRNI is one line.
	c.entry("receipt 1", "PURCHASE_RECEIPT", gr1, line{"1405", "864", "0"}, line{"2202.02", "0", "1864"}, line{"1405", "1000", "0"})
	c.level("TP-1", "20", "944") // moving average 47.20
	c.level("TP-2", "11", "1090")
	c.orderGRNI("receipt 1", po.ID, "1864")
	c.books("receipt 1", map[string]string{"1405": "2034", "2202.02": "1864", "2202.01": "0"})

	// 5. Invoice within tolerance (48.50 against 48.00): GRNI cleared at
	// order price, the variance to 6404, input VAT, payables.
	type invoicePayload struct {
		PostSupplierInvoice struct {
			SupplierInvoice *struct {
				ID, Status, TotalAmount string
				MatchIssues             []struct{ Kind string }
			}
			UserErrors []userErr
		}
	}
	invoice := `mutation($in: SupplierInvoiceInput!) { postSupplierInvoice(input: $in) { supplierInvoice { id status totalAmount matchIssues { kind } } userErrors { code field message } } }`
	var inv invoicePayload
	c.fin.gql(invoice, map[string]any{"in": map[string]any{"purchaseOrderId": po.ID, "supplierInvoiceNumber": "B-1001", "lines": []any{
		map[string]any{"purchaseOrderLineId": l1, "quantity": "18", "unitPrice": "48.50"},
		map[string]any{"purchaseOrderLineId": l2, "quantity": "10", "unitPrice": "100"},
	}}}, &inv)
	noUserErrors(t, "invoice 1", inv.PostSupplierInvoice.UserErrors)
	inv1 := inv.PostSupplierInvoice.SupplierInvoice
	if inv1.Status != "OPEN" || len(inv1.MatchIssues) != 0 {
		t.Fatalf("invoice 1 %+v", inv1)
	}
	decEq(t, "invoice 1 total", inv1.TotalAmount, "2116.49")
	c.entry("invoice 1", "SUPPLIER_INVOICE", inv1.ID, line{"2202.02", "1864", "0"}, line{"6404", "9", "0"},
		line{"2221.01.01", "243.49", "0"}, line{"2202.01", "0", "2116.49"})
	c.orderGRNI("invoice 1", po.ID, "0")
	c.books("invoice 1", map[string]string{"2202.02": "0", "2202.01": "2116.49", "6404": "9", "2221.01.01": "-243.49"})
	c.fin.gql(invoice, map[string]any{"in": map[string]any{"purchaseOrderId": po.ID, "supplierInvoiceNumber": "B-1002", "lines": []any{
		map[string]any{"purchaseOrderLineId": l2, "quantity": "1", "unitPrice": "100"},
	}}}, &inv)
	if ue := inv.PostSupplierInvoice.UserErrors; len(ue) != 1 || ue[0].Code != "CONFLICT" || ue[0].Field != "input.lines.0.quantity" {
		t.Fatalf("over-invoicing: %+v", inv)
	}

	// 6. Landed cost after 5 of TP-2 were scrapped: TP-1's share raises its
	// value; of TP-2's share, 6/10 is on hand, 4/10 goes to COGS.
	var adj struct {
		PostStockAdjustment struct{ UserErrors []userErr }
	}
	c.wh.gql(`mutation($w: ID!, $p: ID!) { postStockAdjustment(input: {reason: SCRAP, lines: [{productId: $p, warehouseId: $w, direction: DECREASE, quantity: "5"}]}) { userErrors { code field message } } }`,
		map[string]any{"w": c.wid, "p": c.p2}, &adj)
	noUserErrors(t, "scrap", adj.PostStockAdjustment.UserErrors)
	c.level("TP-2", "6", "594.55") // 1090 - round(5 x 1090 / 11)
	var lc struct {
		PostLandedCost struct {
			LandedCost *struct {
				ID          string
				Allocations []struct{ Amount, OnHandAmount, SoldAmount string }
			}
			UserErrors []userErr
		}
	}
	c.fin.gql(`mutation($r: ID!) { postLandedCost(input: {kind: FREIGHT, basis: VALUE, amount: "100", receiptIds: [$r], payFrom: BANK}) {
		landedCost { id allocations { amount onHandAmount soldAmount } } userErrors { code field message } } }`, map[string]any{"r": gr1}, &lc)
	noUserErrors(t, "landed cost", lc.PostLandedCost.UserErrors)
	al := lc.PostLandedCost.LandedCost.Allocations
	decEq(t, "TP-1 share", al[0].Amount, "46.35")
	decEq(t, "TP-1 on hand", al[0].OnHandAmount, "46.35")
	decEq(t, "TP-2 share", al[1].Amount, "53.65")
	decEq(t, "TP-2 on hand", al[1].OnHandAmount, "32.19")
	decEq(t, "TP-2 sold", al[1].SoldAmount, "21.46")
	lcID := lc.PostLandedCost.LandedCost.ID
	c.moves("landed cost", "LANDED_COST", lcID, move{"TP-1", "-20", "-944"}, move{"TP-1", "20", "990.35"},
		move{"TP-2", "-6", "-594.55"}, move{"TP-2", "6", "626.74"})
	c.entry("landed cost", "LANDED_COST", lcID, line{"1405", "46.35", "0"}, line{"1405", "32.19", "0"}, line{"6401", "21.46", "0"}, line{"1002", "0", "100"})
	c.level("TP-1", "20", "990.35")
	c.books("landed cost", map[string]string{"6401": "21.46", "2202.02": "0"})

	// 7. The rest of TP-1 arrives (a retried scan posts once), and is
	// invoiced 25 % dearer: the three-way match puts the invoice on hold.
	key := map[string]any{"in": map[string]any{"purchaseOrderId": po.ID, "idempotencyKey": "scan-TP1-rest", "lines": []any{
		map[string]any{"barcode": "TP1-0001", "acceptedQuantity": "2"}}}}
	c.wh.gql(receipt, key, &rc)
	noUserErrors(t, "receipt 2", rc.PostGoodsReceipt.UserErrors)
	gr2 := rc.PostGoodsReceipt.GoodsReceipt.ID
	c.wh.gql(receipt, key, &rc)
	if rc.PostGoodsReceipt.GoodsReceipt.ID != gr2 {
		t.Fatalf("retry returned receipt %s, want %s", rc.PostGoodsReceipt.GoodsReceipt.ID, gr2)
	}
	c.moves("receipt 2", "PURCHASE_RECEIPT", gr2, move{"TP-1", "2", "96"})
	c.orderGRNI("receipt 2", po.ID, "96")
	c.books("receipt 2", map[string]string{"2202.02": "96"})
	c.fin.gql(invoice, map[string]any{"in": map[string]any{"purchaseOrderId": po.ID, "supplierInvoiceNumber": "B-1003", "lines": []any{
		map[string]any{"purchaseOrderLineId": l1, "quantity": "2", "unitPrice": "60"}}}}, &inv)
	noUserErrors(t, "invoice 2", inv.PostSupplierInvoice.UserErrors)
	inv2 := inv.PostSupplierInvoice.SupplierInvoice
	if inv2.Status != "ON_HOLD" || len(inv2.MatchIssues) != 1 || inv2.MatchIssues[0].Kind != "PRICE" {
		t.Fatalf("invoice 2 %+v", inv2)
	}
	c.entry("invoice 2", "SUPPLIER_INVOICE", inv2.ID, line{"2202.02", "96", "0"}, line{"6404", "24", "0"},
		line{"2221.01.01", "15.6", "0"}, line{"2202.01", "0", "135.6"})
	c.orderGRNI("invoice 2", po.ID, "0")
	c.purch.gql(`query($id: ID!) { purchaseOrder(id: $id) { status } }`, map[string]any{"id": po.ID}, &st)
	if st.PurchaseOrder.Status != "CLOSED" {
		t.Fatalf("fully received and invoiced order is %s", st.PurchaseOrder.Status)
	}
	c.books("invoice 2", map[string]string{"2202.02": "0", "2202.01": "2252.09"})

	// 8. Payment: blocked by the mismatch, then paid once finance approves.
	type paymentPayload struct {
		PostSupplierPayment struct {
			SupplierPayment *struct{ ID string }
			UserErrors      []userErr
		}
	}
	pay := `mutation($in: SupplierPaymentInput!) { postSupplierPayment(input: $in) { supplierPayment { id } userErrors { code field message } } }`
	payIn := map[string]any{"in": map[string]any{"supplierId": c.supB, "amount": "2252.09", "allocations": []any{
		map[string]any{"invoiceId": inv1.ID, "amount": "2116.49"}, map[string]any{"invoiceId": inv2.ID, "amount": "135.60"}}}}
	var pp paymentPayload
	c.fin.gql(pay, payIn, &pp)
	if ue := pp.PostSupplierPayment.UserErrors; pp.PostSupplierPayment.SupplierPayment != nil || len(ue) != 1 ||
		ue[0].Field != "input.allocations.1.invoiceId" || ue[0].Code != "CONFLICT" {
		t.Fatalf("payment of an invoice on hold: %+v", pp)
	}
	c.fin.gql(pay, map[string]any{"in": map[string]any{"supplierId": c.supB, "amount": "100", "allocations": []any{
		map[string]any{"invoiceId": inv1.ID, "amount": "99"}}}}, &pp)
	if ue := pp.PostSupplierPayment.UserErrors; len(ue) != 1 || ue[0].Field != "input.allocations" {
		t.Fatalf("allocations not adding up: %+v", pp)
	}
	c.books("payment refused", map[string]string{"2202.01": "2252.09", "1002": "-100"})
	var am struct {
		ApproveSupplierInvoiceMismatch struct {
			SupplierInvoice struct{ Status string }
			UserErrors      []userErr
		}
	}
	// Finance posted the invoice, so finance may not approve its mismatch
	// (separation of duties): the manager does.
	approveMismatch := `mutation($id: ID!) { approveSupplierInvoiceMismatch(id: $id) { supplierInvoice { status } userErrors { code field message } } }`
	c.fin.gql(approveMismatch, map[string]any{"id": inv2.ID}, &am)
	if ue := am.ApproveSupplierInvoiceMismatch.UserErrors; len(ue) != 1 || ue[0].Code != "DUTY_SEPARATION" || ue[0].Field != "id" {
		t.Fatalf("the poster approving the mismatch: %+v", am)
	}
	c.mgr.gql(approveMismatch, map[string]any{"id": inv2.ID}, &am)
	noUserErrors(t, "approve mismatch", am.ApproveSupplierInvoiceMismatch.UserErrors)
	c.fin.gql(pay, payIn, &pp)
	noUserErrors(t, "payment", pp.PostSupplierPayment.UserErrors)
	c.entry("payment", "SUPPLIER_PAYMENT", pp.PostSupplierPayment.SupplierPayment.ID, line{"2202.01", "2252.09", "0"}, line{"1002", "0", "2252.09"})
	c.books("payment", map[string]string{"2202.01": "0", "2202.02": "0", "1002": "-2352.09"})

	// 9. Operating costs against a WARN budget: warnings past 100 %, and
	// the owner alerted at 80 % and at 100 %, once each.
	opsLine := c.budgetLine("budget line 2", period, "6602", "1000", "WARN")
	type ocPayload struct {
		PostOperatingCost struct {
			OperatingCost *struct{ ID string }
			Warnings      []string
			UserErrors    []userErr
		}
	}
	postCost := func(amount, payFrom string, extra map[string]any) ocPayload {
		in := map[string]any{"category": "RENT", "costCentre": "TEST-OPS", "accountCode": "6602", "amount": amount, "payFrom": payFrom,
			"description": "warehouse rent"}
		for k, v := range extra {
			in[k] = v
		}
		var r ocPayload
		c.fin.gql(`mutation($in: OperatingCostInput!) { postOperatingCost(input: $in) { operatingCost { id } warnings userErrors { code field message } } }`,
			map[string]any{"in": in}, &r)
		noUserErrors(t, "operating cost "+amount, r.PostOperatingCost.UserErrors)
		return r
	}
	subject := "budgetLine:" + opsLine
	r1 := postCost("500", "BANK", nil)
	if len(r1.PostOperatingCost.Warnings) != 0 || c.alerts(subject, "BUDGET_80") != 0 {
		t.Fatalf("50 %%: %+v", r1)
	}
	c.entry("operating cost", "OPERATING_COST", r1.PostOperatingCost.OperatingCost.ID, line{"6602", "500", "0"}, line{"1002", "0", "500"})
	r2 := postCost("400", "PAYABLE", map[string]any{"supplierId": c.supA, "supplierInvoiceNumber": "A-RENT-1"})
	c.entry("payable operating cost", "OPERATING_COST", r2.PostOperatingCost.OperatingCost.ID, line{"6602", "400", "0"}, line{"2202.01", "0", "400"})
	if c.alerts(subject, "BUDGET_80") != 1 || c.alerts(subject, "BUDGET_100") != 0 {
		t.Fatal("90 %: want one BUDGET_80 alert and no BUDGET_100")
	}
	r3 := postCost("200", "BANK", nil)
	if w := r3.PostOperatingCost.Warnings; len(w) != 1 || !strings.Contains(w[0], "将超支 100") {
		t.Fatalf("110 %% of a WARN line: warnings %+v", w)
	}
	postCost("50", "BANK", nil)
	if c.alerts(subject, "BUDGET_80") != 1 || c.alerts(subject, "BUDGET_100") != 1 {
		t.Fatal("past 100 %: want one BUDGET_80 and one BUDGET_100 alert in all")
	}
	var bud struct {
		BudgetLine struct{ Actual, Committed, Percent string }
	}
	c.fin.gql(`query($id: ID!) { budgetLine(id: $id) { actual committed percent } }`, map[string]any{"id": opsLine}, &bud)
	decEq(t, "operating budget actual", bud.BudgetLine.Actual, "1150")
	decEq(t, "operating budget percent", bud.BudgetLine.Percent, "115")
	c.fin.gql(`query($id: ID!) { budgetLine(id: $id) { actual committed percent } }`, map[string]any{"id": goodsLine}, &bud)
	decEq(t, "goods budget actual (invoiced)", bud.BudgetLine.Actual, "1993")
	decEq(t, "goods budget committed (nothing left to invoice)", bud.BudgetLine.Committed, "0")
	var roll struct {
		BudgetRollup []struct{ Key, Amount, Consumed string }
	}
	c.fin.gql(`query($y: Int!, $m: Int) { budgetRollup(year: $y, month: $m, by: DEPARTMENT) { key amount consumed } }`,
		map[string]any{"y": period["y"], "m": period["m"]}, &roll)
	found := false
	for _, r := range roll.BudgetRollup {
		if r.Key == "TEST-OPS" {
			found = true
			decEq(t, "TEST-OPS budget", r.Amount, "3400")
			decEq(t, "TEST-OPS consumed", r.Consumed, "3143")
		}
	}
	if !found {
		t.Fatalf("roll-up %+v", roll)
	}
	c.books("operating costs", map[string]string{"6602": "1150", "2202.01": "400", "1002": "-3102.09"})

	// 10. Payables aging: the open rent invoice, not yet due.
	var ag struct {
		PayablesAging struct {
			Rows []struct {
				Supplier struct{ Code string }
				Buckets  struct{ NotDue, Total string }
			}
		}
	}
	c.fin.gql(`query($d: Date!) { payablesAging(asOf: $d) { rows { supplier { code } buckets { notDue total } } } }`, map[string]any{"d": today.String()}, &ag)
	got := map[string]string{}
	for _, r := range ag.PayablesAging.Rows {
		got[r.Supplier.Code] = r.Buckets.Total
	}
	if _, ok := got["T-SUP-B"]; ok {
		t.Fatalf("the paid supplier is in the aging: %+v", ag)
	}
	decEq(t, "T-SUP-A open", got["T-SUP-A"], "400")
	c.fin.gql(`query($d: Date!) { payablesAging(asOf: $d) { rows { supplier { code } buckets { notDue total } } } }`,
		map[string]any{"d": today.AddDays(45).String()}, &ag)
	for _, r := range ag.PayablesAging.Rows {
		if r.Supplier.Code == "T-SUP-A" {
			decEq(t, "not due 45 days on", r.Buckets.NotDue, "0")
		}
	}

	// The scorecard now rates T-SUP-B from its history.
	var sc struct {
		Supplier struct {
			Scorecard struct {
				Receipts                                     int
				OnTimeRate, RejectionRate, InspectedQuantity string
				PriceTrends                                  []struct{ Points int }
			}
		}
	}
	c.purch.gql(`query($id: ID!) { supplier(id: $id) { scorecard { receipts onTimeRate rejectionRate inspectedQuantity priceTrends { points } } } }`,
		map[string]any{"id": c.supB}, &sc)
	card := sc.Supplier.Scorecard
	if card.Receipts != 2 || len(card.PriceTrends) != 2 {
		t.Fatalf("scorecard %+v", card)
	}
	decEq(t, "on-time rate", card.OnTimeRate, "1")
	decEq(t, "rejection rate", card.RejectionRate, "0.0625") // 2 of 32 inspected
	decEq(t, "inspected", card.InspectedQuantity, "32")
}
