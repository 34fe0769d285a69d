package graph_test

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/jxcgraph/jxc/graph"
)

func costSchema(t *testing.T) *ast.Schema {
	t.Helper()
	return graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}).Schema()
}

func costOf(t *testing.T, schema *ast.Schema, query string, vars map[string]any) int {
	t.Helper()
	doc, err := gqlparser.LoadQuery(schema, query)
	if len(err) > 0 {
		t.Fatalf("%s: %v", firstLineOf(query), err)
	}
	return graph.OperationCost(schema, doc.Operations[0], doc.Fragments, vars)
}

func firstLineOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return s
}

// TestCostCountsPagesAndNestedLists pins the model: objects 1, scalars 0,
// a connection first × (1 + each node's cost) + 1, variables resolved,
// fragments expanded, mutations with their base cost.
func TestCostCountsPagesAndNestedLists(t *testing.T) {
	s := costSchema(t)
	for _, c := range []struct {
		query string
		vars  map[string]any
		want  int
	}{
		{`{ serverTime }`, nil, 0},
		{`{ me { id username } }`, nil, 1},
		{`{ products(first: 10) { totalCount nodes { id sku } } }`, nil, 1 + 10},
		{`{ products { nodes { id } } }`, nil, 1 + 50}, // the default page
		{`query($n: Int) { products(first: $n) { nodes { id } } }`, map[string]any{"n": 7}, 1 + 7},
		{`{ products(first: 10) { edges { node { id } } } }`, nil, 1 + 10*2},
		{`{ products(first: 10) { nodes { ...P } } } fragment P on Product { category { name } }`, nil, 1 + 10*2},
		{`{ customers(first: 10) { nodes { orders(first: 5) { nodes { lines { quantity } } } } } }`, nil,
			1 + 10*(1+(1+5*(1+graph.DefaultListSize)))},
		{`{ a: me { id } b: me { id } }`, nil, 2},
		{`{ __typename }`, nil, 0},
		{`{ __schema { types { name } } }`, nil, graph.IntrospectionSchemaCost},
	} {
		if got := costOf(t, s, c.query, c.vars); got != c.want {
			t.Errorf("%s: cost %d, want %d", c.query, got, c.want)
		}
	}
	m := costOf(t, s, `mutation { logout { ok } }`, nil)
	if m != graph.MutationBaseCost+1 {
		t.Errorf("logout costs %d, want the mutation base %d + the payload 1", m, graph.MutationBaseCost)
	}
}

// TestTheSPAsOperationsStayWellInsideTheBudget costs every operation the
// frontend sends (the generated document map) with the largest page the
// screens offer ($first: 200) and requires each to stay under three
// quarters of the per-operation limit, and the dashboard's (analytics and the layout's
// alerts and user) under a twentieth. It prints the figures for the README.
func TestTheSPAsOperationsStayWellInsideTheBudget(t *testing.T) {
	s := costSchema(t)
	src, err := os.ReadFile("../frontend/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	// The keys of `type Documents` are the documents as written in queries.ts.
	block := string(src)
	if i := strings.Index(block, "type Documents = {"); i >= 0 {
		block = block[i:]
		if j := strings.Index(block, "\n};"); j >= 0 {
			block = block[:j]
		}
	}
	key := regexp.MustCompile(`(?m)^\s+("(?:[^"\\]|\\.)*"): typeof types\.`)
	var docs []string
	for _, m := range key.FindAllStringSubmatch(block, -1) {
		d, err := strconv.Unquote(m[1])
		if err != nil {
			t.Fatalf("%.80s: %v", m[1], err)
		}
		docs = append(docs, d)
	}
	if len(docs) < 50 {
		t.Fatalf("found %d documents in the generated map; the pattern no longer matches", len(docs))
	}
	doc, errs := gqlparser.LoadQuery(s, strings.Join(docs, "\n"))
	if len(errs) > 0 {
		for _, e := range errs {
			t.Errorf("the frontend's documents against the schema: %s", e.Message)
		}
		t.FailNow()
	}
	for name := range dashboardOperations {
		if doc.Operations.ForName(name) == nil {
			t.Errorf("the dashboard's %s is not among the frontend's operations", name)
		}
	}
	var lines []string
	for _, op := range doc.Operations {
		vars, onDashboard := dashboardOperations[op.Name]
		if !onDashboard {
			vars = map[string]any{}
			for _, v := range op.VariableDefinitions {
				if v.Variable == "first" {
					vars["first"] = 200
				}
			}
		}
		c := graph.OperationCost(s, op, doc.Fragments, vars)
		mark := ""
		if onDashboard {
			mark = "  (dashboard)"
		}
		lines = append(lines, fmt.Sprintf("%6d  %s %s%s", c, op.Operation, op.Name, mark))
		limit := graph.MaxQueryCost * 3 / 4
		if onDashboard {
			limit = graph.MaxQueryCost / 20
		}
		if n := graph.SelectedFields(doc, op); n > graph.MaxSelectedFields/4 {
			t.Errorf("%s %s selects %d fields, over a quarter of the limit %d", op.Operation, op.Name, n, graph.MaxSelectedFields)
		}
		if c > limit {
			t.Errorf("%s %s costs %d at 200 a page, over %d", op.Operation, op.Name, c, limit)
		}
	}
	sort.Strings(lines)
	t.Logf("%d operations:\n%s", len(lines), strings.Join(lines, "\n"))
}

// dashboardOperations are what the first screen sends (the analytics
// dashboard and the layout around it), with the page sizes it sends.
var dashboardOperations = map[string]map[string]any{
	"Me": nil, "OpenAlertCount": nil, "Kpis": nil, "SalesByMonth": nil, "PeriodSummary": nil,
	"FiscalPeriods": nil, "BudgetRollup": nil, "PayablesAging": nil, "ReceivablesAging": nil,
	"InvoicedTotals":  nil,
	"TopSellers":      {"limit": 10},
	"SlowMovingStock": {"first": 20},
	"StockLevels":     {"first": 10},
}
