package graph

import (
	"cmp"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
)

// Limits on what one operation may ask for; the cost limits are in cost.go.
const (
	MaxDepth = 12
	// MaxIntrospectionDepth bounds __schema and __type selections apart:
	// graphql-js's standard introspection query is 15 levels deep, and
	// introspection is priced by cost like everything else.
	MaxIntrospectionDepth = 20
	MaxParserTokens       = 20000
	MaxBodyBytes          = 1 << 20
)

// NewHandler returns the /graphql endpoint: POST, GET and websocket
// (graphql-transport-ws) transports, limits, the error presenter, and the
// sign-in and role rules. Wrap it in Authenticate.
func NewHandler(r *Resolver) http.Handler {
	cfg := Config{Resolvers: r}
	cfg.Directives.HasRole = hasRole
	cfg.Directives.SessionOnly = sessionOnly
	es := NewExecutableSchema(cfg)
	srv := handler.New(es)
	live := newSockets(r.Sockets, r.Log)

	srv.AddTransport(transport.Websocket{
		Implementation:   live,
		InitFunc:         wsInit(r.UserService, live),
		InitTimeout:      10 * time.Second,
		PingPongInterval: 10 * time.Second,
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})

	cache := lru.New[*ast.QueryDocument](1000)
	srv.SetQueryCache(cache)
	srv.SetParserTokenLimit(MaxParserTokens)
	// Before parsing and validation: the size of the document, with
	// fragments expanded, and lower for anonymous callers (Authenticate
	// has already resolved the caller).
	srv.Use(queryShape{cache: cache})
	srv.Use(extension.Introspection{})
	srv.Use(DepthLimit{Max: MaxDepth, MaxIntrospection: MaxIntrospectionDepth})
	srv.Use(DataClassRule{})

	// The calculated cost: priced, refused or charged before execution.
	srv.AroundOperations(priceOperations(es.Schema(), r.CostBuckets, cmp.Or(r.MaxQueryCost, MaxQueryCost), r.Log))
	srv.AroundResponses(reportCostOnRefusals(r.CostBuckets, r.Log))
	// The last registered runs first: the guard, then the caps.
	srv.AroundOperations(limitSubscriptions)
	srv.AroundOperations(live.guardOperation)
	srv.AroundRootFields(nameOperation)
	srv.AroundResponses(withLoaders(r))
	srv.AroundRootFields(requireSignIn)
	srv.AroundRootFields(refuseNULs)
	srv.AroundRootFields(readOnlyAnalysts)
	srv.SetErrorPresenter(presentError(r.Log))
	srv.SetRecoverFunc(recoverPanic(r.Log))

	return limitBody(live.mark(srv))
}

// limitBody refuses bodies over MaxBodyBytes with 413 and a coded error,
// before reading them; a body that lies about its length is cut off.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > MaxBodyBytes {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			_, _ = w.Write([]byte(`{"errors":[{"message":"the request body is over 1 MB","extensions":{"code":"REQUEST_TOO_LARGE"}}]}`))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		next.ServeHTTP(w, r)
	})
}
