package db_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

func TestLoginThrottlesTheSixthFailureFromOneAddress(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	users := db.NewUserService(d)
	if _, err := users.CreateUser(ctx, jxc.UserInput{Username: "amy", Password: "right", Roles: []jxc.Role{jxc.RoleSales}}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		_, _, err := users.Login(ctx, "amy", "wrong", "10.0.0.1")
		if code := jxc.ErrorCode(err); code != jxc.EINVALID {
			t.Fatalf("failure %d: code %s (%v), want INVALID", i, code, err)
		}
	}
	// Even the right password is refused while throttled.
	_, _, err := users.Login(ctx, "amy", "right", "10.0.0.1")
	if code := jxc.ErrorCode(err); code != jxc.ETHROTTLED {
		t.Fatalf("sixth attempt: code %s (%v), want THROTTLED", code, err)
	}
	// Another user from another address is unaffected.
	if _, err := users.CreateUser(ctx, jxc.UserInput{Username: "bob", Password: "right", Roles: []jxc.Role{jxc.RoleSales}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := users.Login(ctx, "bob", "right", "10.0.0.2"); err != nil {
		t.Fatalf("bob: %v", err)
	}
}

func TestSessionsAndTokens(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	users := db.NewUserService(d)
	u, err := users.CreateUser(ctx, jxc.UserInput{Username: "ann", Password: "pass", Roles: []jxc.Role{jxc.RoleAnalyst}})
	if err != nil {
		t.Fatal(err)
	}
	_, secret, err := users.Login(ctx, "ann", "pass", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	a, err := users.AuthenticateSession(ctx, secret)
	if err != nil || a.User.ID != u.ID || a.User.Roles[0] != jxc.RoleAnalyst {
		t.Fatalf("session: %+v %v", a, err)
	}
	if err := users.Logout(ctx, a.SessionID); err != nil {
		t.Fatal(err)
	}
	if _, err := users.AuthenticateSession(ctx, secret); jxc.ErrorCode(err) != jxc.EUNAUTHENTICATED {
		t.Fatalf("session after logout: %v", err)
	}

	tok, tsecret, err := users.CreateAPIToken(ctx, u.ID, "script")
	if err != nil {
		t.Fatal(err)
	}
	if a, err := users.AuthenticateToken(ctx, tsecret); err != nil || a.TokenID != tok.ID {
		t.Fatalf("token: %+v %v", a, err)
	}
	if err := users.RevokeAPIToken(ctx, u.ID+1000, tok.ID, false); jxc.ErrorCode(err) != jxc.ENOTFOUND {
		t.Fatalf("revoking someone else's token: %v", err)
	}
	if err := users.RevokeAPIToken(ctx, u.ID, tok.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := users.AuthenticateToken(ctx, tsecret); jxc.ErrorCode(err) != jxc.EUNAUTHENTICATED {
		t.Fatalf("revoked token still works: %v", err)
	}
}

func TestCreateUserRefusesBadInputWithFields(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	users := db.NewUserService(d)
	_, err := users.CreateUser(ctx, jxc.UserInput{Username: "A B", Password: "x", Roles: []jxc.Role{"KING"}})
	es, ok := jxc.AsErrors(err)
	if !ok || len(es) != 3 {
		t.Fatalf("want 3 field errors, got %v", err)
	}
	fields := map[string]bool{}
	for _, e := range es {
		fields[e.Field] = true
	}
	for _, f := range []string{"input.username", "input.password", "input.roles.0"} {
		if !fields[f] {
			t.Errorf("no error for %s in %v", f, es)
		}
	}
	if _, err := users.CreateUser(ctx, jxc.UserInput{Username: "dup", Password: "pass", Roles: []jxc.Role{jxc.RoleSales}}); err != nil {
		t.Fatal(err)
	}
	_, err = users.CreateUser(ctx, jxc.UserInput{Username: "dup", Password: "pass", Roles: []jxc.Role{jxc.RoleSales}})
	if e, ok := jxc.AsErrors(err); !ok || e[0].Code != jxc.ECONFLICT || e[0].Field != "input.username" {
		t.Fatalf("duplicate: %v", err)
	}
	var n int
	if err := d.GetContext(ctx, &n, `SELECT count(*) FROM users`); err != nil || n != 1 {
		t.Fatalf("users written: %d %v", n, err)
	}
}

func TestOutsideDemoModeTheFirstAdminComesFromThePassword(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	if _, err := d.EnsureAdmin(ctx, ""); err == nil || !strings.Contains(err.Error(), "JXC_ADMIN_PASSWORD") {
		t.Fatalf("no users and no password: %v", err)
	}
	if created, err := d.EnsureAdmin(ctx, "s3cret"); err != nil || !created {
		t.Fatalf("first start: %v %v", created, err)
	}
	if created, err := d.EnsureAdmin(ctx, "other"); err != nil || created {
		t.Fatalf("second start created again: %v %v", created, err)
	}
	u, _, err := db.NewUserService(d).Login(ctx, "admin", "s3cret", "127.0.0.1")
	if err != nil || !u.HasAnyRole(jxc.RoleAdmin) {
		t.Fatalf("admin login: %+v %v", u, err)
	}
	var demo int
	_ = d.GetContext(ctx, &demo, `SELECT count(*) FROM users`)
	if demo != 1 {
		t.Fatalf("%d users outside demo mode, want only the admin", demo)
	}
}
