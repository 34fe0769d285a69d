package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// testApp is the real HTTP stack over a fresh database with the demo loaded.
type testApp struct {
	*httptest.Server
	store *db.DB
}

func newTestApp(t *testing.T) *testApp { return newTestAppTB(t) }

func newTestAppTB(t testing.TB) *testApp {
	t.Helper()
	return newTestAppOn(t, demoURL(t))
}

// demoURL is a fresh database with the demo loaded.
func demoURL(t testing.TB) string {
	t.Helper()
	return dbtest.NewPreparedURL(t, "demo", func(ctx context.Context, url string) error {
		d, err := db.Open(ctx, url, slog.New(slog.DiscardHandler))
		if err != nil {
			return err
		}
		defer d.Close()
		_, err = d.LoadDemo(ctx)
		return err
	})
}

// newTestAppOn starts a server over the database at url, as one more
// replica when another test app already uses it.
func newTestAppOn(t testing.TB, url string) *testApp {
	t.Helper()
	return newTestAppWith(t, url, nil)
}

// newTestAppWith is newTestAppOn with the app adjusted by configure (for
// settings such as secure cookies) before its routes are built.
func newTestAppWith(t testing.TB, url string, configure func(*app)) *testApp {
	t.Helper()
	store, err := db.Open(context.Background(), url, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, err := store.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	events := db.NewEvents(store, url)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = events.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	// Tests start from a quiet stream: the demo's own events are delivered.
	for i := 0; ; i++ {
		ok, err := events.CaughtUp(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			break
		}
		if i > 300 {
			t.Fatal("the event hub did not catch up with the demo's events")
		}
		time.Sleep(20 * time.Millisecond)
	}
	a := newApp(store, events, slog.New(slog.DiscardHandler))
	a.dist = fstest.MapFS{
		"index.html":           {Data: []byte("<!doctype html><title>JXC</title>")},
		"graphiql.html":        {Data: []byte("<!doctype html><title>GraphiQL</title>")},
		"assets/app-abc1.js":   {Data: []byte("console.log(1)")},
		"favicon.svg":          {Data: []byte("<svg/>")},
		"manifest.webmanifest": {Data: []byte(`{"name":"JXC","start_url":"/m"}`)},
		"sw.js":                {Data: []byte("self.addEventListener('fetch', () => {})")},
	}
	if configure != nil {
		configure(a)
	}
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close)
	// The replica's export worker, as main runs it.
	ectx, ecancel := context.WithCancel(context.Background())
	edone := make(chan struct{})
	go func() { defer close(edone); a.runExports(ectx) }()
	t.Cleanup(func() { ecancel(); <-edone })
	return &testApp{Server: srv, store: store}
}

type gqlResponse struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	status int
	header http.Header
}

func (r *gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// client is a browser-like caller: a cookie jar, or a bearer token.
type client struct {
	t     testing.TB
	app   *testApp
	http  *http.Client
	token string
	lang  string // Accept-Language, when set
}

func (a *testApp) client(t *testing.T) *client { return a.clientTB(t) }

func (a *testApp) clientTB(t testing.TB) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, app: a, http: &http.Client{Jar: jar}}
}

func (c *client) do(query string, vars map[string]any) *gqlResponse {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", c.app.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(b, &out); err != nil {
		c.t.Fatalf("status %d, not JSON: %s", resp.StatusCode, b)
	}
	out.status, out.header = resp.StatusCode, resp.Header
	return &out
}

func (c *client) login(username, password string) *gqlResponse {
	c.t.Helper()
	return c.do(`mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { user { id username roles } userErrors { code field message } } }`,
		map[string]any{"u": username, "p": password})
}

func (c *client) mustLogin(username string) *client {
	c.t.Helper()
	r := c.login(username, db.DemoPassword)
	var p struct {
		Login struct {
			User       *struct{ Username string }
			UserErrors []any
		}
	}
	if len(r.Errors) > 0 {
		c.t.Fatalf("login %s: %+v", username, r.Errors)
	}
	mustJSON(c.t, r.Data, &p)
	if p.Login.User == nil {
		c.t.Fatalf("login %s failed: %+v", username, p.Login.UserErrors)
	}
	return c
}

func mustJSON(t testing.TB, data map[string]json.RawMessage, v any) {
	t.Helper()
	b, _ := json.Marshal(data)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

// cookieHeader is the client's session cookies as request headers, for a
// websocket dial (which does not go through the cookie jar).
func (c *client) cookieHeader() http.Header {
	u, _ := http.NewRequest("GET", c.app.URL, nil)
	h := http.Header{}
	for _, ck := range c.http.Jar.Cookies(u.URL) {
		h.Add("Cookie", ck.Name+"="+ck.Value)
	}
	return h
}

// wsSubscribe opens a graphql-transport-ws session on conn (connection_init,
// then the server's ack) and subscribes to query as "1".
func wsSubscribe(t *testing.T, ctx context.Context, conn *websocket.Conn, query string, vars map[string]any) {
	t.Helper()
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init"}); err != nil {
		t.Fatal(err)
	}
	var ack map[string]any
	if err := wsjson.Read(ctx, conn, &ack); err != nil {
		t.Fatal(err)
	}
	if ack["type"] != "connection_ack" {
		t.Fatalf("want connection_ack, got %v", ack)
	}
	payload := map[string]any{"query": query}
	if vars != nil {
		payload["variables"] = vars
	}
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "subscribe", "id": "1", "payload": payload}); err != nil {
		t.Fatal(err)
	}
}

// stockLevel is a stock level as the tests read it.
type stockLevel struct {
	OnHand    decimal.Decimal
	Product   struct{ ID, Sku string }
	Warehouse struct{ ID string }
}

// firstStockLevel is the query of the first stock level matching filter
// (a StockLevelFilter literal).
func firstStockLevel(filter string) string {
	return `{ stockLevels(first: 1, filter: ` + filter + `) { nodes { onHand product { id sku } warehouse { id } } } }`
}

// stockLevelsIn returns the stock levels a stockLevels query answered.
func stockLevelsIn(t *testing.T, r *gqlResponse) []stockLevel {
	t.Helper()
	var levels struct{ StockLevels struct{ Nodes []stockLevel } }
	mustJSON(t, r.Data, &levels)
	return levels.StockLevels.Nodes
}

// gql runs an operation that must not fail at the top level and decodes data into out.
func (c *client) gql(query string, vars map[string]any, out any) {
	c.t.Helper()
	r := c.do(query, vars)
	if len(r.Errors) > 0 {
		c.t.Fatalf("%s: %+v", firstLine(query), r.Errors)
	}
	mustJSON(c.t, r.Data, out)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return s
}

// journalLine is a journal line as the tests read it.
type journalLine struct {
	Account       struct{ Code string }
	Debit, Credit string
}

// journalLines returns the lines of each journal entry a document posted.
func (c *client) journalLines(sourceType, sourceID string) [][]journalLine {
	c.t.Helper()
	var r struct {
		JournalEntries struct {
			Nodes []struct{ Lines []journalLine }
		}
	}
	c.gql(`query($t: SourceType, $id: ID) { journalEntries(filter: {sourceType: $t, sourceId: $id}) { nodes { lines { account { code } debit credit } } } }`,
		map[string]any{"t": sourceType, "id": sourceID}, &r)
	out := make([][]journalLine, len(r.JournalEntries.Nodes))
	for i, e := range r.JournalEntries.Nodes {
		out[i] = e.Lines
	}
	return out
}

// recordPayment records a customer's payment of amount, unallocated, and
// fails the test unless it is accepted.
func (c *client) recordPayment(customerID, amount string) {
	c.t.Helper()
	r := c.do(`mutation($c: ID!, $a: Decimal!) { recordCustomerPayment(input: {customerId: $c, amount: $a}) { userErrors { field message } } }`,
		map[string]any{"c": customerID, "a": amount})
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data["recordCustomerPayment"]), `"userErrors":[]`) {
		c.t.Fatalf("payment: %s %+v", r.Data["recordCustomerPayment"], r.Errors)
	}
}

// buildBinary builds the server into a temporary directory, for the tests
// that run the real binary as a process.
func buildBinary(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jxc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// buildBinaryUnlessShort skips the test in -short mode, saying why (what
// the test does with the binary), and otherwise builds the binary.
func buildBinaryUnlessShort(t testing.TB, why string) string {
	t.Helper()
	if testing.Short() {
		t.Skip(why)
	}
	return buildBinary(t)
}

// demoHistory is the span the demo company's history covers: from the first
// of January last year to today.
func demoHistory() (today, from jxc.Date) {
	today = jxc.Today(time.Now())
	return today, jxc.Date{Year: today.Year - 1, Month: 1, Day: 1}
}
