// Command jxc is the business system's server: one binary with the GraphQL
// API, the live transport and the embedded dashboard. With no DATABASE_URL
// it runs its own PostgreSQL under DATA_DIR.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/jxcgraph/jxc/db"
)

// Config is everything the server is told from outside.
type Config struct {
	Addr          string
	DataDir       string
	DatabaseURL   string
	Demo          bool
	AdminPassword string
	SecureCookies bool
	LogLevel      string
	// Managed tunes the managed PostgreSQL (restart pauses and tries).
	Managed db.ManagedOptions
	// EventRetention is how long committed events stay replayable for
	// subscribers that reconnect with `after`.
	EventRetention time.Duration
	// Statement timeouts (STATEMENT_TIMEOUT_READ, STATEMENT_TIMEOUT_WRITE).
	Statements db.Timeouts
	// CostBucket is QUERY_COST_BUCKET: "off" lifts the per-user query-cost
	// bucket (the per-operation cost limit stays), for load tests that send
	// thousands of operations a second as one user.
	CostBucket bool
	// HTTP holds the http.Server's timeouts (HTTP_READ_HEADER_TIMEOUT,
	// HTTP_READ_TIMEOUT, HTTP_WRITE_TIMEOUT, HTTP_IDLE_TIMEOUT).
	HTTP HTTPTimeouts
}

// HTTPTimeouts bound a connection: a client that dribbles its headers or
// body, or reads its response slowly, or keeps an idle connection, is cut.
// The write timeout exceeds the statement timeouts, so a slow report ends
// with its error rather than a cut connection. Websockets are not bound by
// them: net/http clears the deadlines when the connection is upgraded.
type HTTPTimeouts struct {
	ReadHeader, Read, Write, Idle time.Duration
}

// DefaultHTTPTimeouts: a 1 MB body in 30 s is a slow line, not a slow client.
var DefaultHTTPTimeouts = HTTPTimeouts{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Write: 60 * time.Second, Idle: 120 * time.Second}

// newHTTPServer is the server run listens with: the timeouts, and every
// request's context derived from base.
func newHTTPServer(t HTTPTimeouts, h http.Handler, base context.Context) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.ReadHeader,
		ReadTimeout:       t.Read,
		WriteTimeout:      t.Write,
		IdleTimeout:       t.Idle,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
}

// envDuration sets *d from the environment variable k when it is set.
func envDuration(k string, d *time.Duration) error {
	v := os.Getenv(k)
	if v == "" {
		return nil
	}
	p, err := time.ParseDuration(v)
	if err != nil || p < 0 {
		return fmt.Errorf("%s must be a duration such as 30s (0 for none): %q", k, v)
	}
	*d = p
	return nil
}

func configFromEnv(args []string) (Config, error) {
	c := Config{
		Addr:          envOr("ADDR", "127.0.0.1:8080"),
		DataDir:       envOr("DATA_DIR", "./data"),
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		Demo:          truthy(os.Getenv("DEMO")),
		AdminPassword: os.Getenv("JXC_ADMIN_PASSWORD"),
		SecureCookies: truthy(os.Getenv("SECURE_COOKIES")),
		LogLevel:      envOr("LOG_LEVEL", "info"),
	}
	c.EventRetention = 7 * 24 * time.Hour
	if v := os.Getenv("EVENT_RETENTION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute {
			return c, fmt.Errorf("EVENT_RETENTION must be a duration of at least 1m, such as 168h: %q", v)
		}
		c.EventRetention = d
	}
	c.CostBucket = os.Getenv("QUERY_COST_BUCKET") != "off"
	c.Statements, c.HTTP = db.DefaultTimeouts, DefaultHTTPTimeouts
	for k, d := range map[string]*time.Duration{
		"STATEMENT_TIMEOUT_READ": &c.Statements.Read, "STATEMENT_TIMEOUT_WRITE": &c.Statements.Write,
		"HTTP_READ_HEADER_TIMEOUT": &c.HTTP.ReadHeader, "HTTP_READ_TIMEOUT": &c.HTTP.Read,
		"HTTP_WRITE_TIMEOUT": &c.HTTP.Write, "HTTP_IDLE_TIMEOUT": &c.HTTP.Idle,
	} {
		if err := envDuration(k, d); err != nil {
			return c, err
		}
	}
	fs := flag.NewFlagSet("jxc", flag.ContinueOnError)
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (env ADDR)")
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "directory for the managed PostgreSQL (env DATA_DIR)")
	fs.StringVar(&c.DatabaseURL, "database-url", c.DatabaseURL, "PostgreSQL to use instead of the managed one (env DATABASE_URL)")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "create the demo users and company on first start (env DEMO=1)")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", c.SecureCookies, "mark the session cookie Secure, behind HTTPS (env SECURE_COOKIES=1)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error (env LOG_LEVEL)")
	return c, fs.Parse(args)
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func truthy(s string) bool {
	switch strings.ToLower(s) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

func main() {
	cfg, err := configFromEnv(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, log, nil); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

// run starts everything, serves until ctx ends, then shuts down in order:
// HTTP drained, websockets closed, database closed, managed PostgreSQL
// stopped. When ready is not nil it receives the listening address.
func run(ctx context.Context, cfg Config, log *slog.Logger, ready chan<- string) error {
	var managed *db.Managed
	url := cfg.DatabaseURL
	if url == "" {
		var err error
		managed, err = db.StartManaged(ctx, cfg.DataDir, cfg.Managed, log)
		if err != nil {
			return err
		}
		defer managed.Stop()
		if err := managed.EnsureDatabase(ctx, "jxc"); err != nil {
			return err
		}
		url = managed.URL("jxc")
	}
	store, err := db.OpenWith(ctx, url, log, cfg.Statements)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Migrate(ctx); err != nil {
		return err
	}
	loaded := false
	if cfg.Demo {
		if loaded, err = store.LoadDemo(ctx); err != nil {
			return err
		}
	} else if _, err := store.EnsureAdmin(ctx, cfg.AdminPassword); err != nil {
		return err
	}

	// One event hub per process: it hears every committed change from any
	// replica and fans it out to this process's subscribers.
	events := db.NewEvents(store, url)
	events.Retention = cfg.EventRetention
	evctx, stopEvents := context.WithCancel(context.Background())
	evdone := make(chan struct{})
	go func() {
		defer close(evdone)
		if err := events.Run(evctx); err != nil {
			log.Error("event hub stopped", "err", err)
		}
	}()
	defer func() {
		stopEvents()
		// The listener cannot be interrupted while it reconnects to a
		// database that is gone; do not let it hold up the exit.
		select {
		case <-evdone:
		case <-time.After(5 * time.Second):
			log.Warn("the event hub did not stop in 5s")
		}
	}()

	// Every request context derives from base; cancelling it closes the
	// websockets, which http.Server.Shutdown does not track.
	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	web := newApp(store, events, log)
	web.secureCookies = cfg.SecureCookies
	web.managed = managed
	if !cfg.CostBucket {
		web.buckets = nil
	}
	srv := newHTTPServer(cfg.HTTP, web.routes(), base)
	// The export worker stops with the requests (base).
	go web.runExports(base)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	announce(cfg, addr, managed, loaded)
	if ready != nil {
		ready <- addr
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case err := <-managed.GaveUp():
		// The managed PostgreSQL would not come back: exit non-zero so that
		// a supervisor (systemd, a container runtime) restarts the whole
		// server, or an operator sees it.
		cancelBase()
		_ = srv.Close()
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	cancelBase()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("HTTP shutdown", "err", err)
	}
	return nil
}

func announce(cfg Config, addr string, managed *db.Managed, loaded bool) {
	fmt.Printf("\nJXC is running at http://%s/\n", addr)
	fmt.Printf("  GraphiQL for analysts: http://%s/graphiql\n", addr)
	if managed != nil {
		abs, _ := filepath.Abs(cfg.DataDir)
		fmt.Printf("  PostgreSQL: managed under %s\n", abs)
	}
	if cfg.Demo {
		if loaded {
			fmt.Println("  Demo company loaded.")
		}
		fmt.Print("  Demo logins (password \"" + db.DemoPassword + "\"):")
		for _, u := range db.DemoUsers {
			fmt.Print(" " + u.Username)
		}
		fmt.Println()
	}
	fmt.Println("  Stop with Ctrl-C.")
	fmt.Println()
}
