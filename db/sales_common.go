package db

import (
	"context"
	"fmt"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// SalesService implements jxc.SalesService: order to cash on PostgreSQL.
//
// Lock order, the same in every flow so that concurrent ones never
// deadlock: customer -> sales order -> shipment -> invoices (by id) ->
// payment or credit note -> the invoice number counter (new invoices) ->
// stock (product id, then warehouse id, taken by lockStock as post() does)
// -> fiscal period and accounts -> the month's voucher counter (inside
// post, last).
type SalesService struct {
	db *DB
	// lean makes the flows return only the ids and figures the demo loader
	// needs instead of reloading each document with everything it shows.
	lean bool
}

// NewSalesService returns order to cash on db.
func NewSalesService(db *DB) *SalesService { return &SalesService{db: db} }

var _ jxc.SalesService = (*SalesService)(nil)

// checkPeriodOpen adds an error when the date is outside the posting
// window (on or before the lock date, after the horizon), without locking
// (documents that do not post yet).
func checkPeriodOpen(ctx context.Context, tx *Tx, es *jxc.Errors, field string, d jxc.Date) error {
	return checkPostingDate(ctx, tx, es, field, "the date", d)
}

// lockBalances locks the balances of keys (creating missing ones) exactly
// as post() does: product rows, then balances, by product then warehouse.
func lockBalances(ctx context.Context, tx *Tx, keys []jxc.StockKey) (map[jxc.StockKey]jxc.StockBalance, error) {
	st := &jxc.PostingState{Balances: map[jxc.StockKey]jxc.StockBalance{}, LastMove: map[int64]jxc.Date{}, SKUs: map[int64]string{}}
	if len(keys) == 0 {
		return st.Balances, nil
	}
	if err := lockStock(ctx, tx, keys, st); err != nil {
		return nil, err
	}
	return st.Balances, nil
}

// addReserved changes the reserved quantity of locked balances; the
// stock_reserved_within_on_hand check refuses reserving more than is on
// hand. The caller holds the rows' locks (lockBalances).
func addReserved(ctx context.Context, tx *Tx, deltas map[jxc.StockKey]decimal.Decimal) error {
	var ps, ws []int64
	var qs []string
	for k, d := range deltas {
		if d.IsZero() {
			continue
		}
		ps, ws, qs = append(ps, k.ProductID), append(ws, k.WarehouseID), append(qs, d.String())
	}
	if len(ps) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE stock_balances b SET reserved = b.reserved + t.q
		FROM unnest($1::bigint[], $2::bigint[], $3::numeric[]) AS t(p, w, q)
		WHERE b.product_id = t.p AND b.warehouse_id = t.w`, pq.Array(ps), pq.Array(ws), pq.Array(qs))
	return domainError(err, "input.lines")
}

// publishReceivable announces a customer's receivables after a change, in
// the same transaction.
func publishReceivable(ctx context.Context, tx *Tx, customerID int64) error {
	c, err := findCustomer(ctx, tx, customerID, today(tx))
	if err != nil {
		return err
	}
	return Publish(ctx, tx, "receivable", fmt.Sprint(customerID), map[string]any{
		"customerId":      fmt.Sprint(c.ID),
		"code":            c.Code,
		"openBalance":     c.OpenBalance().StringFixed(2),
		"overdueAmount":   c.OverdueAmount.StringFixed(2),
		"creditLimit":     c.CreditLimit.StringFixed(2),
		"creditAvailable": c.CreditAvailable().StringFixed(2),
		"onCreditHold":    c.OnCreditHold(),
	})
}

// raiseSalesAlert raises an alert about an order (db.RaiseAlert: recorded
// and published on the "alert" topic in the same transaction).
func raiseSalesAlert(ctx context.Context, tx *Tx, kind, orderNumber string, message jxc.Text, payload map[string]any) error {
	_, err := RaiseAlert(ctx, tx, kind, orderNumber, message, nil, payload)
	return err
}

// productRefs loads products by id for line checks.
func productRefs(ctx context.Context, q Queryer, ids []int64) (map[int64]*jxc.Product, error) {
	var ps []*jxc.Product
	if err := q.SelectContext(ctx, &ps, `SELECT `+productCols+` FROM products WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	out := map[int64]*jxc.Product{}
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

// write runs one business write (db.Write). The demo loader's
// transactions commit without waiting for the WAL flush: the loader's last
// write, the demo_loaded setting, is committed normally afterwards, and WAL
// is flushed in order, so once it is durable every demo row before it is.
func (s *SalesService) write(ctx context.Context, op jxc.Op, fn func(tx *Tx) error) (int64, error) {
	if s.lean {
		ctx = withLeanCommit(ctx)
	}
	return s.db.Write(ctx, op, fn)
}

// salesFill loads what a page of sales documents refers to, as of a day.
type salesFill[T any] func(ctx context.Context, q Queryer, asOf jxc.Date, docs []T) error

// salesPage reads one page of sales documents and fills them as of today.
func salesPage[T any](ctx context.Context, db *DB, p jxc.PageArgs, cols, table string, w *where, orderBy string, fill salesFill[T]) (*jxc.Page[T], error) {
	pg, err := page[T](ctx, db, p, cols, table, w, orderBy)
	if err != nil {
		return nil, err
	}
	return pg, fill(ctx, db, jxc.Today(db.Now()), pg.Items)
}

// salesChildPages reads a page of each parent's sales documents, for every
// parent at once (childPages), and fills them as of today.
func salesChildPages[T any](ctx context.Context, db *DB, p jxc.PageArgs, parents []int64, parentCol, cols, table, orderBy string,
	parentOf func(T) int64, fill salesFill[T]) (map[int64]*jxc.Page[T], error) {
	pages, err := childPages(ctx, db, p, parents, parentCol, cols, table, nil, orderBy, parentOf)
	if err != nil {
		return nil, err
	}
	return pages, fill(ctx, db, jxc.Today(db.Now()), pagesItems(pages))
}

// salesDocument reads one sales document in one read-only snapshot: find
// reads it, fill what it refers to as of that snapshot's day.
func salesDocument[T any](ctx context.Context, db *DB, find func(tx *Tx) (T, error), fill salesFill[T]) (T, error) {
	return inSnapshot(ctx, db, func(tx *Tx) (T, error) {
		d, err := find(tx)
		if err != nil {
			return d, err
		}
		return d, fill(ctx, tx, today(tx), []T{d})
	})
}
