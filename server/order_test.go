package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestEveryConnectionSortsThroughTheAPI: over HTTP on the demo company,
// every Query field returning a connection (found by introspection) runs
// with orderBy by each field of its order, both ways, and a customer's
// nested lists and a record's audit trail take it too; an unknown status
// is a validation error.
func TestEveryConnectionSortsThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	type typeRef struct {
		Kind   string
		Name   string
		OfType *typeRef
	}
	named := func(r typeRef) string {
		for r.OfType != nil {
			r = *r.OfType
		}
		return r.Name
	}
	var schema struct {
		Schema struct {
			QueryType struct {
				Fields []struct {
					Name string
					Args []struct {
						Name string
						Type typeRef
					}
					Type typeRef
				}
			}
		} `json:"__schema"`
	}
	c.gql(`{ __schema { queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } }
		type { kind name ofType { kind name ofType { kind name } } } } } } }`, nil, &schema)
	// Connections that need arguments besides the page get placeholders.
	required := map[string]string{"accountLedger": `accountCode: "1405", from: "2026-01-01", to: "2026-12-31", `}
	n := 0
	for _, f := range schema.Schema.QueryType.Fields {
		if !strings.HasSuffix(named(f.Type), "Connection") {
			continue
		}
		i := slices.IndexFunc(f.Args, func(a struct {
			Name string
			Type typeRef
		}) bool {
			return a.Name == "orderBy"
		})
		if i < 0 {
			t.Errorf("%s takes no orderBy", f.Name)
			continue
		}
		var in struct {
			Type struct {
				InputFields []struct {
					Name string
					Type typeRef
				}
			} `json:"__type"`
		}
		c.gql(`query($n: String!) { __type(name: $n) { inputFields { name type { kind name ofType { kind name } } } } }`,
			map[string]any{"n": named(f.Args[i].Type)}, &in)
		var values []string
		for _, fld := range in.Type.InputFields {
			if fld.Name != "field" {
				continue
			}
			var enum struct {
				Type struct{ EnumValues []struct{ Name string } } `json:"__type"`
			}
			c.gql(`query($n: String!) { __type(name: $n) { enumValues { name } } }`, map[string]any{"n": named(fld.Type)}, &enum)
			for _, v := range enum.Type.EnumValues {
				values = append(values, v.Name)
			}
		}
		orders := []string{`{direction: ASC}`, `{direction: DESC}`}
		if len(values) > 0 {
			orders = nil
			for _, v := range values {
				orders = append(orders, fmt.Sprintf(`{field: %s, direction: ASC}`, v), fmt.Sprintf(`{field: %s, direction: DESC}`, v))
			}
		}
		for _, o := range orders {
			r := c.do(fmt.Sprintf(`{ %s(%sfirst: 5, orderBy: %s) { totalCount pageInfo { hasNextPage } } }`, f.Name, required[f.Name], o), nil)
			if len(r.Errors) > 0 {
				t.Errorf("%s(orderBy: %s): %v", f.Name, o, r.Errors)
			}
		}
		n++
	}
	if n < 14 {
		t.Errorf("sorted %d top-level connections, want at least 14", n)
	}

	// Nested lists: a customer's orders by number, ascending, page by page.
	var out struct {
		Customers struct {
			Nodes []struct {
				Code   string
				Orders struct {
					Nodes []struct{ Number string }
				}
				AuditTrail struct{ TotalCount int }
			}
		}
	}
	c.gql(`{ customers(first: 10) { nodes { code orders(first: 50, orderBy: {field: NUMBER, direction: ASC}) { nodes { number } }
		auditTrail(first: 5, orderBy: {field: AT, direction: ASC}) { totalCount } } } }`, nil, &out)
	sorted := 0
	for _, cu := range out.Customers.Nodes {
		nums := []string{}
		for _, o := range cu.Orders.Nodes {
			nums = append(nums, o.Number)
		}
		if !slices.IsSorted(nums) {
			t.Errorf("customer %s: orders by number are %v", cu.Code, nums)
		}
		if len(nums) > 1 {
			sorted++
		}
	}
	if sorted == 0 {
		t.Errorf("no customer of %d has two orders to sort", len(out.Customers.Nodes))
	}

	// A typo in a status is an error naming the value, not an empty list.
	r := c.do(`{ salesOrders(filter: {status: [CONFIRMD]}) { totalCount } }`, nil)
	if r.code() != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(fmt.Sprint(r.Errors), "CONFIRMD") {
		b, _ := json.Marshal(r.Errors)
		t.Errorf("unknown status: code %q, errors %s", r.code(), b)
	}
	r = c.do(`query($s: [SalesOrderStatus!]) { salesOrders(filter: {status: $s}) { totalCount } }`, map[string]any{"s": "BOGUS"})
	if len(r.Errors) == 0 {
		t.Error("an unknown status in a variable was accepted")
	}
}
