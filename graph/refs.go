package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/jxcgraph/jxc"
)

// References: a bare id of the graph (Shipment.invoiceId) has its object
// beside it (Shipment.invoice), read through the response's reference
// loader: every row of a page asks for its record and one call per kind
// answers the whole page (WHERE id = ANY), never one query per row.

// refKey names one record.
type refKey struct {
	kind jxc.RefKind
	id   int64
}

// refLoader is the response's loader of referenced records.
type refLoader struct {
	*dataloadgen.Loader[refKey, any]
	fetch func(ctx context.Context, keys []refKey) ([]any, []error)
	mu    sync.Mutex
	lists map[refListKey]*rowsFetch
}

// refListKey names one field of one list of rows (the invoices of a
// page's shipments), fetched once for the whole list.
type refListKey struct {
	field string
	list  any // the address of the list's first row
}

func newRefLoader(s jxc.RefService) *refLoader {
	fetch := func(ctx context.Context, keys []refKey) ([]any, []error) {
		byKind := map[jxc.RefKind][]int64{}
		seen := map[refKey]bool{}
		var kinds []jxc.RefKind
		for _, k := range keys {
			if seen[k] {
				continue
			}
			seen[k] = true
			if _, ok := byKind[k.kind]; !ok {
				kinds = append(kinds, k.kind)
			}
			byKind[k.kind] = append(byKind[k.kind], k.id)
		}
		found, failed := map[jxc.RefKind]map[int64]any{}, map[jxc.RefKind]error{}
		for _, kind := range kinds {
			found[kind], failed[kind] = s.Refs(ctx, kind, byKind[kind])
		}
		vs, errs := make([]any, len(keys)), make([]error, len(keys))
		for i, k := range keys {
			vs[i], errs[i] = found[k.kind][k.id], failed[k.kind]
		}
		return vs, errs
	}
	return &refLoader{Loader: dataloadgen.NewLoader(fetch, dataloadgen.WithWait(loaderWait)), fetch: fetch, lists: map[refListKey]*rowsFetch{}}
}

// refOfRows fetches the records that the rows' field refers to, once for
// the list, and primes the loader with them: a page is one batch however
// late its rows' resolvers run.
func refOfRows[P any](ctx context.Context, l *refLoader, rows []P, of func(P) (jxc.RefKind, *int64)) error {
	if len(rows) <= 1 {
		return nil
	}
	return refOfList(ctx, l, graphql.GetFieldContext(ctx).Field.Name, &rows[0], rows, of)
}

// refOfList is refOfRows for rows derived from a list, which list
// (the address of its first row) names.
func refOfList[P any](ctx context.Context, l *refLoader, field string, list any, rows []P, of func(P) (jxc.RefKind, *int64)) error {
	lk := refListKey{field: field, list: list}
	l.mu.Lock()
	g, ok := l.lists[lk]
	if !ok {
		g = &rowsFetch{}
		l.lists[lk] = g
	}
	l.mu.Unlock()
	g.once.Do(func() {
		var keys []refKey
		for _, row := range rows {
			if kind, id := of(row); id != nil && kind != "" {
				keys = append(keys, refKey{kind, *id})
			}
		}
		if len(keys) == 0 {
			return
		}
		vs, errs := l.fetch(ctx, keys)
		for i, k := range keys {
			if errs[i] != nil {
				g.err = errs[i]
				return
			}
			l.Prime(k, vs[i])
		}
	})
	return g.err
}

// refLoaderFor returns the response's reference loader.
func (r *Resolver) refLoaderFor(ctx context.Context) (*refLoader, bool, error) {
	l := r.loadersFor(ctx)
	if l.refs == nil {
		return nil, false, jxc.Errorf(jxc.EINTERNAL, "references are not served")
	}
	return l.refs, l.alone, nil
}

// refOf resolves the record obj refers to (nil when the id is nil or no
// record has it), fetching it with the records of obj's siblings.
func refOf[T any, P any](ctx context.Context, r *Resolver, obj P, of func(P) (jxc.RefKind, *int64)) (*T, error) {
	kind, id := of(obj)
	if id == nil || kind == "" {
		return nil, nil
	}
	l, alone, err := r.refLoaderFor(ctx)
	if err != nil {
		return nil, err
	}
	if !alone {
		if err := refOfRows(ctx, l, siblings[P](ctx), of); err != nil {
			return nil, err
		}
	}
	v, err := l.Load(ctx, refKey{kind, *id})
	if err != nil || v == nil {
		return nil, err
	}
	t, _ := v.(*T)
	return t, nil
}

// mustRef is refOf for a reference that always names a record.
func mustRef[T any, P any](ctx context.Context, r *Resolver, obj P, of func(P) (jxc.RefKind, *int64)) (T, error) {
	t, err := refOf[T](ctx, r, obj, of)
	if err != nil {
		var zero T
		return zero, err
	}
	if t == nil {
		var zero T
		kind, _ := of(obj)
		return zero, jxc.Errorf(jxc.ENOTFOUND, "the referenced record does not exist ({kind})", jxc.P{"kind": kind})
	}
	return *t, nil
}

func deref(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

// ref is the reference of kind to id, for refOf.
func ref[P any](kind jxc.RefKind, id func(P) *int64) func(P) (jxc.RefKind, *int64) {
	return func(p P) (jxc.RefKind, *int64) { return kind, id(p) }
}

// refID is ref for an id that is always set.
func refID[P any](kind jxc.RefKind, id func(P) int64) func(P) (jxc.RefKind, *int64) {
	return func(p P) (jxc.RefKind, *int64) { v := id(p); return kind, &v }
}

// sourceRef is the document a posting's source names.
func sourceRef(s jxc.Source) (jxc.RefKind, *int64) {
	kind, ok := jxc.SourceRef(s.Type)
	if !ok {
		return "", nil
	}
	return kind, s.ID
}

// postingDocument resolves a source to its document, fetched with the
// documents of the other rows of the list it is in (a page of journal
// entries, stock moves or statement lines).
func (r *Resolver) postingDocument(ctx context.Context, s *jxc.Source) (jxc.PostingDocument, error) {
	kind, id := sourceRef(*s)
	if id == nil {
		return nil, nil
	}
	l, alone, err := r.refLoaderFor(ctx)
	if err != nil {
		return nil, err
	}
	if !alone {
		var err error
		if rows := siblings[*jxc.JournalEntry](ctx); len(rows) > 1 {
			// One fetch for the page, whether document or number asks first.
			err = refOfList(ctx, l, "source", &rows[0], rows, func(e *jxc.JournalEntry) (jxc.RefKind, *int64) { return sourceRef(e.Source()) })
		} else if rows := siblings[*jxc.StockMove](ctx); len(rows) > 1 {
			err = refOfList(ctx, l, "source", &rows[0], rows, func(m *jxc.StockMove) (jxc.RefKind, *int64) { return sourceRef(m.Source()) })
		}
		if err != nil {
			return nil, err
		}
	}
	v, err := l.Load(ctx, refKey{kind, *id})
	if err != nil || v == nil {
		return nil, err
	}
	return v, nil
}

// documentNumber is the number people read for a posting document: its
// business number, or the voucher number of an entry.
func documentNumber(doc jxc.PostingDocument) *string {
	var n string
	switch d := doc.(type) {
	case *jxc.StockDocument:
		n = d.Number
	case *jxc.JournalEntry:
		n = d.VoucherNo
	case *jxc.GoodsReceipt:
		n = d.Number
	case *jxc.SupplierInvoice:
		n = d.Number
	case *jxc.SupplierPayment:
		n = d.Number
	case *jxc.LandedCost:
		n = d.Number
	case *jxc.OperatingCost:
		n = d.Number
	case *jxc.Shipment:
		n = d.Number
	case *jxc.SalesInvoice:
		n = d.Number
	case *jxc.CustomerPayment:
		n = d.Number
	case *jxc.SalesReturn:
		n = d.Number
	case *jxc.CustomerRefund:
		n = d.Number
	case *jxc.StockTransfer:
		n = d.Number
	default:
		return nil
	}
	return &n
}

// warehouseArg is an optional warehouseId argument as a comparable value.
type warehouseArg struct {
	id  int64
	set bool
}

func (w warehouseArg) ptr() *int64 {
	if !w.set {
		return nil
	}
	return &w.id
}

// productStock resolves Product.stock, read for the page of products.
func (r *Resolver) productStock(ctx context.Context, p *jxc.Product, warehouseID *int64) (jxc.ProductStock, error) {
	l := r.loadersFor(ctx)
	if l.productStock == nil {
		return jxc.ProductStock{}, jxc.Errorf(jxc.EINTERNAL, "stock is not served")
	}
	arg := warehouseArg{}
	if warehouseID != nil {
		arg = warehouseArg{id: *warehouseID, set: true}
	}
	st, err := load(ctx, l.productStock, p, func(p *jxc.Product) childKey[warehouseArg] { return childKey[warehouseArg]{parent: p.ID, args: arg} })
	if err != nil || st == nil {
		return jxc.ProductStock{Levels: []*jxc.StockLevel{}}, err
	}
	return *st, nil
}

// alertSubjects resolves the records an alert is about, fetched with those
// of the other alerts of its list; records no longer there are left out.
func (r *Resolver) alertSubjects(ctx context.Context, a *jxc.Alert) ([]jxc.AlertSubject, error) {
	refs := a.SubjectRefs()
	out := []jxc.AlertSubject{}
	if len(refs) == 0 {
		return out, nil
	}
	l, alone, err := r.refLoaderFor(ctx)
	if err != nil {
		return nil, err
	}
	if rows := siblings[*jxc.Alert](ctx); !alone && len(rows) > 1 {
		// Every ref of every alert of the list, one batch: the rows are
		// the (alert, ref) pairs.
		var pairs []jxc.Ref
		for _, row := range rows {
			pairs = append(pairs, row.SubjectRefs()...)
		}
		if err := refOfList(ctx, l, graphql.GetFieldContext(ctx).Field.Name, &rows[0], pairs, func(p jxc.Ref) (jxc.RefKind, *int64) { return p.Kind, &p.ID }); err != nil {
			return nil, err
		}
	}
	keys := make([]refKey, len(refs))
	for i, ref := range refs {
		keys[i] = refKey{ref.Kind, ref.ID}
	}
	vs, err := l.LoadAll(ctx, keys)
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		if v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}
