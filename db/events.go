package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// Event is one committed change, numbered by the sequencer.
type Event struct {
	Seq     int64           `db:"seq"`
	Topic   string          `db:"topic"`
	Key     string          `db:"key"`
	Payload json.RawMessage `db:"payload"`
	At      time.Time       `db:"created_at"`
}

// Publish records an event in the transaction; it is announced only if the
// transaction commits.
func Publish(ctx context.Context, q Queryer, topic, key string, payload any) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `INSERT INTO outbox (topic, key, payload) VALUES ($1, $2, $3)`, topic, key, string(b))
	return err
}

const (
	channelOutbox   = "jxc_outbox" // raw inserts committed: the sequencer wakes
	channelEvents   = "jxc_events" // events numbered: every replica reads them
	channelAuth     = "jxc_auth"   // a user's sessions, tokens, password or roles changed (migration 0056)
	sequencerLockID = 7410_2028
)

// Events runs, in every server process, one LISTEN connection that hears
// every committed event from any replica and fans it out to subscribers,
// plus a sequencer that only the replica holding an advisory lock runs.
type Events struct {
	db        *DB
	url       string
	log       *slog.Logger
	Retention time.Duration

	mu      sync.Mutex
	subs    map[*Subscription]struct{}
	lastSeq int64
	wake    chan struct{}
	seqWake chan struct{}

	authMu    sync.Mutex
	onAuthChg []func(userID int64)
}

// NewEvents prepares the event hub; Run starts it.
func NewEvents(db *DB, url string) *Events {
	return &Events{db: db, url: url, log: db.Log, Retention: 7 * 24 * time.Hour,
		subs: map[*Subscription]struct{}{}, wake: make(chan struct{}, 1), seqWake: make(chan struct{}, 1)}
}

// Run listens until ctx ends.
func (e *Events) Run(ctx context.Context) error {
	if err := e.db.GetContext(ctx, &e.lastSeq, `SELECT coalesce(max(seq), 0) FROM outbox`); err != nil {
		return err
	}
	l := pq.NewListener(e.url, 100*time.Millisecond, 5*time.Second, func(ev pq.ListenerEventType, err error) {
		if err != nil {
			e.log.Warn("event listener", "event", ev, "err", err)
		}
	})
	defer l.Close()
	if err := l.Listen(channelEvents); err != nil {
		return err
	}
	if err := l.Listen(channelOutbox); err != nil {
		return err
	}
	if err := l.Listen(channelAuth); err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); e.runSequencer(ctx) }()
	defer wg.Wait()
	// Drain notifications in a goroutine that never blocks: lib/pq stalls
	// its connection when nobody reads.
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case n := <-l.Notify:
				// nil after a reconnect: something may be lost, so re-read;
				// reading from the table by seq loses nothing either way.
				switch {
				case n == nil:
					e.poke()
					e.authChanged(0)
				case n.Channel == channelEvents:
					e.poke()
				case n.Channel == channelAuth:
					if id, err := strconv.ParseInt(n.Extra, 10, 64); err == nil {
						e.authChanged(id)
					}
				default:
					e.pokeSequencer()
				}
			}
		}
	}()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			e.closeAll()
			return nil
		case <-e.wake:
		case <-tick.C:
		}
		if err := e.deliverNew(ctx); err != nil && ctx.Err() == nil {
			e.log.Warn("reading events", "err", err)
		}
	}
}

// OnAuthChange registers f to hear, from this hub's LISTEN connection, the
// id of each user whose rights may have shrunk on any replica; 0 after a
// reconnect, when notifications may have been lost. f must not block: it
// runs on the goroutine that drains the connection.
func (e *Events) OnAuthChange(f func(userID int64)) {
	e.authMu.Lock()
	e.onAuthChg = append(e.onAuthChg, f)
	e.authMu.Unlock()
}

func (e *Events) authChanged(userID int64) {
	e.authMu.Lock()
	fs := e.onAuthChg
	e.authMu.Unlock()
	for _, f := range fs {
		f(userID)
	}
}

func (e *Events) poke() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

func (e *Events) pokeSequencer() {
	select {
	case e.seqWake <- struct{}{}:
	default:
	}
}

// deliverNew reads events after the last one delivered, in order, and hands
// them to subscribers.
func (e *Events) deliverNew(ctx context.Context) error {
	for {
		var evs []Event
		if err := e.db.SelectContext(ctx, &evs, `SELECT seq, topic, key, payload, created_at FROM outbox
			WHERE seq > $1 ORDER BY seq LIMIT 1000`, e.lastSeq); err != nil {
			return err
		}
		if len(evs) == 0 {
			return nil
		}
		e.mu.Lock()
		for _, ev := range evs {
			for s := range e.subs {
				s.offer(ev)
			}
			e.lastSeq = ev.Seq
		}
		e.mu.Unlock()
		if len(evs) < 1000 {
			return nil
		}
	}
}

// runSequencer numbers committed events while this replica holds the
// sequencer lock; the other replicas wait for it and take over if it dies.
func (e *Events) runSequencer(ctx context.Context) {
	for ctx.Err() == nil {
		if err := e.sequenceWhileLeader(ctx); err != nil && ctx.Err() == nil {
			e.log.Warn("event sequencer", "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}
}

func (e *Events) sequenceWhileLeader(ctx context.Context) error {
	conn, err := e.db.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for {
		var got bool
		if err := conn.GetContext(ctx, &got, `SELECT pg_try_advisory_lock($1)`, sequencerLockID); err != nil {
			return err
		}
		if got {
			break
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(2 * time.Second):
		}
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, sequencerLockID)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	lastPrune := time.Time{}
	for {
		var n int
		err := conn.GetContext(ctx, &n, `WITH todo AS (
				SELECT id FROM outbox WHERE seq IS NULL ORDER BY id LIMIT 5000
			), numbered AS (
				UPDATE outbox o SET seq = nextval('outbox_seq') FROM todo WHERE o.id = todo.id RETURNING o.seq
			)
			SELECT count(*) FROM (SELECT pg_notify('`+channelEvents+`', max(seq)::text) FROM numbered HAVING count(*) > 0) x`)
		if err != nil {
			return err
		}
		if n > 0 {
			continue // there may be more
		}
		if time.Since(lastPrune) > time.Minute {
			lastPrune = time.Now()
			if _, err := conn.ExecContext(ctx, `DELETE FROM outbox WHERE seq IS NOT NULL AND created_at < now() - $1::interval`,
				e.Retention.String()); err != nil {
				return err
			}
			// The leader also folds past days' striped totals (one replica).
			if err := e.db.CompactTotals(ctx, jxc.Today(e.db.Now()).AddDays(-1)); err != nil && ctx.Err() == nil {
				e.log.Warn("compacting per-day totals", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-e.seqWake:
		case <-tick.C:
		}
	}
}

func (e *Events) closeAll() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for s := range e.subs {
		s.close()
		delete(e.subs, s)
	}
}

// ErrResync tells a subscriber it fell too far behind, or asked for events
// older than the outbox keeps: reload current state, then resume.
var ErrResync = errors.New("resync: events were dropped; reload the current state")

// Subscription receives the events of some topics, oldest first, each once.
// Its buffer is bounded: past SoftLimit pending events only the newest per
// key is kept, so a slow reader never blocks the hub and still gets the
// latest value; past HardLimit distinct keys it gets ErrResync. A replay
// from the outbox is read lazily, ReplayPage events at a time, as the
// reader asks for more.
type Subscription struct {
	C      <-chan struct{} // signalled when Next has something
	c      chan struct{}
	topics map[string]bool
	keep   func(Event) bool
	hub    *Events

	mu      sync.Mutex
	pending []Event        // live events, in seq order
	byKey   map[string]int // topic+key -> index in pending
	from    int64          // deliver only events with seq > from
	err     error
	closed  bool
	// The replay still to read from the outbox: (replayed, replayTo].
	replayed, replayTo int64
}

// Buffer bounds of a subscription, and of a replay: ReplayPage events are
// read from the outbox at a time; a subscriber further behind than
// MaxReplay events is asked to resync rather than stream them all.
const (
	SoftLimit  = 256
	HardLimit  = 2048
	ReplayPage = 500
	MaxReplay  = 20000
)

// Subscribe registers a subscriber for topics (keep filters further; nil
// keeps all). With after > 0 it first receives the events after that
// sequence number from the outbox, then live ones, with no gap and no
// duplicate.
func (e *Events) Subscribe(ctx context.Context, topics []string, after int64, keep func(Event) bool) (*Subscription, error) {
	s := &Subscription{c: make(chan struct{}, 1), topics: map[string]bool{}, keep: keep,
		byKey: map[string]int{}, hub: e}
	s.C = s.c
	for _, t := range topics {
		s.topics[t] = true
	}
	e.mu.Lock()
	live := e.lastSeq
	if after <= 0 || after > live {
		after = live
	}
	s.from = after
	e.subs[s] = struct{}{}
	e.mu.Unlock()
	if after < live {
		// Replay (after, live] from the table, page by page as Next is
		// called; live events (> live) queue meanwhile.
		var oldest sql.NullInt64
		if err := e.db.GetContext(ctx, &oldest, `SELECT min(seq) FROM outbox WHERE seq IS NOT NULL`); err != nil {
			e.Unsubscribe(s)
			return nil, err
		}
		if oldest.Valid && oldest.Int64 > after+1 || live-after > MaxReplay {
			s.fail(ErrResync)
		} else {
			s.mu.Lock()
			s.replayed, s.replayTo = after, live
			s.signal()
			s.mu.Unlock()
		}
	}
	go func() {
		<-ctx.Done()
		e.Unsubscribe(s)
	}()
	return s, nil
}

// Unsubscribe removes the subscriber.
func (e *Events) Unsubscribe(s *Subscription) {
	e.mu.Lock()
	delete(e.subs, s)
	e.mu.Unlock()
	s.close()
}

func (s *Subscription) wants(ev Event) bool {
	return s.topics[ev.Topic] && (s.keep == nil || s.keep(ev))
}

// offer queues a live event; it never blocks.
func (s *Subscription) offer(ev Event) {
	if !s.wants(ev) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.err != nil || ev.Seq <= s.from {
		return
	}
	s.push(ev)
	s.signal()
}

// push appends ev; once the buffer is past SoftLimit it replaces an older
// pending event of the same key instead (the newest value is what
// matters). The caller holds mu.
func (s *Subscription) push(ev Event) {
	k := ev.Topic + "\x00" + ev.Key
	if i, ok := s.byKey[k]; ok && len(s.pending) >= SoftLimit {
		s.pending = append(s.pending[:i], s.pending[i+1:]...)
		for kk, j := range s.byKey {
			if j > i {
				s.byKey[kk] = j - 1
			}
		}
	}
	s.byKey[k] = len(s.pending)
	s.pending = append(s.pending, ev)
	if len(s.pending) > HardLimit {
		s.err = ErrResync
		s.pending, s.byKey = nil, map[string]int{}
	}
}

func (s *Subscription) fail(err error) {
	s.mu.Lock()
	s.err = err
	s.signal()
	s.mu.Unlock()
}

func (s *Subscription) signal() {
	select {
	case s.c <- struct{}{}:
	default:
	}
}

func (s *Subscription) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.c)
	}
}

// Next returns the pending events in order and clears them, or the error
// that ended the subscription (ErrResync). While a replay lasts it returns
// the next page of it (possibly empty when nothing in the page matched)
// and signals C again until the replay is done.
func (s *Subscription) Next() ([]Event, error) {
	s.mu.Lock()
	if s.err != nil {
		defer s.mu.Unlock()
		return nil, s.err
	}
	if s.replayed < s.replayTo {
		from, to := s.replayed, s.replayTo
		// The page is read without the lock, so the hub can keep queueing
		// live events meanwhile.
		s.mu.Unlock()
		return s.nextReplayPage(from, to)
	}
	defer s.mu.Unlock()
	evs := s.pending
	s.pending, s.byKey = nil, map[string]int{}
	if len(evs) > 0 {
		s.from = evs[len(evs)-1].Seq
	}
	return evs, nil
}

func (s *Subscription) nextReplayPage(from, to int64) ([]Event, error) {
	topics := make([]string, 0, len(s.topics))
	for t := range s.topics {
		topics = append(topics, t)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var page []Event
	if err := s.hub.db.SelectContext(ctx, &page, `SELECT seq, topic, key, payload, created_at FROM outbox
		WHERE seq > $1 AND seq <= $2 AND topic = ANY($3) ORDER BY seq LIMIT $4`,
		from, to, pq.Array(topics), ReplayPage); err != nil {
		// The reader cannot go on without a gap: it reloads instead.
		s.hub.log.Warn("replaying events", "after", from, "err", err)
		s.fail(ErrResync)
		return nil, ErrResync
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(page) < ReplayPage {
		s.replayed = to
	} else {
		s.replayed = page[len(page)-1].Seq
	}
	evs := page[:0]
	for _, ev := range page {
		if s.keep == nil || s.keep(ev) {
			evs = append(evs, ev)
		}
	}
	// Whatever is left (more replay or queued live events) wakes the reader again.
	s.signal()
	return evs, nil
}

// Delivered is the sequence number of the last event this hub has handed
// to its subscribers.
func (e *Events) Delivered() int64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.lastSeq
}

// CaughtUp reports whether every committed event is numbered and this hub
// has delivered all of them.
func (e *Events) CaughtUp(ctx context.Context) (bool, error) {
	var r struct {
		Unnumbered int   `db:"unnumbered"`
		Last       int64 `db:"last"`
	}
	if err := e.db.GetContext(ctx, &r, `SELECT count(*) FILTER (WHERE seq IS NULL) AS unnumbered, coalesce(max(seq), 0) AS last FROM outbox`); err != nil {
		return false, err
	}
	return r.Unnumbered == 0 && e.Delivered() >= r.Last, nil
}
