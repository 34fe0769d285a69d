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
	"testing"
	"testing/fstest"
	"time"

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
	return newTestAppOn(t, dbtest.NewPreparedURL(t, "demo", func(ctx context.Context, url string) error {
		d, err := db.Open(ctx, url, slog.New(slog.DiscardHandler))
		if err != nil {
			return err
		}
		defer d.Close()
		_, err = d.LoadDemo(ctx)
		return err
	}))
}

// newTestAppOn starts a server over the database at url, as one more
// replica when another test app already uses it.
func newTestAppOn(t testing.TB, url string) *testApp {
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
		"index.html":         {Data: []byte("<!doctype html><title>JXC</title>")},
		"graphiql.html":      {Data: []byte("<!doctype html><title>GraphiQL</title>")},
		"assets/app-abc1.js": {Data: []byte("console.log(1)")},
		"favicon.svg":        {Data: []byte("<svg/>")},
	}
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close)
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
