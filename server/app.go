package main

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/frontend"
	"github.com/jxcgraph/jxc/graph"
)

// contentSecurityPolicy allows only our own scripts; antd writes inline
// styles, and the app opens a websocket to its own origin only: under CSP
// Level 3 'self' also matches ws:/wss: to the page's own host and port
// (current Chromium and Firefox do so), so no other socket can be opened.
// The installable app's service worker and web app manifest come from the
// own origin only (worker-src, manifest-src, said outright rather than left
// to default-src); the camera scanner's video is a local stream (media-src
// blob: and mediastream: are not needed: srcObject is not a URL).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; connect-src 'self'; font-src 'self' data:; " +
	"worker-src 'self'; manifest-src 'self'; " +
	"frame-ancestors 'none'; base-uri 'self'; object-src 'none'"

// staticTypes are the content types of built files the mime package may not
// know on every system: the web app manifest must say so for browsers.
var staticTypes = map[string]string{
	".webmanifest": "application/manifest+json",
	".js":          "text/javascript; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
}

// hstsPolicy is sent when the server sits behind HTTPS (SECURE_COOKIES=1):
// browsers then refuse plain HTTP to this host for a year.
const hstsPolicy = "max-age=31536000; includeSubDomains"

type app struct {
	store  *db.DB
	events *db.Events
	log    *slog.Logger
	dist   fs.FS
	// secureCookies marks the session cookie Secure and sends HSTS: the
	// server is reached over HTTPS only.
	secureCookies bool
	// managed is the PostgreSQL the server runs itself, if any; /readyz
	// reports its state.
	managed *db.Managed
	// buckets are the query-cost buckets; nil: none (QUERY_COST_BUCKET=off).
	buckets jxc.CostBucketService
	// exports is this replica's bulk export worker, made by routes; start
	// it with runExports.
	exports *graph.ExportRunner
	// exportRunner adjusts the worker before it starts (tests);
	// noExportWorker runs none (a replica that only serves).
	exportRunner   func(*graph.ExportRunner)
	noExportWorker bool
}

func newApp(store *db.DB, events *db.Events, log *slog.Logger) *app {
	return &app{store: store, events: events, log: log, dist: frontend.Dist(), buckets: db.NewCostBuckets(store)}
}

func (a *app) routes() http.Handler {
	users := db.NewUserService(a.store)
	catalog := db.NewCatalogService(a.store)
	sales := db.NewSalesService(a.store)
	ledger := db.NewLedgerService(a.store)
	exports := db.NewExportService(a.store, a.events)
	resolver := &graph.Resolver{
		UserService:       users,
		CatalogService:    catalog,
		UnitService:       db.NewUnitService(a.store),
		Live:              db.NewLive(a.events, catalog, sales),
		KPIService:        db.NewKPIService(a.store),
		AnalyticsService:  db.NewAnalyticsService(a.store),
		StockService:      db.NewStockService(a.store),
		TransferService:   db.NewStockTransferService(a.store),
		StockCountService: db.NewStockCountService(a.store),
		LedgerService:     ledger,
		LedgerLines:       ledger,
		ExportService:     exports,
		StatementService:  db.NewStatementService(a.store),
		SalesService:      sales,
		PartnerService:    db.NewPartnerService(a.store),
		RefService:        db.NewRefService(a.store),
		DocumentService:   db.NewDocumentService(a.store),
		PurchasingService: db.NewPurchasingService(a.store),
		BudgetService:     db.NewBudgetService(a.store),
		BatchService:      db.NewBatchService(a.store),
		AuditService:      db.NewAuditService(a.store),
		SettingsService:   db.NewSettingsService(a.store),
		VatService:        db.NewVatService(a.store),
		WorkbenchService:  db.NewWorkbenchService(a.store),
		ScrapService:      db.NewScrapService(a.store),
		BinService:        db.NewBinService(a.store),
		DispatchService:   db.NewDispatchService(a.store, a.events),
		SupplierReturns:   db.NewSupplierReturnService(a.store),
		Sockets:           db.NewSocketService(a.store, a.events),
		CostBuckets:       a.buckets,
		Log:               a.log,
	}
	// Exports run their pages through a handler of their own: the same
	// schema and rules, priced per page, but not charged to the owner's
	// bucket (a long export would otherwise throttle their screens).
	exportResolver := *resolver
	exportResolver.CostBuckets = nil
	a.exports = &graph.ExportRunner{Service: exports, Users: users, Handler: graph.NewHandler(&exportResolver),
		Worker: exportWorkerName(), Log: a.log}
	if a.exportRunner != nil {
		a.exportRunner(a.exports)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", graph.Authenticate(users, a.secureCookies, graph.NewHandler(resolver)))
	mux.Handle("GET /exports/{id}/download", graph.Authenticate(users, a.secureCookies, a.serveExport(exports)))
	mux.HandleFunc("GET /graphiql", a.serveGraphiQL)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", a.serveReady)
	mux.HandleFunc("/", a.serveSPA)
	return a.securityHeaders(graph.WithRequestID(a.logRequests(mux)))
}

// securityHeaders sets the headers every response carries, whatever
// handler writes it (assets, /graphql, /readyz, errors, 404s): no MIME
// sniffing, the content security policy, and HSTS behind HTTPS.
func (a *app) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("Referrer-Policy", "same-origin")
		if a.secureCookies {
			h.Set("Strict-Transport-Security", hstsPolicy)
		}
		next.ServeHTTP(w, r)
	})
}

func (a *app) serveReady(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	if state := a.managed.State(); state != db.ManagedRunning {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("database " + string(state) + "\n"))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	ok, err := a.store.MigrationsApplied(ctx)
	if err != nil || !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		msg := "migrations not applied"
		if err != nil {
			msg = "database unreachable"
		}
		_, _ = w.Write([]byte(msg + "\n"))
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// serveSPA serves the built app's files, and index.html for client routes.
// A missing asset is a 404, never index.html, so a stale tab gets a clear
// error instead of HTML parsed as JavaScript.
func (a *app) serveSPA(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if p == "/graphql" || strings.HasPrefix(p, "/graphql/") || strings.HasPrefix(p, "/graphiql/") || p == "/healthz" || p == "/readyz" {
		http.NotFound(w, r)
		return
	}
	name := strings.TrimPrefix(p, "/")
	if name != "" && name != "index.html" {
		if st, err := fs.Stat(a.dist, name); err == nil && !st.IsDir() {
			if strings.HasPrefix(name, "assets/") {
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				// index.html, the service worker (sw.js), the manifest and icons: checked each time.
				w.Header().Set("Cache-Control", "no-cache")
			}
			if ct, ok := staticTypes[path.Ext(name)]; ok {
				w.Header().Set("Content-Type", ct)
			}
			http.ServeFileFS(w, r, a.dist, name)
			return
		}
		if strings.HasPrefix(name, "assets/") || path.Ext(name) != "" {
			http.NotFound(w, r)
			return
		}
	}
	a.serveHTML(w, r, "index.html")
}

func (a *app) serveGraphiQL(w http.ResponseWriter, r *http.Request) {
	a.serveHTML(w, r, "graphiql.html")
}

func (a *app) serveHTML(w http.ResponseWriter, r *http.Request, name string) {
	b, err := fs.ReadFile(a.dist, name)
	if err != nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte("The web app is not built into this binary: run `make run`, which builds it.\n"))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(b)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController and the websocket upgrade reach the
// underlying writer (Hijack, Flush).
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (a *app) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: 200}
		next.ServeHTTP(sw, r)
		level := slog.LevelDebug
		if sw.status >= 500 {
			level = slog.LevelWarn
		}
		a.log.Log(r.Context(), level, "request", "request_id", graph.RequestID(r.Context()),
			"method", r.Method, "path", r.URL.Path, "status", sw.status, "ms", time.Since(start).Milliseconds())
	})
}
