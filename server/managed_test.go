package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph/graphqltest"
)

// runManaged starts the server in-process on its own managed PostgreSQL and
// returns its base URL and the channel run's result arrives on.
func runManaged(t *testing.T, dataDir string, opts db.ManagedOptions) (string, *runResult) {
	t.Helper()
	// fsync stays on: with synchronous_commit off, a killed postmaster
	// loses the last commits (the migrations of a fresh server).
	cfg := Config{Addr: "127.0.0.1:0", DataDir: dataDir, AdminPassword: "admin-pass", LogLevel: "error",
		EventRetention: time.Hour, Managed: opts}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	res := &runResult{done: make(chan struct{})}
	go func() { res.err = run(ctx, cfg, slog.New(slog.DiscardHandler), ready); close(res.done) }()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			select {
			case <-res.done:
			case <-time.After(30 * time.Second):
				t.Error("the server did not stop")
			}
		})
		return "http://" + addr, res
	case <-res.done:
		cancel()
		t.Fatalf("the server did not start: %v", res.err)
	case <-time.After(90 * time.Second):
		cancel()
		t.Fatal("the server did not start in 90s")
	}
	return "", nil
}

// runResult is what run returned, once done is closed.
type runResult struct {
	done chan struct{}
	err  error
}

func readyz(t *testing.T, base string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 3 * time.Second}
	resp, err := c.Get(base + "/readyz")
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

// killPostmaster SIGKILLs the managed cluster's postmaster, as the kernel's
// OOM killer would, and returns its pid.
func killPostmaster(t *testing.T, dataDir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "postgres", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	return pid
}

// TestKilledManagedPostgresIsRestarted kills the managed postmaster under a
// running server: /readyz says "database restarting" (503) until the
// server has started it again, then "ready", and requests are served again.
// The PostgreSQL log is readable by its owner only.
func TestKilledManagedPostgresIsRestarted(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills its own PostgreSQL")
	}
	dataDir := dbtest.DataDir(t)
	base, _ := runManaged(t, dataDir, db.ManagedOptions{})
	if code, body := readyz(t, base); code != 200 {
		t.Fatalf("readyz at the start: %d %q", code, body)
	}
	st, err := os.Stat(filepath.Join(dataDir, "postgres.log"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o007 != 0 {
		t.Errorf("postgres.log is %v: readable by others", st.Mode().Perm())
	}

	killPostmaster(t, dataDir)
	sawRestarting := false
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		code, body := readyz(t, base)
		if code == 503 && body == "database restarting" {
			sawRestarting = true
		}
		if code == 200 && sawRestarting {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !sawRestarting {
		t.Fatal(`readyz never said "database restarting" after the postmaster was killed`)
	}
	if code, body := readyz(t, base); code != 200 || body != "ready" {
		t.Fatalf("readyz after the restart: %d %q", code, body)
	}
	// The server serves again: a sign-in reaches the restarted database.
	hc := &http.Client{Timeout: 5 * time.Second}
	var data map[string]any
	for i := 0; i < 50; i++ {
		if data, err = graphqltest.Post(hc, base, `mutation { login(input: {username: "admin", password: "admin-pass"}) { user { username } } }`, nil); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil || fmt.Sprint(data["login"]) != "map[user:map[username:admin]]" {
		t.Fatalf("sign-in after the restart: %v %v", data, err)
	}
}

// TestManagedPostgresThatWillNotComeBackStopsTheServer: when the killed
// postmaster cannot be started again, the server gives up after its tries
// and run returns an error, so the binary exits non-zero for its
// supervisor; meanwhile /readyz is 503.
func TestManagedPostgresThatWillNotComeBackStopsTheServer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills its own PostgreSQL")
	}
	dataDir := dbtest.DataDir(t)
	base, res := runManaged(t, dataDir, db.ManagedOptions{RestartBackoff: 100 * time.Millisecond, MaxRestarts: 3})
	// Without PG_VERSION, postgres refuses to start on the directory.
	if err := os.Rename(filepath.Join(dataDir, "postgres", "PG_VERSION"), filepath.Join(dataDir, "PG_VERSION.moved")); err != nil {
		t.Fatal(err)
	}
	killPostmaster(t, dataDir)
	time.Sleep(50 * time.Millisecond)
	if code, body := readyz(t, base); code != 503 || !strings.HasPrefix(body, "database ") {
		t.Errorf("readyz while the database cannot restart: %d %q", code, body)
	}
	select {
	case <-res.done:
		if res.err == nil || !strings.Contains(res.err.Error(), "did not restart") {
			t.Fatalf("run returned %v, want the error that the database did not restart", res.err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the server kept running without its database for a minute")
	}
}

// TestManagedNeverOpensDirectoriesAboveDataDir: run as root, the managed
// cluster runs as the postgres user; a private directory above DATA_DIR is
// reported, never chmod-ed.
func TestManagedNeverOpensDirectoriesAboveDataDir(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the cluster to the postgres user")
	}
	parent := filepath.Join(dbtest.DataDir(t), "private")
	if err := os.Mkdir(parent, 0o700); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(parent, "data")
	_, err := db.StartManaged(context.Background(), dataDir, db.ManagedOptions{NoFsync: true}, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), parent) {
		t.Errorf("StartManaged under a private directory: %v, want an error naming %s", err, parent)
	}
	st, _ := os.Stat(parent)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("the directory above DATA_DIR became %v", st.Mode().Perm())
	}
}
