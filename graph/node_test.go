package graph_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
)

// nodeTables are the tables of the Node types, to find one of each.
var nodeTables = map[string]string{
	"Customer": "customers", "SalesOrder": "sales_orders", "Shipment": "shipments", "SalesInvoice": "sales_invoices",
	"CustomerPayment": "customer_payments", "SalesReturn": "sales_returns", "Supplier": "suppliers",
	"PurchaseOrder": "purchase_orders", "GoodsReceipt": "goods_receipts", "SupplierInvoice": "supplier_invoices",
	"SupplierPayment": "supplier_payments", "LandedCost": "landed_costs", "Product": "products", "Warehouse": "warehouses",
	"JournalEntry": "journal_entries", "BudgetLine": "budget_lines", "StockDocument": "stock_documents", "User": "users",
	"Category": "categories", "OperatingCost": "operating_costs", "Alert": "alerts", "Account": "accounts",
}

// nodeEnv serves the whole schema over the demo company through a
// statement counter, with a signed-in caller for each role asked.
func nodeEnv(t *testing.T, roles ...jxc.Role) (*db.DB, map[jxc.Role]*caller, *countingServer) {
	t.Helper()
	ctx := context.Background()
	d := dbtest.New(t)
	if _, err := d.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	users := db.NewUserService(d)
	r := &graph.Resolver{UserService: users, CatalogService: db.NewCatalogService(d), StockService: db.NewStockService(d),
		LedgerService: db.NewLedgerService(d), SalesService: db.NewSalesService(d), PurchasingService: db.NewPurchasingService(d),
		PartnerService: db.NewPartnerService(d), BudgetService: db.NewBudgetService(d), Log: slog.New(slog.DiscardHandler),
		// The batching test reads 100 nodes with a fragment for every type,
		// priced as the sum of the fragments: over the cost limit by design.
		MaxQueryCost: 1 << 30}
	counter := &countingServer{}
	srv := httptest.NewServer(counter.wrap(graph.Authenticate(users, false, graph.NewHandler(r))))
	t.Cleanup(srv.Close)
	callers := map[jxc.Role]*caller{}
	for _, role := range roles {
		name := "node-" + strings.ToLower(string(role))
		if _, err := users.CreateUser(ctx, jxc.UserInput{Username: name, Password: "pass", Roles: []jxc.Role{role}}); err != nil {
			t.Fatal(err)
		}
		_, secret, err := users.Login(ctx, name, "pass", "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		callers[role] = &caller{t: t, url: srv.URL, secret: secret}
	}
	return d, callers, counter
}

func firstIDs(t *testing.T, d *db.DB, typ string, n int) []int64 {
	return firstIDsWhere(t, d, typ, "true", n)
}

// firstKeys are the node keys of the first n records of typ: database
// ids, accounts' codes.
func firstKeys(t *testing.T, d *db.DB, typ, cond string, n int) []string {
	t.Helper()
	if typ == "Account" {
		var codes []string
		if err := d.SelectContext(context.Background(), &codes, `SELECT code FROM accounts WHERE `+cond+` ORDER BY code LIMIT $1`, n); err != nil {
			t.Fatal(err)
		}
		return codes
	}
	var out []string
	for _, id := range firstIDsWhere(t, d, typ, cond, n) {
		out = append(out, fmt.Sprint(id))
	}
	return out
}

func firstIDsWhere(t *testing.T, d *db.DB, typ, cond string, n int) []int64 {
	t.Helper()
	var ids []int64
	if err := d.SelectContext(context.Background(), &ids, `SELECT id FROM `+nodeTables[typ]+` WHERE `+cond+` ORDER BY id LIMIT $1`, n); err != nil {
		t.Fatal(err)
	}
	return ids
}

type nodeResult struct {
	Typename string `json:"__typename"`
	NodeID   string `json:"nodeId"`
	ID       string `json:"id"`
	Code     string `json:"code"` // an account's key
}

// Every implementation of Node in the schema is read by node(nodeId:),
// one record of each from the demo company: the right type, its nodeId
// as asked, and its id the database id that every other argument takes.
func TestNodeReadsEveryEntityType(t *testing.T) {
	d, callers, _ := nodeEnv(t, jxc.RoleAdmin)
	admin := callers[jxc.RoleAdmin]

	res := admin.do(`{ __type(name: "Node") { possibleTypes { name } } }`, nil)
	var node struct{ PossibleTypes []struct{ Name string } }
	if len(res.Errors) > 0 || json.Unmarshal(res.Data["__type"], &node) != nil {
		t.Fatalf("the schema's Node: %s %+v", res.Data["__type"], res.Errors)
	}
	var implementations []string
	for _, p := range node.PossibleTypes {
		implementations = append(implementations, p.Name)
	}
	slices.Sort(implementations)
	if len(implementations) < 22 || !slices.Equal(implementations, graph.NodeTypeNames()) {
		t.Fatalf("Node implementations %v, node reads %v: want the same, at least 22", implementations, graph.NodeTypeNames())
	}

	var fragments []string
	for _, typ := range implementations {
		if typ == "Account" { // keyed by its code
			fragments = append(fragments, "... on Account { code }")
			continue
		}
		fragments = append(fragments, "... on "+typ+" { id }")
	}
	query := `query($n: NodeID!) { node(nodeId: $n) { __typename nodeId ` + strings.Join(fragments, " ") + ` } }`
	for _, typ := range implementations {
		if _, ok := nodeTables[typ]; !ok {
			t.Fatalf("Node type %s: the test knows no table of it", typ)
		}
		ids := firstKeys(t, d, typ, "true", 1)
		if len(ids) == 0 {
			t.Fatalf("the demo company has no %s", typ)
		}
		want := typ + ":" + ids[0]
		res := admin.do(query, map[string]any{"n": want})
		var got *nodeResult
		if len(res.Errors) > 0 || json.Unmarshal(res.Data["node"], &got) != nil || got == nil {
			t.Fatalf("node(%s): %s %+v", want, res.Data["node"], res.Errors)
		}
		if got.Typename != typ || got.NodeID != want || cmp.Or(got.ID, got.Code) != ids[0] {
			t.Errorf("node(%s) = %+v", want, *got)
		}
	}

	// An id with no record is null; a malformed one or one of a type
	// without node ids is refused.
	res = admin.do(`{ node(nodeId: "Customer:999999999") { nodeId } }`, nil)
	if len(res.Errors) > 0 || string(res.Data["node"]) != "null" {
		t.Errorf("node of a missing customer: %s %+v", res.Data["node"], res.Errors)
	}
	for _, bad := range []string{"12", "Customer:abc", "Customer:-1", "Nothing:1"} {
		res := admin.do(`query($n: NodeID!) { node(nodeId: $n) { nodeId } }`, map[string]any{"n": bad})
		if admin.code(res) != jxc.EINVALID {
			t.Errorf("node(%q): want INVALID, got %+v", bad, res.Errors)
		}
	}
}

// nodes reads each type in one batch: 20 ids of each type (or as many as
// the demo company has; it has one landed cost) cost the same statements as one of
// each, with their lines and references, and come back in the order asked.
func TestNodesBatchesPerType(t *testing.T) {
	d, callers, counter := nodeEnv(t, jxc.RoleAdmin)
	admin := callers[jxc.RoleAdmin]
	// Groups of at most five types of 20: the most one call takes.
	groups := [][]string{
		{"SalesOrder", "Shipment", "PurchaseOrder", "JournalEntry", "Product"},
		{"Customer", "SalesInvoice", "CustomerPayment", "SalesReturn", "Supplier"},
		{"GoodsReceipt", "SupplierInvoice", "SupplierPayment", "LandedCost", "StockDocument"},
		{"Warehouse", "BudgetLine", "User", "Category", "OperatingCost"},
		{"Alert", "Account"},
	}
	// A journal entry's source document is looked up by source type, one
	// statement per type among the entries: take entries of one type, so
	// that 1 and 20 of them meet the same types.
	sameKind := map[string]string{
		"JournalEntry": `source_type IS NOT DISTINCT FROM (SELECT source_type FROM journal_entries GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)`,
	}
	var all []string
	for _, g := range groups {
		all = append(all, g...)
	}
	slices.Sort(all)
	if !slices.Equal(all, graph.NodeTypeNames()) {
		t.Fatalf("the groups hold %v, node reads %v", all, graph.NodeTypeNames())
	}
	const query = `query($ids: [NodeID!]!) { nodes(nodeIds: $ids) { __typename nodeId
		... on SalesOrder { number customer { code } lines { product { sku } } }
		... on Shipment { number lines { product { sku } } }
		... on PurchaseOrder { number lines { product { sku } } }
		... on JournalEntry { voucherNo lines { debit credit } }
		... on Product { sku }
		... on Customer { code }
		... on SalesInvoice { number customer { code } lines { product { sku } } }
		... on CustomerPayment { number customer { code } allocations { amount } }
		... on SalesReturn { number lines { product { sku } } }
		... on Supplier { code products { product { sku } } }
		... on GoodsReceipt { number lines { product { sku } } }
		... on SupplierInvoice { number supplier { code } lines { quantity } }
		... on SupplierPayment { number supplier { code } allocations { amount } }
		... on LandedCost { number allocations { product { sku } } }
		... on StockDocument { kind lines { product { sku } warehouse { code } } }
		... on Warehouse { code locations { code } }
		... on BudgetLine { costCentre category { code } }
		... on User { username roles }
		... on Category { code }
		... on OperatingCost { number }
		... on Alert { alertKind: kind message }
		... on Account { code balance }
	} }`
	for _, types := range groups {
		counts := map[int]int64{}
		// Each size twice, counted at its least: a statement of the
		// server's own (not of the ids) may fall into one request.
		for _, n := range []int{1, 20, 1, 20} {
			var ids []string
			for _, typ := range types {
				got := firstKeys(t, d, typ, cmp.Or(sameKind[typ], "true"), n)
				if len(got) == 0 {
					t.Fatalf("the demo company has no %s", typ)
				}
				for _, key := range got {
					ids = append(ids, typ+":"+key)
				}
			}
			// Interleave the types: the batches do not depend on order.
			slices.Reverse(ids[len(ids)/2:])
			res := admin.do(query, map[string]any{"ids": ids})
			var got []*nodeResult
			if len(res.Errors) > 0 || json.Unmarshal(res.Data["nodes"], &got) != nil {
				t.Fatalf("%v, %d of each: %+v", types, n, res.Errors)
			}
			if len(got) != len(ids) {
				t.Fatalf("%v, %d of each: %d nodes for %d ids", types, n, len(got), len(ids))
			}
			for i, g := range got {
				if g == nil || g.NodeID != ids[i] {
					t.Fatalf("%v, %d of each: node %d is %+v, want %s", types, n, i, g, ids[i])
				}
			}
			if n == 20 && len(ids) < 3*len(types) {
				t.Fatalf("%v: only %d ids in the demo company, too few to show batching", types, len(ids))
			}
			if c := counter.lastCount(); counts[n] == 0 || c < counts[n] {
				counts[n] = c
			}
			t.Logf("%v, %d ids (%d of each): %d statements", types, len(ids), n, counter.lastCount())
		}
		if counts[1] != counts[20] || counts[1] == 0 {
			t.Errorf("%v: statements for 1 id of each type %d, for 20 %d: want the same", types, counts[1], counts[20])
		}
	}

	res := admin.do(query, map[string]any{"ids": slices.Repeat([]string{"Product:1"}, 101)})
	if admin.code(res) != jxc.EINVALID {
		t.Errorf("101 ids: want INVALID, got %+v", res.Errors)
	}
}

// A caller reads by node only what the type's root field lets them read:
// a warehouse clerk gets FORBIDDEN for a journal entry or a user (node),
// null with a FORBIDDEN error at its place among other nodes (nodes), null
// for an alert not addressed to them, and the @dataClass figures of a type
// are refused in fragments on it.
func TestNodeKeepsTheTypesAccessRules(t *testing.T) {
	d, callers, _ := nodeEnv(t, jxc.RoleWarehouse, jxc.RoleFinance)
	clerk, finance := callers[jxc.RoleWarehouse], callers[jxc.RoleFinance]
	entry := fmt.Sprintf("JournalEntry:%d", firstIDs(t, d, "JournalEntry", 1)[0])
	user := fmt.Sprintf("User:%d", firstIDs(t, d, "User", 1)[0])
	product := fmt.Sprintf("Product:%d", firstIDs(t, d, "Product", 1)[0])
	customer := fmt.Sprintf("Customer:%d", firstIDs(t, d, "Customer", 1)[0])
	one := `query($n: NodeID!) { node(nodeId: $n) { nodeId } }`

	for _, id := range []string{entry, user} {
		res := clerk.do(one, map[string]any{"n": id})
		if clerk.code(res) != jxc.EFORBIDDEN || string(res.Data["node"]) != "null" {
			t.Errorf("the clerk reads %s: %s %+v, want FORBIDDEN", id, res.Data["node"], res.Errors)
		}
	}
	if res := finance.do(one, map[string]any{"n": entry}); len(res.Errors) > 0 || !strings.Contains(string(res.Data["node"]), entry) {
		t.Errorf("finance reads %s: %s %+v", entry, res.Data["node"], res.Errors)
	}

	var res struct {
		Data   struct{ Nodes []*nodeResult }
		Errors []struct {
			Path       []any
			Extensions map[string]any
		}
	}
	body, _ := json.Marshal(map[string]any{"query": `query($ids: [NodeID!]!) { nodes(nodeIds: $ids) { nodeId } }`,
		"variables": map[string]any{"ids": []string{entry, product, user}}})
	req, _ := http.NewRequest(http.MethodPost, clerk.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: graph.SessionCookie, Value: clerk.secret})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	got := res.Data.Nodes
	if len(got) != 3 || got[0] != nil || got[1] == nil || got[1].NodeID != product || got[2] != nil {
		t.Errorf("the clerk's nodes: %+v, want null, %s, null", got, product)
	}
	var paths []string
	for _, e := range res.Errors {
		if e.Extensions["code"] == jxc.EFORBIDDEN {
			b, _ := json.Marshal(e.Path)
			paths = append(paths, string(b))
		}
	}
	if !slices.Equal(paths, []string{`["nodes",0]`, `["nodes",2]`}) {
		t.Errorf("the clerk's nodes: FORBIDDEN at %v, want at nodes 0 and 2 (%+v)", paths, res.Errors)
	}

	// An alert not addressed to the clerk is not theirs to learn of: null,
	// as alerts does not list it; finance, its audience, reads it.
	alerts := firstIDsWhere(t, d, "Alert", `NOT ('WAREHOUSE' = ANY(audience)) AND 'FINANCE' = ANY(audience)`, 1)
	if len(alerts) == 0 {
		t.Fatal("the demo company has no alert for finance and not for the warehouse")
	}
	alert := fmt.Sprintf("Alert:%d", alerts[0])
	if res := clerk.do(one, map[string]any{"n": alert}); len(res.Errors) > 0 || string(res.Data["node"]) != "null" {
		t.Errorf("the clerk reads %s: %s %+v, want null", alert, res.Data["node"], res.Errors)
	}
	if res := finance.do(one, map[string]any{"n": alert}); len(res.Errors) > 0 || !strings.Contains(string(res.Data["node"]), alert) {
		t.Errorf("finance reads %s: %s %+v", alert, res.Data["node"], res.Errors)
	}

	// Customer money in a fragment on Customer, named or inline.
	for _, q := range []string{
		`query($n: NodeID!) { node(nodeId: $n) { nodeId ... on Customer { code creditLimit } } }`,
		`query($n: NodeID!) { node(nodeId: $n) { ...C } } fragment C on Customer { code openBalance }`,
	} {
		res := clerk.do(q, map[string]any{"n": customer})
		if clerk.code(res) != jxc.EFORBIDDEN || strings.Contains(string(res.Data["node"]), "code") {
			t.Errorf("the clerk reads a customer's money by node: %s %+v, want FORBIDDEN", res.Data["node"], res.Errors)
		}
	}
	if res := clerk.do(`query($n: NodeID!) { node(nodeId: $n) { ... on Customer { code } } }`, map[string]any{"n": customer}); len(res.Errors) > 0 {
		t.Errorf("the clerk reads a customer's code by node: %+v", res.Errors)
	}
}

// nodes is priced by the ids asked for, not as a list of DefaultListSize:
// 40 ids of records with a customer each cost 40 × 2.
func TestNodesCostTheirIDs(t *testing.T) {
	s := costSchema(t)
	const sel = `{ nodeId ... on SalesOrder { customer { code } } }`
	for _, c := range []struct {
		query string
		vars  map[string]any
		want  int
	}{
		{`{ node(nodeId: "SalesOrder:1") ` + sel + ` }`, nil, 2},
		{`{ nodes(nodeIds: ["SalesOrder:1", "SalesOrder:2", "Product:3"]) ` + sel + ` }`, nil, 3 * 2},
		{`query($ids: [NodeID!]!) { nodes(nodeIds: $ids) ` + sel + ` }`, map[string]any{"ids": slices.Repeat([]any{"SalesOrder:1"}, 40)}, 40 * 2},
	} {
		if got := costOf(t, s, c.query, c.vars); got != c.want {
			t.Errorf("%s: cost %d, want %d", c.query, got, c.want)
		}
	}
}
