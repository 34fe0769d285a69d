package db

import (
	"context"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Sales returns: goods back against an invoiced shipment, and the credit
// note.

const salesReturnCols = `id, number, customer_id, shipment_id, invoice_id, posting_date, reason, net_amount, vat_amount, total_amount,
	cost_value, applied_amount, refunded_amount, journal_entry_id, created_at`

// lockInvoiceForReturn locks the shipment's invoice and loads its lines and,
// per shipment line, what earlier returns credited.
func lockInvoiceForReturn(ctx context.Context, tx *Tx, sh *jxc.Shipment) (*jxc.SalesInvoice, []*jxc.SalesInvoiceLine, map[int64]jxc.Credited, error) {
	inv := &jxc.SalesInvoice{}
	if err := tx.GetContext(ctx, inv, `SELECT `+salesInvoiceCols+` FROM sales_invoices WHERE id = $1 FOR UPDATE`, *sh.InvoiceID); err != nil {
		return nil, nil, nil, err
	}
	var ils []*jxc.SalesInvoiceLine
	if err := tx.SelectContext(ctx, &ils, `SELECT `+salesInvoiceLineCols+` FROM sales_invoice_lines WHERE invoice_id = $1`, inv.ID); err != nil {
		return nil, nil, nil, err
	}
	ids := make([]int64, len(sh.Lines))
	for i, l := range sh.Lines {
		ids[i] = l.ID
	}
	var done []struct {
		ID  int64           `db:"shipment_line_id"`
		Net decimal.Decimal `db:"net"`
		VAT decimal.Decimal `db:"vat"`
	}
	if err := tx.SelectContext(ctx, &done, `SELECT shipment_line_id, sum(net_amount) AS net, sum(vat_amount) AS vat
		FROM sales_return_lines WHERE shipment_line_id = ANY($1) GROUP BY shipment_line_id`, pq.Array(ids)); err != nil {
		return nil, nil, nil, err
	}
	credited := map[int64]jxc.Credited{}
	for _, d := range done {
		credited[d.ID] = jxc.Credited{Net: d.Net, VAT: d.VAT}
	}
	return inv, ils, credited, nil
}

// writeReturnLines writes a return's lines and adds them to what came back
// of their shipment and order lines.
func writeReturnLines(ctx context.Context, tx *Tx, id, warehouseID int64, lines []jxc.ReturnLine) error {
	for i, r := range lines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sales_return_lines (return_id, line_no, shipment_line_id, product_id, warehouse_id,
			quantity, cost_value, net_amount, vat_amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			id, i+1, r.Line.ID, r.Line.ProductID, warehouseID, r.Quantity, r.Cost, r.Net, r.VAT); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipment_lines SET returned_quantity = returned_quantity + $2, returned_value = returned_value + $3
			WHERE id = $1`, r.Line.ID, r.Quantity, r.Cost); err != nil {
			return domainError(err, "input.lines")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sales_order_lines SET returned = returned + $2 WHERE id = $1`, r.Line.OrderLineID, r.Quantity); err != nil {
			return domainError(err, "input.lines")
		}
	}
	return nil
}

// CreateSalesReturn implements jxc.SalesService: the goods come back at the
// cost they left with (Dr Inventory, Cr COGS) and the credit note reverses
// revenue, VAT and the receivable (Dr Revenue, Dr Output VAT, Cr AR); the
// credit settles the shipment's invoice as far as it is open, and the rest
// stays as credit to refund.
func (s *SalesService) CreateSalesReturn(ctx context.Context, in jxc.SalesReturnInput) (*jxc.SalesReturn, error) {
	var es jxc.Errors
	if err := jxc.ValidateSalesReturnInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	var id int64
	id, err := s.write(ctx, jxc.Op{Name: "createSalesReturn", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		es := es
		sh, _, err := lockShipment(ctx, tx, in.ShipmentID, "input.shipmentId")
		if err != nil {
			return err
		}
		if err := jxc.CheckReturnable(sh); err != nil {
			return err
		}
		date := dateOrToday(in.PostingDate, tx)
		c, err := findCustomer(ctx, tx, sh.CustomerID, date)
		if err != nil {
			return err
		}
		inv, ils, credited, err := lockInvoiceForReturn(ctx, tx, sh)
		if err != nil {
			return err
		}
		plan, err := jxc.PlanSalesReturn(sh, inv, ils, credited, date, in, es)
		if err != nil {
			return err
		}
		factors, err := returnFactors(ctx, tx, sh.ID)
		if err != nil {
			return err
		}
		plan.InStockUnits(factors)
		if id, err = nextID(ctx, tx, "sales_returns"); err != nil {
			return err
		}
		cnNo, err := ruleNumber(ctx, tx, "sales_returns", id)
		if err != nil {
			return err
		}
		ev := plan.Posting
		ev.Description, ev.Partner = jxc.T("Return {number} of shipment {shipment}", jxc.P{"number": cnNo, "shipment": sh.Number}), c.Code
		ctx, err := returnBatches(ctx, tx, sh.ID, in, plan)
		if err != nil {
			return err
		}
		p, err := post(ctx, tx, ev, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sales_returns (id, customer_id, shipment_id, invoice_id, posting_date, reason, net_amount,
			vat_amount, total_amount, cost_value, applied_amount, journal_entry_id, created_by, created_at, number)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			id, c.ID, sh.ID, inv.ID, date, strings.TrimSpace(jxc.Deref(in.Reason)), ev.Net, ev.VAT, plan.Total, plan.Cost, plan.Applied,
			p.EntryID, userID(ctx), tx.Now, cnNo); err != nil {
			return err
		}
		if err := writeReturnLines(ctx, tx, id, sh.WarehouseID, plan.Lines); err != nil {
			return err
		}
		if plan.Applied.Sign() > 0 {
			if err := settle(ctx, tx, []allocation{{inv, plan.Applied}}, nil, &id, date, p.EntryID, true); err != nil {
				return err
			}
		}
		tx.Produced(jxc.RecordSalesReturn, id, cnNo, jxc.AuditPost)
		return publishReceivable(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, err
	}
	pg, err := s.findReturns(ctx, jxc.SalesDocumentFilter{}, nil, jxc.PageArgs{}, &id)
	if err != nil {
		return nil, err
	}
	return pg.Items[0], nil
}

// FindSalesReturns implements jxc.SalesService, newest first.
func (s *SalesService) FindSalesReturns(ctx context.Context, f jxc.SalesDocumentFilter, o *jxc.SalesReturnOrder, p jxc.PageArgs) (*jxc.Page[*jxc.SalesReturn], error) {
	return s.findReturns(ctx, f, o, p, nil)
}

// findReturns reads a page of returns; with only, the one return, in one
// read-only snapshot.
func (s *SalesService) findReturns(ctx context.Context, f jxc.SalesDocumentFilter, o jxc.Sorter, p jxc.PageArgs, only *int64) (*jxc.Page[*jxc.SalesReturn], error) {
	w := docWhere(f, "posting_date")
	read := func(q Queryer, asOf jxc.Date) (*jxc.Page[*jxc.SalesReturn], error) {
		pg, err := page[*jxc.SalesReturn](ctx, q, p, salesReturnCols, "sales_returns", w, orderBy(o, salesReturnOrders, "id", "posting_date DESC, id DESC"))
		if err != nil {
			return nil, err
		}
		return pg, fillReturns(ctx, q, asOf, pg.Items)
	}
	if only != nil {
		w.add(`id = %s`, *only)
		return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.Page[*jxc.SalesReturn], error) { return read(tx, today(tx)) })
	}
	return read(s.db, jxc.Today(s.db.Now()))
}

// FindSalesReturnsByCustomer implements jxc.SalesService: a page of each
// customer's returns, newest first, read for every customer at once.
func (s *SalesService) FindSalesReturnsByCustomer(ctx context.Context, customerIDs []int64, o jxc.Sorter, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.SalesReturn], error) {
	return salesChildPages(ctx, s.db, p, customerIDs, "customer_id", salesReturnCols, "sales_returns", orderBy(o, salesReturnOrders, "id", "posting_date DESC, id DESC"),
		func(r *jxc.SalesReturn) int64 { return r.CustomerID }, fillReturns)
}

// fillReturns loads the lines, products and customers of a page of
// returns: one query each, never one per return.
func fillReturns(ctx context.Context, q Queryer, asOf jxc.Date, rs []*jxc.SalesReturn) error {
	if len(rs) == 0 {
		return nil
	}
	lines, err := fillChildren(ctx, q, rs, func(r *jxc.SalesReturn) (int64, *[]*jxc.SalesReturnLine) { return r.ID, &r.Lines },
		`SELECT id, return_id, line_no, shipment_line_id, product_id, warehouse_id, quantity, cost_value,
		net_amount, vat_amount FROM sales_return_lines WHERE return_id = ANY($1) ORDER BY return_id, line_no`,
		func(l *jxc.SalesReturnLine) int64 { return l.ReturnID })
	if err != nil {
		return err
	}
	if err := fillRowProducts(ctx, q, lines, func(l *jxc.SalesReturnLine) (int64, **jxc.Product) { return l.ProductID, &l.Product }); err != nil {
		return err
	}
	return fillCustomers(ctx, q, asOf, rs, func(r *jxc.SalesReturn) (int64, **jxc.Customer) { return r.CustomerID, &r.Customer })
}
