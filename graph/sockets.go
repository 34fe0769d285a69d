package graph

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/jxcgraph/jxc"
)

// A websocket lives for hours, so it may not keep the rights it had when it
// opened. Every operation on it re-reads the principal from the database
// (the safety net), and every change that can take rights away is announced
// by the database on jxc_auth (migration 0056), on which each replica
// re-checks its sockets of that user and closes those that lost their
// rights within a second:
//   - 4401 Unauthorized: the session ended, the token was revoked or the
//     user deactivated (the SPA signs out);
//   - 4403 Forbidden: still signed in, but roles were taken away or the
//     password changed since the socket opened (clients reconnect and get
//     the rights as they are now).
//
// Mutations are not accepted on a socket: they go over HTTP, where cookies,
// CSRF rules and idempotency apply; a socket is for subscriptions (and
// queries, run with the principal as it is now).

// Caps per user, across replicas (counted in PostgreSQL, live_sockets).
const (
	MaxSocketsPerUser       = 12
	MaxSubscriptionsPerUser = 300
)

// Close codes of a socket and the top-level error code of a refused mutation.
const (
	CloseUnauthorized    = 4401
	CloseForbidden       = 4403
	CloseTooMany         = 4429
	CodeSocketMutation   = "MUTATION_NOT_ON_WEBSOCKET"
	socketRecheckPeriods = 4 // heartbeats between full re-checks (session expiry, lost notifications)
)

// SocketStore is what the socket guard needs from the database.
type SocketStore interface {
	// OnAuthChange hears the id of each user whose rights may have shrunk
	// (0: re-check every user). The callback must not block.
	OnAuthChange(f func(userID int64))
	// Principal re-reads the caller of a socket: its user and roles now,
	// and a fingerprint of the password. EUNAUTHENTICATED when the session
	// or token no longer holds.
	Principal(ctx context.Context, a *jxc.Auth) (*jxc.User, string, error)
	OpenSocket(ctx context.Context, userID int64, max int) (string, error)
	CloseSocket(ctx context.Context, id string) error
	SocketsAlive(ctx context.Context, ids []string, userIDs []int64, subscriptions []int) error
	AddSubscription(ctx context.Context, socketID string, userID int64, max int) error
	EndSubscription(ctx context.Context, socketID string) error
}

// sockets is this process's registry of its open websockets, by user, so
// that a notification can reach them. It is connection state, not shared
// state: what must hold across replicas (the caps) is in the database.
type sockets struct {
	store   SocketStore
	log     *slog.Logger
	mu      sync.Mutex
	byUser  map[int64]map[*socket]struct{}
	beating bool
}

func newSockets(store SocketStore, log *slog.Logger) *sockets {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	g := &sockets{store: store, log: log, byUser: map[int64]map[*socket]struct{}{}}
	if store != nil {
		store.OnAuthChange(g.authChanged)
	}
	return g
}

// socket is one websocket connection.
type socket struct {
	reg *sockets

	// Set once by open.
	id     string
	userID int64
	auth   *jxc.Auth
	cancel context.CancelFunc

	mu         sync.Mutex
	roles      []jxc.Role // as last seen
	credential string
	code       int // the close code to send instead of gqlgen's
	reason     string
	released   bool

	checkMu sync.Mutex
	pending atomic.Bool
	subs    atomic.Int64
}

type socketKey struct{}

func socketFrom(ctx context.Context) *socket {
	s, _ := ctx.Value(socketKey{}).(*socket)
	return s
}

// mark gives every websocket upgrade request its socket, which Accept and
// the init function then share through the request context.
func (g *sockets) mark(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" {
			r = r.WithContext(context.WithValue(r.Context(), socketKey{}, &socket{reg: g}))
		}
		next.ServeHTTP(w, r)
	})
}

// Accept implements transport.WebsocketImplementation: gqlgen's own, with
// the connection wrapped so that the server can close it with its code.
func (g *sockets) Accept(w http.ResponseWriter, r *http.Request, o transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	c, err := transport.CoderWebsocketImplementation{}.Accept(w, r, o)
	if err != nil {
		return nil, err
	}
	s := socketFrom(r.Context())
	if s == nil {
		return c, nil
	}
	return &socketConn{WebsocketConn: c, s: s}, nil
}

// socketConn sends the socket's close code when the guard closed it
// (gqlgen closes a cancelled connection with 1000) and releases it.
type socketConn struct {
	transport.WebsocketConn
	s *socket
}

func (c *socketConn) WriteClose(code int, msg string) error {
	c.s.mu.Lock()
	if c.s.code != 0 {
		code, msg = c.s.code, c.s.reason
	}
	c.s.mu.Unlock()
	return c.WebsocketConn.WriteClose(code, msg)
}

func (c *socketConn) Close() error {
	err := c.WebsocketConn.Close()
	c.s.release()
	return err
}

func (c *socketConn) SetReadLimit(limit int64) {
	if l, ok := c.WebsocketConn.(transport.WebsocketReadLimiter); ok {
		l.SetReadLimit(limit)
	}
}

func (c *socketConn) SetReadDeadline(t time.Time) error {
	if d, ok := c.WebsocketConn.(transport.WebsocketReadDeadliner); ok {
		return d.SetReadDeadline(t)
	}
	return nil
}

var (
	_ transport.WebsocketImplementation = (*sockets)(nil)
	_ transport.WebsocketReadLimiter    = (*socketConn)(nil)
	_ transport.WebsocketReadDeadliner  = (*socketConn)(nil)
)

// open registers an authenticated socket: counted against its user's cap
// across replicas, and known to this process for notifications. The
// returned context ends when the guard closes the socket.
func (g *sockets) open(ctx context.Context, a *jxc.Auth) (context.Context, error) {
	s := socketFrom(ctx)
	if s == nil || g.store == nil {
		return ctx, jxc.Errorf(jxc.EINTERNAL, "live connections are not available on this server")
	}
	u, cred, err := g.store.Principal(ctx, a)
	if err != nil {
		return ctx, err
	}
	id, err := g.store.OpenSocket(ctx, u.ID, MaxSocketsPerUser)
	if err != nil {
		return ctx, err
	}
	ctx, cancel := context.WithCancel(ctx)
	s.mu.Lock()
	s.id, s.userID, s.cancel = id, u.ID, cancel
	s.auth = &jxc.Auth{User: u, SessionID: a.SessionID, TokenID: a.TokenID}
	s.roles, s.credential = u.Roles, cred
	s.mu.Unlock()
	g.mu.Lock()
	if g.byUser[u.ID] == nil {
		g.byUser[u.ID] = map[*socket]struct{}{}
	}
	g.byUser[u.ID][s] = struct{}{}
	if !g.beating {
		g.beating = true
		go g.heartbeat()
	}
	g.mu.Unlock()
	return jxc.NewContextWithAuth(ctx, s.auth), nil
}

// release forgets a closed socket, here and in the database.
func (s *socket) release() {
	s.mu.Lock()
	if s.released || s.id == "" {
		s.released = true
		s.mu.Unlock()
		return
	}
	s.released = true
	s.mu.Unlock()
	s.cancel()
	g := s.reg
	g.mu.Lock()
	delete(g.byUser[s.userID], s)
	if len(g.byUser[s.userID]) == 0 {
		delete(g.byUser, s.userID)
	}
	g.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := g.store.CloseSocket(ctx, s.id); err != nil {
		g.log.Warn("forgetting a live socket", "err", err)
	}
}

// close ends the socket with code; the first reason given wins.
func (s *socket) close(code int, reason string) {
	s.mu.Lock()
	if s.code == 0 {
		s.code, s.reason = code, reason
	}
	s.mu.Unlock()
	s.cancel()
}

// verify re-reads the socket's principal: the principal as it is now, or
// the coded error and the close code due when the principal lost its
// credential (4401) or some rights (4403); 0 when the database did not
// answer.
func (s *socket) verify(ctx context.Context) (*jxc.Auth, int, error) {
	u, cred, err := s.reg.store.Principal(ctx, s.auth)
	if jxc.ErrorCode(err) == jxc.EUNAUTHENTICATED {
		return nil, CloseUnauthorized, err
	} else if err != nil {
		return nil, 0, err
	}
	var lost *jxc.Error
	s.mu.Lock()
	defer s.mu.Unlock()
	if cred != s.credential {
		lost = jxc.Errorf(jxc.EFORBIDDEN, "the password changed since this connection opened; reconnect")
	}
	for _, r := range s.roles {
		if lost == nil && !slices.Contains(u.Roles, r) {
			lost = jxc.Errorf(jxc.EFORBIDDEN, "the user's roles changed since this connection opened; reconnect")
		}
	}
	if lost != nil {
		return nil, CloseForbidden, lost
	}
	s.roles = u.Roles
	return &jxc.Auth{User: u, SessionID: s.auth.SessionID, TokenID: s.auth.TokenID}, 0, nil
}

func closeReason(code int) string {
	if code == CloseUnauthorized {
		return "Unauthorized"
	}
	return "Forbidden"
}

// recheckSoon verifies the socket in the background. A check already
// running may have read the database before the change: one more runs
// after it, and further requests meanwhile fold into that one.
func (s *socket) recheckSoon() {
	if s.pending.Swap(true) {
		return
	}
	go func() {
		s.checkMu.Lock()
		defer s.checkMu.Unlock()
		s.pending.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, code, err := s.verify(ctx); code != 0 {
			s.close(code, closeReason(code))
		} else if err != nil {
			// The database did not answer; the next operation or the
			// periodic re-check tries again.
			s.reg.log.Warn("re-checking a live socket", "err", err)
		}
	}()
}

// authChanged is the jxc_auth callback: re-check the user's sockets (0:
// all). It never blocks.
func (g *sockets) authChanged(userID int64) {
	g.mu.Lock()
	var todo []*socket
	for uid, ss := range g.byUser {
		if userID == 0 || uid == userID {
			for s := range ss {
				todo = append(todo, s)
			}
		}
	}
	g.mu.Unlock()
	for _, s := range todo {
		s.recheckSoon()
	}
}

// heartbeat keeps this process's sockets counted in the database and, every
// few beats, re-checks them all (a session that expired announces nothing).
// It ends when no socket is left.
func (g *sockets) heartbeat() {
	tick := time.NewTicker(heartbeatEvery)
	defer tick.Stop()
	for beat := 1; ; beat++ {
		<-tick.C
		g.mu.Lock()
		var (
			ids   []string
			users []int64
			subs  []int
		)
		for uid, ss := range g.byUser {
			for s := range ss {
				ids, users, subs = append(ids, s.id), append(users, uid), append(subs, int(max(s.subs.Load(), 0)))
			}
		}
		if len(ids) == 0 {
			g.beating = false
			g.mu.Unlock()
			return
		}
		g.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := g.store.SocketsAlive(ctx, ids, users, subs); err != nil {
			g.log.Warn("refreshing live sockets", "err", err)
		}
		cancel()
		if beat%socketRecheckPeriods == 0 {
			g.authChanged(0)
		}
	}
}

// heartbeatEvery matches db.SocketHeartbeat (graph does not import db).
const heartbeatEvery = 15 * time.Second

// guardOperation runs every operation on a socket with the principal as it
// is now, and refuses mutations there.
func (g *sockets) guardOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	s := socketFrom(ctx)
	if s == nil || s.id == "" {
		return next(ctx)
	}
	a, closeCode, err := s.verify(ctx)
	if closeCode != 0 {
		// The refusal goes out first, then the socket closes.
		sent := false
		return func(context.Context) *graphql.Response {
			if sent {
				s.close(closeCode, closeReason(closeCode))
				return nil
			}
			sent = true
			return refusal(err.(*jxc.Error).Message, jxc.ErrorCode(err))
		}
	} else if err != nil {
		s.reg.log.Warn("re-checking a live socket", "err", err)
		return refuse("the database is unavailable; try again shortly", CodeUnavailable)
	}
	if oc := graphql.GetOperationContext(ctx); oc.Operation != nil && oc.Operation.Operation == ast.Mutation {
		return refuse("mutations are not accepted on the websocket; send them over HTTP (POST /graphql)", CodeSocketMutation)
	}
	return next(jxc.NewContextWithAuth(ctx, a))
}

func refuse(msg, code string) graphql.ResponseHandler {
	return graphql.OneShot(refusal(msg, code))
}

func refusal(msg, code string) *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{{Message: msg, Extensions: map[string]any{"code": code}}}}
}
