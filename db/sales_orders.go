package db

import (
	"strings"

	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

const salesOrderCols = `id, number, customer_id, channel, region, coalesce(warehouse_id, 0) AS warehouse_id, warehouse_override, posting_date, promised_date,
	status, hold_reason, hold_reason_template, hold_reason_params, hold_released_by, notes, net_amount, vat_amount, total_amount, created_by, created_at, updated_at`

const salesOrderLineCols = `id, order_id, line_no, product_id, quantity, unit_price, discount_rate, vat_rate, net_amount, vat_amount,
	reserved, shipped, returned, unit, unit_factor, unit_places`

func findSalesOrder(ctx context.Context, q Queryer, id int64, lock bool) (*jxc.SalesOrder, error) {
	o, err := getByID[jxc.SalesOrder](ctx, q, salesOrderCols, "sales_orders", "sales order", id, lock)
	if err != nil {
		return nil, err
	}
	return o, q.SelectContext(ctx, &o.Lines, `SELECT `+salesOrderLineCols+` FROM sales_order_lines WHERE order_id = $1 ORDER BY line_no`, id)
}

// fillSalesOrders loads the lines, products, customers and warehouses of a page
// of orders: one query each, never one per order.
func fillSalesOrders(ctx context.Context, q Queryer, asOf jxc.Date, os []*jxc.SalesOrder) error {
	if len(os) == 0 {
		return nil
	}
	ids := make([]int64, len(os))
	byID := map[int64]*jxc.SalesOrder{}
	for i, o := range os {
		ids[i] = o.ID
		byID[o.ID] = o
		if o.Lines == nil {
			o.Lines = []*jxc.SalesOrderLine{}
		}
	}
	var lines []*jxc.SalesOrderLine
	if len(os) > 1 || len(os[0].Lines) == 0 {
		if err := q.SelectContext(ctx, &lines, `SELECT `+salesOrderLineCols+` FROM sales_order_lines WHERE order_id = ANY($1) ORDER BY order_id, line_no`, pq.Array(ids)); err != nil {
			return err
		}
		for _, o := range os {
			o.Lines = o.Lines[:0]
		}
		for _, l := range lines {
			byID[l.OrderID].Lines = append(byID[l.OrderID].Lines, l)
		}
	}
	r := refLoader{}
	var cids []int64
	for _, o := range os {
		cids = append(cids, o.CustomerID)
		for _, l := range o.Lines {
			r.want(l.ProductID, o.WarehouseID, nil)
		}
	}
	if err := r.load(ctx, q); err != nil {
		return err
	}
	cs, err := customersByID(ctx, q, asOf, cids)
	if err != nil {
		return err
	}
	for _, o := range os {
		o.Customer = cs[o.CustomerID]
		o.Warehouse = r.warehouses[o.WarehouseID]
		for _, l := range o.Lines {
			l.Product = r.products[l.ProductID]
		}
	}
	return nil
}

func customersByID(ctx context.Context, q Queryer, asOf jxc.Date, ids []int64) (map[int64]*jxc.Customer, error) {
	var cs []*jxc.Customer
	if err := q.SelectContext(ctx, &cs, `SELECT `+customerCols+` FROM customers c WHERE c.id = ANY($2)`, asOf, pq.Array(ids)); err != nil {
		return nil, err
	}
	out := map[int64]*jxc.Customer{}
	for _, c := range cs {
		out[c.ID] = c
	}
	return out, nil
}

// orderDraft checks an order input against the database and prices it:
// every error at once.
type orderDraft struct {
	customer *jxc.Customer
	date     jxc.Date
	channel  jxc.SalesChannel
	region   string
	lines    []*jxc.SalesOrderLine
	net, vat decimal.Decimal
	products map[int64]*jxc.Product
	units    []jxc.UnitChoice // by line
}

func draftOrder(ctx context.Context, tx *Tx, in jxc.SalesOrderInput, es *jxc.Errors) (*orderDraft, error) {
	d := &orderDraft{date: dateOrToday(in.PostingDate, tx)}
	c, err := findCustomer(ctx, tx, in.CustomerID, d.date)
	if err != nil {
		if jxc.ErrorCode(err) != jxc.ENOTFOUND {
			return nil, err
		}
		es.Add(jxc.ENOTFOUND, "input.customerId", "no such customer")
	} else if !c.Active {
		es.Add(jxc.EINVALID, "input.customerId", "customer {customer} is inactive", jxc.P{"customer": c.Code})
	}
	d.customer = c
	if c != nil {
		d.channel, d.region = c.Channel, c.Region
	}
	if in.Channel != nil {
		d.channel = *in.Channel
	}
	if in.Region != nil {
		d.region = *in.Region
	}
	if in.WarehouseID != nil {
		var wh struct {
			Active sql.NullBool `db:"active"`
			Label  string       `db:"label"`
		}
		if err := tx.GetContext(ctx, &wh, `SELECT active, code || ' ' || name AS label FROM warehouses WHERE id = $1`, *in.WarehouseID); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		if !wh.Active.Valid {
			es.Add(jxc.ENOTFOUND, "input.warehouseId", "no such warehouse")
		} else if !wh.Active.Bool {
			es.Add(jxc.EINVALID, "input.warehouseId", "warehouse {warehouse} is inactive", jxc.P{"warehouse": wh.Label})
		}
	}
	if err := checkPeriodOpen(ctx, tx, es, "input.postingDate", d.date); err != nil {
		return nil, err
	}
	if err := checkDateYears(ctx, tx, es, "input.promisedDate", "the promised date", in.PromisedDate); err != nil {
		return nil, err
	}
	ids := make([]int64, len(in.Lines))
	for i, l := range in.Lines {
		ids[i] = l.ProductID
	}
	ps, err := productRefs(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	d.products = ps
	if d.units, err = salesLineUnits(ctx, tx, es, in); err != nil {
		return nil, err
	}
	d.net, d.vat = decimal.Zero, decimal.Zero
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		p := ps[l.ProductID]
		if p == nil {
			es.Add(jxc.ENOTFOUND, f+"productId", "no such product")
			continue
		} else if !p.Active {
			es.Add(jxc.EINVALID, f+"productId", "product {product} is inactive", jxc.P{"product": p.SKU})
		}
		// The list price is per stock unit; a line in another unit costs its factor of them.
		price, disc, rate := p.SellPrice.Mul(d.units[i].FactorOrOne()), decimal.Zero, p.VATRate
		if l.UnitPrice != nil {
			price = *l.UnitPrice
		}
		if l.DiscountRate != nil {
			disc = *l.DiscountRate
		}
		if l.VATRate != nil {
			rate = *l.VATRate
		}
		net, vat := jxc.PriceLine(l.Quantity, price, disc, rate)
		jxc.CheckDerivedAmount(es, f+"quantity", "the line's amount with VAT", net.Add(vat))
		d.lines = append(d.lines, &jxc.SalesOrderLine{LineNo: i + 1, ProductID: l.ProductID, Quantity: l.Quantity, UnitPrice: price,
			DiscountRate: disc, VATRate: rate, NetAmount: net, VATAmount: vat, Product: p})
		d.net, d.vat = d.net.Add(net), d.vat.Add(vat)
	}
	jxc.CheckDerivedAmount(es, "input.lines", "the order's total with VAT", d.net.Add(d.vat))
	return d, nil
}

// CreateSalesOrder implements jxc.SalesService.
func (s *SalesService) CreateSalesOrder(ctx context.Context, in jxc.SalesOrderInput) (*jxc.SalesOrder, error) {
	var es jxc.Errors
	if err := jxc.ValidateSalesOrderInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	id, err := s.write(ctx, jxc.Op{Name: "createSalesOrder", Key: in.IdempotencyKey, Input: in}, func(tx *Tx) error {
		es := es
		var id int64
		var number string
		d, err := draftOrder(ctx, tx, in, &es)
		if err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		promised := d.date.AddDays(jxc.DefaultPromiseDays)
		if in.PromisedDate != nil {
			if in.PromisedDate.Before(d.date) {
				return jxc.FieldErrorf(jxc.EINVALID, "input.promisedDate", "the promised date {promised} is before the order date {date}", jxc.P{"promised": *in.PromisedDate, "date": d.date})
			}
			promised = *in.PromisedDate
		}
		if err := tx.QueryRowxContext(ctx, `INSERT INTO sales_orders (customer_id, channel, region, warehouse_id, warehouse_override,
			posting_date, promised_date, notes, net_amount, vat_amount, total_amount, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $13, $7, $8, $9, $10, $11, $12, $12) RETURNING id, number`,
			in.CustomerID, d.channel, d.region, in.WarehouseID, in.WarehouseID != nil, d.date, jxc.Deref(in.Notes),
			d.net, d.vat, d.net.Add(d.vat), userID(ctx), tx.Now, promised).Scan(&id, &number); err != nil {
			return domainError(err, "input")
		}
		// One statement for all the lines: round trips, not rows, are what
		// a posting pays for.
		n := len(d.lines)
		nos, pids := make([]int64, n), make([]int64, n)
		qty, price, disc, rate, net, vat := make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n),
			make([]decimal.Decimal, n), make([]decimal.Decimal, n), make([]decimal.Decimal, n)
		for i, l := range d.lines {
			nos[i], pids[i], qty[i], price[i], disc[i], rate[i], net[i], vat[i] = int64(l.LineNo), l.ProductID, l.Quantity, l.UnitPrice,
				l.DiscountRate, l.VATRate, l.NetAmount, l.VATAmount
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sales_order_lines (order_id, line_no, product_id, quantity, unit_price,
			discount_rate, vat_rate, net_amount, vat_amount)
			SELECT $1, t.* FROM unnest($2::int[], $3::bigint[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[]) AS t`,
			id, pq.Array(nos), pq.Array(pids), pq.Array(decStrings(qty)), pq.Array(decStrings(price)), pq.Array(decStrings(disc)),
			pq.Array(decStrings(rate)), pq.Array(decStrings(net)), pq.Array(decStrings(vat))); err != nil {
			return domainError(err, "input.lines")
		}
		if err := setSalesLineUnits(ctx, tx, id, d.units); err != nil {
			return err
		}
		tx.Produced(jxc.RecordSalesOrder, id, number, jxc.AuditCreate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.orderResult(ctx, id)
}

// CancelSalesOrder implements jxc.SalesService.
func (s *SalesService) CancelSalesOrder(ctx context.Context, id int64) (*jxc.SalesOrder, error) {
	return s.endOrder(ctx, jxc.Op{Name: "cancelSalesOrder"}, id, jxc.ActionCancel, jxc.OrderCancelled)
}

// CloseSalesOrder implements jxc.SalesService: a shipped or partly shipped
// order is closed; what it still held reserved goes back to stock.
func (s *SalesService) CloseSalesOrder(ctx context.Context, id int64) (*jxc.SalesOrder, error) {
	return s.endOrder(ctx, jxc.Op{Name: "closeSalesOrder"}, id, jxc.ActionClose, jxc.OrderClosed)
}

func (s *SalesService) endOrder(ctx context.Context, op jxc.Op, id int64, a jxc.OrderAction, to jxc.SalesOrderStatus) (*jxc.SalesOrder, error) {
	return s.orderAction(ctx, op, id, a, string(a), func(tx *Tx, o *jxc.SalesOrder, c *jxc.Customer) error {
		if err := releaseReservations(ctx, tx, o); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sales_orders SET status = $2, updated_at = $3 WHERE id = $1`, o.ID, to, tx.Now); err != nil {
			return err
		}
		return publishReceivable(ctx, tx, c.ID)
	})
}

// orderAction runs one action on a sales order in one write: it locks the
// order and its customer, refuses the action when the order's status does
// not allow it, records it (audit) and runs do; the result is the order as
// it then stands.
func (s *SalesService) orderAction(ctx context.Context, op jxc.Op, id int64, a jxc.OrderAction, audit string,
	do func(tx *Tx, o *jxc.SalesOrder, c *jxc.Customer) error) (*jxc.SalesOrder, error) {
	_, err := s.write(ctx, op, func(tx *Tx) error {
		o, c, err := lockOrderForCustomer(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := jxc.CanOrder(o.Status, a); err != nil {
			return err
		}
		tx.Produced(jxc.RecordSalesOrder, o.ID, o.Number, audit)
		return do(tx, o, c)
	})
	if err != nil {
		return nil, err
	}
	return s.orderResult(ctx, id)
}

func (s *SalesService) orderResult(ctx context.Context, id int64) (*jxc.SalesOrder, error) {
	if s.lean {
		o := &jxc.SalesOrder{ID: id}
		return o, s.db.GetContext(ctx, &o.Status, `SELECT status FROM sales_orders WHERE id = $1`, id)
	}
	return s.FindSalesOrderByID(ctx, id)
}

// FindSalesOrderByID implements jxc.SalesService.
func (s *SalesService) FindSalesOrderByID(ctx context.Context, id int64) (*jxc.SalesOrder, error) {
	return salesDocument(ctx, s.db, func(tx *Tx) (*jxc.SalesOrder, error) { return findSalesOrder(ctx, tx, id, false) }, fillSalesOrders)
}

// docWhere is the WHERE of a list of sales documents: f's customer, dates
// (on dateCol) and search, which matches part of the number, of any of
// searchCols, or of the customer's code or name.
func docWhere(f jxc.SalesDocumentFilter, dateCol string, searchCols ...string) *where {
	var w where
	if f.CustomerID != nil {
		w.add(`customer_id = %s`, *f.CustomerID)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		cond := `(number ILIKE %[1]s`
		for _, c := range searchCols {
			cond += ` OR ` + c + ` ILIKE %[1]s`
		}
		w.add(cond+` OR customer_id IN (SELECT id FROM customers WHERE code ILIKE %[1]s OR name ILIKE %[1]s))`, likePattern(*f.Search))
	}
	if f.DateFrom != nil {
		w.add(dateCol+` >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(dateCol+` <= %s`, *f.DateTo)
	}
	return &w
}

// FindSalesOrders implements jxc.SalesService, newest first.
func (s *SalesService) FindSalesOrders(ctx context.Context, f jxc.SalesOrderFilter, o *jxc.SalesOrderOrder, p jxc.PageArgs) (*jxc.Page[*jxc.SalesOrder], error) {
	w := docWhere(f.Doc(), "posting_date")
	anyOf(w, "status", f.Status)
	if f.OrderID != nil {
		w.add(`id = %s`, *f.OrderID)
	}
	return salesPage(ctx, s.db, p, salesOrderCols, "sales_orders", w, orderBy(o, salesOrderOrders, "id", "posting_date DESC, id DESC"), fillSalesOrders)
}

// FindSalesOrdersByCustomer implements jxc.SalesService: a page of each
// customer's orders, newest first, read for every customer at once.
func (s *SalesService) FindSalesOrdersByCustomer(ctx context.Context, customerIDs []int64, o jxc.Sorter, p jxc.PageArgs) (map[int64]*jxc.Page[*jxc.SalesOrder], error) {
	return salesChildPages(ctx, s.db, p, customerIDs, "customer_id", salesOrderCols, "sales_orders", orderBy(o, salesOrderOrders, "id", "posting_date DESC, id DESC"),
		func(o *jxc.SalesOrder) int64 { return o.CustomerID }, fillSalesOrders)
}

// FindReplenishmentNeeds implements jxc.SalesService, oldest first.
func (s *SalesService) FindReplenishmentNeeds(ctx context.Context, f jxc.ReplenishmentNeedFilter, o *jxc.ReplenishmentNeedOrder, p jxc.PageArgs) (*jxc.Page[*jxc.ReplenishmentNeed], error) {
	var w where
	anyOf(&w, "n.status", f.Status)
	if f.ProductID != nil {
		w.add(`n.product_id = %s`, *f.ProductID)
	}
	if f.WarehouseID != nil {
		w.add(`n.warehouse_id = %s`, *f.WarehouseID)
	}
	pg, err := page[*jxc.ReplenishmentNeed](ctx, s.db, p, `n.id, n.product_id, n.warehouse_id, n.quantity, l.order_id AS sales_order_id,
		n.sales_order_line_id, n.status, n.created_at, n.covered_at, o.number AS order_number`,
		`replenishment_needs n JOIN sales_order_lines l ON l.id = n.sales_order_line_id JOIN sales_orders o ON o.id = l.order_id`,
		&w, orderBy(o, replenishmentNeedOrders, "n.id", "n.id"))
	if err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, n := range pg.Items {
		r.want(n.ProductID, n.WarehouseID, nil)
	}
	if err := r.load(ctx, s.db); err != nil {
		return nil, err
	}
	for _, n := range pg.Items {
		n.Product, n.Warehouse, _ = r.get(n.ProductID, n.WarehouseID, nil)
	}
	return pg, nil
}

// ValidateSalesOrder implements jxc.SalesService: a dry run of create and
// confirm that reports every violation at once and writes nothing (its
// transaction is read-only and always rolled back).
func (s *SalesService) ValidateSalesOrder(ctx context.Context, in jxc.SalesOrderInput) (*jxc.SalesOrderValidation, error) {
	var es jxc.Errors
	if err := jxc.ValidateSalesOrderInput(in); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	out := &jxc.SalesOrderValidation{}
	x, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer x.Rollback()
	tx := &Tx{Tx: x, Now: s.db.Now()}
	d, err := draftOrder(ctx, tx, in, &es)
	if err != nil {
		return nil, err
	}
	out.NetAmount, out.VATAmount, out.TotalAmount = d.net, d.vat, d.net.Add(d.vat)
	if d.customer != nil {
		cc, err := creditCheck(ctx, tx, d.customer, d.date, out.TotalAmount, 0)
		if err != nil {
			return nil, err
		}
		if out.HoldReason = cc.HoldReason(); out.HoldReason != "" {
			es.Add(jxc.ECONFLICT, "input.customerId", "customer {customer}: the order would be put on credit hold: {reason}", jxc.P{
				"customer": d.customer.Code, "reason": cc.HoldPhrase(), "limit": cc.Limit, "exposure": cc.Exposure, "order": cc.OrderTotal, "overdue": cc.Overdue})
		}
	}
	if len(d.lines) > 0 {
		wid := jxc.Deref(in.WarehouseID)
		if in.WarehouseID == nil {
			cands, err := candidates(ctx, tx, d.lines)
			if err != nil {
				return nil, err
			}
			if id, ok := jxc.ChooseWarehouse(d.region, cands); ok {
				wid = id
			}
		}
		if wid != 0 {
			out.WarehouseID = &wid
			var whLabel string
			if err := tx.GetContext(ctx, &whLabel, `SELECT code || ' ' || name FROM warehouses WHERE id = $1`, wid); err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, err
			}
			var bals []jxc.StockBalance
			pids := make([]int64, len(d.lines))
			for i, l := range d.lines {
				pids[i] = l.ProductID
			}
			if err := tx.SelectContext(ctx, &bals, `SELECT product_id, warehouse_id, on_hand, reserved, value FROM stock_balances
				WHERE warehouse_id = $1 AND product_id = ANY($2)`, wid, pq.Array(pids)); err != nil {
				return nil, err
			}
			byP := map[int64]jxc.StockBalance{}
			for _, b := range bals {
				byP[b.ProductID] = b
			}
			set, err := companySettings(ctx, tx)
			if err != nil {
				return nil, err
			}
			// Below cost is a warning for whoever may confirm it anyway, and
			// the refusal confirm will give for anyone else.
			belowCostOK := jxc.BelowCostSaleAllowed(set, jxc.UserFromContext(ctx))
			used := map[int64]decimal.Decimal{}
			for i, l := range d.lines {
				f := fmt.Sprintf("input.lines.%d.", i)
				b := byP[l.ProductID]
				// Stock is in the stock unit: a line of 1 box of 10 needs 10.
				q := l.Quantity
				if i < len(d.units) {
					q = q.Mul(d.units[i].FactorOrOne())
				}
				avail := decimal.Max(b.Available().Sub(used[l.ProductID]), decimal.Zero)
				used[l.ProductID] = used[l.ProductID].Add(decimal.Min(avail, q))
				if q.GreaterThan(avail) {
					miss := q.Sub(avail)
					out.Shortages = append(out.Shortages, &jxc.Shortage{LineNo: l.LineNo, ProductID: l.ProductID, Requested: q, Available: avail, Missing: miss})
					es.Add(jxc.ECONFLICT, f+"quantity", "only {available} of {product} available in warehouse {warehouse}; {missing} would be recorded as a replenishment need",
						jxc.P{"available": avail, "product": l.Product.SKU, "warehouse": whLabel, "missing": miss, "requested": q})
				}
				if l.UnitPrice.IsZero() {
					es.Add(jxc.EINVALID, f+"unitPrice", "{product} has no price: give a unit price or set the product's sell price", jxc.P{"product": l.Product.SKU})
				} else if cost := b.AverageCost(); cost.Sign() > 0 {
					netUnit := jxc.NetUnitPrice(l.UnitPrice, l.DiscountRate)
					if netUnit.LessThan(cost) && belowCostOK {
						es.Add(jxc.EINVALID, f+"unitPrice", "net price {price} is below the average cost {cost} of {product}",
							jxc.P{"price": jxc.Money(netUnit), "cost": jxc.Money(cost), "product": l.Product.SKU})
					} else if netUnit.LessThan(cost) {
						es.Add(jxc.EPERMISSION, f+"unitPrice", "net price {price} is below the average cost {cost} of {product}; selling below cost needs a manager to confirm the order",
							jxc.P{"price": jxc.Money(netUnit), "cost": jxc.Money(cost), "product": l.Product.SKU})
					}
				}
			}
		}
	}
	out.Violations = es
	return out, nil
}

// sortedIDs returns ids ascending without duplicates.
func sortedIDs(ids []int64) []int64 {
	out := append([]int64(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	n := 0
	for i, id := range out {
		if i == 0 || id != out[n-1] {
			out[n] = id
			n++
		}
	}
	return out[:n]
}
