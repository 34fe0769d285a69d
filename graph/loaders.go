package graph

import (
	"context"
	"sync"
	"time"

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
	invoiceShipments     *relation[childKey[none], []*jxc.Shipment]
	invoiceAllocations   *relation[childKey[none], []*jxc.ReceivableAllocation]
	invoiceReturns       *relation[childKey[none], []*jxc.SalesReturn]
	shipmentReturns      *relation[childKey[none], []*jxc.SalesReturn]
	paymentRefunds       *relation[childKey[none], []*jxc.CustomerRefund]
	returnRefunds        *relation[childKey[none], []*jxc.CustomerRefund]
	purchaseReceipts     *relation[childKey[none], []*jxc.GoodsReceipt]
	orderInvoices        *relation[childKey[none], []*jxc.SupplierInvoice]
	invoicePayments      *relation[childKey[none], []*jxc.SupplierPayment]
	receiptLandedCosts   *relation[childKey[none], []*jxc.LandedCost]
	supplierScorecards   *relation[childKey[jxc.Date], *jxc.SupplierScorecard]
	statements           *relation[childKey[statementArgs], *jxc.PartnerStatement]
	auditTrails          *relation[key[string, auditArgs], *jxc.Page[*jxc.AuditEntry]]
	// refs reads the records bare ids refer to (refs.go).
	refs *refLoader
	// productStock reads the stock of a page of products (refs.go).
	productStock *relation[childKey[warehouseArg], *jxc.ProductStock]

	// batches maps each row a loader returned (a customer's order) to all
	// the rows of its batch (the orders of every customer on the page),
	// so the rows' own nested lists load for the whole batch (see load).
	batches sync.Map
	// alone is set on loaders made for one call: they ask for no other row.
	alone bool
}

// loaderWait is how long a loader gathers keys before it asks. The rows of
// a page are fetched together without it (see load), so the wait only
// gathers rows reached another way; it is kept short because a record's
// drawer (one order and its shipments) pays it in full.
const loaderWait = 2 * time.Millisecond

// relation is the loader of one nested list, with the response's batches.
type relation[K comparable, V any] struct {
	*dataloadgen.Loader[K, V]
	fetch   func(ctx context.Context, keys []K) ([]V, []error)
	loaders *loaders
	mu      sync.Mutex
	lists   map[K]*rowsFetch // by the key of a list's first row
}

// newLoaders makes the loaders of the services the resolver has (a test's
// resolver may have only some).
func newLoaders(r *Resolver) *loaders {
	l := &loaders{}
	if s := r.SalesService; s != nil {
		l.customerOrders = byParent(l, func(ctx context.Context, ids []int64, k pageKey) (map[int64]*jxc.Page[*jxc.SalesOrder], error) {
			pages, err := s.FindSalesOrdersByCustomer(ctx, ids, k.order, k.args())
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
		l.invoiceShipments = byParent(l, unargued(s.FindShipmentsByInvoice))
		l.invoiceAllocations = byParent(l, unargued(s.FindAllocationsByInvoice))
		l.invoiceReturns = byParent(l, unargued(s.FindSalesReturnsByInvoice))
		l.shipmentReturns = byParent(l, unargued(s.FindSalesReturnsByShipment))
		l.paymentRefunds = byParent(l, unargued(s.FindRefundsByPayment))
		l.returnRefunds = byParent(l, unargued(s.FindRefundsByReturn))
	}
	if p := r.PurchasingService; p != nil {
		l.purchaseReceipts = byParent(l, unargued(p.FindGoodsReceiptsByOrder))
		l.supplierScorecards = byParent(l, p.Scorecards)
	}
	if d := r.DocumentService; d != nil {
		l.orderInvoices = byParent(l, unargued(d.FindSupplierInvoicesByOrder))
		l.invoicePayments = byParent(l, unargued(d.FindSupplierPaymentsByInvoice))
		l.receiptLandedCosts = byParent(l, unargued(d.FindLandedCostsByReceipt))
	}
	if p := r.PartnerService; p != nil {
		l.statements = byParent(l, func(ctx context.Context, ids []int64, a statementArgs) (map[int64]*jxc.PartnerStatement, error) {
			return p.Statements(ctx, a.kind, ids, a.from, a.to)
		})
	}
	if s := r.RefService; s != nil {
		l.refs = newRefLoader(s)
		l.productStock = byParent(l, func(ctx context.Context, ids []int64, w warehouseArg) (map[int64]*jxc.ProductStock, error) {
			return s.ProductStock(ctx, ids, w.ptr())
		})
	}
	if a := r.AuditService; a != nil {
		l.auditTrails = byParent(l, func(ctx context.Context, ids []string, k auditArgs) (map[string]*jxc.Page[*jxc.AuditEntry], error) {
			return a.FindAuditTrails(ctx, k.recordType, ids, k.page.order, k.page.args())
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
// customer on a page), the first of the rows to ask fetches every row's
// list in one call and the others wait for it: the whole page is one
// batch however late the rows' resolvers run, never split by the
// loader's wait. Rows reached another way (a connection's edges, a
// reference) batch by the wait.
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
		if err := l.fetchRows(ctx, keys); err != nil {
			var zero V
			return zero, err
		}
	}
	return l.Load(ctx, key(obj))
}

// fetchRows fetches the lists of a list's rows once, the first time any
// row asks (the rows are known by the first one's key), and primes the
// loader's cache with them.
func (l *relation[K, V]) fetchRows(ctx context.Context, keys []K) error {
	l.mu.Lock()
	g, ok := l.lists[keys[0]]
	if !ok {
		g = &rowsFetch{}
		l.lists[keys[0]] = g
	}
	l.mu.Unlock()
	g.once.Do(func() {
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

// rowsFetch is one list's rows fetched together.
type rowsFetch struct {
	once sync.Once
	err  error
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

// key names one parent's list and the arguments it was asked with.
type key[I, A comparable] struct {
	parent I
	args   A
}

// childKey is the key of a parent known by its numeric id.
type childKey[A comparable] = key[int64, A]

// auditArgs is what a record's auditTrail is asked with (the record's id
// is the parent).
type auditArgs struct {
	recordType string
	page       pageKey
}

// none is the arguments of a list that takes none.
type none struct{}

// statementArgs is what a statement of account is asked with.
type statementArgs struct {
	kind     jxc.PartnerKind
	from, to jxc.Date
}

// pageKey is a nested connection's first/after/orderBy as a comparable value.
type pageKey struct {
	first    int
	hasFirst bool
	after    string
	order    jxc.SortKey
}

func pageOf(parent int64, first *int, after *string, order jxc.Sorter) childKey[pageKey] {
	return childKey[pageKey]{parent: parent, args: pageKeyOf(first, after, order)}
}

func pageKeyOf(first *int, after *string, order jxc.Sorter) pageKey {
	k := pageKey{order: jxc.SortKeyOf(order)}
	if first != nil {
		k.first, k.hasFirst = *first, true
	}
	if after != nil {
		k.after = *after
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

func pagedBy[V any](find func(context.Context, []int64, jxc.Sorter, jxc.PageArgs) (map[int64]V, error)) func(context.Context, []int64, pageKey) (map[int64]V, error) {
	return func(ctx context.Context, ids []int64, k pageKey) (map[int64]V, error) {
		return find(ctx, ids, k.order, k.args())
	}
}

func unargued[V any](find func(context.Context, []int64) (map[int64]V, error)) func(context.Context, []int64, none) (map[int64]V, error) {
	return func(ctx context.Context, ids []int64, _ none) (map[int64]V, error) { return find(ctx, ids) }
}

// byParent makes a loader from a service call that answers many parents
// asked with the same arguments: a batch is split by arguments (in
// practice one group, as every row of a page asks alike) and each group is
// one call.
func byParent[I, A comparable, V any](l *loaders, find func(ctx context.Context, parents []I, args A) (map[I]V, error)) *relation[key[I, A], V] {
	fetch := func(ctx context.Context, keys []key[I, A]) ([]V, []error) {
		groups := map[A][]I{}
		var order []A
		for _, k := range keys {
			if _, ok := groups[k.args]; !ok {
				order = append(order, k.args)
			}
			groups[k.args] = append(groups[k.args], k.parent)
		}
		found, failed := map[A]map[I]V{}, map[A]error{}
		for _, a := range order {
			found[a], failed[a] = find(ctx, groups[a], a)
		}
		vs, errs := make([]V, len(keys)), make([]error, len(keys))
		for i, k := range keys {
			vs[i], errs[i] = found[k.args][k.parent], failed[k.args]
		}
		return vs, errs
	}
	return &relation[key[I, A], V]{Loader: dataloadgen.NewLoader(fetch, dataloadgen.WithWait(loaderWait)), fetch: fetch, loaders: l,
		lists: map[key[I, A]]*rowsFetch{}}
}
