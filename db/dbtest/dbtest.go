// Package dbtest gives each test its own migrated PostgreSQL database on a
// real server: the throwaway cluster `make test` starts (TEST_PG_DSN, a
// key=value connection string without dbname), or, when that is unset, a
// cluster this process starts itself in a temporary directory.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	_ "github.com/lib/pq"

	"github.com/jxcgraph/jxc/db"
)

var (
	once     sync.Once
	baseDSN  string
	template string
	setupErr error
)

// DSN returns the connection string (without dbname) of the test cluster,
// starting one if needed.
func DSN(t testing.TB) string {
	t.Helper()
	once.Do(setup)
	if setupErr != nil {
		t.Fatalf("test PostgreSQL: %v", setupErr)
	}
	return baseDSN
}

func setup() {
	ctx := context.Background()
	baseDSN = os.Getenv("TEST_PG_DSN")
	if baseDSN == "" {
		dir, err := os.MkdirTemp("", "jxc-test-pg-")
		if err != nil {
			setupErr = err
			return
		}
		// Stopped by the kernel's parent-death signal when the test binary exits.
		m, err := db.StartManaged(ctx, dir, db.ManagedOptions{NoFsync: true}, slog.New(slog.DiscardHandler))
		if err != nil {
			setupErr = err
			return
		}
		baseDSN = fmt.Sprintf("host=%s port=%d user=postgres sslmode=disable", m.SockDir, m.Port)
	}
	template = fmt.Sprintf("jxc_tmpl_%d_%s", os.Getpid(), randHex())
	if setupErr = exec(ctx, "postgres", `CREATE DATABASE `+template); setupErr != nil {
		return
	}
	d, err := db.Open(ctx, baseDSN+" dbname="+template, slog.New(slog.DiscardHandler))
	if err != nil {
		setupErr = err
		return
	}
	setupErr = d.Migrate(ctx)
	d.Close()
}

func exec(ctx context.Context, dbname, stmt string) error {
	c, err := sql.Open("postgres", baseDSN+" dbname="+dbname)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.ExecContext(ctx, stmt)
	return err
}

func randHex() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// NewURL creates a fresh migrated database for the test, dropped when the
// test ends, and returns its connection string.
func NewURL(t testing.TB) string {
	t.Helper()
	DSN(t)
	name := "jxc_t_" + randHex() + randHex()
	if err := exec(context.Background(), "postgres", `CREATE DATABASE `+name+` TEMPLATE `+template); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		_ = exec(context.Background(), "postgres", `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})
	return baseDSN + " dbname=" + name
}

var (
	prepared sync.Map // name -> *preparedTemplate
)

type preparedTemplate struct {
	once sync.Once
	name string
	err  error
}

// NewPreparedURL is NewURL for a database that starts from a state prepare
// made once per test process (the demo company, say): the first call
// prepares a template, every call clones it, so each test pays for a copy,
// not for the preparation.
func NewPreparedURL(t testing.TB, key string, prepare func(ctx context.Context, url string) error) string {
	t.Helper()
	DSN(t)
	v, _ := prepared.LoadOrStore(key, &preparedTemplate{})
	pt := v.(*preparedTemplate)
	pt.once.Do(func() {
		pt.name = fmt.Sprintf("jxc_prep_%d_%s", os.Getpid(), randHex())
		if pt.err = exec(context.Background(), "postgres", `CREATE DATABASE `+pt.name+` TEMPLATE `+template); pt.err != nil {
			return
		}
		pt.err = prepare(context.Background(), baseDSN+" dbname="+pt.name)
	})
	if pt.err != nil {
		t.Fatalf("prepare test database %q: %v", key, pt.err)
	}
	name := "jxc_t_" + randHex() + randHex()
	if err := exec(context.Background(), "postgres", `CREATE DATABASE `+name+` TEMPLATE `+pt.name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		_ = exec(context.Background(), "postgres", `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})
	return baseDSN + " dbname=" + name
}

// New returns an open, migrated database of its own for the test.
func New(t testing.TB) *db.DB {
	t.Helper()
	url := NewURL(t)
	d, err := db.Open(context.Background(), url, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// DataDir returns a fresh DATA_DIR for a managed cluster. Run as root, the
// cluster runs as the postgres system user, which must reach DATA_DIR; the
// server never opens up the directories above it (they are the
// operator's), so the test, as the operator, lets it through the private
// directory the testing package creates.
func DataDir(t testing.TB) string {
	t.Helper()
	d := t.TempDir()
	if os.Geteuid() == 0 {
		if err := os.Chmod(filepath.Dir(d), 0o711); err != nil {
			t.Fatal(err)
		}
	}
	return d
}
