package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/jxcgraph/jxc/graph"
)

func TestOversizedBodiesAreRefusedWithACode(t *testing.T) {
	app := newTestApp(t)
	big := `{"query":"{ __typename }","variables":{"x":"` + strings.Repeat("a", 10<<20) + `"}}`
	resp, err := http.Post(app.URL+"/graphql", "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "REQUEST_TOO_LARGE") {
		t.Fatalf("10 MB body: %d %s", resp.StatusCode, b)
	}
	// The same body without a declared length is cut off at the limit.
	req, _ := http.NewRequest("POST", app.URL+"/graphql", io.MultiReader(bytes.NewReader([]byte(big))))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK && !strings.Contains(string(b), "errors") {
		t.Fatalf("chunked 10 MB body was accepted: %d %.200s", resp.StatusCode, b)
	}
	c := app.client(t).mustLogin("manager")
	if r := c.do(`{ me { username } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("server unhealthy after the big bodies: %+v", r.Errors)
	}
}

func TestSQLMetacharactersInFiltersAreHarmless(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	for _, s := range []string{`'; DROP TABLE products; --`, `%' OR '1'='1`, `\`, `_%_`, `" OR ""="`, "\x00"} {
		for _, q := range []string{
			`query($s: String) { products(first: 5, filter: {search: $s}) { totalCount } }`,
			`query($s: String) { warehouses(first: 5, filter: {search: $s, region: $s}) { totalCount } }`,
		} {
			r := c.do(q, map[string]any{"s": s})
			if s == "\x00" && (r.code() != "INVALID" || r.Errors[0].Extensions["field"] == nil) {
				t.Errorf("NUL: want INVALID naming the field, got %+v", r.Errors)
			}
			for _, e := range r.Errors {
				if e.Extensions["code"] == "INTERNAL" {
					t.Errorf("%q: internal error %v", s, e)
				}
			}
		}
	}
	var p struct{ Products struct{ TotalCount int } }
	mustJSON(t, c.do(`{ products(first: 1) { totalCount } }`, nil).Data, &p)
	if p.Products.TotalCount != 55 {
		t.Fatalf("products after the injections: %d, want the 55 demo products", p.Products.TotalCount)
	}
}

// TestSubscribeFloodIsBoundedAndOthersStayResponsive sends 300 subscribe
// messages on one socket: 100 are served, the rest refused with THROTTLED,
// and another client's reads stay fast meanwhile (measured).
func TestSubscribeFloodIsBoundedAndOthersStayResponsive(t *testing.T) {
	app := newTestApp(t)
	flooder := app.client(t).mustLogin("analyst")
	u, _ := http.NewRequest("GET", app.URL, nil)
	h := http.Header{}
	for _, ck := range flooder.http.Jar.Cookies(u.URL) {
		h.Add("Cookie", ck.Name+"="+ck.Value)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(app.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: h})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	_ = wsjson.Write(ctx, conn, map[string]any{"type": "connection_init"})
	var ack map[string]any
	_ = wsjson.Read(ctx, conn, &ack)
	const flood = 300
	go func() {
		for i := 0; i < flood; i++ {
			_ = wsjson.Write(ctx, conn, map[string]any{"type": "subscribe", "id": fmt.Sprint(i), "payload": map[string]any{"query": "subscription { clock }"}})
		}
	}()
	live, throttled := map[string]bool{}, map[string]bool{}
	other := app.client(t).mustLogin("manager")
	var worst time.Duration
	deadline := time.Now().Add(10 * time.Second)
	for (len(live) < graph.MaxSubscriptionsPerSocket || len(throttled) < flood-graph.MaxSubscriptionsPerSocket) && time.Now().Before(deadline) {
		var m struct {
			ID      string
			Type    string
			Payload json.RawMessage
		}
		rctx, rcancel := context.WithTimeout(ctx, 2*time.Second)
		err := wsjson.Read(rctx, conn, &m)
		rcancel()
		if err != nil {
			break
		}
		// A refusal may come as an "error" message or as a "next" carrying errors.
		var errs []struct{ Extensions map[string]any }
		if m.Type == "error" {
			_ = json.Unmarshal(m.Payload, &errs)
		} else if m.Type == "next" {
			var p struct {
				Errors []struct{ Extensions map[string]any }
			}
			_ = json.Unmarshal(m.Payload, &p)
			errs = p.Errors
		}
		switch {
		case len(errs) > 0 && errs[0].Extensions["code"] == "THROTTLED":
			throttled[m.ID] = true
		case m.Type == "next" && len(errs) == 0:
			live[m.ID] = true
		}
		if len(live)%25 == 0 {
			start := time.Now()
			if r := other.do(`{ me { id } }`, nil); len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
			worst = max(worst, time.Since(start))
		}
	}
	t.Logf("flood: %d live, %d throttled; another client's slowest read meanwhile %v", len(live), len(throttled), worst)
	if len(live) > graph.MaxSubscriptionsPerSocket {
		t.Errorf("%d subscriptions open on one socket, limit %d", len(live), graph.MaxSubscriptionsPerSocket)
	}
	if len(throttled) != flood-graph.MaxSubscriptionsPerSocket {
		t.Errorf("%d refused with THROTTLED, want %d", len(throttled), flood-graph.MaxSubscriptionsPerSocket)
	}
	if worst > time.Second {
		t.Errorf("another client waited %v during the flood", worst)
	}
}
