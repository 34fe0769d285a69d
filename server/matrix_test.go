package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/jxcgraph/jxc"
)

// TestRoleMatrix calls every mutation and every role-guarded query, as
// listed by the schema itself, as each demo role, and checks that the role
// is refused exactly when the field's @hasRole does not name it (ADMIN
// passes everything; ANALYST no mutation). A new field without a rule, or
// a rule that does not hold, fails here.
func TestRoleMatrix(t *testing.T) {
	app := newTestApp(t)
	schema := loadSchema(t)
	roles := []string{"ADMIN", "MANAGER", "SALES", "PURCHASING", "WAREHOUSE", "FINANCE", "ANALYST"}
	clients := map[string]*client{}
	for _, r := range roles {
		clients[r] = app.client(t).mustLogin(strings.ToLower(r))
	}
	type op struct {
		kind    string
		field   *ast.FieldDefinition
		allowed []string // nil: any signed-in role
	}
	var ops []op
	collect := func(kind string, def *ast.Definition) {
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") || f.Directives.ForName("sessionOnly") != nil {
				continue
			}
			var allowed []string
			if d := f.Directives.ForName("hasRole"); d != nil {
				for _, c := range d.Arguments.ForName("roles").Value.Children {
					allowed = append(allowed, c.Value.Raw)
				}
			} else if kind == "mutation" {
				t.Errorf("mutation %s has no @hasRole rule", f.Name)
				continue
			} else {
				continue // a plain read for every signed-in user
			}
			ops = append(ops, op{kind, f, allowed})
		}
	}
	collect("mutation", schema.Mutation)
	collect("query", schema.Query)
	if len(ops) < 10 {
		t.Fatalf("only %d guarded operations found", len(ops))
	}
	checked := 0
	for _, o := range ops {
		doc := o.kind + " { " + o.field.Name + callArgs(schema, o.field.Arguments) + selection(schema, o.field.Type) + " }"
		for _, role := range roles {
			want := role == "ADMIN" || slices.Contains(o.allowed, role)
			// Analysts change nothing; a bulk export only reads (as its owner).
			if o.kind == "mutation" && role == "ANALYST" && o.field.Name != "bulkExport" && o.field.Name != "cancelExport" {
				want = false
			}
			r := clients[role].do(doc, nil)
			forbidden := false
			for _, e := range r.Errors {
				if e.Extensions["code"] == "FORBIDDEN" {
					forbidden = true
				}
				if e.Extensions["code"] == "UNAUTHENTICATED" || e.Extensions["code"] == "GRAPHQL_VALIDATION_FAILED" {
					t.Fatalf("%s as %s: %v (the placeholder call is broken)", o.field.Name, role, e)
				}
			}
			if forbidden == want {
				t.Errorf("%s %s as %s: forbidden=%v, want allowed=%v (%+v)", o.kind, o.field.Name, role, forbidden, want, r.Errors)
			}
			checked++
		}
	}
	t.Logf("%d operations x %d roles checked", len(ops), len(roles))
	_ = checked
}

// selection returns the smallest valid selection for a field's type.
func selection(s *ast.Schema, t *ast.Type) string {
	for t.Elem != nil {
		t = t.Elem
	}
	def := s.Types[t.NamedType]
	if def.Kind == ast.Scalar || def.Kind == ast.Enum {
		return ""
	}
	return " { __typename }"
}

// classTarget is a field with a data class and one path that reaches it
// from a root query field.
type classTarget struct {
	root    *ast.FieldDefinition
	steps   []*ast.FieldDefinition // from the root's type down to the classified field
	class   string
	allowed []string // the root's @hasRole; nil: any signed-in role
}

// stepsAllow reports whether every field on the way to the target lets the
// role through its @hasRole (fields without one let every role through).
func (c classTarget) stepsAllow(role string) bool {
	for _, f := range c.steps[:max(len(c.steps)-1, 0)] {
		d := f.Directives.ForName("hasRole")
		if d == nil {
			continue
		}
		ok := false
		for _, r := range d.Arguments.ForName("roles").Value.Children {
			ok = ok || r.Value.Raw == role
		}
		if !ok {
			return false
		}
	}
	return true
}

// query writes the operation that selects the target, with `first: 1` on
// every list so that the allowed roles' calls stay cheap.
func (c classTarget) query(s *ast.Schema) string {
	var b strings.Builder
	b.WriteString("query { ")
	all := append([]*ast.FieldDefinition{c.root}, c.steps...)
	for i, f := range all {
		b.WriteString(f.Name + fieldArgs(s, f))
		if i < len(all)-1 {
			b.WriteString(" { ")
		} else {
			b.WriteString(selection(s, f.Type))
		}
	}
	b.WriteString(strings.Repeat(" }", len(all)))
	return b.String()
}

// path is the response path of the target, as the FORBIDDEN error names it.
func (c classTarget) path() string {
	names := []string{c.root.Name}
	for _, f := range c.steps {
		names = append(names, f.Name)
	}
	return strings.Join(names, ".")
}

func fieldArgs(s *ast.Schema, f *ast.FieldDefinition) string {
	args := strings.TrimSuffix(strings.TrimPrefix(callArgs(s, f.Arguments), "("), ")")
	if f.Arguments.ForName("first") != nil && !strings.Contains(args, "first:") {
		if args != "" {
			args += ", "
		}
		args += "first: 1"
	}
	if args == "" {
		return ""
	}
	return "(" + args + ")"
}

func namedType(t *ast.Type) string {
	for t.Elem != nil {
		t = t.Elem
	}
	return t.NamedType
}

// classTargets walks the schema from every root query field, through
// object fields up to maxDepth levels below it, and returns each field
// with a @dataClass by the first (shortest) path found from each root.
func classTargets(s *ast.Schema, maxDepth int) []classTarget {
	var out []classTarget
	for _, root := range s.Query.Fields {
		if strings.HasPrefix(root.Name, "__") {
			continue
		}
		var allowed []string
		if d := root.Directives.ForName("hasRole"); d != nil {
			for _, c := range d.Arguments.ForName("roles").Value.Children {
				allowed = append(allowed, c.Value.Raw)
			}
		}
		type node struct {
			def   *ast.Definition
			steps []*ast.FieldDefinition
		}
		if d := root.Directives.ForName("dataClass"); d != nil {
			out = append(out, classTarget{root: root, class: d.Arguments.ForName("class").Value.Raw, allowed: allowed})
			continue
		}
		start := s.Types[namedType(root.Type)]
		if start.Kind != ast.Object {
			continue
		}
		seenType := map[string]bool{start.Name: true}
		seenField := map[string]bool{}
		queue := []node{{start, nil}}
		for len(queue) > 0 {
			n := queue[0]
			queue = queue[1:]
			for _, f := range n.def.Fields {
				if strings.HasPrefix(f.Name, "__") {
					continue
				}
				steps := append(n.steps[:len(n.steps):len(n.steps)], f)
				if d := f.Directives.ForName("dataClass"); d != nil {
					key := n.def.Name + "." + f.Name
					if !seenField[key] {
						seenField[key] = true
						out = append(out, classTarget{root: root, steps: steps, class: d.Arguments.ForName("class").Value.Raw, allowed: allowed})
					}
					continue
				}
				child := s.Types[namedType(f.Type)]
				if child.Kind == ast.Object && !seenType[child.Name] && len(steps) < maxDepth {
					seenType[child.Name] = true
					queue = append(queue, node{child, steps})
				}
			}
		}
	}
	return out
}

// TestDataClassMatrix walks the schema from every root query field a role
// may call, through nested object fields (4 levels), to every field with a
// @dataClass, and checks that each role the class does not name is
// refused that field (FORBIDDEN at its path) and each role it names is
// not, whatever root the path starts from: a figure forbidden to a role in
// a report is forbidden everywhere else too.
func TestDataClassMatrix(t *testing.T) {
	app := newTestApp(t)
	schema := loadSchema(t)
	roles := []string{"ADMIN", "MANAGER", "SALES", "PURCHASING", "WAREHOUSE", "FINANCE", "ANALYST"}
	clients := map[string]*client{}
	for _, r := range roles {
		clients[r] = app.client(t).mustLogin(strings.ToLower(r))
	}
	readers := map[string][]string{}
	for _, c := range jxc.DataClasses {
		for _, r := range c.Readers() {
			readers[string(c)] = append(readers[string(c)], string(r))
		}
	}
	targets := classTargets(schema, 4)
	classes := map[string]bool{}
	for _, tg := range targets {
		classes[tg.class] = true
	}
	if len(classes) < len(jxc.DataClasses) {
		t.Fatalf("only the classes %v are reachable in the schema; every class of jxc.DataClasses must mark its fields", classes)
	}
	checked, refused := 0, 0
	for _, tg := range targets {
		doc := tg.query(schema)
		for _, role := range roles {
			if tg.allowed != nil && role != "ADMIN" && !slices.Contains(tg.allowed, role) {
				continue // the root itself is refused; TestRoleMatrix covers it
			}
			if role != "ADMIN" && !tg.stepsAllow(role) {
				continue // a field on the way is refused by its @hasRole (a journal entry's lines name their customer)
			}
			// USERS on the caller's own record (me) is theirs to read.
			own := tg.class == "USERS" && tg.root.Name == "me"
			want := role == "ADMIN" || slices.Contains(readers[tg.class], role) || own
			r := clients[role].do(doc, nil)
			var forbiddenAt []string
			for _, e := range r.Errors {
				if e.Extensions["code"] == "GRAPHQL_VALIDATION_FAILED" || e.Extensions["code"] == "UNAUTHENTICATED" {
					t.Fatalf("%s as %s: %v (the placeholder query is broken)", doc, role, e)
				}
				if e.Extensions["code"] == "FORBIDDEN" {
					forbiddenAt = append(forbiddenAt, pathString(e.Path))
				}
			}
			switch {
			case want && len(forbiddenAt) > 0:
				t.Errorf("%s (%s) as %s: refused at %v, want the value", tg.path(), tg.class, role, forbiddenAt)
			case !want && !slices.Contains(forbiddenAt, tg.path()):
				t.Errorf("%s (%s) as %s: got %s %v, want FORBIDDEN at %s", tg.path(), tg.class, role, r.Data[tg.root.Name], r.Errors, tg.path())
			case !want:
				if raw := r.Data[tg.root.Name]; len(raw) > 0 && string(raw) != "null" {
					t.Errorf("%s as %s: refused, but data came with it: %s", tg.path(), role, raw)
				}
				refused++
			}
			checked++
		}
	}
	if refused == 0 {
		t.Fatal("no nested figure was refused to any role")
	}
	t.Logf("%d classified paths, %d calls, %d refused", len(targets), checked, refused)
}

func pathString(p []any) string {
	parts := make([]string, len(p))
	for i, e := range p {
		parts[i] = fmt.Sprint(e)
	}
	return strings.Join(parts, ".")
}

// TestNestedFiguresFollowTheirClass: the paths the issue found, with the
// demo's data. Each is refused to the role outside its class (no data, and
// FORBIDDEN at the path) and answered with a figure to a role inside it.
func TestNestedFiguresFollowTheirClass(t *testing.T) {
	app := newTestApp(t)
	today, from := demoHistory()
	cases := []struct {
		query, path, outside, inside string
	}{
		{`{ supplierInvoices(first: 5) { nodes { number openAmount } } }`, "supplierInvoices.nodes.openAmount", "purchasing", "finance"},
		{`{ customers(first: 5) { nodes { code openBalance creditAvailable } } }`, "customers.nodes.openBalance", "warehouse", "sales"},
		{`{ customers(first: 5) { nodes { code topProducts { netAmount } } } }`, "customers.nodes.topProducts.netAmount", "warehouse", "sales"},
		{`{ salesInvoices(first: 5) { nodes { number lines { netAmount } } } }`, "salesInvoices.nodes.lines.netAmount", "warehouse", "finance"},
		{`{ shipments(first: 5) { nodes { number lines { costValue } } } }`, "shipments.nodes.lines.costValue", "warehouse", "manager"},
		{`{ shipments(first: 5) { nodes { number lines { costValue } } } }`, "shipments.nodes.lines.costValue", "sales", "finance"},
		{`{ salesByMonth(from: "` + from.String() + `", to: "` + today.String() + `") { month grossProfit } }`, "salesByMonth.grossProfit", "sales", "analyst"},
		{`{ budgetLines(first: 5) { nodes { owner { username roles } } } }`, "budgetLines.nodes.owner.roles", "purchasing", "admin"},
		// Through a fragment and an alias: the same rule.
		{`query { list: customers(first: 5) { nodes { ...money } } } fragment money on Customer { code credit: creditLimit }`, "list.nodes.credit", "warehouse", "finance"},
	}
	clients := map[string]*client{}
	for _, c := range cases {
		for _, r := range []string{c.outside, c.inside} {
			if clients[r] == nil {
				clients[r] = app.client(t).mustLogin(r)
			}
		}
	}
	for _, c := range cases {
		out := clients[c.outside].do(c.query, nil)
		if out.code() != "FORBIDDEN" || pathString(out.Errors[0].Path) != c.path || len(out.Data) > 0 && string(out.Data[strings.Split(c.path, ".")[0]]) != "null" && len(out.Data[strings.Split(c.path, ".")[0]]) > 0 {
			t.Errorf("%s as %s: %s %+v, want FORBIDDEN at %s and no data", c.path, c.outside, out.Data, out.Errors, c.path)
		}
		in := clients[c.inside].do(c.query, nil)
		if len(in.Errors) > 0 {
			t.Errorf("%s as %s: %+v", c.path, c.inside, in.Errors)
			continue
		}
		leaf := strings.Split(c.path, ".")
		if b, _ := json.Marshal(in.Data); !strings.Contains(string(b), `"`+leaf[len(leaf)-1]+`":`) || strings.Contains(string(b), `"`+leaf[len(leaf)-1]+`":null`) {
			t.Errorf("%s as %s: no figure in %s", c.path, c.inside, b)
		}
	}
}

// TestDataClassHoldsOverTheWebsocket: a query sent over the socket obeys the
// same rule as over HTTP.
func TestDataClassHoldsOverTheWebsocket(t *testing.T) {
	app := newTestApp(t)
	sub := app.client(t).mustLogin("warehouse").subscribe(`query { customers(first: 1) { nodes { code openBalance } } }`, nil)
	m := sub.next(5 * time.Second)
	if m == nil || !strings.Contains(string(m), `"FORBIDDEN"`) || !strings.Contains(string(m), "CUSTOMER_MONEY") || strings.Contains(string(m), `"code":"C`) {
		t.Fatalf("warehouse asked a customer's open balance over the websocket: %s", m)
	}
	ok := app.client(t).mustLogin("sales").subscribe(`query { customers(first: 1) { nodes { code openBalance } } }`, nil)
	if m := ok.next(5 * time.Second); m == nil || !strings.Contains(string(m), "openBalance") || strings.Contains(string(m), "FORBIDDEN") {
		t.Fatalf("sales over the websocket: %s", m)
	}
}
