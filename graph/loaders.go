package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/jxcgraph/jxc"
)

// Loaders batch the nested lists of a page: every customer on a page asks
// for its orders, and one service call answers them all (a fixed number of
// statements, whatever the page size). They are made fresh for each
// response (withLoaders, registered in NewHandler): once per query or
// mutation, once per event of a subscription, so a cached answer never
// outlives the response it was read for.
type loaders struct {
	customerOrders       *relation[childKey[pageKey], *jxc.Page[*jxc.SalesOrder]]
	customerShipments    *relation[childKey[pageKey], *jxc.Page[*jxc.Shipment]]
	customerInvoices     *relation[childKey[pageKey], *jxc.Page[*jxc.SalesInvoice]]
	customerPayments     *relation[childKey[pageKey], *jxc.Page[*jxc.CustomerPayment]]
	customerReturns      *relation[childKey[pageKey], *jxc.Page[*jxc.SalesReturn]]
	customerTopProducts  *relation[childKey[int], []*jxc.ProductSales]
	customerSatisfaction *relation[childKey[none], *jxc.Satisfaction]
	orderShipments       *relation[childKey[none], []*jxc.Shipment]
	purchaseReceipts     *relation[childKey[none], []*jxc.GoodsReceipt]
	supplierScorecards   *relation[childKey[jxc.Date], *jxc.SupplierScorecard]
	statements           *relation[childKey[statementArgs], *jxc.PartnerStatement]

	// batches maps each row a loader returned (a customer's order) to all
	// the rows of its batch (the orders of every customer on the page),
	// so the rows' own nested lists load for the whole batch (see load).
	batches sync.Map
	// alone is set on loaders made for one call: they ask for no other row.
	alone bool
}

// relation is the loader of one nested list, with the response's batches.
type relation[K comparable, V any] struct {
	*dataloadgen.Loader[K, V]
	loaders *loaders
}

// newLoaders makes the loaders of the services the resolver has (a test's
// resolver may have only some).
func newLoaders(r *Resolver) *loaders {
	l := &loaders{}
	if s := r.SalesService; s != nil {
		l.customerOrders = byParent(l, func(ctx context.Context, ids []int64, k pageKey) (map[int64]*jxc.Page[*jxc.SalesOrder], error) {
			pages, err := s.FindSalesOrdersByCustomer(ctx, ids, k.args())
			remember(l, pages)
			return pages, err
		})
		l.customerShipments = byParent(l, pagedBy(s.FindShipmentsByCustomer))
		l.customerInvoices = byParent(l, pagedBy(s.FindSalesInvoicesByCustomer))
		l.customerPayments = byParent(l, pagedBy(s.FindCustomerPaymentsByCustomer))
		l.customerReturns = byParent(l, pagedBy(s.FindSalesReturnsByCustomer))
		l.customerTopProducts = byParent(l, s.CustomersTopProducts)
		l.customerSatisfaction = byParent(l, unargued(s.CustomersSatisfaction))
		l.orderShipments = byParent(l, unargued(s.FindShipmentsByOrder))
	}
	if p := r.PurchasingService; p != nil {
		l.purchaseReceipts = byParent(l, unargued(p.FindGoodsReceiptsByOrder))
		l.supplierScorecards = byParent(l, p.Scorecards)
	}
	if p := r.PartnerService; p != nil {
		l.statements = byParent(l, func(ctx context.Context, ids []int64, a statementArgs) (map[int64]*jxc.PartnerStatement, error) {
			return p.Statements(ctx, a.kind, ids, a.from, a.to)
		})
	}
	return l
}

type loadersKey struct{}

// withLoaders is the response middleware that gives each response its own
// loaders.
func withLoaders(r *Resolver) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		return next(context.WithValue(ctx, loadersKey{}, newLoaders(r)))
	}
}

// loadersFor returns the response's loaders; outside NewHandler (a test
// that builds its own server) fresh ones for the one call, which then
// load only the row asked for.
func (r *Resolver) loadersFor(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	l := newLoaders(r)
	l.alone = true
	return l
}

// load asks l for obj's list. When obj is one row of a list of parents
// (a connection's nodes), or came in a loader's batch (the orders of every
// customer on a page), it first queues every such row's key: the whole
// page then lands in one batch even when the rows' resolvers run late,
// instead of relying on them all calling within the loader's wait. Rows
// reached another way (a connection's edges, a reference) batch by the
// wait alone.
func load[P comparable, K comparable, V any](ctx context.Context, l *relation[K, V], obj P, key func(P) K) (V, error) {
	rows := siblings[P](ctx)
	if len(rows) <= 1 {
		rows = batchOf(&l.loaders.batches, obj)
	}
	if len(rows) > 1 && !l.loaders.alone {
		keys := make([]K, len(rows))
		for i, row := range rows {
			keys[i] = key(row)
		}
		l.LoadAllThunk(ctx, keys) // the answers come from the loader's cache below
	}
	return l.Load(ctx, key(obj))
}

// remember records the rows of a batch's pages as one batch.
func remember[P comparable](ls *loaders, pages map[int64]*jxc.Page[P]) {
	var rows []P
	for _, pg := range pages {
		rows = append(rows, pg.Items...)
	}
	for _, row := range rows {
		ls.batches.Store(row, rows)
	}
}

// batchOf returns the rows of the batch obj came in, if a loader gave it.
func batchOf[P comparable](batches *sync.Map, obj P) []P {
	v, _ := batches.Load(obj)
	rows, _ := v.([]P)
	return rows
}

// siblings returns the list the resolving field's object is a row of, when
// that list is a []P.
func siblings[P any](ctx context.Context) []P {
	for fc := graphql.GetFieldContext(ctx).Parent; fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			if fc.Parent != nil {
				rows, _ := fc.Parent.Result.([]P)
				return rows
			}
			return nil
		}
	}
	return nil
}

// childKey names one parent's list and the arguments it was asked with.
type childKey[A comparable] struct {
	parent int64
	args   A
}

// none is the arguments of a list that takes none.
type none struct{}

// statementArgs is what a statement of account is asked with.
type statementArgs struct {
	kind     jxc.PartnerKind
	from, to jxc.Date
}

// pageKey is a nested connection's first/after as a comparable value.
type pageKey struct {
	first    int
	hasFirst bool
	after    string
}

func pageOf(parent int64, first *int, after *string) childKey[pageKey] {
	k := childKey[pageKey]{parent: parent}
	if first != nil {
		k.args.first, k.args.hasFirst = *first, true
	}
	if after != nil {
		k.args.after = *after
	}
	return k
}

func (k pageKey) args() jxc.PageArgs {
	var p jxc.PageArgs
	if k.after != "" {
		p.After = &k.after
	}
	if k.hasFirst {
		p.First = &k.first
	}
	return p
}

func pagedBy[V any](find func(context.Context, []int64, jxc.PageArgs) (map[int64]V, error)) func(context.Context, []int64, pageKey) (map[int64]V, error) {
	return func(ctx context.Context, ids []int64, k pageKey) (map[int64]V, error) {
		return find(ctx, ids, k.args())
	}
}

func unargued[V any](find func(context.Context, []int64) (map[int64]V, error)) func(context.Context, []int64, none) (map[int64]V, error) {
	return func(ctx context.Context, ids []int64, _ none) (map[int64]V, error) { return find(ctx, ids) }
}

// byParent makes a loader from a service call that answers many parents
// asked with the same arguments: a batch is split by arguments (in
// practice one group, as every row of a page asks alike) and each group is
// one call.
func byParent[A comparable, V any](l *loaders, find func(ctx context.Context, parents []int64, args A) (map[int64]V, error)) *relation[childKey[A], V] {
	fetch := func(ctx context.Context, keys []childKey[A]) ([]V, []error) {
		groups := map[A][]int64{}
		var order []A
		for _, k := range keys {
			if _, ok := groups[k.args]; !ok {
				order = append(order, k.args)
			}
			groups[k.args] = append(groups[k.args], k.parent)
		}
		found, failed := map[A]map[int64]V{}, map[A]error{}
		for _, a := range order {
			found[a], failed[a] = find(ctx, groups[a], a)
		}
		vs, errs := make([]V, len(keys)), make([]error, len(keys))
		for i, k := range keys {
			vs[i], errs[i] = found[k.args][k.parent], failed[k.args]
		}
		return vs, errs
	}
	return &relation[childKey[A], V]{Loader: dataloadgen.NewLoader(fetch), loaders: l}
}
