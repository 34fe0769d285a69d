package graph

import (
	"context"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/jxcgraph/jxc"
)

// refuseNULs refuses any string argument holding a NUL character, which
// PostgreSQL cannot store, naming the argument, before a resolver runs.
func refuseNULs(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	fc, oc := graphql.GetRootFieldContext(ctx), graphql.GetOperationContext(ctx)
	if fc != nil && oc != nil {
		for name, v := range fc.Field.ArgumentMap(oc.Variables) {
			if path := findNUL(v, name); path != "" {
				graphql.AddError(ctx, jxc.FieldErrorf(jxc.EINVALID, path, "text may not contain NUL characters"))
				return graphql.Null
			}
		}
	}
	return next(ctx)
}

// findNUL returns the path of the first string under v (raw argument
// values: strings, lists and input objects) that holds a NUL.
func findNUL(v any, path string) string {
	switch x := v.(type) {
	case string:
		if strings.IndexByte(x, 0) >= 0 {
			return path
		}
	case []any:
		for i, e := range x {
			if p := findNUL(e, path+"."+strconv.Itoa(i)); p != "" {
				return p
			}
		}
	case map[string]any:
		for k, e := range x {
			if p := findNUL(e, path+"."+k); p != "" {
				return p
			}
		}
	}
	return ""
}
