package graph

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/jxcgraph/jxc"
)

// MaxSubscriptionsPerSocket bounds what one websocket may keep open, so a
// flood of subscribe messages cannot exhaust the server.
const MaxSubscriptionsPerSocket = 100

type subCounterKey struct{}

// withSubscriptionCounter gives a websocket connection its count of open
// subscriptions.
func withSubscriptionCounter(ctx context.Context) context.Context {
	return context.WithValue(ctx, subCounterKey{}, new(atomic.Int64))
}

// limitSubscriptions refuses a subscription past the per-socket limit with
// THROTTLED; the count drops when a subscription ends.
func limitSubscriptions(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	n, _ := ctx.Value(subCounterKey{}).(*atomic.Int64)
	if n == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	if n.Add(1) > MaxSubscriptionsPerSocket {
		n.Add(-1)
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
			Message:    fmt.Sprintf("at most %d subscriptions may be open on one connection", MaxSubscriptionsPerSocket),
			Extensions: map[string]any{"code": jxc.ETHROTTLED},
		}}})
	}
	go func() {
		<-ctx.Done()
		n.Add(-1)
	}()
	return next(ctx)
}
