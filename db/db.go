// Package db implements the domain services on PostgreSQL: migrations,
// transactions, the stores, and the managed local PostgreSQL cluster.
package db

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is the connection pool and the services built on it.
type DB struct {
	*sqlx.DB
	Log *slog.Logger
	// Now is the clock; tests may replace it. Each transaction fixes one now.
	Now func() time.Time
	// timeouts bound each statement (see OpenWith, SetTimeouts). A
	// transaction sets its own only when it differs from the connections'
	// default (connTimeout).
	timeouts    atomic.Pointer[Timeouts]
	connTimeout time.Duration
}

// SetTimeouts changes the statement timeouts of the transactions that
// start from now on.
func (db *DB) SetTimeouts(t Timeouts) { db.timeouts.Store(&t) }

// StatementTimeouts returns the statement timeouts in force.
func (db *DB) StatementTimeouts() Timeouts { return *db.timeouts.Load() }

// Timeouts are the statement timeouts (PostgreSQL's statement_timeout):
// Read in WithReadTx, Write in WithTx and for every statement outside a
// transaction (the connection's default). Zero means none.
type Timeouts struct {
	Read, Write time.Duration
}

// DefaultTimeouts: a report may take seconds, never minutes; a posting
// waits on locks longer than a read ever should.
var DefaultTimeouts = Timeouts{Read: 10 * time.Second, Write: 30 * time.Second}

// Queryer is what both *sqlx.DB and *sqlx.Tx offer, so a store works inside
// or outside a transaction.
type Queryer interface {
	sqlx.ExtContext
	sqlx.QueryerContext
	GetContext(ctx context.Context, dest any, query string, args ...any) error
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
	NamedExecContext(ctx context.Context, query string, arg any) (sql.Result, error)
}

// Open connects to PostgreSQL with the default statement timeouts and
// checks the connection.
func Open(ctx context.Context, url string, log *slog.Logger) (*DB, error) {
	return OpenWith(ctx, url, log, DefaultTimeouts)
}

// OpenWith connects with the given statement timeouts. The write timeout
// is every connection's default (sent when it starts, so it costs no round
// trip); WithReadTx sets the read timeout for its transaction.
func OpenWith(ctx context.Context, url string, log *slog.Logger, t Timeouts) (*DB, error) {
	if log == nil {
		log = slog.Default()
	}
	connector, err := pq.NewConnector(withParameter(withBinaryParameters(url), "statement_timeout", strconv.FormatInt(t.Write.Milliseconds(), 10)))
	if err != nil {
		return nil, err
	}
	x := sqlx.NewDb(sql.OpenDB(cachingConnector{connector}), "postgres")
	x.SetMaxOpenConns(32)
	x.SetMaxIdleConns(16)
	x.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	for {
		err = x.PingContext(pctx)
		if err == nil {
			break
		}
		select {
		case <-pctx.Done():
			x.Close()
			return nil, fmt.Errorf("connect to PostgreSQL: %w", err)
		case <-time.After(200 * time.Millisecond):
		}
	}
	d := &DB{DB: x, Log: log, Now: time.Now, connTimeout: t.Write}
	d.SetTimeouts(t)
	return d, nil
}

// withParameter adds a run-time parameter to the connection string, which
// lib/pq sends when a connection starts; one already there is kept.
func withParameter(url, key, value string) string {
	if strings.Contains(url, key+"=") {
		return url
	}
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		if strings.Contains(url, "?") {
			return url + "&" + key + "=" + value
		}
		return url + "?" + key + "=" + value
	}
	return strings.TrimSpace(url) + " " + key + "=" + value
}

// noStatementTimeout lifts the timeout on a connection held for setup
// (migrations, the demo), whose statements wait on other replicas' locks
// and may run long; the returned func restores the connection's default
// before it goes back to the pool.
func noStatementTimeout(ctx context.Context, conn *sqlx.Conn) (func(), error) {
	if _, err := conn.ExecContext(ctx, `SET statement_timeout = 0`); err != nil {
		return nil, err
	}
	return func() { _, _ = conn.ExecContext(context.Background(), `RESET statement_timeout`) }, nil
}

// withBinaryParameters turns on lib/pq's binary_parameters: a query with
// parameters then costs one round trip (Parse, Bind, Execute, Sync sent
// together) instead of two (Parse and Describe first, to learn the
// parameter types). Round trips are most of what a posting costs. The
// price: []byte parameters travel in binary format, so JSON goes to
// jsonb columns as a string (see jsonArg).
func withBinaryParameters(url string) string {
	if strings.Contains(url, "binary_parameters") {
		return url
	}
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		if strings.Contains(url, "?") {
			return url + "&binary_parameters=yes"
		}
		return url + "?binary_parameters=yes"
	}
	return strings.TrimSpace(url) + " binary_parameters=yes"
}

// Tx is a transaction with the one `now` it was started with.
type Tx struct {
	*sqlx.Tx
	Now time.Time
	// w is what a business write registers (write.go).
	w writeState
}

// WithTx runs fn in one transaction and commits it when fn returns nil.
// Its statements run under the write timeout (the connection's default).
// Serialization failures and deadlocks are retried here, in one place, so
// they never reach a user.
func (db *DB) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	const attempts = 8
	var err error
	for i := 0; i < attempts; i++ {
		err = db.withTxOnce(ctx, fn)
		if !retryable(err) {
			return err
		}
		db.Log.Debug("retrying transaction", "attempt", i+1, "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(5*(i+1)) * time.Millisecond):
		}
	}
	return err
}

func (db *DB) withTxOnce(ctx context.Context, fn func(tx *Tx) error) (err error) {
	x, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	tx := &Tx{Tx: x, Now: db.Now()}
	defer func() {
		if p := recover(); p != nil {
			_ = x.Rollback()
			panic(p)
		}
		if err != nil {
			_ = x.Rollback()
		}
	}()
	if err = db.setTimeout(ctx, x, db.StatementTimeouts().Write); err != nil {
		return err
	}
	if err = fn(tx); err != nil {
		return err
	}
	return x.Commit()
}

func retryable(err error) bool {
	var pe *pq.Error
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	return false
}

// domainError turns a driver error into a domain error where the cause is
// the caller's (a duplicate, a missing reference, a broken check); others
// pass through unchanged and end up as internal errors.
// uniqueKeyDetail reads the one-column key of a unique violation's detail.
var uniqueKeyDetail = regexp.MustCompile(`^Key \(([a-z_]+)\)=\((.*)\) already exists\.?$`)

// keyNouns name the unique columns people type, as a message says them:
// "编码 1122 已被使用" rather than the constraint's name.
var keyNouns = map[string]jxc.Noun{
	"code":     jxc.Noun("code"),
	"number":   jxc.Noun("number"),
	"sku":      jxc.Noun("SKU"),
	"barcode":  jxc.Noun("barcode"),
	"username": jxc.Noun("username"),
	"name":     jxc.Noun("name"),
}

func domainError(err error, field string) error {
	var pe *pq.Error
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "23505":
		// PostgreSQL's detail names the key: Key (code)=(1122) already exists.
		if m := uniqueKeyDetail.FindStringSubmatch(pe.Detail); m != nil {
			if noun, ok := keyNouns[m[1]]; ok {
				return jxc.FieldErrorf(jxc.ECONFLICT, field, "{key} {value} is already used", jxc.P{"key": noun, "value": m[2]})
			}
		}
		return jxc.FieldErrorf(jxc.ECONFLICT, field, "already exists ({constraint})", jxc.P{"constraint": pe.Constraint})
	case "23503":
		return jxc.FieldErrorf(jxc.ENOTFOUND, field, "refers to a record that does not exist ({constraint})", jxc.P{"constraint": pe.Constraint})
	case "23514":
		return jxc.FieldErrorf(jxc.EINVALID, field, "breaks the rule {constraint}", jxc.P{"constraint": pe.Constraint})
	}
	return err
}

// Migrate applies the embedded numbered migrations that have not been
// applied yet. An advisory lock makes replicas that start together take
// turns; each migration runs in its own transaction.
func (db *DB) Migrate(ctx context.Context) error {
	conn, err := db.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	restore, err := noStatementTimeout(ctx, conn)
	if err != nil {
		return err
	}
	defer restore()
	const lockKey = 7410_2026
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return fmt.Errorf("take migration lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, lockKey)

	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	migs, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range migs {
		var n int
		if err := conn.GetContext(ctx, &n, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.version); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		tx, err := conn.BeginTxx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		db.Log.Info("migration applied", "name", m.name)
	}
	return nil
}

// MigrationsApplied reports whether every embedded migration is applied (for /readyz).
func (db *DB) MigrationsApplied(ctx context.Context) (bool, error) {
	migs, err := migrations()
	if err != nil {
		return false, err
	}
	var n int
	if err := db.GetContext(ctx, &n, `SELECT count(*) FROM schema_migrations`); err != nil {
		return false, err
	}
	return n >= len(migs), nil
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %q: name must start with a number and '_'", name)
		}
		b, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("two migrations numbered %d", out[i].version)
		}
	}
	return out, nil
}

// setTimeout gives the transaction its statement timeout, unless it is the
// connection's default already (then it costs no round trip).
func (db *DB) setTimeout(ctx context.Context, x *sqlx.Tx, d time.Duration) error {
	if d == db.connTimeout {
		return nil
	}
	ms := d.Milliseconds()
	if d > 0 && ms == 0 {
		ms = 1 // under a millisecond is not "none"
	}
	_, err := x.ExecContext(ctx, `SET LOCAL statement_timeout = `+strconv.FormatInt(ms, 10))
	return err
}

// readOnlySnapshot is for reports that must see one consistent state.
var readOnlySnapshot = sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}

// WithReadTx runs fn in a read-only snapshot: every query sees one
// consistent state of the books.
func (db *DB) WithReadTx(ctx context.Context, fn func(tx *Tx) error) error {
	x, err := db.BeginTxx(ctx, &readOnlySnapshot)
	if err != nil {
		return err
	}
	defer x.Rollback()
	if err := db.setTimeout(ctx, x, db.StatementTimeouts().Read); err != nil {
		return err
	}
	return fn(&Tx{Tx: x, Now: db.Now()})
}

// inSnapshot runs a read of one document that takes several statements
// (header, lines, references) in one read-only snapshot, so that it never
// sees half of a posting that commits between two of them.
func inSnapshot[T any](ctx context.Context, db *DB, read func(tx *Tx) (T, error)) (T, error) {
	var out T
	err := db.WithReadTx(ctx, func(tx *Tx) error {
		var err error
		out, err = read(tx)
		return err
	})
	return out, err
}

// today is the transaction's date (its one now, in the company's days).
func today(tx *Tx) jxc.Date { return jxc.Today(tx.Now) }

// dateOrToday is d, or the transaction's date when d is left out.
func dateOrToday(d *jxc.Date, tx *Tx) jxc.Date {
	if d == nil || d.IsZero() {
		return today(tx)
	}
	return *d
}

// nextID takes the next id of a table's sequence, so a posting can name
// its source document before the document row is written.
func nextID(ctx context.Context, tx *Tx, table string) (int64, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `SELECT nextval(pg_get_serial_sequence($1, 'id'))`, table)
	return id, err
}

// newNumber takes the next id of a table and makes the document number
// (prefix and six digits, such as PO000012). Kinds that must be numbered
// without gaps (gapFreeKinds) count from their own counter row, updated in
// the transaction: a refused document rolls it back and consumes no
// number, and documents of the kind wait for each other from here to
// commit. Other kinds number from the id's sequence, which may skip.
func newNumber(ctx context.Context, tx *Tx, table, prefix string) (int64, string, error) {
	id, err := nextID(ctx, tx, table)
	if err != nil {
		return 0, "", err
	}
	if !gapFreeKinds[table] {
		return id, fmt.Sprintf("%s%06d", prefix, id), nil
	}
	n, err := nextGapFree(ctx, tx, table)
	if err != nil {
		return 0, "", err
	}
	return id, fmt.Sprintf("%s%06d", prefix, n), nil
}

// gapFreeKinds are the document tables whose numbers have no gaps:
// invoices (Chinese practice numbers them continuously, as it does
// journal vouchers) and goods receipts (入库单, numbered before their
// posting is checked: a refused receipt must give its number back).
var gapFreeKinds = map[string]bool{"sales_invoices": true, "supplier_invoices": true, "goods_receipts": true}

// nextGapFree takes the next number of a kind's counter, locking its row
// until commit.
func nextGapFree(ctx context.Context, tx *Tx, kind string) (int64, error) {
	var n int64
	err := tx.GetContext(ctx, &n, `INSERT INTO document_counters AS c (kind, last_no) VALUES ($1, 1)
		ON CONFLICT (kind) DO UPDATE SET last_no = c.last_no + 1 RETURNING last_no`, kind)
	return n, err
}
