package graph

import (
	"context"

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
	customerOrders       *dataloadgen.Loader[childKey[pageKey], *jxc.Page[*jxc.SalesOrder]]
	customerShipments    *dataloadgen.Loader[childKey[pageKey], *jxc.Page[*jxc.Shipment]]
	customerInvoices     *dataloadgen.Loader[childKey[pageKey], *jxc.Page[*jxc.SalesInvoice]]
	customerPayments     *dataloadgen.Loader[childKey[pageKey], *jxc.Page[*jxc.CustomerPayment]]
	customerReturns      *dataloadgen.Loader[childKey[pageKey], *jxc.Page[*jxc.SalesReturn]]
	customerTopProducts  *dataloadgen.Loader[childKey[int], []*jxc.ProductSales]
	customerSatisfaction *dataloadgen.Loader[childKey[none], *jxc.Satisfaction]
	orderShipments       *dataloadgen.Loader[childKey[none], []*jxc.Shipment]
	purchaseReceipts     *dataloadgen.Loader[childKey[none], []*jxc.GoodsReceipt]
	supplierScorecards   *dataloadgen.Loader[childKey[jxc.Date], *jxc.SupplierScorecard]
}

// newLoaders makes the loaders of the services the resolver has (a test's
// resolver may have only some).
func newLoaders(r *Resolver) *loaders {
	l := &loaders{}
	if s := r.SalesService; s != nil {
		l.customerOrders = byParent(pagedBy(s.FindSalesOrdersByCustomer))
		l.customerShipments = byParent(pagedBy(s.FindShipmentsByCustomer))
		l.customerInvoices = byParent(pagedBy(s.FindSalesInvoicesByCustomer))
		l.customerPayments = byParent(pagedBy(s.FindCustomerPaymentsByCustomer))
		l.customerReturns = byParent(pagedBy(s.FindSalesReturnsByCustomer))
		l.customerTopProducts = byParent(s.CustomersTopProducts)
		l.customerSatisfaction = byParent(unargued(s.CustomersSatisfaction))
		l.orderShipments = byParent(unargued(s.FindShipmentsByOrder))
	}
	if p := r.PurchasingService; p != nil {
		l.purchaseReceipts = byParent(unargued(p.FindGoodsReceiptsByOrder))
		l.supplierScorecards = byParent(p.Scorecards)
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
// that builds its own server) fresh ones, which then batch nothing.
func (r *Resolver) loadersFor(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r)
}

// load asks l for obj's list. When obj is one row of a list of parents
// (a connection's nodes, an order's lines), it first queues every row's
// key: the whole page then lands in one batch even when the rows'
// resolvers run late, instead of relying on them all calling within the
// loader's wait. Rows reached another way (a connection's edges) batch by
// the wait alone.
func load[P any, K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], obj P, key func(P) K) (V, error) {
	if rows := siblings[P](ctx); len(rows) > 1 {
		keys := make([]K, len(rows))
		for i, row := range rows {
			keys[i] = key(row)
		}
		l.LoadAllThunk(ctx, keys) // the answers come from the loader's cache below
	}
	return l.Load(ctx, key(obj))
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
func byParent[A comparable, V any](find func(ctx context.Context, parents []int64, args A) (map[int64]V, error)) *dataloadgen.Loader[childKey[A], V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []childKey[A]) ([]V, []error) {
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
	})
}
