package db_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestStatementTimeoutsCutSlowStatements: a read transaction, a write
// transaction and a statement outside any transaction are each cancelled
// by PostgreSQL (57014) at their timeout, not when the sleep ends.
func TestStatementTimeoutsCutSlowStatements(t *testing.T) {
	url := dbtest.NewURL(t)
	store, err := db.OpenWith(context.Background(), url, slog.New(slog.DiscardHandler),
		db.Timeouts{Read: 200 * time.Millisecond, Write: 400 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	sleep := func(run func(func(q string) error) error) (time.Duration, error) {
		start := time.Now()
		err := run(func(q string) error {
			_, err := store.ExecContext(ctx, q)
			return err
		})
		return time.Since(start), err
	}
	cases := []struct {
		name string
		want time.Duration
		run  func(exec func(string) error) error
	}{
		{"read transaction", 200 * time.Millisecond, func(func(string) error) error {
			return store.WithReadTx(ctx, func(tx *db.Tx) error { _, err := tx.ExecContext(ctx, `SELECT pg_sleep(3)`); return err })
		}},
		{"write transaction", 400 * time.Millisecond, func(func(string) error) error {
			return store.WithTx(ctx, func(tx *db.Tx) error { _, err := tx.ExecContext(ctx, `SELECT pg_sleep(3)`); return err })
		}},
		{"outside a transaction", 400 * time.Millisecond, func(exec func(string) error) error {
			return exec(`SELECT pg_sleep(3)`)
		}},
	}
	for _, c := range cases {
		took, err := sleep(c.run)
		var pe *pq.Error
		if !errors.As(err, &pe) || pe.Code != "57014" {
			t.Errorf("%s: a 3 s sleep ended after %v with %v, want a statement timeout (57014)", c.name, took, err)
			continue
		}
		if took < c.want || took > c.want+time.Second {
			t.Errorf("%s: cut after %v, want about %v", c.name, took, c.want)
		}
	}
	// The read timeout stays inside its transaction: the connection goes
	// back to the pool with the write timeout.
	var setting string
	if err := store.GetContext(ctx, &setting, `SHOW statement_timeout`); err != nil || setting != "400ms" {
		t.Errorf("the connection's statement_timeout after the transactions: %q %v, want 400ms", setting, err)
	}
	// Setup connections lift it: migrations wait on other replicas' locks.
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
}
