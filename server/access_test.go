package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/jxcgraph/jxc/graph"
)

func TestAnonymousCallerIsUnauthenticated(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t)
	for _, q := range []string{`{ me { id } }`, `{ serverTime }`, `{ users { id } }`, `mutation { logout { ok } }`} {
		r := c.do(q, nil)
		if r.code() != "UNAUTHENTICATED" {
			t.Errorf("%s: code %q (%+v), want UNAUTHENTICATED", q, r.code(), r.Errors)
		}
		if r.Data != nil && string(r.Data["me"]) != "" && string(r.Data["me"]) != "null" {
			t.Errorf("%s leaked data: %s", q, r.Data["me"])
		}
	}
	// A bad bearer token is refused before anything runs.
	c.token = "jxc_not-a-token"
	if r := c.do(`{ serverTime }`, nil); r.code() != "UNAUTHENTICATED" || r.status != http.StatusUnauthorized {
		t.Errorf("bad token: %d %q", r.status, r.code())
	}
}

func TestLoginSetsAStrictHttpOnlyCookieAndMeReturnsRoles(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t)
	r := c.login("manager", "demo")
	var sc *http.Cookie
	for _, h := range r.header.Values("Set-Cookie") {
		cs, _ := http.ParseSetCookie(h)
		if cs != nil && cs.Name == graph.SessionCookie {
			sc = cs
		}
	}
	if sc == nil || !sc.HttpOnly || sc.SameSite != http.SameSiteStrictMode || sc.Value == "" {
		t.Fatalf("session cookie: %+v", sc)
	}
	var me struct {
		Me struct {
			Username string
			Roles    []string
		}
	}
	mustJSON(t, c.do(`{ me { username roles } }`, nil).Data, &me)
	if me.Me.Username != "manager" || strings.Join(me.Me.Roles, ",") != "MANAGER" {
		t.Fatalf("me: %+v", me)
	}
	// Logout ends the session server-side.
	c.do(`mutation { logout { ok } }`, nil)
	if r := c.do(`{ me { id } }`, nil); r.code() != "UNAUTHENTICATED" {
		t.Fatalf("after logout: %q", r.code())
	}
}

func TestWrongPasswordIsAUserErrorAndTheSixthIsThrottled(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t)
	for i := 1; i <= 5; i++ {
		r := c.login("sales", "wrong")
		var p struct {
			Login struct {
				User       any
				UserErrors []struct{ Code, Field string }
			}
		}
		mustJSON(t, r.Data, &p)
		if p.Login.User != nil || len(p.Login.UserErrors) != 1 || p.Login.UserErrors[0].Field != "input.password" {
			t.Fatalf("attempt %d: %+v %+v", i, p, r.Errors)
		}
	}
	if r := c.login("sales", "demo"); r.code() != "THROTTLED" {
		t.Fatalf("sixth attempt: %q %+v", r.code(), r.Errors)
	}
}

func TestRolesGuardFields(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	if r := sales.do(`{ users { id } }`, nil); r.code() != "FORBIDDEN" {
		t.Fatalf("sales reading users: %q", r.code())
	}
	admin := app.client(t).mustLogin("admin")
	var us struct{ Users []struct{ Username string } }
	mustJSON(t, admin.do(`{ users { username } }`, nil).Data, &us)
	if len(us.Users) != 7 {
		t.Fatalf("admin sees %d users, want the 7 demo users", len(us.Users))
	}
	r := admin.do(`mutation { createUser(input: {username: "New User", password: "x", roles: [SALES]}) { user { id } userErrors { code field message } } }`, nil)
	var p struct {
		CreateUser struct {
			User       any
			UserErrors []struct{ Code, Field string }
		}
	}
	mustJSON(t, r.Data, &p)
	if p.CreateUser.User != nil || len(p.CreateUser.UserErrors) != 2 {
		t.Fatalf("bad createUser: %+v", p)
	}
}

// TestAnalystTokenIsForbiddenEveryMutation lists every mutation from the
// schema itself, so a mutation added without a rule fails here.
func TestAnalystTokenIsForbiddenEveryMutation(t *testing.T) {
	app := newTestApp(t)
	analyst := app.client(t).mustLogin("analyst")
	var tok struct{ CreateApiToken struct{ Secret string } }
	mustJSON(t, analyst.do(`mutation { createApiToken(name: "script") { secret userErrors { message } } }`, nil).Data, &tok)
	if !strings.HasPrefix(tok.CreateApiToken.Secret, "jxc_") {
		t.Fatalf("token: %+v", tok)
	}
	script := app.client(t)
	script.token = tok.CreateApiToken.Secret
	var q struct{ Me struct{ Username string } }
	mustJSON(t, script.do(`{ me { username } }`, nil).Data, &q)
	if q.Me.Username != "analyst" {
		t.Fatalf("the token cannot read: %+v", q)
	}
	schema := loadSchema(t)
	n := 0
	for _, f := range schema.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		op := "mutation { " + f.Name + callArgs(schema, f.Arguments) + " { __typename } }"
		r := script.do(op, nil)
		// A bulk export only reads, as its owner: an analyst's script may
		// start and cancel its own (README, bulk export).
		if f.Name == "bulkExport" || f.Name == "cancelExport" {
			if r.code() == "FORBIDDEN" {
				t.Errorf("%s with an analyst token: refused %+v", f.Name, r.Errors)
			}
			continue
		}
		if r.code() != "FORBIDDEN" {
			t.Errorf("%s with an analyst token: code %q %+v", f.Name, r.code(), r.Errors)
		}
		n++
	}
	if n < 7 {
		t.Fatalf("only %d mutations checked", n)
	}
}

func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	return graph.NewExecutableSchema(graph.Config{}).Schema()
}

// callArgs writes placeholder values for a field's required arguments.
func callArgs(s *ast.Schema, args ast.ArgumentDefinitionList) string {
	var parts []string
	for _, a := range args {
		if a.Type.NonNull {
			parts = append(parts, a.Name+": "+placeholder(s, a.Type))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func placeholder(s *ast.Schema, t *ast.Type) string {
	if t.Elem != nil {
		return "[" + placeholder(s, t.Elem) + "]"
	}
	def := s.Types[t.NamedType]
	switch def.Kind {
	case ast.Enum:
		return def.EnumValues[0].Name
	case ast.InputObject:
		var fs []string
		for _, f := range def.Fields {
			if f.Type.NonNull && f.DefaultValue == nil {
				fs = append(fs, f.Name+": "+placeholder(s, f.Type))
			}
		}
		return "{" + strings.Join(fs, ", ") + "}"
	}
	switch t.NamedType {
	case "Int":
		return "1"
	case "Float":
		return "1.5"
	case "Boolean":
		return "true"
	case "Date":
		return `"2026-01-15"`
	case "Time":
		return `"2026-01-15T00:00:00Z"`
	case "Decimal":
		return `"1"`
	case "ID":
		return `"1"`
	}
	return `"x"`
}

func TestEveryTypeAndFieldHasADescription(t *testing.T) {
	// The schema the server runs: the root file and every module file.
	s := loadSchema(t)
	var missing []string
	for name, def := range s.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if strings.TrimSpace(def.Description) == "" {
			missing = append(missing, name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if strings.TrimSpace(f.Description) == "" {
				missing = append(missing, name+"."+f.Name)
			}
			for _, a := range f.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					missing = append(missing, name+"."+f.Name+"("+a.Name+")")
				}
			}
		}
		for _, v := range def.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				missing = append(missing, name+"."+v.Name)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("schema.graphqls: %d without a description: %s", len(missing), strings.Join(missing, ", "))
	}
}

func TestComplexityAndDepthLimitsRefuseBeforeExecution(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, " a%d: me { id username displayName }", i)
	}
	b.WriteString(" }")
	if r := c.do(b.String(), nil); r.code() != graph.CodeComplexity {
		t.Errorf("1000 aliases: code %q %+v", r.code(), r.Errors)
	}
	deep := "{ __schema { types { " + strings.Repeat("ofType { ", 20) + "name" + strings.Repeat(" }", 20) + " } } }"
	if r := c.do(deep, nil); r.code() != graph.CodeDepth {
		t.Errorf("deep query: code %q %+v", r.code(), r.Errors)
	}
	if r := c.do(`{ nope }`, nil); r.code() != graph.CodeValidationFailed {
		t.Errorf("invalid query: code %q", r.code())
	}
	// Anonymous callers get the same refusal before any resolver runs.
	if r := app.client(t).do(b.String(), nil); r.code() != graph.CodeComplexity {
		t.Errorf("anonymous 1000 aliases: code %q", r.code())
	}
}

func TestWebsocketAuthentication(t *testing.T) {
	app := newTestApp(t)
	wsURL := "ws" + strings.TrimPrefix(app.URL, "http") + "/graphql"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	dial := func(header http.Header) *websocket.Conn {
		conn, _, err := websocket.Dial(ctx, wsURL, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
		if err != nil {
			t.Fatal(err)
		}
		return conn
	}
	expectClose := func(conn *websocket.Conn, want websocket.StatusCode) {
		t.Helper()
		for {
			var m map[string]any
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				if got := websocket.CloseStatus(err); got != want {
					t.Fatalf("closed with %d (%v), want %d", got, err, want)
				}
				return
			}
		}
	}
	for name, payload := range map[string]any{
		"bad token":        map[string]any{"authToken": "jxc_wrong"},
		"unknown payload":  map[string]any{"hello": 1},
		"no payload, anon": nil,
	} {
		t.Run(name, func(t *testing.T) {
			conn := dial(nil)
			defer conn.CloseNow()
			msg := map[string]any{"type": "connection_init"}
			if payload != nil {
				msg["payload"] = payload
			}
			if err := wsjson.Write(ctx, conn, msg); err != nil {
				t.Fatal(err)
			}
			expectClose(conn, 4401)
		})
	}

	t.Run("session cookie, clock ticks", func(t *testing.T) {
		c := app.client(t).mustLogin("manager")
		conn := dial(c.cookieHeader())
		defer conn.CloseNow()
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		wsSubscribe(t, ctx, conn, "subscription { clock }", nil)
		var ticks []string
		for len(ticks) < 2 {
			var m struct {
				Type    string
				Payload struct{ Data struct{ Clock string } }
			}
			must(wsjson.Read(ctx, conn, &m))
			if m.Type == "next" {
				ticks = append(ticks, m.Payload.Data.Clock)
			}
		}
		if ticks[0] == ticks[1] {
			t.Fatalf("clock did not tick: %v", ticks)
		}
		conn.Close(websocket.StatusNormalClosure, "")
	})
}

func TestSPAFallbackOnlyForClientRoutes(t *testing.T) {
	app := newTestApp(t)
	get := func(p string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(app.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for _, p := range []string{"/", "/sales/orders/12", "/login"} {
		resp, body := get(p)
		if resp.StatusCode != 200 || !strings.Contains(body, "<title>JXC</title>") {
			t.Errorf("%s: %d %q", p, resp.StatusCode, body)
		}
		if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: no CSP", p)
		}
	}
	for _, p := range []string{"/assets/missing-123.js", "/graphql/x", "/favicon-missing.ico", "/graphiql/x"} {
		if resp, body := get(p); resp.StatusCode != 404 || strings.Contains(body, "<title>JXC</title>") {
			t.Errorf("%s: %d %q, want 404 without the app", p, resp.StatusCode, body)
		}
	}
	// GET /graphql without a query is GraphQL's answer, not the app.
	if resp, body := get("/graphql"); strings.Contains(body, "<title>JXC") || resp.StatusCode == 200 && !strings.Contains(body, "errors") {
		t.Errorf("/graphql: %d %q", resp.StatusCode, body)
	}
	resp, _ := get("/assets/app-abc1.js")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("hashed asset: %d %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	if resp, body := get("/graphiql"); resp.StatusCode != 200 || !strings.Contains(body, "GraphiQL") {
		t.Errorf("/graphiql: %d %q", resp.StatusCode, body)
	}
	for _, p := range []string{"/healthz", "/readyz"} {
		if resp, _ := get(p); resp.StatusCode != 200 {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
}
