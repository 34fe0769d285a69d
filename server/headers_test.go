package main

import (
	"net/http"
	"strings"
	"testing"
)

// TestEveryResponseCarriesTheSecurityHeaders walks assets, the app, the
// API, readiness, errors and 404s: each response says nosniff and carries
// the CSP whose connect-src is the own origin only (no ws:/wss: to any host).
func TestEveryResponseCarriesTheSecurityHeaders(t *testing.T) {
	app := newTestApp(t)
	cases := []struct{ method, path, body string }{
		{"GET", "/", ""},
		{"GET", "/sales/orders", ""},
		{"GET", "/assets/app-abc1.js", ""},
		{"GET", "/favicon.svg", ""},
		{"GET", "/manifest.webmanifest", ""},
		{"GET", "/sw.js", ""},
		{"GET", "/assets/missing-0000.js", ""},
		{"GET", "/nothing-here.txt", ""},
		{"POST", "/", ""},
		{"GET", "/graphiql", ""},
		{"GET", "/healthz", ""},
		{"GET", "/readyz", ""},
		{"POST", "/graphql", `{"query":"{ __typename }"}`},
		{"POST", "/graphql", `{"query":"{ me { id } }"}`},
		{"POST", "/graphql", `not json`},
		{"GET", "/graphql", ""},
		{"GET", "/graphql/extra", ""},
	}
	for _, c := range cases {
		req, _ := http.NewRequest(c.method, app.URL+c.path, strings.NewReader(c.body))
		if c.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s (%d): X-Content-Type-Options %q, want nosniff", c.method, c.path, resp.StatusCode, got)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "connect-src 'self';") || strings.Contains(csp, "ws:") || strings.Contains(csp, "wss:") {
			t.Errorf("%s %s (%d): CSP %q, want connect-src 'self' only", c.method, c.path, resp.StatusCode, csp)
		}
		if hsts := resp.Header.Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("%s %s: HSTS %q without SECURE_COOKIES", c.method, c.path, hsts)
		}
	}
}

// TestSecureCookiesMarkTheSessionCookieAndSendHSTS: with SECURE_COOKIES
// on, the sign-in cookie is Secure (and still HttpOnly, SameSite=Strict),
// and every response asks browsers for HTTPS only.
func TestSecureCookiesMarkTheSessionCookieAndSendHSTS(t *testing.T) {
	app := newTestAppWith(t, demoURL(t), func(a *app) { a.secureCookies = true })
	c := app.client(t)
	r := c.login("sales", "demo")
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	var cookie string
	for _, v := range r.header.Values("Set-Cookie") {
		if strings.HasPrefix(v, "jxc_session=") {
			cookie = v
		}
	}
	for _, attr := range []string{"Secure", "HttpOnly", "SameSite=Strict"} {
		if !strings.Contains(cookie, "; "+attr) {
			t.Errorf("session cookie %q lacks %s", cookie, attr)
		}
	}
	for _, p := range []string{"/", "/readyz", "/nothing-here.txt"} {
		resp, err := http.Get(app.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if hsts := resp.Header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
			t.Errorf("%s: Strict-Transport-Security %q", p, hsts)
		}
	}
	if hsts := r.header.Get("Strict-Transport-Security"); hsts == "" {
		t.Error("/graphql: no Strict-Transport-Security")
	}
}

// TestTheInstallableAppLoads: the web app manifest is served as
// application/manifest+json and the service worker as JavaScript, both
// checked on each load (no-cache) so that a release reaches installed
// apps; the CSP lets both load from the own origin only.
func TestTheInstallableAppLoads(t *testing.T) {
	app := newTestApp(t)
	for _, c := range []struct{ path, ctype string }{
		{"/manifest.webmanifest", "application/manifest+json"},
		{"/sw.js", "text/javascript; charset=utf-8"},
	} {
		resp, err := http.Get(app.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", c.path, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", c.path, got)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		for _, d := range []string{"worker-src 'self';", "manifest-src 'self';"} {
			if !strings.Contains(csp, d) {
				t.Errorf("GET %s: CSP %q lacks %s", c.path, csp, d)
			}
		}
	}
}
