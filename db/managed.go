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
	"syscall"
	"time"
)

// Managed is a PostgreSQL cluster that the server runs itself under its data
// directory when no DATABASE_URL is given: initdb on first start, a private
// Unix socket (no TCP port), stopped with the server, reused on the next start.
type Managed struct {
	DataDir string // the cluster's PGDATA
	SockDir string
	Port    int
	bin     string
	cred    *syscall.Credential
	cmd     *exec.Cmd
	exited  chan error
	log     *slog.Logger
}

// ManagedOptions tunes a managed cluster. Tests turn fsync off; `make run` never does.
type ManagedOptions struct {
	NoFsync bool
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
	bin, err := FindPostgresBin()
	if err != nil {
		return nil, err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	m := &Managed{DataDir: filepath.Join(dir, "postgres"), Port: 5432, bin: bin, log: log}
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
	if err := m.clearStale(); err != nil {
		return nil, err
	}
	args := []string{"-D", m.DataDir, "-k", m.SockDir, "-p", strconv.Itoa(m.Port),
		"-c", "listen_addresses=", "-c", "max_connections=200", "-c", "shared_buffers=128MB"}
	if opts.NoFsync {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	logFile, err := os.OpenFile(filepath.Join(dir, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	// Not tied to ctx: the cluster lives until Stop.
	m.cmd = m.command(context.Background(), "postgres", args...)
	m.cmd.Stdout, m.cmd.Stderr = logFile, logFile
	// If the server dies without stopping the cluster (SIGKILL), the kernel
	// asks PostgreSQL for a fast shutdown, so no process is left behind.
	m.cmd.SysProcAttr.Pdeathsig = syscall.SIGINT
	if err := m.cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	m.exited = make(chan error, 1)
	go func() { m.exited <- m.cmd.Wait(); logFile.Close() }()
	if err := m.waitReady(ctx); err != nil {
		m.Stop()
		return nil, err
	}
	log.Info("managed PostgreSQL started", "pid", m.cmd.Process.Pid, "socket", m.SockDir)
	return m, nil
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
	// The postgres user must be able to reach the directories.
	for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && st.Mode().Perm()&0o001 == 0 {
			_ = os.Chmod(d, st.Mode().Perm()|0o011)
		}
	}
	return nil
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

func (m *Managed) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case err := <-m.exited:
			m.exited <- err
			return fmt.Errorf("postgres exited while starting (%v); see postgres.log in the data directory", err)
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

// Stop asks PostgreSQL for a fast shutdown and waits for it to exit.
func (m *Managed) Stop() error {
	if m == nil || m.cmd == nil || m.cmd.Process == nil {
		return nil
	}
	_ = m.cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-m.exited:
		m.exited <- err
		m.log.Info("managed PostgreSQL stopped")
		return nil
	case <-time.After(30 * time.Second):
		_ = m.cmd.Process.Signal(syscall.SIGQUIT)
		return errors.New("postgres did not stop in 30s; sent SIGQUIT")
	}
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
