package graph_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator"
)

// TestEveryConnectionHasOrderBy walks the schema: every field that returns
// a ...Connection takes an orderBy argument, an input named ...Order whose
// field (when it has one) is an enum, required or defaulted, and whose direction is a
// SortDirection. A new list without a sort order fails here.
func TestEveryConnectionHasOrderBy(t *testing.T) {
	s := costSchema(t)
	names := make([]string, 0, len(s.Types))
	for n := range s.Types {
		names = append(names, n)
	}
	sort.Strings(names)
	seen := 0
	for _, n := range names {
		def := s.Types[n]
		if (def.Kind != ast.Object && def.Kind != ast.Interface) || strings.HasPrefix(n, "__") {
			continue
		}
		for _, f := range def.Fields {
			if !strings.HasSuffix(f.Type.Name(), "Connection") {
				continue
			}
			seen++
			where := n + "." + f.Name
			arg := f.Arguments.ForName("orderBy")
			if arg == nil {
				t.Errorf("%s returns %s but takes no orderBy", where, f.Type.Name())
				continue
			}
			in := s.Types[arg.Type.Name()]
			if in == nil || in.Kind != ast.InputObject || !strings.HasSuffix(in.Name, "Order") || arg.Type.NonNull {
				t.Errorf("%s: orderBy is %s, want an optional input named ...Order", where, arg.Type.String())
				continue
			}
			if d := in.Fields.ForName("direction"); d == nil || d.Type.Name() != "SortDirection" {
				t.Errorf("%s: %s has no direction: SortDirection", where, in.Name)
			}
			if fld := in.Fields.ForName("field"); fld != nil {
				if e := s.Types[fld.Type.Name()]; e == nil || e.Kind != ast.Enum || !fld.Type.NonNull && fld.DefaultValue == nil || len(e.EnumValues) == 0 {
					t.Errorf("%s: %s.field is %s, want an enum, required or with a default", where, in.Name, fld.Type.String())
				}
			}
		}
	}
	if seen < 19 {
		t.Errorf("found %d connection fields, want at least the 19 lists", seen)
	}
}

// TestStatusFiltersAreEnums: a status filter is a list of the document's
// status enum, so a typo or a quoted string is a validation error instead
// of an empty list, and a single value still works (input coercion).
func TestStatusFiltersAreEnums(t *testing.T) {
	s := costSchema(t)
	cases := []struct {
		name, query string
		vars        map[string]any
		ok          bool
	}{
		{"one enum value", `{ salesOrders(filter: {status: CONFIRMED}) { totalCount } }`, nil, true},
		{"a list", `{ shipments(filter: {status: [PENDING, SHIPPED]}) { totalCount } }`, nil, true},
		{"needs by list", `{ replenishmentNeeds(filter: {status: [OPEN]}) { totalCount } }`, nil, true},
		{"unknown value", `{ salesOrders(filter: {status: [CONFIRMD]}) { totalCount } }`, nil, false},
		{"a string literal", `{ salesOrders(filter: {status: "CONFIRMED"}) { totalCount } }`, nil, false},
		{"another list's status", `{ salesInvoices(filter: {status: [PENDING]}) { totalCount } }`, nil, false},
		{"variable, one value", `query($s: [SalesOrderStatus!]) { salesOrders(filter: {status: $s}) { totalCount } }`, map[string]any{"s": "CONFIRMED"}, true},
		{"variable, unknown value", `query($s: [SalesOrderStatus!]) { salesOrders(filter: {status: $s}) { totalCount } }`, map[string]any{"s": []any{"CONFIRMED", "BOGUS"}}, false},
		{"variable of the old type", `query($s: String) { salesOrders(filter: {status: $s}) { totalCount } }`, map[string]any{"s": "CONFIRMED"}, false},
	}
	for _, c := range cases {
		doc, errs := gqlparser.LoadQuery(s, c.query)
		var err error
		if len(errs) > 0 {
			err = errs
		} else if _, verr := validator.VariableValues(s, doc.Operations[0], c.vars); verr != nil {
			err = verr
		}
		if c.ok && err != nil {
			t.Errorf("%s: %v", c.name, err)
		} else if !c.ok && err == nil {
			t.Errorf("%s: accepted, want a validation error", c.name)
		}
	}
}
