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
	journal_entry_id, invoice_id, shipped_at, delivered_at, delivered_on, rating, rating_comment, created_at`

const shipmentLineCols = `id, shipment_id, line_no, order_line_id, product_id, quantity, cost_value, returned_quantity, returned_value,
	(SELECT coalesce(nullif(ol.unit, ''), p.unit) FROM sales_order_lines ol JOIN products p ON p.id = ol.product_id WHERE ol.id = shipment_lines.order_line_id) AS unit,
	(SELECT ol.unit_factor FROM sales_order_lines ol WHERE ol.id = shipment_lines.order_line_id) AS unit_factor`

func findShipment(ctx context.Context, q Queryer, id int64, lock bool) (*jxc.Shipment, error) {
	sh, err := getByID[jxc.Shipment](ctx, q, shipmentCols, "shipments", "shipment", id, lock)
	if err != nil {
		return nil, err
	}
	return sh, q.SelectContext(ctx, &sh.Lines, `SELECT `+shipmentLineCols+` FROM shipment_lines WHERE shipment_id = $1 ORDER BY line_no`, id)
}

func fillShipments(ctx context.Context, q Queryer, asOf jxc.Date, shs []*jxc.Shipment) error {
	if len(shs) == 0 {
		return nil
	}
	if _, err := fillChildren(ctx, q, shs, func(sh *jxc.Shipment) (int64, *[]*jxc.ShipmentLine) { return sh.ID, &sh.Lines },
		`SELECT `+shipmentLineCols+` FROM shipment_lines WHERE shipment_id = ANY($1) ORDER BY shipment_id, line_no`,
		func(l *jxc.ShipmentLine) int64 { return l.ShipmentID }); err != nil {
		return err
	}
	r := refLoader{}
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
		return shipInTx(ctx, tx, in, es)
	})
	if err != nil {
		return nil, err
	}
	if s.lean {
		return &jxc.Shipment{ID: id}, nil
	}
	return s.FindShipmentByID(ctx, id)
}

// shipInTx ships a pending shipment in the caller's transaction (the
// shipment's own mutation, or a pick list's confirmation); es are the
// input's own violations.
func shipInTx(ctx context.Context, tx *Tx, in jxc.ShipInput, es jxc.Errors) error {
	{
		sh, o, err := lockShipment(ctx, tx, in.ShipmentID, "input.shipmentId")
		if err != nil {
			return err
		}
		date := dateOrToday(in.PostingDate, tx)
		plan, err := jxc.PlanShipping(sh, o, date, in, es)
		if err != nil {
			return err
		}
		plan.InStockUnits(o)
		ev := plan.Issue
		if err := tx.GetContext(ctx, &ev.Partner, `SELECT code FROM customers WHERE id = $1`, sh.CustomerID); err != nil {
			return err
		}
		// Release the reservation of what leaves, under the posting's row
		// locks, so the issue below takes exactly the reserved stock.
		if err := lockPostingDate(ctx, tx, &es, "input.postingDate", "the posting date", date); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		if err := lockOpenPeriod(ctx, tx, date, "input.postingDate"); err != nil {
			return err
		}
		if _, err := lockBalances(ctx, tx, plan.Keys); err != nil {
			return err
		}
		if err := addReserved(ctx, tx, plan.Release); err != nil {
			return err
		}
		ctx, err := shipmentBatches(ctx, tx, sh.WarehouseID, in, plan)
		if err != nil {
			return err
		}
		p, err := post(ctx, tx, ev, &sh.ID)
		if err != nil {
			return err
		}
		if err := writeShipped(ctx, tx, plan, p); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipments SET status = 'SHIPPED', posting_date = $2, carrier = $3, tracking_number = $4,
			journal_entry_id = $5, shipped_at = $6 WHERE id = $1`, sh.ID, date, strings.TrimSpace(jxc.Deref(in.Carrier)),
			strings.TrimSpace(jxc.Deref(in.TrackingNumber)), p.EntryID, tx.Now); err != nil {
			return err
		}
		if len(plan.Remainder) > 0 {
			if err := addToPendingShipment(ctx, tx, o, plan.Remainder); err != nil {
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
	}
}

// writeShipped sets the shipped lines' quantities and cost, moves them from
// reserved to shipped on their order lines and drops the lines of which
// nothing left.
func writeShipped(ctx context.Context, tx *Tx, plan *jxc.ShippingPlan, p *posted) error {
	if len(p.Moves) != len(plan.Lines) {
		return fmt.Errorf("shipment of %d lines posted %d moves", len(plan.Lines), len(p.Moves))
	}
	n := len(plan.Lines)
	ids, ols := make([]int64, n), make([]int64, n)
	qs, costs := make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	for i, l := range plan.Lines {
		ids[i], ols[i], qs[i], costs[i] = l.Line.ID, l.Line.OrderLineID, l.Quantity, p.Moves[i].Value.Neg()
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
	_, err := tx.ExecContext(ctx, `DELETE FROM shipment_lines WHERE id = ANY($1)`, pq.Array(plan.Unshipped))
	return err
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
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentId", "shipment {shipment} is {status}; only a shipped shipment can be delivered", jxc.P{"shipment": sh.Number, "status": jxc.StatusText(sh.Status)})
		}
		on, err := deliveryDate(ctx, tx, sh, in.DeliveredOn)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE shipments SET status = 'DELIVERED', delivered_at = $2, delivered_on = $3, rating = $4, rating_comment = $5 WHERE id = $1`,
			sh.ID, tx.Now, on, in.Rating, strings.TrimSpace(jxc.Deref(in.RatingComment)))
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

// deliveryDate is the delivery's business date: the one given or today,
// not before the shipment left, not in the future, within the company's
// years.
func deliveryDate(ctx context.Context, tx *Tx, sh *jxc.Shipment, given *jxc.Date) (jxc.Date, error) {
	on := dateOrToday(given, tx)
	set, err := loadPostingWindowSettings(ctx, tx, false)
	if err != nil {
		return on, err
	}
	var es jxc.Errors
	shipped := on
	if sh.PostingDate != nil {
		shipped = *sh.PostingDate
	}
	jxc.CheckEventDate(&es, "input.deliveredOn", "the delivery date", on, "the shipment's date", shipped, today(tx), set)
	return on, es.Err()
}

// FindShipmentByID implements jxc.SalesService.
func (s *SalesService) FindShipmentByID(ctx context.Context, id int64) (*jxc.Shipment, error) {
	return salesDocument(ctx, s.db, func(tx *Tx) (*jxc.Shipment, error) { return findShipment(ctx, tx, id, false) }, fillShipments)
}

// FindShipments implements jxc.SalesService, newest first.
func (s *SalesService) FindShipments(ctx context.Context, f jxc.ShipmentFilter, o *jxc.ShipmentOrder, p jxc.PageArgs) (*jxc.Page[*jxc.Shipment], error) {
	w := docWhere(f.Doc(), "posting_date", "tracking_number")
	anyOf(w, "status", f.Status)
	if f.OrderID != nil {
		w.add(`order_id = %s`, *f.OrderID)
	}
	return salesPage(ctx, s.db, p, shipmentCols, "shipments", w, orderBy(o, shipmentOrders, "id", "id DESC"), fillShipments)
}

// FindShipmentsByCustomer implements jxc.SalesService: a page of each
// customer's shipments, newest first, read for every customer at once.
func (s *SalesService) FindShipmentsByCustomer(ctx context.Context, customerIDs []int64, o jxc.Sorter, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.Shipment], error) {
	return s.shipmentsOf(ctx, "customer_id", customerIDs, o, p, func(sh *jxc.Shipment) int64 { return sh.CustomerID })
}

// FindShipmentsByOrder implements jxc.SalesService: each order's
// shipments (up to the page cap), newest first, for every order at once.
func (s *SalesService) FindShipmentsByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*jxc.Shipment, error) {
	first := jxc.MaxPageSize
	pages, err := s.shipmentsOf(ctx, "order_id", orderIDs, nil, jxc.PageArgs{First: &first}, func(sh *jxc.Shipment) int64 { return sh.OrderID })
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]*jxc.Shipment, len(pages))
	for id, pg := range pages {
		out[id] = pg.Items
	}
	return out, nil
}

func (s *SalesService) shipmentsOf(ctx context.Context, parentCol string, parents []int64, o jxc.Sorter, p jxc.PageArgs,
	parentOf func(*jxc.Shipment) int64) (map[int64]*jxc.Page[*jxc.Shipment], error) {
	return salesChildPages(ctx, s.db, p, parents, parentCol, shipmentCols, "shipments", orderBy(o, shipmentOrders, "id", "id DESC"),
		parentOf, fillShipments)
}
