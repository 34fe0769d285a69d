package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// DepthLimit refuses operations nested deeper than Max before they run;
// introspection (__schema, __type) is held to MaxIntrospection instead.
// gqlgen has no depth limit of its own.
type DepthLimit struct{ Max, MaxIntrospection int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (DepthLimit) ExtensionName() string { return "DepthLimit" }

// Validate implements graphql.HandlerExtension.
func (d DepthLimit) Validate(graphql.ExecutableSchema) error {
	if d.Max < 1 {
		return fmt.Errorf("depth limit must be at least 1")
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (d DepthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	var plain, intro ast.SelectionSet
	for _, sel := range rootSelections(oc.Operation.SelectionSet, oc.Doc.Fragments, 0) {
		if f, ok := sel.(*ast.Field); ok && (f.Name == "__schema" || f.Name == "__type") {
			intro = append(intro, sel)
		} else {
			plain = append(plain, sel)
		}
	}
	refuse := func(depth, limit int, what string) *gqlerror.Error {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("%s is nested %d levels deep; the limit is %d", what, depth, limit),
			Extensions: map[string]any{"code": CodeDepth},
		}
	}
	if depth := selectionDepth(plain, oc.Doc.Fragments, map[string]bool{}); depth > d.Max {
		return refuse(depth, d.Max, "operation")
	}
	limit := max(d.MaxIntrospection, d.Max)
	if depth := selectionDepth(intro, oc.Doc.Fragments, map[string]bool{}); depth > limit {
		return refuse(depth, limit, "introspection")
	}
	return nil
}

// rootSelections flattens the fragments at the root of an operation into
// its root fields.
func rootSelections(set ast.SelectionSet, frags ast.FragmentDefinitionList, level int) ast.SelectionSet {
	var out ast.SelectionSet
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			out = append(out, s)
		case *ast.InlineFragment:
			if level < 8 {
				out = append(out, rootSelections(s.SelectionSet, frags, level+1)...)
			}
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil && level < 8 {
				out = append(out, rootSelections(f.SelectionSet, frags, level+1)...)
			}
		}
	}
	return out
}

func selectionDepth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen map[string]bool) int {
	best := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) == 0 {
				d = 1
			} else {
				d = 1 + selectionDepth(s.SelectionSet, frags, seen)
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, frags, seen)
		case *ast.FragmentSpread:
			if seen[s.Name] {
				continue
			}
			if f := frags.ForName(s.Name); f != nil {
				seen[s.Name] = true
				d = selectionDepth(f.SelectionSet, frags, seen)
				delete(seen, s.Name)
			}
		}
		best = max(best, d)
	}
	return best
}
