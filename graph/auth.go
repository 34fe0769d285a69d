package graph

import (
	"context"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/jxcgraph/jxc"
)

// SessionCookie is the name of the session cookie.
const SessionCookie = "jxc_session"

// publicRootFields need no sign-in. Introspection is public: the product is
// open source and analysts read the schema in GraphiQL before signing in.
var publicRootFields = map[string]bool{"login": true, "__schema": true, "__type": true, "__typename": true}

type httpKey struct{}

type httpCtx struct {
	w      http.ResponseWriter
	r      *http.Request
	secure bool
}

// Authenticate is HTTP middleware that resolves the session cookie or the
// bearer token to the caller and keeps the request and response at hand for
// resolvers that set cookies. A bad bearer token is refused at once; a bad
// cookie just leaves the caller anonymous.
func Authenticate(users jxc.UserService, secureCookies bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), httpKey{}, &httpCtx{w: w, r: r, secure: secureCookies})
		// The reader's language as the client asks for it (the company's when none).
		if l := jxc.LangFromAcceptLanguage(r.Header.Get("Accept-Language")); l != "" {
			ctx = jxc.WithLang(ctx, l)
		}
		if h := r.Header.Get("Authorization"); h != "" {
			secret, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				writeAuthError(w, "the Authorization header must be `Bearer <token>`")
				return
			}
			a, err := users.AuthenticateToken(ctx, strings.TrimSpace(secret))
			if jxc.ErrorCode(err) == jxc.EUNAUTHENTICATED {
				writeAuthError(w, err.(*jxc.Error).Message)
				return
			} else if err != nil {
				writeUnavailable(w)
				return
			}
			ctx = jxc.NewContextWithAuth(ctx, a)
		} else if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			a, err := users.AuthenticateSession(ctx, c.Value)
			if err != nil && jxc.ErrorCode(err) != jxc.EUNAUTHENTICATED {
				// Not a bad session but a database that cannot answer:
				// say so, rather than signing the user out.
				writeUnavailable(w)
				return
			}
			if err == nil {
				ctx = jxc.NewContextWithAuth(ctx, a)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func writeAuthError(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnauthorized)
	_, _ = w.Write([]byte(`{"errors":[{"message":` + quoteJSON(msg) + `,"extensions":{"code":"UNAUTHENTICATED"}}]}`))
}

func writeUnavailable(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Retry-After", "2")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write([]byte(`{"errors":[{"message":"the database is unavailable; try again shortly","extensions":{"code":"` + CodeUnavailable + `"}}]}`))
}

func quoteJSON(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(" ")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func clientAddr(ctx context.Context) string {
	hc, _ := ctx.Value(httpKey{}).(*httpCtx)
	if hc == nil {
		return ""
	}
	host, _, err := net.SplitHostPort(hc.r.RemoteAddr)
	if err != nil {
		return hc.r.RemoteAddr
	}
	return host
}

func setSessionCookie(ctx context.Context, secret string, expires time.Time) {
	hc, _ := ctx.Value(httpKey{}).(*httpCtx)
	if hc == nil {
		return
	}
	c := &http.Cookie{Name: SessionCookie, Value: secret, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: hc.secure}
	if expires.IsZero() {
		c.MaxAge = -1
	} else {
		c.Expires = expires
	}
	http.SetCookie(hc.w, c)
}

// requireSignIn refuses every root field but the public ones to anonymous callers.
func requireSignIn(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	fc := graphql.GetRootFieldContext(ctx)
	if fc != nil && !publicRootFields[fc.Field.Name] && jxc.AuthFromContext(ctx) == nil {
		graphql.AddError(ctx, jxc.Errorf(jxc.EUNAUTHENTICATED, "sign in first, or send `Authorization: Bearer <token>`"))
		return graphql.Null
	}
	return next(ctx)
}

// nameOperation names a mutation in the context, so that the write path
// records it as the operation (deactivateProduct, not the updateProduct
// service it calls).
func nameOperation(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	fc := graphql.GetRootFieldContext(ctx)
	if oc := graphql.GetOperationContext(ctx); fc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Mutation {
		ctx = jxc.WithOperation(ctx, fc.Field.Name)
	}
	return next(ctx)
}

// hasRole implements @hasRole.
func hasRole(ctx context.Context, _ any, next graphql.Resolver, roles []jxc.Role) (any, error) {
	u := jxc.UserFromContext(ctx)
	if u == nil {
		return nil, jxc.Errorf(jxc.EUNAUTHENTICATED, "sign in first")
	}
	if !u.HasAnyRole(roles...) {
		return nil, jxc.Errorf(jxc.EFORBIDDEN, "this needs one of the roles %v", roles)
	}
	return next(ctx)
}

// sessionOnly implements @sessionOnly: refused to API-token callers.
func sessionOnly(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	if a := jxc.AuthFromContext(ctx); a != nil && a.TokenID != 0 {
		return nil, jxc.Errorf(jxc.EFORBIDDEN, "not allowed with an API token; use a signed-in browser session")
	}
	return next(ctx)
}

// readOnlyAnalysts makes every mutation forbidden to a caller whose only
// role is ANALYST, whatever the field's own rule says. The exceptions are
// the @sessionOnly fields (sign in and out, own tokens and password), which
// an analyst needs and which an API token can never call.
func readOnlyAnalysts(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	oc := graphql.GetOperationContext(ctx)
	fc := graphql.GetRootFieldContext(ctx)
	if oc != nil && oc.Operation != nil && oc.Operation.Operation == "mutation" && fc != nil &&
		fc.Field.Definition.Directives.ForName("sessionOnly") == nil {
		if u := jxc.UserFromContext(ctx); u != nil && onlyAnalyst(u) {
			graphql.AddError(ctx, jxc.Errorf(jxc.EFORBIDDEN, "analysts may read but not change anything"))
			return graphql.Null
		}
	}
	return next(ctx)
}

func onlyAnalyst(u *jxc.User) bool {
	for _, r := range u.Roles {
		if r != jxc.RoleAnalyst {
			return false
		}
	}
	return len(u.Roles) > 0
}

// wsInit authenticates a websocket in its connection_init payload
// ({"authToken": "<bearer token>"}) or by the session cookie sent with the
// upgrade request; otherwise the socket is closed with 4401 so that clients
// stop retrying. An authenticated socket is registered with the socket
// guard (sockets.go), which follows its rights from then on, and counted
// against its user's cap (4429 past it).
func wsInit(users jxc.UserService, reg *sockets) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		fail := func(msg string) (context.Context, *transport.InitPayload, error) {
			ctx = transport.WithWebsocketCloseCode(ctx, CloseUnauthorized)
			ctx = transport.AppendCloseReason(ctx, "Unauthorized")
			return ctx, nil, jxc.Errorf(jxc.EUNAUTHENTICATED, "%s", msg)
		}
		// The database cannot answer: 1013 "try again later" lets the
		// client reconnect, unlike 4401.
		unavailable := func() (context.Context, *transport.InitPayload, error) {
			ctx = transport.WithWebsocketCloseCode(ctx, 1013)
			return ctx, nil, jxc.Errorf(CodeUnavailable, "the database is unavailable; try again shortly")
		}
		register := func(a *jxc.Auth) (context.Context, *transport.InitPayload, error) {
			octx, err := reg.open(jxc.NewContextWithAuth(ctx, a), a)
			if err == nil {
				return octx, nil, nil
			}
			switch jxc.ErrorCode(err) {
			case jxc.EUNAUTHENTICATED:
				return fail(err.(*jxc.Error).Message)
			case jxc.ETHROTTLED:
				ctx = transport.WithWebsocketCloseCode(ctx, CloseTooMany)
				ctx = transport.AppendCloseReason(ctx, "Too many connections")
				return ctx, nil, err
			}
			if reg.store == nil {
				ctx = transport.WithWebsocketCloseCode(ctx, 1011)
				return ctx, nil, err
			}
			reg.log.Warn("opening a live socket", "err", err)
			return unavailable()
		}
		if tok := p.Authorization(); tok != "" || p.GetString("authToken") != "" {
			if tok == "" {
				tok = p.GetString("authToken")
			}
			tok = strings.TrimPrefix(tok, "Bearer ")
			a, err := users.AuthenticateToken(ctx, tok)
			if err != nil && jxc.ErrorCode(err) != jxc.EUNAUTHENTICATED {
				return unavailable()
			} else if err != nil {
				return fail("the token in connection_init is unknown or revoked")
			}
			return register(a)
		}
		if len(p) > 0 && !onlyKnownInitKeys(p) {
			return fail("connection_init payload not understood; send {\"authToken\": \"<token>\"} or sign in")
		}
		if a := jxc.AuthFromContext(ctx); a != nil {
			return register(a)
		}
		return fail("sign in first, or send {\"authToken\": \"<token>\"} in connection_init")
	}
}

func onlyKnownInitKeys(p transport.InitPayload) bool {
	for k := range p {
		if k != "authToken" && k != "Authorization" && k != "authorization" && k != "headers" {
			return false
		}
	}
	return true
}
