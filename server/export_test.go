package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/graph"
)

// exportYear holds the seeded lines: before the demo's history, so the
// demo's postings do not mix in.
const exportYear = 2023

// seedJournalLines posts entries*40 journal lines dated in exportYear
// straight in SQL, as the posting engine would leave them: balanced
// entries numbered 1..n per month, their per-day and per-month totals and
// their periods, so that booksCheck still passes.
func seedJournalLines(t *testing.T, app *testApp, entries int) {
	t.Helper()
	ctx := context.Background()
	stmts := []string{
		`WITH e AS (
			INSERT INTO journal_entries (posting_date, created_at, description, source_type, voucher_seq)
			SELECT d, d::timestamptz, '导出测试凭证 ' || i, 'MANUAL_ENTRY', row_number() OVER (PARTITION BY date_trunc('month', d) ORDER BY d, i)
			FROM (SELECT i, make_date($1, 1, 1) + (i % 365) AS d FROM generate_series(1, $2::int) i) s
			RETURNING id, posting_date)
		INSERT INTO journal_lines (entry_id, line_no, account_code, debit, credit, posting_date, description)
		SELECT e.id, k, CASE WHEN k <= 20 THEN '1002' ELSE '3001' END,
			CASE WHEN k <= 20 THEN a.amt ELSE 0 END, CASE WHEN k > 20 THEN a.amt ELSE 0 END, e.posting_date, '第 ' || k || ' 行'
		FROM e, generate_series(1, 40) k,
			LATERAL (SELECT round((((e.id * 31 + ((k - 1) % 20) * 17) % 9973) + 100) / 100.0, 2) AS amt) a`,
		`INSERT INTO voucher_counters (month, last_no)
		SELECT date_trunc('month', posting_date)::date, count(*) FROM journal_entries WHERE extract(year FROM posting_date) = $1 GROUP BY 1
		ON CONFLICT (month) DO UPDATE SET last_no = excluded.last_no`,
		`INSERT INTO account_daily AS a (account_code, day, stripe, debit, credit, entries)
		SELECT account_code, posting_date, 0, sum(debit), sum(credit), count(DISTINCT entry_id) FROM journal_lines
		WHERE extract(year FROM posting_date) = $1 GROUP BY 1, 2
		ON CONFLICT (account_code, day, stripe) DO UPDATE SET debit = a.debit + excluded.debit, credit = a.credit + excluded.credit,
			entries = a.entries + excluded.entries`,
		`INSERT INTO account_monthly AS m (account_code, month, stripe, debit, credit, weighted)
		SELECT account_code, date_trunc('month', posting_date)::date, 0, sum(debit), sum(credit),
			sum((debit - credit) * (posting_date - date '2000-01-01')) FROM journal_lines
		WHERE extract(year FROM posting_date) = $1 GROUP BY 1, 2
		ON CONFLICT (account_code, month, stripe) DO UPDATE SET debit = m.debit + excluded.debit, credit = m.credit + excluded.credit,
			weighted = m.weighted + excluded.weighted`,
		// A year long past, as books taken over: posted in their time and closed, before the demo's own history.
		`INSERT INTO fiscal_periods (year, month, status, closed_at) SELECT $1, m, 'CLOSED', make_date($1 + 1, 1, 5) FROM generate_series(1, 12) m ON CONFLICT DO NOTHING`,
	}
	tx, err := app.store.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	// The seeding writes 100,000 lines in one statement: on a busy machine
	// it outlasts the product's write timeout, which is not what is tested.
	if _, err := tx.ExecContext(ctx, `SET LOCAL statement_timeout = 0`); err != nil {
		t.Fatal(err)
	}
	for i, s := range stmts {
		args := []any{exportYear}
		if i == 0 {
			args = append(args, entries)
		}
		if _, err := tx.ExecContext(ctx, s, args...); err != nil {
			t.Fatalf("seeding statement %d: %v", i, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

const exportJobFields = `id status rowsWritten totalCount byteSize errorMessage fileName downloadUrl connection format expiresAt`

type exportJobView struct {
	ID           string
	Status       string
	RowsWritten  int
	TotalCount   *int
	ByteSize     int
	ErrorMessage *string
	FileName     string
	DownloadURL  *string `json:"downloadUrl"`
	Connection   string
	Format       string
	ExpiresAt    *time.Time
}

type userErrorView struct {
	Code, Field, Message string
}

func (c *client) bulkExport(query string, vars map[string]any, format string) (*exportJobView, []userErrorView) {
	c.t.Helper()
	var out struct {
		BulkExport struct {
			Job        *exportJobView
			UserErrors []userErrorView
		}
	}
	r := c.do(`mutation($in: BulkExportInput!) { bulkExport(input: $in) { job { `+exportJobFields+` } userErrors { code field message } } }`,
		map[string]any{"in": map[string]any{"query": query, "variables": vars, "format": format}})
	if len(r.Errors) > 0 {
		c.t.Fatalf("bulkExport: %+v", r.Errors)
	}
	mustJSON(c.t, r.Data, &out)
	return out.BulkExport.Job, out.BulkExport.UserErrors
}

func (c *client) exportJob(id string) *exportJobView {
	c.t.Helper()
	var out struct{ ExportJob *exportJobView }
	r := c.do(`query($id: ID!) { exportJob(id: $id) { `+exportJobFields+` } }`, map[string]any{"id": id})
	if len(r.Errors) > 0 {
		c.t.Fatalf("exportJob: %+v", r.Errors)
	}
	mustJSON(c.t, r.Data, &out)
	return out.ExportJob
}

// waitExport polls the job until it has ended (bounded in time).
func (c *client) waitExport(id string, timeout time.Duration) *exportJobView {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	for i := 0; i < 10000; i++ {
		j := c.exportJob(id)
		if j == nil {
			c.t.Fatalf("export %s vanished", id)
		}
		if j.Status != "QUEUED" && j.Status != "RUNNING" {
			return j
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("export %s still %s after %s (%d rows)", id, j.Status, timeout, j.RowsWritten)
		}
		time.Sleep(100 * time.Millisecond)
	}
	c.t.Fatal("export did not end")
	return nil
}

func (c *client) download(path string) (*http.Response, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.app.URL+path, nil)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp, b
}

// subscribeAnsweringPings is subscribe for a subscription that outlives the
// server's ping interval: it answers the server's pings, as a browser's
// graphql-ws client does, or the server would close the socket.
func (c *client) subscribeAnsweringPings(query string, vars map[string]any) *wsSub {
	t := c.t.(*testing.T)
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(c.app.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: c.cookieHeader()})
	if err != nil {
		t.Fatal(err)
	}
	conn.SetReadLimit(1 << 20)
	wsSubscribe(t, ctx, conn, query, vars)
	s := &wsSub{t: t, conn: conn, msgs: make(chan json.RawMessage, 1000)}
	go func() {
		defer close(s.msgs)
		for {
			var m struct {
				Type    string
				Payload json.RawMessage
			}
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				return
			}
			switch m.Type {
			case "ping":
				if err := wsjson.Write(ctx, conn, map[string]any{"type": "pong"}); err != nil {
					return
				}
			case "next":
				var p struct {
					Data   json.RawMessage
					Errors json.RawMessage
				}
				_ = json.Unmarshal(m.Payload, &p)
				if len(p.Errors) > 0 {
					s.msgs <- json.RawMessage(`{"errors":` + string(p.Errors) + `}`)
				} else {
					s.msgs <- p.Data
				}
			case "error":
				s.msgs <- json.RawMessage(`{"errors":` + string(m.Payload) + `}`)
			}
		}
	}()
	t.Cleanup(func() { cancel(); conn.CloseNow() })
	return s
}

const journalLinesExport = `query($y: Int!) { journalLines(filter: {year: $y}) { nodes {
  id lineNo entry { voucherNo postingDate description } account { code name } debit credit description } } }`

// TestBulkExportOfAYearOfJournalLines: 100,000 journal lines exported as
// JSONL in the background, with live progress over a real websocket, and
// the file has every line once with the books' sums.
func TestBulkExportOfAYearOfJournalLines(t *testing.T) {
	app := newTestAppWith(t, demoURL(t), func(a *app) {
		a.exportRunner = func(r *graph.ExportRunner) { r.ReportEvery = 200 * time.Millisecond }
	})
	seedJournalLines(t, app, 2500)
	fin := app.client(t).mustLogin("finance")
	var books struct {
		BooksCheck struct {
			Ok         bool
			Violations []struct{ Rule, Message string }
		}
	}
	fin.gql(`{ booksCheck { ok violations { rule message } } }`, nil, &books)
	if !books.BooksCheck.Ok {
		t.Fatalf("booksCheck fails after seeding the lines: the seed is not as the posting engine leaves the books: %+v", books.BooksCheck.Violations)
	}
	var want struct {
		N             int
		Debit, Credit decimal.Decimal
	}
	if err := app.store.GetContext(context.Background(), &want,
		`SELECT count(*) AS n, sum(debit) AS debit, sum(credit) AS credit FROM journal_lines WHERE extract(year FROM posting_date) = $1`, exportYear); err != nil {
		t.Fatal(err)
	}
	if want.N != 100_000 {
		t.Fatalf("seeded %d lines, want 100000", want.N)
	}

	// Memory is sampled while the export runs (the worker runs in this
	// process, as in a replica).
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	job, ues := fin.bulkExport(journalLinesExport, map[string]any{"y": exportYear}, "JSONL")
	if len(ues) > 0 || job == nil {
		t.Fatalf("bulkExport refused: %+v", ues)
	}
	if job.Status != "QUEUED" || job.Connection != "journalLines" || !strings.HasSuffix(job.FileName, ".jsonl") {
		t.Fatalf("new job %+v", job)
	}
	sub := fin.subscribeAnsweringPings(`subscription($id: ID!) { exportJobChanged(id: $id) { id status rowsWritten totalCount } }`, map[string]any{"id": job.ID})
	var progress []int
	final := ""
	deadline := time.Now().Add(5 * time.Minute)
	for i := 0; i < 100_000 && final == "" && time.Now().Before(deadline); i++ {
		m := sub.next(30 * time.Second)
		if m == nil {
			t.Fatalf("no progress event in 30 s (seen %v)", progress)
		}
		var ev struct {
			ExportJobChanged struct {
				Status      string
				RowsWritten int
				TotalCount  *int
			}
			Errors json.RawMessage
		}
		if err := json.Unmarshal(m, &ev); err != nil || len(ev.Errors) > 0 {
			t.Fatalf("subscription message %s", m)
		}
		e := ev.ExportJobChanged
		if n := len(progress); n == 0 || progress[n-1] != e.RowsWritten {
			if n > 0 && e.RowsWritten < progress[n-1] {
				t.Fatalf("progress went back: %v then %d", progress, e.RowsWritten)
			}
			progress = append(progress, e.RowsWritten)
		}
		if e.Status != "QUEUED" && e.Status != "RUNNING" {
			final = e.Status
		}
	}
	elapsed := time.Since(start)
	close(stop)
	<-sampled
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if final != "COMPLETED" {
		t.Fatalf("export ended %q (progress %v): %+v", final, progress, fin.exportJob(job.ID))
	}
	increasing := 0
	for _, p := range progress {
		if p > 0 && p < want.N {
			increasing++
		}
	}
	if increasing < 3 {
		t.Fatalf("progress events %v: want at least 3 increasing counts before the end", progress)
	}
	t.Logf("100,000 journal lines exported as JSONL in %s; %d progress events; peak heap in use %.1f MB (%.1f MB before); %.0f MB allocated in all",
		elapsed.Round(time.Millisecond), len(progress), float64(peak.Load())/(1<<20), float64(before.HeapInuse)/(1<<20),
		float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))

	done := fin.exportJob(job.ID)
	if done.RowsWritten != want.N || done.TotalCount == nil || *done.TotalCount != want.N || done.DownloadURL == nil || done.ExpiresAt == nil {
		t.Fatalf("completed job %+v", done)
	}
	if d := time.Until(*done.ExpiresAt); d < 6*24*time.Hour || d > 7*24*time.Hour+time.Minute {
		t.Fatalf("expires in %s, want a week", d)
	}
	resp, body := fin.download(*done.DownloadURL)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), done.FileName) || len(body) != done.ByteSize {
		t.Fatalf("download: %d %q, %d bytes of %d", resp.StatusCode, resp.Header.Get("Content-Disposition"), len(body), done.ByteSize)
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var n int
	var debit, credit decimal.Decimal
	ids := map[string]bool{}
	for sc.Scan() {
		var l struct {
			ID            string
			Debit, Credit decimal.Decimal
			Entry         struct{ VoucherNo, PostingDate string }
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %d is not a JSON object: %v", n+1, err)
		}
		if l.Entry.VoucherNo == "" || !strings.HasPrefix(l.Entry.PostingDate, "2023-") {
			t.Fatalf("line %d: %s", n+1, sc.Bytes())
		}
		ids[l.ID] = true
		debit, credit = debit.Add(l.Debit), credit.Add(l.Credit)
		n++
	}
	if n != want.N || len(ids) != want.N {
		t.Fatalf("the file has %d lines (%d distinct), want %d", n, len(ids), want.N)
	}
	if !debit.Equal(want.Debit) || !credit.Equal(want.Credit) {
		t.Fatalf("the file sums to debit %s credit %s; the journal to %s and %s", debit, credit, want.Debit, want.Credit)
	}

	// Only the owner downloads: someone else and nobody get 404.
	other := app.client(t).mustLogin("manager")
	if resp, _ := other.download(*done.DownloadURL); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("another user downloading: %d, want 404", resp.StatusCode)
	}
	if other.exportJob(job.ID) != nil {
		t.Fatal("another user reads the job")
	}
	if resp, _ := app.client(t).download(*done.DownloadURL); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("anonymous download: %d, want 404", resp.StatusCode)
	}
	// After the week: 410, and the file's chunks are gone.
	if _, err := app.store.ExecContext(context.Background(), `UPDATE export_jobs SET expires_at = now() - interval '1 second' WHERE id = $1`, job.ID); err != nil {
		t.Fatal(err)
	}
	if resp, _ := fin.download(*done.DownloadURL); resp.StatusCode != http.StatusGone {
		t.Fatalf("expired download: %d, want 410", resp.StatusCode)
	}
	var chunks int
	_ = app.store.GetContext(context.Background(), &chunks, `SELECT count(*) FROM export_chunks WHERE job_id = $1`, job.ID)
	if chunks != 0 {
		t.Fatalf("%d chunks left of an expired export", chunks)
	}
	fin.gql(`{ booksCheck { ok } }`, nil, &books)
	if !books.BooksCheck.Ok {
		t.Fatal("booksCheck fails after the export")
	}
}

// TestBulkExportAsCSVAndXLSX: a smaller query as CSV (BOM, header row in
// the owner's language) and as XLSX (a zip whose sheet1.xml has the rows),
// with journalLines' filter and the cleanup of expired files.
func TestBulkExportAsCSVAndXLSX(t *testing.T) {
	app := newTestApp(t)
	seedJournalLines(t, app, 40)
	fin := app.client(t).mustLogin("finance")
	var want int
	if err := app.store.GetContext(context.Background(), &want,
		`SELECT count(*) FROM journal_lines WHERE posting_date BETWEEN '2023-01-02' AND '2023-01-05'`); err != nil {
		t.Fatal(err)
	}
	if want < 100 {
		t.Fatalf("only %d lines in the range", want)
	}
	// journalLines by account: the seed's credit side is all on 3001.
	var byAccount struct {
		JournalLines struct {
			TotalCount int
			Nodes      []struct {
				Debit, Credit decimal.Decimal
				Account       struct{ Code string }
				Entry         struct{ VoucherNo string }
			}
		}
	}
	fin.gql(`{ journalLines(first: 5, filter: {accountCode: "3001", year: 2023}) { totalCount nodes { debit credit account { code } entry { voucherNo } } } }`, nil, &byAccount)
	if byAccount.JournalLines.TotalCount != 40*20 || len(byAccount.JournalLines.Nodes) != 5 {
		t.Fatalf("journalLines on 3001 in 2023: %d lines (%d on the page), want 800", byAccount.JournalLines.TotalCount, len(byAccount.JournalLines.Nodes))
	}
	for _, l := range byAccount.JournalLines.Nodes {
		if l.Account.Code != "3001" || !l.Debit.IsZero() || !l.Credit.IsPositive() || !strings.HasPrefix(l.Entry.VoucherNo, "记-2023-") {
			t.Fatalf("a 3001 line %+v", l)
		}
	}
	q := `query($from: Date, $to: Date) { journalLines(first: 10, filter: {dateFrom: $from, dateTo: $to}, orderBy: {field: VOUCHER_NO, direction: ASC}) {
	  edges { node { entry { voucherNo postingDate } account { code } debit credit description } } } }`
	vars := map[string]any{"from": "2023-01-02", "to": "2023-01-05"}

	job, ues := fin.bulkExport(q, vars, "CSV")
	if len(ues) > 0 {
		t.Fatalf("%+v", ues)
	}
	done := fin.waitExport(job.ID, time.Minute)
	if done.Status != "COMPLETED" || done.RowsWritten != want {
		t.Fatalf("CSV job %+v, want %d rows", done, want)
	}
	resp, body := fin.download(*done.DownloadURL)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV download %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !bytes.HasPrefix(body, []byte("\ufeff")) {
		t.Fatal("the CSV has no UTF-8 byte order mark: Excel would not read its Chinese text")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHead := []string{"凭证号", "记账日期", "科目编码", "借方", "贷方", "摘要"}
	if strings.Join(recs[0], "|") != strings.Join(wantHead, "|") {
		t.Fatalf("CSV header %q, want %q", recs[0], wantHead)
	}
	if len(recs) != want+1 {
		t.Fatalf("CSV has %d records, want a header and %d rows", len(recs), want)
	}
	if !strings.HasPrefix(recs[1][0], "记-2023-01-") || recs[1][2] != "1002" && recs[1][2] != "3001" {
		t.Fatalf("first CSV row %q", recs[1])
	}

	job, ues = fin.bulkExport(q, vars, "XLSX")
	if len(ues) > 0 {
		t.Fatalf("%+v", ues)
	}
	done = fin.waitExport(job.ID, time.Minute)
	if done.Status != "COMPLETED" || !strings.HasSuffix(done.FileName, ".xlsx") {
		t.Fatalf("XLSX job %+v", done)
	}
	_, body = fin.download(*done.DownloadURL)
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("the XLSX is not a zip: %v", err)
	}
	var sheet string
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			sheet = string(b)
		}
	}
	if sheet == "" {
		t.Fatal("the XLSX has no xl/worksheets/sheet1.xml")
	}
	if rows := strings.Count(sheet, "<row "); rows != want+1 {
		t.Fatalf("sheet1.xml has %d rows, want a header and %d", rows, want)
	}
	if !strings.Contains(sheet, ">凭证号<") || !strings.Contains(sheet, ">"+recs[1][0]+"<") {
		t.Fatal("sheet1.xml lacks the header or the first voucher number")
	}
	if !strings.Contains(sheet, `<c r="D2"><v>`) {
		t.Fatal("debit is not a number cell")
	}

	// The bounded cleanup deletes expired files.
	if _, err := app.store.ExecContext(context.Background(), `UPDATE export_jobs SET expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	svcJobs := 0
	for i := 0; i < 100; i++ {
		_ = app.store.GetContext(context.Background(), &svcJobs, `SELECT count(*) FROM export_chunks`)
		if svcJobs == 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
		if i == 99 {
			t.Fatalf("%d chunks of expired exports left after 10 s", svcJobs)
		}
	}
	var listed struct {
		ExportJobs struct {
			TotalCount int
			Nodes      []struct{ ID, Status string }
		}
	}
	fin.gql(`{ exportJobs(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) { totalCount nodes { id status } } }`, nil, &listed)
	if listed.ExportJobs.TotalCount != 2 || listed.ExportJobs.Nodes[0].ID != job.ID {
		t.Fatalf("exportJobs %+v", listed.ExportJobs)
	}
}

// TestBulkExportRefusesBadQueriesAndWhatTheOwnerMayNotRead: bad input is
// a userError on input.query; a field of a data class the owner may not
// read fails the job with the data class's message; analysts may export.
func TestBulkExportRefusesBadQueriesAndWhatTheOwnerMayNotRead(t *testing.T) {
	app := newTestApp(t)
	fin := app.client(t).mustLogin("finance")
	for name, q := range map[string]string{
		"mutation":       `mutation { logout }`,
		"no connection":  `{ serverTime }`,
		"two":            `{ journalLines { nodes { id } } stockMoves { nodes { id } } }`,
		"syntax":         `{ journalLines { nodes { id } `,
		"unknown field":  `{ journalLines { nodes { nope } } }`,
		"no nodes":       `{ journalLines { totalCount } }`,
		"through a list": `{ accounts { auditTrail { nodes { id } } } }`,
	} {
		job, ues := fin.bulkExport(q, nil, "JSONL")
		if job != nil || len(ues) == 0 || ues[0].Field != "input.query" || ues[0].Code != "INVALID" {
			t.Errorf("%s: job %+v, userErrors %+v; want INVALID on input.query", name, job, ues)
		}
	}
	wh := app.client(t).mustLogin("warehouse")
	job, ues := wh.bulkExport(`{ shipments { nodes { number lines { product { sku } costValue } } } }`, nil, "CSV")
	if len(ues) > 0 {
		t.Fatalf("%+v", ues)
	}
	done := wh.waitExport(job.ID, time.Minute)
	if done.Status != "FAILED" || done.ErrorMessage == nil || !strings.Contains(*done.ErrorMessage, "MARGINS_AND_COSTS") || done.DownloadURL != nil {
		t.Fatalf("a warehouse export of shipment costs: %+v (message %v)", done, jxc.Deref(done.ErrorMessage))
	}
	an := app.client(t).mustLogin("analyst")
	job, ues = an.bulkExport(`{ journalLines(filter: {year: 2099}) { nodes { id debit } } }`, nil, "JSONL")
	if len(ues) > 0 || job == nil {
		t.Fatalf("an analyst may not export: %+v", ues)
	}
	if done := an.waitExport(job.ID, time.Minute); done.Status != "COMPLETED" || done.RowsWritten != 0 {
		t.Fatalf("analyst's export %+v", done)
	}
}

// TestExportJobsAreClaimedByAnyReplica: a job asked for on a replica
// without a worker is run by another replica over the same database and
// downloaded from the first; a job whose runner died (no heartbeat) is
// taken over and started again.
func TestExportJobsAreClaimedByAnyReplica(t *testing.T) {
	url := demoURL(t)
	a := newTestAppWith(t, url, func(x *app) { x.noExportWorker = true })
	b := newTestAppOn(t, url)
	seedJournalLines(t, a, 10)
	fin := a.client(t).mustLogin("finance")
	job, ues := fin.bulkExport(`{ journalLines(filter: {year: 2023}) { nodes { id entry { voucherNo } debit credit } } }`, nil, "JSONL")
	if len(ues) > 0 {
		t.Fatalf("%+v", ues)
	}
	done := fin.waitExport(job.ID, time.Minute)
	if done.Status != "COMPLETED" || done.RowsWritten != 400 {
		t.Fatalf("job run by the other replica: %+v", done)
	}
	if resp, body := fin.download(*done.DownloadURL); resp.StatusCode != 200 || bytes.Count(body, []byte("\n")) != 400 {
		t.Fatalf("download from the replica that did not write it: %d, %d lines", resp.StatusCode, bytes.Count(body, []byte("\n")))
	}
	// A runner that died mid-job: RUNNING, claimed, heartbeat long ago.
	_ = b
	var id2 int64
	if err := a.store.GetContext(context.Background(), &id2, `INSERT INTO export_jobs (owner_id, query, format, connection, file_name,
		status, claimed_by, heartbeat_at, started_at, rows_written)
		SELECT id, '{ journalLines(filter: {year: 2023}) { nodes { id } } }', 'JSONL', 'journalLines', 'journalLines.jsonl',
			'RUNNING', 'a-replica-that-died', now() - interval '1 hour', now() - interval '1 hour', 123
		FROM users WHERE username = 'finance' RETURNING id`); err != nil {
		t.Fatal(err)
	}
	job2 := &exportJobView{ID: strconv.FormatInt(id2, 10)}
	done = fin.waitExport(job2.ID, 2*time.Minute)
	if done.Status != "COMPLETED" || done.RowsWritten != 400 {
		t.Fatalf("a job whose runner died: %+v", done)
	}
	var attempts int
	_ = a.store.GetContext(context.Background(), &attempts, `SELECT attempts FROM export_jobs WHERE id = $1`, job2.ID)
	if attempts < 1 {
		t.Fatalf("attempts %d", attempts)
	}
	// Cancelling: an ended job cannot be cancelled.
	var cancel struct {
		CancelExport struct{ UserErrors []userErrorView }
	}
	fin.gql(`mutation($id: ID!) { cancelExport(id: $id) { job { id } userErrors { code field message } } }`, map[string]any{"id": job2.ID}, &cancel)
	if len(cancel.CancelExport.UserErrors) != 1 || cancel.CancelExport.UserErrors[0].Code != "CONFLICT" {
		t.Fatalf("cancelling an ended export: %+v", cancel)
	}
}

// TestCancellingARunningExport: the runner stops at its next page, the
// job is CANCELLED and keeps no file.
func TestCancellingARunningExport(t *testing.T) {
	app := newTestAppWith(t, demoURL(t), func(a *app) {
		a.exportRunner = func(r *graph.ExportRunner) {
			r.PageHook = func(_ *jxc.ExportJob, page int) {
				if page > 0 {
					time.Sleep(time.Second)
				}
			}
		}
	})
	seedJournalLines(t, app, 30) // 1,200 lines: 6 pages
	fin := app.client(t).mustLogin("finance")
	job, ues := fin.bulkExport(`{ journalLines(filter: {year: 2023}) { nodes { id } } }`, nil, "JSONL")
	if len(ues) > 0 {
		t.Fatalf("%+v", ues)
	}
	for i := 0; i < 100; i++ {
		if j := fin.exportJob(job.ID); j.Status == "RUNNING" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	var c struct {
		CancelExport struct {
			Job        *exportJobView
			UserErrors []userErrorView
		}
	}
	fin.gql(`mutation($id: ID!) { cancelExport(id: $id) { job { `+exportJobFields+` } userErrors { code field message } } }`, map[string]any{"id": job.ID}, &c)
	if len(c.CancelExport.UserErrors) > 0 || c.CancelExport.Job == nil || c.CancelExport.Job.Status != "CANCELLED" {
		t.Fatalf("cancelExport: %+v", c.CancelExport)
	}
	// The runner notices at its next page and writes nothing more.
	time.Sleep(2500 * time.Millisecond)
	done := fin.exportJob(job.ID)
	var chunks int
	_ = app.store.GetContext(context.Background(), &chunks, `SELECT count(*) FROM export_chunks WHERE job_id = $1`, job.ID)
	if done.Status != "CANCELLED" || done.DownloadURL != nil || chunks != 0 {
		t.Fatalf("after cancelling: %+v, %d chunks", done, chunks)
	}
	if resp, _ := fin.download("/exports/" + job.ID + "/download"); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("download of a cancelled export: %d, want 404", resp.StatusCode)
	}
}

// TestStockMovesCanBeExported: the warehouse exports every stock move
// (the stock moves page's export), one row per move.
func TestStockMovesCanBeExported(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	var n struct{ StockMoves struct{ TotalCount int } }
	wh.gql(`{ stockMoves(first: 1) { totalCount } }`, nil, &n)
	if n.StockMoves.TotalCount < 10 {
		t.Fatalf("only %d stock moves in the demo", n.StockMoves.TotalCount)
	}
	job, ues := wh.bulkExport(`query($o: StockMoveOrder) { stockMoves(orderBy: $o) { nodes { postingDate product { sku name } warehouse { code } quantity value voucherNo } } }`,
		map[string]any{"o": map[string]any{"field": "DATE", "direction": "ASC"}}, "CSV")
	if len(ues) > 0 {
		t.Fatalf("%+v", ues)
	}
	done := wh.waitExport(job.ID, time.Minute)
	if done.Status != "COMPLETED" || done.RowsWritten != n.StockMoves.TotalCount || !strings.HasPrefix(done.FileName, "stockMoves-") {
		t.Fatalf("stock moves export %+v, want %d rows", done, n.StockMoves.TotalCount)
	}
	_, body := wh.download(*done.DownloadURL)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll()
	if err != nil || len(recs) != n.StockMoves.TotalCount+1 || recs[0][1] != "商品编码" || recs[0][4] != "数量" {
		t.Fatalf("stock moves CSV: %v, %d records, header %q", err, len(recs), recs[0])
	}
}
