package graph

import (
	"context"
	"strings"

	"github.com/jxcgraph/jxc"
)

// byIDOrNumber reads one document by its id or, without one, by the number
// people read (kind names its table); null when there is none, or when
// neither is given.
func byIDOrNumber[T any](ctx context.Context, r *Resolver, kind jxc.RefKind, id *int64, number *string,
	find func(context.Context, int64) (*T, error)) (*T, error) {
	if id == nil {
		if number == nil || strings.TrimSpace(*number) == "" {
			return nil, nil
		}
		n, ok, err := r.DocumentService.IDByNumber(ctx, kind, *number)
		if err != nil || !ok {
			return nil, err
		}
		id = &n
	}
	return orNil(find(ctx, *id))
}

// refByID reads one record of a kind through the ref service.
func refByID[T any](r *Resolver, kind jxc.RefKind) func(context.Context, int64) (*T, error) {
	return func(ctx context.Context, id int64) (*T, error) {
		m, err := r.RefService.Refs(ctx, kind, []int64{id})
		if err != nil {
			return nil, err
		}
		v, _ := m[id].(*T)
		return v, nil
	}
}
