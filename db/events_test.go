package db_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// startHubs opens n independent connections pools and event hubs on one
// database, as n server replicas would.
func startHubs(t *testing.T, n int) (*db.DB, []*db.Events) {
	t.Helper()
	url := dbtest.NewURL(t)
	ctx, cancel := context.WithCancel(context.Background())
	var first *db.DB
	var hubs []*db.Events
	for i := 0; i < n; i++ {
		d, err := db.Open(ctx, url, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		if first == nil {
			first = d
		}
		h := db.NewEvents(d, url)
		done := make(chan struct{})
		go func() { defer close(done); _ = h.Run(ctx) }()
		t.Cleanup(func() { <-done })
		hubs = append(hubs, h)
	}
	t.Cleanup(cancel)
	// Let the listeners attach before anything is published.
	time.Sleep(300 * time.Millisecond)
	return first, hubs
}

func publish(t *testing.T, d *db.DB, commit bool, keys ...string) {
	t.Helper()
	rollback := errors.New("roll back")
	err := d.WithTx(context.Background(), func(tx *db.Tx) error {
		for _, k := range keys {
			if err := db.Publish(context.Background(), tx, "stock", k, map[string]string{"key": k}); err != nil {
				return err
			}
		}
		if !commit {
			return rollback
		}
		return nil
	})
	if commit && err != nil || !commit && err != rollback {
		t.Fatalf("publish: %v", err)
	}
}

// collect reads events until it has n or the timeout passes.
func collect(t *testing.T, s *db.Subscription, n int, timeout time.Duration) []db.Event {
	t.Helper()
	var got []db.Event
	deadline := time.After(timeout)
	for len(got) < n {
		select {
		case _, ok := <-s.C:
			if !ok {
				t.Fatalf("subscription closed after %d events", len(got))
			}
			evs, err := s.Next()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, evs...)
		case <-deadline:
			return got
		}
	}
	return got
}

func keys(evs []db.Event) string {
	s := ""
	for _, e := range evs {
		s += e.Key + " "
	}
	return s
}

func TestEventsReachEveryReplicaOnlyOnCommit(t *testing.T) {
	d, hubs := startHubs(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	subA, err := hubs[0].Subscribe(ctx, []string{"stock"}, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	subB, err := hubs[1].Subscribe(ctx, []string{"stock"}, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	publish(t, d, false, "rolled-back")
	publish(t, d, true, "p1:w1")
	publish(t, d, true, "p2:w1")
	for name, s := range map[string]*db.Subscription{"A": subA, "B": subB} {
		got := collect(t, s, 2, 5*time.Second)
		if keys(got) != "p1:w1 p2:w1 " {
			t.Errorf("replica %s got %q, want the two committed events in order", name, keys(got))
		}
		if len(got) == 2 && got[1].Seq <= got[0].Seq {
			t.Errorf("replica %s: sequence numbers not increasing: %d, %d", name, got[0].Seq, got[1].Seq)
		}
		if more := collect(t, s, 1, 300*time.Millisecond); len(more) > 0 {
			t.Errorf("replica %s got extra events %q", name, keys(more))
		}
	}
}

func TestResumeAfterASequenceNumberHasNoGapAndNoDuplicate(t *testing.T) {
	d, hubs := startHubs(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first, _ := hubs[0].Subscribe(ctx, []string{"stock"}, 0, nil)
	publish(t, d, true, "a")
	got := collect(t, first, 1, 5*time.Second)
	if len(got) != 1 {
		t.Fatalf("first event not received")
	}
	last := got[0].Seq
	hubs[0].Unsubscribe(first) // the dashboard drops off the network

	publish(t, d, true, "b", "c")
	publish(t, d, true, "b")
	// Wait until the events are numbered, as they would be while the client is away.
	watch, _ := hubs[1].Subscribe(ctx, []string{"stock"}, 0, nil)
	collect(t, watch, 3, 5*time.Second)

	resumed, err := hubs[1].Subscribe(ctx, []string{"stock"}, last, nil)
	if err != nil {
		t.Fatal(err)
	}
	publish(t, d, true, "d")
	got = collect(t, resumed, 4, 5*time.Second)
	if keys(got) != "b c b d " {
		t.Fatalf("resumed got %q, want exactly the missed b c b then live d", keys(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Seq != got[i-1].Seq+1 {
			t.Errorf("gap or disorder: %d then %d", got[i-1].Seq, got[i].Seq)
		}
	}
	if got[0].Seq != last+1 {
		t.Errorf("first resumed event %d, want %d", got[0].Seq, last+1)
	}
}

func TestStalledSubscriberDoesNotDelayOthers(t *testing.T) {
	d, hubs := startHubs(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stalled, _ := hubs[0].Subscribe(ctx, []string{"stock"}, 0, nil)
	lively, _ := hubs[0].Subscribe(ctx, []string{"stock"}, 0, nil)
	const n = 3000 // more than a subscriber may hold
	gotc := make(chan []db.Event, 1)
	go func() { gotc <- collect(t, lively, n, 20*time.Second) }()
	batch := make([]string, 0, 100)
	start := time.Now()
	for i := 0; i < n; i++ {
		batch = append(batch, fmt.Sprintf("k%d", i%500))
		if len(batch) == cap(batch) {
			publish(t, d, true, batch...)
			batch = batch[:0]
		}
	}
	got := <-gotc
	if len(got) != n {
		t.Fatalf("the reading subscriber got %d of %d events", len(got), n)
	}
	t.Logf("%d events through a hub with a stalled subscriber in %v", n, time.Since(start))
	// The stalled one kept only the newest per key, or was told to resync.
	evs, err := stalled.Next()
	if err == nil && len(evs) > db.HardLimit {
		t.Fatalf("stalled subscriber holds %d events, more than the bound", len(evs))
	}
	if err != nil && !errors.Is(err, db.ErrResync) {
		t.Fatal(err)
	}
}
