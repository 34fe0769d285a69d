package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
)

// notReferences are the id fields of object types that have no object
// field beside them, each with why.
var notReferences = map[string]string{
	// The audited record is of any type (recordType names it) and may no
	// longer exist (a deleted bin); recordNumber names it for people.
	"AuditEntry.recordId": "a record of any type, named by recordType and recordNumber",
	// API tokens are read only by their owner (apiTokens); another user's
	// audit row must not reach the token.
	"AuditEntry.tokenId": "an API token, readable only by its owner",
	// A row of auxiliary balances or a sub-ledger is of one dimension: its
	// record is the customer, supplier, product or warehouse beside it.
	"AuxiliaryBalance.valueId": "the record of the row's dimension: customer, supplier, product or warehouse beside it",
	"AuxiliaryLedger.valueId":  "the record of the ledger's dimension (code and name name it)",
}

// renamedObjects are the object fields named other than their id field,
// where the plain name was already taken by a text.
var renamedObjects = map[string]string{
	"SlowMover.warehouseId": "warehouseRecord", // warehouse is the warehouse's name
}

// Every xId: ID (and xIds: [ID]) field of an object type has its object
// field x (xs) beside it, so a client follows a reference without a
// second query; the only exceptions are listed in notReferences, and the
// list holds no stale entry.
func TestEveryIDFieldHasItsObject(t *testing.T) {
	s := graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}).Schema()
	var bare []string
	used := map[string]bool{}
	for _, def := range s.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			base := f.Type
			for base.Elem != nil {
				base = base.Elem
			}
			if base.NamedType != "ID" {
				continue
			}
			var obj string
			switch {
			case strings.HasSuffix(f.Name, "Ids"):
				obj = strings.TrimSuffix(f.Name, "Ids") + "s"
			case strings.HasSuffix(f.Name, "Id"):
				obj = strings.TrimSuffix(f.Name, "Id")
			default:
				continue
			}
			name := def.Name + "." + f.Name
			if r, ok := renamedObjects[name]; ok {
				obj = r
			}
			if o := def.Fields.ForName(obj); o != nil {
				if o.Type.Name() == "ID" || s.Types[o.Type.Name()].Kind == ast.Scalar {
					t.Errorf("%s: its object field %s is a %s, not a record", name, obj, o.Type.Name())
				}
				continue
			}
			if notReferences[name] != "" {
				used[name] = true
				continue
			}
			bare = append(bare, name)
		}
	}
	sort.Strings(bare)
	if len(bare) > 0 {
		t.Errorf("%d id fields without their object field: %s", len(bare), strings.Join(bare, ", "))
	}
	for name := range notReferences {
		if !used[name] {
			t.Errorf("notReferences lists %s, which is no longer a bare id field", name)
		}
	}
}

// refsQuery asks, across the demo company, for each id with its object.
const refsQuery = `{
  journalEntries(first: 200) { nodes { id reversesId reverses { id } reversedById reversedBy { id } createdById createdBy { id username } } }
  shipments(first: 200) { nodes { id invoiceId invoice { id number } journalEntryId journalEntry { id voucherNo } lines { orderLineId orderLine { id } } } }
  salesInvoices(first: 200) { nodes { id journalEntryId journalEntry { id } lines { shipmentLineId shipmentLine { id } } } }
  customerPayments(first: 200) { nodes { id journalEntryId journalEntry { id }
    allocations { invoiceId invoice { id } paymentId payment { id } returnId return { id } } } }
  salesReturns(first: 200) { nodes { id shipmentId shipment { id } invoiceId invoice { id } journalEntryId journalEntry { id }
    lines { shipmentLineId shipmentLine { id } warehouseId warehouse { id code } } } }
  purchaseOrders(first: 200) { nodes { id receipts { id purchaseOrderId purchaseOrder { id number } warehouseId warehouse { id }
    journalEntryId journalEntry { id } lines { purchaseOrderLineId purchaseOrderLine { id } locationId location { id } } } } }
  supplierInvoices(first: 200) { nodes { id purchaseOrderId purchaseOrder { id } journalEntryId journalEntry { id }
    lines { purchaseOrderLineId purchaseOrderLine { id } } } }
  supplierPayments(first: 200) { nodes { id journalEntryId journalEntry { id } } }
  operatingCosts(first: 200) { nodes { id supplierId supplier { id code } supplierInvoiceId supplierInvoice { id }
    journalEntryId journalEntry { id } cancellationEntryId cancellationEntry { id } } }
  stockMoves(first: 200) { nodes { id journalEntryId journalEntry { id } } }
  warehouses(first: 200) { nodes { id locations { id warehouseId warehouse { id } } } }
  slowMovingStock(first: 50) { productId product { id sku } warehouseId warehouseRecord { id code } }
  replenishmentNeeds(first: 200) { nodes { salesOrderId salesOrder { id } salesOrderLineId salesOrderLine { id } } }
}`

// checkRefs walks a response: wherever an object has xId and x, x is the
// record with that id (both null together). It counts the pairs with an
// id by path.
func checkRefs(t *testing.T, path string, v any, seen map[string]int) {
	t.Helper()
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			checkRefs(t, path, e, seen)
		}
	case map[string]any:
		for k, idv := range v {
			if !strings.HasSuffix(k, "Id") {
				continue
			}
			obj, ok := v[strings.TrimSuffix(k, "Id")]
			if !ok {
				continue
			}
			p := path + "." + strings.TrimSuffix(k, "Id")
			if idv == nil {
				if obj != nil {
					t.Errorf("%s: %s is null but the object is %v", p, k, obj)
				}
				continue
			}
			m, _ := obj.(map[string]any)
			if m == nil || m["id"] != idv {
				t.Errorf("%s: %s is %v but the object is %v", p, k, idv, obj)
				continue
			}
			seen[p]++
		}
		for k, e := range v {
			checkRefs(t, path+"."+k, e, seen)
		}
	}
}

// Every reference of the demo company's documents resolves to the record
// its id names (a manager reads them all).
func TestReferencesResolveToTheirRecords(t *testing.T) {
	d := demoWithReversal(t)
	c, _ := countingCaller(t, d, jxc.RoleManager)
	res := c.do(refsQuery, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("%+v", res.Errors)
	}
	seen := map[string]int{}
	for k, raw := range res.Data {
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		checkRefs(t, k, v, seen)
	}
	for _, want := range []string{
		"journalEntries.nodes.createdBy", "journalEntries.nodes.reverses", "journalEntries.nodes.reversedBy",
		"shipments.nodes.invoice", "shipments.nodes.journalEntry", "shipments.nodes.lines.orderLine",
		"salesInvoices.nodes.journalEntry", "salesInvoices.nodes.lines.shipmentLine",
		"customerPayments.nodes.journalEntry", "customerPayments.nodes.allocations.invoice", "customerPayments.nodes.allocations.payment",
		"salesReturns.nodes.shipment", "salesReturns.nodes.invoice", "salesReturns.nodes.journalEntry",
		"salesReturns.nodes.lines.shipmentLine", "salesReturns.nodes.lines.warehouse",
		"purchaseOrders.nodes.receipts.purchaseOrder", "purchaseOrders.nodes.receipts.warehouse", "purchaseOrders.nodes.receipts.journalEntry",
		"purchaseOrders.nodes.receipts.lines.purchaseOrderLine",
		"supplierInvoices.nodes.purchaseOrder", "supplierInvoices.nodes.journalEntry", "supplierInvoices.nodes.lines.purchaseOrderLine",
		"supplierPayments.nodes.journalEntry", "operatingCosts.nodes.journalEntry",
		"stockMoves.nodes.journalEntry", "warehouses.nodes.locations.warehouse", "slowMovingStock.product",
	} {
		if seen[want] == 0 {
			t.Errorf("%s: no reference of the demo checked", want)
		}
	}
	t.Logf("checked: %v", seen)
}

// demoWithReversal is the demo company with a manual entry reversed (the
// demo reverses none).
func demoWithReversal(t *testing.T) *db.DB {
	t.Helper()
	ctx := context.Background()
	d := dbtest.New(t)
	if _, err := d.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	ledger, day := db.NewLedgerService(d), jxc.Today(d.Now())
	manual, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: day, Description: "accrual", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: decimal.RequireFromString("10"), CostCentre: jxc.Ptr("ADMIN")},
		{AccountCode: "1002", Credit: decimal.RequireFromString("10")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.ReverseJournalEntry(ctx, manual.ID, day, ""); err != nil {
		t.Fatal(err)
	}
	return d
}

// sourceTypenames is the document type of each source type.
var sourceTypenames = map[string]string{
	"OPENING_STOCK": "StockDocument", "STOCK_ADJUSTMENT": "StockDocument", "REVERSAL": "JournalEntry", "CLOSING": "JournalEntry",
	"PURCHASE_RECEIPT": "GoodsReceipt", "SUPPLIER_INVOICE": "SupplierInvoice", "SUPPLIER_PAYMENT": "SupplierPayment",
	"LANDED_COST": "LandedCost", "OPERATING_COST": "OperatingCost", "SHIPMENT": "Shipment", "SALES_INVOICE": "SalesInvoice",
	"CUSTOMER_PAYMENT": "CustomerPayment", "CUSTOMER_CREDIT_APPLICATION": "CustomerPayment", "SALES_RETURN": "SalesReturn",
	"CUSTOMER_REFUND": "CustomerRefund", "STOCK_TRANSFER": "StockTransfer",
}

const documentFragment = `document { __typename
	... on GoodsReceipt { id number } ... on SupplierInvoice { id number } ... on SupplierPayment { id number }
	... on LandedCost { id number } ... on OperatingCost { id number } ... on Shipment { id number }
	... on SalesInvoice { id number } ... on CustomerPayment { id number } ... on SalesReturn { id number }
	... on CustomerRefund { id number } ... on StockDocument { id kind number } ... on JournalEntry { id voucherNo }
	... on StockTransfer { id number } }`

type sourced struct {
	Source struct {
		Type     string
		ID       *string
		Number   *string
		Document map[string]any
	}
}

// checkSources checks that each row's source document is the document of
// its source type and id, and returns the source types seen.
func checkSources(t *testing.T, what string, rows []sourced) map[string]int {
	t.Helper()
	types := map[string]int{}
	for _, r := range rows {
		s := r.Source
		if s.ID == nil {
			if s.Document != nil || s.Number != nil {
				t.Errorf("%s: a %s source without id has a document %v, number %v", what, s.Type, s.Document, s.Number)
			}
			continue
		}
		// The number people read: the document's own (a stock document's
		// OS-/ADJ- number too), or the voucher number of a reversed entry.
		want, _ := s.Document["number"].(string)
		if v, ok := s.Document["voucherNo"].(string); ok {
			want = v
		}
		if s.Number == nil || *s.Number != want || want == "" {
			t.Errorf("%s: source %s %s: number %v, want %q", what, s.Type, *s.ID, s.Number, want)
		}
		if s.Document == nil || s.Document["__typename"] != sourceTypenames[s.Type] || s.Document["id"] != *s.ID {
			t.Errorf("%s: source %s %s: document %v", what, s.Type, *s.ID, s.Document)
			continue
		}
		types[s.Type]++
	}
	return types
}

// A journal entry's source and a stock move's source resolve to the
// business document that posted them, for every kind of document the demo
// posts, and a page of 50 entries with their documents costs the same
// number of statements as a page of 10.
func TestPostingSourcesResolveToTheirDocuments(t *testing.T) {
	d := demoWithReversal(t)
	c, counter := countingCaller(t, d, jxc.RoleManager)
	types := map[string]int{}
	counts := map[int]int64{}
	for _, first := range []int{10, 50, 200} {
		res := c.do(`query($first: Int) { journalEntries(first: $first) { nodes { voucherNo source { type id number `+documentFragment+` } } } }`,
			map[string]any{"first": first})
		if len(res.Errors) > 0 {
			t.Fatalf("first %d: %+v", first, res.Errors)
		}
		counts[first] = counter.lastCount()
		var page struct{ Nodes []sourced }
		if err := json.Unmarshal(res.Data["journalEntries"], &page); err != nil {
			t.Fatal(err)
		}
		if len(page.Nodes) != first {
			t.Fatalf("first %d: %d entries", first, len(page.Nodes))
		}
		for k, n := range checkSources(t, fmt.Sprintf("journal entries (first %d)", first), page.Nodes) {
			types[k] += n
		}
	}
	res := c.do(`{ stockMoves(first: 200) { nodes { id source { type id number `+documentFragment+` } } } }`, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("%+v", res.Errors)
	}
	var moves struct{ Nodes []sourced }
	if err := json.Unmarshal(res.Data["stockMoves"], &moves); err != nil {
		t.Fatal(err)
	}
	for k, n := range checkSources(t, "stock moves", moves.Nodes) {
		types[k] += n
	}
	t.Logf("documents checked by source type: %v; statements %v", types, counts)
	if len(types) < 10 || types["REVERSAL"] == 0 {
		t.Errorf("only %d kinds of documents checked: %v", len(types), types)
	}
	// The bound: per kind of document, its rows and what they refer to
	// (lines, products, partners, warehouses), read once for the page;
	// 10 entries meet fewer kinds than 50, and 50 meet them all.
	if counts[50] != counts[200] || counts[10] == 0 || counts[10] > counts[50] || counts[50] > 100 {
		t.Errorf("statements for 10 entries %d, for 50 %d, for 200 %d: want the same for 50 and 200, at most 100", counts[10], counts[50], counts[200])
	}
}

// A product's stock is its balances by warehouse, the same as the stock
// levels list, with their totals (in one warehouse when asked), and a page
// of products with their stock costs the same for 5 products as for 50.
func TestProductStock(t *testing.T) {
	d := dbtest.New(t)
	if _, err := d.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	c, counter := countingCaller(t, d, jxc.RoleWarehouse)
	type level struct {
		Product                            struct{ ID string }
		Warehouse                          struct{ ID, Code string }
		OnHand, Reserved, Available, Value string
	}
	type stock struct {
		Levels                             []level
		OnHand, Reserved, Available, Value string
	}
	res := c.do(`{ stockLevels(first: 200) { totalCount nodes { product { id } warehouse { id code } onHand reserved available value } } }`, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("%+v", res.Errors)
	}
	var levels struct {
		TotalCount int
		Nodes      []level
	}
	if err := json.Unmarshal(res.Data["stockLevels"], &levels); err != nil {
		t.Fatal(err)
	}
	if levels.TotalCount > 200 || len(levels.Nodes) == 0 {
		t.Fatalf("the demo has %d stock levels: want 1..200 to compare in one page", levels.TotalCount)
	}
	want := map[string][]level{}
	for _, l := range levels.Nodes {
		want[l.Product.ID] = append(want[l.Product.ID], l)
	}
	dec := decimal.RequireFromString
	counts := map[int]int64{}
	checked, inOne := 0, 0
	for _, first := range []int{5, 50} {
		res := c.do(`query($first: Int) { products(first: $first) { nodes { id sku
			stock { onHand reserved available value levels { product { id } warehouse { id code } onHand reserved available value } } } } }`,
			map[string]any{"first": first})
		if len(res.Errors) > 0 {
			t.Fatalf("%+v", res.Errors)
		}
		counts[first] = counter.lastCount()
		var page struct {
			Nodes []struct {
				ID, Sku string
				Stock   stock
			}
		}
		if err := json.Unmarshal(res.Data["products"], &page); err != nil {
			t.Fatal(err)
		}
		if len(page.Nodes) != first {
			t.Fatalf("first %d: %d products", first, len(page.Nodes))
		}
		for _, p := range page.Nodes {
			w, got := want[p.ID], p.Stock
			if len(got.Levels) != len(w) {
				t.Errorf("%s: %d levels, the stock list has %d", p.Sku, len(got.Levels), len(w))
				continue
			}
			onHand, reserved, value := decimal.Zero, decimal.Zero, decimal.Zero
			byWarehouse := map[string]level{}
			for _, l := range w {
				byWarehouse[l.Warehouse.ID] = l
				onHand, reserved, value = onHand.Add(dec(l.OnHand)), reserved.Add(dec(l.Reserved)), value.Add(dec(l.Value))
			}
			for _, l := range got.Levels {
				if l != byWarehouse[l.Warehouse.ID] || l.Product.ID != p.ID {
					t.Errorf("%s in %s: %+v, the stock list has %+v", p.Sku, l.Warehouse.Code, l, byWarehouse[l.Warehouse.ID])
				}
			}
			if !dec(got.OnHand).Equal(onHand) || !dec(got.Reserved).Equal(reserved) || !dec(got.Value).Equal(value) ||
				!dec(got.Available).Equal(onHand.Sub(reserved)) {
				t.Errorf("%s: totals %+v, the levels add up to on hand %s reserved %s value %s", p.Sku, got, onHand, reserved, value)
			}
			checked++
			if len(w) > 1 && inOne == 0 {
				// One warehouse only.
				res := c.do(`query($id: ID!, $wh: ID) { product(id: $id) { stock(warehouseId: $wh) { onHand levels { warehouse { id } onHand } } } }`,
					map[string]any{"id": p.ID, "wh": w[1].Warehouse.ID})
				var one struct{ Product struct{ Stock stock } }
				raw, _ := json.Marshal(res.Data)
				_ = json.Unmarshal(raw, &one)
				s := one.Product.Stock
				if len(res.Errors) > 0 || len(s.Levels) != 1 || s.Levels[0].Warehouse.ID != w[1].Warehouse.ID || !dec(s.OnHand).Equal(dec(w[1].OnHand)) {
					t.Errorf("%s in warehouse %s: %+v %+v, want on hand %s", p.Sku, w[1].Warehouse.Code, s, res.Errors, w[1].OnHand)
				}
				inOne++
			}
		}
	}
	if checked == 0 || inOne == 0 {
		t.Errorf("checked %d products, %d in one warehouse", checked, inOne)
	}
	if counts[5] != counts[50] || counts[5] == 0 {
		t.Errorf("statements for 5 products %d, for 50 %d: want the same", counts[5], counts[50])
	}
}

// An alert's subject records are the records its subject names: the
// product and warehouse of low stock, the order and customer of a credit
// hold or a shortage, the budget line of a threshold, the supplier and
// product of a price rise.
func TestAlertSubjectsResolveToTheirRecords(t *testing.T) {
	d := dbtest.New(t)
	if _, err := d.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	c, _ := countingCaller(t, d, jxc.RoleManager)
	res := c.do(`{ alerts(first: 200) { nodes { kind subject subjectRecords { __typename
		... on Product { id sku } ... on Warehouse { id code } ... on Supplier { id code } ... on BudgetLine { id }
		... on SalesOrder { id number } ... on Customer { id code } } } } }`, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("%+v", res.Errors)
	}
	var page struct {
		Nodes []struct {
			Kind, Subject  string
			SubjectRecords []map[string]any
		}
	}
	if err := json.Unmarshal(res.Data["alerts"], &page); err != nil {
		t.Fatal(err)
	}
	typenames := map[string]string{"product": "Product", "warehouse": "Warehouse", "supplier": "Supplier", "budgetLine": "BudgetLine"}
	kinds := map[string]int{}
	for _, a := range page.Nodes {
		var want []string // typename:id
		for _, part := range strings.Split(a.Subject, "/") {
			if k, id, ok := strings.Cut(part, ":"); ok && typenames[k] != "" {
				want = append(want, typenames[k]+":"+id)
			}
		}
		var got []string
		for _, r := range a.SubjectRecords {
			got = append(got, fmt.Sprint(r["__typename"], ":", r["id"]))
		}
		if len(want) == 0 && len(got) >= 1 && strings.HasPrefix(got[0], "SalesOrder:") &&
			(len(got) == 1 && a.Kind == "SHORTAGE" || len(got) == 2 && strings.HasPrefix(got[1], "Customer:")) {
			want = got // an order's alert: its order (checked by number below), and the customer of a credit hold
		}
		if len(want) == 0 || strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s alert %q: records %v, want %v", a.Kind, a.Subject, got, want)
			continue
		}
		if a.Kind == "CREDIT_HOLD" || a.Kind == "SHORTAGE" {
			if n, _ := a.SubjectRecords[0]["number"].(string); n != a.Subject {
				t.Errorf("%s alert %q: its order is %v", a.Kind, a.Subject, a.SubjectRecords[0])
			}
		}
		kinds[a.Kind]++
	}
	t.Logf("alerts checked by kind: %v", kinds)
	if len(kinds) < 2 {
		t.Errorf("the demo's alerts cover too few kinds: %v", kinds)
	}
}
