package db

import (
	"strings"

	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// StockService implements jxc.StockService.
type StockService struct{ db *DB }

// NewStockService returns the stock ledger on db.
func NewStockService(db *DB) *StockService { return &StockService{db: db} }

var _ jxc.StockService = (*StockService)(nil)

// PostOpeningStock implements jxc.StockService.
func (s *StockService) PostOpeningStock(ctx context.Context, e jxc.OpeningStock) (*jxc.StockDocument, error) {
	refs := make([]stockRef, len(e.Lines))
	for i, l := range e.Lines {
		refs[i] = stockRef{fmt.Sprintf("input.lines.%d.", i), l.ProductID, l.WarehouseID, l.LocationID}
	}
	return s.postDocument(ctx, jxc.Op{Name: "postOpeningStock"}, &e, &e.Date, jxc.DocOpeningStock, e.Description, refs, func(i int) *decimal.Decimal {
		c := e.Lines[i].UnitCost
		return &c
	}, &openingStockDuties{refs: refs})
}

// openingStockDuties: with the company's control on, opening stock is
// posted by finance (or an admin), and only for a product and warehouse
// that has no stock move yet (opening stock opens the books; later
// corrections are stock adjustments).
type openingStockDuties struct {
	refs []stockRef
	set  *jxc.CompanySettings
}

func (d *openingStockDuties) before(ctx context.Context, tx *Tx) error {
	set, err := companySettings(ctx, tx)
	if err != nil {
		return err
	}
	d.set = set
	if e := jxc.CheckOpeningStockPoster(set, jxc.UserFromContext(ctx)); e != nil {
		return e
	}
	return nil
}

// after runs once the document's moves are written: posting has locked
// the balances, so a concurrent opening stock of the same product and
// warehouse waits here and then sees this one's moves.
func (d *openingStockDuties) after(ctx context.Context, tx *Tx, docID int64) error {
	if !d.set.OpeningStockByFinance {
		return nil
	}
	pids, wids := make([]int64, len(d.refs)), make([]int64, len(d.refs))
	for i, r := range d.refs {
		pids[i], wids[i] = r.productID, r.warehouseID
	}
	var moved []struct {
		ProductID   int64  `db:"product_id"`
		WarehouseID int64  `db:"warehouse_id"`
		SKU         string `db:"sku"`
		Warehouse   string `db:"warehouse"`
	}
	if err := tx.SelectContext(ctx, &moved, `SELECT DISTINCT m.product_id, m.warehouse_id, p.sku, w.code AS warehouse
		FROM stock_moves m JOIN unnest($1::bigint[], $2::bigint[]) AS k(p, w) ON m.product_id = k.p AND m.warehouse_id = k.w
		JOIN products p ON p.id = m.product_id JOIN warehouses w ON w.id = m.warehouse_id
		WHERE NOT (m.source_type = $3 AND m.source_id = $4)`, pq.Array(pids), pq.Array(wids), jxc.SourceOpeningStock, docID); err != nil {
		return err
	}
	var es jxc.Errors
	for i, r := range d.refs {
		for _, m := range moved {
			if m.ProductID == r.productID && m.WarehouseID == r.warehouseID {
				es.Add(jxc.ECONFLICT, r.field+"productId", "{product} already has stock moves in warehouse {warehouse}; opening stock is posted once, before any other move: correct stock with a stock adjustment",
					jxc.P{"product": m.SKU, "warehouse": m.Warehouse})
				break
			}
		}
		for j := range i {
			if d.refs[j].productID == r.productID && d.refs[j].warehouseID == r.warehouseID {
				es.Add(jxc.ECONFLICT, r.field+"productId", "line {line} has the same product and warehouse as line {earlier}; give one opening quantity per product and warehouse", jxc.P{"line": i + 1, "earlier": j + 1})
				break
			}
		}
	}
	return es.Err()
}

// documentDuties are the separation-of-duties checks of one kind of stock
// document: before its input is checked, and after it is posted.
type documentDuties interface {
	before(ctx context.Context, tx *Tx) error
	after(ctx context.Context, tx *Tx, docID int64) error
}

// PostStockAdjustment implements jxc.StockService.
func (s *StockService) PostStockAdjustment(ctx context.Context, e jxc.StockAdjustment) (*jxc.StockDocument, error) {
	refs := make([]stockRef, len(e.Lines))
	for i, l := range e.Lines {
		refs[i] = stockRef{fmt.Sprintf("input.lines.%d.", i), l.ProductID, l.WarehouseID, l.LocationID}
	}
	kind := jxc.DocCountVariance
	var duties documentDuties
	if e.Reason == jxc.ReasonScrap {
		kind = jxc.DocScrap
		duties = scrapAdjustmentDuties{}
	}
	return s.postDocument(ctx, jxc.Op{Name: "postStockAdjustment"}, &e, &e.Date, kind, e.Description, refs, func(i int) *decimal.Decimal { return e.Lines[i].UnitCost }, duties)
}

// scrapAdjustmentDuties: a scrap written straight as a stock adjustment
// keeps the scrap approval rule. Worth more than the company's threshold
// at the average it left at, it needs a manager or finance; anyone else
// writes a scrap (报废单) that waits for their approval.
type scrapAdjustmentDuties struct{}

func (scrapAdjustmentDuties) before(context.Context, *Tx) error { return nil }

func (scrapAdjustmentDuties) after(ctx context.Context, tx *Tx, docID int64) error {
	if jxc.CheckScrapApprover(jxc.UserFromContext(ctx)) == nil {
		return nil
	}
	var value, threshold decimal.Decimal
	if err := tx.GetContext(ctx, &value, `SELECT coalesce(-sum(value), 0) FROM stock_moves WHERE source_type = $1 AND source_id = $2`,
		jxc.SourceStockAdjustment, docID); err != nil {
		return err
	}
	if err := tx.GetContext(ctx, &threshold, `SELECT scrap_approval_threshold FROM company_settings`); err != nil {
		return err
	}
	if jxc.ScrapNeedsApproval(value, threshold) {
		return jxc.FieldErrorf(jxc.EPERMISSION, "input.reason", "scrap worth {value} is above the approval threshold {threshold}: write a scrap document for a manager or finance to approve",
			jxc.P{"value": jxc.Money(value), "threshold": jxc.Money(threshold)})
	}
	return nil
}

// postDocument checks a stock document's input and references, posts it,
// and records the document with the values it was posted at: one
// transaction, all errors of the input at once.
func (s *StockService) postDocument(ctx context.Context, op jxc.Op, ev jxc.Event, date *jxc.Date, kind jxc.StockDocumentKind, description string,
	refs []stockRef, unitCost func(int) *decimal.Decimal, duties documentDuties) (*jxc.StockDocument, error) {
	var doc *jxc.StockDocument
	_, err := s.db.Write(ctx, op, func(tx *Tx) error {
		var err error
		doc, err = postStockDocument(ctx, tx, ev, date, kind, description, refs, unitCost, duties)
		return err
	})
	return doc, err
}

// postStockDocument is postDocument inside the caller's transaction (a
// scrap posts its stock adjustment in the transaction that approves it).
func postStockDocument(ctx context.Context, tx *Tx, ev jxc.Event, date *jxc.Date, kind jxc.StockDocumentKind, description string,
	refs []stockRef, unitCost func(int) *decimal.Decimal, duties documentDuties) (*jxc.StockDocument, error) {
	var doc *jxc.StockDocument
	err := func() error {
		if date.IsZero() {
			*date = jxc.Today(tx.Now)
		}
		if duties != nil {
			if err := duties.before(ctx, tx); err != nil {
				return err
			}
		}
		var es jxc.Errors
		if err := ev.Validate(); err != nil {
			es, _ = jxc.AsErrors(err)
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return err
		}
		if err := es.Err(); err != nil {
			return err
		}
		var id int64
		if err := tx.GetContext(ctx, &id, `SELECT nextval(pg_get_serial_sequence('stock_documents', 'id'))`); err != nil {
			return err
		}
		p, err := post(ctx, tx, ev, &id)
		if err != nil {
			return err
		}
		if len(p.Moves) != len(refs) {
			return fmt.Errorf("stock document with %d lines posted %d moves", len(refs), len(p.Moves))
		}
		if duties != nil {
			if err := duties.after(ctx, tx, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_documents (id, number, kind, posting_date, description, journal_entry_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, jxc.StockDocumentNumber(kind, id), kind, *date, description, p.EntryID, userID(ctx), tx.Now); err != nil {
			return err
		}
		n := len(refs)
		nos, pids, wids, locs := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
		qtys, vals, costs := make([]string, n), make([]string, n), make([]string, n)
		for i, m := range p.Moves {
			nos[i], pids[i], wids[i], locs[i] = int64(i+1), m.ProductID, m.WarehouseID, jxc.Deref(m.LocationID)
			qtys[i], vals[i] = m.Quantity.String(), m.Value.String()
			if c := unitCost(i); c != nil {
				costs[i] = c.String()
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_document_lines (document_id, line_no, product_id, warehouse_id, location_id, quantity, unit_cost, value)
			SELECT $1, t.no, t.p, t.w, nullif(t.l, 0), t.q::numeric, nullif(t.c, '')::numeric, t.v::numeric
			FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[]) AS t(no, p, w, l, q, c, v)`,
			id, pq.Array(nos), pq.Array(pids), pq.Array(wids), pq.Array(locs), pq.Array(qtys), pq.Array(costs), pq.Array(vals)); err != nil {
			return err
		}
		tx.Produced(jxc.RecordStockDocument, id, jxc.StockDocumentNumber(kind, id), jxc.AuditPost)
		doc, err = findStockDocument(ctx, tx, id)
		return err
	}()
	return doc, err
}

// FindStockDocument implements jxc.StockService.
func (s *StockService) FindStockDocument(ctx context.Context, id int64) (*jxc.StockDocument, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.StockDocument, error) { return findStockDocument(ctx, tx, id) })
}

func findStockDocument(ctx context.Context, q Queryer, id int64) (*jxc.StockDocument, error) {
	d := &jxc.StockDocument{}
	err := q.GetContext(ctx, d, `SELECT id, number, kind, posting_date, description, journal_entry_id, created_by, created_at,
		(SELECT v.voucher_no FROM journal_entries v WHERE v.id = d.journal_entry_id) AS voucher_no FROM stock_documents d WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such stock document")
	} else if err != nil {
		return nil, err
	}
	if err := q.SelectContext(ctx, &d.Lines, `SELECT line_no, product_id, warehouse_id, location_id, quantity, unit_cost, value
		FROM stock_document_lines WHERE document_id = $1 ORDER BY line_no`, id); err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, l := range d.Lines {
		r.want(l.ProductID, l.WarehouseID, l.LocationID)
	}
	if err := r.load(ctx, q); err != nil {
		return nil, err
	}
	for _, l := range d.Lines {
		l.Product, l.Warehouse, l.Location = r.get(l.ProductID, l.WarehouseID, l.LocationID)
	}
	return d, nil
}

// refLoader loads the products, warehouses and bins a page of rows refers
// to, in one query each, so lists never query per row.
type refLoader struct {
	pids, wids, lids []int64
	products         map[int64]*jxc.Product
	warehouses       map[int64]*jxc.Warehouse
	locations        map[int64]*jxc.Location
}

func (r *refLoader) want(pid, wid int64, lid *int64) {
	r.pids = append(r.pids, pid)
	r.wids = append(r.wids, wid)
	if lid != nil {
		r.lids = append(r.lids, *lid)
	}
}

func (r *refLoader) load(ctx context.Context, q Queryer) error {
	r.products, r.warehouses, r.locations = map[int64]*jxc.Product{}, map[int64]*jxc.Warehouse{}, map[int64]*jxc.Location{}
	if len(r.pids) == 0 {
		return nil
	}
	var ps []*jxc.Product
	if err := q.SelectContext(ctx, &ps, `SELECT `+productCols+` FROM products WHERE id = ANY($1)`, pq.Array(r.pids)); err != nil {
		return err
	}
	if err := fillProducts(ctx, q, ps); err != nil {
		return err
	}
	for _, p := range ps {
		r.products[p.ID] = p
	}
	var ws []*jxc.Warehouse
	if err := q.SelectContext(ctx, &ws, `SELECT `+warehouseCols+` FROM warehouses WHERE id = ANY($1)`, pq.Array(r.wids)); err != nil {
		return err
	}
	if err := fillWarehouses(ctx, q, ws); err != nil {
		return err
	}
	for _, w := range ws {
		r.warehouses[w.ID] = w
		for _, l := range w.Locations {
			r.locations[l.ID] = l
		}
	}
	return nil
}

func (r *refLoader) get(pid, wid int64, lid *int64) (*jxc.Product, *jxc.Warehouse, *jxc.Location) {
	var l *jxc.Location
	if lid != nil {
		l = r.locations[*lid]
	}
	return r.products[pid], r.warehouses[wid], l
}

// FindStockLevels implements jxc.StockService.
func (s *StockService) FindStockLevels(ctx context.Context, f jxc.StockLevelFilter, o *jxc.StockLevelOrder, p jxc.PageArgs) (*jxc.Page[*jxc.StockLevel], error) {
	var w where
	if f.ProductID != nil {
		w.add(`b.product_id = %s`, *f.ProductID)
	}
	if f.WarehouseID != nil {
		w.add(`b.warehouse_id = %s`, *f.WarehouseID)
	}
	if f.CategoryID != nil {
		w.add(`p.category_id = %s`, *f.CategoryID)
	}
	if f.Region != nil {
		w.add(`wh.region = %s`, *f.Region)
	}
	if f.InStock != nil {
		if *f.InStock {
			w.add(`b.on_hand > 0`)
		} else {
			w.add(`b.on_hand = 0`)
		}
	}
	if f.BelowReorderPoint != nil && *f.BelowReorderPoint {
		w.add(`b.on_hand - b.reserved < p.reorder_point`)
	}
	dir := "ASC"
	order := "p.sku %[1]s, wh.code %[1]s"
	if o != nil {
		dir = o.Direction.SQL()
		switch o.Field {
		case jxc.StockOrderWarehouse:
			order = "wh.code %[1]s, p.sku %[1]s"
		case jxc.StockOrderOnHand:
			order = "b.on_hand %[1]s, p.sku, wh.code"
		case jxc.StockOrderValue:
			order = "b.value %[1]s, p.sku, wh.code"
		}
	}
	pg, err := page[*jxc.StockLevel](ctx, s.db, p, `b.product_id, b.warehouse_id, b.on_hand, b.reserved, b.value, `+inTransitInCol,
		`stock_balances b JOIN products p ON p.id = b.product_id JOIN warehouses wh ON wh.id = b.warehouse_id`, &w, fmt.Sprintf(order, dir))
	if err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, l := range pg.Items {
		r.want(l.ProductID, l.WarehouseID, nil)
	}
	if err := r.load(ctx, s.db); err != nil {
		return nil, err
	}
	for _, l := range pg.Items {
		l.Product, l.Warehouse, _ = r.get(l.ProductID, l.WarehouseID, nil)
	}
	return pg, nil
}

const moveCols = `id, product_id, warehouse_id, location_id, quantity, value, posting_date, source_type, source_id, journal_entry_id, created_at,
	(SELECT v.voucher_no FROM journal_entries v WHERE v.id = stock_moves.journal_entry_id) AS voucher_no`

// FindStockMoves implements jxc.StockService.
func (s *StockService) FindStockMoves(ctx context.Context, f jxc.StockMoveFilter, o *jxc.StockMoveOrder, p jxc.PageArgs) (*jxc.Page[*jxc.StockMove], error) {
	var w where
	if f.ProductID != nil {
		w.add(`product_id = %s`, *f.ProductID)
	}
	if f.WarehouseID != nil {
		w.add(`warehouse_id = %s`, *f.WarehouseID)
	}
	if f.SourceType != nil {
		w.add(`source_type = %s`, string(*f.SourceType))
	}
	if f.SourceID != nil {
		w.add(`source_id = %s`, *f.SourceID)
	}
	if f.DateFrom != nil {
		w.add(`posting_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`posting_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`product_id IN (SELECT id FROM products WHERE sku ILIKE %[1]s OR name ILIKE %[1]s OR name_en ILIKE %[1]s)`, likePattern(*f.Search))
	}
	dir, col := "DESC", "posting_date"
	if o != nil {
		dir = o.Direction.SQL()
		if c, ok := stockMoveOrders[string(o.Field)]; ok {
			col = c
		}
	}
	pg, err := page[*jxc.StockMove](ctx, s.db, p, moveCols, "stock_moves", &w, col+" "+dir+", id "+dir)
	if err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, m := range pg.Items {
		r.want(m.ProductID, m.WarehouseID, m.LocationID)
	}
	if err := r.load(ctx, s.db); err != nil {
		return nil, err
	}
	for _, m := range pg.Items {
		m.Product, m.Warehouse, m.Location = r.get(m.ProductID, m.WarehouseID, m.LocationID)
	}
	return pg, nil
}

// StockValueSummary implements jxc.StockService: one grouped sum over the
// balance rows, so a dashboard need not load every level.
func (s *StockService) StockValueSummary(ctx context.Context, by jxc.StockGroupBy) ([]*jxc.StockValueGroup, error) {
	var key, label, labelEn, join string
	switch by {
	case jxc.StockByCategory:
		key, label, labelEn = `coalesce(c.id::text, '')`, `coalesce(c.name, '')`, `coalesce(c.name_en, '')`
		join = `JOIN products p ON p.id = b.product_id LEFT JOIN categories c ON c.id = p.category_id`
	case jxc.StockByWarehouse:
		key, label, labelEn = `w.id::text`, `w.name`, `w.name`
		join = `JOIN warehouses w ON w.id = b.warehouse_id`
	case jxc.StockByRegion:
		key, label, labelEn = `w.region`, `w.region`, `w.region`
		join = `JOIN warehouses w ON w.id = b.warehouse_id`
	default:
		return nil, jxc.FieldErrorf(jxc.EINVALID, "groupBy", "group by CATEGORY, WAREHOUSE or REGION")
	}
	var out []*jxc.StockValueGroup
	err := s.db.SelectContext(ctx, &out, `SELECT `+key+` AS key, `+label+` AS label, `+labelEn+` AS label_en,
		sum(b.on_hand) AS on_hand, sum(b.value) AS value
		FROM stock_balances b `+join+` GROUP BY 1, 2, 3 ORDER BY 5 DESC, 1`)
	return out, err
}
