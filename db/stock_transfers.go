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

// Stock transfers (调拨): a draft, shipped whole out of the source warehouse
// into goods in transit, received in parts at the destination, and closed
// with a shortfall settled as a loss or a carrier claim. Every posting goes
// through the engine (jxc.TransferShipPosting, TransferReceivePosting,
// TransferShortfallPosting) in the write's one transaction.

// StockTransferService implements jxc.StockTransferService.
type StockTransferService struct{ db *DB }

// NewStockTransferService returns the transfers on db.
func NewStockTransferService(db *DB) *StockTransferService { return &StockTransferService{db: db} }

var _ jxc.StockTransferService = (*StockTransferService)(nil)

// inTransitInCol is a stock level's quantity on its way to the warehouse
// (b is the stock_balances row).
const inTransitInCol = `coalesce((SELECT sum(l.shipped_qty - l.received_qty - l.short_qty) FROM stock_transfer_lines l
	JOIN stock_transfers t ON t.id = l.transfer_id
	WHERE t.status IN ('SHIPPED', 'PARTIALLY_RECEIVED') AND t.to_warehouse_id = b.warehouse_id AND l.product_id = b.product_id), 0) AS in_transit_in`

const transferCols = `t.id, t.number, t.from_warehouse_id, t.to_warehouse_id, t.status, t.transfer_date, t.shipped_date, t.carrier, t.notes,
	t.ship_entry_id, (SELECT v.voucher_no FROM journal_entries v WHERE v.id = t.ship_entry_id) AS ship_voucher_no,
	t.created_at, t.shipped_at, t.closed_at,
	coalesce((SELECT sum(l.shipped_qty - l.received_qty - l.short_qty) FROM stock_transfer_lines l WHERE l.transfer_id = t.id), 0) AS in_transit_qty,
	coalesce((SELECT sum(l.shipped_value - l.received_value - l.short_value) FROM stock_transfer_lines l WHERE l.transfer_id = t.id), 0) AS in_transit_value`

// CreateStockTransfer implements jxc.StockTransferService.
func (s *StockTransferService) CreateStockTransfer(ctx context.Context, in jxc.StockTransferInput) (*jxc.StockTransfer, error) {
	invalid, _ := jxc.AsErrors(jxc.ValidateStockTransferInput(in))
	if len(in.Lines) == 0 || len(in.Lines) > 500 {
		return nil, invalid
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "createStockTransfer", Key: in.IdempotencyKey, Input: in}, findTransferByID, func(tx *Tx) (int64, error) {
		date := dateOrToday(in.TransferDate, tx)
		es := append(jxc.Errors{}, invalid...)
		var refs []stockRef
		for i, l := range in.Lines {
			f := fmt.Sprintf("input.lines.%d.", i)
			refs = append(refs, stockRef{f, l.ProductID, in.FromWarehouseID, l.FromLocationID})
			if l.ToLocationID != nil {
				refs = append(refs, stockRef{f + "to.", l.ProductID, in.ToWarehouseID, l.ToLocationID})
			}
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return 0, err
		}
		if err := checkWarehouse(ctx, tx, &es, "input.toWarehouseId", in.ToWarehouseID); err != nil {
			return 0, err
		}
		for i := range es { // the destination bin's errors name its field
			es[i].Field = strings.Replace(es[i].Field, ".to.locationId", ".toLocationId", 1)
			es[i].Field = strings.Replace(es[i].Field, ".locationId", ".fromLocationId", 1)
			es[i].Field = strings.Replace(es[i].Field, ".to.productId", ".productId", 1)
			es[i].Field = strings.Replace(es[i].Field, ".to.warehouseId", ".toWarehouseId", 1)
			if strings.HasSuffix(es[i].Field, ".warehouseId") {
				es[i].Field = "input.fromWarehouseId"
			}
		}
		es = dedupErrors(es)
		if err := es.Err(); err != nil {
			return 0, err
		}
		id, number, err := newNumber(ctx, tx, "stock_transfers", "TR-")
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_transfers (id, number, from_warehouse_id, to_warehouse_id, transfer_date, carrier, notes, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, btrim(coalesce($6, '')), coalesce($7, ''), $8, $9)`,
			id, number, in.FromWarehouseID, in.ToWarehouseID, date, in.Carrier, in.Notes, userID(ctx), tx.Now); err != nil {
			return 0, err
		}
		for i, l := range in.Lines {
			if _, err := tx.ExecContext(ctx, `INSERT INTO stock_transfer_lines (transfer_id, line_no, product_id, from_location_id, to_location_id, quantity)
				VALUES ($1, $2, $3, $4, $5, $6)`, id, i+1, l.ProductID, l.FromLocationID, l.ToLocationID, l.Quantity); err != nil {
				return 0, err
			}
		}
		tx.Produced(jxc.RecordStockTransfer, id, number, jxc.AuditCreate)
		return id, nil
	})
}

func dedupErrors(es jxc.Errors) jxc.Errors {
	var out jxc.Errors
	seen := map[string]bool{}
	for _, e := range es {
		k := e.Field + "\x00" + e.Message
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

func checkWarehouse(ctx context.Context, q Queryer, es *jxc.Errors, field string, id int64) error {
	var w struct {
		Code   string `db:"code"`
		Active bool   `db:"active"`
	}
	err := q.GetContext(ctx, &w, `SELECT code, active FROM warehouses WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		es.Add(jxc.ENOTFOUND, field, "no such warehouse")
		return nil
	} else if err != nil {
		return err
	}
	if !w.Active {
		es.Add(jxc.EINVALID, field, "warehouse {warehouse} is inactive", jxc.P{"warehouse": w.Code})
	}
	return nil
}

// lockTransfer locks a transfer by its number and loads it.
func lockTransfer(ctx context.Context, tx *Tx, number string) (*jxc.StockTransfer, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `SELECT id FROM stock_transfers WHERE number = $1 FOR UPDATE`, strings.TrimSpace(number))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, jxc.FieldErrorf(jxc.ENOTFOUND, "input.number", "no such transfer")
	} else if err != nil {
		return nil, err
	}
	return findTransferByID(ctx, tx, id)
}

// ShipStockTransfer implements jxc.StockTransferService.
func (s *StockTransferService) ShipStockTransfer(ctx context.Context, in jxc.ShipStockTransferInput) (*jxc.StockTransfer, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "shipStockTransfer", Key: in.IdempotencyKey, Input: in}, findTransferByID, func(tx *Tx) (int64, error) {
		t, err := lockTransfer(ctx, tx, in.Number)
		if err != nil {
			return 0, err
		}
		if err := jxc.CheckTransferStatus(t, "input.number", jxc.Noun("shipped"), jxc.TransferDraft); err != nil {
			return 0, err
		}
		es, _ := jxc.AsErrors(jxc.ValidateTransferShipInput(in))
		var refs []stockRef
		for i, l := range t.Lines {
			refs = append(refs, stockRef{fmt.Sprintf("input.lines.%d.", i), l.ProductID, t.FromWarehouseID, l.FromLocationID})
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return 0, err
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		date := dateOrToday(in.ShipDate, tx)
		ev := &jxc.TransferShipPosting{Date: date, Number: t.Number, WarehouseID: t.FromWarehouseID}
		for i, l := range t.Lines {
			ev.Lines = append(ev.Lines, jxc.TransferPostingLine{Field: fmt.Sprintf("input.lines.%d.", i), ProductID: l.ProductID, LocationID: l.FromLocationID, Quantity: l.Quantity})
		}
		p, err := post(ctx, tx, ev, &t.ID)
		if err != nil {
			return 0, err
		}
		if len(p.Moves) != len(t.Lines) {
			return 0, fmt.Errorf("transfer with %d lines shipped %d moves", len(t.Lines), len(p.Moves))
		}
		for i, l := range t.Lines {
			if _, err := tx.ExecContext(ctx, `UPDATE stock_transfer_lines SET shipped_qty = $3, shipped_value = $4 WHERE transfer_id = $1 AND line_no = $2`,
				t.ID, l.LineNo, l.Quantity, p.Moves[i].Value.Neg()); err != nil {
				return 0, err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stock_transfers SET status = 'SHIPPED', shipped_date = $2, shipped_at = $3, ship_entry_id = $4,
			carrier = CASE WHEN $5::text IS NULL THEN carrier ELSE btrim($5) END WHERE id = $1`, t.ID, date, tx.Now, p.EntryID, in.Carrier); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordStockTransfer, t.ID, t.Number, jxc.AuditPost)
		return t.ID, nil
	})
}

// ReceiveStockTransfer implements jxc.StockTransferService.
func (s *StockTransferService) ReceiveStockTransfer(ctx context.Context, in jxc.ReceiveStockTransferInput) (*jxc.StockTransfer, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "receiveStockTransfer", Key: in.IdempotencyKey, Input: in}, findTransferByID, func(tx *Tx) (int64, error) {
		t, err := lockTransfer(ctx, tx, in.Number)
		if err != nil {
			return 0, err
		}
		if err := jxc.CheckTransferStatus(t, "input.number", jxc.Noun("received"), jxc.TransferShipped, jxc.TransferPartiallyReceived); err != nil {
			return 0, err
		}
		var es jxc.Errors
		if err := jxc.ValidateTransferQuantities(t, in.Lines); err != nil {
			es, _ = jxc.AsErrors(err)
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		var refs []stockRef
		for i, q := range in.Lines {
			l := t.Line(q.LineNo)
			refs = append(refs, stockRef{fmt.Sprintf("input.lines.%d.", i), l.ProductID, t.ToWarehouseID, l.ToLocationID})
		}
		if err := checkStockRefs(ctx, tx, &es, refs); err != nil {
			return 0, err
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		date := dateOrToday(in.ReceiptDate, tx)
		ev := &jxc.TransferReceivePosting{Date: date, Number: t.Number, WarehouseID: t.ToWarehouseID}
		for i, q := range in.Lines {
			l := t.Line(q.LineNo)
			ev.Lines = append(ev.Lines, jxc.TransferPostingLine{Field: fmt.Sprintf("input.lines.%d.", i), ProductID: l.ProductID,
				LocationID: l.ToLocationID, Quantity: q.Quantity, Value: l.ShareOf(q.Quantity)})
		}
		p, err := post(ctx, tx, ev, &t.ID)
		if err != nil {
			return 0, err
		}
		if err := writeTransferEvent(ctx, tx, t.ID, "RECEIPT", date, nil, "", p.EntryID, in.Lines, ev.Lines); err != nil {
			return 0, err
		}
		for i, q := range in.Lines {
			if _, err := tx.ExecContext(ctx, `UPDATE stock_transfer_lines SET received_qty = received_qty + $3, received_value = received_value + $4
				WHERE transfer_id = $1 AND line_no = $2`, t.ID, q.LineNo, q.Quantity, ev.Lines[i].Value); err != nil {
				return 0, err
			}
		}
		if err := settleTransferStatus(ctx, tx, t.ID); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordStockTransfer, t.ID, t.Number, jxc.AuditPost)
		return t.ID, nil
	})
}

// SettleTransferShortfall implements jxc.StockTransferService.
func (s *StockTransferService) SettleTransferShortfall(ctx context.Context, in jxc.SettleTransferShortfallInput) (*jxc.StockTransfer, error) {
	if err := jxc.CheckShortfall(in); err != nil {
		return nil, err
	}
	return writeAndRead(ctx, s.db, jxc.Op{Name: "settleTransferShortfall", Key: in.IdempotencyKey, Input: in}, findTransferByID, func(tx *Tx) (int64, error) {
		t, err := lockTransfer(ctx, tx, in.Number)
		if err != nil {
			return 0, err
		}
		if err := jxc.CheckTransferStatus(t, "input.number", jxc.Noun("settled"), jxc.TransferShipped, jxc.TransferPartiallyReceived); err != nil {
			return 0, err
		}
		var es jxc.Errors
		var qs []jxc.TransferQuantityInput
		var pls []jxc.TransferPostingLine
		total := decimal.Zero
		pick := func(l *jxc.StockTransferLine) {
			if l.InTransitQty().Sign() > 0 {
				qs = append(qs, jxc.TransferQuantityInput{LineNo: l.LineNo, Quantity: l.InTransitQty()})
				pls = append(pls, jxc.TransferPostingLine{ProductID: l.ProductID, Quantity: l.InTransitQty(), Value: l.InTransitValue()})
				total = total.Add(l.InTransitValue())
			}
		}
		if len(in.LineNos) == 0 {
			for _, l := range t.Lines {
				pick(l)
			}
		}
		seen := map[int]bool{}
		for i, n := range in.LineNos {
			l := t.Line(n)
			if l == nil {
				es.Add(jxc.ENOTFOUND, fmt.Sprintf("input.lineNos.%d", i), "transfer {number} has no line {lineNo}", jxc.P{"number": t.Number, "lineNo": n})
				continue
			}
			if !seen[n] {
				seen[n] = true
				pick(l)
			}
		}
		if err := es.Err(); err != nil {
			return 0, err
		}
		if len(qs) == 0 {
			return 0, jxc.FieldErrorf(jxc.ECONFLICT, "input.lineNos", "transfer {number} has nothing in transit to settle", jxc.P{"number": t.Number})
		}
		date := dateOrToday(in.Date, tx)
		carrier := strings.TrimSpace(jxc.Deref(in.Carrier))
		var entryID *int64
		if total.Sign() > 0 {
			p, err := post(ctx, tx, &jxc.TransferShortfallPosting{Date: date, Number: t.Number, Reason: in.Reason, Carrier: carrier, Value: total}, &t.ID)
			if err != nil {
				return 0, err
			}
			entryID = p.EntryID
		}
		reason := in.Reason
		if err := writeTransferEvent(ctx, tx, t.ID, "SHORTFALL", date, &reason, carrier, entryID, qs, pls); err != nil {
			return 0, err
		}
		for i, q := range qs {
			if _, err := tx.ExecContext(ctx, `UPDATE stock_transfer_lines SET short_qty = short_qty + $3, short_value = short_value + $4, short_reason = $5
				WHERE transfer_id = $1 AND line_no = $2`, t.ID, q.LineNo, q.Quantity, pls[i].Value, reason); err != nil {
				return 0, err
			}
		}
		if err := settleTransferStatus(ctx, tx, t.ID); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordStockTransfer, t.ID, t.Number, jxc.AuditPost)
		return t.ID, nil
	})
}

// CancelStockTransfer implements jxc.StockTransferService.
func (s *StockTransferService) CancelStockTransfer(ctx context.Context, number string) (*jxc.StockTransfer, error) {
	return writeAndRead(ctx, s.db, jxc.Op{Name: "cancelStockTransfer"}, findTransferByID, func(tx *Tx) (int64, error) {
		t, err := lockTransfer(ctx, tx, number)
		if err != nil {
			return 0, err
		}
		if err := jxc.CheckTransferStatus(t, "input.number", jxc.Noun("cancelled"), jxc.TransferDraft); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stock_transfers SET status = 'CANCELLED', closed_at = $2 WHERE id = $1`, t.ID, tx.Now); err != nil {
			return 0, err
		}
		tx.Produced(jxc.RecordStockTransfer, t.ID, t.Number, jxc.AuditCancel)
		return t.ID, nil
	})
}

func writeTransferEvent(ctx context.Context, tx *Tx, transferID int64, kind string, date jxc.Date, reason *jxc.ShortfallReason, carrier string,
	entryID *int64, qs []jxc.TransferQuantityInput, pls []jxc.TransferPostingLine) error {
	var id int64
	if err := tx.GetContext(ctx, &id, `INSERT INTO stock_transfer_events (transfer_id, kind, event_date, reason, carrier, journal_entry_id, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, transferID, kind, date, reason, carrier, entryID, userID(ctx), tx.Now); err != nil {
		return err
	}
	for i, q := range qs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_transfer_event_lines (event_id, line_no, quantity, value) VALUES ($1, $2, $3, $4)`,
			id, q.LineNo, q.Quantity, pls[i].Value); err != nil {
			return err
		}
	}
	return nil
}

// settleTransferStatus derives a shipped transfer's status from its lines.
func settleTransferStatus(ctx context.Context, tx *Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE stock_transfers t SET
		status = CASE WHEN s.open AND s.any_done THEN 'PARTIALLY_RECEIVED' WHEN s.open THEN 'SHIPPED'
			WHEN s.any_short THEN 'CLOSED' ELSE 'RECEIVED' END,
		closed_at = CASE WHEN s.open THEN NULL ELSE $2::timestamptz END
		FROM (SELECT bool_or(shipped_qty > received_qty + short_qty) AS open, bool_or(received_qty + short_qty > 0) AS any_done,
		             bool_or(short_qty > 0) AS any_short FROM stock_transfer_lines WHERE transfer_id = $1) s
		WHERE t.id = $1`, id, tx.Now)
	return err
}

func loadTransfers(ctx context.Context, q Queryer, query string, args ...any) ([]*jxc.StockTransfer, error) {
	var ts []*jxc.StockTransfer
	if err := q.SelectContext(ctx, &ts, query, args...); err != nil {
		return nil, err
	}
	return ts, fillTransfers(ctx, q, ts)
}

func fillTransfers(ctx context.Context, q Queryer, ts []*jxc.StockTransfer) error {
	if len(ts) == 0 {
		return nil
	}
	by := map[int64]*jxc.StockTransfer{}
	for _, t := range ts {
		by[t.ID] = t
		t.Lines, t.Events = []*jxc.StockTransferLine{}, []*jxc.StockTransferEvent{}
	}
	ids := collect(ts, func(t *jxc.StockTransfer) int64 { return t.ID })
	var lines []*jxc.StockTransferLine
	if err := q.SelectContext(ctx, &lines, `SELECT transfer_id, line_no, product_id, from_location_id, to_location_id, quantity, shipped_qty, shipped_value,
		received_qty, received_value, short_qty, short_value, short_reason FROM stock_transfer_lines WHERE transfer_id = ANY($1) ORDER BY transfer_id, line_no`, pq.Array(ids)); err != nil {
		return err
	}
	var events []*jxc.StockTransferEvent
	if err := q.SelectContext(ctx, &events, `SELECT e.id, e.transfer_id, e.kind, e.event_date, e.reason, e.carrier, e.journal_entry_id,
		(SELECT v.voucher_no FROM journal_entries v WHERE v.id = e.journal_entry_id) AS voucher_no, e.created_at,
		coalesce((SELECT sum(quantity) FROM stock_transfer_event_lines x WHERE x.event_id = e.id), 0) AS quantity,
		coalesce((SELECT sum(value) FROM stock_transfer_event_lines x WHERE x.event_id = e.id), 0) AS value
		FROM stock_transfer_events e WHERE e.transfer_id = ANY($1) ORDER BY e.transfer_id, e.id`, pq.Array(ids)); err != nil {
		return err
	}
	r := refLoader{}
	for _, t := range ts {
		r.want(0, t.FromWarehouseID, nil)
		r.want(0, t.ToWarehouseID, nil)
	}
	for _, l := range lines {
		r.want(l.ProductID, by[l.TransferID].FromWarehouseID, l.FromLocationID)
		r.want(l.ProductID, by[l.TransferID].ToWarehouseID, l.ToLocationID)
	}
	if err := r.load(ctx, q); err != nil {
		return err
	}
	for _, t := range ts {
		_, t.FromWarehouse, _ = r.get(0, t.FromWarehouseID, nil)
		_, t.ToWarehouse, _ = r.get(0, t.ToWarehouseID, nil)
	}
	for _, l := range lines {
		t := by[l.TransferID]
		l.Product, _, l.FromLocation = r.get(l.ProductID, t.FromWarehouseID, l.FromLocationID)
		_, _, l.ToLocation = r.get(l.ProductID, t.ToWarehouseID, l.ToLocationID)
		t.Lines = append(t.Lines, l)
	}
	for _, e := range events {
		by[e.TransferID].Events = append(by[e.TransferID].Events, e)
	}
	return nil
}

func findTransferByID(ctx context.Context, q Queryer, id int64) (*jxc.StockTransfer, error) {
	ts, err := loadTransfers(ctx, q, `SELECT `+transferCols+` FROM stock_transfers t WHERE t.id = $1`, id)
	return theOne(ts, err, "id", "stock transfer", id)
}

// FindStockTransfer implements jxc.StockTransferService: nil when no
// transfer has the number.
func (s *StockTransferService) FindStockTransfer(ctx context.Context, number string) (*jxc.StockTransfer, error) {
	ts, err := loadTransfers(ctx, s.db, `SELECT `+transferCols+` FROM stock_transfers t WHERE t.number = $1`, strings.TrimSpace(number))
	if err != nil || len(ts) == 0 {
		return nil, err
	}
	return ts[0], nil
}

// FindStockTransfers implements jxc.StockTransferService.
func (s *StockTransferService) FindStockTransfers(ctx context.Context, f jxc.StockTransferFilter, o *jxc.StockTransferOrder, p jxc.PageArgs) (*jxc.Page[*jxc.StockTransfer], error) {
	var w where
	if len(f.Statuses) > 0 {
		st := make([]string, len(f.Statuses))
		for i, v := range f.Statuses {
			st[i] = string(v)
		}
		w.add(`t.status = ANY(%s)`, pq.Array(st))
	}
	if f.WarehouseID != nil {
		w.add(`(t.from_warehouse_id = %[1]s OR t.to_warehouse_id = %[1]s)`, *f.WarehouseID)
	}
	if f.InTransit != nil && *f.InTransit {
		w.add(`t.status IN ('SHIPPED', 'PARTIALLY_RECEIVED')`)
	}
	if f.DateFrom != nil {
		w.add(`t.transfer_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`t.transfer_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(t.number ILIKE %[1]s OR t.carrier ILIKE %[1]s OR t.notes ILIKE %[1]s OR EXISTS (SELECT 1 FROM stock_transfer_lines l JOIN products p ON p.id = l.product_id
			WHERE l.transfer_id = t.id AND (p.sku ILIKE %[1]s OR p.name ILIKE %[1]s)))`, likePattern(*f.Search))
	}
	dir, col := "DESC", "t.transfer_date"
	if o != nil {
		dir = o.Direction.SQL()
		if o.Field == jxc.TransferOrderNumber {
			col = "t.number"
		}
	}
	pg, err := page[*jxc.StockTransfer](ctx, s.db, p, transferCols, "stock_transfers t", &w, col+" "+dir+", t.id "+dir)
	if err != nil {
		return nil, err
	}
	return pg, fillTransfers(ctx, s.db, pg.Items)
}
