package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestSocketPrincipalAndCaps: the principal of a socket is re-read as it
// is now; the per-user socket cap counts every replica's rows; a row that
// was reaped while its replica could not refresh it comes back with the
// next heartbeat.
func TestSocketPrincipalAndCaps(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	users := db.NewUserService(d)
	socks := db.NewSocketService(d, nil)
	u, err := users.CreateUser(ctx, jxc.UserInput{Username: "amy", Password: "right", Roles: []jxc.Role{jxc.RoleSales, jxc.RoleFinance}})
	if err != nil {
		t.Fatal(err)
	}
	_, secret, err := users.Login(ctx, "amy", "right", "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	a, err := users.AuthenticateSession(ctx, secret)
	if err != nil {
		t.Fatal(err)
	}
	got, cred, err := socks.Principal(ctx, a)
	if err != nil || got.ID != u.ID || len(got.Roles) != 2 || cred == "" {
		t.Fatalf("principal: %+v %q %v", got, cred, err)
	}
	if _, err := users.UpdateUser(ctx, u.ID, jxc.UserUpdate{Roles: []jxc.Role{jxc.RoleSales}}); err != nil {
		t.Fatal(err)
	}
	if err := users.ChangePassword(ctx, u.ID, "right", "other", a.SessionID, "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	got, cred2, err := socks.Principal(ctx, a)
	if err != nil || len(got.Roles) != 1 || cred2 == cred {
		t.Fatalf("after a role and a password change: %+v, credential changed %v, %v", got, cred2 != cred, err)
	}

	const max = 3
	var ids []string
	for i := 0; i < max; i++ {
		id, err := socks.OpenSocket(ctx, u.ID, max)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if _, err := socks.OpenSocket(ctx, u.ID, max); jxc.ErrorCode(err) != jxc.ETHROTTLED {
		t.Fatalf("socket %d: %v, want THROTTLED", max+1, err)
	}
	if err := socks.CloseSocket(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if err := socks.AddSubscription(ctx, ids[1], u.ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := socks.AddSubscription(ctx, ids[2], u.ID, 1); jxc.ErrorCode(err) != jxc.ETHROTTLED {
		t.Fatalf("subscription 2 with a cap of 1: %v, want THROTTLED", err)
	}
	// Reaped while its replica was cut off: the heartbeat restores it.
	if _, err := d.ExecContext(ctx, `DELETE FROM live_sockets WHERE id = $1`, ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := socks.SocketsAlive(ctx, ids[1:], []int64{u.ID, u.ID}, []int{1, 0}); err != nil {
		t.Fatal(err)
	}
	var n, subs int
	if err := d.QueryRowContext(ctx, `SELECT count(*), sum(subscriptions) FROM live_sockets WHERE user_id = $1`, u.ID).Scan(&n, &subs); err != nil || n != 2 || subs != 1 {
		t.Fatalf("after the heartbeat: %d sockets, %d subscriptions (%v), want 2 and 1", n, subs, err)
	}

	if err := users.Logout(ctx, a.SessionID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := socks.Principal(ctx, a); jxc.ErrorCode(err) != jxc.EUNAUTHENTICATED {
		t.Fatalf("after logout: %v, want UNAUTHENTICATED", err)
	}
}
