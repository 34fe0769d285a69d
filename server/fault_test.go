package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestPostgresRestartIsSurvived stops the database under a running server:
// readiness says so, requests fail fast with a code instead of hanging, and
// once PostgreSQL is back the server serves again by itself and live
// updates flow again.
func TestPostgresRestartIsSurvived(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and stops its own PostgreSQL")
	}
	ctx := context.Background()
	dir := dbtest.DataDir(t)
	quiet := slog.New(slog.DiscardHandler)
	pg, err := db.StartManaged(ctx, dir, db.ManagedOptions{NoFsync: true}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { pg.Stop() }()
	if err := pg.EnsureDatabase(ctx, "jxc"); err != nil {
		t.Fatal(err)
	}
	mig, err := db.Open(ctx, pg.URL("jxc"), quiet)
	if err != nil {
		t.Fatal(err)
	}
	if err := mig.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	mig.Close()
	app := newTestAppOn(t, pg.URL("jxc"))
	ready := func() int {
		resp, err := http.Get(app.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if ready() != 200 {
		t.Fatal("not ready at the start")
	}
	mgr := app.client(t).mustLogin("manager")

	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	if code := ready(); code != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database down: %d, want 503", code)
	}
	start := time.Now()
	r := mgr.do(`{ stockLevels(first: 1) { totalCount } }`, nil)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("a request with the database down took %v", took)
	}
	if r.code() != "UNAVAILABLE" {
		t.Errorf("with the database down: code %q, want UNAVAILABLE (%+v)", r.code(), r.Errors)
	}

	pg, err = db.StartManaged(ctx, dir, db.ManagedOptions{NoFsync: true}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for ready() != 200 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if ready() != 200 {
		t.Fatal("not ready again after PostgreSQL came back")
	}
	// Sessions live in the database, so the user is still signed in.
	var resp *gqlResponse
	for time.Now().Before(deadline) {
		if resp = mgr.do(firstStockLevel(`{inStock: true}`), nil); len(resp.Errors) == 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	lv := stockLevelsIn(t, resp)[0]
	// Live updates flow again: the event hub reconnected its listener.
	sub := mgr.subscribe(stockSub, map[string]any{"f": map[string]any{"productId": lv.Product.ID}})
	wh := app.client(t).mustLogin("warehouse")
	var m json.RawMessage
	for i := 0; i < 3 && m == nil; i++ {
		wh.do(`mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { userErrors { message } } }`,
			map[string]any{"in": map[string]any{"reason": "COUNT_VARIANCE", "lines": []any{map[string]any{
				"productId": lv.Product.ID, "warehouseId": lv.Warehouse.ID, "direction": "INCREASE", "quantity": "1"}}}})
		m = sub.next(5 * time.Second)
	}
	if m == nil {
		t.Fatal("no live update after PostgreSQL restarted")
	}
}
