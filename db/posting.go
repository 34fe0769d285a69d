package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// posted is what post wrote.
type posted struct {
	*jxc.Posting
	Source    jxc.SourceType
	EntryID   *int64
	VoucherNo string // the entry's voucher number, when there is an entry
}

// post is the one way stock moves, journal entries and lines, and the
// balance tables are written. Every flow calls it inside its transaction:
// it locks the period (shared) and the products and balances the event
// needs (exclusive, by product id then warehouse id), runs the pure rules,
// and writes their result; the month's voucher counter is the last lock it
// takes (just before the entry row is written), held until commit.
// sourceID is the document's id (nil for manual entries, which are their
// own document).
func post(ctx context.Context, tx *Tx, ev jxc.Event, sourceID *int64) (*posted, error) {
	if err := ev.Validate(); err != nil {
		return nil, err
	}
	date := ev.Day()
	var es jxc.Errors
	if err := lockPostingDate(ctx, tx, &es, dateFieldOf(ev.Source()), "the posting date", date); err != nil {
		return nil, err
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	if err := lockOpenPeriod(ctx, tx, date, dateFieldOf(ev.Source())); err != nil {
		return nil, err
	}
	needs := ev.Needs()
	state := &jxc.PostingState{
		Balances: map[jxc.StockKey]jxc.StockBalance{},
		LastMove: map[int64]jxc.Date{},
		Accounts: map[string]*jxc.Account{},
		SKUs:     map[int64]string{},
	}
	if len(needs.Stock) > 0 {
		if err := lockStock(ctx, tx, needs.Stock, state); err != nil {
			return nil, err
		}
	}
	codes := slices.Clone(needs.Accounts)
	slices.Sort(codes)
	codes = slices.Compact(codes)
	var accts []*jxc.Account
	if err := tx.SelectContext(ctx, &accts, `SELECT `+accountCols+` FROM accounts WHERE code = ANY($1)`, pq.Array(codes)); err != nil {
		return nil, err
	}
	for _, a := range accts {
		state.Accounts[a.Code] = a
	}

	p, err := jxc.Post(ev, state)
	if err != nil {
		return nil, err
	}
	if err := fillDimensions(ctx, tx, ev.Source(), p, state.Accounts); err != nil {
		return nil, err
	}
	out := &posted{Posting: p, Source: ev.Source()}
	if len(p.Lines) > 0 {
		// The entry's id comes first, its row last (see below); lines and
		// moves refer to it, checked at commit (0062).
		id, err := nextID(ctx, tx, "journal_entries")
		if err != nil {
			return nil, err
		}
		out.EntryID = &id
		if err := writeLines(ctx, tx, id, date, p.Lines); err != nil {
			return nil, err
		}
	}
	if len(p.Moves) > 0 {
		if sourceID == nil {
			return nil, fmt.Errorf("stock moves of %s need a source document", ev.Source())
		}
		// Batch-tracked products' moves are written split by batch
		// (batches.go); p.Moves stays one move per line for the flows.
		written, err := assignBatches(ctx, tx, p.Moves)
		if err != nil {
			return nil, err
		}
		if err := writeMoves(ctx, tx, ev.Source(), *sourceID, out.EntryID, date, written); err != nil {
			return nil, err
		}
		if err := writeBatchBalances(ctx, tx, written); err != nil {
			return nil, err
		}
	}
	for _, e := range postingEffects {
		if err := e.Run(ctx, tx, out); err != nil {
			return nil, err
		}
	}
	if len(p.Lines) > 0 {
		// The per-day account rows are contended (every stock posting of a
		// day touches 1405), so they are locked late; the month's voucher
		// counter is contended by every posting of the month, so it is
		// locked last, just before the entry row is written, and held
		// until commit for as short a time as the transaction allows.
		if err := addAccountDaily(ctx, tx, date, p.Lines); err != nil {
			return nil, err
		}
		seq, err := nextVoucher(ctx, tx, date)
		if err != nil {
			return nil, err
		}
		if own, ok := ev.(interface{ OwnDocument() bool }); ok && own.OwnDocument() && sourceID == nil {
			sourceID = out.EntryID // a closing voucher is its own document
		}
		// The description is stored in the company language, with what it
		// was rendered from so that each reader reads it in theirs.
		tmpl, params, text := p.Description.Stored()
		if err := tx.GetContext(ctx, &out.VoucherNo, `INSERT INTO journal_entries (id, posting_date, description, source_type, source_id, reverses_id, created_by, voucher_seq, attachments,
				description_template, description_params)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING voucher_no`,
			*out.EntryID, date, text, ev.Source(), sourceID, p.ReversesID, userID(ctx), seq, p.Attachments, tmpl, params); err != nil {
			return nil, domainError(err, "input.id")
		}
	}
	return out, nil
}

// nextVoucher takes the next voucher number of the date's month (记账凭证
// are numbered 1..n per month without gaps). The counter row stays locked
// until commit, so a rolled-back posting gives its number back; a
// transaction posting into several months takes them in the order it
// posts, so flows post one month at a time.
func nextVoucher(ctx context.Context, tx *Tx, date jxc.Date) (int, error) {
	var n int
	err := tx.GetContext(ctx, &n, `INSERT INTO voucher_counters AS c (month, last_no) VALUES (date_trunc('month', $1::date)::date, 1)
		ON CONFLICT (month) DO UPDATE SET last_no = c.last_no + 1 RETURNING last_no`, date)
	return n, err
}

// postingEffect is work that follows every posting, in the posting's
// transaction: it sees what was written and may write more, and its error
// rolls the posting back.
type postingEffect struct {
	Name string
	Run  func(ctx context.Context, tx *Tx, p *posted) error
}

// postingEffects run in this order after each posting's moves and lines are
// written (before the per-day account totals and the entry row itself,
// which are written last: an effect knows the entry's id, not its row). A
// module adds its effect here.
var postingEffects = []postingEffect{
	{"low-stock alerts", raiseLowStockAfterPosting},
	{"receipt layers", followReceiptLayers},
	{"bin balances", keepBinBalances},
}

// raiseLowStockAfterPosting: stock that this posting took under its reorder
// point or safety stock raises a LOW_STOCK alert (once, until acknowledged);
// the purchase suggestions list it from the same balances.
func raiseLowStockAfterPosting(ctx context.Context, tx *Tx, p *posted) error {
	var outflow []int64
	for _, m := range p.Moves {
		if m.Quantity.IsNegative() && !slices.Contains(outflow, m.ProductID) {
			outflow = append(outflow, m.ProductID)
		}
	}
	if len(outflow) == 0 {
		return nil
	}
	_, err := RaiseLowStockAlerts(ctx, tx, outflow)
	return err
}

func userID(ctx context.Context) *int64 {
	if u := jxc.UserFromContext(ctx); u != nil && u.ID > 0 {
		return &u.ID
	}
	return nil
}

// lockOpenPeriod creates the date's period if needed and holds it shared
// until commit, so a concurrent close waits for this posting and a closed
// period refuses it.
func lockOpenPeriod(ctx context.Context, tx *Tx, date jxc.Date, field string) error {
	// The period usually exists: look first, create only when missing.
	var status string
	err := tx.GetContext(ctx, &status, `SELECT status FROM fiscal_periods WHERE year = $1 AND month = $2 FOR SHARE`, date.Year, int(date.Month))
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO fiscal_periods (year, month) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
			date.Year, int(date.Month)); err != nil {
			return err
		}
		err = tx.GetContext(ctx, &status, `SELECT status FROM fiscal_periods WHERE year = $1 AND month = $2 FOR SHARE`, date.Year, int(date.Month))
	}
	if err != nil {
		return err
	}
	if status != string(jxc.PeriodOpen) {
		return jxc.FieldErrorf(jxc.EPERIODCLOSED, field, "the fiscal period {period} is closed; post into an open period or ask finance to reopen it",
			jxc.P{"period": fmt.Sprintf("%04d-%02d", date.Year, int(date.Month))})
	}
	return nil
}

// lockStock locks the products' stock rows, then their balances, each in
// ascending order, and loads them into the state.
func lockStock(ctx context.Context, tx *Tx, keys []jxc.StockKey, s *jxc.PostingState) error {
	keys = slices.Clone(keys)
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	var pids, wids []int64
	for _, k := range keys {
		if len(pids) == 0 || pids[len(pids)-1] != k.ProductID {
			pids = append(pids, k.ProductID)
		}
	}
	for _, k := range keys {
		wids = append(wids, k.WarehouseID)
	}
	kp := make([]int64, len(keys))
	for i, k := range keys {
		kp[i] = k.ProductID
	}
	var prods []struct {
		ID   int64     `db:"product_id"`
		Last *jxc.Date `db:"last_move_date"`
		SKU  string    `db:"sku"`
	}
	if err := tx.SelectContext(ctx, &prods, `SELECT ps.product_id, ps.last_move_date, p.sku
		FROM product_stock ps JOIN products p ON p.id = ps.product_id
		WHERE ps.product_id = ANY($1) ORDER BY ps.product_id FOR UPDATE OF ps`, pq.Array(pids)); err != nil {
		return err
	}
	if len(prods) != len(pids) {
		return fmt.Errorf("stock posting for products %v found only %d of them: check them before posting", pids, len(prods))
	}
	for _, p := range prods {
		s.SKUs[p.ID] = p.SKU
		if p.Last != nil {
			s.LastMove[p.ID] = *p.Last
		}
	}
	// Messages name warehouses by code and name, never by id.
	var whs []struct {
		ID    int64  `db:"id"`
		Label string `db:"label"`
	}
	if err := tx.SelectContext(ctx, &whs, `SELECT id, code || ' ' || name AS label FROM warehouses WHERE id = ANY($1)`, pq.Array(wids)); err != nil {
		return err
	}
	if s.Warehouses == nil {
		s.Warehouses = map[int64]string{}
	}
	for _, w := range whs {
		s.Warehouses[w.ID] = w.Label
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stock_balances (product_id, warehouse_id)
		SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING`, pq.Array(kp), pq.Array(wids)); err != nil {
		return err
	}
	var bals []jxc.StockBalance
	if err := tx.SelectContext(ctx, &bals, `SELECT b.product_id, b.warehouse_id, b.on_hand, b.reserved, b.value
		FROM stock_balances b JOIN unnest($1::bigint[], $2::bigint[]) AS k(p, w) ON b.product_id = k.p AND b.warehouse_id = k.w
		ORDER BY b.product_id, b.warehouse_id FOR UPDATE OF b`, pq.Array(kp), pq.Array(wids)); err != nil {
		return err
	}
	for _, b := range bals {
		s.Balances[b.Key()] = b
	}
	return nil
}

func decStrings(ds []decimal.Decimal) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func writeLines(ctx context.Context, tx *Tx, entryID int64, date jxc.Date, lines []*jxc.JournalLine) error {
	n := len(lines)
	nos, accts, debits, credits, ccs, partners, descs := make([]int64, n), make([]string, n), make([]decimal.Decimal, n),
		make([]decimal.Decimal, n), make([]string, n), make([]string, n), make([]string, n)
	products, customers, suppliers, warehouses := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
	depts, sps := make([]string, n), make([]string, n)
	tmpls, params := make([]string, n), make([]string, n)
	for i, l := range lines {
		nos[i], accts[i], debits[i], credits[i], descs[i] = int64(l.LineNo), l.AccountCode, l.Debit, l.Credit, l.Description
		tmpls[i] = jxc.Deref(l.DescriptionTemplate)
		if v, err := l.DescriptionParams.Value(); err != nil {
			return err
		} else if v != nil {
			params[i] = v.(string)
		}
		ccs[i], partners[i] = jxc.Deref(l.CostCentre), jxc.Deref(l.Partner)
		products[i], customers[i], suppliers[i], warehouses[i] = jxc.Deref(l.ProductID), jxc.Deref(l.CustomerID), jxc.Deref(l.SupplierID), jxc.Deref(l.WarehouseID)
		depts[i], sps[i] = jxc.Deref(l.Department), jxc.Deref(l.Salesperson)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO journal_lines (entry_id, line_no, account_code, debit, credit, posting_date, cost_centre, partner, product_id, description,
			customer_id, supplier_id, warehouse_id, department, salesperson, description_template, description_params)
		SELECT $1, t.no, t.acct, t.debit, t.credit, $2, nullif(t.cc, ''), nullif(t.partner, ''), nullif(t.product, 0), t.descr,
			nullif(t.customer, 0), nullif(t.supplier, 0), nullif(t.warehouse, 0), nullif(btrim(t.dept), ''), nullif(btrim(t.sp), ''),
			nullif(t.tmpl, ''), nullif(t.params, '')::jsonb
		FROM unnest($3::int[], $4::text[], $5::numeric[], $6::numeric[], $7::text[], $8::text[], $9::text[], $10::bigint[],
			$11::bigint[], $12::bigint[], $13::bigint[], $14::text[], $15::text[], $16::text[], $17::text[])
		  AS t(no, acct, debit, credit, cc, partner, descr, product, customer, supplier, warehouse, dept, sp, tmpl, params)`,
		entryID, date, pq.Array(nos), pq.Array(accts), pq.Array(decStrings(debits)), pq.Array(decStrings(credits)),
		pq.Array(ccs), pq.Array(partners), pq.Array(descs), pq.Array(products),
		pq.Array(customers), pq.Array(suppliers), pq.Array(warehouses), pq.Array(depts), pq.Array(sps), pq.Array(tmpls), pq.Array(params))
	return err
}

// addAccountDaily adds the lines to the per-day account totals, one row
// per account in code order (a fixed lock order).
func addAccountDaily(ctx context.Context, tx *Tx, date jxc.Date, lines []*jxc.JournalLine) error {
	sums := map[string][2]decimal.Decimal{}
	for _, l := range lines {
		s := sums[l.AccountCode]
		sums[l.AccountCode] = [2]decimal.Decimal{s[0].Add(l.Debit), s[1].Add(l.Credit)}
	}
	codes := make([]string, 0, len(sums))
	for c := range sums {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	debits, credits := make([]decimal.Decimal, len(codes)), make([]decimal.Decimal, len(codes))
	for i, c := range codes {
		debits[i], credits[i] = sums[c][0], sums[c][1]
	}
	// Each backend adds to its own stripe of the day's row (0041), so
	// concurrent postings of one day do not queue on one row.
	// The entry counts once for each account it touches (0043); the month's
	// totals (0044) are kept by the same statement.
	_, err := tx.ExecContext(ctx, `WITH t AS (
			SELECT * FROM unnest($2::text[], $3::numeric[], $4::numeric[]) WITH ORDINALITY AS t(acct, debit, credit, o)
		), daily AS (
			INSERT INTO account_daily AS a (account_code, day, stripe, debit, credit, entries)
			SELECT t.acct, $1, (pg_backend_pid() % 8)::smallint, t.debit, t.credit, 1 FROM t ORDER BY t.o
			ON CONFLICT (account_code, day, stripe) DO UPDATE SET debit = a.debit + excluded.debit, credit = a.credit + excluded.credit,
				entries = a.entries + 1
		)
		INSERT INTO account_monthly AS m (account_code, month, stripe, debit, credit, weighted)
		SELECT t.acct, date_trunc('month', $1::date)::date, (pg_backend_pid() % 8)::smallint, t.debit, t.credit,
			(t.debit - t.credit) * ($1::date - date '2000-01-01')
		FROM t ORDER BY t.o
		ON CONFLICT (account_code, month, stripe) DO UPDATE SET debit = m.debit + excluded.debit, credit = m.credit + excluded.credit,
			weighted = m.weighted + excluded.weighted`,
		date, pq.Array(codes), pq.Array(decStrings(debits)), pq.Array(decStrings(credits)))
	return err
}

func writeMoves(ctx context.Context, tx *Tx, src jxc.SourceType, srcID int64, entryID *int64, date jxc.Date, moves []*jxc.StockMove) error {
	n := len(moves)
	pids, wids, locs, bats := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
	qtys, vals := make([]decimal.Decimal, n), make([]decimal.Decimal, n)
	type sum struct{ q, v decimal.Decimal }
	sums := map[jxc.StockKey]sum{}
	var keys []jxc.StockKey
	for i, m := range moves {
		pids[i], wids[i], locs[i], qtys[i], vals[i] = m.ProductID, m.WarehouseID, jxc.Deref(m.LocationID), m.Quantity, m.Value
		bats[i] = jxc.Deref(m.BatchID)
		k := jxc.StockKey{ProductID: m.ProductID, WarehouseID: m.WarehouseID}
		s, ok := sums[k]
		if !ok {
			keys = append(keys, k)
		}
		sums[k] = sum{s.q.Add(m.Quantity), s.v.Add(m.Value)}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stock_moves (product_id, warehouse_id, location_id, quantity, value, posting_date, source_type, source_id, journal_entry_id, batch_id)
		SELECT t.p, t.w, nullif(t.l, 0), t.q, t.v, $1, $2, $3, $4, nullif(t.b, 0)
		FROM unnest($5::bigint[], $6::bigint[], $7::bigint[], $8::numeric[], $9::numeric[], $10::bigint[]) AS t(p, w, l, q, v, b)`,
		date, src, srcID, entryID, pq.Array(pids), pq.Array(wids), pq.Array(locs), pq.Array(decStrings(qtys)), pq.Array(decStrings(vals)), pq.Array(bats)); err != nil {
		return err
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	kp, kw := make([]int64, len(keys)), make([]int64, len(keys))
	kq, kv := make([]decimal.Decimal, len(keys)), make([]decimal.Decimal, len(keys))
	var products []int64
	for i, k := range keys {
		kp[i], kw[i], kq[i], kv[i] = k.ProductID, k.WarehouseID, sums[k].q, sums[k].v
		if len(products) == 0 || products[len(products)-1] != k.ProductID {
			products = append(products, k.ProductID)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stock_balances b SET on_hand = b.on_hand + t.q, value = b.value + t.v
		FROM unnest($1::bigint[], $2::bigint[], $3::numeric[], $4::numeric[]) AS t(p, w, q, v)
		WHERE b.product_id = t.p AND b.warehouse_id = t.w`,
		pq.Array(kp), pq.Array(kw), pq.Array(decStrings(kq)), pq.Array(decStrings(kv))); err != nil {
		return domainError(err, "input.lines")
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stock_daily AS s (product_id, warehouse_id, day, qty_change, value_change)
		SELECT t.p, t.w, $1, t.q, t.v FROM unnest($2::bigint[], $3::bigint[], $4::numeric[], $5::numeric[]) WITH ORDINALITY AS t(p, w, q, v, o)
		ORDER BY t.o
		ON CONFLICT (product_id, warehouse_id, day) DO UPDATE SET qty_change = s.qty_change + excluded.qty_change, value_change = s.value_change + excluded.value_change`,
		date, pq.Array(kp), pq.Array(kw), pq.Array(decStrings(kq)), pq.Array(decStrings(kv))); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE product_stock SET last_move_date = greatest(coalesce(last_move_date, $1), $1) WHERE product_id = ANY($2)`,
		date, pq.Array(products))
	return err
}

// stockRef is one document line's references, checked before posting.
type stockRef struct {
	field       string // "input.lines.N."
	productID   int64
	warehouseID int64
	locationID  *int64
}

// checkStockRefs adds an error for every product, warehouse or bin that does
// not exist, is inactive, or (a bin) lies in another warehouse.
func checkStockRefs(ctx context.Context, q Queryer, es *jxc.Errors, refs []stockRef) error {
	var pids, wids, lids []int64
	for _, r := range refs {
		pids, wids = append(pids, r.productID), append(wids, r.warehouseID)
		if r.locationID != nil {
			lids = append(lids, *r.locationID)
		}
	}
	type ref struct {
		ID     int64  `db:"id"`
		Name   string `db:"name"`
		Active bool   `db:"active"`
		WID    int64  `db:"wid"`
	}
	load := func(query string, ids []int64) (map[int64]ref, error) {
		var rows []ref
		if err := q.SelectContext(ctx, &rows, query, pq.Array(ids)); err != nil {
			return nil, err
		}
		m := map[int64]ref{}
		for _, r := range rows {
			m[r.ID] = r
		}
		return m, nil
	}
	ps, err := load(`SELECT id, sku AS name, active, 0 AS wid FROM products WHERE id = ANY($1)`, pids)
	if err != nil {
		return err
	}
	ws, err := load(`SELECT id, code AS name, active, 0 AS wid FROM warehouses WHERE id = ANY($1)`, wids)
	if err != nil {
		return err
	}
	ls, err := load(`SELECT id, code AS name, active, warehouse_id AS wid FROM locations WHERE id = ANY($1)`, lids)
	if err != nil {
		return err
	}
	for _, r := range refs {
		if p, ok := ps[r.productID]; !ok {
			es.Add(jxc.ENOTFOUND, r.field+"productId", "no such product")
		} else if !p.Active {
			es.Add(jxc.EINVALID, r.field+"productId", "product {product} is inactive", jxc.P{"product": p.Name})
		}
		if w, ok := ws[r.warehouseID]; !ok {
			es.Add(jxc.ENOTFOUND, r.field+"warehouseId", "no such warehouse")
		} else if !w.Active {
			es.Add(jxc.EINVALID, r.field+"warehouseId", "warehouse {warehouse} is inactive", jxc.P{"warehouse": w.Name})
		}
		if r.locationID != nil {
			if l, ok := ls[*r.locationID]; !ok {
				es.Add(jxc.ENOTFOUND, r.field+"locationId", "no such location")
			} else if l.WID != r.warehouseID {
				es.Add(jxc.EINVALID, r.field+"locationId", "location {location} is not in warehouse {warehouse}", jxc.P{"location": l.Name, "warehouse": ws[r.warehouseID].Name})
			} else if !l.Active {
				es.Add(jxc.EINVALID, r.field+"locationId", "location {location} is inactive", jxc.P{"location": l.Name})
			}
		}
	}
	return nil
}

// numberAndPost numbers a new document of table and posts the event that
// event makes with its number, the document being the entry's source.
func numberAndPost[E jxc.Event](ctx context.Context, tx *Tx, table, prefix string, event func(number string) E) (id int64, number string, ev E, p *posted, err error) {
	if id, number, err = newNumber(ctx, tx, table, prefix); err != nil {
		return
	}
	ev = event(number)
	p, err = post(ctx, tx, ev, &id)
	return
}
