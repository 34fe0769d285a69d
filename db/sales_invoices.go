package db

import (
	"context"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Sales invoices: billing shipped goods, one customer per invoice, and the
// receivables they leave open, by age.

const salesInvoiceCols = `id, number, customer_id, posting_date, due_date, net_amount, vat_amount, total_amount, paid_amount,
	credited_amount, status, journal_entry_id, created_at, vat_invoice_code, vat_invoice_number, vat_invoice_kind, vat_buyer_tax_id,
	vat_issue_date`

const salesInvoiceLineCols = `id, invoice_id, line_no, shipment_line_id, product_id, quantity, unit_price, discount_rate, vat_rate,
	net_amount, vat_amount`

func fillInvoices(ctx context.Context, q Queryer, asOf jxc.Date, is []*jxc.SalesInvoice) error {
	if len(is) == 0 {
		return nil
	}
	lines, err := fillChildren(ctx, q, is, func(inv *jxc.SalesInvoice) (int64, *[]*jxc.SalesInvoiceLine) { return inv.ID, &inv.Lines },
		`SELECT `+salesInvoiceLineCols+` FROM sales_invoice_lines WHERE invoice_id = ANY($1) ORDER BY invoice_id, line_no`,
		func(l *jxc.SalesInvoiceLine) int64 { return l.InvoiceID })
	if err != nil {
		return err
	}
	if err := fillRowProducts(ctx, q, lines, func(l *jxc.SalesInvoiceLine) (int64, **jxc.Product) { return l.ProductID, &l.Product }); err != nil {
		return err
	}
	return fillCustomers(ctx, q, asOf, is, func(inv *jxc.SalesInvoice) (int64, **jxc.Customer) { return inv.CustomerID, &inv.Customer })
}

// shipmentCustomers returns the customer of each of the shipments that exist.
func shipmentCustomers(ctx context.Context, tx *Tx, ids []int64) (map[int64]int64, error) {
	var heads []struct {
		ID         int64 `db:"id"`
		CustomerID int64 `db:"customer_id"`
	}
	if err := tx.SelectContext(ctx, &heads, `SELECT id, customer_id FROM shipments WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	cust := map[int64]int64{}
	for _, h := range heads {
		cust[h.ID] = h.CustomerID
	}
	return cust, nil
}

// closeBilledOrders closes the shipped orders whose every shipment is
// billed: they are done.
func closeBilledOrders(ctx context.Context, tx *Tx, orderIDs []int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE sales_orders o SET status = 'CLOSED', updated_at = $2
		WHERE o.id = ANY($1) AND o.status = 'SHIPPED'
		AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status <> 'CANCELLED' AND s.invoice_id IS NULL)`,
		pq.Array(sortedIDs(orderIDs)), tx.Now)
	return err
}

// writeInvoiceLines writes an invoice's priced lines in one statement.
func writeInvoiceLines(ctx context.Context, tx *Tx, id int64, lines []*jxc.BilledLine) error {
	n := len(lines)
	sls, pids := make([]int64, n), make([]int64, n)
	qs, prices, discs, rates := make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	nets, vats := make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	for i, l := range lines {
		sls[i], pids[i], qs[i], prices[i], discs[i], rates[i] = l.ShipmentLineID, l.ProductID, l.Quantity, l.UnitPrice, l.DiscountRate, l.VATRate
		nets[i], vats[i] = l.Net, l.VAT
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sales_invoice_lines (invoice_id, line_no, shipment_line_id, product_id, quantity,
		unit_price, discount_rate, vat_rate, net_amount, vat_amount)
		SELECT $1, t.n, t.sl, t.p, t.q, t.price, t.disc, t.rate, t.net, t.vat
		FROM unnest($2::bigint[], $3::bigint[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[])
			WITH ORDINALITY AS t(sl, p, q, price, disc, rate, net, vat, n)`,
		id, pq.Array(sls), pq.Array(pids), pq.Array(decStrings(qs)), pq.Array(decStrings(prices)), pq.Array(decStrings(discs)),
		pq.Array(decStrings(rates)), pq.Array(decStrings(nets)), pq.Array(decStrings(vats))); err != nil {
		return domainError(err, "input.shipmentIds")
	}
	return nil
}

// CreateSalesInvoice implements jxc.SalesService: bills every line of one
// or several shipped shipments of a customer (Dr AR, Cr Revenue, Cr Output
// VAT), due after the customer's payment terms.
func (s *SalesService) CreateSalesInvoice(ctx context.Context, in jxc.SalesInvoiceInput) (*jxc.SalesInvoice, error) {
	if err := jxc.ValidateSalesInvoiceInput(in); err != nil {
		return nil, err
	}
	var id int64
	id, err := s.write(ctx, jxc.Op{Name: "createSalesInvoice", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		cust, err := shipmentCustomers(ctx, tx, in.ShipmentIDs)
		if err != nil {
			return err
		}
		customerID, err := jxc.InvoiceCustomer(in.ShipmentIDs, cust)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM customers WHERE id = $1 FOR UPDATE`, customerID); err != nil {
			return err
		}
		date := dateOrToday(in.PostingDate, tx)
		c, err := findCustomer(ctx, tx, customerID, date)
		if err != nil {
			return err
		}
		var shs []*jxc.Shipment
		if err := tx.SelectContext(ctx, &shs, `SELECT `+shipmentCols+` FROM shipments WHERE id = ANY($1) ORDER BY id FOR UPDATE`, pq.Array(in.ShipmentIDs)); err != nil {
			return err
		}
		orderIDs, err := jxc.CheckInvoiceable(in.ShipmentIDs, shs, date)
		if err != nil {
			return err
		}
		var lines []*jxc.BilledLine
		if err := tx.SelectContext(ctx, &lines, `SELECT sl.id AS shipment_line_id, sl.product_id, sl.quantity, ol.unit_price, ol.discount_rate, ol.vat_rate
			FROM shipment_lines sl JOIN sales_order_lines ol ON ol.id = sl.order_line_id
			WHERE sl.shipment_id = ANY($1) ORDER BY sl.shipment_id, sl.line_no`, pq.Array(in.ShipmentIDs)); err != nil {
			return err
		}
		// Invoice numbers have no gaps: the counter is held until commit.
		var number string
		if id, number, err = newNumber(ctx, tx, "sales_invoices", "SI-"); err != nil {
			return err
		}
		net, vat := jxc.PriceInvoice(lines)
		p, err := post(ctx, tx, &jxc.SalesInvoicePosting{Date: date, Description: jxc.T("Sales invoice {number} to {customer}", jxc.P{"number": number, "customer": c.Code}),
			Partner: c.Code, Net: net, VAT: vat}, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sales_invoices (id, number, customer_id, posting_date, due_date, net_amount, vat_amount,
			total_amount, journal_entry_id, created_by, created_at) VALUES ($1, $11, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			id, c.ID, date, date.AddDays(c.PaymentTermsDays), net, vat, net.Add(vat), p.EntryID, userID(ctx), tx.Now, number); err != nil {
			return err
		}
		if err := setSalesVatInfo(ctx, tx, id, in.VatInvoice); err != nil {
			return err
		}
		if err := writeInvoiceLines(ctx, tx, id, lines); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipments SET invoice_id = $2 WHERE id = ANY($1)`, pq.Array(in.ShipmentIDs), id); err != nil {
			return err
		}
		if err := closeBilledOrders(ctx, tx, orderIDs); err != nil {
			return err
		}
		tx.Produced(jxc.RecordSalesInvoice, id, number, jxc.AuditPost)
		return publishReceivable(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, err
	}
	if s.lean {
		inv := &jxc.SalesInvoice{ID: id}
		return inv, s.db.GetContext(ctx, &inv.TotalAmount, `SELECT total_amount FROM sales_invoices WHERE id = $1`, id)
	}
	return s.FindSalesInvoiceByID(ctx, id)
}

// FindSalesInvoiceByID implements jxc.SalesService.
func (s *SalesService) FindSalesInvoiceByID(ctx context.Context, id int64) (*jxc.SalesInvoice, error) {
	return salesDocument(ctx, s.db, func(tx *Tx) (*jxc.SalesInvoice, error) {
		return getByID[jxc.SalesInvoice](ctx, tx, salesInvoiceCols, "sales_invoices", "sales invoice", id, false)
	}, fillInvoices)
}

// FindSalesInvoices implements jxc.SalesService, newest first.
func (s *SalesService) FindSalesInvoices(ctx context.Context, f jxc.SalesInvoiceFilter, o *jxc.SalesInvoiceOrder, p jxc.PageArgs) (*jxc.Page[*jxc.SalesInvoice], error) {
	w := docWhere(f.Doc(), "posting_date")
	anyOf(w, "status", f.Status)
	return salesPage(ctx, s.db, p, salesInvoiceCols, "sales_invoices", w, orderBy(o, salesInvoiceOrders, "id", "posting_date DESC, id DESC"), fillInvoices)
}

// FindSalesInvoicesByCustomer implements jxc.SalesService: a page of each
// customer's invoices, newest first, read for every customer at once.
func (s *SalesService) FindSalesInvoicesByCustomer(ctx context.Context, customerIDs []int64, o jxc.Sorter, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.SalesInvoice], error) {
	return salesChildPages(ctx, s.db, p, customerIDs, "customer_id", salesInvoiceCols, "sales_invoices", orderBy(o, salesInvoiceOrders, "id", "posting_date DESC, id DESC"),
		func(i *jxc.SalesInvoice) int64 { return i.CustomerID }, fillInvoices)
}

// ReceivablesAging implements jxc.SalesService: each invoice's balance as
// of the date (what was billed by then less what settled it by then), by
// days past its due date.
func (s *SalesService) ReceivablesAging(ctx context.Context, asOf jxc.Date, customerID *int64) (*jxc.ReceivablesAging, error) {
	if asOf.IsZero() {
		asOf = jxc.Today(s.db.Now())
	}
	out := &jxc.ReceivablesAging{AsOf: asOf, Customers: []*jxc.CustomerAging{}}
	if err := s.db.SelectContext(ctx, &out.Customers, `WITH inv AS (
			SELECT i.customer_id, $1::date - i.due_date AS late,
				i.total_amount - coalesce((SELECT sum(a.amount) FROM receivable_allocations a
					WHERE a.invoice_id = i.id AND a.posting_date <= $1), 0) AS open
			FROM sales_invoices i WHERE i.posting_date <= $1 AND ($2::bigint IS NULL OR i.customer_id = $2)
		)
		SELECT customer_id,
			coalesce(sum(open) FILTER (WHERE late <= 0), 0) AS not_due,
			coalesce(sum(open) FILTER (WHERE late BETWEEN 1 AND 30), 0) AS days_1_30,
			coalesce(sum(open) FILTER (WHERE late BETWEEN 31 AND 60), 0) AS days_31_60,
			coalesce(sum(open) FILTER (WHERE late BETWEEN 61 AND 90), 0) AS days_61_90,
			coalesce(sum(open) FILTER (WHERE late > 90), 0) AS over_90,
			sum(open) AS total
		FROM inv WHERE open > 0 GROUP BY customer_id ORDER BY sum(open) DESC, customer_id`, asOf, customerID); err != nil {
		return nil, err
	}
	cids := make([]int64, len(out.Customers))
	for i, c := range out.Customers {
		cids[i] = c.CustomerID
		out.Total = out.Total.Plus(c.AgingBuckets)
	}
	cs, err := customersByID(ctx, s.db, asOf, cids)
	if err != nil {
		return nil, err
	}
	for _, c := range out.Customers {
		c.Customer = cs[c.CustomerID]
	}
	return out, nil
}
