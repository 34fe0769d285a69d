package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestCostBucketChargesRefundsAndRefills: a charge is taken only when the
// bucket holds it, a refund never fills it past its maximum, and it drips
// back at its rate.
func TestCostBucketChargesRefundsAndRefills(t *testing.T) {
	d := dbtest.New(t)
	b := db.NewCostBuckets(d)
	b.Maximum, b.RestoreRate = 1000, 100
	ctx := context.Background()
	got, err := b.Charge(ctx, "user:1", 900)
	if err != nil || !got.Granted || got.Available < 99 || got.Available > 101 {
		t.Fatalf("900 of a full 1000: %+v %v", got, err)
	}
	if got, _ = b.Charge(ctx, "user:1", 500); got.Granted || got.Available > 150 {
		t.Fatalf("500 of about 100: %+v, want refused with nothing taken", got)
	}
	if got, _ = b.Refund(ctx, "user:1", 400); got.Available < 499 || got.Available > 550 {
		t.Fatalf("a refund of 400: %+v", got)
	}
	if got, _ = b.Charge(ctx, "user:2", 10); !got.Granted || got.Available != 990 {
		t.Fatalf("another key has its own bucket: %+v", got)
	}
	before, _ := b.Peek(ctx, "user:1")
	time.Sleep(300 * time.Millisecond)
	after, _ := b.Peek(ctx, "user:1")
	if drip := after.Available - before.Available; drip < 25 || drip > 60 {
		t.Errorf("dripped %.1f in 300 ms at 100/s", drip)
	}
	if got, _ = b.Refund(ctx, "user:1", 5000); got.Available != 1000 {
		t.Errorf("a refund past the top: %+v, want the maximum", got)
	}
	if p, _ := b.Peek(ctx, "user:never"); p.Available != 1000 {
		t.Errorf("an unknown key: %+v, want a full bucket", p)
	}
}
