package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/jxcgraph/jxc"
)

// Bulk exports: the query is checked and rewritten here (one connection,
// its first/after set page by page), and ExportRunner runs it through the
// graph handler as its owner, so that every rule of an ordinary request
// holds: roles, @dataClass, depth and the cost of each page.

// The variables the rewritten query pages with, and the keys under which
// it reads the connection's paging (names no caller would choose).
const (
	exportFirstVar = "jxcExportFirst"
	exportAfterVar = "jxcExportAfter"
	exportPageKey  = "jxcExportPageInfo"
	exportTotalKey = "jxcExportTotalCount"
)

// exportPlan is a checked export query.
type exportPlan struct {
	query    string   // rewritten: first/after are variables, paging added
	path     []string // response keys down to the connection
	nodesKey string   // the connection's nodes, or its edges
	edgeNode string   // with edges: the node's key in each edge
	hasTotal bool
	cols     []jxc.ExportColumn
	pageSize int
}

func (p *exportPlan) connection() string { return strings.Join(p.path, ".") }

type connectionHit struct {
	field *ast.Field
	path  []string
	list  string // the list field on the way to it, if any
}

// planExport checks an export's query against the schema and rewrites it:
// userErrors on input.query for anything but a query that selects exactly
// one connection, and its nodes.
func planExport(schema *ast.Schema, query string, vars map[string]any, maxCost int) (*exportPlan, error) {
	const field = "input.query"
	doc, errs := gqlparser.LoadQuery(schema, query)
	if len(errs) > 0 {
		var es jxc.Errors
		for i, e := range errs {
			if i == 5 {
				break
			}
			es.Add(jxc.EINVALID, field, "the query is not valid GraphQL: {error}", jxc.P{"error": e.Message})
		}
		return nil, es.Err()
	}
	if len(doc.Operations) != 1 {
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "the query must hold exactly one operation")
	}
	op := doc.Operations[0]
	if op.Operation != ast.Query {
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "only a query can be exported, not a {operation}", jxc.P{"operation": string(op.Operation)})
	}
	for _, v := range op.VariableDefinitions {
		if v.Variable == exportFirstVar || v.Variable == exportAfterVar {
			return nil, jxc.FieldErrorf(jxc.EINVALID, field, "the variable names {name} are kept for the export's paging", jxc.P{"name": "$" + v.Variable})
		}
	}
	var hits []connectionHit
	findConnections(schema, doc, op.SelectionSet, nil, "", &hits, map[string]bool{})
	switch {
	case len(hits) == 0:
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "the query selects no connection (a list with pageInfo, such as journalLines or stockMoves): there is nothing to page through")
	case len(hits) > 1:
		names := make([]string, len(hits))
		for i, h := range hits {
			names[i] = strings.Join(h.path, ".")
		}
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "the query selects {count} connections ({paths}); an export pages through exactly one",
			jxc.P{"count": len(hits), "paths": strings.Join(names, ", ")})
	}
	hit := hits[0]
	if hit.list != "" {
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "the connection {path} is reached through the list {list}: it must be reached through single objects",
			jxc.P{"path": strings.Join(hit.path, "."), "list": hit.list})
	}
	plan := &exportPlan{path: hit.path}
	// The nodes: either nodes { ... } or edges { node { ... } }.
	var nodeSel ast.SelectionSet
	for _, f := range fieldsOf(doc, hit.field.SelectionSet) {
		switch f.Name {
		case "nodes":
			if plan.nodesKey == "" {
				plan.nodesKey, nodeSel = f.Alias, f.SelectionSet
			}
		case "edges":
			for _, e := range fieldsOf(doc, f.SelectionSet) {
				if e.Name == "node" && plan.nodesKey == "" {
					plan.nodesKey, plan.edgeNode, nodeSel = f.Alias, e.Alias, e.SelectionSet
				}
			}
		}
	}
	if plan.nodesKey == "" {
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "select the connection's nodes (or edges.node) to say which fields to export")
	}
	plan.cols = exportColumns(doc, nodeSel, nil)
	// Rewrite: first/after become the paging variables, paging is added.
	f := hit.field
	args := ast.ArgumentList{}
	for _, a := range f.Arguments {
		if a.Name != "first" && a.Name != "after" {
			args = append(args, a)
		}
	}
	f.Arguments = append(args,
		&ast.Argument{Name: "first", Value: &ast.Value{Kind: ast.Variable, Raw: exportFirstVar}},
		&ast.Argument{Name: "after", Value: &ast.Value{Kind: ast.Variable, Raw: exportAfterVar}})
	f.SelectionSet = append(f.SelectionSet, &ast.Field{Alias: exportPageKey, Name: "pageInfo", SelectionSet: ast.SelectionSet{
		&ast.Field{Alias: "hasNextPage", Name: "hasNextPage"}, &ast.Field{Alias: "endCursor", Name: "endCursor"}}})
	if def := schema.Types[f.Definition.Type.Name()]; def != nil && def.Fields.ForName("totalCount") != nil {
		plan.hasTotal = true
		f.SelectionSet = append(f.SelectionSet, &ast.Field{Alias: exportTotalKey, Name: "totalCount"})
	}
	op.VariableDefinitions = append(op.VariableDefinitions,
		&ast.VariableDefinition{Variable: exportFirstVar, Type: ast.NonNullNamedType("Int", nil)},
		&ast.VariableDefinition{Variable: exportAfterVar, Type: ast.NamedType("String", nil)})
	var b bytes.Buffer
	formatter.NewFormatter(&b, formatter.WithIndent(" ")).FormatQueryDocument(doc)
	plan.query = b.String()
	// The largest page whose cost is within the limit of one operation.
	re, errs := gqlparser.LoadQuery(schema, plan.query)
	if len(errs) > 0 {
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "the query is not valid GraphQL: {error}", jxc.P{"error": errs[0].Message})
	}
	for _, n := range []int{jxc.MaxPageSize, 100, 50, 20, 10, 5, 2, 1} {
		v := map[string]any{}
		for k, x := range vars {
			v[k] = x
		}
		v[exportFirstVar] = n
		if OperationCost(schema, re.Operations[0], re.Fragments, v) <= maxCost {
			plan.pageSize = n
			break
		}
	}
	if plan.pageSize == 0 {
		return nil, jxc.FieldErrorf(jxc.EINVALID, field, "even one node per page costs more than {max}, the limit of one operation: select fewer nested lists",
			jxc.P{"max": maxCost})
	}
	return plan, nil
}

// findConnections walks a selection for the connection fields in it.
func findConnections(schema *ast.Schema, doc *ast.QueryDocument, set ast.SelectionSet, path []string, list string, hits *[]connectionHit, seen map[string]bool) {
	for _, f := range fieldsOf(doc, set) {
		if f.Definition == nil {
			continue
		}
		p := append(path[:len(path):len(path)], f.Alias)
		def := schema.Types[f.Definition.Type.Name()]
		if def != nil && strings.HasSuffix(def.Name, "Connection") && def.Fields.ForName("pageInfo") != nil {
			*hits = append(*hits, connectionHit{field: f, path: p, list: list})
			// A connection inside this one is a second one.
			findConnections(schema, doc, f.SelectionSet, p, strings.Join(p, "."), hits, seen)
			continue
		}
		l := list
		if f.Definition.Type.Elem != nil && l == "" {
			l = strings.Join(p, ".")
		}
		findConnections(schema, doc, f.SelectionSet, p, l, hits, seen)
	}
}

// fieldsOf lists the fields of a selection, fragments spread in place.
func fieldsOf(doc *ast.QueryDocument, set ast.SelectionSet) []*ast.Field {
	var out []*ast.Field
	var walk func(ast.SelectionSet, int)
	walk = func(s ast.SelectionSet, depth int) {
		if depth > 20 {
			return
		}
		for _, sel := range s {
			switch x := sel.(type) {
			case *ast.Field:
				out = append(out, x)
			case *ast.InlineFragment:
				walk(x.SelectionSet, depth+1)
			case *ast.FragmentSpread:
				if fr := doc.Fragments.ForName(x.Name); fr != nil {
					walk(fr.SelectionSet, depth+1)
				}
			}
		}
	}
	walk(set, 0)
	return out
}

// exportColumns flattens the nodes' selection into leaf columns: objects
// open into their fields (account.code), lists stay one cell (as JSON).
func exportColumns(doc *ast.QueryDocument, set ast.SelectionSet, prefix []string) []jxc.ExportColumn {
	var out []jxc.ExportColumn
	seen := map[string]bool{}
	for _, f := range fieldsOf(doc, set) {
		p := append(prefix[:len(prefix):len(prefix)], f.Alias)
		key := strings.Join(p, ".")
		if len(f.SelectionSet) > 0 && f.Definition != nil && f.Definition.Type.Elem == nil {
			for _, c := range exportColumns(doc, f.SelectionSet, p) {
				if k := strings.Join(c.Path, "."); !seen[k] {
					seen[k] = true
					out = append(out, c)
				}
			}
			continue
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		numeric := false
		if f.Definition != nil && f.Definition.Type.Elem == nil {
			switch f.Definition.Type.Name() {
			case "Int", "Float", "Decimal":
				numeric = true
			}
		}
		out = append(out, jxc.ExportColumn{Path: p, Numeric: numeric, Label: jxc.ExportLabel(p)})
	}
	return out
}

// exportSchema is the schema exports are checked against.
func exportSchema() *ast.Schema { return NewExecutableSchema(Config{}).Schema() }

// startExport checks the request and queues the job for the caller.
func (r *Resolver) startExport(ctx context.Context, in BulkExportInput) (*jxc.ExportJob, error) {
	a := mustAuth(ctx)
	format := jxc.DerefOr(in.Format, jxc.ExportJSONL)
	plan, err := planExport(exportSchema(), in.Query, in.Variables, r.maxQueryCost())
	if err != nil {
		return nil, err
	}
	return r.ExportService.CreateExport(ctx, a.User.ID, jxc.ExportRequest{Query: in.Query, Variables: in.Variables, Format: format,
		Connection: plan.connection(), Lang: jxc.LangOf(ctx), FileName: jxc.ExportFileName(plan.connection(), format, jxc.DateOf(time.Now()))})
}

func (r *Resolver) maxQueryCost() int {
	if r.MaxQueryCost > 0 {
		return r.MaxQueryCost
	}
	return MaxQueryCost
}

// ExportRunner is a replica's export worker: it claims queued jobs (and
// jobs whose runner stopped heartbeating) and runs them one at a time.
// It keeps nothing another replica would need.
type ExportRunner struct {
	Service jxc.ExportService
	Users   jxc.UserService
	// Handler is the graph endpoint the pages run through (NewHandler,
	// without Authenticate: the runner puts the owner in the context).
	Handler http.Handler
	Worker  string
	Log     *slog.Logger
	// MaxQueryCost is the limit each page is priced against (0: MaxQueryCost).
	MaxQueryCost int
	// Poll is how often it looks for work when no wakeup came; Stale how
	// long a running job may go without a heartbeat before another worker
	// takes it over.
	Poll, Stale time.Duration
	// ChunkBytes is the size of the file's chunks; ReportEvery how often
	// progress (and the heartbeat) is written at the latest.
	ChunkBytes  int
	ReportEvery time.Duration
	// PageHook, when set, runs before each page (tests: to slow a job).
	PageHook func(job *jxc.ExportJob, page int)
}

func (x *ExportRunner) defaults() {
	if x.Poll == 0 {
		x.Poll = 2 * time.Second
	}
	if x.Stale == 0 {
		x.Stale = 30 * time.Second
	}
	if x.ChunkBytes == 0 {
		x.ChunkBytes = 512 << 10
	}
	if x.ReportEvery == 0 {
		x.ReportEvery = time.Second
	}
	if x.MaxQueryCost == 0 {
		x.MaxQueryCost = MaxQueryCost
	}
	if x.Log == nil {
		x.Log = slog.New(slog.DiscardHandler)
	}
}

// Run works until ctx ends.
func (x *ExportRunner) Run(ctx context.Context) error {
	x.defaults()
	wake, err := x.Service.ExportWakeups(ctx)
	if err != nil {
		return err
	}
	tick := time.NewTicker(x.Poll)
	defer tick.Stop()
	for {
		// At most a few jobs in a row, then the expired files: a bounded
		// round whatever is queued.
		for range 10 {
			job, err := x.Service.ClaimExport(ctx, x.Worker, x.Stale)
			if err != nil {
				if ctx.Err() == nil {
					x.Log.Warn("claiming an export", "err", err)
				}
				break
			}
			if job == nil {
				break
			}
			x.runJob(ctx, job)
		}
		if _, err := x.Service.PurgeExpiredExports(ctx, 20); err != nil && ctx.Err() == nil {
			x.Log.Warn("purging expired exports", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-tick.C:
		}
	}
}

// errStopped ends a job that was cancelled or taken over meanwhile.
var errStopped = errors.New("export stopped")

// chunkBuffer collects the file between reports.
type chunkBuffer struct{ bytes.Buffer }

func (x *ExportRunner) runJob(ctx context.Context, job *jxc.ExportJob) {
	err := x.export(ctx, job)
	if errors.Is(err, errStopped) || ctx.Err() != nil {
		return
	}
	status, msg := jxc.ExportCompleted, ""
	if err != nil {
		status = jxc.ExportFailed
		var e *jxc.Error
		if errors.As(err, &e) {
			msg = e.Localize(job.Lang)
		} else {
			x.Log.Warn("export failed", "job", job.ID, "err", err)
			msg = jxc.Render(job.Lang, "the export failed on the server; try again later", nil)
		}
	}
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := x.Service.FinishExport(fctx, job.ID, x.Worker, status, msg); err != nil {
		x.Log.Warn("finishing an export", "job", job.ID, "err", err)
	}
}

func (x *ExportRunner) export(ctx context.Context, job *jxc.ExportJob) error {
	plan, err := planExport(exportSchema(), job.Query, job.Variables, x.MaxQueryCost)
	if err != nil {
		return err
	}
	var buf chunkBuffer
	w, err := jxc.NewExportWriter(job.Format, &buf, plan.cols, job.Lang)
	if err != nil {
		return err
	}
	rows, lastReport := 0, time.Now()
	var total *int
	report := func(final bool) error {
		if !final && buf.Len() < x.ChunkBytes && time.Since(lastReport) < x.ReportEvery {
			return nil
		}
		chunk := bytes.Clone(buf.Bytes())
		buf.Reset()
		status, err := x.Service.ReportExport(ctx, job.ID, x.Worker, jxc.ExportProgress{Rows: rows, Total: total, Chunk: chunk})
		if jxc.ErrorCode(err) == jxc.ECONFLICT || (err == nil && status != jxc.ExportRunning) {
			return errStopped
		}
		lastReport = time.Now()
		return err
	}
	var after *string
	// Bounded: no list holds more than the cursor's positions.
	maxPages := 1_000_000_000/plan.pageSize + 1
	for page := 0; page < maxPages; page++ {
		if x.PageHook != nil {
			x.PageHook(job, page)
		}
		conn, err := x.page(ctx, job, plan, after)
		if err != nil {
			return err
		}
		for _, n := range conn.nodes {
			if err := w.Row(n); err != nil {
				return err
			}
			rows++
		}
		if conn.total != nil {
			total = conn.total
		}
		if !conn.hasNext || conn.endCursor == nil {
			break
		}
		after = conn.endCursor
		if err := report(false); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return report(true)
}

type exportPage struct {
	nodes     []json.RawMessage
	hasNext   bool
	endCursor *string
	total     *int
}

// page runs one page through the graph handler as the job's owner, whose
// roles are read again for every page.
func (x *ExportRunner) page(ctx context.Context, job *jxc.ExportJob, plan *exportPlan, after *string) (*exportPage, error) {
	u, err := x.Users.FindUserByID(ctx, job.OwnerID)
	if err != nil {
		return nil, err
	}
	if !u.Active {
		return nil, jxc.Errorf(jxc.EFORBIDDEN, "the export's owner may no longer sign in")
	}
	vars := map[string]any{}
	for k, v := range job.Variables {
		vars[k] = v
	}
	vars[exportFirstVar] = plan.pageSize
	vars[exportAfterVar] = after
	body, err := json.Marshal(map[string]any{"query": plan.query, "variables": vars})
	if err != nil {
		return nil, err
	}
	rctx := jxc.WithLang(jxc.NewContextWithAuth(ctx, &jxc.Auth{User: u}), job.Lang)
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, "/graphql", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", job.Lang)
	rw := &bufferWriter{header: http.Header{}}
	x.Handler.ServeHTTP(rw, req)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rw.body.Bytes(), &resp); err != nil {
		return nil, err
	}
	if len(resp.Errors) > 0 {
		code, _ := resp.Errors[0].Extensions["code"].(string)
		return nil, jxc.Errorf(jxc.EINVALID, "the export stopped: {reason} ({code})", jxc.P{"reason": resp.Errors[0].Message, "code": code})
	}
	raw := resp.Data
	for _, k := range plan.path {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil || m[k] == nil || string(m[k]) == "null" {
			return nil, jxc.Errorf(jxc.EINVALID, "the export stopped: {path} is null", jxc.P{"path": plan.connection()})
		}
		raw = m[k]
	}
	var conn map[string]json.RawMessage
	if err := json.Unmarshal(raw, &conn); err != nil {
		return nil, err
	}
	out := &exportPage{}
	var list []json.RawMessage
	if err := json.Unmarshal(conn[plan.nodesKey], &list); err != nil {
		return nil, err
	}
	if plan.edgeNode != "" {
		for _, e := range list {
			var m map[string]json.RawMessage
			if err := json.Unmarshal(e, &m); err != nil {
				return nil, err
			}
			out.nodes = append(out.nodes, m[plan.edgeNode])
		}
	} else {
		out.nodes = list
	}
	var pi struct {
		HasNextPage bool    `json:"hasNextPage"`
		EndCursor   *string `json:"endCursor"`
	}
	if err := json.Unmarshal(conn[exportPageKey], &pi); err != nil {
		return nil, err
	}
	out.hasNext, out.endCursor = pi.HasNextPage, pi.EndCursor
	if plan.hasTotal {
		var t int
		if err := json.Unmarshal(conn[exportTotalKey], &t); err == nil {
			out.total = &t
		}
	}
	return out, nil
}

// bufferWriter is the response of one page, read back by the runner.
type bufferWriter struct {
	header http.Header
	body   bytes.Buffer
	status int
}

func (b *bufferWriter) Header() http.Header         { return b.header }
func (b *bufferWriter) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferWriter) WriteHeader(code int)        { b.status = code }
