package main

import (
	"context"
	"net"
	"net/http"
	"net/http/cookiejar"
	"testing"

	"github.com/jxcgraph/jxc/db"
)

// clientFrom is a browser signing in from the loopback address ip, so that
// tests can sign in "from" several addresses over real TCP.
func (a *testApp) clientFrom(t *testing.T, ip string) *client {
	jar, _ := cookiejar.New(nil)
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return d.DialContext(ctx, network, addr)
	}}
	t.Cleanup(tr.CloseIdleConnections)
	return &client{t: t, app: a, http: &http.Client{Jar: jar, Transport: tr}}
}

func (c *client) myID() string {
	c.t.Helper()
	var me struct{ Me struct{ ID string } }
	c.gql(`{ me { id } }`, nil, &me)
	return me.Me.ID
}

type setPasswordResult struct {
	SetPassword struct {
		Ok         bool
		UserErrors []struct{ Code, Field, Message string }
	}
}

func (c *client) setPassword(id string, current *string, password string) setPasswordResult {
	c.t.Helper()
	var out setPasswordResult
	vars := map[string]any{"id": id, "p": password}
	if current != nil {
		vars["c"] = *current
	}
	r := c.do(`mutation($id: ID!, $c: String, $p: String!) { setPassword(input: {id: $id, currentPassword: $c, password: $p}) { ok userErrors { code field message } } }`, vars)
	if len(r.Errors) > 0 {
		c.t.Fatalf("setPassword: %+v", r.Errors)
	}
	mustJSON(c.t, r.Data, &out)
	return out
}

func (c *client) signedIn() bool {
	c.t.Helper()
	r := c.do(`{ me { id } }`, nil)
	if r.code() != "" && r.code() != "UNAUTHENTICATED" {
		c.t.Fatalf("me: %+v", r.Errors)
	}
	return r.code() == ""
}

func (c *client) loginWorks(username, password string) bool {
	c.t.Helper()
	r := c.login(username, password)
	var p struct {
		Login struct{ User *struct{ ID string } }
	}
	if len(r.Errors) > 0 {
		return false
	}
	mustJSON(c.t, r.Data, &p)
	return p.Login.User != nil
}

func (c *client) newToken() *client {
	c.t.Helper()
	var out struct{ CreateApiToken struct{ Secret string } }
	c.gql(`mutation { createApiToken(name: "script") { secret } }`, nil, &out)
	return &client{t: c.t, app: c.app, http: &http.Client{}, token: out.CreateApiToken.Secret}
}

// TestChangingOwnPasswordNeedsTheCurrentOne: without the current password,
// or with a wrong one, the change is a userError on input.currentPassword
// and the old password still works.
func TestChangingOwnPasswordNeedsTheCurrentOne(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	id := sales.myID()
	wrong := "not-it"
	for _, current := range []*string{nil, &wrong} {
		res := sales.setPassword(id, current, "new-pass-1")
		if res.SetPassword.Ok || len(res.SetPassword.UserErrors) != 1 || res.SetPassword.UserErrors[0].Field != "input.currentPassword" {
			t.Errorf("change with current %v: %+v, want a userError on input.currentPassword", current, res)
		}
	}
	if !app.client(t).loginWorks("sales", db.DemoPassword) {
		t.Error("the old password stopped working after refused changes")
	}
	// A non-admin cannot set someone else's password.
	mgrID := app.client(t).mustLogin("manager").myID()
	if res := sales.setPassword(mgrID, nil, "taken-over"); res.SetPassword.Ok || res.SetPassword.UserErrors[0].Code != "FORBIDDEN" {
		t.Errorf("sales setting the manager's password: %+v", res)
	}
	// A stolen session cannot guess the current password faster than the
	// sign-in form: wrong ones count as failed sign-ins from the address.
	// (The sign-in above cleared this pair's earlier failure.)
	for i := 0; i < 5; i++ {
		sales.setPassword(id, &wrong, "new-pass-1")
	}
	r := sales.do(`mutation($id: ID!, $c: String) { setPassword(input: {id: $id, currentPassword: $c, password: "new-pass-1"}) { ok } }`,
		map[string]any{"id": id, "c": db.DemoPassword})
	if r.code() != "THROTTLED" {
		t.Errorf("the right current password after five wrong ones: %q %s, want THROTTLED", r.code(), r.Data["setPassword"])
	}
}

// TestChangingOwnPasswordEndsOtherSessionsAndTokens: the session that
// changes the password stays signed in; the user's other sessions and
// every API token end; only the new password signs in.
func TestChangingOwnPasswordEndsOtherSessionsAndTokens(t *testing.T) {
	app := newTestApp(t)
	here := app.client(t).mustLogin("sales")
	elsewhere := app.client(t).mustLogin("sales")
	token := here.newToken()
	other := app.client(t).mustLogin("manager")
	if !token.signedIn() || !elsewhere.signedIn() {
		t.Fatal("the token or the second session does not work to begin with")
	}
	current := db.DemoPassword
	if res := here.setPassword(here.myID(), &current, "new-pass-1"); !res.SetPassword.Ok {
		t.Fatalf("change: %+v", res)
	}
	if !here.signedIn() {
		t.Error("the session that changed the password was signed out")
	}
	if elsewhere.signedIn() {
		t.Error("another session of the user survived the password change")
	}
	if token.signedIn() {
		t.Error("an API token of the user survived the password change")
	}
	if !other.signedIn() {
		t.Error("another user's session ended")
	}
	if app.client(t).loginWorks("sales", db.DemoPassword) {
		t.Error("the old password still signs in")
	}
	if !app.client(t).loginWorks("sales", "new-pass-1") {
		t.Error("the new password does not sign in")
	}
}

// TestAdminResetEndsEverySessionAndTokenOfTheUser: an administrator sets
// another user's password without knowing it; all of that user's sessions
// and tokens end, the administrator's own session stays.
func TestAdminResetEndsEverySessionAndTokenOfTheUser(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	token := sales.newToken()
	admin := app.client(t).mustLogin("admin")
	if res := admin.setPassword(sales.myID(), nil, "reset-pass"); !res.SetPassword.Ok {
		t.Fatalf("reset: %+v", res)
	}
	if sales.signedIn() || token.signedIn() {
		t.Errorf("after a reset: session signed in %v, token works %v; want both ended", sales.signedIn(), token.signedIn())
	}
	if !admin.signedIn() {
		t.Error("the administrator was signed out")
	}
	if !app.client(t).loginWorks("sales", "reset-pass") {
		t.Error("the reset password does not sign in")
	}
}

// TestFailuresElsewhereDoNotLockTheUsualAddress: five wrong passwords for
// a user from one address lock that pair (even the right password waits),
// while the user still signs in from the address they use.
func TestFailuresElsewhereDoNotLockTheUsualAddress(t *testing.T) {
	app := newTestApp(t)
	if !app.clientFrom(t, "127.0.0.2").loginWorks("sales", db.DemoPassword) {
		t.Fatal("first sign-in")
	}
	attacker := app.clientFrom(t, "127.0.0.3")
	for i := 0; i < 8; i++ {
		attacker.login("sales", "guess")
	}
	if r := attacker.login("sales", db.DemoPassword); r.code() != "THROTTLED" {
		t.Errorf("the right password from the hammering address: %q, want THROTTLED", r.code())
	}
	if !app.clientFrom(t, "127.0.0.2").loginWorks("sales", db.DemoPassword) {
		t.Error("the user was locked out of their usual address by failures from another")
	}
}

// TestSlowerLimitsPerUserAndAddressSpareUsualAddresses: failures from many
// addresses reach the per-user limit (a new address is refused, the usual
// one is not); very many from one address reach its limit (users for whom
// it is usual still sign in there, an office behind one NAT address). An
// administrator sees both lockouts and clears one.
func TestSlowerLimitsPerUserAndAddressSpareUsualAddresses(t *testing.T) {
	app := newTestApp(t)
	ctx := context.Background()
	if !app.clientFrom(t, "127.0.0.2").loginWorks("sales", db.DemoPassword) ||
		!app.clientFrom(t, "127.0.0.5").loginWorks("manager", db.DemoPassword) {
		t.Fatal("first sign-ins")
	}
	// Failures spread over 49 addresses (4 each, under the pair limit),
	// and 199 for other user names from 127.0.0.5, written straight to
	// the counters to save 250 bcrypt rounds; the last of each over HTTP.
	if _, err := app.store.ExecContext(ctx, `INSERT INTO login_failures (username, address, at)
		SELECT 'sales', '10.9.' || (i % 49) || '.1', now() FROM generate_series(1, 49) i`); err != nil {
		t.Fatal(err)
	}
	if _, err := app.store.ExecContext(ctx, `INSERT INTO login_failures (username, address, at)
		SELECT 'guess' || i, '127.0.0.5', now() FROM generate_series(1, 199) i`); err != nil {
		t.Fatal(err)
	}
	app.clientFrom(t, "127.0.0.3").login("sales", "guess")
	app.clientFrom(t, "127.0.0.5").login("nobody", "guess")

	if r := app.clientFrom(t, "127.0.0.4").login("sales", db.DemoPassword); r.code() != "THROTTLED" {
		t.Errorf("sales from a new address after 50 failures: %q, want THROTTLED", r.code())
	}
	if !app.clientFrom(t, "127.0.0.2").loginWorks("sales", db.DemoPassword) {
		t.Error("sales was locked out of the usual address by the per-user limit")
	}
	if r := app.clientFrom(t, "127.0.0.5").login("purchasing", db.DemoPassword); r.code() != "THROTTLED" {
		t.Errorf("purchasing from an address with 200 failures: %q, want THROTTLED", r.code())
	}
	if !app.clientFrom(t, "127.0.0.5").loginWorks("manager", db.DemoPassword) {
		t.Error("the manager was locked out of the office address by other user names' failures")
	}

	admin := app.client(t).mustLogin("admin")
	var ls struct {
		SignInLockouts []struct {
			Scope             string
			Username, Address *string
			Failures          int
			LockedUntil       string
		}
	}
	admin.gql(`{ signInLockouts { scope username address failures lockedUntil } }`, nil, &ls)
	found := map[string]int{}
	for _, l := range ls.SignInLockouts {
		key := l.Scope
		if l.Username != nil {
			key += " " + *l.Username
		}
		if l.Address != nil {
			key += " " + *l.Address
		}
		found[key] = l.Failures
		if l.LockedUntil == "" {
			t.Errorf("%s without lockedUntil", key)
		}
	}
	if found["USER sales"] != 50 || found["ADDRESS 127.0.0.5"] != 200 {
		t.Errorf("lockouts %v, want USER sales (50) and ADDRESS 127.0.0.5 (200)", found)
	}
	if r := app.clientFrom(t, "127.0.0.2").mustLogin("sales").do(`{ signInLockouts { scope } }`, nil); r.code() != "FORBIDDEN" {
		t.Errorf("sales reading lockouts: %q", r.code())
	}

	var cl struct {
		ClearSignInLockout struct {
			Cleared    int
			UserErrors []any
		}
	}
	admin.gql(`mutation { clearSignInLockout(input: {username: "sales"}) { cleared userErrors { field message } } }`, nil, &cl)
	if cl.ClearSignInLockout.Cleared != 50 {
		t.Errorf("cleared %+v, want 50 failures", cl.ClearSignInLockout)
	}
	if !app.clientFrom(t, "127.0.0.4").loginWorks("sales", db.DemoPassword) {
		t.Error("sales still locked out after the administrator cleared the lockout")
	}
	admin.gql(`mutation { clearSignInLockout(input: {}) { cleared userErrors { field message } } }`, nil, &cl)
	if len(cl.ClearSignInLockout.UserErrors) != 1 {
		t.Errorf("clearing with neither user name nor address: %+v", cl.ClearSignInLockout)
	}
}
