package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Confirming an order: the credit check, the warehouse that ships it, and
// the stock it reserves on a pending shipment; releasing a hold and
// reserving again.

// creditCheck reads a customer's exposure and overdue invoices on date,
// leaving out the order being checked.
func creditCheck(ctx context.Context, q Queryer, c *jxc.Customer, date jxc.Date, orderTotal decimal.Decimal, excludeOrder int64) (jxc.CreditCheck, error) {
	cc := jxc.CreditCheck{Limit: c.CreditLimit, OrderTotal: orderTotal}
	var other decimal.Decimal
	if err := q.GetContext(ctx, &other, `SELECT coalesce(sum(greatest(o.total_amount - coalesce((SELECT sum(il.net_amount + il.vat_amount)
			FROM sales_invoice_lines il JOIN shipment_lines sl ON sl.id = il.shipment_line_id JOIN shipments s ON s.id = sl.shipment_id
			WHERE s.order_id = o.id), 0), 0)), 0)
		FROM sales_orders o WHERE o.customer_id = $1 AND o.id <> $2 AND o.status IN ('CONFIRMED','PARTIALLY_SHIPPED','SHIPPED')`,
		c.ID, excludeOrder); err != nil {
		return cc, err
	}
	cc.Exposure = c.OpenBalance().Add(other)
	var od struct {
		Amount decimal.Decimal `db:"amount"`
		Oldest *jxc.Date       `db:"oldest"`
	}
	if err := q.GetContext(ctx, &od, `SELECT coalesce(sum(total_amount - paid_amount - credited_amount), 0) AS amount, min(due_date) AS oldest
		FROM sales_invoices WHERE customer_id = $1 AND status <> 'PAID' AND due_date < $2`, c.ID, date); err != nil {
		return cc, err
	}
	cc.Overdue, cc.OldestDue = od.Amount, od.Oldest
	return cc, nil
}

// candidates returns every active warehouse with how much of the lines'
// open quantity its available stock fills.
func candidates(ctx context.Context, q Queryer, lines []*jxc.SalesOrderLine) ([]jxc.WarehouseStock, error) {
	var pids []int64
	var qtys []string
	for _, l := range lines {
		pids, qtys = append(pids, l.ProductID), append(qtys, l.Quantity.Sub(l.Shipped).Mul(l.Factor()).String())
	}
	var rows []struct {
		ID     int64           `db:"id"`
		Region string          `db:"region"`
		Fill   decimal.Decimal `db:"fill"`
	}
	err := q.SelectContext(ctx, &rows, `SELECT w.id, w.region, coalesce((
			SELECT sum(least(greatest(b.on_hand - b.reserved, 0), t.q))
			FROM unnest($1::bigint[], $2::numeric[]) AS t(p, q) JOIN stock_balances b ON b.product_id = t.p AND b.warehouse_id = w.id
		), 0) AS fill
		FROM warehouses w WHERE w.active ORDER BY w.id`, pq.Array(pids), pq.Array(qtys))
	out := make([]jxc.WarehouseStock, len(rows))
	for i, r := range rows {
		out[i] = jxc.WarehouseStock{WarehouseID: r.ID, Region: r.Region, Fill: r.Fill}
	}
	return out, err
}

// lockOrderForCustomer locks the customer, then the order: the head of the
// lock order. The customer comes without its receivables (findCustomer
// reads those where they are needed).
func lockOrderForCustomer(ctx context.Context, tx *Tx, id int64) (*jxc.SalesOrder, *jxc.Customer, error) {
	var cid int64
	err := tx.GetContext(ctx, &cid, `SELECT customer_id FROM sales_orders WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, notFound("id", "sales order", id)
	} else if err != nil {
		return nil, nil, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM customers WHERE id = $1 FOR UPDATE`, cid); err != nil {
		return nil, nil, err
	}
	o, err := findSalesOrder(ctx, tx, id, true)
	if err != nil {
		return nil, nil, err
	}
	c := &jxc.Customer{}
	err = tx.GetContext(ctx, c, `SELECT id, code, name, active, credit_limit, payment_terms_days FROM customers WHERE id = $1`, cid)
	return o, c, err
}

// ConfirmSalesOrder implements jxc.SalesService: credit check, then either
// ON_HOLD with the reason, or reservation, replenishment needs and the
// pending shipment, in one transaction.
func (s *SalesService) ConfirmSalesOrder(ctx context.Context, id int64) (*jxc.SalesOrder, error) {
	return s.orderAction(ctx, jxc.Op{Name: "confirmSalesOrder"}, id, jxc.ActionConfirm, jxc.AuditConfirm, func(tx *Tx, o *jxc.SalesOrder, c *jxc.Customer) error {
		var es jxc.Errors
		if err := checkPeriodOpen(ctx, tx, &es, "id", o.PostingDate); err != nil {
			return err
		}
		if err := checkOrderProducts(ctx, tx, &es, o); err != nil {
			return err
		}
		if !c.Active {
			es.Add(jxc.EINVALID, "id", "customer {customer} is inactive", jxc.P{"customer": c.Code})
		}
		if err := es.Err(); err != nil {
			return err
		}
		if err := checkBelowCost(ctx, tx, o); err != nil {
			return err
		}
		c, err := findCustomer(ctx, tx, c.ID, o.PostingDate)
		if err != nil {
			return err
		}
		cc, err := creditCheck(ctx, tx, c, o.PostingDate, o.TotalAmount, o.ID)
		if err != nil {
			return err
		}
		if reason := cc.HoldReason(); reason != "" {
			tmpl, params, text := cc.HoldReasonText().Stored()
			if _, err := tx.ExecContext(ctx, `UPDATE sales_orders SET status = 'ON_HOLD', hold_reason = $2, updated_at = $3,
				hold_reason_template = $4, hold_reason_params = $5 WHERE id = $1`,
				o.ID, text, tx.Now, tmpl, params); err != nil {
				return err
			}
			if err := raiseSalesAlert(ctx, tx, "CREDIT_HOLD", o.Number, jxc.T("{order} {customer} on credit hold: {reason}", jxc.P{"order": o.Number, "customer": c.Code + " " + c.Name, "reason": cc.HoldText()}),
				map[string]any{"orderId": fmt.Sprint(o.ID), "orderNumber": o.Number, "customerId": fmt.Sprint(c.ID), "customerName": c.Name, "reason": reason}); err != nil {
				return err
			}
			return publishReceivable(ctx, tx, c.ID)
		}
		if err := confirmOrder(ctx, tx, o); err != nil {
			return err
		}
		return publishReceivable(ctx, tx, c.ID)
	})
}

func checkOrderProducts(ctx context.Context, tx *Tx, es *jxc.Errors, o *jxc.SalesOrder) error {
	ids := make([]int64, len(o.Lines))
	for i, l := range o.Lines {
		ids[i] = l.ProductID
	}
	ps, err := productRefs(ctx, tx, ids)
	if err != nil {
		return err
	}
	for i, l := range o.Lines {
		if p := ps[l.ProductID]; p != nil && !p.Active {
			es.Add(jxc.EINVALID, fmt.Sprintf("lines.%d.productId", i), "product {product} is inactive", jxc.P{"product": p.SKU})
		}
	}
	return nil
}

// orderWarehouse is the warehouse an order ships from: the one it names,
// or the one chosen for its region and lines.
func orderWarehouse(ctx context.Context, tx *Tx, o *jxc.SalesOrder) (int64, error) {
	if o.WarehouseOverride && o.WarehouseID != 0 {
		return o.WarehouseID, nil
	}
	cands, err := candidates(ctx, tx, o.Lines)
	if err != nil {
		return 0, err
	}
	wid, ok := jxc.ChooseWarehouse(o.Region, cands)
	if !ok {
		return 0, jxc.FieldErrorf(jxc.ECONFLICT, "id", "there is no active warehouse to ship from")
	}
	return wid, nil
}

// checkBelowCost refuses, with the company's control on, a confirmation
// by someone other than a manager when a line's net price is below the
// product's average cost in the warehouse the order ships from.
func checkBelowCost(ctx context.Context, tx *Tx, o *jxc.SalesOrder) error {
	set, err := companySettings(ctx, tx)
	if err != nil {
		return err
	}
	u := jxc.UserFromContext(ctx)
	if jxc.BelowCostSaleAllowed(set, u) || len(o.Lines) == 0 {
		return nil
	}
	wid, err := orderWarehouse(ctx, tx, o)
	if err != nil {
		return err
	}
	pids := make([]int64, len(o.Lines))
	for i, l := range o.Lines {
		pids[i] = l.ProductID
	}
	var bals []jxc.StockBalance
	if err := tx.SelectContext(ctx, &bals, `SELECT b.product_id, b.warehouse_id, b.on_hand, b.reserved, b.value FROM stock_balances b
		WHERE b.warehouse_id = $1 AND b.product_id = ANY($2)`, wid, pq.Array(pids)); err != nil {
		return err
	}
	cost := map[int64]decimal.Decimal{}
	for _, b := range bals {
		cost[b.ProductID] = b.AverageCost()
	}
	skus, err := productRefs(ctx, tx, pids)
	if err != nil {
		return err
	}
	var below []jxc.BelowCostLine
	for i, l := range o.Lines {
		net := jxc.NetUnitPrice(l.UnitPrice, l.DiscountRate)
		if c := cost[l.ProductID].Mul(l.Factor()); c.Sign() > 0 && net.LessThan(c) {
			sku := fmt.Sprint(l.ProductID)
			if p := skus[l.ProductID]; p != nil {
				sku = p.SKU
			}
			below = append(below, jxc.BelowCostLine{Index: i, LineNo: l.LineNo, SKU: sku, NetPrice: net, Cost: c})
		}
	}
	return jxc.CheckBelowCostSale(set, u, o.Number, below).Err()
}

// confirmOrder chooses the warehouse, reserves what is available, records
// the shortages and creates the pending shipment; the order and its
// customer are locked.
func confirmOrder(ctx context.Context, tx *Tx, o *jxc.SalesOrder) error {
	wid, err := orderWarehouse(ctx, tx, o)
	if err != nil {
		return err
	}
	o.WarehouseID = wid
	if _, err := tx.ExecContext(ctx, `UPDATE sales_orders SET status = 'CONFIRMED', warehouse_id = $2, confirmed_at = $3, updated_at = $3
		WHERE id = $1`, o.ID, o.WarehouseID, tx.Now); err != nil {
		return err
	}
	o.Status = jxc.OrderConfirmed
	return reserveOutstanding(ctx, tx, o)
}

// reserveOutstanding reserves available stock for what each line still
// lacks, puts it on the order's pending shipment (creating one), and keeps
// the lines' replenishment needs equal to what is still short.
func reserveOutstanding(ctx context.Context, tx *Tx, o *jxc.SalesOrder) error {
	var keys []jxc.StockKey
	for _, l := range o.Lines {
		keys = append(keys, jxc.StockKey{ProductID: l.ProductID, WarehouseID: o.WarehouseID})
	}
	bals, err := lockBalances(ctx, tx, keys)
	if err != nil {
		return err
	}
	deltas := map[jxc.StockKey]decimal.Decimal{}
	reserved := map[int64]decimal.Decimal{}
	type short struct {
		line *jxc.SalesOrderLine
		qty  decimal.Decimal
	}
	var shorts []short
	var resIDs, covered []int64
	var resQty []decimal.Decimal
	for _, l := range o.Lines {
		k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: o.WarehouseID}
		b := bals[k]
		avail := jxc.ReservableInUnit(b.Available().Sub(deltas[k]), l.UnitFactor, int32(l.UnitPlaces))
		want := l.Outstanding()
		r := decimal.Max(decimal.Min(avail, want), decimal.Zero)
		if r.Sign() > 0 {
			deltas[k] = deltas[k].Add(r.Mul(l.Factor()))
			reserved[l.ID] = r
			l.Reserved = l.Reserved.Add(r)
			resIDs, resQty = append(resIDs, l.ID), append(resQty, r)
		}
		missing := want.Sub(r)
		// The line's need is what is still short: updated, opened or covered.
		if missing.Sign() > 0 {
			shorts = append(shorts, short{l, missing})
			res, err := tx.ExecContext(ctx, `UPDATE replenishment_needs SET quantity = $2 WHERE sales_order_line_id = $1 AND status = 'OPEN'`, l.ID, missing.Mul(l.Factor()))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				if _, err := tx.ExecContext(ctx, `INSERT INTO replenishment_needs (product_id, warehouse_id, quantity, sales_order_line_id, created_at)
					VALUES ($1, $2, $3, $4, $5)`, l.ProductID, o.WarehouseID, missing.Mul(l.Factor()), l.ID, tx.Now); err != nil {
					return err
				}
			}
		} else {
			covered = append(covered, l.ID)
		}
	}
	if len(resIDs) > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE sales_order_lines l SET reserved = l.reserved + t.r
			FROM unnest($1::bigint[], $2::numeric[]) AS t(id, r) WHERE l.id = t.id`, pq.Array(resIDs), pq.Array(decStrings(resQty))); err != nil {
			return err
		}
	}
	if len(covered) > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE replenishment_needs SET status = 'COVERED', covered_at = $2
			WHERE sales_order_line_id = ANY($1) AND status = 'OPEN'`, pq.Array(covered), tx.Now); err != nil {
			return err
		}
	}
	if err := addReserved(ctx, tx, deltas); err != nil {
		return err
	}
	if len(reserved) > 0 {
		if err := addToPendingShipment(ctx, tx, o, reserved); err != nil {
			return err
		}
	}
	if len(shorts) > 0 {
		var lines []map[string]any
		for _, sh := range shorts {
			lines = append(lines, map[string]any{"orderLineId": fmt.Sprint(sh.line.ID), "productId": fmt.Sprint(sh.line.ProductID),
				"warehouseId": fmt.Sprint(o.WarehouseID), "quantity": sh.qty.String()})
		}
		return raiseSalesAlert(ctx, tx, "SHORTAGE", o.Number, jxc.T("{order} short on {lines} line(s): recorded as replenishment needs", jxc.P{"order": o.Number, "lines": len(lines)}),
			map[string]any{"orderId": fmt.Sprint(o.ID), "orderNumber": o.Number, "lines": lines})
	}
	return nil
}

// addToPendingShipment puts newly reserved quantities on the order's
// pending shipment, creating it when there is none.
func addToPendingShipment(ctx context.Context, tx *Tx, o *jxc.SalesOrder, reserved map[int64]decimal.Decimal) error {
	var sid int64
	err := tx.GetContext(ctx, &sid, `SELECT id FROM shipments WHERE order_id = $1 AND status = 'PENDING' ORDER BY id LIMIT 1 FOR UPDATE`, o.ID)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.GetContext(ctx, &sid, `INSERT INTO shipments (order_id, customer_id, warehouse_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
			o.ID, o.CustomerID, o.WarehouseID, tx.Now)
	}
	if err != nil {
		return err
	}
	var ols, pids []int64
	var qs []decimal.Decimal
	for _, l := range o.Lines {
		if q, ok := reserved[l.ID]; ok {
			ols, pids, qs = append(ols, l.ID), append(pids, l.ProductID), append(qs, q)
		}
	}
	// Lines already on the shipment grow; the others are added after its
	// last line number, in the order's line order. One statement.
	_, err = tx.ExecContext(ctx, `WITH t AS (SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::numeric[]) WITH ORDINALITY AS t(ol, p, q, n)),
		grown AS (UPDATE shipment_lines s SET quantity = s.quantity + t.q FROM t
			WHERE s.shipment_id = $1 AND s.order_line_id = t.ol RETURNING s.order_line_id)
		INSERT INTO shipment_lines (shipment_id, line_no, order_line_id, product_id, quantity)
		SELECT $1, (SELECT coalesce(max(line_no), 0) FROM shipment_lines WHERE shipment_id = $1) + row_number() OVER (ORDER BY t.n), t.ol, t.p, t.q
		FROM t WHERE t.ol NOT IN (SELECT order_line_id FROM grown)`,
		sid, pq.Array(ols), pq.Array(pids), pq.Array(decStrings(qs)))
	return err
}

// releaseReservations gives back what an order's lines hold reserved,
// cancels its pending shipments and its open needs.
func releaseReservations(ctx context.Context, tx *Tx, o *jxc.SalesOrder) error {
	var keys []jxc.StockKey
	deltas := map[jxc.StockKey]decimal.Decimal{}
	for _, l := range o.Lines {
		if l.Reserved.Sign() > 0 {
			k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: o.WarehouseID}
			keys = append(keys, k)
			deltas[k] = deltas[k].Sub(l.Reserved.Mul(l.Factor()))
		}
	}
	if len(keys) > 0 {
		if _, err := lockBalances(ctx, tx, keys); err != nil {
			return err
		}
		if err := addReserved(ctx, tx, deltas); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sales_order_lines SET reserved = 0 WHERE order_id = $1`, o.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE shipments SET status = 'CANCELLED' WHERE order_id = $1 AND status = 'PENDING'`, o.ID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE replenishment_needs SET status = 'CANCELLED'
		WHERE status = 'OPEN' AND sales_order_line_id IN (SELECT id FROM sales_order_lines WHERE order_id = $1)`, o.ID)
	return err
}

// ReleaseSalesOrderHold implements jxc.SalesService: finance lets a held
// order through, and it is confirmed as if the check had passed.
func (s *SalesService) ReleaseSalesOrderHold(ctx context.Context, id int64) (*jxc.SalesOrder, error) {
	return s.orderAction(ctx, jxc.Op{Name: "releaseSalesOrderHold"}, id, jxc.ActionReleaseHold, jxc.AuditRelease, func(tx *Tx, o *jxc.SalesOrder, c *jxc.Customer) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sales_orders SET hold_released_by = $2, hold_released_at = $3 WHERE id = $1`,
			o.ID, userID(ctx), tx.Now); err != nil {
			return err
		}
		if err := confirmOrder(ctx, tx, o); err != nil {
			return err
		}
		return publishReceivable(ctx, tx, c.ID)
	})
}

// ReserveSalesOrder implements jxc.SalesService: reserves stock that has
// arrived for a confirmed order's shortages.
func (s *SalesService) ReserveSalesOrder(ctx context.Context, id int64) (*jxc.SalesOrder, error) {
	return s.orderAction(ctx, jxc.Op{Name: "reserveSalesOrderStock"}, id, jxc.ActionReserve, jxc.AuditReserve, func(tx *Tx, o *jxc.SalesOrder, _ *jxc.Customer) error {
		return reserveOutstanding(ctx, tx, o)
	})
}
