package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/jxcgraph/jxc"
)

// MaxSubscriptionsPerSocket bounds what one websocket may keep open, so a
// flood of subscribe messages cannot exhaust the server. The caps per user
// (MaxSocketsPerUser, MaxSubscriptionsPerUser in sockets.go) are counted in
// the database, so that they hold across replicas.
const MaxSubscriptionsPerSocket = 100

// limitSubscriptions refuses a subscription past the per-socket or the
// per-user limit with THROTTLED; the counts drop when a subscription ends.
// It runs after guardOperation, so the socket is known to be registered.
func limitSubscriptions(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	s := socketFrom(ctx)
	if s == nil || s.id == "" || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	if s.subs.Add(1) > MaxSubscriptionsPerSocket {
		s.subs.Add(-1)
		return refuse(fmt.Sprintf("at most %d subscriptions may be open on one connection", MaxSubscriptionsPerSocket), jxc.ETHROTTLED)
	}
	if err := s.reg.store.AddSubscription(ctx, s.id, s.userID, MaxSubscriptionsPerUser); err != nil {
		s.subs.Add(-1)
		if jxc.ErrorCode(err) == jxc.ETHROTTLED {
			return refuse(err.(*jxc.Error).Message, jxc.ETHROTTLED)
		}
		s.reg.log.Warn("counting a subscription", "err", err)
		return refuse("the database is unavailable; try again shortly", CodeUnavailable)
	}
	go func() {
		<-ctx.Done()
		s.subs.Add(-1)
		dctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.reg.store.EndSubscription(dctx, s.id); err != nil {
			s.reg.log.Warn("counting a subscription's end", "err", err)
		}
	}()
	return next(ctx)
}
