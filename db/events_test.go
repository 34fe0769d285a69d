package db_test

import (
	"context"
	"encoding/json"
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
	// 3,000 changes over 500 keys: more than a subscriber may hold. Each
	// key's last change is the one a reader must end up with.
	const n, keys = 3000, 500
	lastOf := map[string]int{}
	type result struct {
		got  map[string]int
		took time.Duration
	}
	resc := make(chan result, 1)
	start := time.Now()
	go func() {
		got := map[string]int{}
		final := 0
		deadline := time.After(20 * time.Second)
		for {
			select {
			case <-lively.C:
				evs, err := lively.Next()
				if err != nil {
					resc <- result{got, time.Since(start)}
					return
				}
				for _, ev := range evs {
					var p struct{ I int }
					_ = json.Unmarshal(ev.Payload, &p)
					if got[ev.Key] != p.I && p.I >= n-keys {
						final++ // key k(i mod keys) ends with i = n-keys+(i mod keys)
					}
					got[ev.Key] = p.I
				}
				// Done when every key holds its last change: coalescing may
				// deliver the last key's newest value before another key's,
				// so the last key alone does not say the reader caught up.
				if final == keys {
					resc <- result{got, time.Since(start)}
					return
				}
			case <-deadline:
				resc <- result{got, time.Since(start)}
				return
			}
		}
	}()
	for b := 0; b < n; b += 100 {
		err := d.WithTx(context.Background(), func(tx *db.Tx) error {
			for i := b; i < b+100; i++ {
				k := fmt.Sprintf("k%d", i%keys)
				lastOf[k] = i
				if err := db.Publish(context.Background(), tx, "stock", k, map[string]int{"i": i}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	r := <-resc
	for k, i := range lastOf {
		if r.got[k] != i {
			t.Fatalf("the reading subscriber ended with %s = %d, want its last change %d", k, r.got[k], i)
		}
	}
	t.Logf("%d changes reached the reading subscriber (newest per key) in %v while another subscriber read nothing", n, r.took)
	// The stalled one kept only a bounded number of events, or was told to resync.
	evs, err := stalled.Next()
	if err == nil && len(evs) > db.HardLimit {
		t.Fatalf("stalled subscriber holds %d events, more than the bound", len(evs))
	}
	if err != nil && !errors.Is(err, db.ErrResync) {
		t.Fatal(err)
	}
}

// TestResumeFromPrunedEventsAsksToResync: a client that asks for events the
// outbox no longer keeps is told to reload instead of getting a gap.
func TestResumeFromPrunedEventsAsksToResync(t *testing.T) {
	d, hubs := startHubs(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	watch, _ := hubs[0].Subscribe(ctx, []string{"stock"}, 0, nil)
	publish(t, d, true, "a", "b", "c", "d")
	got := collect(t, watch, 4, 5*time.Second)
	if len(got) != 4 {
		t.Fatalf("got %d events", len(got))
	}
	// Retention removed the two oldest.
	if _, err := d.ExecContext(ctx, `DELETE FROM outbox WHERE seq <= $1`, got[1].Seq); err != nil {
		t.Fatal(err)
	}
	old, err := hubs[0].Subscribe(ctx, []string{"stock"}, got[0].Seq, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Next(); !errors.Is(err, db.ErrResync) {
		t.Fatalf("resuming after a pruned event: %v, want ErrResync", err)
	}
	// Resuming from one still kept works.
	fine, _ := hubs[0].Subscribe(ctx, []string{"stock"}, got[1].Seq, nil)
	if evs := collect(t, fine, 2, 2*time.Second); keys(evs) != "c d " {
		t.Fatalf("resumed after %d: %q", got[1].Seq, keys(evs))
	}
}

// TestAReplayIsReadInPagesAndCatchesUpWithoutGap: a dashboard back after a
// busy while resumes from more events than one page (and than its live
// buffer holds). The replay is read ReplayPage at a time, as the reader
// goes, and joins the live events with no gap and no duplicate; it used to
// load the whole range at once and, past HardLimit, give up with a resync.
func TestAReplayIsReadInPagesAndCatchesUpWithoutGap(t *testing.T) {
	d, hubs := startHubs(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	watch, _ := hubs[0].Subscribe(ctx, []string{"stock"}, 0, nil)
	publish(t, d, true, "start")
	got := collect(t, watch, 1, 5*time.Second)
	if len(got) != 1 {
		t.Fatal("first event not received")
	}
	last := got[0].Seq
	const missed = db.HardLimit + db.ReplayPage + 100
	ks := make([]string, missed)
	for i := range ks {
		ks[i] = fmt.Sprintf("p%d:w1", i)
	}
	publish(t, d, true, ks...)
	if got := collect(t, watch, missed, 20*time.Second); len(got) != missed {
		t.Fatalf("the watcher saw %d of %d events", len(got), missed)
	}

	resumed, err := hubs[0].Subscribe(ctx, []string{"stock"}, last, nil)
	if err != nil {
		t.Fatal(err)
	}
	publish(t, d, true, "live1", "live2")
	var all []db.Event
	deadline := time.After(20 * time.Second)
	for reads := 0; len(all) < missed+2 && reads < 1000; reads++ {
		select {
		case <-resumed.C:
		case <-deadline:
			t.Fatalf("got %d of %d events", len(all), missed+2)
		}
		evs, err := resumed.Next()
		if err != nil {
			t.Fatalf("after %d events: %v", len(all), err)
		}
		if len(all) < missed && len(evs) > db.ReplayPage {
			t.Fatalf("one read of the replay returned %d events, more than a page (%d)", len(evs), db.ReplayPage)
		}
		all = append(all, evs...)
	}
	if len(all) != missed+2 {
		t.Fatalf("got %d events, want %d", len(all), missed+2)
	}
	for i, ev := range all {
		if ev.Seq != last+1+int64(i) {
			t.Fatalf("event %d has seq %d, want %d (gap, duplicate or disorder)", i, ev.Seq, last+1+int64(i))
		}
	}
	if all[missed].Key != "live1" || all[missed+1].Key != "live2" {
		t.Fatalf("the live events after the replay: %q", keys(all[missed:]))
	}
}
