package graph

import (
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
)

// Limits on what one operation may ask for.
const (
	MaxComplexity   = 2000
	MaxDepth        = 12
	MaxParserTokens = 20000
	MaxBodyBytes    = 1 << 20
)

// NewHandler returns the /graphql endpoint: POST, GET and websocket
// (graphql-transport-ws) transports, limits, the error presenter, and the
// sign-in and role rules. Wrap it in Authenticate.
func NewHandler(r *Resolver) http.Handler {
	cfg := Config{Resolvers: r}
	cfg.Directives.HasRole = hasRole
	cfg.Directives.SessionOnly = sessionOnly
	srv := handler.New(NewExecutableSchema(cfg))

	srv.AddTransport(transport.Websocket{
		InitFunc:         wsInit(r.UserService),
		InitTimeout:      10 * time.Second,
		PingPongInterval: 10 * time.Second,
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})

	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(MaxParserTokens)
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.Use(DepthLimit{Max: MaxDepth})
	srv.Use(DataClassRule{})

	srv.AroundOperations(limitSubscriptions)
	srv.AroundRootFields(nameOperation)
	srv.AroundResponses(withLoaders(r))
	srv.AroundRootFields(requireSignIn)
	srv.AroundRootFields(refuseNULs)
	srv.AroundRootFields(readOnlyAnalysts)
	srv.SetErrorPresenter(presentError(r.Log))
	srv.SetRecoverFunc(recoverPanic(r.Log))

	return limitBody(srv)
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
