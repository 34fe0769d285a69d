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

// ScrapService implements jxc.ScrapService: scrap documents (报废) that
// post, on submit or on approval, as a stock adjustment of kind SCRAP
// (expensed to 6711 at moving-average cost), and the slow movers (呆滞).
type ScrapService struct{ db *DB }

// NewScrapService returns the scraps on db.
func NewScrapService(db *DB) *ScrapService { return &ScrapService{db: db} }

var _ jxc.ScrapService = (*ScrapService)(nil)

const scrapCols = `s.id, s.number, s.status, s.scrap_date, s.note, s.receipt_id, s.count_number, s.value, s.stock_document_id,
	s.created_by, s.created_at, s.submitted_at, s.decided_by, s.decided_at, s.reject_reason,
	(SELECT g.number FROM goods_receipts g WHERE g.id = s.receipt_id) AS receipt_number,
	(SELECT u.username FROM users u WHERE u.id = s.created_by) AS created_by_name,
	(SELECT u.username FROM users u WHERE u.id = s.decided_by) AS decided_by_name,
	d.number AS stock_document_number, d.journal_entry_id,
	(SELECT v.voucher_no FROM journal_entries v WHERE v.id = d.journal_entry_id) AS voucher_no`

const scrapFrom = `scraps s LEFT JOIN stock_documents d ON d.id = s.stock_document_id`

// CreateScrap implements jxc.ScrapService.
func (s *ScrapService) CreateScrap(ctx context.Context, in jxc.ScrapInput) (*jxc.Scrap, error) {
	var id int64
	_, err := s.db.Write(ctx, jxc.Op{Name: "createScrap"}, func(tx *Tx) error {
		var es jxc.Errors
		if err := in.Validate(); err != nil {
			es, _ = jxc.AsErrors(err)
		}
		refs := make([]stockRef, len(in.Lines))
		for i, l := range in.Lines {
			refs[i] = stockRef{fmt.Sprintf("input.lines.%d.", i), l.ProductID, l.WarehouseID, l.LocationID}
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return err
		}
		var receiptID *int64
		if in.ReceiptNumber != nil && strings.TrimSpace(*in.ReceiptNumber) != "" {
			var rid int64
			err := tx.GetContext(ctx, &rid, `SELECT id FROM goods_receipts WHERE number = $1`, strings.TrimSpace(*in.ReceiptNumber))
			if errors.Is(err, sql.ErrNoRows) {
				es.Add(jxc.ENOTFOUND, "input.receiptNumber", "no such goods receipt")
			} else if err != nil {
				return err
			}
			receiptID = &rid
		}
		if err := es.Err(); err != nil {
			return err
		}
		date := in.Date
		if date.IsZero() {
			date = jxc.Today(tx.Now)
		}
		var number string
		var err error
		if id, number, err = newNumber(ctx, tx, "scraps", "BF-"); err != nil {
			return err
		}
		var count *string
		if in.CountNumber != nil {
			c := strings.TrimSpace(*in.CountNumber)
			count = &c
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO scraps (id, number, status, scrap_date, note, receipt_id, count_number, created_by, created_at)
			VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6, $7, $8)`, id, number, date, strings.TrimSpace(in.Note), receiptID, count, userID(ctx), tx.Now); err != nil {
			return err
		}
		for i, l := range in.Lines {
			if _, err := tx.ExecContext(ctx, `INSERT INTO scrap_lines (scrap_id, line_no, product_id, warehouse_id, location_id, quantity, reason, note)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, i+1, l.ProductID, l.WarehouseID, l.LocationID, l.Quantity, l.Reason, strings.TrimSpace(l.Note)); err != nil {
				return err
			}
		}
		tx.Produced(jxc.RecordScrap, id, number, jxc.AuditCreate)
		if in.Submit {
			sc, err := lockScrap(ctx, tx, number)
			if err != nil {
				return err
			}
			tx.Audit(jxc.RecordScrap, sc.ID, sc.Number, jxc.AuditSubmit)
			return submitScrap(ctx, tx, sc, "input.")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return findScrapByID(ctx, s.db, id)
}

// lockScrap reads a scrap by number, its row locked to the transaction.
func lockScrap(ctx context.Context, tx *Tx, number string) (*jxc.Scrap, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `SELECT id FROM scraps WHERE number = $1 FOR UPDATE`, strings.TrimSpace(number))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "number", "no scrap {number}", jxc.P{"number": number})
	} else if err != nil {
		return nil, err
	}
	return findScrapByID(ctx, tx, id)
}

// scrapValue values a scrap's lines at the current moving average of
// their balances (what an issue of the quantity would take out now). field
// prefixes the lines' field paths: "input." when they came in the input.
func scrapValue(ctx context.Context, tx *Tx, sc *jxc.Scrap, field string) (decimal.Decimal, []decimal.Decimal, error) {
	total := decimal.Zero
	vals := make([]decimal.Decimal, len(sc.Lines))
	taken := map[jxc.StockKey]decimal.Decimal{}
	var es jxc.Errors
	for i, l := range sc.Lines {
		var b jxc.StockBalance
		err := tx.GetContext(ctx, &b, `SELECT product_id, warehouse_id, on_hand, reserved, value FROM stock_balances WHERE product_id = $1 AND warehouse_id = $2`, l.ProductID, l.WarehouseID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return total, nil, err
		}
		k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: l.WarehouseID}
		if t, ok := taken[k]; ok { // an earlier line of the same balance took its part
			b.Value = b.Value.Sub(b.IssueValue(t))
			b.OnHand = b.OnHand.Sub(t)
		}
		if b.OnHand.LessThan(l.Quantity) {
			es.Add(jxc.ECONFLICT, fmt.Sprintf("%slines.%d.quantity", field, i), "only {onHand} of {product} on hand in warehouse {warehouse}; cannot scrap {quantity}",
				jxc.P{"onHand": b.OnHand.String(), "product": l.Product.SKU, "warehouse": l.Warehouse.Code, "quantity": l.Quantity.String()})
		} else {
			vals[i] = b.IssueValue(l.Quantity)
			// Only what was there is taken: a later line of the balance
			// values from what is left (never from an empty pool).
			taken[k] = taken[k].Add(l.Quantity)
		}
		total = total.Add(vals[i])
	}
	return total, vals, es.Err()
}

// submitScrap posts a draft scrap, or leaves it waiting for approval when
// its value at the current average is above the company's threshold.
func submitScrap(ctx context.Context, tx *Tx, sc *jxc.Scrap, field string) error {
	if sc.Status != jxc.ScrapDraft {
		return jxc.FieldErrorf(jxc.ECONFLICT, "number", "scrap {number} is {status}; only a draft is submitted", jxc.P{"number": sc.Number, "status": string(sc.Status)})
	}
	total, vals, err := scrapValue(ctx, tx, sc, field)
	if err != nil {
		return err
	}
	set, err := scrapSettings(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE scraps SET submitted_at = $2 WHERE id = $1`, sc.ID, tx.Now); err != nil {
		return err
	}
	if jxc.ScrapNeedsApproval(total, set.ApprovalThreshold) {
		for i, l := range sc.Lines {
			if _, err := tx.ExecContext(ctx, `UPDATE scrap_lines SET value = $3 WHERE scrap_id = $1 AND line_no = $2`, sc.ID, l.LineNo, vals[i]); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE scraps SET status = 'PENDING_APPROVAL', value = $2 WHERE id = $1`, sc.ID, total); err != nil {
			return err
		}
		return nil
	}
	return postScrap(ctx, tx, sc, sc.Date)
}

// postScrap posts the scrap's stock adjustment in the caller's transaction
// and keeps the values it was posted at.
func postScrap(ctx context.Context, tx *Tx, sc *jxc.Scrap, date jxc.Date) error {
	ev := sc.Adjustment(date)
	refs := make([]stockRef, len(ev.Lines))
	for i, l := range ev.Lines {
		refs[i] = stockRef{fmt.Sprintf("input.lines.%d.", i), l.ProductID, l.WarehouseID, l.LocationID}
	}
	doc, err := postStockDocument(ctx, tx, &ev, &ev.Date, jxc.DocScrap, ev.Description, refs, func(int) *decimal.Decimal { return nil }, nil)
	if err != nil {
		return err
	}
	total := decimal.Zero
	for i, l := range doc.Lines {
		v := l.Value.Neg()
		total = total.Add(v)
		if _, err := tx.ExecContext(ctx, `UPDATE scrap_lines SET value = $3 WHERE scrap_id = $1 AND line_no = $2`, sc.ID, sc.Lines[i].LineNo, v); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE scraps SET status = 'POSTED', value = $2, stock_document_id = $3 WHERE id = $1`, sc.ID, total, doc.ID)
	return err
}

// SubmitScrap implements jxc.ScrapService.
func (s *ScrapService) SubmitScrap(ctx context.Context, number string) (*jxc.Scrap, error) {
	return s.change(ctx, "submitScrap", number, func(tx *Tx, sc *jxc.Scrap) error {
		tx.Produced(jxc.RecordScrap, sc.ID, sc.Number, jxc.AuditSubmit)
		return submitScrap(ctx, tx, sc, "")
	})
}

// ApproveScrap implements jxc.ScrapService: the scrap posts now, valued at
// the average of this moment.
func (s *ScrapService) ApproveScrap(ctx context.Context, number string) (*jxc.Scrap, error) {
	return s.change(ctx, "approveScrap", number, func(tx *Tx, sc *jxc.Scrap) error {
		if err := jxc.CheckScrapApprover(jxc.UserFromContext(ctx)); err != nil {
			return err
		}
		if sc.Status != jxc.ScrapPendingApproval {
			return jxc.FieldErrorf(jxc.ECONFLICT, "number", "scrap {number} is {status}; only a scrap pending approval is approved", jxc.P{"number": sc.Number, "status": string(sc.Status)})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE scraps SET decided_by = $2, decided_at = $3 WHERE id = $1`, sc.ID, userID(ctx), tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordScrap, sc.ID, sc.Number, jxc.AuditApprove)
		date := jxc.Today(tx.Now)
		if sc.Date.After(date) {
			date = sc.Date
		}
		return postScrap(ctx, tx, sc, date)
	})
}

// RejectScrap implements jxc.ScrapService.
func (s *ScrapService) RejectScrap(ctx context.Context, number, reason string) (*jxc.Scrap, error) {
	return s.change(ctx, "rejectScrap", number, func(tx *Tx, sc *jxc.Scrap) error {
		if err := jxc.CheckScrapApprover(jxc.UserFromContext(ctx)); err != nil {
			return err
		}
		if sc.Status != jxc.ScrapPendingApproval {
			return jxc.FieldErrorf(jxc.ECONFLICT, "number", "scrap {number} is {status}; only a scrap pending approval is rejected", jxc.P{"number": sc.Number, "status": string(sc.Status)})
		}
		var es jxc.Errors
		if r := strings.TrimSpace(reason); r == "" || len([]rune(reason)) > 500 {
			es.Add(jxc.EINVALID, "reason", "give the reason for rejecting (1 to 500 characters)")
		}
		if err := es.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE scraps SET status = 'REJECTED', decided_by = $2, decided_at = $3, reject_reason = $4 WHERE id = $1`,
			sc.ID, userID(ctx), tx.Now, strings.TrimSpace(reason)); err != nil {
			return err
		}
		tx.Produced(jxc.RecordScrap, sc.ID, sc.Number, jxc.AuditCancel)
		return nil
	})
}

func (s *ScrapService) change(ctx context.Context, op, number string, fn func(tx *Tx, sc *jxc.Scrap) error) (*jxc.Scrap, error) {
	var id int64
	_, err := s.db.Write(ctx, jxc.Op{Name: op}, func(tx *Tx) error {
		sc, err := lockScrap(ctx, tx, number)
		if err != nil {
			return err
		}
		id = sc.ID
		return fn(tx, sc)
	})
	if err != nil {
		return nil, err
	}
	return findScrapByID(ctx, s.db, id)
}

// FindScrap implements jxc.ScrapService.
func (s *ScrapService) FindScrap(ctx context.Context, number string) (*jxc.Scrap, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM scraps WHERE number = $1`, strings.TrimSpace(number))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "number", "no scrap {number}", jxc.P{"number": number})
	} else if err != nil {
		return nil, err
	}
	return findScrapByID(ctx, s.db, id)
}

func findScrapByID(ctx context.Context, q Queryer, id int64) (*jxc.Scrap, error) {
	sc := &jxc.Scrap{}
	if err := q.GetContext(ctx, sc, `SELECT `+scrapCols+` FROM `+scrapFrom+` WHERE s.id = $1`, id); err != nil {
		return nil, err
	}
	if err := fillScrapLines(ctx, q, []*jxc.Scrap{sc}); err != nil {
		return nil, err
	}
	return sc, nil
}

func fillScrapLines(ctx context.Context, q Queryer, scs []*jxc.Scrap) error {
	if len(scs) == 0 {
		return nil
	}
	ids := make([]int64, len(scs))
	by := map[int64]*jxc.Scrap{}
	for i, sc := range scs {
		ids[i], by[sc.ID] = sc.ID, sc
		sc.Lines = nil
	}
	var rows []struct {
		ScrapID int64 `db:"scrap_id"`
		jxc.ScrapLine
	}
	if err := q.SelectContext(ctx, &rows, `SELECT scrap_id, line_no, product_id, warehouse_id, location_id, quantity, reason, note, value
		FROM scrap_lines WHERE scrap_id = ANY($1) ORDER BY scrap_id, line_no`, pq.Array(ids)); err != nil {
		return err
	}
	r := refLoader{}
	for _, l := range rows {
		r.want(l.ProductID, l.WarehouseID, l.LocationID)
	}
	if err := r.load(ctx, q); err != nil {
		return err
	}
	for i := range rows {
		l := rows[i].ScrapLine
		l.Product, l.Warehouse, l.Location = r.get(l.ProductID, l.WarehouseID, l.LocationID)
		by[rows[i].ScrapID].Lines = append(by[rows[i].ScrapID].Lines, &l)
	}
	return nil
}

// FindScraps implements jxc.ScrapService.
func (s *ScrapService) FindScraps(ctx context.Context, f jxc.ScrapFilter, o *jxc.ScrapOrder, p jxc.PageArgs) (*jxc.Page[*jxc.Scrap], error) {
	var w where
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(s.number ILIKE %[1]s OR s.note ILIKE %[1]s OR s.id IN (SELECT l.scrap_id FROM scrap_lines l JOIN products p ON p.id = l.product_id
			WHERE p.sku ILIKE %[1]s OR p.name ILIKE %[1]s))`, likePattern(*f.Search))
	}
	if len(f.Statuses) > 0 {
		st := make([]string, len(f.Statuses))
		for i, x := range f.Statuses {
			st[i] = string(x)
		}
		w.add(`s.status = ANY(%s)`, pq.Array(st))
	}
	if f.DateFrom != nil {
		w.add(`s.scrap_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`s.scrap_date <= %s`, *f.DateTo)
	}
	dir, col := "DESC", "s.scrap_date"
	if o != nil {
		dir = o.Direction.SQL()
		switch o.Field {
		case jxc.ScrapOrderNumber:
			col = "s.number"
		case jxc.ScrapOrderValue:
			col = "s.value"
		}
	}
	pg, err := page[*jxc.Scrap](ctx, s.db, p, scrapCols, scrapFrom, &w, col+" "+dir+", s.id "+dir)
	if err != nil {
		return nil, err
	}
	return pg, fillScrapLines(ctx, s.db, pg.Items)
}

func scrapSettings(ctx context.Context, q Queryer) (*jxc.ScrapSettings, error) {
	out := &jxc.ScrapSettings{}
	err := q.GetContext(ctx, out, `SELECT scrap_approval_threshold, slow_mover_days FROM company_settings`)
	return out, err
}

// ScrapSettings implements jxc.ScrapService.
func (s *ScrapService) ScrapSettings(ctx context.Context) (*jxc.ScrapSettings, error) {
	return scrapSettings(ctx, s.db)
}

// UpdateScrapSettings implements jxc.ScrapService.
func (s *ScrapService) UpdateScrapSettings(ctx context.Context, in jxc.ScrapSettingsUpdate) (*jxc.ScrapSettings, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *jxc.ScrapSettings
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateScrapSettings"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordCompanySettings, "settings"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE company_settings SET scrap_approval_threshold = coalesce($1, scrap_approval_threshold),
			slow_mover_days = coalesce($2, slow_mover_days), updated_at = $3, updated_by = $4`, in.ApprovalThreshold, in.SlowMoverDays, tx.Now, userID(ctx)); err != nil {
			return err
		}
		tx.Produced(jxc.RecordCompanySettings, 1, "settings", jxc.AuditUpdate)
		var err error
		out, err = scrapSettings(ctx, tx)
		return err
	})
	return out, err
}

// SetCategorySlowMoverDays implements jxc.ScrapService.
func (s *ScrapService) SetCategorySlowMoverDays(ctx context.Context, categoryID int64, days *int) (*jxc.CategorySlowMoverDays, error) {
	if days != nil {
		var es jxc.Errors
		jxc.CheckSlowMoverDays(&es, "days", *days)
		if err := es.Err(); err != nil {
			return nil, err
		}
	}
	out := &jxc.CategorySlowMoverDays{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "setCategorySlowMoverDays"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordCategory, categoryID); err != nil {
			return err
		}
		err := tx.GetContext(ctx, out, `UPDATE categories SET slow_mover_days = $2 WHERE id = $1 RETURNING id, code, name, slow_mover_days`, categoryID, days)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "categoryId", "no such category")
		} else if err != nil {
			return err
		}
		tx.Produced(jxc.RecordCategory, categoryID, out.Code, jxc.AuditUpdate)
		return nil
	})
	return out, err
}

// CategorySlowMoverDays implements jxc.ScrapService.
func (s *ScrapService) CategorySlowMoverDays(ctx context.Context) ([]*jxc.CategorySlowMoverDays, error) {
	var out []*jxc.CategorySlowMoverDays
	err := s.db.SelectContext(ctx, &out, `SELECT id, code, name, slow_mover_days FROM categories WHERE active ORDER BY code`)
	return out, err
}

// slowMoversSQL: every balance with stock whose last issue (any stock
// out), or first move when never issued, lies at least the category's (or
// the company's) idle days before the day asked about; with its last goods
// receipt into that warehouse.
const slowMoversSQL = `WITH t AS (
	SELECT b.product_id, b.warehouse_id, b.on_hand, b.value,
		(SELECT max(m.posting_date) FROM stock_moves m WHERE m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id AND m.quantity < 0 AND m.posting_date <= $1) AS last_issue,
		(SELECT min(m.posting_date) FROM stock_moves m WHERE m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id) AS first_move,
		coalesce(c.slow_mover_days, cs.slow_mover_days) AS threshold_days,
		r.receipt_date AS last_receipt, r.id AS last_receipt_id, r.number AS last_receipt_number
	FROM stock_balances b JOIN products p ON p.id = b.product_id LEFT JOIN categories c ON c.id = p.category_id CROSS JOIN company_settings cs
	LEFT JOIN LATERAL (SELECT g.id, g.number, g.receipt_date FROM goods_receipts g JOIN goods_receipt_lines gl ON gl.receipt_id = g.id
		WHERE gl.product_id = b.product_id AND g.warehouse_id = b.warehouse_id AND gl.accepted_qty > 0
		ORDER BY g.receipt_date DESC, g.id DESC LIMIT 1) r ON true
	WHERE b.on_hand > 0 AND ($2::bigint IS NULL OR b.warehouse_id = $2) AND ($3::bigint IS NULL OR p.category_id = $3))
SELECT product_id, warehouse_id, on_hand, value, last_issue, coalesce(last_issue, first_move) AS idle_since,
	($1::date - coalesce(last_issue, first_move)) AS idle_days, threshold_days, last_receipt, last_receipt_id, last_receipt_number
FROM t WHERE $1::date - coalesce(last_issue, first_move) >= threshold_days
ORDER BY idle_days DESC, value DESC, product_id, warehouse_id`

// SlowMovers implements jxc.ScrapService.
func (s *ScrapService) SlowMovers(ctx context.Context, f jxc.SlowMoverFilter) ([]*jxc.IdleStock, error) {
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = jxc.Today(s.db.Now())
	}
	var out []*jxc.IdleStock
	if err := s.db.SelectContext(ctx, &out, slowMoversSQL, asOf, f.WarehouseID, f.CategoryID); err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, m := range out {
		r.want(m.ProductID, m.WarehouseID, nil)
		m.Classify(asOf)
	}
	if err := r.load(ctx, s.db); err != nil {
		return nil, err
	}
	for _, m := range out {
		m.Product, m.Warehouse, _ = r.get(m.ProductID, m.WarehouseID, nil)
	}
	return out, nil
}
