package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
)

type workbenchSection struct {
	Key   string
	Count int
	Items []struct {
		Kind, ID, Number, Partner, Title, Reason string
		Date, Quantity                           *string
	}
}

const workbenchQuery = `query($limit: Int) { workbench(limit: $limit) { sections { key count items { kind id number partner title date quantity reason } } } }`

func (c *client) workbench(limit int) map[string]workbenchSection {
	c.t.Helper()
	var r struct {
		Workbench struct{ Sections []workbenchSection }
	}
	c.gql(workbenchQuery, map[string]any{"limit": limit}, &r)
	out := map[string]workbenchSection{}
	for _, s := range r.Workbench.Sections {
		out[s.Key] = s
	}
	return out
}

func sectionKeys(t *testing.T, c *client) []string {
	t.Helper()
	var r struct {
		Workbench struct{ Sections []workbenchSection }
	}
	c.gql(workbenchQuery, map[string]any{"limit": 1}, &r)
	var keys []string
	for _, s := range r.Workbench.Sections {
		keys = append(keys, s.Key)
	}
	return keys
}

// TestWorkbenchSectionsPerRoleAndCounts: each role sees the sections of
// its role only (admin all, analyst none), and each section's count and
// lines agree with an independent count of the demo's records.
func TestWorkbenchSectionsPerRoleAndCounts(t *testing.T) {
	app := newTestApp(t)
	want := map[string][]string{
		"sales":      {"CREDIT_HOLDS", "DRAFT_ORDERS", "SHORTAGES", "DELIVERIES_DUE"},
		"warehouse":  {"SHIPMENTS_TO_PICK", "RECEIPTS_DUE", "LOW_STOCK"},
		"purchasing": {"PURCHASE_SUGGESTIONS", "ORDERS_TO_SUBMIT", "LATE_DELIVERIES", "PRICE_RISES"},
		"finance":    {"INVOICES_TO_MATCH", "PAYMENTS_DUE", "HOLDS_TO_RELEASE", "PERIODS_TO_CLOSE", "BOOKS_CHECK"},
		"manager":    {"ORDER_APPROVALS", "BELOW_COST_SALES", "MISMATCH_APPROVALS"},
		"analyst":    nil,
	}
	var all []string
	for _, r := range []string{"sales", "warehouse", "purchasing", "finance", "manager"} {
		all = append(all, want[r]...)
	}
	want["admin"] = all
	clients := map[string]*client{}
	for role, keys := range want {
		clients[role] = app.client(t).mustLogin(role)
		if got := sectionKeys(t, clients[role]); !slices.Equal(got, keys) {
			t.Errorf("%s sees sections %v, want %v", role, got, keys)
		}
	}

	ctx := context.Background()
	today := jxc.Today(app.store.Now()).String()
	count := func(q string) int {
		t.Helper()
		var n int
		if err := app.store.GetContext(ctx, &n, q, today); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	holds := count(`SELECT count(*) FROM sales_orders WHERE status = 'ON_HOLD' AND $1 <> ''`)
	pending := count(`SELECT count(*) FROM shipments WHERE status = 'PENDING' AND $1 <> ''`)
	mismatches := count(`SELECT count(*) FROM supplier_invoices WHERE status = 'ON_HOLD' AND $1 <> ''`)
	sql := map[string]int{
		"CREDIT_HOLDS":       holds,
		"HOLDS_TO_RELEASE":   holds,
		"DRAFT_ORDERS":       count(`SELECT count(*) FROM sales_orders WHERE status = 'DRAFT' AND $1 <> ''`),
		"SHORTAGES":          count(`SELECT count(*) FROM replenishment_needs WHERE status = 'OPEN' AND $1 <> ''`),
		"DELIVERIES_DUE":     pending,
		"SHIPMENTS_TO_PICK":  pending,
		"RECEIPTS_DUE":       count(`SELECT count(*) FROM purchase_orders WHERE status IN ('APPROVED','PARTIALLY_RECEIVED') AND expected_date <= $1::date`),
		"LATE_DELIVERIES":    count(`SELECT count(*) FROM purchase_orders WHERE status IN ('APPROVED','PARTIALLY_RECEIVED') AND expected_date < $1::date`),
		"LOW_STOCK":          count(`SELECT count(*) FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id WHERE p.active AND w.active AND p.reorder_point > 0 AND b.on_hand - b.reserved < p.reorder_point AND $1 <> ''`),
		"ORDERS_TO_SUBMIT":   count(`SELECT count(*) FROM purchase_orders WHERE status = 'DRAFT' AND $1 <> ''`),
		"ORDER_APPROVALS":    count(`SELECT count(*) FROM purchase_orders WHERE status = 'SUBMITTED' AND $1 <> ''`),
		"INVOICES_TO_MATCH":  mismatches,
		"MISMATCH_APPROVALS": mismatches,
		"PAYMENTS_DUE":       count(`SELECT count(*) FROM supplier_invoices WHERE status = 'OPEN' AND paid_amount < total_amount AND due_date <= $1::date + 7`),
		"PERIODS_TO_CLOSE":   count(`SELECT count(*) FROM fiscal_periods WHERE status = 'OPEN' AND (year * 12 + month) < (extract(year FROM $1::date) * 12 + extract(month FROM $1::date))`),
		"PRICE_RISES": count(`SELECT count(*) FROM (SELECT DISTINCT ON (supplier_id, product_id) supplier_id, product_id, price, price_date,
			(SELECT h2.price FROM supplier_price_history h2 WHERE h2.supplier_id = h.supplier_id AND h2.product_id = h.product_id AND (h2.price_date, h2.id) < (h.price_date, h.id) ORDER BY h2.price_date DESC, h2.id DESC LIMIT 1) AS prev
			FROM supplier_price_history h ORDER BY supplier_id, product_id, price_date DESC, id DESC) x WHERE prev < price AND price_date > $1::date - 30`),
		"BELOW_COST_SALES": count(`SELECT count(DISTINCT o.id) FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
			JOIN stock_balances b ON b.product_id = l.product_id AND b.warehouse_id = o.warehouse_id, company_settings s
			WHERE s.below_cost_sale_by_manager AND o.status = 'DRAFT' AND b.on_hand > 0 AND l.unit_price * (1 - l.discount_rate) * b.on_hand < b.value AND $1 <> ''`),
	}
	var sg struct {
		PurchaseSuggestions []struct{ Product struct{ Sku string } }
	}
	clients["purchasing"].gql(`{ purchaseSuggestions { product { sku } } }`, nil, &sg)
	sql["PURCHASE_SUGGESTIONS"] = len(sg.PurchaseSuggestions)
	var bc struct {
		BooksCheck struct{ Violations []struct{ Rule string } }
	}
	clients["finance"].gql(`{ booksCheck { violations { rule } } }`, nil, &bc)
	sql["BOOKS_CHECK"] = len(bc.BooksCheck.Violations)

	got := clients["admin"].workbench(jxc.WorkbenchLimit)
	nonEmpty := 0
	for _, key := range all {
		s, ok := got[key]
		if !ok {
			t.Errorf("admin's workbench has no section %s", key)
			continue
		}
		if s.Count != sql[key] {
			t.Errorf("%s: count %d, the records say %d", key, s.Count, sql[key])
		}
		if n := min(sql[key], jxc.WorkbenchLimit); len(s.Items) != n {
			t.Errorf("%s: %d lines, want %d", key, len(s.Items), n)
		}
		for _, it := range s.Items {
			if it.Number == "" || it.Reason == "" || it.ID == "" {
				t.Errorf("%s: a line without number, id or reason: %+v", key, it)
			}
		}
		t.Logf("%s: %d", key, s.Count)
		if s.Count > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 5 {
		t.Errorf("only %d sections have work on the demo data; the check proves little", nonEmpty)
	}
	// A role's section reads the same as the admin's.
	for role, keys := range want {
		if role == "admin" || len(keys) == 0 {
			continue
		}
		mine := clients[role].workbench(jxc.WorkbenchLimit)
		for _, k := range keys {
			if mine[k].Count != got[k].Count {
				t.Errorf("%s's %s: %d, admin's %d", role, k, mine[k].Count, got[k].Count)
			}
		}
	}
	// Limits.
	if s := clients["admin"].workbench(1); len(s["PURCHASE_SUGGESTIONS"].Items) > 1 {
		t.Errorf("limit 1 gave %d lines", len(s["PURCHASE_SUGGESTIONS"].Items))
	}
	r := clients["sales"].do(workbenchQuery, map[string]any{"limit": 0})
	if len(r.Errors) == 0 || r.Errors[0].Extensions["reason"] != "OUT_OF_RANGE" {
		t.Errorf("limit 0: want an error naming the range, got %+v", r.Errors)
	}
}

// TestWorkbenchAmountsFollowTheirDataClass: a warehouse user reads his
// sections' quantities but not customers' or suppliers' money.
func TestWorkbenchAmountsFollowTheirDataClass(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	for _, f := range []string{"customerAmount", "supplierAmount"} {
		r := wh.do(`{ workbench { sections { items { number `+f+` } } } }`, nil)
		if r.code() != "FORBIDDEN" {
			t.Errorf("warehouse selecting %s: %+v, want FORBIDDEN", f, r.Errors)
		}
	}
	if r := wh.do(`{ workbench { sections { key items { number quantity } } } }`, nil); len(r.Errors) > 0 {
		t.Errorf("warehouse reading quantities: %+v", r.Errors)
	}
	fin := app.client(t).mustLogin("finance")
	if r := fin.do(`{ workbench { sections { items { number customerAmount supplierAmount purchaseAmount } } } }`, nil); len(r.Errors) > 0 {
		t.Errorf("finance reading amounts: %+v", r.Errors)
	}
}

// TestWorkbenchLinesLeaveWhenDone: a draft purchase order made through
// the API is on purchasing's list of orders to submit; submitted, it
// leaves it and waits on the manager's approvals; approved, it leaves
// those too. Reasons read in the reader's language.
func TestWorkbenchLinesLeaveWhenDone(t *testing.T) {
	app := newTestApp(t)
	pur := app.client(t).mustLogin("purchasing")
	mgr := app.client(t).mustLogin("manager")
	var ids struct {
		Suppliers  struct{ Nodes []struct{ ID string } }
		Warehouses struct{ Nodes []struct{ ID string } }
		Products   struct{ Nodes []struct{ ID string } }
	}
	pur.gql(`{ suppliers(first: 1) { nodes { id } } warehouses(first: 1) { nodes { id } } products(first: 1) { nodes { id } } }`, nil, &ids)
	var created struct {
		CreatePurchaseOrder struct {
			PurchaseOrder struct{ ID, Number string }
			UserErrors    []struct{ Message string }
		}
	}
	pur.gql(`mutation($s: ID!, $w: ID!, $p: ID!) { createPurchaseOrder(input: {supplierId: $s, warehouseId: $w, lines: [{productId: $p, quantity: "3", unitPrice: "5"}]}) { purchaseOrder { id number } userErrors { message } } }`,
		map[string]any{"s": ids.Suppliers.Nodes[0].ID, "w": ids.Warehouses.Nodes[0].ID, "p": ids.Products.Nodes[0].ID}, &created)
	po := created.CreatePurchaseOrder.PurchaseOrder
	if po.Number == "" {
		t.Fatalf("createPurchaseOrder: %+v", created.CreatePurchaseOrder.UserErrors)
	}
	has := func(s workbenchSection, number string) bool {
		for _, it := range s.Items {
			if it.Number == number {
				return true
			}
		}
		return false
	}
	before := pur.workbench(jxc.WorkbenchLimit)["ORDERS_TO_SUBMIT"]
	if !has(before, po.Number) {
		t.Fatalf("draft %s not among the orders to submit: %+v", po.Number, before.Items)
	}
	for _, it := range before.Items {
		if it.Number == po.Number && (it.Kind != "PURCHASE_ORDER" || it.ID != po.ID || !strings.Contains(it.Reason, "提交")) {
			t.Errorf("the draft's line: %+v", it)
		}
	}
	pur.lang = "en"
	for _, it := range pur.workbench(jxc.WorkbenchLimit)["ORDERS_TO_SUBMIT"].Items {
		if it.Number == po.Number && !strings.Contains(it.Reason, "submit it for approval") {
			t.Errorf("English reason: %q", it.Reason)
		}
	}
	pur.gql(`mutation($id: ID!) { submitPurchaseOrder(id: $id) { purchaseOrder { status } userErrors { message } } }`, map[string]any{"id": po.ID}, &struct{}{})
	after := pur.workbench(jxc.WorkbenchLimit)["ORDERS_TO_SUBMIT"]
	if has(after, po.Number) || after.Count != before.Count-1 {
		t.Errorf("submitted %s still to submit (count %d, was %d)", po.Number, after.Count, before.Count)
	}
	approvals := mgr.workbench(jxc.WorkbenchLimit)["ORDER_APPROVALS"]
	if !has(approvals, po.Number) {
		t.Fatalf("submitted %s not among the manager's approvals", po.Number)
	}
	mgr.gql(`mutation($id: ID!) { approvePurchaseOrder(id: $id) { purchaseOrder { status } userErrors { message } } }`, map[string]any{"id": po.ID}, &struct{}{})
	if s := mgr.workbench(jxc.WorkbenchLimit)["ORDER_APPROVALS"]; has(s, po.Number) || s.Count != approvals.Count-1 {
		t.Errorf("approved %s still waits on approval", po.Number)
	}
}
