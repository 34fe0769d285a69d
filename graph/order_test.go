package graph_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// TestEveryConnectionHasOrderBy walks the schema: every field that returns
// a ...Connection takes an orderBy argument, an input named ...Order whose
// field (when it has one) is a required enum, and whose direction is a
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
				if e := s.Types[fld.Type.Name()]; e == nil || e.Kind != ast.Enum || !fld.Type.NonNull || len(e.EnumValues) == 0 {
					t.Errorf("%s: %s.field is %s, want a required enum", where, in.Name, fld.Type.String())
				}
			}
		}
	}
	if seen < 19 {
		t.Errorf("found %d connection fields, want at least the 19 lists", seen)
	}
}
