package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
)

// liveSocket is a graphql-transport-ws connection as a browser tab or a
// script holds it: signed in, with messages read in the background.
type liveSocket struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan wsMessage
	done chan struct{} // closed when the server closed the socket
	code websocket.StatusCode
	at   time.Time

	mu    sync.Mutex
	subID int
}

type wsMessage struct {
	ID      string
	Type    string
	Payload json.RawMessage
}

// openSocket dials /graphql with the header (cookies) and sends
// connection_init with payload. It fails the test unless acknowledged.
func openSocket(t *testing.T, app *testApp, header http.Header, payload map[string]any) *liveSocket {
	t.Helper()
	s, ack := dialSocket(t, app, header, payload)
	if ack != "connection_ack" {
		t.Fatalf("connection_init: %s (closed with %d), want connection_ack", ack, s.code)
	}
	return s
}

// dialSocket is openSocket that returns what came back first instead of
// failing: "connection_ack", or "closed" (then s.code says how).
func dialSocket(t *testing.T, app *testApp, header http.Header, payload map[string]any) (*liveSocket, string) {
	t.Helper()
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(app.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	s := &liveSocket{t: t, conn: conn, msgs: make(chan wsMessage, 500), done: make(chan struct{})}
	msg := map[string]any{"type": "connection_init"}
	if payload != nil {
		msg["payload"] = payload
	}
	if err := wsjson.Write(ctx, conn, msg); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(s.done)
		for {
			var m wsMessage
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				s.code, s.at = websocket.CloseStatus(err), time.Now()
				return
			}
			select {
			case s.msgs <- m:
			default: // a test that does not read them does not block the socket
			}
		}
	}()
	for {
		select {
		case m := <-s.msgs:
			if m.Type == "connection_ack" {
				return s, m.Type
			}
		case <-s.done:
			return s, "closed"
		case <-time.After(5 * time.Second):
			t.Fatal("no answer to connection_init within 5 s")
		}
	}
}

// start sends a subscribe message for query and returns its id.
func (s *liveSocket) start(query string) string {
	s.t.Helper()
	s.mu.Lock()
	s.subID++
	id := fmt.Sprint(s.subID)
	s.mu.Unlock()
	if err := wsjson.Write(context.Background(), s.conn, map[string]any{"type": "subscribe", "id": id,
		"payload": map[string]any{"query": query}}); err != nil {
		s.t.Fatalf("sending %s: %v", firstLine(query), err)
	}
	return id
}

// result waits for the first answer to operation id: its data, or the code
// of its first error ("" when none).
func (s *liveSocket) result(id string, timeout time.Duration) (data json.RawMessage, code string) {
	s.t.Helper()
	data, code, ok := s.tryResult(id, timeout)
	if !ok {
		s.t.Fatalf("no answer to operation %s within %v", id, timeout)
	}
	return data, code
}

// tryResult is result that reports ok=false when no answer came in time.
func (s *liveSocket) tryResult(id string, timeout time.Duration) (data json.RawMessage, code string, ok bool) {
	deadline := time.After(timeout)
	for {
		select {
		case m := <-s.msgs:
			if m.ID != id {
				continue
			}
			var errs []struct{ Extensions map[string]any }
			switch m.Type {
			case "error":
				_ = json.Unmarshal(m.Payload, &errs)
			case "next":
				var p struct {
					Data   json.RawMessage
					Errors []struct{ Extensions map[string]any }
				}
				_ = json.Unmarshal(m.Payload, &p)
				data, errs = p.Data, p.Errors
			case "complete":
				return nil, "complete", true
			}
			if len(errs) > 0 {
				c, _ := errs[0].Extensions["code"].(string)
				return data, c, true
			}
			return data, "", true
		case <-s.done:
			return nil, fmt.Sprintf("closed %d", s.code), true
		case <-deadline:
			return nil, "", false
		}
	}
}

// closedWithin waits for the server to close the socket and returns the
// code and how long after since it came.
func (s *liveSocket) closedWithin(since time.Time, timeout time.Duration) (websocket.StatusCode, time.Duration, bool) {
	select {
	case <-s.done:
		return s.code, s.at.Sub(since), true
	case <-time.After(timeout):
		return 0, 0, false
	}
}

// subscriptionsOf is how many subscriptions the user's sockets hold on
// all replicas (-1 when the server does not count them).
func subscriptionsOf(app *testApp, username string) int {
	var n int
	if err := app.store.GetContext(context.Background(), &n, `SELECT coalesce(sum(subscriptions), 0) FROM live_sockets l
		JOIN users u ON u.id = l.user_id WHERE u.username = $1`, username); err != nil {
		return -1
	}
	return n
}

// waitSubscribed waits (a bounded while) until the user holds n
// subscriptions: they start concurrently with what the test does next.
func waitSubscribed(app *testApp, username string, n int) int {
	got := subscriptionsOf(app, username)
	for i := 0; i < 100 && got != n; i++ {
		time.Sleep(30 * time.Millisecond)
		got = subscriptionsOf(app, username)
	}
	return got
}

// quietSub is a subscription that nothing in these tests triggers.
const quietSub = `subscription { stockLevelChanged(filter: {productId: "999999999"}) { seq } }`

// newDeafTestApp is a replica whose LISTEN connection is down (its event
// hub never runs): no notification reaches it, so only the check on every
// operation stands between a socket and rights it lost.
func newDeafTestApp(t *testing.T) *testApp {
	t.Helper()
	url := dbtest.NewPreparedURL(t, "demo", func(ctx context.Context, url string) error {
		d, err := db.Open(ctx, url, slog.New(slog.DiscardHandler))
		if err != nil {
			return err
		}
		defer d.Close()
		_, err = d.LoadDemo(ctx)
		return err
	})
	store, err := db.Open(context.Background(), url, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(newApp(store, db.NewEvents(store, url), slog.New(slog.DiscardHandler)).routes())
	t.Cleanup(srv.Close)
	return &testApp{Server: srv, store: store}
}

// rightsChange is one way a user loses rights while a socket of theirs is
// open: who holds the socket, how it signs in, what changes, and the close
// code that must follow.
type rightsChange struct {
	name, user string
	viaToken   bool
	// change makes the change over HTTP; admin is signed in, owner is the
	// socket's user (its token, when viaToken, is owner.token's id in tokenID).
	change func(t *testing.T, admin, owner *client, userID, tokenID string)
	want   websocket.StatusCode
}

// wantClose is the close code due after the change: rc.want, or 4401 when
// the change also ended the owner's session (as a password reset may).
func (rc rightsChange) wantClose(owner *client) websocket.StatusCode {
	if rc.want == graph.CloseForbidden && owner.do(`{ me { id } }`, nil).code() == "UNAUTHENTICATED" {
		return graph.CloseUnauthorized
	}
	return rc.want
}

func rightsChanges() []rightsChange {
	mustOK := func(t *testing.T, r *gqlResponse, field string) {
		t.Helper()
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data[field]), `"userErrors":[]`) {
			t.Fatalf("%s: %s %+v", field, r.Data[field], r.Errors)
		}
	}
	return []rightsChange{
		{name: "logout", user: "manager", want: 4401, change: func(t *testing.T, _, owner *client, _, _ string) {
			if r := owner.do(`mutation { logout { ok } }`, nil); len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}},
		{name: "deactivation", user: "sales", want: 4401, change: func(t *testing.T, admin, _ *client, id, _ string) {
			mustOK(t, admin.do(`mutation($id: ID!) { updateUser(input: {id: $id, active: false}) { userErrors { message } } }`,
				map[string]any{"id": id}), "updateUser")
		}},
		{name: "token revocation", user: "finance", viaToken: true, want: 4401, change: func(t *testing.T, _, owner *client, _, tokenID string) {
			mustOK(t, owner.do(`mutation($id: ID!) { revokeApiToken(id: $id) { userErrors { message } } }`,
				map[string]any{"id": tokenID}), "revokeApiToken")
		}},
		// A reset by an administrator: the socket opened under the old
		// password does not outlive it. (When the reset also ends the
		// user's sessions, the credential is gone and the code is 4401.)
		{name: "password reset", user: "purchasing", want: 4403, change: func(t *testing.T, admin, _ *client, id, _ string) {
			mustOK(t, admin.do(`mutation($id: ID!) { setPassword(input: {id: $id, password: "s3cret-new"}) { userErrors { message } } }`,
				map[string]any{"id": id}), "setPassword")
		}},
		{name: "role change", user: "warehouse", want: 4403, change: func(t *testing.T, admin, _ *client, id, _ string) {
			mustOK(t, admin.do(`mutation($id: ID!) { updateUser(input: {id: $id, roles: [ANALYST]}) { userErrors { message } } }`,
				map[string]any{"id": id}), "updateUser")
		}},
	}
}

// signedInSocket signs user in (and, viaToken, mints a token and opens the
// socket with it) and returns the HTTP client, the socket, the user's id
// and the token's id.
func signedInSocket(t *testing.T, app *testApp, user string, viaToken bool) (*client, *liveSocket, string, string) {
	t.Helper()
	owner := app.client(t).mustLogin(user)
	var me struct{ Me struct{ ID string } }
	owner.gql(`{ me { id } }`, nil, &me)
	if !viaToken {
		return owner, openSocket(t, app, owner.cookieHeader(), nil), me.Me.ID, ""
	}
	var tok struct {
		CreateApiToken struct {
			Token  struct{ ID string }
			Secret string
		}
	}
	owner.gql(`mutation { createApiToken(name: "live board") { token { id } secret } }`, nil, &tok)
	return owner, openSocket(t, app, nil, map[string]any{"authToken": tok.CreateApiToken.Secret}), me.Me.ID, tok.CreateApiToken.Token.ID
}

// TestASocketIsClosedWithinASecondOfLosingItsRights: for each way a user
// loses rights, their open socket with a live subscription is closed by
// the server within a second, with 4401 when the credential is gone and
// 4403 when rights shrank. Sockets of other users stay open.
func TestASocketIsClosedWithinASecondOfLosingItsRights(t *testing.T) {
	app := newTestApp(t)
	admin := app.client(t).mustLogin("admin")
	bystander := openSocket(t, app, app.client(t).mustLogin("analyst").cookieHeader(), nil)
	for _, rc := range rightsChanges() {
		t.Run(rc.name, func(t *testing.T) {
			owner, s, userID, tokenID := signedInSocket(t, app, rc.user, rc.viaToken)
			s.start(quietSub)
			if _, code := s.result(s.start(`query { me { id } }`), 5*time.Second); code != "" {
				t.Fatalf("a query on the fresh socket: %s", code)
			}
			waitSubscribed(app, rc.user, 1)
			rc.change(t, admin, owner, userID, tokenID)
			changed := time.Now()
			code, after, closed := s.closedWithin(changed, 3*time.Second)
			if !closed {
				t.Fatalf("after %s the socket is still open 3 s later", rc.name)
			}
			if want := rc.wantClose(owner); code != want || after > time.Second {
				t.Fatalf("after %s: closed with %d after %v, want %d within 1 s", rc.name, code, after, want)
			}
		})
	}
	select {
	case <-bystander.done:
		t.Fatalf("another user's socket was closed too (%d)", bystander.code)
	default:
	}
}

// TestAnOperationOnASocketRunsWithTheRightsOfNow: on a replica that hears
// no notification, an operation sent on a socket after its user lost
// rights is refused (and the socket closed) by the check every operation
// makes. After a logout the socket used to mint an API token.
func TestAnOperationOnASocketRunsWithTheRightsOfNow(t *testing.T) {
	app := newDeafTestApp(t)
	admin := app.client(t).mustLogin("admin")
	for _, rc := range rightsChanges() {
		t.Run(rc.name, func(t *testing.T) {
			owner, s, userID, tokenID := signedInSocket(t, app, rc.user, rc.viaToken)
			s.start(quietSub)
			if _, code := s.result(s.start(`query { me { id } }`), 5*time.Second); code != "" {
				t.Fatalf("a query on the fresh socket: %s", code)
			}
			// The subscription passed its own check before the change.
			waitSubscribed(app, rc.user, 1)
			rc.change(t, admin, owner, userID, tokenID)
			want := rc.wantClose(owner)
			wantCode := map[websocket.StatusCode]string{4401: "UNAUTHENTICATED", 4403: "FORBIDDEN"}[want]
			data, code := s.result(s.start(`query { me { id username roles } }`), 5*time.Second)
			if code != wantCode {
				t.Fatalf("a query after %s: %s %s, want %s", rc.name, code, data, wantCode)
			}
			if got, _, closed := s.closedWithin(time.Now(), 3*time.Second); !closed || got != want {
				t.Fatalf("after the refused query: closed %v with %d, want %d", closed, got, want)
			}
		})
	}
	// The attack of the issue: sign out in the browser, keep the socket,
	// mint a token on it.
	owner, s, _, _ := signedInSocket(t, app, "manager", false)
	owner.do(`mutation { logout { ok } }`, nil)
	if _, code := s.result(s.start(`mutation { createApiToken(name: "kept") { secret } }`), 5*time.Second); code != "UNAUTHENTICATED" {
		t.Fatalf("minting a token on the socket after logout: %q, want UNAUTHENTICATED", code)
	}
	var n int
	if err := app.store.GetContext(context.Background(), &n, `SELECT count(*) FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE u.username = 'manager'`); err != nil || n != 0 {
		t.Fatalf("manager has %d tokens (%v), want none", n, err)
	}
}

// TestMutationsAreRefusedOnASocket: mutations go over HTTP only; on a
// socket they get a coded top-level error and change nothing, whoever
// sends them.
func TestMutationsAreRefusedOnASocket(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	s := openSocket(t, app, c.cookieHeader(), nil)
	if _, code := s.result(s.start(`mutation { createApiToken(name: "over the socket") { secret } }`), 5*time.Second); code != graph.CodeSocketMutation {
		t.Fatalf("a mutation on the socket: %q, want %s", code, graph.CodeSocketMutation)
	}
	var toks struct{ MyApiTokens []struct{ ID string } }
	c.gql(`{ myApiTokens { id } }`, nil, &toks)
	if len(toks.MyApiTokens) != 0 {
		t.Fatalf("the refused mutation minted %d tokens", len(toks.MyApiTokens))
	}
	// The socket stays usable for what it is for.
	if _, code := s.result(s.start(`query { me { id } }`), 5*time.Second); code != "" {
		t.Fatalf("a query after the refused mutation: %q", code)
	}
}

// TestSocketsPerUserAreCappedAcrossReplicas: a user holds at most
// MaxSocketsPerUser sockets on all replicas together; one more is closed
// with 4429, and closing one makes room. Rows a dead replica left behind
// stop counting once they are not refreshed.
func TestSocketsPerUserAreCappedAcrossReplicas(t *testing.T) {
	url := dbtest.NewURL(t)
	one, two := newTestAppOn(t, url), newTestAppOn(t, url)
	c := one.client(t).mustLogin("sales")
	var open []*liveSocket
	for i := 0; i < graph.MaxSocketsPerUser; i++ {
		app := one
		if i%2 == 1 {
			app = two
		}
		open = append(open, openSocket(t, app, c.cookieHeader(), nil))
	}
	for _, app := range []*testApp{one, two} {
		s, got := dialSocket(t, app, c.cookieHeader(), nil)
		if got != "closed" || s.code != graph.CloseTooMany {
			t.Fatalf("socket %d of the user: %s (code %d), want closed with %d", graph.MaxSocketsPerUser+1, got, s.code, graph.CloseTooMany)
		}
	}
	// Another user is not affected.
	openSocket(t, two, two.client(t).mustLogin("manager").cookieHeader(), nil)

	open[0].conn.Close(websocket.StatusNormalClosure, "")
	var ok bool
	for i := 0; i < 50 && !ok; i++ {
		time.Sleep(50 * time.Millisecond)
		s, got := dialSocket(t, two, c.cookieHeader(), nil)
		ok = got == "connection_ack"
		if !ok && s.code != graph.CloseTooMany {
			t.Fatalf("after closing one: closed with %d", s.code)
		}
	}
	if !ok {
		t.Fatal("closing a socket did not make room for another")
	}

	// A replica died holding sockets of the manager: its rows age out.
	if _, err := one.store.ExecContext(context.Background(), `INSERT INTO live_sockets (id, user_id, seen_at)
		SELECT 'dead-' || g, u.id, now() - $1::interval FROM users u, generate_series(1, $2) g WHERE u.username = 'manager'`,
		(db.SocketExpiry + time.Second).String(), graph.MaxSocketsPerUser); err != nil {
		t.Fatal(err)
	}
	openSocket(t, one, one.client(t).mustLogin("manager").cookieHeader(), nil)
}

// TestSubscriptionsPerUserAreCappedAcrossSockets: past
// MaxSubscriptionsPerUser on all of a user's sockets together, one more
// subscription is refused with THROTTLED, even on a fresh socket; ending
// one makes room.
func TestSubscriptionsPerUserAreCappedAcrossSockets(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	perSocket := graph.MaxSubscriptionsPerSocket
	var socks []*liveSocket
	for n := 0; n < graph.MaxSubscriptionsPerUser; n += perSocket {
		s := openSocket(t, app, c.cookieHeader(), nil)
		socks = append(socks, s)
		for i := 0; i < perSocket && n+i < graph.MaxSubscriptionsPerUser; i++ {
			s.start(quietSub)
		}
	}
	// Subscriptions start concurrently: wait until all are counted (or,
	// where nothing counts them, a while).
	counted := func() int { return subscriptionsOf(app, "manager") }
	total := waitSubscribed(app, "manager", graph.MaxSubscriptionsPerUser)
	fresh := openSocket(t, app, c.cookieHeader(), nil)
	if _, code, _ := fresh.tryResult(fresh.start(quietSub), 3*time.Second); code != "THROTTLED" {
		t.Fatalf("subscription %d of the user (%d counted): %q, want THROTTLED", graph.MaxSubscriptionsPerUser+1, total, code)
	}
	// Ending one makes room.
	_ = wsjson.Write(context.Background(), socks[0].conn, map[string]any{"type": "complete", "id": "1"})
	for i := 0; i < 100 && total >= graph.MaxSubscriptionsPerUser; i++ {
		time.Sleep(50 * time.Millisecond)
		total = counted()
	}
	fresh.start(quietSub)
	// Operations on a socket run in order of arrival only loosely: wait
	// for the count rather than for an answer (an accepted quiet
	// subscription says nothing).
	for i := 0; i < 100 && total < graph.MaxSubscriptionsPerUser; i++ {
		time.Sleep(50 * time.Millisecond)
		total = counted()
	}
	if total != graph.MaxSubscriptionsPerUser {
		t.Fatalf("after ending one, a new subscription was not counted (%d)", total)
	}
}

// TestALogoutOnOneReplicaClosesTheSocketOnAnother: the notification comes
// from the database, so the replica holding the socket hears a change made
// through another one.
func TestALogoutOnOneReplicaClosesTheSocketOnAnother(t *testing.T) {
	url := dbtest.NewURL(t)
	one, two := newTestAppOn(t, url), newTestAppOn(t, url)
	c := one.client(t).mustLogin("manager")
	s := openSocket(t, two, c.cookieHeader(), nil)
	s.start(quietSub)
	waitSubscribed(two, "manager", 1)
	c.do(`mutation { logout { ok } }`, nil)
	changed := time.Now()
	code, after, closed := s.closedWithin(changed, 3*time.Second)
	if !closed || code != graph.CloseUnauthorized || after > time.Second {
		t.Fatalf("logout through replica one: the socket on replica two closed %v with %d after %v, want 4401 within 1 s", closed, code, after)
	}
}
