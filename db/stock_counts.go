package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// StockCountService runs count sheets (盘点): create, start (freeze),
// count entries by several counters, recount, review and post.
type StockCountService struct{ db *DB }

// NewStockCountService returns the count sheets on db.
func NewStockCountService(db *DB) *StockCountService { return &StockCountService{db: db} }

var _ jxc.StockCountService = (*StockCountService)(nil)

const stockCountCols = `c.id, c.number, c.warehouse_id, c.location_id, c.category_id, c.abc_class, c.status, c.blind, c.tolerance_percent, c.tolerance_value,
	c.description, c.freeze_move_id, c.started_at, c.submitted_at, c.posted_at, c.posting_date, c.journal_entry_id, c.created_by, c.created_at,
	(SELECT v.voucher_no FROM journal_entries v WHERE v.id = c.journal_entry_id) AS voucher_no`

// CreateStockCount implements jxc.StockCountService: a DRAFT sheet; its
// lines are made when counting starts.
func (s *StockCountService) CreateStockCount(ctx context.Context, in jxc.NewStockCount) (*jxc.StockCount, error) {
	var out *jxc.StockCount
	_, err := s.db.Write(ctx, jxc.Op{Name: "createStockCount"}, func(tx *Tx) error {
		c, err := createCount(ctx, tx, in)
		if err != nil {
			return err
		}
		out, err = findCount(ctx, tx, c.id, "")
		return err
	})
	return out, err
}

type newCount struct {
	id     int64
	number string
}

func createCount(ctx context.Context, tx *Tx, in jxc.NewStockCount) (*newCount, error) {
	var es jxc.Errors
	if err := in.Validate(); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	var ok bool
	if err := tx.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM warehouses WHERE id = $1 AND active)`, in.WarehouseID); err != nil {
		return nil, err
	}
	if !ok {
		es.Add(jxc.ENOTFOUND, "input.warehouseId", "no such active warehouse")
	}
	if in.LocationID != nil {
		if err := tx.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM locations WHERE id = $1 AND warehouse_id = $2)`, *in.LocationID, in.WarehouseID); err != nil {
			return nil, err
		}
		if !ok {
			es.Add(jxc.ENOTFOUND, "input.locationId", "no such bin in this warehouse")
		}
	}
	if in.CategoryID != nil {
		if err := tx.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM categories WHERE id = $1)`, *in.CategoryID); err != nil {
			return nil, err
		}
		if !ok {
			es.Add(jxc.ENOTFOUND, "input.categoryId", "no such category")
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	pct, val := decimal.NewFromInt(5), decimal.NewFromInt(500)
	if in.TolerancePercent != nil {
		pct = *in.TolerancePercent
	}
	if in.ToleranceValue != nil {
		val = *in.ToleranceValue
	}
	c := &newCount{}
	if err := tx.QueryRowxContext(ctx, `INSERT INTO stock_counts (id, number, warehouse_id, location_id, category_id, abc_class, blind, tolerance_percent, tolerance_value, description, created_by, created_at, updated_at)
		SELECT i, document_number('stock_counts', i), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10 FROM nextval(pg_get_serial_sequence('stock_counts', 'id')) AS i
		RETURNING id, number`, in.WarehouseID, in.LocationID, in.CategoryID, in.ABCClass, in.Blind, pct, val, in.Description, userID(ctx), tx.Now).Scan(&c.id, &c.number); err != nil {
		return nil, domainError(err, "input")
	}
	tx.Produced(jxc.RecordStockCount, c.id, c.number, jxc.AuditCreate)
	return c, nil
}

// lockCount locks a sheet by number and checks its status.
func lockCount(ctx context.Context, tx *Tx, number string, want ...jxc.StockCountStatus) (*jxc.StockCount, error) {
	c := &jxc.StockCount{}
	err := tx.GetContext(ctx, c, `SELECT `+stockCountCols+` FROM stock_counts c WHERE c.number = $1 FOR UPDATE`, number)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "number", "no stock count {number}", jxc.P{"number": number})
	} else if err != nil {
		return nil, err
	}
	for _, w := range want {
		if c.Status == w {
			return c, nil
		}
	}
	return nil, jxc.FieldErrorf(jxc.ECONFLICT, "number", "stock count {number} is {status}", jxc.P{"number": number, "status": string(c.Status)})
}

// lockProductsShared waits for the stock postings in flight on the
// products to commit (post() holds product_stock FOR UPDATE until commit)
// so that the next statement sees every move up to the mark it reads.
func lockProductsShared(ctx context.Context, tx *Tx, pids []int64) error {
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM product_stock WHERE product_id = ANY($1) ORDER BY product_id FOR SHARE`, pq.Array(pids))
	return err
}

func moveMark(ctx context.Context, tx *Tx) (int64, error) {
	var m int64
	err := tx.GetContext(ctx, &m, `SELECT coalesce(max(id), 0) FROM stock_moves`)
	return m, err
}

// StartStockCount implements jxc.StockCountService: the sheet's lines are
// the products in scope with their quantity per bin as of now (the
// freeze), and the point in the move history is remembered.
func (s *StockCountService) StartStockCount(ctx context.Context, number string) (*jxc.StockCount, error) {
	var out *jxc.StockCount
	_, err := s.db.Write(ctx, jxc.Op{Name: "startStockCount"}, func(tx *Tx) error {
		c, err := lockCount(ctx, tx, number, jxc.CountDraft)
		if err != nil {
			return err
		}
		var pids []int64
		scope := `SELECT b.product_id FROM stock_balances b JOIN products p ON p.id = b.product_id
			WHERE b.warehouse_id = $1 AND p.active AND ($2::bigint IS NULL OR p.category_id = $2)
			AND ($3::text IS NULL OR b.product_id = ANY($4))`
		var classed []int64
		if c.ABCClass != nil {
			classes, err := abcClasses(ctx, tx, c.WarehouseID, jxc.Today(tx.Now))
			if err != nil {
				return err
			}
			for id, k := range classes {
				if k == *c.ABCClass {
					classed = append(classed, id)
				}
			}
		}
		if err := tx.SelectContext(ctx, &pids, scope+` ORDER BY b.product_id`, c.WarehouseID, c.CategoryID, c.ABCClass, pq.Array(classed)); err != nil {
			return err
		}
		if err := lockProductsShared(ctx, tx, pids); err != nil {
			return err
		}
		mark, err := moveMark(ctx, tx)
		if err != nil {
			return err
		}
		// One line per product with stock at the freeze (per bin only on a
		// sheet of one bin: issues do not always name the bin, so a book
		// per bin of a whole warehouse could go below 0); a product
		// without any keeps one line without a bin (book 0), so a count of
		// what the books say is not there is still asked for.
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_count_lines (count_id, line_no, product_id, location_id, book_quantity)
			SELECT $1, row_number() OVER (ORDER BY p.sku, l.code NULLS FIRST), k.product_id, k.location_id, k.q
			FROM (SELECT m.product_id, $5::bigint AS location_id, sum(m.quantity) AS q FROM stock_moves m
			      WHERE m.warehouse_id = $2 AND m.product_id = ANY($3) AND m.id <= $4 AND ($5::bigint IS NULL OR m.location_id = $5)
			      GROUP BY 1, 2 HAVING sum(m.quantity) <> 0
			      UNION ALL
			      SELECT p, $5::bigint, 0 FROM unnest($3::bigint[]) AS p
			      WHERE NOT EXISTS (SELECT 1 FROM stock_moves m WHERE m.warehouse_id = $2 AND m.product_id = p AND m.id <= $4
			            AND ($5::bigint IS NULL OR m.location_id = $5) GROUP BY m.location_id HAVING sum(m.quantity) <> 0)) k
			JOIN products p ON p.id = k.product_id LEFT JOIN locations l ON l.id = k.location_id`,
			c.ID, c.WarehouseID, pq.Array(pids), mark, c.LocationID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stock_counts SET status = 'COUNTING', freeze_move_id = $2, started_at = $3, updated_at = $3 WHERE id = $1`, c.ID, mark, tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordStockCount, c.ID, c.Number, jxc.AuditStart)
		if err := publishCount(ctx, tx, c.ID, c.Number, jxc.CountCounting); err != nil {
			return err
		}
		out, err = findCount(ctx, tx, c.ID, "")
		return err
	})
	return out, err
}

func publishCount(ctx context.Context, tx *Tx, id int64, number string, status jxc.StockCountStatus) error {
	return Publish(ctx, tx, "stockCount", number, map[string]any{"id": fmt.Sprint(id), "number": number, "status": string(status)})
}

// AddCountEntry implements jxc.StockCountService: one counter's count of a
// line (by product id or barcode, optional bin). Entries are rows of
// their own, so two counters adding at once both count: a line's count is
// the sum of its current round's entries. A product the sheet has no line
// for gets one, with the book quantity it had at the freeze.
func (s *StockCountService) AddCountEntry(ctx context.Context, in jxc.CountEntryInput) (*jxc.StockCountLine, error) {
	var out *jxc.StockCountLine
	_, err := s.db.Write(ctx, jxc.Op{Name: "addCountEntry"}, func(tx *Tx) error {
		var c jxc.StockCount
		err := tx.GetContext(ctx, &c, `SELECT `+stockCountCols+` FROM stock_counts c WHERE c.number = $1 FOR SHARE`, in.Number)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.number", "no stock count {number}", jxc.P{"number": in.Number})
		} else if err != nil {
			return err
		}
		if c.Status != jxc.CountCounting {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.number", "stock count {number} is {status}", jxc.P{"number": c.Number, "status": string(c.Status)})
		}
		var es jxc.Errors
		qty := decimal.NewFromInt(1)
		via := in.Quantity == nil
		if in.Quantity != nil {
			qty = *in.Quantity
			if qty.Sign() < 0 || qty.Exponent() < -4 {
				es.Add(jxc.EINVALID, "input.quantity", "a counted quantity must be 0 or more with at most 4 decimals")
			}
		}
		if in.Damaged != nil && in.Damaged.Sign() < 0 {
			es.Add(jxc.EINVALID, "input.damaged", "a damaged quantity must not be negative")
		}
		var pid int64
		switch {
		case in.ProductID != nil:
			pid = *in.ProductID
		case in.Barcode != nil:
			err := tx.GetContext(ctx, &pid, `SELECT product_id FROM product_barcodes WHERE barcode = $1 UNION ALL SELECT id FROM products WHERE sku = $1 LIMIT 1`, *in.Barcode)
			if errors.Is(err, sql.ErrNoRows) {
				es.Add(jxc.ENOTFOUND, "input.barcode", "no product has barcode {barcode}", jxc.P{"barcode": *in.Barcode})
			} else if err != nil {
				return err
			}
		default:
			es.Add(jxc.EINVALID, "input.productId", "give the product or scan its barcode")
		}
		loc := in.LocationID
		if loc == nil {
			loc = c.LocationID
		}
		if loc != nil {
			var ok bool
			if err := tx.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM locations WHERE id = $1 AND warehouse_id = $2)`, *loc, c.WarehouseID); err != nil {
				return err
			}
			if !ok {
				es.Add(jxc.ENOTFOUND, "input.locationId", "no such bin in this warehouse")
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		var lineID int64
		err = tx.GetContext(ctx, &lineID, `SELECT id FROM stock_count_lines WHERE count_id = $1 AND product_id = $2 AND coalesce(location_id, 0) = coalesce($3::bigint, 0)`, c.ID, pid, loc)
		if errors.Is(err, sql.ErrNoRows) && loc != nil && in.LocationID == nil {
			err = tx.GetContext(ctx, &lineID, `SELECT id FROM stock_count_lines WHERE count_id = $1 AND product_id = $2 ORDER BY line_no LIMIT 1`, c.ID, pid)
		}
		if errors.Is(err, sql.ErrNoRows) && loc == nil {
			err = tx.GetContext(ctx, &lineID, `SELECT id FROM stock_count_lines WHERE count_id = $1 AND product_id = $2 ORDER BY line_no LIMIT 1`, c.ID, pid)
		}
		if errors.Is(err, sql.ErrNoRows) {
			// A product found that the sheet does not list: a new line,
			// its book as of the freeze. ON CONFLICT: a second counter
			// adding it at the same time uses the first one's line.
			if err := tx.GetContext(ctx, &lineID, `INSERT INTO stock_count_lines (count_id, line_no, product_id, location_id, book_quantity)
				SELECT $1, (SELECT coalesce(max(line_no), 0) + 1 FROM stock_count_lines WHERE count_id = $1), $2, $3,
				       coalesce((SELECT sum(quantity) FROM stock_moves WHERE product_id = $2 AND warehouse_id = $4 AND id <= $5
				                 AND ($3::bigint IS NULL OR location_id = $3)), 0)
				ON CONFLICT (count_id, product_id, coalesce(location_id, 0)) DO UPDATE SET round = stock_count_lines.round
				RETURNING id`, c.ID, pid, loc, c.WarehouseID, jxc.Deref(c.FreezeMoveID)); err != nil {
				return domainError(err, "input.productId")
			}
		} else if err != nil {
			return err
		}
		if err := lockProductsShared(ctx, tx, []int64{pid}); err != nil {
			return err
		}
		mark, err := moveMark(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_count_entries (line_id, round, quantity, move_mark, counted_by, counted_at, via_scan)
			SELECT id, round, $2, $3, $4, $5, $6 FROM stock_count_lines WHERE id = $1`, lineID, qty, mark, userID(ctx), tx.Now, via); err != nil {
			return err
		}
		if in.Damaged != nil {
			if _, err := tx.ExecContext(ctx, `UPDATE stock_count_lines SET damaged = $2 WHERE id = $1`, lineID, *in.Damaged); err != nil {
				return err
			}
		}
		tx.Produced(jxc.RecordStockCount, c.ID, c.Number, jxc.AuditCount)
		if err := publishCount(ctx, tx, c.ID, c.Number, c.Status); err != nil {
			return err
		}
		sheet, err := findCount(ctx, tx, c.ID, "")
		if err != nil {
			return err
		}
		for _, l := range sheet.Lines {
			if l.ID == lineID {
				out = l
			}
		}
		return nil
	})
	return out, err
}

// RequestRecount implements jxc.StockCountService: the lines (all lines
// over tolerance when none are named) start a new round; their count is
// the new round's entries only. The sheet goes back to COUNTING.
func (s *StockCountService) RequestRecount(ctx context.Context, number string, lineNos []int) (*jxc.StockCount, error) {
	var out *jxc.StockCount
	_, err := s.db.Write(ctx, jxc.Op{Name: "requestRecount"}, func(tx *Tx) error {
		c, err := lockCount(ctx, tx, number, jxc.CountCounting, jxc.CountReview)
		if err != nil {
			return err
		}
		if len(lineNos) == 0 {
			sheet, err := findCount(ctx, tx, c.ID, "")
			if err != nil {
				return err
			}
			for _, l := range sheet.Lines {
				if sheet.OverTolerance(l) {
					lineNos = append(lineNos, l.LineNo)
				}
			}
			if len(lineNos) == 0 {
				return jxc.FieldErrorf(jxc.ECONFLICT, "lineNos", "no line of stock count {number} is over its tolerance", jxc.P{"number": number})
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE stock_count_lines SET round = round + 1, recount = true WHERE count_id = $1 AND line_no = ANY($2)`, c.ID, pq.Array(lineNos))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); int(n) != len(lineNos) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "lineNos", "stock count {number} has no such line", jxc.P{"number": number})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stock_counts SET status = 'COUNTING', submitted_at = NULL, updated_at = $2 WHERE id = $1`, c.ID, tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordStockCount, c.ID, c.Number, jxc.AuditRecount)
		if err := publishCount(ctx, tx, c.ID, c.Number, jxc.CountCounting); err != nil {
			return err
		}
		out, err = findCount(ctx, tx, c.ID, "")
		return err
	})
	return out, err
}

// SubmitStockCount implements jxc.StockCountService: counting ends and the
// sheet waits for review. Lines nobody counted are not adjusted.
func (s *StockCountService) SubmitStockCount(ctx context.Context, number string) (*jxc.StockCount, error) {
	return s.setStatus(ctx, "submitStockCount", number, jxc.CountReview, `submitted_at = $2`, jxc.CountCounting)
}

// CancelStockCount implements jxc.StockCountService.
func (s *StockCountService) CancelStockCount(ctx context.Context, number string) (*jxc.StockCount, error) {
	return s.setStatus(ctx, "cancelStockCount", number, jxc.CountCancelled, `posted_at = NULL`, jxc.CountDraft, jxc.CountCounting, jxc.CountReview)
}

func (s *StockCountService) setStatus(ctx context.Context, op, number string, to jxc.StockCountStatus, set string, from ...jxc.StockCountStatus) (*jxc.StockCount, error) {
	var out *jxc.StockCount
	_, err := s.db.Write(ctx, jxc.Op{Name: op}, func(tx *Tx) error {
		c, err := lockCount(ctx, tx, number, from...)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stock_counts SET status = $3, updated_at = $2, `+set+` WHERE id = $1`, c.ID, tx.Now, to); err != nil {
			return err
		}
		action := jxc.AuditSubmit
		if to == jxc.CountCancelled {
			action = jxc.AuditCancel
		}
		tx.Produced(jxc.RecordStockCount, c.ID, c.Number, action)
		if err := publishCount(ctx, tx, c.ID, c.Number, to); err != nil {
			return err
		}
		out, err = findCount(ctx, tx, c.ID, "")
		return err
	})
	return out, err
}

// PostStockCount implements jxc.StockCountService: a MANAGER or FINANCE
// (or admin) approves the reviewed sheet; its variances are posted in one
// transaction through the engine as a count-variance adjustment (1901):
// losses leave at the moving average, gains come in at the current
// average. The moves and the entry name the sheet (STOCK_COUNT).
func (s *StockCountService) PostStockCount(ctx context.Context, number string, date *jxc.Date) (*jxc.StockCount, error) {
	var out *jxc.StockCount
	_, err := s.db.Write(ctx, jxc.Op{Name: "postStockCount"}, func(tx *Tx) error {
		if u := jxc.UserFromContext(ctx); u != nil && !u.HasAnyRole(jxc.RoleAdmin, jxc.RoleManager, jxc.RoleFinance) {
			return jxc.FieldErrorf(jxc.EFORBIDDEN, "number", "a stock count is approved by a manager or finance")
		}
		c, err := lockCount(ctx, tx, number, jxc.CountReview)
		if err != nil {
			return err
		}
		day := jxc.Today(tx.Now)
		if date != nil && !date.IsZero() {
			day = *date
		}
		sheet, err := findCount(ctx, tx, c.ID, "")
		if err != nil {
			return err
		}
		ev := &jxc.StockCountPosting{StockAdjustment: jxc.StockAdjustment{Date: day, Reason: jxc.ReasonCountVariance,
			Description: "stock count " + c.Number}}
		for _, l := range sheet.Lines {
			v := l.Variance()
			if v == nil || v.IsZero() {
				continue
			}
			dir := jxc.Increase
			if v.Sign() < 0 {
				dir = jxc.Decrease
			}
			ev.Lines = append(ev.Lines, jxc.AdjustmentLine{ProductID: l.ProductID, WarehouseID: c.WarehouseID, LocationID: l.LocationID, Direction: dir, Quantity: v.Abs()})
		}
		var entry *int64
		if len(ev.Lines) > 0 {
			p, err := post(ctx, tx, ev, &c.ID)
			if err != nil {
				return err
			}
			entry = p.EntryID
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stock_counts SET status = 'POSTED', posted_at = $2, posting_date = $3, journal_entry_id = $4, updated_at = $2 WHERE id = $1`,
			c.ID, tx.Now, day, entry); err != nil {
			return err
		}
		tx.Produced(jxc.RecordStockCount, c.ID, c.Number, jxc.AuditPost)
		if err := publishCount(ctx, tx, c.ID, c.Number, jxc.CountPosted); err != nil {
			return err
		}
		out, err = findCount(ctx, tx, c.ID, "")
		return err
	})
	return out, err
}

// FindStockCount implements jxc.StockCountService.
func (s *StockCountService) FindStockCount(ctx context.Context, number string) (*jxc.StockCount, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.StockCount, error) { return findCount(ctx, tx, 0, number) })
}

// FindStockCountByID implements jxc.StockCountService.
func (s *StockCountService) FindStockCountByID(ctx context.Context, id int64) (*jxc.StockCount, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.StockCount, error) { return findCount(ctx, tx, id, "") })
}

// hidesBook: a blind sheet hides the book from those who only count.
func hidesBook(ctx context.Context, c *jxc.StockCount) bool {
	if !c.Blind || c.Status == jxc.CountPosted {
		return false
	}
	u := jxc.UserFromContext(ctx)
	return u != nil && !u.HasAnyRole(jxc.RoleAdmin, jxc.RoleManager, jxc.RoleFinance)
}

func findCount(ctx context.Context, q Queryer, id int64, number string) (*jxc.StockCount, error) {
	c := &jxc.StockCount{}
	err := q.GetContext(ctx, c, `SELECT `+stockCountCols+` FROM stock_counts c WHERE c.id = $1 OR c.number = $2`, id, number)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "number", "no stock count {number}", jxc.P{"number": number})
	} else if err != nil {
		return nil, err
	}
	// The moves since the freeze on each line's key, up to the latest mark
	// of the line's current round of entries: see StockCountLine.Variance.
	if err := q.SelectContext(ctx, &c.Lines, `SELECT l.id, l.line_no, l.product_id, l.location_id, l.round, l.recount, l.damaged, l.book_quantity,
		e.n AS entries, e.counted,
		coalesce((SELECT sum(m.quantity) FROM stock_moves m WHERE m.product_id = l.product_id AND m.warehouse_id = $2
			AND m.id > $3 AND m.id <= e.mark AND (l.location_id IS NULL OR m.location_id = l.location_id)
			AND NOT (m.source_type = 'STOCK_COUNT' AND m.source_id = $1)), 0) AS moved_since,
		coalesce((SELECT round(b.value / nullif(b.on_hand, 0), 6) FROM stock_balances b WHERE b.product_id = l.product_id AND b.warehouse_id = $2), 0) AS average_cost
		FROM stock_count_lines l
		CROSS JOIN LATERAL (SELECT count(*)::int AS n, sum(x.quantity) AS counted, max(x.move_mark) AS mark
			FROM stock_count_entries x WHERE x.line_id = l.id AND x.round = l.round) e
		WHERE l.count_id = $1 ORDER BY l.line_no`, c.ID, c.WarehouseID, jxc.Deref(c.FreezeMoveID)); err != nil {
		return nil, err
	}
	r := refLoader{}
	r.want(0, c.WarehouseID, c.LocationID)
	for _, l := range c.Lines {
		r.want(l.ProductID, c.WarehouseID, l.LocationID)
	}
	if err := r.load(ctx, q); err != nil {
		return nil, err
	}
	_, c.Warehouse, c.Location = r.get(0, c.WarehouseID, c.LocationID)
	for _, l := range c.Lines {
		l.Product, _, l.Location = r.get(l.ProductID, c.WarehouseID, l.LocationID)
	}
	c.BookHidden = hidesBook(ctx, c)
	for _, l := range c.Lines {
		l.BookHidden, l.OverTolerance = c.BookHidden, c.OverTolerance(l)
	}
	return c, nil
}

var stockCountOrders = map[string]string{"NUMBER": "c.number", "CREATED": "c.created_at", "STATUS": "c.status"}

// FindStockCounts implements jxc.StockCountService.
func (s *StockCountService) FindStockCounts(ctx context.Context, f jxc.StockCountFilter, o jxc.Sorter, p jxc.PageArgs) (*jxc.Page[*jxc.StockCount], error) {
	var w where
	if len(f.Status) > 0 {
		st := make([]string, len(f.Status))
		for i, x := range f.Status {
			st[i] = string(x)
		}
		w.add(`c.status = ANY(%s)`, pq.Array(st))
	}
	if f.WarehouseID != nil {
		w.add(`c.warehouse_id = %s`, *f.WarehouseID)
	}
	if f.Search != nil && *f.Search != "" {
		w.add(`(c.number ILIKE %[1]s OR c.description ILIKE %[1]s)`, likePattern(*f.Search))
	}
	pg, err := page[*jxc.StockCount](ctx, s.db, p, stockCountCols, `stock_counts c`, &w, orderBy(o, stockCountOrders, "c.id", `c.created_at DESC, c.id DESC`))
	if err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, c := range pg.Items {
		r.want(0, c.WarehouseID, c.LocationID)
	}
	if err := r.load(ctx, s.db); err != nil {
		return nil, err
	}
	for _, c := range pg.Items {
		_, c.Warehouse, c.Location = r.get(0, c.WarehouseID, c.LocationID)
		c.BookHidden = hidesBook(ctx, c)
	}
	return pg, nil
}

// abcClasses ranks the products of a warehouse by the value of their
// issues (shipments) in the 12 months before asOf: jxc.ClassifyABC.
// Products with stock in the warehouse but no issue are C.
func abcClasses(ctx context.Context, q Queryer, warehouseID int64, asOf jxc.Date) (map[int64]jxc.ABCClass, error) {
	var rows []struct {
		ProductID int64           `db:"product_id"`
		Value     decimal.Decimal `db:"value"`
	}
	from := jxc.DateOf(asOf.Time().AddDate(-1, 0, 0))
	if err := q.SelectContext(ctx, &rows, `SELECT b.product_id, coalesce((SELECT -sum(m.value) FROM stock_moves m WHERE m.product_id = b.product_id
			AND m.warehouse_id = b.warehouse_id AND m.source_type = 'SHIPMENT' AND m.quantity < 0 AND m.posting_date > $2 AND m.posting_date <= $3), 0) AS value
		FROM stock_balances b WHERE b.warehouse_id = $1`, warehouseID, from, asOf); err != nil {
		return nil, err
	}
	values := make(map[int64]decimal.Decimal, len(rows))
	for _, r := range rows {
		values[r.ProductID] = r.Value
	}
	return jxc.ClassifyABC(values), nil
}

// ABCClasses implements jxc.StockCountService.
func (s *StockCountService) ABCClasses(ctx context.Context, warehouseID int64) (map[int64]jxc.ABCClass, error) {
	return abcClasses(ctx, s.db, warehouseID, jxc.Today(time.Now()))
}

// CountsDue implements jxc.StockCountService: per active warehouse and ABC
// class with products, whether the class's last count (started) is older
// than the schedule's interval; an open sheet of the class is named.
func (s *StockCountService) CountsDue(ctx context.Context) ([]*jxc.CountDue, error) {
	return countsDue(ctx, s.db, time.Now())
}

func countsDue(ctx context.Context, q Queryer, now time.Time) ([]*jxc.CountDue, error) {
	var ws []int64
	if err := q.SelectContext(ctx, &ws, `SELECT id FROM warehouses WHERE active AND EXISTS (SELECT 1 FROM stock_balances b WHERE b.warehouse_id = warehouses.id) ORDER BY code`); err != nil {
		return nil, err
	}
	var out []*jxc.CountDue
	for _, w := range ws {
		classes, err := abcClasses(ctx, q, w, jxc.Today(now))
		if err != nil {
			return nil, err
		}
		n := map[jxc.ABCClass]int{}
		for _, k := range classes {
			n[k]++
		}
		var rows []*jxc.CountDue
		if err := q.SelectContext(ctx, &rows, `SELECT $1::bigint AS warehouse_id, s.abc_class, s.interval_months, 0 AS products,
			(SELECT max(c.started_at) FROM stock_counts c WHERE c.warehouse_id = $1 AND c.abc_class = s.abc_class AND c.status IN ('COUNTING','REVIEW','POSTED')) AS last_counted,
			(SELECT min(c.number) FROM stock_counts c WHERE c.warehouse_id = $1 AND c.abc_class = s.abc_class AND c.status IN ('DRAFT','COUNTING','REVIEW')) AS open_number
			FROM count_schedule s ORDER BY s.abc_class`, w); err != nil {
			return nil, err
		}
		for _, r := range rows {
			r.Products = n[r.ABCClass]
			if r.Products == 0 {
				continue
			}
			if r.LastCounted != nil && r.LastCounted.AddDate(0, r.IntervalMonths, 0).After(now) {
				continue
			}
			out = append(out, r)
		}
	}
	r := refLoader{}
	for _, d := range out {
		r.want(0, d.WarehouseID, nil)
	}
	if err := r.load(ctx, q); err != nil {
		return nil, err
	}
	for _, d := range out {
		_, d.Warehouse, _ = r.get(0, d.WarehouseID, nil)
	}
	return out, nil
}

// CreateDueCounts implements jxc.StockCountService: a DRAFT sheet for each
// due class of each warehouse that has no open sheet of it.
func (s *StockCountService) CreateDueCounts(ctx context.Context) ([]*jxc.StockCount, error) {
	var out []*jxc.StockCount
	_, err := s.db.WriteMany(ctx, jxc.Op{Name: "createDueCounts"}, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE count_schedule IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		due, err := countsDue(ctx, tx, tx.Now)
		if err != nil {
			return err
		}
		for _, d := range due {
			if d.OpenNumber != nil {
				continue
			}
			k := d.ABCClass
			c, err := createCount(ctx, tx, jxc.NewStockCount{WarehouseID: d.WarehouseID, ABCClass: &k, Description: "cycle count " + string(k)})
			if err != nil {
				return err
			}
			sheet, err := findCount(ctx, tx, c.id, "")
			if err != nil {
				return err
			}
			out = append(out, sheet)
		}
		if len(out) == 0 {
			tx.Audit(jxc.RecordStockCount, "schedule", "", jxc.AuditCheck)
		}
		return nil
	})
	return out, err
}

// CountSchedule implements jxc.StockCountService.
func (s *StockCountService) CountSchedule(ctx context.Context) (map[jxc.ABCClass]int, error) {
	var rows []struct {
		Class jxc.ABCClass `db:"abc_class"`
		N     int          `db:"interval_months"`
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT abc_class, interval_months FROM count_schedule`); err != nil {
		return nil, err
	}
	out := map[jxc.ABCClass]int{}
	for _, r := range rows {
		out[r.Class] = r.N
	}
	return out, nil
}

// SetCountSchedule implements jxc.StockCountService.
func (s *StockCountService) SetCountSchedule(ctx context.Context, class jxc.ABCClass, months int) (map[jxc.ABCClass]int, error) {
	_, err := s.db.Write(ctx, jxc.Op{Name: "setCountSchedule"}, func(tx *Tx) error {
		var es jxc.Errors
		if !class.Valid() {
			es.Add(jxc.EINVALID, "abcClass", "ABC class must be A, B or C")
		}
		if months < 1 || months > 60 {
			es.Add(jxc.EINVALID, "intervalMonths", "a count interval is 1 to 60 months")
		}
		if err := es.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE count_schedule SET interval_months = $2, updated_at = $3, updated_by = $4 WHERE abc_class = $1`, class, months, tx.Now, userID(ctx)); err != nil {
			return err
		}
		tx.Audit(jxc.RecordStockCount, "schedule:"+string(class), string(class), jxc.AuditUpdate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.CountSchedule(ctx)
}
