package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// WorkbenchService implements jxc.WorkbenchService: each role's to-do
// list, read from the documents themselves (nothing is stored for it).
type WorkbenchService struct {
	db         *DB
	purchasing *PurchasingService
	ledger     *LedgerService
}

// NewWorkbenchService returns the workbench on db.
func NewWorkbenchService(db *DB) *WorkbenchService {
	return &WorkbenchService{db: db, purchasing: NewPurchasingService(db), ledger: NewLedgerService(db)}
}

var _ jxc.WorkbenchService = (*WorkbenchService)(nil)

// wbRow is one to-do line as a section's query returns it; a and b are
// the query's own parameters of the line's reason.
type wbRow struct {
	ID       string           `db:"id"`
	Number   string           `db:"number"`
	Partner  string           `db:"partner"`
	Title    string           `db:"title"`
	Date     *jxc.Date        `db:"date"`
	Quantity *decimal.Decimal `db:"quantity"`
	Amount   *decimal.Decimal `db:"amount"`
	A        string           `db:"a"`
	B        string           `db:"b"`
	Late     int              `db:"late"`
	Tmpl     *string          `db:"tmpl"`
	Params   jxc.StoredParams `db:"params"`
	Plain    string           `db:"plain"`
	Total    int              `db:"total"`
}

// The sections' queries. Each returns its lines in the order they are
// worked, with the total number of lines in `total`; $1 is the limit and
// $2 today in the company's time zone.
const (
	wbHoldsQuery = `SELECT o.id::text AS id, o.number, c.code || ' ' || c.name AS partner, o.posting_date AS date, o.total_amount AS amount,
		o.hold_reason_template AS tmpl, o.hold_reason_params AS params, coalesce(o.hold_reason, '') AS plain, count(*) OVER () AS total
		FROM sales_orders o JOIN customers c ON c.id = o.customer_id
		WHERE o.status = 'ON_HOLD' AND $2::date IS NOT NULL ORDER BY o.posting_date, o.id LIMIT $1`
	wbDraftOrdersQuery = `SELECT o.id::text AS id, o.number, c.code || ' ' || c.name AS partner, o.posting_date AS date, o.total_amount AS amount,
		o.promised_date::text AS a, count(*) OVER () AS total
		FROM sales_orders o JOIN customers c ON c.id = o.customer_id
		WHERE o.status = 'DRAFT' AND $2::date IS NOT NULL ORDER BY o.promised_date, o.id LIMIT $1`
	wbShortagesQuery = `SELECT o.id::text AS id, o.number, c.code || ' ' || c.name AS partner, p.sku || ' ' || p.name AS title,
		n.created_at::date AS date, n.quantity, w.code || ' ' || w.name AS a, count(*) OVER () AS total
		FROM replenishment_needs n JOIN sales_order_lines l ON l.id = n.sales_order_line_id JOIN sales_orders o ON o.id = l.order_id
		JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = n.product_id JOIN warehouses w ON w.id = n.warehouse_id
		WHERE n.status = 'OPEN' AND $2::date IS NOT NULL ORDER BY n.created_at, n.id LIMIT $1`
	wbPendingShipmentsQuery = `SELECT s.id::text AS id, s.number, c.code || ' ' || c.name AS partner, w.code || ' ' || w.name AS title,
		o.promised_date AS date, (SELECT sum(quantity) FROM shipment_lines WHERE shipment_id = s.id) AS quantity, o.number AS a,
		greatest($2::date - o.promised_date, 0) AS late, count(*) OVER () AS total
		FROM shipments s JOIN sales_orders o ON o.id = s.order_id JOIN customers c ON c.id = s.customer_id JOIN warehouses w ON w.id = s.warehouse_id
		WHERE s.status = 'PENDING' ORDER BY o.promised_date, s.id LIMIT $1`
	// Open orders (approved, partly received) whose expected date is the
	// bound; RECEIPTS_DUE takes expected <= today, LATE_DELIVERIES < today.
	wbOpenOrdersQuery = `SELECT o.id::text AS id, o.number, s.code || ' ' || s.name AS partner, w.code || ' ' || w.name AS title,
		o.expected_date AS date, sum((l.quantity - l.received_qty) * l.unit_factor) AS quantity, sum(round(l.quantity * l.unit_price, 2)) AS amount,
		$2::date - o.expected_date AS late, count(*) OVER () AS total
		FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN warehouses w ON w.id = o.warehouse_id
		JOIN purchase_order_lines l ON l.purchase_order_id = o.id
		WHERE o.status IN ('APPROVED', 'PARTIALLY_RECEIVED') AND o.expected_date <= $2::date - $3::int
		GROUP BY o.id, s.code, s.name, w.code, w.name ORDER BY o.expected_date, o.id LIMIT $1`
	wbLowStockQuery = `SELECT p.id::text AS id, p.sku AS number, p.name AS title, b.on_hand - b.reserved AS quantity,
		w.code || ' ' || w.name AS a, p.reorder_point::text AS b, count(*) OVER () AS total
		FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id
		WHERE p.active AND w.active AND p.reorder_point > 0 AND b.on_hand - b.reserved < p.reorder_point AND $2::date IS NOT NULL
		ORDER BY (b.on_hand - b.reserved) / p.reorder_point, p.sku, w.code LIMIT $1`
	// Purchase orders of one status ($3) with their net value.
	wbOrdersOfStatusQuery = `SELECT o.id::text AS id, o.number, s.code || ' ' || s.name AS partner, w.code || ' ' || w.name AS title,
		o.order_date AS date, coalesce(sum(round(l.quantity * l.unit_price, 2)), 0) AS amount, o.expected_date::text AS a,
		coalesce(o.submitted_at::date::text, '') AS b, count(*) OVER () AS total
		FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN warehouses w ON w.id = o.warehouse_id
		LEFT JOIN purchase_order_lines l ON l.purchase_order_id = o.id
		WHERE o.status = $3 AND $2::date IS NOT NULL
		GROUP BY o.id, s.code, s.name, w.code, w.name ORDER BY o.order_date, o.id LIMIT $1`
	// A supplier's latest price of a product above the one before it,
	// set in the last 30 days.
	wbPriceRisesQuery = `WITH h AS (
			SELECT h.*, lag(h.price) OVER (PARTITION BY h.supplier_id, h.product_id ORDER BY h.price_date, h.id) AS prev,
				row_number() OVER (PARTITION BY h.supplier_id, h.product_id ORDER BY h.price_date DESC, h.id DESC) AS rn
			FROM supplier_price_history h)
		SELECT coalesce(o.id::text, p.id::text) AS id, coalesce(o.number, p.sku) AS number, s.code || ' ' || s.name AS partner,
			p.sku || ' ' || p.name AS title, h.price_date AS date, round(h.prev, 2)::text AS a, round(h.price, 2)::text AS b,
			CASE WHEN o.id IS NULL THEN 0 ELSE 1 END AS late, count(*) OVER () AS total
		FROM h JOIN suppliers s ON s.id = h.supplier_id JOIN products p ON p.id = h.product_id
		LEFT JOIN purchase_orders o ON o.id = h.purchase_order_id
		WHERE h.rn = 1 AND h.prev IS NOT NULL AND h.price > h.prev AND h.price_date > $2::date - 30
		ORDER BY h.price_date DESC, h.id DESC LIMIT $1`
	wbMismatchesQuery = `SELECT i.id::text AS id, i.number, s.code || ' ' || s.name AS partner, i.invoice_date AS date,
		i.total_amount - i.paid_amount AS amount, jsonb_array_length(i.match_issues)::text AS a,
		coalesce(o.number, '') AS b, count(*) OVER () AS total
		FROM supplier_invoices i JOIN suppliers s ON s.id = i.supplier_id LEFT JOIN purchase_orders o ON o.id = i.purchase_order_id
		WHERE i.status = 'ON_HOLD' AND $2::date IS NOT NULL ORDER BY i.invoice_date, i.id LIMIT $1`
	wbPaymentsDueQuery = `SELECT i.id::text AS id, i.number, s.code || ' ' || s.name AS partner, i.due_date AS date,
		i.total_amount - i.paid_amount AS amount, $2::date - i.due_date AS late, count(*) OVER () AS total
		FROM supplier_invoices i JOIN suppliers s ON s.id = i.supplier_id
		WHERE i.status = 'OPEN' AND i.total_amount > i.paid_amount AND i.due_date <= $2::date + 7
		ORDER BY i.due_date, i.id LIMIT $1`
	wbPeriodsQuery = `SELECT p.year || '-' || lpad(p.month::text, 2, '0') AS id, p.year || '-' || lpad(p.month::text, 2, '0') AS number,
		(make_date(p.year, p.month, 1) + interval '1 month' - interval '1 day')::date AS date, count(*) OVER () AS total
		FROM fiscal_periods p
		WHERE p.status = 'OPEN' AND make_date(p.year, p.month, 1) < date_trunc('month', $2::date)
		ORDER BY p.year, p.month LIMIT $1`
	// Draft orders with a line whose net price is under the average cost
	// in the order's warehouse: confirming them needs a manager.
	wbBelowCostQuery = `WITH low AS (
			SELECT DISTINCT ON (o.id) o.id, l.line_no, p.sku, round(l.unit_price * (1 - l.discount_rate), 2) AS price,
				round(b.value / b.on_hand, 2) AS cost, count(*) OVER (PARTITION BY o.id) AS lines
			FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
			JOIN stock_balances b ON b.product_id = l.product_id AND b.warehouse_id = o.warehouse_id
			WHERE o.status = 'DRAFT' AND b.on_hand > 0 AND l.unit_price * (1 - l.discount_rate) < b.value / b.on_hand
			ORDER BY o.id, l.line_no)
		SELECT o.id::text AS id, o.number, c.code || ' ' || c.name AS partner, low.sku AS title, o.posting_date AS date, o.total_amount AS amount,
			low.price::text AS a, low.cost::text AS b, low.line_no AS late, count(*) OVER () AS total
		FROM low JOIN sales_orders o ON o.id = low.id JOIN customers c ON c.id = o.customer_id
		WHERE $2::date IS NOT NULL ORDER BY o.posting_date, o.id LIMIT $1`
)

// Workbench implements jxc.WorkbenchService.
func (s *WorkbenchService) Workbench(ctx context.Context, limit int) (*jxc.Workbench, error) {
	if limit < 1 || limit > jxc.WorkbenchLimit {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "limit", "a workbench section lists 1 to {max} lines", jxc.P{"max": jxc.WorkbenchLimit})
	}
	u := jxc.UserFromContext(ctx)
	today := jxc.Today(s.db.Now())
	out := &jxc.Workbench{Sections: []*jxc.WorkbenchSection{}}
	for _, key := range jxc.WorkbenchSectionsFor(u) {
		sec, err := s.section(ctx, key, limit, today)
		if err != nil {
			return nil, fmt.Errorf("workbench section %s: %w", key, err)
		}
		if sec.Items == nil {
			sec.Items = []*jxc.WorkbenchItem{}
		}
		out.Sections = append(out.Sections, sec)
	}
	return out, nil
}

// rows runs one section's query and turns each row into a line.
func (s *WorkbenchService) rows(ctx context.Context, key jxc.WorkbenchSectionKey, limit int, today jxc.Date, query string,
	line func(r *wbRow) *jxc.WorkbenchItem, args ...any) (*jxc.WorkbenchSection, error) {
	var rows []*wbRow
	if err := s.db.SelectContext(ctx, &rows, query, append([]any{limit, today.String()}, args...)...); err != nil {
		return nil, err
	}
	sec := &jxc.WorkbenchSection{Key: key}
	for _, r := range rows {
		sec.Count = r.Total
		sec.Items = append(sec.Items, line(r))
	}
	return sec, nil
}

func item(kind jxc.WorkbenchItemKind, r *wbRow) *jxc.WorkbenchItem {
	return &jxc.WorkbenchItem{Kind: kind, ID: r.ID, Number: r.Number, Partner: r.Partner, Title: r.Title, Date: r.Date, Quantity: r.Quantity}
}

func (s *WorkbenchService) section(ctx context.Context, key jxc.WorkbenchSectionKey, limit int, today jxc.Date) (*jxc.WorkbenchSection, error) {
	switch key {
	case jxc.WorkbenchCreditHolds, jxc.WorkbenchHoldsToRelease:
		return s.rows(ctx, key, limit, today, wbHoldsQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemSalesOrder, r)
			it.CustomerAmount = r.Amount
			it.Reason = jxc.StoredText(r.Tmpl, r.Params, r.Plain)
			return it
		})
	case jxc.WorkbenchDraftOrders:
		return s.rows(ctx, key, limit, today, wbDraftOrdersQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemSalesOrder, r)
			it.CustomerAmount = r.Amount
			it.Reason = jxc.T("draft, promised for {date}: confirm it to reserve the stock", jxc.P{"date": r.A})
			return it
		})
	case jxc.WorkbenchShortages:
		return s.rows(ctx, key, limit, today, wbShortagesQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemSalesOrder, r)
			it.Reason = jxc.T("{quantity} short in warehouse {warehouse}: waiting for replenishment", jxc.P{"quantity": jxc.Deref(r.Quantity), "warehouse": r.A})
			return it
		})
	case jxc.WorkbenchDeliveriesDue, jxc.WorkbenchShipmentsToPick:
		return s.rows(ctx, key, limit, today, wbPendingShipmentsQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemShipment, r)
			date := ""
			if r.Date != nil {
				date = r.Date.String()
			}
			switch {
			case key == jxc.WorkbenchDeliveriesDue && r.Late > 0:
				it.Reason = jxc.T("{order} was promised for {date}, {days} day(s) ago, and is not shipped yet", jxc.P{"order": r.A, "date": date, "days": r.Late})
			case key == jxc.WorkbenchDeliveriesDue:
				it.Reason = jxc.T("{order} is promised for {date}, not shipped yet", jxc.P{"order": r.A, "date": date})
			case r.Late > 0:
				it.Reason = jxc.T("{order} was promised for {date}, {days} day(s) ago: pick and ship it", jxc.P{"order": r.A, "date": date, "days": r.Late})
			default:
				it.Reason = jxc.T("{order} is promised for {date}: pick and ship it", jxc.P{"order": r.A, "date": date})
			}
			return it
		})
	case jxc.WorkbenchReceiptsDue, jxc.WorkbenchLateDeliveries:
		days := 0
		if key == jxc.WorkbenchLateDeliveries {
			days = 1
		}
		return s.rows(ctx, key, limit, today, wbOpenOrdersQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemPurchaseOrder, r)
			q := jxc.Deref(r.Quantity)
			switch {
			case key == jxc.WorkbenchLateDeliveries:
				it.PurchaseAmount = r.Amount
				it.Reason = jxc.T("expected {days} day(s) ago; {quantity} still to receive", jxc.P{"days": r.Late, "quantity": q})
			case r.Late > 0:
				it.Reason = jxc.T("expected {days} day(s) ago; {quantity} still to receive", jxc.P{"days": r.Late, "quantity": q})
			default:
				it.Reason = jxc.T("expected today; {quantity} to receive", jxc.P{"quantity": q})
			}
			return it
		}, days)
	case jxc.WorkbenchLowStock:
		return s.rows(ctx, key, limit, today, wbLowStockQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemProduct, r)
			it.Reason = jxc.T("{available} available in warehouse {warehouse}, under the reorder point {reorderPoint}",
				jxc.P{"available": jxc.Deref(r.Quantity), "warehouse": r.A, "reorderPoint": decimal.RequireFromString(r.B)})
			return it
		})
	case jxc.WorkbenchSuggestions:
		return s.suggestions(ctx, limit)
	case jxc.WorkbenchOrdersToSubmit:
		return s.rows(ctx, key, limit, today, wbOrdersOfStatusQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemPurchaseOrder, r)
			it.PurchaseAmount = r.Amount
			it.Reason = jxc.T("draft, expected {date}: submit it for approval", jxc.P{"date": r.A})
			return it
		}, string(jxc.PODraft))
	case jxc.WorkbenchOrderApprovals:
		set, err := companySettings(ctx, s.db)
		if err != nil {
			return nil, err
		}
		return s.rows(ctx, key, limit, today, wbOrdersOfStatusQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemPurchaseOrder, r)
			it.PurchaseAmount = r.Amount
			if set.OrderApprovalByOther && r.Amount != nil && r.Amount.GreaterThan(set.OrderSelfApprovalLimit) {
				it.Reason = jxc.T("submitted {date}; {net} net is above the self-approval limit {limit}: a manager approves it",
					jxc.P{"date": r.B, "net": jxc.Money(*r.Amount), "limit": jxc.Money(set.OrderSelfApprovalLimit)})
			} else {
				it.Reason = jxc.T("submitted {date}: waiting for approval", jxc.P{"date": r.B})
			}
			return it
		}, string(jxc.POSubmitted))
	case jxc.WorkbenchPriceRises:
		return s.rows(ctx, key, limit, today, wbPriceRisesQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemProduct, r)
			if r.Late == 1 {
				it.Kind = jxc.WorkbenchItemPurchaseOrder
			}
			it.Reason = jxc.T("price raised from {oldPrice} to {newPrice}", jxc.P{"oldPrice": r.A, "newPrice": r.B})
			return it
		})
	case jxc.WorkbenchInvoicesToMatch, jxc.WorkbenchMismatchApprovals:
		return s.rows(ctx, key, limit, today, wbMismatchesQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemSupplierInvoice, r)
			it.SupplierAmount = r.Amount
			it.Reason = jxc.T("{issues} mismatch(es) with order {order} beyond tolerance: approve or correct it", jxc.P{"issues": r.A, "order": r.B})
			return it
		})
	case jxc.WorkbenchPaymentsDue:
		return s.rows(ctx, key, limit, today, wbPaymentsDueQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemSupplierInvoice, r)
			it.SupplierAmount = r.Amount
			switch {
			case r.Late > 0:
				it.Reason = jxc.T("overdue by {days} day(s)", jxc.P{"days": r.Late})
			case r.Late == 0:
				it.Reason = jxc.T("due today")
			default:
				it.Reason = jxc.T("due in {days} day(s)", jxc.P{"days": -r.Late})
			}
			return it
		})
	case jxc.WorkbenchPeriodsToClose:
		return s.rows(ctx, key, limit, today, wbPeriodsQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemFiscalPeriod, r)
			it.Reason = jxc.T("month {period} has ended and is still open: close it", jxc.P{"period": r.Number})
			return it
		})
	case jxc.WorkbenchBelowCostSales:
		set, err := companySettings(ctx, s.db)
		if err != nil {
			return nil, err
		}
		if !set.BelowCostSaleByManager {
			return &jxc.WorkbenchSection{Key: key}, nil
		}
		return s.rows(ctx, key, limit, today, wbBelowCostQuery, func(r *wbRow) *jxc.WorkbenchItem {
			it := item(jxc.WorkbenchItemSalesOrder, r)
			it.CustomerAmount = r.Amount
			it.Reason = jxc.T("line {line} ({product}): net price {price} is below the average cost {cost}; a manager confirms the order",
				jxc.P{"line": r.Late, "product": r.Title, "price": r.A, "cost": r.B})
			return it
		})
	case jxc.WorkbenchBooksCheck:
		return s.booksCheck(ctx, limit)
	}
	return nil, fmt.Errorf("unknown workbench section %s", key)
}

// suggestions are the purchase suggestions, as the suggestions screen
// lists them.
func (s *WorkbenchService) suggestions(ctx context.Context, limit int) (*jxc.WorkbenchSection, error) {
	all, err := s.purchasing.Suggestions(ctx, nil)
	if err != nil {
		return nil, err
	}
	sec := &jxc.WorkbenchSection{Key: jxc.WorkbenchSuggestions, Count: len(all)}
	for _, sg := range all {
		if len(sec.Items) == limit {
			break
		}
		it := &jxc.WorkbenchItem{Kind: jxc.WorkbenchItemProduct, ID: fmt.Sprint(sg.ProductID), Reason: sg.Reason, Quantity: jxc.Ptr(sg.Quantity), Date: sg.ExpectedDate}
		if sg.Product != nil {
			it.Number, it.Title = sg.Product.SKU, sg.Product.Name
		}
		if sg.Warehouse != nil {
			it.Title += " · " + sg.Warehouse.Code + " " + sg.Warehouse.Name
		}
		if sg.Supplier != nil {
			it.Partner = sg.Supplier.Code + " " + sg.Supplier.Name
		}
		sec.Items = append(sec.Items, it)
	}
	return sec, nil
}

// booksCheck lists each broken invariant of the books check as a line.
func (s *WorkbenchService) booksCheck(ctx context.Context, limit int) (*jxc.WorkbenchSection, error) {
	c, err := s.ledger.BooksCheck(ctx)
	if err != nil {
		return nil, err
	}
	sec := &jxc.WorkbenchSection{Key: jxc.WorkbenchBooksCheck}
	add := func(it *jxc.WorkbenchItem) {
		sec.Count++
		if len(sec.Items) < limit {
			sec.Items = append(sec.Items, it)
		}
	}
	for _, v := range c.Violations {
		add(&jxc.WorkbenchItem{Kind: jxc.WorkbenchItemBooksRule, ID: string(v.Rule), Number: string(v.Rule),
			Quantity: jxc.Ptr(decimal.NewFromInt(int64(len(v.Rows)))), Reason: jxc.T(v.Message)})
	}
	if d := c.InventoryDifference(); !d.IsZero() {
		add(&jxc.WorkbenchItem{Kind: jxc.WorkbenchItemBooksRule, ID: "INVENTORY", Number: "INVENTORY",
			Reason: jxc.T("the inventory account differs from the stock ledger's value by {difference}", jxc.P{"difference": jxc.Money(d)})})
	}
	return sec, nil
}
