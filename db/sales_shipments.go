package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

const shipmentCols = `id, number, order_id, customer_id, warehouse_id, status, posting_date, carrier, tracking_number,
	journal_entry_id, invoice_id, shipped_at, delivered_at, rating, rating_comment, created_at`

const shipmentLineCols = `id, shipment_id, line_no, order_line_id, product_id, quantity, cost_value, returned_quantity, returned_value`

func findShipment(ctx context.Context, q Queryer, id int64, lock bool) (*jxc.Shipment, error) {
	sh := &jxc.Shipment{}
	query := `SELECT ` + shipmentCols + ` FROM shipments WHERE id = $1`
	if lock {
		query += ` FOR UPDATE`
	}
	err := q.GetContext(ctx, sh, query, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("id", "shipment", id)
	} else if err != nil {
		return nil, err
	}
	return sh, q.SelectContext(ctx, &sh.Lines, `SELECT `+shipmentLineCols+` FROM shipment_lines WHERE shipment_id = $1 ORDER BY line_no`, id)
}

func fillShipments(ctx context.Context, q Queryer, asOf jxc.Date, shs []*jxc.Shipment) error {
	if len(shs) == 0 {
		return nil
	}
	ids := make([]int64, len(shs))
	byID := map[int64]*jxc.Shipment{}
	for i, sh := range shs {
		ids[i] = sh.ID
		byID[sh.ID] = sh
		sh.Lines = []*jxc.ShipmentLine{}
	}
	var lines []*jxc.ShipmentLine
	if err := q.SelectContext(ctx, &lines, `SELECT `+shipmentLineCols+` FROM shipment_lines WHERE shipment_id = ANY($1) ORDER BY shipment_id, line_no`, pq.Array(ids)); err != nil {
		return err
	}
	r := refLoader{}
	for _, l := range lines {
		byID[l.ShipmentID].Lines = append(byID[l.ShipmentID].Lines, l)
	}
	var cids, oids []int64
	for _, sh := range shs {
		cids, oids = append(cids, sh.CustomerID), append(oids, sh.OrderID)
		for _, l := range sh.Lines {
			r.want(l.ProductID, sh.WarehouseID, nil)
		}
		if len(sh.Lines) == 0 {
			r.wids = append(r.wids, sh.WarehouseID)
		}
	}
	if err := r.load(ctx, q); err != nil {
		return err
	}
	cs, err := customersByID(ctx, q, asOf, cids)
	if err != nil {
		return err
	}
	var os []*jxc.SalesOrder
	if err := q.SelectContext(ctx, &os, `SELECT `+salesOrderCols+` FROM sales_orders WHERE id = ANY($1)`, pq.Array(oids)); err != nil {
		return err
	}
	om := map[int64]*jxc.SalesOrder{}
	for _, o := range os {
		om[o.ID] = o
	}
	for _, sh := range shs {
		sh.Customer, sh.Order, sh.Warehouse = cs[sh.CustomerID], om[sh.OrderID], r.warehouses[sh.WarehouseID]
		for _, l := range sh.Lines {
			l.Product = r.products[l.ProductID]
		}
	}
	return nil
}

// lockShipment locks the shipment's customer, order, then the shipment.
func lockShipment(ctx context.Context, tx *Tx, id int64, field string) (*jxc.Shipment, *jxc.SalesOrder, error) {
	var oid int64
	err := tx.GetContext(ctx, &oid, `SELECT order_id FROM shipments WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, notFound(field, "shipment", id)
	} else if err != nil {
		return nil, nil, err
	}
	o, _, err := lockOrderForCustomer(ctx, tx, oid)
	if err != nil {
		return nil, nil, err
	}
	sh, err := findShipment(ctx, tx, id, true)
	return sh, o, err
}

// ShipShipment implements jxc.SalesService: what leaves is taken out of
// the reservation and posted at moving-average cost (Dr COGS, Cr
// Inventory); whatever of the shipment stays behind moves to a new pending
// shipment.
func (s *SalesService) ShipShipment(ctx context.Context, in jxc.ShipInput) (*jxc.Shipment, error) {
	var es jxc.Errors
	if err := jxc.ValidateShipInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	id := in.ShipmentID
	_, err := s.write(ctx, jxc.Op{Name: "shipShipment", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		es := es
		sh, o, err := lockShipment(ctx, tx, in.ShipmentID, "input.shipmentId")
		if err != nil {
			return err
		}
		if sh.Status != jxc.ShipmentPending {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentId", "shipment %s is %s; only a pending shipment ships", sh.Number, sh.Status)
		}
		date := dateOrToday(in.PostingDate, today(tx))
		if date.Before(o.PostingDate) {
			es.Add(jxc.EINVALID, "input.postingDate", "a shipment may not be dated before its order (%s)", o.PostingDate)
		}
		qty := map[int64]decimal.Decimal{}
		if in.Lines == nil {
			for _, l := range sh.Lines {
				qty[l.ID] = l.Quantity
			}
		}
		byID := map[int64]*jxc.ShipmentLine{}
		for _, l := range sh.Lines {
			byID[l.ID] = l
		}
		for i, li := range in.Lines {
			f := fmt.Sprintf("input.lines.%d.", i)
			l := byID[li.ShipmentLineID]
			if l == nil {
				es.Add(jxc.ENOTFOUND, f+"shipmentLineId", "shipment %s has no line %d", sh.Number, li.ShipmentLineID)
				continue
			}
			if li.Quantity.GreaterThan(l.Quantity) {
				es.Add(jxc.ECONFLICT, f+"quantity", "only %s is reserved on this shipment line; cannot ship %s",
					l.Quantity.StringFixed(jxc.QuantityPlaces), li.Quantity.StringFixed(jxc.QuantityPlaces))
				continue
			}
			qty[l.ID] = li.Quantity
		}
		if err := es.Err(); err != nil {
			return err
		}
		if len(qty) == 0 {
			return jxc.FieldErrorf(jxc.EINVALID, "input.lines", "nothing to ship")
		}
		// Release the reservation of what leaves, under the posting's row
		// locks, so the issue below takes exactly the reserved stock.
		var keys []jxc.StockKey
		deltas := map[jxc.StockKey]decimal.Decimal{}
		ev := &jxc.ShipmentIssue{Date: date, Description: fmt.Sprintf("Shipment %s of order %s", sh.Number, o.Number)}
		var shipped []*jxc.ShipmentLine
		for _, l := range sh.Lines {
			q, ok := qty[l.ID]
			if !ok {
				continue
			}
			k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: sh.WarehouseID}
			keys = append(keys, k)
			deltas[k] = deltas[k].Sub(q)
			ev.Lines = append(ev.Lines, jxc.ShipmentIssueLine{ProductID: l.ProductID, WarehouseID: sh.WarehouseID, Quantity: q})
			shipped = append(shipped, l)
		}
		if err := tx.GetContext(ctx, &ev.Partner, `SELECT code FROM customers WHERE id = $1`, sh.CustomerID); err != nil {
			return err
		}
		if err := lockOpenPeriod(ctx, tx, date); err != nil {
			return err
		}
		if _, err := lockBalances(ctx, tx, keys); err != nil {
			return err
		}
		if err := addReserved(ctx, tx, deltas); err != nil {
			return err
		}
		p, err := post(ctx, tx, ev, &sh.ID)
		if err != nil {
			return err
		}
		if len(p.Moves) != len(shipped) {
			return fmt.Errorf("shipment of %d lines posted %d moves", len(shipped), len(p.Moves))
		}
		remainder := map[int64]decimal.Decimal{}
		for _, l := range sh.Lines {
			q, ok := qty[l.ID]
			if !ok {
				q = decimal.Zero
			}
			if rest := l.Quantity.Sub(q); rest.Sign() > 0 {
				remainder[l.OrderLineID] = rest
			}
		}
		ids, ols := make([]int64, len(shipped)), make([]int64, len(shipped))
		qs, costs := make([]decimal.Decimal, len(shipped)), make([]decimal.Decimal, len(shipped))
		for i, l := range shipped {
			ids[i], ols[i], qs[i], costs[i] = l.ID, l.OrderLineID, qty[l.ID], p.Moves[i].Value.Neg()
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipment_lines s SET quantity = t.q, cost_value = t.c
			FROM unnest($1::bigint[], $2::numeric[], $3::numeric[]) AS t(id, q, c) WHERE s.id = t.id`,
			pq.Array(ids), pq.Array(decStrings(qs)), pq.Array(decStrings(costs))); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sales_order_lines l SET reserved = l.reserved - t.q, shipped = l.shipped + t.q
			FROM unnest($1::bigint[], $2::numeric[]) AS t(id, q) WHERE l.id = t.id`, pq.Array(ols), pq.Array(decStrings(qs))); err != nil {
			return domainError(err, "input.lines")
		}
		var unshipped []int64
		for _, l := range sh.Lines {
			if _, ok := qty[l.ID]; !ok {
				unshipped = append(unshipped, l.ID)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM shipment_lines WHERE id = ANY($1)`, pq.Array(unshipped)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipments SET status = 'SHIPPED', posting_date = $2, carrier = $3, tracking_number = $4,
			journal_entry_id = $5, shipped_at = $6 WHERE id = $1`, sh.ID, date, strings.TrimSpace(deref(in.Carrier)),
			strings.TrimSpace(deref(in.TrackingNumber)), p.EntryID, tx.Now); err != nil {
			return err
		}
		if len(remainder) > 0 {
			if err := addToPendingShipment(ctx, tx, o, remainder); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sales_orders o SET updated_at = $2, status = CASE
				WHEN NOT EXISTS (SELECT 1 FROM sales_order_lines l WHERE l.order_id = o.id AND l.shipped < l.quantity) THEN 'SHIPPED'
				ELSE 'PARTIALLY_SHIPPED' END
			WHERE id = $1`, o.ID, tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordShipment, sh.ID, sh.Number, jxc.AuditShip)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if s.lean {
		return &jxc.Shipment{ID: id}, nil
	}
	return s.FindShipmentByID(ctx, id)
}

// ConfirmDelivery implements jxc.SalesService.
func (s *SalesService) ConfirmDelivery(ctx context.Context, in jxc.DeliveryInput) (*jxc.Shipment, error) {
	if err := jxc.ValidateDeliveryInput(in); err != nil {
		return nil, err
	}
	_, err := s.write(ctx, jxc.Op{Name: "confirmDelivery"}, func(tx *Tx) error {
		sh, _, err := lockShipment(ctx, tx, in.ShipmentID, "input.shipmentId")
		if err != nil {
			return err
		}
		tx.Produced(jxc.RecordShipment, sh.ID, sh.Number, jxc.AuditDeliver)
		if sh.Status != jxc.ShipmentShipped {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentId", "shipment %s is %s; only a shipped shipment can be delivered", sh.Number, sh.Status)
		}
		_, err = tx.ExecContext(ctx, `UPDATE shipments SET status = 'DELIVERED', delivered_at = $2, rating = $3, rating_comment = $4 WHERE id = $1`,
			sh.ID, tx.Now, in.Rating, strings.TrimSpace(deref(in.RatingComment)))
		return err
	})
	if err != nil {
		return nil, err
	}
	if s.lean {
		return &jxc.Shipment{ID: in.ShipmentID}, nil
	}
	return s.FindShipmentByID(ctx, in.ShipmentID)
}

// FindShipmentByID implements jxc.SalesService.
func (s *SalesService) FindShipmentByID(ctx context.Context, id int64) (*jxc.Shipment, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.Shipment, error) {
		sh, err := findShipment(ctx, tx, id, false)
		if err != nil {
			return nil, err
		}
		return sh, fillShipments(ctx, tx, today(tx), []*jxc.Shipment{sh})
	})
}

// FindShipments implements jxc.SalesService, newest first.
func (s *SalesService) FindShipments(ctx context.Context, f jxc.SalesDocumentFilter, p jxc.PageArgs) (*jxc.Page[*jxc.Shipment], error) {
	w := docWhere(f, "posting_date")
	if f.OrderID != nil {
		w.add(`order_id = %s`, *f.OrderID)
	}
	pg, err := page[*jxc.Shipment](ctx, s.db, p, shipmentCols, "shipments", w, "id DESC")
	if err != nil {
		return nil, err
	}
	return pg, fillShipments(ctx, s.db, jxc.Today(s.db.Now()), pg.Items)
}

// FindShipmentsByCustomer implements jxc.SalesService: a page of each
// customer's shipments, newest first, read for every customer at once.
func (s *SalesService) FindShipmentsByCustomer(ctx context.Context, customerIDs []int64, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.Shipment], error) {
	return s.shipmentsOf(ctx, "customer_id", customerIDs, p, func(sh *jxc.Shipment) int64 { return sh.CustomerID })
}

// FindShipmentsByOrder implements jxc.SalesService: each order's
// shipments (up to the page cap), newest first, for every order at once.
func (s *SalesService) FindShipmentsByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*jxc.Shipment, error) {
	first := jxc.MaxPageSize
	pages, err := s.shipmentsOf(ctx, "order_id", orderIDs, jxc.PageArgs{First: &first}, func(sh *jxc.Shipment) int64 { return sh.OrderID })
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]*jxc.Shipment, len(pages))
	for id, pg := range pages {
		out[id] = pg.Items
	}
	return out, nil
}

func (s *SalesService) shipmentsOf(ctx context.Context, parentCol string, parents []int64, p jxc.PageArgs,
	parentOf func(*jxc.Shipment) int64) (map[int64]*jxc.Page[*jxc.Shipment], error) {
	pages, err := childPages(ctx, s.db, p, parents, parentCol, shipmentCols, "shipments", nil, "id DESC", parentOf)
	if err != nil {
		return nil, err
	}
	return pages, fillShipments(ctx, s.db, jxc.Today(s.db.Now()), pagesItems(pages))
}
