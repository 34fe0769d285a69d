package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/jxcgraph/jxc"
)

// The calculated query cost (Shopify's model), worked out on the validated
// operation, with its fragments and variables, before anything runs:
//
//   - a field of an object type costs 1 plus what is selected inside it;
//     scalars and enums cost 0;
//   - a list costs its size × (1 + what is selected inside each item); the
//     size of a connection's nodes/edges is the field's `first` (or its
//     default page size), of a list with a `limit` its limit, of a list
//     read by ids (nodes) the number of ids, of any other
//     list DefaultListSize (or its entry in listSizes);
//   - each mutation root field costs MutationBaseCost more, each
//     subscription SubscriptionBaseCost;
//   - introspection (__schema, __type) has a fixed price: it is served from
//     memory and its size is the schema's, not the caller's choice.
//
// An operation over MaxQueryCost is refused with MAX_COST_EXCEEDED; else
// its cost is taken from the caller's bucket (jxc.CostBucketService), and
// the difference to its actual cost (the objects it returned) is refunded.
const (
	MaxQueryCost            = 10000
	MutationBaseCost        = 10
	SubscriptionBaseCost    = 10
	DefaultListSize         = 10
	IntrospectionSchemaCost = 500
	IntrospectionTypeCost   = 10
	// CodeMaxCost refuses an operation whose requested cost is over MaxQueryCost.
	CodeMaxCost = "MAX_COST_EXCEEDED"
)

// listSizes are the lists without a page argument that are known to be
// longer than DefaultListSize (the chart of accounts, a trial balance).
var listSizes = map[string]int{
	"Query.accounts":    100,
	"TrialBalance.rows": 100,
	// The account balances list the chart; a general ledger has a row per
	// month of its range (at most jxc.MaxLedgerMonths).
	"AccountBalances.rows": 100,
	"GeneralLedger.months": 24,
}

// The shape limits are checked on the parsed document before validation,
// whose cost grows with fragments expanded where they are spread (a 70 KB
// chain of fragments took seconds of CPU). Anonymous callers may only sign
// in and read the schema, so their limits are much lower.
type shapeLimits struct {
	Fields    int // field selections, each fragment counted where it is spread
	Fragments int // fragment definitions
	Spreads   int // fragment spreads as written
}

var (
	signedInShape  = shapeLimits{Fields: 1000, Fragments: 100, Spreads: 500}
	anonymousShape = shapeLimits{Fields: 400, Fragments: 10, Spreads: 40}
)

// queryShape is the pre-validation check (a gqlgen OperationParameterMutator:
// it runs before the document is parsed and validated). A document already
// in the query cache was validated before and costs nothing: it passes.
type queryShape struct {
	cache graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = queryShape{}

func (queryShape) ExtensionName() string                   { return "QueryShape" }
func (queryShape) Validate(graphql.ExecutableSchema) error { return nil }

func (q queryShape) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil
	}
	if _, ok := q.cache.Get(ctx, p.Query); ok {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, MaxParserTokens)
	if err != nil {
		return nil // gqlgen reports the parse error itself
	}
	limits, who := signedInShape, "signed-in callers"
	if jxc.AuthFromContext(ctx) == nil {
		limits, who = anonymousShape, "anonymous callers (sign in first)"
	}
	refuse := func(what string, n, limit int) *gqlerror.Error {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("the operation has %s%d %s; the limit for %s is %d", over(n, limit), n, what, who, limit),
			Extensions: map[string]any{"code": CodeComplexity},
		}
	}
	if n := len(doc.Fragments); n > limits.Fragments {
		return refuse("fragment definitions", n, limits.Fragments)
	}
	s := shapeCounter{frags: doc.Fragments, memo: map[string]int{}, cap: limits.Fields + 1}
	fields := 0
	for _, op := range doc.Operations {
		fields = satAdd(fields, s.count(op.SelectionSet), s.cap)
	}
	if s.spreads > limits.Spreads {
		return refuse("fragment spreads", s.spreads, limits.Spreads)
	}
	if fields > limits.Fields {
		return refuse("field selections (fragments counted where they are spread)", fields, limits.Fields)
	}
	return nil
}

// SelectedFields is the number of field selections of op, each fragment
// counted where it is spread (what the shape limits bound).
func SelectedFields(doc *ast.QueryDocument, op *ast.OperationDefinition) int {
	s := shapeCounter{frags: doc.Fragments, memo: map[string]int{}, cap: costCeiling}
	return s.count(op.SelectionSet)
}

// MaxSelectedFields is the shape limit for signed-in callers.
var MaxSelectedFields = signedInShape.Fields

func over(n, limit int) string {
	if n > limit {
		return "at least "
	}
	return ""
}

// shapeCounter counts field selections with fragments expanded, each
// fragment's size computed once, and stops counting at cap.
type shapeCounter struct {
	frags   ast.FragmentDefinitionList
	memo    map[string]int
	cap     int
	spreads int
}

func (s *shapeCounter) count(set ast.SelectionSet) int {
	n := 0
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.Field:
			n = satAdd(n, 1+s.count(x.SelectionSet), s.cap)
		case *ast.InlineFragment:
			n = satAdd(n, s.count(x.SelectionSet), s.cap)
		case *ast.FragmentSpread:
			s.spreads++
			n = satAdd(n, s.fragment(x.Name), s.cap)
		}
		if n >= s.cap {
			return n
		}
	}
	return n
}

func (s *shapeCounter) fragment(name string) int {
	if n, ok := s.memo[name]; ok {
		return n
	}
	s.memo[name] = 0 // a cycle counts nothing more; validation refuses it
	f := s.frags.ForName(name)
	if f == nil {
		return 0
	}
	n := s.count(f.SelectionSet)
	s.memo[name] = n
	return n
}

func satAdd(a, b, limit int) int {
	if a+b > limit || a+b < 0 {
		return limit
	}
	return a + b
}

// costCeiling bounds every sum, so no product overflows.
const costCeiling = math.MaxInt32

// OperationCost is the requested cost of op: see the model above.
func OperationCost(schema *ast.Schema, op *ast.OperationDefinition, frags ast.FragmentDefinitionList, vars map[string]any) int {
	w := costWalker{schema: schema, frags: frags, vars: vars}
	root := schema.Query
	base := 0
	switch op.Operation {
	case ast.Mutation:
		root, base = schema.Mutation, MutationBaseCost
	case ast.Subscription:
		root, base = schema.Subscription, SubscriptionBaseCost
	}
	return w.rootSet(op.SelectionSet, root, base)
}

type costWalker struct {
	schema *ast.Schema
	frags  ast.FragmentDefinitionList
	vars   map[string]any
	depth  int
}

func (w *costWalker) rootSet(set ast.SelectionSet, root *ast.Definition, base int) int {
	cost := 0
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.Field:
			c := w.field(x, root, 0)
			if !strings.HasPrefix(x.Name, "__") {
				c = satAdd(c, base, costCeiling)
			}
			cost = satAdd(cost, c, costCeiling)
		case *ast.InlineFragment:
			cost = satAdd(cost, w.rootSet(x.SelectionSet, root, base), costCeiling)
		case *ast.FragmentSpread:
			if f := w.fragment(x); f != nil {
				cost = satAdd(cost, w.rootSet(f.SelectionSet, root, base), costCeiling)
			}
		}
	}
	return cost
}

// set is the cost of a selection set on parent; pageSize is the size of
// its lists when parent is a connection (the `first` of the field that
// returned it), else 0.
func (w *costWalker) set(set ast.SelectionSet, parent *ast.Definition, pageSize int) int {
	// Validation has refused fragment cycles; the depth guard is for a
	// document that skipped it.
	if w.depth > 64 {
		return 0
	}
	w.depth++
	defer func() { w.depth-- }()
	cost := 0
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.Field:
			cost = satAdd(cost, w.field(x, parent, pageSize), costCeiling)
		case *ast.InlineFragment:
			// Branches of an abstract type are added, not maxed: an upper bound.
			cost = satAdd(cost, w.set(x.SelectionSet, parent, pageSize), costCeiling)
		case *ast.FragmentSpread:
			if f := w.fragment(x); f != nil {
				cost = satAdd(cost, w.set(f.SelectionSet, parent, pageSize), costCeiling)
			}
		}
	}
	return cost
}

func (w *costWalker) fragment(s *ast.FragmentSpread) *ast.FragmentDefinition {
	if s.Definition != nil {
		return s.Definition
	}
	return w.frags.ForName(s.Name)
}

func (w *costWalker) field(f *ast.Field, parent *ast.Definition, pageSize int) int {
	switch f.Name {
	case "__typename":
		return 0
	case "__schema":
		return IntrospectionSchemaCost
	case "__type":
		return IntrospectionTypeCost
	}
	def := f.Definition
	if def == nil && parent != nil {
		def = parent.Fields.ForName(f.Name)
	}
	if def == nil {
		return 0
	}
	named := w.schema.Types[def.Type.Name()]
	if named == nil || named.Kind == ast.Scalar || named.Kind == ast.Enum {
		return 0
	}
	page, paged := w.pageArg(f, def)
	if def.Type.Elem == nil {
		// An object; when it is a connection, its lists hold `page` items.
		child := 0
		if paged {
			child = page
		}
		return satAdd(1, w.set(f.SelectionSet, named, child), costCeiling)
	}
	size := DefaultListSize
	ids, byIDs := w.idsArg(f, def)
	switch {
	case byIDs:
		size = ids
	case paged:
		size = page
	case pageSize > 0:
		size = pageSize
	case parent != nil && listSizes[parent.Name+"."+f.Name] > 0:
		size = listSizes[parent.Name+"."+f.Name]
	}
	per := satAdd(1, w.set(f.SelectionSet, named, 0), costCeiling)
	if size > 0 && per > costCeiling/size {
		return costCeiling
	}
	return size * per
}

// idsArg is the number of ids a list read by ids (nodes) is asked for.
func (w *costWalker) idsArg(f *ast.Field, def *ast.FieldDefinition) (int, bool) {
	if def.Arguments.ForName("nodeIds") == nil {
		return 0, false
	}
	if arg := f.Arguments.ForName("nodeIds"); arg != nil && arg.Value != nil {
		if v, err := arg.Value.Value(w.vars); err == nil {
			if l, ok := v.([]any); ok {
				return len(l), true
			}
		}
	}
	return DefaultListSize, true
}

// pageArg is the field's `first` or `limit` (its default when left out;
// the default page size for a connection with no default).
func (w *costWalker) pageArg(f *ast.Field, def *ast.FieldDefinition) (int, bool) {
	for _, name := range []string{"first", "limit", "last"} {
		a := def.Arguments.ForName(name)
		if a == nil {
			continue
		}
		if arg := f.Arguments.ForName(name); arg != nil && arg.Value != nil {
			if v, err := arg.Value.Value(w.vars); err == nil && v != nil {
				if n, ok := toInt(v); ok {
					return max(n, 0), true
				}
			}
		}
		if a.DefaultValue != nil {
			if v, err := a.DefaultValue.Value(nil); err == nil {
				if n, ok := toInt(v); ok {
					return max(n, 0), true
				}
			}
		}
		return jxc.DefaultPageSize, true
	}
	return 0, false
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(min(n, costCeiling)), true
	case float64:
		return int(min(n, costCeiling)), true
	case json.Number:
		i, err := n.Int64()
		return int(min(i, costCeiling)), err == nil
	case string:
		i, err := strconv.Atoi(n)
		return i, err == nil
	}
	return 0, false
}

// actualCost counts what the response returned: each object in data is 1,
// introspection is its fixed price, and each mutation or subscription root
// field adds its base cost.
func actualCost(op *ast.OperationDefinition, data []byte) int {
	base := 0
	switch op.Operation {
	case ast.Mutation:
		base = MutationBaseCost
	case ast.Subscription:
		base = SubscriptionBaseCost
	}
	var top map[string]json.RawMessage
	if len(data) == 0 || json.Unmarshal(data, &top) != nil {
		return 0
	}
	names := map[string]string{} // response key → root field
	for _, sel := range op.SelectionSet {
		if f, ok := sel.(*ast.Field); ok {
			names[f.Alias] = f.Name
		}
	}
	cost := 0
	for key, raw := range top {
		switch names[key] {
		case "__typename":
			continue
		case "__schema":
			cost += IntrospectionSchemaCost
			continue
		case "__type":
			cost += IntrospectionTypeCost
			continue
		}
		cost += base + countObjects(raw)
	}
	return cost
}

// countObjects counts the JSON objects in b, skipping strings.
func countObjects(b []byte) int {
	n, inString, escaped := 0, false, false
	for _, c := range b {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && c == '{':
			n++
		}
	}
	return n
}

// costKey names the bucket a caller pays from: a user's (through a session
// or any of their tokens), else the address's.
func costKey(ctx context.Context) string {
	if a := jxc.AuthFromContext(ctx); a != nil && a.User != nil {
		return "user:" + strconv.FormatInt(a.User.ID, 10)
	}
	return "addr:" + clientAddr(ctx)
}

// costReport is extensions.cost.
func costReport(requested, actual int, b *jxc.CostBucket) map[string]any {
	out := map[string]any{"requestedQueryCost": requested, "actualQueryCost": actual, "throttleStatus": nil}
	if b != nil {
		out["throttleStatus"] = map[string]any{
			"maximumAvailable":   b.Maximum,
			"currentlyAvailable": int(math.Floor(b.Available)),
			"restoreRate":        b.RestoreRate,
		}
	}
	return out
}

type costStateKey struct{}

// priceOperations is the operation interceptor that prices, refuses or
// charges each operation before it runs, and refunds and reports after.
func priceOperations(schema *ast.Schema, buckets jxc.CostBucketService, maxCost int, log *slog.Logger) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		if oc == nil || oc.Operation == nil || oc.Doc == nil {
			return next(ctx)
		}
		ctx = context.WithValue(ctx, costStateKey{}, true)
		requested := OperationCost(schema, oc.Operation, oc.Doc.Fragments, oc.Variables)
		key := costKey(ctx)
		if requested > maxCost {
			b := peek(ctx, buckets, key, log)
			return graphql.OneShot(&graphql.Response{
				Errors: gqlerror.List{{
					Message: fmt.Sprintf("the operation's requested cost is %d; the limit is %d per operation: ask for smaller pages (first:) or fewer nested lists", requested, maxCost),
					Extensions: map[string]any{"code": CodeMaxCost, "cost": map[string]any{
						"requestedQueryCost": requested, "maximumQueryCost": maxCost}},
				}},
				Extensions: map[string]any{"cost": costReport(requested, 0, b)},
			})
		}
		if buckets == nil {
			return withCost(next(ctx), oc.Operation, requested, nil, nil)
		}
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		b, err := buckets.Charge(cctx, key, requested)
		cancel()
		if err != nil {
			// The database will fail the operation itself if it is down;
			// the bucket does not make that worse.
			log.Warn("query cost bucket", "err", err, "request_id", RequestID(ctx))
			return withCost(next(ctx), oc.Operation, requested, nil, nil)
		}
		if !b.Granted {
			wait := b.RetryAfter(requested)
			secs := int(math.Ceil(wait.Seconds()))
			if hc, _ := ctx.Value(httpKey{}).(*httpCtx); hc != nil && !isWebsocket(hc.r) {
				hc.w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
				hc.w.WriteHeader(http.StatusTooManyRequests)
			}
			return graphql.OneShot(&graphql.Response{
				Errors: gqlerror.List{{
					Message: fmt.Sprintf("throttled: this operation costs %d and %d of %d points are available (%d come back each second); retry in %d s",
						requested, int(b.Available), b.Maximum, b.RestoreRate, max(secs, 1)),
					Extensions: map[string]any{"code": jxc.ETHROTTLED, "retryAfterSeconds": max(secs, 1)},
				}},
				Extensions: map[string]any{"cost": costReport(requested, 0, &b)},
			})
		}
		refund := func(actual int) *jxc.CostBucket {
			if actual >= requested {
				return &b
			}
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			defer cancel()
			rb, err := buckets.Refund(rctx, key, requested-actual)
			if err != nil {
				log.Warn("query cost refund", "err", err, "request_id", RequestID(ctx))
				return &b
			}
			return &rb
		}
		// A subscription pays once, when it starts.
		if oc.Operation.Operation == ast.Subscription {
			refund = nil
		}
		return withCost(next(ctx), oc.Operation, requested, &b, refund)
	}
}

func withCost(h graphql.ResponseHandler, op *ast.OperationDefinition, requested int, b *jxc.CostBucket, refund func(int) *jxc.CostBucket) graphql.ResponseHandler {
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if resp == nil {
			return nil
		}
		actual := requested
		if op.Operation != ast.Subscription {
			actual = actualCost(op, resp.Data)
		}
		status := b
		if refund != nil {
			status = refund(actual)
			refund = nil
		}
		if resp.Extensions == nil {
			resp.Extensions = map[string]any{}
		}
		resp.Extensions["cost"] = costReport(requested, actual, status)
		return resp
	}
}

// reportCostOnRefusals adds extensions.cost to the responses of operations
// refused before they were priced (parse, shape, validation, depth): they
// cost nothing, and the caller still sees the bucket.
func reportCostOnRefusals(buckets jxc.CostBucketService, log *slog.Logger) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if resp == nil || ctx.Value(costStateKey{}) != nil {
			return resp
		}
		if resp.Extensions == nil {
			resp.Extensions = map[string]any{}
		}
		if _, ok := resp.Extensions["cost"]; !ok {
			resp.Extensions["cost"] = costReport(0, 0, peek(ctx, buckets, costKey(ctx), log))
		}
		return resp
	}
}

func peek(ctx context.Context, buckets jxc.CostBucketService, key string, log *slog.Logger) *jxc.CostBucket {
	if buckets == nil {
		return nil
	}
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	b, err := buckets.Peek(pctx, key)
	if err != nil {
		log.Warn("query cost bucket", "err", err, "request_id", RequestID(ctx))
		return nil
	}
	return &b
}

func isWebsocket(r *http.Request) bool {
	return r != nil && strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}
