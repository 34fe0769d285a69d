package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/jxcgraph/jxc"
)

// ownRecordRoots return the caller's own user record: its USERS fields
// (roles, active, created) are the caller's to read.
var ownRecordRoots = map[string]bool{"me": true, "login": true, "updateMyLanguage": true}

// DataClassRule implements @dataClass: an operation that selects a field
// whose data class the caller's roles do not allow is refused whole,
// before anything runs, with a FORBIDDEN error at the first such field's
// path (every such path is listed in extensions.forbidden). The same rule
// holds whichever root, nesting, alias or fragment reaches the field,
// over HTTP and over the websocket. Fields left out by @skip/@include
// with the operation's variables do not count, so that one screen can
// serve several roles.
type DataClassRule struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DataClassRule{}

// ExtensionName implements graphql.HandlerExtension.
func (DataClassRule) ExtensionName() string { return "DataClassRule" }

// Validate implements graphql.HandlerExtension: every @dataClass in the
// schema names a known class.
func (DataClassRule) Validate(s graphql.ExecutableSchema) error {
	for _, def := range s.Schema().Types {
		for _, f := range def.Fields {
			if c, ok := fieldDataClass(f); ok && !c.Valid() {
				return fmt.Errorf("%s.%s: unknown data class %q", def.Name, f.Name, c)
			}
		}
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (DataClassRule) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	u := jxc.UserFromContext(ctx)
	if u == nil || oc.Operation == nil {
		return nil // anonymous callers reach only the public root fields
	}
	w := classWalk{user: u, vars: oc.Variables, frags: oc.Doc.Fragments, seen: map[string]bool{}}
	w.walk(oc.Operation.SelectionSet, nil, false)
	if len(w.found) == 0 {
		return nil
	}
	first := w.found[0]
	list := make([]map[string]any, len(w.found))
	for i, f := range w.found {
		list[i] = map[string]any{"path": f.path.String(), "dataClass": string(f.class)}
	}
	return &gqlerror.Error{
		Message: fmt.Sprintf("%s is %s, which needs one of the roles %v; leave it out of the query",
			first.path.String(), first.class, first.class.Readers()),
		Path:       first.path,
		Extensions: map[string]any{"code": jxc.EFORBIDDEN, "dataClass": string(first.class), "forbidden": list},
	}
}

type forbiddenField struct {
	path  ast.Path
	class jxc.DataClass
}

type classWalk struct {
	user  *jxc.User
	vars  map[string]any
	frags ast.FragmentDefinitionList
	seen  map[string]bool
	found []forbiddenField
}

func (w *classWalk) walk(set ast.SelectionSet, path ast.Path, own bool) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if !w.included(s.Directives) || s.Definition == nil {
				continue
			}
			p := append(path[:len(path):len(path)], ast.PathName(s.Alias))
			fieldOwn := own || (len(path) == 0 && ownRecordRoots[s.Name])
			if c, ok := fieldDataClass(s.Definition); ok && !(c == jxc.DataUsers && fieldOwn) && !c.Allows(w.user) {
				w.found = append(w.found, forbiddenField{p, c})
			}
			w.walk(s.SelectionSet, p, fieldOwn)
		case *ast.InlineFragment:
			if w.included(s.Directives) {
				w.walk(s.SelectionSet, path, own)
			}
		case *ast.FragmentSpread:
			if !w.included(s.Directives) || w.seen[s.Name] {
				continue
			}
			if f := w.frags.ForName(s.Name); f != nil {
				w.seen[s.Name] = true
				w.walk(f.SelectionSet, path, own)
				delete(w.seen, s.Name)
			}
		}
	}
}

// included evaluates @skip and @include with the operation's variables.
func (w *classWalk) included(ds ast.DirectiveList) bool {
	cond := func(name string) (bool, bool) {
		d := ds.ForName(name)
		if d == nil {
			return false, false
		}
		a := d.Arguments.ForName("if")
		if a == nil {
			return false, false
		}
		v, err := a.Value.Value(w.vars)
		b, isBool := v.(bool)
		return b, err == nil && isBool
	}
	if skip, ok := cond("skip"); ok && skip {
		return false
	}
	if inc, ok := cond("include"); ok && !inc {
		return false
	}
	return true
}

// fieldDataClass returns the class a field's @dataClass names.
func fieldDataClass(f *ast.FieldDefinition) (jxc.DataClass, bool) {
	d := f.Directives.ForName("dataClass")
	if d == nil {
		return "", false
	}
	a := d.Arguments.ForName("class")
	if a == nil || a.Value == nil {
		return "", true
	}
	return jxc.DataClass(strings.TrimSpace(a.Value.Raw)), true
}
