package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
)

// costResponse is a whole GraphQL response with its extensions.
type costResponse struct {
	Data       map[string]json.RawMessage `json:"data"`
	Errors     []costError                `json:"errors"`
	Extensions struct {
		Cost *struct {
			RequestedQueryCost int `json:"requestedQueryCost"`
			ActualQueryCost    int `json:"actualQueryCost"`
			ThrottleStatus     *struct {
				MaximumAvailable   int `json:"maximumAvailable"`
				CurrentlyAvailable int `json:"currentlyAvailable"`
				RestoreRate        int `json:"restoreRate"`
			} `json:"throttleStatus"`
		} `json:"cost"`
	} `json:"extensions"`
	status int
	header http.Header
	took   time.Duration
}

type costError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

func (r *costResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// post sends query as c (its cookies) to the server at base.
func (c *client) post(base, query string, vars map[string]any) *costResponse {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	out := costResponse{status: resp.StatusCode, header: resp.Header, took: time.Since(start)}
	if err := json.Unmarshal(b, &out); err != nil {
		c.t.Fatalf("status %d, not JSON: %.300s", resp.StatusCode, b)
	}
	return &out
}

// seventyOneAliases is the query of issue 14: 71 aliases of customers →
// orders → lines, which ran 25 s under the old fixed complexity limit.
func seventyOneAliases() string {
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < 71; i++ {
		fmt.Fprintf(&b, " c%d: customers { nodes { code orders { nodes { number lines { quantity product { sku } } } } } }", i)
	}
	b.WriteString(" }")
	return b.String()
}

func TestSeventyOneAliasQueryIsRefusedWithItsCostBeforeRunning(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	r := c.post(app.URL, seventyOneAliases(), nil)
	if r.code() != graph.CodeMaxCost {
		t.Fatalf("71 aliases: code %q after %v, want %s: %+v", r.code(), r.took, graph.CodeMaxCost, r.Errors)
	}
	if r.Data != nil {
		t.Errorf("refused, yet data came back: %.200v", r.Data)
	}
	ext, _ := r.Errors[0].Extensions["cost"].(map[string]any)
	requested, _ := ext["requestedQueryCost"].(float64)
	if int(requested) <= graph.MaxQueryCost || ext["maximumQueryCost"] != float64(graph.MaxQueryCost) {
		t.Errorf("the refusal's figures: %v, want the requested cost over the limit %d", ext, graph.MaxQueryCost)
	}
	if !strings.Contains(r.Errors[0].Message, strconv.Itoa(int(requested))) || !strings.Contains(r.Errors[0].Message, strconv.Itoa(graph.MaxQueryCost)) {
		t.Errorf("the message does not name the cost and the limit: %s", r.Errors[0].Message)
	}
	if r.Extensions.Cost == nil || r.Extensions.Cost.RequestedQueryCost != int(requested) || r.Extensions.Cost.ActualQueryCost != 0 {
		t.Errorf("extensions.cost of the refusal: %+v", r.Extensions.Cost)
	}
	if r.took > time.Second {
		t.Errorf("the refusal took %v: it ran before it was refused", r.took)
	}
	// Priced by what it fetches: one alias with a small page runs.
	ok := c.post(app.URL, `{ customers(first: 2) { nodes { code orders(first: 2) { nodes { number lines { quantity } } } } } }`, nil)
	if len(ok.Errors) > 0 || ok.Extensions.Cost == nil || ok.Extensions.Cost.RequestedQueryCost != 1+2*(1+1+2*(1+graph.DefaultListSize)) {
		t.Errorf("a small page: %+v %+v", ok.Errors, ok.Extensions.Cost)
	}
}

// fragmentChain is an anonymous caller's 70 KB chain of fragments, each
// spreading the next: validating it took 7.8 s of CPU.
func fragmentChain() string {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := 0; b.Len() < 70<<10; i++ {
		fmt.Fprintf(&b, "fragment F%d on Query { __typename ...F%d }\n", i, i+1)
	}
	n := strings.Count(b.String(), "fragment ")
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", n)
	return b.String()
}

func TestAnonymousFragmentChainIsRefusedInUnder50ms(t *testing.T) {
	app := newTestApp(t)
	q := fragmentChain()
	anon := app.client(t)
	// The best of three: the limit is on the work the server does, not on
	// how busy the machine running the test is.
	best := time.Hour
	for i := 0; i < 3; i++ {
		r := anon.post(app.URL, q, nil)
		if r.code() != graph.CodeComplexity {
			t.Fatalf("anonymous %d KB fragment chain: code %q after %v: %+v", len(q)>>10, r.code(), r.took, r.Errors)
		}
		if r.Extensions.Cost == nil {
			t.Errorf("no extensions.cost on the refusal")
		}
		best = min(best, r.took)
	}
	t.Logf("anonymous %d KB fragment chain refused in %v", len(q)>>10, best)
	if best > 50*time.Millisecond {
		t.Errorf("refused after %v, want under 50 ms", best)
	}
	// A signed-in caller is refused too, by the higher limits.
	m := app.client(t).mustLogin("manager")
	if r := m.post(app.URL, q, nil); r.code() != graph.CodeComplexity || r.took > time.Second {
		t.Errorf("signed-in fragment chain: code %q after %v", r.code(), r.took)
	}
	// The standard introspection query (graphql-js getIntrospectionQuery,
	// 15 levels deep) passes, priced by cost, for an analyst and before
	// signing in (GraphiQL).
	intro, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*client{"analyst": app.client(t).mustLogin("analyst"), "anonymous": anon} {
		r := c.post(app.URL, string(intro), nil)
		if len(r.Errors) > 0 || r.Data["__schema"] == nil {
			t.Errorf("%s: the standard introspection query: %+v", name, r.Errors)
			continue
		}
		if r.Extensions.Cost == nil || r.Extensions.Cost.RequestedQueryCost != graph.IntrospectionSchemaCost {
			t.Errorf("%s: introspection's cost: %+v", name, r.Extensions.Cost)
		}
	}
}

func TestCostIsReportedOnEveryResponse(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	// 55 demo products, two of them (the batch-tracked foods) without a
	// category: first: 100 asks for 1 + 100 x 2, returns 1 + 55 + 53.
	r := c.post(app.URL, `{ products(first: 100) { totalCount nodes { sku category { name } } } }`, nil)
	if len(r.Errors) > 0 || r.Extensions.Cost == nil || r.Extensions.Cost.ThrottleStatus == nil {
		t.Fatalf("products: %+v %+v", r.Errors, r.Extensions.Cost)
	}
	cost := r.Extensions.Cost
	if cost.RequestedQueryCost != 1+100*2 || cost.ActualQueryCost != 1+55+53 {
		t.Errorf("products: requested %d (want 201), actual %d (want 109: 55 products and 53 categories)", cost.RequestedQueryCost, cost.ActualQueryCost)
	}
	ts := cost.ThrottleStatus
	if ts.MaximumAvailable != jxc.CostBucketMaximum || ts.RestoreRate != jxc.CostBucketRestoreRate ||
		ts.CurrentlyAvailable < jxc.CostBucketMaximum-300 || ts.CurrentlyAvailable > jxc.CostBucketMaximum {
		t.Errorf("throttle status after a few cheap requests: %+v", *ts)
	}
	// Refused before it ran, a mutation, an anonymous sign-in: all report it.
	for name, resp := range map[string]*costResponse{
		"invalid query": c.post(app.URL, `{ nope }`, nil),
		"mutation":      c.post(app.URL, `mutation { createApiToken(name: "cost") { userErrors { code } } }`, nil),
		"anonymous":     app.client(t).post(app.URL, `{ __typename }`, nil),
	} {
		if resp.Extensions.Cost == nil || resp.Extensions.Cost.ThrottleStatus == nil {
			t.Errorf("%s: no extensions.cost: %+v", name, resp.Errors)
		}
	}
	if m := c.post(app.URL, `mutation { createApiToken(name: "cost2") { userErrors { code } } }`, nil); m.Extensions.Cost == nil ||
		m.Extensions.Cost.RequestedQueryCost != graph.MutationBaseCost+1+graph.DefaultListSize {
		t.Errorf("a mutation's cost: %+v %+v", m.Errors, m.Extensions.Cost)
	}
}

// TestTheCostBucketIsSharedByReplicasAndThrottles runs two servers over one
// database: what one spends, the other sees; an empty bucket answers
// THROTTLED with the figures and a Retry-After, and refills.
func TestTheCostBucketIsSharedByReplicasAndThrottles(t *testing.T) {
	url := dbtest.NewPreparedURL(t, "demo", func(ctx context.Context, url string) error {
		d, err := db.Open(ctx, url, slog.New(slog.DiscardHandler))
		if err != nil {
			return err
		}
		defer d.Close()
		_, err = d.LoadDemo(ctx)
		return err
	})
	a, b := newTestAppOn(t, url), newTestAppOn(t, url)
	c := a.client(t).mustLogin("manager") // the session is valid on both
	heavy := `{ journalEntries(first: 200) { nodes { id lines { debit account { code } } } } }`
	ra := c.post(a.URL, heavy, nil)
	if len(ra.Errors) > 0 || ra.Extensions.Cost == nil || ra.Extensions.Cost.ThrottleStatus == nil {
		t.Fatalf("on replica A: %+v", ra.Errors)
	}
	spent := ra.Extensions.Cost.ActualQueryCost
	if spent < 600 {
		t.Fatalf("the heavy query returned only %d objects: the demo has too few orders for this test", spent)
	}
	rb := c.post(b.URL, `{ me { id } }`, nil)
	if rb.Extensions.Cost == nil || rb.Extensions.Cost.ThrottleStatus == nil {
		t.Fatalf("on replica B: %+v", rb.Errors)
	}
	// What B sees is what A left, plus what dripped back meanwhile.
	left := ra.Extensions.Cost.ThrottleStatus.CurrentlyAvailable
	if got := rb.Extensions.Cost.ThrottleStatus.CurrentlyAvailable; got > jxc.CostBucketMaximum-spent/2 || got < left-2 {
		t.Errorf("replica B sees %d available; A left %d after spending %d", got, left, spent)
	}
	// Drain it through both replicas, alternately, with the heavy query;
	// bounded in count and time.
	var throttled *costResponse
	deadline := time.Now().Add(60 * time.Second)
	for i := 0; i < 200 && time.Now().Before(deadline); i++ {
		base := a.URL
		if i%2 == 1 {
			base = b.URL
		}
		r := c.post(base, heavy, nil)
		if r.code() == jxc.ETHROTTLED {
			throttled = r
			break
		}
		if len(r.Errors) > 0 {
			t.Fatalf("draining: %+v", r.Errors)
		}
	}
	if throttled == nil {
		t.Fatal("the bucket never ran dry")
	}
	ts := throttled.Extensions.Cost
	if ts == nil || ts.ThrottleStatus == nil || ts.RequestedQueryCost <= ts.ThrottleStatus.CurrentlyAvailable || ts.ActualQueryCost != 0 {
		t.Fatalf("THROTTLED without the figures: %+v", ts)
	}
	if throttled.status != http.StatusTooManyRequests {
		t.Errorf("THROTTLED with HTTP %d, want 429", throttled.status)
	}
	wait, err := strconv.Atoi(throttled.header.Get("Retry-After"))
	if err != nil || wait < 1 || wait > 30 {
		t.Fatalf("Retry-After %q", throttled.header.Get("Retry-After"))
	}
	if msg := throttled.Errors[0].Message; !strings.Contains(msg, strconv.Itoa(ts.RequestedQueryCost)) || !strings.Contains(msg, strconv.Itoa(jxc.CostBucketRestoreRate)) {
		t.Errorf("the message does not give the figures: %s", msg)
	}
	// Another user's bucket is untouched.
	if r := b.client(t).mustLogin("analyst").post(b.URL, heavy, nil); len(r.Errors) > 0 {
		t.Errorf("another user was throttled too: %+v", r.Errors)
	}
	time.Sleep(time.Duration(wait) * time.Second)
	if r := c.post(b.URL, heavy, nil); len(r.Errors) > 0 {
		t.Errorf("after Retry-After: %+v", r.Errors)
	}
}

// TestHTTPTimeoutsCutSlowClientsButNotWebsockets runs the real server
// construction with short timeouts: a client that dribbles its headers is
// cut at the header timeout, an idle keep-alive connection at the idle
// timeout, and a websocket outlives the write timeout.
func TestHTTPTimeoutsCutSlowClientsButNotWebsockets(t *testing.T) {
	def, err := configFromEnv(nil)
	if err != nil {
		t.Fatal(err)
	}
	if h := def.HTTP; h.ReadHeader <= 0 || h.Read <= 0 || h.Write <= def.Statements.Write || h.Idle <= 0 {
		t.Errorf("default HTTP timeouts %+v (the write timeout must exceed the statement timeout %v)", h, def.Statements.Write)
	}
	t.Setenv("STATEMENT_TIMEOUT_READ", "3s")
	if c, err := configFromEnv(nil); err != nil || c.Statements.Read != 3*time.Second {
		t.Errorf("STATEMENT_TIMEOUT_READ=3s: %v %v", c.Statements, err)
	}

	app := newTestApp(t)
	base, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := newHTTPServer(HTTPTimeouts{ReadHeader: 300 * time.Millisecond, Read: time.Second, Write: 500 * time.Millisecond, Idle: 500 * time.Millisecond},
		app.Config.Handler, base)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	addr := ln.Addr().String()

	// Slowloris: a header byte every 100 ms.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	_, _ = conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "))
	cut := false
	for i := 0; i < 50; i++ {
		time.Sleep(100 * time.Millisecond)
		_ = conn.SetReadDeadline(time.Now().Add(10 * time.Millisecond))
		var one [1]byte
		if _, err := conn.Read(one[:]); err != nil && !isTimeout(err) {
			cut = true
			break
		}
		if _, err := conn.Write([]byte("a")); err != nil {
			cut = true
			break
		}
	}
	if !cut || time.Since(start) > 2*time.Second {
		t.Errorf("a dribbled header: cut %v after %v, want cut near the 300 ms header timeout", cut, time.Since(start))
	}

	// An idle keep-alive connection is closed at the idle timeout.
	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	_, _ = idle.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
	br := bufio.NewReader(idle)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	_ = idle.SetReadDeadline(time.Now().Add(3 * time.Second))
	start = time.Now()
	if _, err := br.ReadByte(); err == nil || isTimeout(err) || time.Since(start) > 2*time.Second {
		t.Errorf("an idle connection: %v after %v, want closed near the 500 ms idle timeout", err, time.Since(start))
	}

	// A websocket lives past the write timeout: three clock ticks, 1 s apart.
	m := app.client(t).mustLogin("manager")
	ctx, cancelWS := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancelWS()
	ws, _, err := websocket.Dial(ctx, "ws://"+addr+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: m.cookieHeader()})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	wsSubscribe(t, ctx, ws, `subscription { clock }`, nil)
	start = time.Now()
	for i := 0; i < 3; i++ {
		var msg struct{ Type string }
		if err := wsjson.Read(ctx, ws, &msg); err != nil || msg.Type != "next" {
			t.Fatalf("websocket after %v (write timeout 500 ms): %v %q", time.Since(start), err, msg.Type)
		}
	}
	if time.Since(start) < 1500*time.Millisecond {
		t.Errorf("three ticks in %v: the clock ticks once a second", time.Since(start))
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// TestStatementTimeoutCutsAWriteStuckBehindALock: a mutation waiting on a
// lock held elsewhere is cut at the write statement timeout and answered
// with TIMEOUT, instead of holding its connection until the lock goes.
func TestStatementTimeoutCutsAWriteStuckBehindALock(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("warehouse")
	app.store.SetTimeouts(db.Timeouts{Read: db.DefaultTimeouts.Read, Write: 300 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	lock, err := app.store.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.ExecContext(ctx, `LOCK TABLE warehouses IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() { // the lock ends in 5 s whatever happens
		select {
		case <-time.After(5 * time.Second):
		case <-ctx.Done():
		}
		_ = lock.Rollback()
		close(released)
	}()
	r := c.post(app.URL, `mutation($in: CreateWarehouseInput!) { createWarehouse(input: $in) { warehouse { code } userErrors { message } } }`,
		map[string]any{"in": map[string]any{"code": "WH-SLOW", "name": "Slow"}})
	if r.code() != graph.CodeTimeout || r.took > 2*time.Second {
		t.Errorf("a write behind a lock: code %q after %v, want %s near 300 ms: %+v", r.code(), r.took, graph.CodeTimeout, r.Errors)
	}
	cancel()
	<-released
	// The lock gone and the timeout back, the same write goes through.
	app.store.SetTimeouts(db.DefaultTimeouts)
	ok := c.post(app.URL, `mutation($in: CreateWarehouseInput!) { createWarehouse(input: $in) { warehouse { code } userErrors { message } } }`,
		map[string]any{"in": map[string]any{"code": "WH-SLOW", "name": "Slow"}})
	if len(ok.Errors) > 0 || !strings.Contains(string(ok.Data["createWarehouse"]), "WH-SLOW") {
		t.Errorf("after the lock: %+v %s", ok.Errors, ok.Data["createWarehouse"])
	}
}
