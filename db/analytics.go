package db

import (
	"context"

	"github.com/jxcgraph/jxc"
)

// AnalyticsService implements jxc.AnalyticsService.
type AnalyticsService struct{ db *DB }

// NewAnalyticsService returns the analytics service on db.
func NewAnalyticsService(db *DB) *AnalyticsService { return &AnalyticsService{db: db} }

var _ jxc.AnalyticsService = (*AnalyticsService)(nil)

// SalesByMonth implements jxc.AnalyticsService from the per-day account
// balances: revenue (6001) and cost of goods sold (6401) per month.
func (s *AnalyticsService) SalesByMonth(ctx context.Context, from, to jxc.Date) ([]*jxc.MonthlySales, error) {
	if err := jxc.ValidatePeriodRange(from, to, "from", "to"); err != nil {
		return nil, err
	}
	var out []*jxc.MonthlySales
	// Closing vouchers (and their reversals) carry income and expense to
	// 3103 at a closed month's end: taken out again, as the KPIs do, each
	// month shows its business.
	err := s.db.SelectContext(ctx, &out, `WITH rows AS (
			SELECT day, account_code, debit, credit FROM account_daily WHERE day BETWEEN $1 AND $2
			UNION ALL
			SELECT e.posting_date, l.account_code, l.credit, l.debit
			FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
			WHERE e.source_type = 'CLOSING' AND e.posting_date BETWEEN $1 AND $2
		)
		SELECT to_char(day, 'YYYY-MM') AS month,
			coalesce(sum(credit - debit) FILTER (WHERE account_code = $3 OR account_code LIKE $3 || '.%'), 0) AS sales,
			coalesce(sum(debit - credit) FILTER (WHERE account_code = $4 OR account_code LIKE $4 || '.%'), 0) AS cogs,
			coalesce(sum(credit - debit) FILTER (WHERE account_code = $3 OR account_code LIKE $3 || '.%'), 0)
			  - coalesce(sum(debit - credit) FILTER (WHERE account_code = $4 OR account_code LIKE $4 || '.%'), 0) AS gross_profit
		FROM rows
		GROUP BY 1 ORDER BY 1`, from, to, jxc.AccountRevenue, jxc.AccountCOGS)
	for _, m := range out {
		if !m.Sales.IsZero() {
			g := jxc.DivRound(m.GrossProfit, m.Sales, 4)
			m.GrossMargin = &g
		}
	}
	return out, err
}

// TopSellers implements jxc.AnalyticsService from the invoice lines of the
// period, net of discounts.
func (s *AnalyticsService) TopSellers(ctx context.Context, from, to jxc.Date, by jxc.TopSellersBy, limit int) ([]*jxc.TopSeller, error) {
	if err := jxc.ValidatePeriodRange(from, to, "from", "to"); err != nil {
		return nil, err
	}
	if limit < 1 || limit > 100 {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "limit", "limit must be 1 to 100")
	}
	var key, label, labelEn string
	switch by {
	case jxc.TopByProduct:
		key, label, labelEn = `p.id::text`, `p.sku || ' ' || p.name`, `p.sku || ' ' || coalesce(nullif(p.name_en, ''), p.name)`
	case jxc.TopByCategory:
		key, label, labelEn = `coalesce(c.id::text, '')`, `coalesce(c.name, '')`, `coalesce(c.name_en, '')`
	default:
		return nil, jxc.FieldErrorf(jxc.EINVALID, "by", "rank by PRODUCT or CATEGORY")
	}
	var out []*jxc.TopSeller
	err := s.db.SelectContext(ctx, &out, `SELECT `+key+` AS key, `+label+` AS label, `+labelEn+` AS label_en,
			sum(l.quantity) AS units, sum(l.net_amount) AS revenue
		FROM sales_invoice_lines l JOIN sales_invoices i ON i.id = l.invoice_id
		JOIN products p ON p.id = l.product_id LEFT JOIN categories c ON c.id = p.category_id
		WHERE i.posting_date BETWEEN $1 AND $2
		GROUP BY 1, 2, 3 ORDER BY revenue DESC, key LIMIT $3`, from, to, limit)
	return out, err
}

// SlowMovingStock implements jxc.AnalyticsService.
func (s *AnalyticsService) SlowMovingStock(ctx context.Context, asOf jxc.Date, days, limit int) ([]*jxc.SlowMover, error) {
	var es jxc.Errors
	if days < 1 || days > 3650 {
		es.Add(jxc.EINVALID, "days", "days must be 1 to 3650")
	}
	if limit < 1 || limit > 200 {
		es.Add(jxc.EINVALID, "first", "first must be 1 to 200")
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	var out []*jxc.SlowMover
	err := s.db.SelectContext(ctx, &out, `SELECT b.product_id, b.warehouse_id, p.sku, p.name, w.name AS warehouse, b.on_hand, b.value,
			(SELECT max(m.posting_date) FROM stock_moves m WHERE m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id
			   AND m.source_type = 'SHIPMENT' AND m.posting_date <= $1) AS last_sale_date
		FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id
		WHERE b.on_hand > 0 AND NOT EXISTS (SELECT 1 FROM stock_moves m WHERE m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id
			AND m.source_type = 'SHIPMENT' AND m.posting_date > $1::date - $2::int AND m.posting_date <= $1)
		ORDER BY b.value DESC, b.product_id, b.warehouse_id LIMIT $3`, asOf, days, limit)
	return out, err
}
