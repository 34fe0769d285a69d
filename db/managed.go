package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Managed is a PostgreSQL cluster that the server runs itself under its data
// directory when no DATABASE_URL is given: initdb on first start, a private
// Unix socket (no TCP port), stopped with the server, reused on the next start.
//
// If the postmaster dies (killed, crashed, out of memory), Managed starts it
// again with a growing pause between tries; State says "restarting"
// meanwhile. After MaxRestarts failed tries in a row it gives up and GaveUp
// delivers the error, so that the server exits non-zero and whatever
// supervises it (systemd, a container runtime) takes over.
type Managed struct {
	DataDir string // the cluster's PGDATA
	SockDir string
	Port    int
	dir     string
	bin     string
	args    []string
	opts    ManagedOptions
	cred    *syscall.Credential
	log     *slog.Logger

	mu       sync.Mutex
	cmd      *exec.Cmd
	exited   chan struct{} // closed when cmd has exited
	state    ManagedState
	stopping bool
	stopc    chan struct{} // closed by Stop
	supDone  chan struct{} // closed when the supervisor has returned
	watched  bool          // the supervisor was started
	gaveUp   chan error
}

// ManagedState is what /readyz reports of the managed cluster.
type ManagedState string

// The states of a managed cluster.
const (
	ManagedRunning    ManagedState = "running"
	ManagedRestarting ManagedState = "restarting"
	ManagedFailed     ManagedState = "failed"
	ManagedStopped    ManagedState = "stopped"
)

// ManagedOptions tunes a managed cluster. Tests turn fsync off; `make run` never does.
type ManagedOptions struct {
	NoFsync bool
	// RestartBackoff is the first pause before restarting a dead
	// postmaster (default 500ms); it doubles up to 16 times that.
	RestartBackoff time.Duration
	// MaxRestarts is how many restarts in a row may fail before giving up
	// (default 6, about half a minute at the default pause).
	MaxRestarts int
}

// FindPostgresBin returns the directory holding initdb and postgres: $PG_BINDIR,
// the newest /usr/lib/postgresql/*/bin, or the directory of initdb on PATH.
func FindPostgresBin() (string, error) {
	if d := os.Getenv("PG_BINDIR"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		return filepath.Dir(p), nil
	}
	return "", errors.New("no PostgreSQL server binaries found (initdb); install them with `apt-get install postgresql` or set DATABASE_URL")
}

func versionOf(dir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return v
}

// StartManaged starts (creating it the first time) the cluster under dir.
func StartManaged(ctx context.Context, dir string, opts ManagedOptions, log *slog.Logger) (*Managed, error) {
	if log == nil {
		log = slog.Default()
	}
	if opts.RestartBackoff <= 0 {
		opts.RestartBackoff = 500 * time.Millisecond
	}
	if opts.MaxRestarts <= 0 {
		opts.MaxRestarts = 6
	}
	bin, err := FindPostgresBin()
	if err != nil {
		return nil, err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	m := &Managed{DataDir: filepath.Join(dir, "postgres"), Port: 5432, dir: dir, bin: bin, opts: opts, log: log,
		stopc: make(chan struct{}), supDone: make(chan struct{}), gaveUp: make(chan error, 1)}
	// A Unix socket path may not exceed 107 bytes; fall back to a private
	// temporary directory when the data directory is deep.
	m.SockDir = filepath.Join(dir, "run")
	if len(m.SockDir)+len("/.s.PGSQL.5432.lock") > 100 {
		if m.SockDir, err = os.MkdirTemp("", "jxc-pg-"); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(m.SockDir, 0o700); err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		if err := m.runAsPostgres(dir); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(filepath.Join(m.DataDir, "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		log.Info("creating the managed PostgreSQL cluster", "dir", m.DataDir)
		args := []string{"-D", m.DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"}
		if opts.NoFsync {
			args = append(args, "--no-sync")
		}
		if out, err := m.command(ctx, "initdb", args...).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("initdb: %v\n%s", err, out)
		}
	}
	m.args = []string{"-D", m.DataDir, "-k", m.SockDir, "-p", strconv.Itoa(m.Port),
		"-c", "listen_addresses=", "-c", "max_connections=200", "-c", "shared_buffers=128MB"}
	if opts.NoFsync {
		m.args = append(m.args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	if err := m.start(ctx); err != nil {
		m.Stop()
		return nil, err
	}
	m.mu.Lock()
	m.state, m.watched = ManagedRunning, true
	m.mu.Unlock()
	go m.supervise()
	log.Info("managed PostgreSQL started", "pid", m.Pid(), "socket", m.SockDir)
	return m, nil
}

// start launches the postmaster and waits until it accepts connections.
func (m *Managed) start(ctx context.Context) error {
	if err := m.clearStale(); err != nil {
		return err
	}
	// The log holds queries and their errors: readable by the owner only.
	logFile, err := os.OpenFile(filepath.Join(m.dir, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if err := logFile.Chmod(0o600); err != nil { // a log from an older version may be 0644
		logFile.Close()
		return err
	}
	// Not tied to ctx: the cluster lives until Stop.
	cmd := m.command(context.Background(), "postgres", m.args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// If the server dies without stopping the cluster (SIGKILL), the kernel
	// asks PostgreSQL for a fast shutdown, so no process is left behind.
	cmd.SysProcAttr.Pdeathsig = syscall.SIGINT
	m.mu.Lock()
	if m.stopping {
		m.mu.Unlock()
		logFile.Close()
		return errors.New("the managed PostgreSQL is being stopped")
	}
	if err := cmd.Start(); err != nil {
		m.mu.Unlock()
		logFile.Close()
		return fmt.Errorf("start postgres: %w", err)
	}
	exited := make(chan struct{})
	m.cmd, m.exited = cmd, exited
	m.mu.Unlock()
	go func() { _ = cmd.Wait(); logFile.Close(); close(exited) }()
	return m.waitReady(ctx, exited)
}

// supervise restarts the postmaster whenever it exits without Stop.
func (m *Managed) supervise() {
	defer close(m.supDone)
	for {
		m.mu.Lock()
		exited, cmd := m.exited, m.cmd
		m.mu.Unlock()
		select {
		case <-m.stopc:
			return
		case <-exited:
		}
		m.setState(ManagedRestarting)
		m.log.Error("the managed PostgreSQL exited; restarting it", "pid", cmd.Process.Pid, "status", cmd.ProcessState.String())
		pause := m.opts.RestartBackoff
		var err error
		for try := 1; ; try++ {
			select {
			case <-m.stopc:
				return
			case <-time.After(pause):
			}
			if err = m.start(context.Background()); err == nil {
				break
			}
			m.log.Warn("restarting the managed PostgreSQL failed", "try", try, "err", err)
			if try >= m.opts.MaxRestarts {
				m.setState(ManagedFailed)
				m.gaveUp <- fmt.Errorf("the managed PostgreSQL died and did not restart after %d tries: %w", try, err)
				return
			}
			pause = min(pause*2, 16*m.opts.RestartBackoff)
		}
		m.setState(ManagedRunning)
		m.log.Info("managed PostgreSQL restarted", "pid", m.Pid())
	}
}

func (m *Managed) setState(s ManagedState) {
	m.mu.Lock()
	m.state = s
	m.mu.Unlock()
}

// State says whether the cluster is running, restarting, failed or stopped.
// A nil Managed (the database is not managed here) counts as running.
func (m *Managed) State() ManagedState {
	if m == nil {
		return ManagedRunning
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.state
}

// GaveUp delivers the error once restarting has failed for good. On a nil
// Managed it never delivers.
func (m *Managed) GaveUp() <-chan error {
	if m == nil {
		return nil
	}
	return m.gaveUp
}

// Pid is the current postmaster's process id, 0 when none was started.
func (m *Managed) Pid() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cmd == nil || m.cmd.Process == nil {
		return 0
	}
	return m.cmd.Process.Pid
}

// runAsPostgres: initdb and postgres refuse to run as root, so they run as
// the postgres system user, which is given the cluster's directories.
func (m *Managed) runAsPostgres(dir string) error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("running as root needs a 'postgres' system user for the managed database: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	m.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	if err := os.MkdirAll(m.DataDir, 0o700); err != nil {
		return err
	}
	for _, d := range []string{m.DataDir, m.SockDir} {
		if err := os.Chown(d, uid, gid); err != nil {
			return err
		}
	}
	// The postgres user must be able to reach the directories. DATA_DIR is
	// ours to open up; the directories above it are the operator's, and are
	// never changed: say which one is in the way instead.
	if st, err := os.Stat(dir); err == nil && st.Mode().Perm()&0o001 == 0 {
		if err := os.Chmod(dir, st.Mode().Perm()|0o001); err != nil {
			return err
		}
	}
	for d := filepath.Dir(dir); d != "/" && d != "."; d = filepath.Dir(d) {
		st, err := os.Stat(d)
		if err != nil {
			return err
		}
		if !traversableBy(st, uint32(uid), uint32(gid)) {
			return fmt.Errorf("the postgres system user cannot reach %s (mode %v): let it through (chmod o+x %s) or choose a DATA_DIR it can reach", d, st.Mode().Perm(), d)
		}
	}
	return nil
}

// traversableBy reports whether a process of uid/gid may enter directory st.
func traversableBy(st os.FileInfo, uid, gid uint32) bool {
	perm := st.Mode().Perm()
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return perm&0o001 != 0
	}
	switch {
	case sys.Uid == uid:
		return perm&0o100 != 0
	case sys.Gid == gid:
		return perm&0o010 != 0
	}
	return perm&0o001 != 0
}

func (m *Managed) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(m.bin, name), args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: m.cred, Setpgid: true}
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	return cmd
}

// clearStale handles a postmaster.pid left by a crash: a cluster still
// running from an earlier server is shut down; a dead one's file is removed.
func (m *Managed) clearStale() error {
	pidFile := filepath.Join(m.DataDir, "postmaster.pid")
	b, err := os.ReadFile(pidFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return os.Remove(pidFile)
	}
	cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if syscall.Kill(pid, 0) != nil || !strings.Contains(string(cmdline), "postgres") {
		m.log.Warn("removing a stale postmaster.pid", "pid", pid)
		return os.Remove(pidFile)
	}
	m.log.Warn("a PostgreSQL from an earlier run is still up on this data directory; stopping it", "pid", pid)
	_ = syscall.Kill(pid, syscall.SIGINT)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if syscall.Kill(pid, 0) != nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = syscall.Kill(pid, syscall.SIGQUIT)
	time.Sleep(time.Second)
	return nil
}

func (m *Managed) waitReady(ctx context.Context, exited <-chan struct{}) error {
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-exited:
			return errors.New("postgres exited while starting; see postgres.log in the data directory")
		case <-m.stopc:
			return errors.New("the managed PostgreSQL is being stopped")
		default:
		}
		c, err := sql.Open("postgres", m.URL("postgres"))
		if err == nil {
			err = c.PingContext(ctx)
			c.Close()
		}
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("postgres did not become ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// URL returns a connection string for database name over the private socket.
func (m *Managed) URL(name string) string {
	return fmt.Sprintf("host=%s port=%d user=postgres dbname=%s sslmode=disable", m.SockDir, m.Port, name)
}

// EnsureDatabase creates database name if it does not exist.
func (m *Managed) EnsureDatabase(ctx context.Context, name string) error {
	c, err := sql.Open("postgres", m.URL("postgres"))
	if err != nil {
		return err
	}
	defer c.Close()
	var n int
	if err := c.QueryRowContext(ctx, `SELECT count(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		_, err = c.ExecContext(ctx, `CREATE DATABASE `+quoteIdent(name))
	}
	return err
}

// Stop ends supervision, asks PostgreSQL for a fast shutdown and waits for
// it to exit.
func (m *Managed) Stop() error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	already, watched := m.stopping, m.watched
	m.stopping = true
	m.mu.Unlock()
	if !already {
		close(m.stopc)
	}
	if watched {
		<-m.supDone
	}
	m.mu.Lock()
	cmd, exited := m.cmd, m.exited
	m.state = ManagedStopped
	m.mu.Unlock()
	if cmd == nil || cmd.Process == nil {
		return nil
	}
	_ = cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-exited:
		m.log.Info("managed PostgreSQL stopped")
		return nil
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Signal(syscall.SIGQUIT)
		return errors.New("postgres did not stop in 30s; sent SIGQUIT")
	}
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
