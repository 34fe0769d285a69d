package db

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/graph/graphqltest"
)

// TestBenchCompany is `make bench`'s company-scale run (JXC_BENCH=1): it
// builds a company through the domain services (every document posts
// through the engine; nothing is inserted past it), a year of history day
// by day and resumably, then measures the real binary over HTTP: writes at
// 1, 4 and 16 clients against pgbench's figures, reads at a tenth and at
// all of the history, and the server's peak memory. It prints one table
// and writes it as JSON under bench/results/.
func TestBenchCompany(t *testing.T) {
	graphqltest.SkipUnlessBench(t)
	ctx := context.Background()
	dsn := os.Getenv("JXC_BENCH_DSN")
	if dsn == "" {
		t.Fatal("JXC_BENCH_DSN names the bench cluster")
	}
	scale := envFloat("JXC_BENCH_SCALE", 1)
	name := "jxc_bench_" + strings.ReplaceAll(strconv.FormatFloat(scale, 'f', -1, 64), ".", "_")
	// Two companies from the same generator: the full year, and the same
	// company stopped at a tenth of it, on which the reads are measured
	// again to show what history costs. Both are kept and resumed.
	genStart := time.Now()
	small, smallURL := benchCompany(t, dsn, name+"_tenth", scale, func(g *generator) jxc.Date {
		return g.start.AddDays(g.today.DaysSince(g.start) / 10)
	})
	g, url := benchCompany(t, dsn, name, scale, func(g *generator) jxc.Date { return g.today })
	genTime := time.Since(genStart)
	var moves, lines int64
	_ = g.db.GetContext(ctx, &moves, `SELECT count(*) FROM stock_moves`)
	_ = g.db.GetContext(ctx, &lines, `SELECT count(*) FROM journal_lines`)
	var tenthMoves, tenthLines int64
	_ = small.db.GetContext(ctx, &tenthMoves, `SELECT count(*) FROM stock_moves`)
	_ = small.db.GetContext(ctx, &tenthLines, `SELECT count(*) FROM journal_lines`)

	srv := startServer(t, smallURL)
	tenthReads := measureReads(t, srv, small)
	srv.stop()
	srv = startServer(t, url)
	full := measureReads(t, srv, g)
	writes := measureWrites(t, srv, g)
	rss, peak := srv.mem()
	srv.stop()

	pg := map[string]float64{}
	for _, k := range []string{"PGBENCH_TPCB_1", "PGBENCH_TPCB_4", "PGBENCH_TPCB_16", "PGBENCH_SELECT_16"} {
		pg[k] = envFloat(k, 0)
	}
	var fan map[string]any
	if b, err := os.ReadFile(os.Getenv("JXC_BENCH_FANOUT")); err == nil {
		_ = json.Unmarshal(b, &fan)
	}

	type row struct{ Figure, Target, Measured, Ratio string }
	var rows []row
	add := func(fig, target, measured, ratio string) { rows = append(rows, row{fig, target, measured, ratio}) }
	add("history: stock moves / journal lines", "~1,000,000 / ~2,000,000 at scale 1", fmt.Sprintf("%d / %d (scale %g)", moves, lines, scale), "")
	add("the same company at a tenth of the year", "", fmt.Sprintf("%d / %d", tenthMoves, tenthLines), "")
	add("history generated this run (both companies)", "", genTime.Round(time.Second).String(), "")
	add("pgbench TPC-B 16 clients", "", fmt.Sprintf("%.0f tps", pg["PGBENCH_TPCB_16"]), "")
	add("pgbench select-only 16 clients", "", fmt.Sprintf("%.0f tps", pg["PGBENCH_SELECT_16"]), "")
	for _, c := range []int{1, 4, 16} {
		w := writes[c]
		target := ""
		if c == 16 {
			target = ">= 0.5 x pgbench"
		}
		ratio := ""
		if base := pg[fmt.Sprintf("PGBENCH_TPCB_%d", c)]; base > 0 {
			ratio = fmt.Sprintf("%.2f", w.tps/base)
		}
		add(fmt.Sprintf("writes via GraphQL, %d clients", c), target,
			fmt.Sprintf("%.0f tx/s, p50 %v, p99 %v, %d errors", w.tps, w.p50, w.p99, w.errors), ratio)
	}
	for _, r := range []struct{ key, fig, target string }{
		{"kpi_year", "KPI query for a year p99", "<= 50ms"},
		{"stock_level", "one stock level p99", "<= 5ms"},
		{"products_page", "50-row product page with filters p99", "<= 20ms"},
		{"journal_page", "50-row journal page (account filter) p99", "<= 20ms"},
	} {
		f, tenthD := full[r.key], tenthReads[r.key]
		ratio := ""
		if tenthD > 0 {
			ratio = fmt.Sprintf("%.2f (target <= 1.5)", float64(f)/float64(tenthD))
		}
		add(r.fig, r.target, fmt.Sprintf("%v (a tenth of the history: %v)", f.Round(10*time.Microsecond), tenthD.Round(10*time.Microsecond)), ratio)
	}
	if fan != nil {
		add("live fan-out p99 (1,000 subscribers)", "<= 100ms", fmt.Sprint(fan["p99"]), "")
		add("live fan-out server RSS peak", "<= 150MB", fmt.Sprint(fan["peak"]), "")
	}
	add("server peak memory (company run)", "", fmt.Sprintf("%d MB (now %d MB)", peak>>20, rss>>20), "")

	fmt.Printf("\n%-46s %-36s %-60s %s\n", "figure", "target", "measured", "ratio")
	for _, r := range rows {
		fmt.Printf("%-46s %-36s %-60s %s\n", r.Figure, r.Target, r.Measured, r.Ratio)
	}
	out, _ := json.MarshalIndent(map[string]any{"date": time.Now().UTC().Format(time.RFC3339), "scale": scale, "rows": rows}, "", "  ")
	_ = os.WriteFile(resultsPath("latest.json"), out, 0o644)
	_ = os.WriteFile(resultsPath(time.Now().UTC().Format("2006-01-02T150405")+".json"), out, 0o644)
}

// benchCompany opens (creating it the first time) one bench database and
// generates its company through the services up to until, resuming where
// an earlier run stopped. Events are numbered meanwhile, as a running
// server would: a server started over millions of unnumbered events would
// spend its first minutes numbering them while being measured.
func benchCompany(t *testing.T, dsn, name string, scale float64, until func(*generator) jxc.Date) (*generator, string) {
	ctx := context.Background()
	admin, err := sql.Open("postgres", dsn+" dbname=postgres")
	if err != nil {
		t.Fatal(err)
	}
	var exists bool
	_ = admin.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists)
	if !exists {
		if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
			t.Fatal(err)
		}
	}
	admin.Close()
	url := dsn + " dbname=" + name
	d, err := Open(ctx, url, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	g := &generator{t: t, db: d, scale: scale, today: jxc.Today(time.Now())}
	g.start = g.today.AddDays(-365)
	seqCtx, stopSequencer := context.WithCancel(ctx)
	seqDone := make(chan struct{})
	go func() { defer close(seqDone); NewEvents(d, url).runSequencer(seqCtx) }()
	fmt.Printf("bench company %s\n", name)
	g.setup(ctx)
	g.history(ctx, until(g))
	g.eventsNumbered(ctx)
	stopSequencer()
	<-seqDone
	// And the past days' striped totals are folded, as the server's
	// sequencer does each minute; done here, a server started to be
	// measured has nothing to fold.
	if err := d.CompactTotals(ctx, jxc.Today(d.Now()).AddDays(-1)); err != nil {
		t.Fatal(err)
	}
	return g, url
}

func resultsPath(name string) string { return filepath.Join("..", "bench", "results", name) }

func envFloat(k string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
		return v
	}
	return def
}

// generator builds the bench company through the services.
type generator struct {
	t            *testing.T
	db           *DB
	scale        float64
	start, today jxc.Date
	products     []int64
	warehouses   []int64
	customers    []int64
	suppliers    []int64
}

const benchWorkers = 4

func (g *generator) setup(ctx context.Context) {
	t := g.t
	users := NewUserService(g.db)
	for _, u := range DemoUsers {
		var n int
		_ = g.db.GetContext(ctx, &n, `SELECT count(*) FROM users WHERE username = $1`, u.Username)
		if n == 0 {
			if _, err := users.CreateUser(ctx, jxc.UserInput{Username: u.Username, DisplayName: u.DisplayName, Password: DemoPassword, Roles: u.Roles}); err != nil {
				t.Fatal(err)
			}
		}
	}
	catalog := NewCatalogService(g.db)
	for i := len(g.ids(ctx, `SELECT id FROM warehouses ORDER BY id`)); i < 3; i++ {
		region := []string{"华东", "华南", "华北"}[i]
		if _, err := catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: fmt.Sprintf("BW%d", i+1), Name: region + "仓", Region: &region}); err != nil {
			t.Fatal(err)
		}
	}
	g.warehouses = g.ids(ctx, `SELECT id FROM warehouses ORDER BY id`)
	for i := len(g.ids(ctx, `SELECT id FROM products ORDER BY id`)); i < 2000; i++ {
		price := decimal.NewFromInt(int64(50 + i%400))
		if _, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: fmt.Sprintf("B%05d", i), Name: fmt.Sprintf("商品%05d", i), Unit: "pcs",
			Barcodes: []string{ean13("693", 500000+i)}, SellPrice: &price}); err != nil {
			t.Fatal(err)
		}
	}
	g.products = g.ids(ctx, `SELECT id FROM products ORDER BY id`)
	sales := &SalesService{db: g.db, lean: true}
	for i := len(g.ids(ctx, `SELECT id FROM customers ORDER BY id`)); i < 1000; i++ {
		region := []string{"华东", "华南", "华北"}[i%3]
		if _, err := sales.CreateCustomer(ctx, jxc.CustomerInput{Code: fmt.Sprintf("BC%04d", i), Name: fmt.Sprintf("客户%04d", i), Region: &region,
			CreditLimit: jxc.Ptr(decimal.NewFromInt(1_000_000_000)), PaymentTermsDays: jxc.Ptr(30)}); err != nil {
			t.Fatal(err)
		}
	}
	g.customers = g.ids(ctx, `SELECT id FROM customers ORDER BY id`)
	purchasing := NewPurchasingService(g.db)
	for i := len(g.ids(ctx, `SELECT id FROM suppliers ORDER BY id`)); i < 200; i++ {
		if _, err := purchasing.CreateSupplier(ctx, jxc.SupplierInput{Code: fmt.Sprintf("BS%03d", i), Name: fmt.Sprintf("供应商%03d", i), LeadTimeDays: jxc.Ptr(7)}); err != nil {
			t.Fatal(err)
		}
	}
	g.suppliers = g.ids(ctx, `SELECT id FROM suppliers ORDER BY id`)
	// Opening stock on the first day, once.
	var opened int
	_ = g.db.GetContext(ctx, &opened, `SELECT count(*) FROM stock_documents`)
	if opened == 0 {
		stock := NewStockService(g.db)
		for _, w := range g.warehouses {
			for from := 0; from < len(g.products); from += 500 {
				var lines []jxc.OpeningStockLine
				for _, p := range g.products[from:min(from+500, len(g.products))] {
					lines = append(lines, jxc.OpeningStockLine{ProductID: p, WarehouseID: w, Quantity: decimal.NewFromInt(400), UnitCost: decimal.NewFromInt(30)})
				}
				if _, err := stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: g.start, Lines: lines}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// eventsNumbered waits until the sequencer has numbered every event.
func (g *generator) eventsNumbered(ctx context.Context) {
	for deadline := time.Now().Add(10 * time.Minute); ; {
		var n int
		if err := g.db.GetContext(ctx, &n, `SELECT count(*) FROM outbox WHERE seq IS NULL`); err != nil {
			g.t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			g.t.Fatalf("%d events still unnumbered", n)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (g *generator) ids(ctx context.Context, q string) []int64 {
	var out []int64
	if err := g.db.SelectContext(ctx, &out, q); err != nil {
		g.t.Fatal(err)
	}
	return out
}

// history generates every day after the last one done, up to (not
// including) until. Progress is a setting, so an interrupted run resumes.
func (g *generator) history(ctx context.Context, until jxc.Date) {
	done, _ := g.db.setting(ctx, "bench_day")
	day := g.start.AddDays(1)
	if done != "" {
		last, _ := jxc.ParseDate(done)
		day = last.AddDays(1)
	}
	total := g.today.DaysSince(g.start)
	// At scale 1: 290 sales orders of 3 to 15 lines and 18 purchase orders
	// of 8 to 22 lines a day, about 2,700 stock moves a day, a million in
	// the year; units bought about match units sold.
	perDaySO := int(290*g.scale + 0.5)
	perDayPO := int(18*g.scale + 0.5)
	perDaySO, perDayPO = max(perDaySO, 1), max(perDayPO, 1)
	started := time.Now()
	for ; day.Before(until); day = day.AddDays(1) {
		var wg sync.WaitGroup
		errs := make(chan error, benchWorkers)
		for w := 0; w < benchWorkers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				if err := g.day(ctx, day, w, perDaySO, perDayPO); err != nil {
					errs <- fmt.Errorf("%s worker %d: %w", day, w, err)
				}
			}(w)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			g.t.Fatal(err)
		}
		if _, err := g.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('bench_day', $1)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, day.String()); err != nil {
			g.t.Fatal(err)
		}
		n := day.DaysSince(g.start)
		if n%15 == 0 {
			var moves, lines int64
			_ = g.db.GetContext(ctx, &moves, `SELECT count(*) FROM stock_moves`)
			_ = g.db.GetContext(ctx, &lines, `SELECT count(*) FROM journal_lines`)
			fmt.Printf("bench history: day %d of %d (%s): %d stock moves, %d journal lines; %v so far this run\n",
				n, total, day, moves, lines, time.Since(started).Round(time.Second))
		}
	}
}

// day runs worker w's share of a day: purchase orders received, invoiced
// and paid; sales orders confirmed, shipped, invoiced and paid. Each worker
// owns its own slice of products, so workers do not queue on stock rows.
func (g *generator) day(ctx context.Context, day jxc.Date, w, perDaySO, perDayPO int) error {
	rng := rand.New(rand.NewPCG(uint64(day.Time().Unix()), uint64(w)))
	mine := func() int64 {
		for {
			p := g.products[rng.IntN(len(g.products))]
			if int(p)%benchWorkers == w {
				return p
			}
		}
	}
	purchasing := NewPurchasingService(g.db)
	sales := &SalesService{db: g.db, lean: true}
	for i := w; i < perDayPO; i += benchWorkers {
		wh := g.warehouses[rng.IntN(len(g.warehouses))]
		var lines []jxc.PurchaseOrderLineInput
		seen := map[int64]bool{}
		for n := 8 + rng.IntN(15); len(lines) < n; {
			p := mine()
			if seen[p] {
				continue
			}
			seen[p] = true
			lines = append(lines, jxc.PurchaseOrderLineInput{ProductID: p, Quantity: decimal.NewFromInt(int64(20 + rng.IntN(30))),
				UnitPrice: jxc.Ptr(decimal.NewFromInt(int64(25 + rng.IntN(10))))})
		}
		supplier := g.suppliers[rng.IntN(len(g.suppliers))]
		po, err := purchasing.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: supplier, WarehouseID: wh, OrderDate: day, Lines: lines})
		if err != nil {
			return fmt.Errorf("purchase order: %w", err)
		}
		if _, err := purchasing.SubmitPurchaseOrder(ctx, po.ID); err != nil {
			return err
		}
		if _, err := purchasing.ApprovePurchaseOrder(ctx, po.ID); err != nil {
			return err
		}
		var rl []jxc.GoodsReceiptLineInput
		var il []jxc.SupplierInvoiceLineInput
		for _, l := range po.Lines {
			rl = append(rl, jxc.GoodsReceiptLineInput{PurchaseOrderLineID: jxc.Ptr(l.ID), AcceptedQty: l.Quantity})
			il = append(il, jxc.SupplierInvoiceLineInput{PurchaseOrderLineID: l.ID, Quantity: l.Quantity, UnitPrice: l.UnitPrice})
		}
		if _, err := purchasing.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: po.ID, ReceiptDate: day, Lines: rl}); err != nil {
			return fmt.Errorf("receipt: %w", err)
		}
		inv, err := purchasing.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: po.ID, SupplierInvoiceNo: fmt.Sprintf("INV-%d", po.ID), InvoiceDate: day, Lines: il})
		if err != nil {
			return fmt.Errorf("supplier invoice: %w", err)
		}
		if _, err := purchasing.PostSupplierPayment(ctx, jxc.SupplierPaymentInput{SupplierID: supplier, PaymentDate: day, Amount: inv.TotalAmount,
			Allocations: []jxc.PaymentAllocationInput{{InvoiceID: inv.ID, Amount: inv.TotalAmount}}}); err != nil {
			return fmt.Errorf("supplier payment: %w", err)
		}
	}
	// The invoices left open 25 days ago are paid now, inside their 30-day
	// terms, so customers do not fall overdue and onto credit hold.
	var open []struct {
		ID       int64           `db:"id"`
		Customer int64           `db:"customer_id"`
		Due      decimal.Decimal `db:"due"`
	}
	if err := g.db.SelectContext(ctx, &open, `SELECT id, customer_id, total_amount - paid_amount - credited_amount AS due FROM sales_invoices
		WHERE posting_date = $1 AND status <> 'PAID' AND id % $2 = $3 ORDER BY id`, day.AddDays(-25), benchWorkers, w); err != nil {
		return err
	}
	for _, inv := range open {
		d := day
		if _, err := sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: inv.Customer, Amount: inv.Due, PostingDate: &d,
			Allocations: []jxc.AllocationInput{{InvoiceID: inv.ID, Amount: inv.Due}}}); err != nil {
			return fmt.Errorf("late payment: %w", err)
		}
	}
	for i := w; i < perDaySO; i += benchWorkers {
		customer := g.customers[rng.IntN(len(g.customers))]
		var lines []jxc.SalesOrderLineInput
		seen := map[int64]bool{}
		for n := 3 + rng.IntN(13); len(lines) < n; {
			p := mine()
			if seen[p] {
				continue
			}
			seen[p] = true
			lines = append(lines, jxc.SalesOrderLineInput{ProductID: p, Quantity: decimal.NewFromInt(int64(1 + rng.IntN(5)))})
		}
		d := day
		o, err := sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: customer, PostingDate: &d, Lines: lines})
		if err != nil {
			return fmt.Errorf("sales order: %w", err)
		}
		if o, err = sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
			return fmt.Errorf("confirm: %w", err)
		}
		var pending int64
		if err := g.db.GetContext(ctx, &pending, `SELECT coalesce(max(id), 0) FROM shipments WHERE order_id = $1 AND status = 'PENDING'`, o.ID); err != nil || pending == 0 {
			continue
		}
		sh, err := sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: pending, PostingDate: &d})
		if err != nil {
			return fmt.Errorf("ship: %w", err)
		}
		if rng.IntN(3) == 0 {
			rating := 3 + rng.IntN(3)
			if _, err := sales.ConfirmDelivery(ctx, jxc.DeliveryInput{ShipmentID: sh.ID, DeliveredOn: &d, Rating: &rating}); err != nil {
				return fmt.Errorf("delivery: %w", err)
			}
		}
		inv, err := sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: &d})
		if err != nil {
			return fmt.Errorf("invoice: %w", err)
		}
		if rng.IntN(10) < 8 { // most pay at once; the rest stay open
			if _, err := sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: customer, Amount: inv.TotalAmount, PostingDate: &d,
				Allocations: []jxc.AllocationInput{{InvoiceID: inv.ID, Amount: inv.TotalAmount}}}); err != nil {
				return fmt.Errorf("payment: %w", err)
			}
		}
	}
	return nil
}

// benchServer is the real binary over the bench database.
type benchServer struct {
	cmd    *exec.Cmd
	url    string
	client *http.Client
}

func startServer(t *testing.T, dbURL string) *benchServer {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jxc")
	if out, err := exec.Command("go", "build", "-o", bin, "../server").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "DEMO=0", "JXC_ADMIN_PASSWORD=demo", "ADDR=127.0.0.1:0", "DATABASE_URL="+dbURL, "LOG_LEVEL=warn",
		// One user sends the whole load: lift the per-user cost bucket.
		"QUERY_COST_BUCKET=off")
	t.Cleanup(func() { _ = cmd.Process.Kill() }) // also when the test fails half-way
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &benchServer{cmd: cmd}
	sc := bufio.NewScanner(stdout)
	re := regexp.MustCompile(`running at (http://\S+)/`)
	for s.url == "" && sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			s.url = m[1]
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	jar, _ := cookiejar.New(nil)
	s.client = &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	if _, err := s.gql(`mutation { login(input: {username: "admin", password: "demo"}) { user { id } } }`, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *benchServer) gql(query string, vars map[string]any) (map[string]any, error) {
	return graphqltest.Post(s.client, s.url, query, vars)
}

func (s *benchServer) mem() (rss, peak int64) { return graphqltest.ProcessMemory(s.cmd.Process.Pid) }

func (s *benchServer) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	_ = s.cmd.Wait()
}

// p99 runs f n times and returns the 99th percentile latency, after 30
// untimed runs: the server's connections prepare their statements on
// first use, and it is the steady state that is measured.
func p99(t *testing.T, n int, f func(i int) error) time.Duration {
	for i := 0; i < 30; i++ {
		if err := f(n + i); err != nil {
			t.Fatal(err)
		}
	}
	var lat []time.Duration
	for i := 0; i < n; i++ {
		start := time.Now()
		if err := f(i); err != nil {
			t.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat[int(0.99*float64(len(lat)-1))]
}

func measureReads(t *testing.T, s *benchServer, g *generator) map[string]time.Duration {
	from, to := g.start.AddDays(1).String(), g.today.AddDays(-1).String()
	out := map[string]time.Duration{}
	out["kpi_year"] = p99(t, 300, func(int) error {
		_, err := s.gql(`query($f: Date!, $t: Date!) { kpis(from: $f, to: $t) { current { sales grossMargin dio dso dpo cashConversionCycle unitsSold customerSatisfaction fulfilmentRate } } }`,
			map[string]any{"f": from, "t": to})
		return err
	})
	out["stock_level"] = p99(t, 300, func(i int) error {
		_, err := s.gql(`query($p: ID, $w: ID) { stockLevels(first: 1, filter: {productId: $p, warehouseId: $w}) { nodes { onHand reserved available value } } }`,
			map[string]any{"p": strconv.FormatInt(g.products[i*7%len(g.products)], 10), "w": strconv.FormatInt(g.warehouses[i%len(g.warehouses)], 10)})
		return err
	})
	out["products_page"] = p99(t, 200, func(i int) error {
		_, err := s.gql(`query($s: String) { products(first: 50, filter: {search: $s, active: true}, orderBy: {field: SKU, direction: ASC}) { totalCount nodes { id sku name sellPrice } } }`,
			map[string]any{"s": fmt.Sprintf("B0%d", i%10)})
		return err
	})
	out["journal_page"] = p99(t, 300, func(i int) error {
		_, err := s.gql(`query { journalEntries(first: 50, filter: {accountCode: "1122"}) { totalCount nodes { id postingDate lines { account { code } debit credit } } } }`, nil)
		return err
	})
	return out
}

type writeFigures struct {
	tps      float64
	p50, p99 time.Duration
	errors   int64
}

// measureWrites runs c clients for a while, each repeating the business
// cycle through GraphQL: a 5-line sales order created and confirmed with
// reservation, shipped, invoiced and paid, and a purchase order approved
// and received. Every mutation counts as one transaction.
func measureWrites(t *testing.T, s *benchServer, g *generator) map[int]writeFigures {
	out := map[int]writeFigures{}
	dur := time.Duration(envFloat("JXC_BENCH_WRITE_SECONDS", 15)) * time.Second
	for _, clients := range []int{1, 4, 16} {
		var mu sync.Mutex
		var lat []time.Duration
		var errs atomic.Int64
		deadline := time.Now().Add(dur)
		var wg sync.WaitGroup
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(clients), uint64(c)))
				call := func(q string, vars map[string]any) map[string]any {
					start := time.Now()
					d, err := s.gql(q, vars)
					mu.Lock()
					lat = append(lat, time.Since(start))
					mu.Unlock()
					if err != nil {
						errs.Add(1)
						return nil
					}
					for _, v := range d {
						if m, ok := v.(map[string]any); ok {
							if ue, ok := m["userErrors"].([]any); ok && len(ue) > 0 {
								errs.Add(1)
								if errs.Load() <= 3 {
									fmt.Printf("bench write refused: %v\n", ue)
								}
							}
						}
					}
					return d
				}
				for time.Now().Before(deadline) {
					// Purchasing: an order approved and its goods received.
					var plines []map[string]any
					pseen := map[int64]bool{}
					for len(plines) < 5 {
						p := g.products[rng.IntN(len(g.products))]
						if !pseen[p] {
							pseen[p] = true
							plines = append(plines, map[string]any{"productId": strconv.FormatInt(p, 10), "quantity": "10", "unitPrice": "30"})
						}
					}
					d := call(`mutation($in: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $in) { purchaseOrder { id lines { id quantity } } userErrors { message } } }`,
						map[string]any{"in": map[string]any{"supplierId": strconv.FormatInt(g.suppliers[rng.IntN(len(g.suppliers))], 10),
							"warehouseId": strconv.FormatInt(g.warehouses[rng.IntN(len(g.warehouses))], 10), "lines": plines}})
					if po, ok := graphqltest.DigAny(d, "createPurchaseOrder", "purchaseOrder").(map[string]any); ok {
						call(`mutation($id: ID!) { submitPurchaseOrder(id: $id) { userErrors { message } } }`, map[string]any{"id": po["id"]})
						call(`mutation($id: ID!) { approvePurchaseOrder(id: $id) { userErrors { message } } }`, map[string]any{"id": po["id"]})
						var rl []map[string]any
						for _, l := range po["lines"].([]any) {
							m := l.(map[string]any)
							rl = append(rl, map[string]any{"purchaseOrderLineId": m["id"], "acceptedQuantity": m["quantity"]})
						}
						call(`mutation($in: GoodsReceiptInput!) { postGoodsReceipt(input: $in) { goodsReceipt { id } userErrors { message } } }`,
							map[string]any{"in": map[string]any{"purchaseOrderId": po["id"], "lines": rl}})
					}
					var lines []map[string]any
					seen := map[int64]bool{}
					for len(lines) < 5 {
						p := g.products[rng.IntN(len(g.products))]
						if !seen[p] {
							seen[p] = true
							lines = append(lines, map[string]any{"productId": strconv.FormatInt(p, 10), "quantity": "1"})
						}
					}
					d = call(`mutation($in: SalesOrderInput!) { createSalesOrder(input: $in) { order { id } userErrors { message } } }`,
						map[string]any{"in": map[string]any{"customerId": strconv.FormatInt(g.customers[rng.IntN(len(g.customers))], 10), "lines": lines}})
					id := graphqltest.Dig(d, "createSalesOrder", "order", "id")
					if id == "" {
						continue
					}
					d = call(`mutation($id: ID!) { confirmSalesOrder(id: $id) { order { shipments { id status } } userErrors { message } } }`, map[string]any{"id": id})
					ship := graphqltest.PendingShipment(d, "confirmSalesOrder", "order", "shipments")
					if ship == "" {
						continue
					}
					call(`mutation($id: ID!) { shipShipment(input: {shipmentId: $id}) { shipment { id } userErrors { message } } }`, map[string]any{"id": ship})
					d = call(`mutation($id: ID!) { createSalesInvoice(input: {shipmentIds: [$id]}) { invoice { id customer { id } totalAmount } userErrors { message } } }`, map[string]any{"id": ship})
					if inv, ok := graphqltest.DigAny(d, "createSalesInvoice", "invoice").(map[string]any); ok {
						cust := inv["customer"].(map[string]any)["id"]
						call(`mutation($c: ID!, $a: Decimal!, $i: ID!) { recordCustomerPayment(input: {customerId: $c, amount: $a, allocations: [{invoiceId: $i, amount: $a}]}) { payment { id } userErrors { message } } }`,
							map[string]any{"c": cust, "a": inv["totalAmount"], "i": inv["id"]})
					}
				}
			}(c)
		}
		wg.Wait()
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		f := writeFigures{tps: float64(len(lat)) / dur.Seconds(), errors: errs.Load()}
		if len(lat) > 0 {
			f.p50, f.p99 = lat[len(lat)/2].Round(100*time.Microsecond), lat[int(0.99*float64(len(lat)-1))].Round(100*time.Microsecond)
		}
		out[clients] = f
	}
	return out
}
