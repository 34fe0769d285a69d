package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// BinService implements jxc.BinService: stock by bin, putaway suggestions
// and bin moves (移库).
type BinService struct{ db *DB }

// NewBinService returns the bin service on db.
func NewBinService(db *DB) *BinService { return &BinService{db: db} }

var _ jxc.BinService = (*BinService)(nil)

type binKey struct {
	product, warehouse, location int64 // location 0: not put away
}

// keepBinBalances is the posting effect that keeps stock_bin_balances with
// every stock move, in the posting's transaction (post has locked the
// products' stock rows, so the bins of a product change one posting at a
// time). A move with a bin changes that bin, and an outflow from a bin
// beyond what it holds is refused; an inflow without a bin is not put
// away; an outflow without a bin takes the bins the context names first
// (a confirmed pick list's picks, dispatch_bins.go), then what is not put
// away, then the bins holding least first (emptying bins).
func keepBinBalances(ctx context.Context, tx *Tx, p *posted) error {
	if len(p.Moves) == 0 {
		return nil
	}
	var pids, wids []int64
	seen := map[[2]int64]bool{}
	for _, m := range p.Moves {
		k := [2]int64{m.ProductID, m.WarehouseID}
		if !seen[k] {
			seen[k] = true
			pids, wids = append(pids, m.ProductID), append(wids, m.WarehouseID)
		}
	}
	var rows []struct {
		ProductID   int64           `db:"product_id"`
		WarehouseID int64           `db:"warehouse_id"`
		LocationID  *int64          `db:"location_id"`
		Quantity    decimal.Decimal `db:"quantity"`
	}
	if err := tx.SelectContext(ctx, &rows, `SELECT bb.product_id, bb.warehouse_id, bb.location_id, bb.quantity
		FROM stock_bin_balances bb JOIN unnest($1::bigint[], $2::bigint[]) AS k(p, w) ON bb.product_id = k.p AND bb.warehouse_id = k.w
		ORDER BY bb.product_id, bb.warehouse_id, bb.location_id NULLS FIRST FOR UPDATE OF bb`, pq.Array(pids), pq.Array(wids)); err != nil {
		return err
	}
	bins := map[binKey]decimal.Decimal{}
	for _, r := range rows {
		bins[binKey{r.ProductID, r.WarehouseID, jxc.Deref(r.LocationID)}] = r.Quantity
	}
	changed := map[binKey]bool{}
	for _, m := range p.Moves {
		k := binKey{m.ProductID, m.WarehouseID, jxc.Deref(m.LocationID)}
		if m.Quantity.Sign() > 0 || m.LocationID != nil {
			q := bins[k].Add(m.Quantity)
			if q.Sign() < 0 {
				return binShortError(ctx, tx, "input.lines", m.ProductID, *m.LocationID, bins[k], m.Quantity.Neg())
			}
			bins[k], changed[k] = q, true
			continue
		}
		// An outflow without a bin: not put away first, then the bins
		// holding least first.
		need := namedBinTakes(ctx, bins, changed, m.ProductID, m.WarehouseID, m.Quantity.Neg())
		var order []binKey
		for bk, q := range bins {
			if bk.product == m.ProductID && bk.warehouse == m.WarehouseID && q.Sign() > 0 {
				order = append(order, bk)
			}
		}
		sort.Slice(order, func(i, j int) bool {
			a, b := order[i], order[j]
			if (a.location == 0) != (b.location == 0) {
				return a.location == 0
			}
			if c := bins[a].Cmp(bins[b]); c != 0 {
				return c < 0
			}
			return a.location < b.location
		})
		for _, bk := range order {
			if need.Sign() <= 0 {
				break
			}
			take := decimal.Min(need, bins[bk])
			bins[bk], changed[bk] = bins[bk].Sub(take), true
			need = need.Sub(take)
		}
		if need.Sign() > 0 {
			return fmt.Errorf("stock by bin of product %d in warehouse %d is %s short of an outflow: run booksCheck", m.ProductID, m.WarehouseID, need)
		}
	}
	var cp, cw, cl []int64
	var cq []string
	var keys []binKey
	for k := range changed {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.product != b.product {
			return a.product < b.product
		}
		if a.warehouse != b.warehouse {
			return a.warehouse < b.warehouse
		}
		return a.location < b.location
	})
	for _, k := range keys {
		cp, cw, cl, cq = append(cp, k.product), append(cw, k.warehouse), append(cl, k.location), append(cq, bins[k].String())
	}
	if len(keys) == 0 {
		return nil
	}
	// Empty bins are removed, so a bin holds a product exactly when it has a row.
	_, err := tx.ExecContext(ctx, `WITH t AS (
			SELECT t.p, t.w, nullif(t.l, 0) AS l, t.q::numeric AS q FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS t(p, w, l, q)
		), gone AS (
			DELETE FROM stock_bin_balances bb USING t
			WHERE t.q = 0 AND bb.product_id = t.p AND bb.warehouse_id = t.w AND bb.location_id IS NOT DISTINCT FROM t.l
		)
		INSERT INTO stock_bin_balances AS bb (product_id, warehouse_id, location_id, quantity)
		SELECT t.p, t.w, t.l, t.q FROM t WHERE t.q <> 0
		ON CONFLICT ON CONSTRAINT stock_bin_balances_key DO UPDATE SET quantity = excluded.quantity`,
		pq.Array(cp), pq.Array(cw), pq.Array(cl), pq.Array(cq))
	return domainError(err, "input.lines")
}

// binShortError refuses taking more out of a bin than it holds.
func binShortError(ctx context.Context, q Queryer, field string, productID, locationID int64, has, want decimal.Decimal) error {
	var names struct {
		SKU  string `db:"sku"`
		Code string `db:"code"`
	}
	if err := q.GetContext(ctx, &names, `SELECT (SELECT sku FROM products WHERE id = $1) AS sku, (SELECT code FROM locations WHERE id = $2) AS code`,
		productID, locationID); err != nil {
		return err
	}
	return jxc.FieldErrorf(jxc.ECONFLICT, field, "bin {location} holds only {quantity} of product {product}; cannot take out {requested}",
		jxc.P{"location": names.Code, "quantity": has, "product": names.SKU, "requested": want})
}

// PostBinMove implements jxc.BinService.
func (s *BinService) PostBinMove(ctx context.Context, e jxc.BinMove) (*jxc.BinMoveDocument, error) {
	var id int64
	_, err := s.db.Write(ctx, jxc.Op{Name: "postBinMove"}, func(tx *Tx) error {
		if e.Date.IsZero() {
			e.Date = jxc.Today(tx.Now)
		}
		var es jxc.Errors
		if err := e.Validate(); err != nil {
			es, _ = jxc.AsErrors(err)
		}
		refs := make([]stockRef, 0, 2*len(e.Lines))
		for i, l := range e.Lines {
			f := fmt.Sprintf("input.lines.%d.", i)
			to := l.ToLocationID
			refs = append(refs, stockRef{f, l.ProductID, e.WarehouseID, &to})
			if l.FromLocationID != nil {
				refs = append(refs, stockRef{f + "from.", l.ProductID, e.WarehouseID, l.FromLocationID})
			}
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return err
		}
		for _, e := range es {
			if e.Code == jxc.ENOTFOUND {
				return fixFromFields(es.Err())
			}
		}
		// The products' stock rows first (the lock post takes), so the
		// bins read here stay as they are until commit.
		pids := make([]int64, len(e.Lines))
		for i, l := range e.Lines {
			pids[i] = l.ProductID
		}
		if _, err := tx.ExecContext(ctx, `SELECT 1 FROM product_stock WHERE product_id = ANY($1) ORDER BY product_id FOR UPDATE`, pq.Array(pids)); err != nil {
			return err
		}
		taken := map[binKey]decimal.Decimal{}
		for i, l := range e.Lines {
			k := binKey{l.ProductID, e.WarehouseID, jxc.Deref(l.FromLocationID)}
			var has decimal.Decimal
			if err := tx.GetContext(ctx, &has, `SELECT coalesce(sum(quantity), 0) FROM stock_bin_balances
				WHERE product_id = $1 AND warehouse_id = $2 AND location_id IS NOT DISTINCT FROM nullif($3, 0)`, k.product, k.warehouse, k.location); err != nil {
				return err
			}
			has = has.Sub(taken[k])
			f := fmt.Sprintf("input.lines.%d.quantity", i)
			if l.Quantity.GreaterThan(has) {
				if l.FromLocationID == nil {
					var sku string
					if err := tx.GetContext(ctx, &sku, `SELECT sku FROM products WHERE id = $1`, l.ProductID); err != nil {
						return err
					}
					es.Add(jxc.ECONFLICT, f, "only {quantity} of product {product} is not yet put away; cannot put away {requested}",
						jxc.P{"quantity": has, "product": sku, "requested": l.Quantity})
					continue
				}
				if e, ok := jxc.AsErrors(binShortError(ctx, tx, f, l.ProductID, *l.FromLocationID, has, l.Quantity)); ok {
					es = append(es, e...)
				}
				continue
			}
			taken[k] = taken[k].Add(l.Quantity)
		}
		if err := es.Err(); err != nil {
			return fixFromFields(err)
		}
		var number string
		var err error
		if id, number, err = newNumber(ctx, tx, "bin_moves", "YK-"); err != nil {
			return err
		}
		p, err := post(ctx, tx, &e, &id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO bin_moves (id, number, warehouse_id, posting_date, note, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, number, e.WarehouseID, e.Date, e.Note, userID(ctx), tx.Now); err != nil {
			return err
		}
		tx.Produced(jxc.RecordBinMove, id, number, jxc.AuditPost)
		n := len(e.Lines)
		nos, prods, froms, tos := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
		qtys, vals := make([]string, n), make([]string, n)
		for i, l := range e.Lines {
			nos[i], prods[i], froms[i], tos[i] = int64(i+1), l.ProductID, jxc.Deref(l.FromLocationID), l.ToLocationID
			qtys[i], vals[i] = l.Quantity.String(), p.Moves[2*i+1].Value.String()
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO bin_move_lines (move_id, line_no, product_id, from_location_id, to_location_id, quantity, value)
			SELECT $1, t.no, t.p, nullif(t.f, 0), t.t, t.q::numeric, t.v::numeric
			FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[]) AS t(no, p, f, t, q, v)`,
			id, pq.Array(nos), pq.Array(prods), pq.Array(froms), pq.Array(tos), pq.Array(qtys), pq.Array(vals))
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.BinMove(ctx, id)
}

// fixFromFields names the source bin's field of a line for errors about it.
func fixFromFields(err error) error {
	es, ok := jxc.AsErrors(err)
	if !ok {
		return err
	}
	for i := range es {
		if f := es[i].Field; len(f) > len("from.locationId") && f[len(f)-len("from.locationId"):] == "from.locationId" {
			es[i].Field = f[:len(f)-len("from.locationId")] + "fromLocationId"
		} else if len(f) > len("locationId") && f[len(f)-len("locationId"):] == "locationId" {
			es[i].Field = f[:len(f)-len("locationId")] + "toLocationId"
		}
	}
	return es.Err()
}

const binMoveCols = `id, number, warehouse_id, posting_date, note`

// BinMove implements jxc.BinService.
func (s *BinService) BinMove(ctx context.Context, id int64) (*jxc.BinMoveDocument, error) {
	return s.loadBinMove(ctx, `SELECT `+binMoveCols+` FROM bin_moves WHERE id = $1`, id)
}

// BinMoveByNumber implements jxc.BinService.
func (s *BinService) BinMoveByNumber(ctx context.Context, number string) (*jxc.BinMoveDocument, error) {
	return s.loadBinMove(ctx, `SELECT `+binMoveCols+` FROM bin_moves WHERE number = $1`, number)
}

func (s *BinService) loadBinMove(ctx context.Context, query string, arg any) (*jxc.BinMoveDocument, error) {
	return loadBinMove(ctx, s.db, query, arg)
}

func loadBinMove(ctx context.Context, q Queryer, query string, arg any) (*jxc.BinMoveDocument, error) {
	d := &jxc.BinMoveDocument{}
	if err := q.GetContext(ctx, d, query, arg); errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "id", "no such bin move")
	} else if err != nil {
		return nil, err
	}
	if err := q.SelectContext(ctx, &d.Lines, `SELECT line_no, product_id, from_location_id, to_location_id, quantity, value
		FROM bin_move_lines WHERE move_id = $1 ORDER BY line_no`, d.ID); err != nil {
		return nil, err
	}
	return d, nil
}

// BinStock implements jxc.BinService: what each bin holds, valued at the
// warehouse's moving average (a bin holding all of it holds all its value).
func (s *BinService) BinStock(ctx context.Context, f jxc.BinStockFilter) ([]*jxc.BinStock, error) {
	var out []*jxc.BinStock
	err := s.db.SelectContext(ctx, &out, `SELECT bb.product_id, bb.warehouse_id, bb.location_id, bb.quantity,
			CASE WHEN bb.quantity = b.on_hand THEN b.value ELSE round(bb.quantity * b.value / nullif(b.on_hand, 0), 2) END AS value
		FROM stock_bin_balances bb
		JOIN stock_balances b ON b.product_id = bb.product_id AND b.warehouse_id = bb.warehouse_id
		JOIN products p ON p.id = bb.product_id
		LEFT JOIN locations l ON l.id = bb.location_id
		WHERE bb.quantity > 0 AND ($1::bigint IS NULL OR bb.warehouse_id = $1) AND ($2::bigint IS NULL OR bb.location_id = $2)
		  AND ($3::bigint IS NULL OR bb.product_id = $3)
		ORDER BY bb.warehouse_id, l.code NULLS FIRST, p.sku
		LIMIT 5000`, f.WarehouseID, f.LocationID, f.ProductID)
	return out, err
}

// PutawaySuggestions implements jxc.BinService: for each line, the active
// bin already holding the product (most stock first), else an empty bin
// in the product's putaway zone, else any empty bin (by code, bins without
// a zone first). An empty
// bin suggested for one line is not suggested for another product's.
func (s *BinService) PutawaySuggestions(ctx context.Context, warehouseID int64, lines []jxc.PutawayLine) ([]*jxc.PutawaySuggestion, error) {
	pids := make([]int64, len(lines))
	for i, l := range lines {
		pids[i] = l.ProductID
	}
	var bins []struct {
		ID    int64  `db:"id"`
		Zone  string `db:"zone"`
		Empty bool   `db:"empty"`
	}
	if err := s.db.SelectContext(ctx, &bins, `SELECT l.id, l.zone,
			NOT EXISTS (SELECT 1 FROM stock_bin_balances bb WHERE bb.location_id = l.id AND bb.quantity > 0) AS empty
		FROM locations l WHERE l.warehouse_id = $1 AND l.active ORDER BY l.code`, warehouseID); err != nil {
		return nil, err
	}
	var holding []struct {
		ProductID  int64 `db:"product_id"`
		LocationID int64 `db:"location_id"`
	}
	if err := s.db.SelectContext(ctx, &holding, `SELECT bb.product_id, bb.location_id FROM stock_bin_balances bb JOIN locations l ON l.id = bb.location_id
		WHERE bb.warehouse_id = $1 AND bb.product_id = ANY($2) AND bb.quantity > 0 AND l.active
		ORDER BY bb.product_id, bb.quantity DESC, l.code`, warehouseID, pq.Array(pids)); err != nil {
		return nil, err
	}
	var zones []struct {
		ID   int64  `db:"id"`
		Zone string `db:"putaway_zone"`
	}
	if err := s.db.SelectContext(ctx, &zones, `SELECT id, putaway_zone FROM products WHERE id = ANY($1)`, pq.Array(pids)); err != nil {
		return nil, err
	}
	zoneOf := map[int64]string{}
	for _, z := range zones {
		zoneOf[z.ID] = z.Zone
	}
	used := map[int64]int64{} // empty bin -> the product it was suggested for
	out := make([]*jxc.PutawaySuggestion, len(lines))
	for i, l := range lines {
		sg := &jxc.PutawaySuggestion{ProductID: l.ProductID, Reason: jxc.PutawayNone}
		out[i] = sg
		for _, h := range holding {
			if h.ProductID == l.ProductID {
				id := h.LocationID
				sg.LocationID, sg.Reason = &id, jxc.PutawayHoldsProduct
				break
			}
		}
		if sg.LocationID != nil {
			continue
		}
		// Any empty bin: one without a zone first, keeping zoned bins for
		// their products.
		noZone := ""
		pick := func(zone *string) *int64 {
			for _, b := range bins {
				if !b.Empty || (zone != nil && b.Zone != *zone) {
					continue
				}
				if p, ok := used[b.ID]; ok && p != l.ProductID {
					continue
				}
				id := b.ID
				return &id
			}
			return nil
		}
		if z := zoneOf[l.ProductID]; z != "" {
			if id := pick(&z); id != nil {
				sg.LocationID, sg.Reason = id, jxc.PutawayZone
			}
		}
		if sg.LocationID == nil {
			id := pick(&noZone)
			if id == nil {
				id = pick(nil)
			}
			if id != nil {
				sg.LocationID, sg.Reason = id, jxc.PutawayEmptyBin
			}
		}
		if sg.LocationID != nil {
			used[*sg.LocationID] = l.ProductID
		}
	}
	return out, nil
}

// SetLocationZone implements jxc.BinService.
func (s *BinService) SetLocationZone(ctx context.Context, locationID int64, zone string) (*jxc.Location, error) {
	var es jxc.Errors
	jxc.CheckZone(&es, "input.zone", zone)
	if err := es.Err(); err != nil {
		return nil, err
	}
	l := &jxc.Location{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "setLocationZone"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordLocation, locationID); err != nil {
			return err
		}
		err := tx.GetContext(ctx, l, `UPDATE locations SET zone = $2 WHERE id = $1 RETURNING `+locationCols, locationID, zone)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such location")
		}
		tx.Produced(jxc.RecordLocation, locationID, l.Code, jxc.AuditUpdate)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// SetProductPutawayZone implements jxc.BinService.
func (s *BinService) SetProductPutawayZone(ctx context.Context, productID int64, zone string) error {
	var es jxc.Errors
	jxc.CheckZone(&es, "input.zone", zone)
	if err := es.Err(); err != nil {
		return err
	}
	_, err := s.db.Write(ctx, jxc.Op{Name: "setProductPutawayZone"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordProduct, productID); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `UPDATE products SET putaway_zone = $2 WHERE id = $1`, productID, zone)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.id", "no such product")
		}
		tx.Produced(jxc.RecordProduct, productID, "", jxc.AuditUpdate)
		return nil
	})
	return err
}

// ProductPutawayZone is a product's putaway zone.
func (s *BinService) ProductPutawayZone(ctx context.Context, productID int64) (string, error) {
	var z string
	err := s.db.GetContext(ctx, &z, `SELECT putaway_zone FROM products WHERE id = $1`, productID)
	return z, err
}
