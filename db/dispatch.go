package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// DispatchService is pick, pack and dispatch (jxc.DispatchService).
type DispatchService struct {
	db     *DB
	events *Events
}

// NewDispatchService makes the service; events (may be nil) serve the
// live delivery updates.
func NewDispatchService(db *DB, events *Events) *DispatchService {
	return &DispatchService{db: db, events: events}
}

var _ jxc.DispatchService = (*DispatchService)(nil)

// pickListOrders are the pick list sort keys.
var pickListOrders = map[string]string{"NUMBER": "number", "CREATED_AT": "created_at", "STATUS": "status"}

const pickListCols = `id, number, warehouse_id, status, created_by, created_at, confirmed_at`

const pickLineSelect = `SELECT pl.id, pl.pick_list_id, pl.seq, pl.shipment_line_id, pl.shipment_id, pl.product_id, pl.location_id,
	pl.batch_id, pl.quantity, pl.picked, s.number AS shipment_number
	FROM pick_list_lines pl JOIN shipments s ON s.id = pl.shipment_id`

// topicDelivery is the live topic of delivery status changes, keyed by
// tracking number.
const topicDelivery = "delivery"

// CreatePickList implements jxc.DispatchService: the pending shipments of
// one warehouse, none on another open pick list, their lines taken from the
// bins holding the product in route order.
func (s *DispatchService) CreatePickList(ctx context.Context, in jxc.CreatePickListInput) (*jxc.PickList, error) {
	if err := jxc.ValidateCreatePickList(in); err != nil {
		return nil, err
	}
	var number string
	_, err := s.db.Write(ctx, jxc.Op{Name: "createPickList", Input: in}, func(tx *Tx) error {
		nums := make([]string, len(in.ShipmentNumbers))
		for i, n := range in.ShipmentNumbers {
			nums[i] = strings.TrimSpace(n)
		}
		var shs []*jxc.Shipment
		if err := tx.SelectContext(ctx, &shs, `SELECT `+shipmentCols+` FROM shipments WHERE number = ANY($1) ORDER BY id FOR UPDATE`, pq.Array(nums)); err != nil {
			return err
		}
		byNo := map[string]*jxc.Shipment{}
		for _, sh := range shs {
			byNo[sh.Number] = sh
		}
		var es jxc.Errors
		var wid int64
		for i, n := range nums {
			f := "input.shipmentNumbers." + itoa(i)
			sh := byNo[n]
			switch {
			case sh == nil:
				es.Add(jxc.ENOTFOUND, f, "no such {what}", jxc.P{"what": jxc.Noun("shipment")})
			case sh.Status != jxc.ShipmentPending:
				es.Add(jxc.ECONFLICT, f, "shipment {shipment} is {status}; only a pending shipment is picked", jxc.P{"shipment": n, "status": jxc.StatusText(sh.Status)})
			case wid != 0 && sh.WarehouseID != wid:
				var code string
				if err := tx.GetContext(ctx, &code, `SELECT code FROM warehouses WHERE id = $1`, sh.WarehouseID); err != nil {
					return err
				}
				es.Add(jxc.EINVALID, f, "the shipments of one pick list leave from one warehouse; {shipment} leaves from {warehouse}", jxc.P{"shipment": n, "warehouse": code})
			default:
				wid = sh.WarehouseID
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		ids := make([]int64, len(shs))
		for i, sh := range shs {
			ids[i] = sh.ID
		}
		var busy []struct {
			Shipment string `db:"shipment"`
			List     string `db:"list"`
		}
		if err := tx.SelectContext(ctx, &busy, `SELECT s.number AS shipment, p.number AS list FROM pick_list_shipments ps
			JOIN pick_lists p ON p.id = ps.pick_list_id JOIN shipments s ON s.id = ps.shipment_id
			WHERE ps.shipment_id = ANY($1) AND p.status = 'OPEN' ORDER BY s.number`, pq.Array(ids)); err != nil {
			return err
		}
		for _, b := range busy {
			es.Add(jxc.ECONFLICT, "input.shipmentNumbers", "shipment {shipment} is on open pick list {list}", jxc.P{"shipment": b.Shipment, "list": b.List})
		}
		if err := es.Err(); err != nil {
			return err
		}
		var needs []struct {
			ID         int64           `db:"id"`
			ShipmentID int64           `db:"shipment_id"`
			ProductID  int64           `db:"product_id"`
			SKU        string          `db:"sku"`
			Quantity   decimal.Decimal `db:"quantity"`
		}
		// Picked in the stock unit, as the bins and batches hold it: a line of
		// 2 cartons of 12 is 24 to pick.
		if err := tx.SelectContext(ctx, &needs, `SELECT l.id, l.shipment_id, l.product_id, p.sku,
				l.quantity * coalesce((SELECT ol.unit_factor FROM sales_order_lines ol WHERE ol.id = l.order_line_id), 1) AS quantity
			FROM shipment_lines l JOIN products p ON p.id = l.product_id WHERE l.shipment_id = ANY($1) ORDER BY l.shipment_id, l.line_no`, pq.Array(ids)); err != nil {
			return err
		}
		pn, pids := make([]jxc.PickNeed, len(needs)), []int64{}
		shipmentOf := map[int64]int64{}
		for i, n := range needs {
			pn[i] = jxc.PickNeed{ShipmentLineID: n.ID, ProductID: n.ProductID, SKU: n.SKU, Quantity: n.Quantity}
			pids = append(pids, n.ProductID)
			shipmentOf[n.ID] = n.ShipmentID
		}
		bins, err := binStocks(ctx, tx, wid, pids)
		if err != nil {
			return err
		}
		plan := jxc.PlanPicks(pn, bins)
		if plan, err = fefoPicks(ctx, tx, wid, plan); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowxContext(ctx, `INSERT INTO pick_lists (warehouse_id, created_by, created_at) VALUES ($1, $2, $3) RETURNING id, number`,
			wid, userID(ctx), tx.Now).Scan(&id, &number); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pick_list_shipments (pick_list_id, shipment_id) SELECT $1, unnest($2::bigint[])`, id, pq.Array(ids)); err != nil {
			return err
		}
		n := len(plan)
		seqs, sls, shids, prods, locs := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n), make([]sql.NullInt64, n)
		bats, qs := make([]sql.NullInt64, n), make([]string, n)
		for i, p := range plan {
			seqs[i], sls[i], shids[i], prods[i], qs[i] = int64(i+1), p.ShipmentLineID, shipmentOf[p.ShipmentLineID], p.ProductID, p.Quantity.String()
			if p.LocationID != nil {
				locs[i] = sql.NullInt64{Int64: *p.LocationID, Valid: true}
			}
			if p.BatchID != nil {
				bats[i] = sql.NullInt64{Int64: *p.BatchID, Valid: true}
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pick_list_lines (pick_list_id, seq, shipment_line_id, shipment_id, product_id, location_id, batch_id, quantity)
			SELECT $1, t.seq, t.sl, t.sh, t.p, t.loc, t.b, t.q FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::numeric[])
			AS t(seq, sl, sh, p, loc, b, q)`, id, pq.Array(seqs), pq.Array(sls), pq.Array(shids), pq.Array(prods), pq.GenericArray{A: locs}, pq.GenericArray{A: bats}, pq.Array(qs)); err != nil {
			return err
		}
		tx.Produced(jxc.RecordPickList, id, number, jxc.AuditCreate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindPickList(ctx, number)
}

// binStocks is, per product, its stock in each active bin of the warehouse
// (the per-bin balances kept with the stock moves), with the bins' route;
// stock in no bin is what the balance holds beyond the bins.
func binStocks(ctx context.Context, q Queryer, wid int64, pids []int64) (map[int64][]jxc.PickBinStock, error) {
	var rows []jxc.PickBinStock
	if err := q.SelectContext(ctx, &rows, `SELECT b.product_id, b.location_id, l.pick_sequence, l.code, b.quantity
		FROM stock_bin_balances b JOIN locations l ON l.id = b.location_id
		WHERE b.warehouse_id = $1 AND b.product_id = ANY($2) AND l.active AND b.quantity > 0`, wid, pq.Array(pids)); err != nil {
		return nil, err
	}
	out := map[int64][]jxc.PickBinStock{}
	for _, r := range rows {
		out[r.ProductID] = append(out[r.ProductID], r)
	}
	return out, nil
}

func lockPickList(ctx context.Context, tx *Tx, number string) (*jxc.PickList, error) {
	var ls []*jxc.PickList
	err := tx.SelectContext(ctx, &ls, `SELECT `+pickListCols+` FROM pick_lists WHERE number = $1 FOR UPDATE`, strings.TrimSpace(number))
	if err != nil {
		return nil, err
	}
	if len(ls) == 0 {
		return nil, notFound("input.pickListNumber", "pick list", 0)
	}
	if err := tx.SelectContext(ctx, &ls[0].Lines, pickLineSelect+` WHERE pl.pick_list_id = $1 ORDER BY pl.seq`, ls[0].ID); err != nil {
		return nil, err
	}
	return ls[0], nil
}

// RecordPick implements jxc.DispatchService: adds a scanned quantity.
func (s *DispatchService) RecordPick(ctx context.Context, in jxc.RecordPickInput) (*jxc.PickList, error) {
	var number string
	_, err := s.db.Write(ctx, jxc.Op{Name: "recordPick", Input: in}, func(tx *Tx) error {
		pl, err := lockPickList(ctx, tx, in.PickListNumber)
		if err != nil {
			return err
		}
		number = pl.Number
		var line *jxc.PickListLine
		for _, l := range pl.Lines {
			if l.ID == in.LineID {
				line = l
			}
		}
		if line == nil {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.lineId", "pick list {list} has no such line", jxc.P{"list": pl.Number})
		}
		if err := jxc.CheckPick(pl, line, in.Quantity); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE pick_list_lines SET picked = picked + $2 WHERE id = $1`, line.ID, in.Quantity); err != nil {
			return domainError(err, "input.quantity")
		}
		tx.Produced(jxc.RecordPickList, pl.ID, pl.Number, jxc.AuditPick)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindPickList(ctx, number)
}

// ConfirmPickList implements jxc.DispatchService: ships what was picked of
// each shipment through the shipment posting, in one transaction; what was
// not picked stays on a pending shipment (the shipment flow's remainder).
func (s *DispatchService) ConfirmPickList(ctx context.Context, number string) (*jxc.PickList, error) {
	return s.ConfirmPickListOn(ctx, number, nil)
}

// ConfirmPickListOn confirms a pick list with its shipments posted on date
// (today when nil).
func (s *DispatchService) ConfirmPickListOn(ctx context.Context, number string, date *jxc.Date) (*jxc.PickList, error) {
	_, err := s.db.Write(ctx, jxc.Op{Name: "confirmPickList", Input: number}, func(tx *Tx) error {
		pl, err := lockPickList(ctx, tx, number)
		if err != nil {
			return err
		}
		if pl.Status != jxc.PickListOpen {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.pickListNumber", "pick list {list} is {status}; only an open pick list is picked", jxc.P{"list": pl.Number, "status": jxc.StatusText(pl.Status)})
		}
		tx.Produced(jxc.RecordPickList, pl.ID, pl.Number, jxc.AuditConfirm)
		picked := map[int64]map[int64]decimal.Decimal{}
		for _, l := range pl.Lines {
			if l.ShipmentLineID == nil || l.Picked.Sign() <= 0 {
				continue
			}
			if picked[l.ShipmentID] == nil {
				picked[l.ShipmentID] = map[int64]decimal.Decimal{}
			}
			picked[l.ShipmentID][*l.ShipmentLineID] = picked[l.ShipmentID][*l.ShipmentLineID].Add(l.Picked)
		}
		if len(picked) == 0 {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.pickListNumber", "nothing is picked on pick list {list}", jxc.P{"list": pl.Number})
		}
		// Picks are in the stock unit; a shipment line ships in its order's
		// unit, in whole units of it.
		var factors []struct {
			ID     int64           `db:"id"`
			Factor decimal.Decimal `db:"factor"`
			Places int             `db:"places"`
			Unit   string          `db:"unit"`
			SKU    string          `db:"sku"`
		}
		if err := tx.SelectContext(ctx, &factors, `SELECT l.id, ol.unit_factor AS factor, ol.unit_places AS places, coalesce(nullif(ol.unit, ''), p.unit) AS unit, p.sku
			FROM shipment_lines l JOIN sales_order_lines ol ON ol.id = l.order_line_id JOIN products p ON p.id = l.product_id
			WHERE l.shipment_id IN (SELECT shipment_id FROM pick_list_shipments WHERE pick_list_id = $1)`, pl.ID); err != nil {
			return err
		}
		for _, f := range factors {
			for _, lines := range picked {
				q, ok := lines[f.ID]
				if !ok || f.Factor.Equal(decimal.NewFromInt(1)) {
					continue
				}
				inUnit := q.Div(f.Factor).Truncate(int32(f.Places))
				if !inUnit.Mul(f.Factor).Equal(q) {
					return jxc.FieldErrorf(jxc.ECONFLICT, "input.pickListNumber", "{quantity} of {product} picked is not a whole number of {unit} ({factor} each): pick the rest of the unit or take the extra back",
						jxc.P{"quantity": q.String(), "product": f.SKU, "unit": f.Unit, "factor": f.Factor.String()})
				}
				lines[f.ID] = inUnit
			}
		}
		shids := make([]int64, 0, len(picked))
		for id := range picked {
			shids = append(shids, id)
		}
		sort.Slice(shids, func(i, j int) bool { return shids[i] < shids[j] })
		for _, id := range shids {
			in := jxc.ShipInput{ShipmentID: id, PostingDate: date, Lines: []jxc.ShipLineInput{}}
			lids := make([]int64, 0, len(picked[id]))
			for lid := range picked[id] {
				lids = append(lids, lid)
			}
			sort.Slice(lids, func(i, j int) bool { return lids[i] < lids[j] })
			for _, lid := range lids {
				in.Lines = append(in.Lines, jxc.ShipLineInput{ShipmentLineID: lid, Quantity: picked[id][lid]})
			}
			if err := shipInTx(pickedFrom(ctx, pl, id), tx, in, nil); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE pick_lists SET status = 'CONFIRMED', confirmed_at = $2 WHERE id = $1`, pl.ID, tx.Now)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.FindPickList(ctx, number)
}

// FindPickList implements jxc.DispatchService.
func (s *DispatchService) FindPickList(ctx context.Context, number string) (*jxc.PickList, error) {
	var ls []*jxc.PickList
	if err := s.db.SelectContext(ctx, &ls, `SELECT `+pickListCols+` FROM pick_lists WHERE number = $1`, strings.TrimSpace(number)); err != nil {
		return nil, err
	}
	if len(ls) == 0 {
		return nil, notFound("number", "pick list", 0)
	}
	return ls[0], s.fillPickLists(ctx, ls)
}

// FindPickLists implements jxc.DispatchService, newest first.
func (s *DispatchService) FindPickLists(ctx context.Context, f jxc.PickListFilter, o *jxc.PickListOrder, p jxc.PageArgs) (*jxc.Page[*jxc.PickList], error) {
	w := &where{}
	anyOf(w, "status", f.Status)
	if f.Query != nil && strings.TrimSpace(*f.Query) != "" {
		q := "%" + strings.TrimSpace(*f.Query) + "%"
		w.add(`(number ILIKE %s OR EXISTS (SELECT 1 FROM pick_list_shipments ps JOIN shipments s ON s.id = ps.shipment_id
			WHERE ps.pick_list_id = pick_lists.id AND s.number ILIKE %s))`, q, q)
	}
	pg, err := page[*jxc.PickList](ctx, s.db, p, pickListCols, "pick_lists", w, orderBy(o, pickListOrders, "id", "id DESC"))
	if err != nil {
		return nil, err
	}
	return pg, s.fillPickLists(ctx, pg.Items)
}

func (s *DispatchService) fillPickLists(ctx context.Context, ls []*jxc.PickList) error {
	if len(ls) == 0 {
		return nil
	}
	ids, wids := make([]int64, len(ls)), []int64{}
	byID := map[int64]*jxc.PickList{}
	for i, l := range ls {
		ids[i], byID[l.ID] = l.ID, l
		l.Lines = nil
		wids = append(wids, l.WarehouseID)
	}
	var lines []*jxc.PickListLine
	if err := s.db.SelectContext(ctx, &lines, pickLineSelect+` WHERE pl.pick_list_id = ANY($1) ORDER BY pl.pick_list_id, pl.seq`, pq.Array(ids)); err != nil {
		return err
	}
	var pids, lids, bids []int64
	for _, l := range lines {
		byID[l.PickListID].Lines = append(byID[l.PickListID].Lines, l)
		pids = append(pids, l.ProductID)
		if l.LocationID != nil {
			lids = append(lids, *l.LocationID)
		}
		if l.BatchID != nil {
			bids = append(bids, *l.BatchID)
		}
	}
	bm, err := pickBatches(ctx, s.db, bids)
	if err != nil {
		return err
	}
	ps, err := productRefs(ctx, s.db, pids)
	if err != nil {
		return err
	}
	var locs []*jxc.Location
	if err := s.db.SelectContext(ctx, &locs, `SELECT `+locationCols+` FROM locations WHERE id = ANY($1)`, pq.Array(lids)); err != nil {
		return err
	}
	lm := map[int64]*jxc.Location{}
	for _, l := range locs {
		lm[l.ID] = l
	}
	for _, l := range lines {
		l.Product = ps[l.ProductID]
		if l.LocationID != nil {
			l.Location = lm[*l.LocationID]
		}
		if l.BatchID != nil {
			l.Batch = bm[*l.BatchID]
		}
	}
	var whs []*jxc.Warehouse
	if err := s.db.SelectContext(ctx, &whs, `SELECT `+warehouseCols+` FROM warehouses WHERE id = ANY($1)`, pq.Array(wids)); err != nil {
		return err
	}
	for _, w := range whs {
		for _, l := range ls {
			if l.WarehouseID == w.ID {
				l.Warehouse = w
			}
		}
	}
	var links []struct {
		L int64 `db:"pick_list_id"`
		S int64 `db:"shipment_id"`
	}
	if err := s.db.SelectContext(ctx, &links, `SELECT pick_list_id, shipment_id FROM pick_list_shipments WHERE pick_list_id = ANY($1) ORDER BY shipment_id`, pq.Array(ids)); err != nil {
		return err
	}
	var shids []int64
	for _, k := range links {
		shids = append(shids, k.S)
	}
	var shs []*jxc.Shipment
	if err := s.db.SelectContext(ctx, &shs, `SELECT `+shipmentCols+` FROM shipments WHERE id = ANY($1) ORDER BY id`, pq.Array(shids)); err != nil {
		return err
	}
	if err := fillShipments(ctx, s.db, jxc.Today(s.db.Now()), shs); err != nil {
		return err
	}
	sm := map[int64]*jxc.Shipment{}
	for _, sh := range shs {
		sm[sh.ID] = sh
	}
	for _, k := range links {
		l := byID[k.L]
		l.ShipmentIDs = append(l.ShipmentIDs, k.S)
		if sh := sm[k.S]; sh != nil {
			l.Shipments = append(l.Shipments, sh)
		}
	}
	return nil
}

const trackingCols = `id, number, order_id, carrier, tracking_number, dispatched_at, delivery_status`

// lockShippedShipment locks a shipment by number for packing or dispatch.
func lockShippedShipment(ctx context.Context, tx *Tx, number string) (*jxc.ShipmentTracking, string, error) {
	var rows []struct {
		jxc.ShipmentTracking
		Status string `db:"status"`
	}
	if err := tx.SelectContext(ctx, &rows, `SELECT `+trackingCols+`, status FROM shipments WHERE number = $1 FOR UPDATE`, strings.TrimSpace(number)); err != nil {
		return nil, "", err
	}
	if len(rows) == 0 {
		return nil, "", notFound("input.shipmentNumber", "shipment", 0)
	}
	t := rows[0].ShipmentTracking
	if rows[0].Status != string(jxc.ShipmentShipped) && rows[0].Status != string(jxc.ShipmentDelivered) {
		return nil, "", jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentNumber", "shipment {shipment} is {status}; only a shipped shipment is packed or dispatched",
			jxc.P{"shipment": t.ShipmentNumber, "status": jxc.StatusText(jxc.ShipmentStatus(rows[0].Status))})
	}
	return &t, rows[0].Status, nil
}

// PackShipment implements jxc.DispatchService: the parcels replace any
// packed before, until the shipment is dispatched.
func (s *DispatchService) PackShipment(ctx context.Context, in jxc.PackShipmentInput) (*jxc.ShipmentTracking, error) {
	if err := jxc.ValidatePack(in); err != nil {
		return nil, err
	}
	var number string
	_, err := s.db.Write(ctx, jxc.Op{Name: "packShipment", Input: in}, func(tx *Tx) error {
		t, _, err := lockShippedShipment(ctx, tx, in.ShipmentNumber)
		if err != nil {
			return err
		}
		number = t.ShipmentNumber
		if t.DispatchedAt != nil {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentNumber", "shipment {shipment} is already dispatched", jxc.P{"shipment": t.ShipmentNumber})
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM shipment_parcels WHERE shipment_id = $1`, t.ShipmentID); err != nil {
			return err
		}
		for i, p := range in.Parcels {
			if _, err := tx.ExecContext(ctx, `INSERT INTO shipment_parcels (shipment_id, parcel_no, weight_kg, length_cm, width_cm, height_cm, contents)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, t.ShipmentID, i+1, p.WeightKg, p.LengthCm, p.WidthCm, p.HeightCm, strings.TrimSpace(jxc.Deref(p.Contents))); err != nil {
				return domainError(err, "input.parcels")
			}
		}
		tx.Produced(jxc.RecordShipment, t.ShipmentID, t.ShipmentNumber, jxc.AuditPack)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.ShipmentTracking(ctx, number)
}

// DispatchShipment implements jxc.DispatchService.
func (s *DispatchService) DispatchShipment(ctx context.Context, in jxc.DispatchShipmentInput) (*jxc.ShipmentTracking, error) {
	if err := jxc.ValidateDispatch(in); err != nil {
		return nil, err
	}
	var number string
	_, err := s.db.Write(ctx, jxc.Op{Name: "dispatchShipment", Input: in}, func(tx *Tx) error {
		t, _, err := lockShippedShipment(ctx, tx, in.ShipmentNumber)
		if err != nil {
			return err
		}
		number = t.ShipmentNumber
		if t.DispatchedAt != nil {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.shipmentNumber", "shipment {shipment} is already dispatched", jxc.P{"shipment": t.ShipmentNumber})
		}
		tn := strings.TrimSpace(in.TrackingNumber)
		var other []string
		if err := tx.SelectContext(ctx, &other, `SELECT number FROM shipments WHERE tracking_number = $1 AND dispatched_at IS NOT NULL AND id <> $2`, tn, t.ShipmentID); err != nil {
			return err
		}
		if len(other) > 0 {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.trackingNumber", "tracking number {trackingNumber} is already used by shipment {shipment}", jxc.P{"trackingNumber": tn, "shipment": other[0]})
		}
		at := tx.Now
		if in.At != nil {
			at = *in.At
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipments SET carrier = $2, tracking_number = $3, dispatched_at = $4, delivery_status = 'DISPATCHED' WHERE id = $1`,
			t.ShipmentID, strings.TrimSpace(in.Carrier), tn, at); err != nil {
			return err
		}
		if err := trackingEvent(ctx, tx, t.ShipmentID, t.ShipmentNumber, tn, jxc.DeliveryDispatched, at, ""); err != nil {
			return err
		}
		tx.Produced(jxc.RecordShipment, t.ShipmentID, t.ShipmentNumber, jxc.AuditDispatch)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.ShipmentTracking(ctx, number)
}

func trackingEvent(ctx context.Context, tx *Tx, shipmentID int64, number, tn string, st jxc.DeliveryStatus, at time.Time, note string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO shipment_tracking_events (shipment_id, status, at, note, recorded_at, recorded_by)
		VALUES ($1, $2, $3, $4, $5, $6)`, shipmentID, st, at, note, tx.Now, userID(ctx)); err != nil {
		return domainError(err, "input.note")
	}
	return Publish(ctx, tx, topicDelivery, tn, jxc.DeliveryUpdate{ShipmentNumber: number, TrackingNumber: tn, Status: st, At: at.UTC(), Note: note})
}

// UpdateDeliveryStatus implements jxc.DispatchService: a carrier's report
// for a tracking number, kept as a tracking event and announced live. A
// delivery also marks the shipment delivered (as confirmDelivery does).
func (s *DispatchService) UpdateDeliveryStatus(ctx context.Context, in jxc.DeliveryStatusInput) (*jxc.ShipmentTracking, error) {
	if err := jxc.ValidateDeliveryStatus(in); err != nil {
		return nil, err
	}
	note := strings.TrimSpace(jxc.Deref(in.Note))
	tn := strings.TrimSpace(in.TrackingNumber)
	var number string
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateDeliveryStatus", Input: in}, func(tx *Tx) error {
		var rows []struct {
			jxc.ShipmentTracking
			Status      string    `db:"status"`
			PostingDate *jxc.Date `db:"posting_date"`
		}
		if err := tx.SelectContext(ctx, &rows, `SELECT `+trackingCols+`, status, posting_date FROM shipments
			WHERE tracking_number = $1 AND dispatched_at IS NOT NULL ORDER BY id FOR UPDATE`, tn); err != nil {
			return err
		}
		if len(rows) == 0 {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.trackingNumber", "no shipment has tracking number {trackingNumber}", jxc.P{"trackingNumber": tn})
		}
		t := rows[0]
		number = t.ShipmentNumber
		if err := jxc.NextDeliveryStatus(t.ShipmentNumber, t.ShipmentTracking.Status, in.Status, t.DispatchedAt, in.At); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE shipments SET delivery_status = $2 WHERE id = $1`, t.ShipmentID, in.Status); err != nil {
			return err
		}
		if in.Status == jxc.DeliveryDelivered && t.Status == string(jxc.ShipmentShipped) {
			on := jxc.Today(in.At)
			if t.PostingDate != nil && on.Before(*t.PostingDate) {
				on = *t.PostingDate
			}
			if _, err := tx.ExecContext(ctx, `UPDATE shipments SET status = 'DELIVERED', delivered_at = $2, delivered_on = $3 WHERE id = $1`,
				t.ShipmentID, tx.Now, on); err != nil {
				return err
			}
		}
		if err := trackingEvent(ctx, tx, t.ShipmentID, t.ShipmentNumber, tn, in.Status, in.At, note); err != nil {
			return err
		}
		tx.Produced(jxc.RecordShipment, t.ShipmentID, t.ShipmentNumber, jxc.AuditTrack)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.ShipmentTracking(ctx, number)
}

// ShipmentTracking implements jxc.DispatchService.
func (s *DispatchService) ShipmentTracking(ctx context.Context, number string) (*jxc.ShipmentTracking, error) {
	var ts []*jxc.ShipmentTracking
	if err := s.db.SelectContext(ctx, &ts, `SELECT `+trackingCols+` FROM shipments WHERE number = $1`, strings.TrimSpace(number)); err != nil {
		return nil, err
	}
	if len(ts) == 0 {
		return nil, notFound("shipmentNumber", "shipment", 0)
	}
	return ts[0], s.fillTracking(ctx, ts)
}

// TrackingByOrder implements jxc.DispatchService: the order's shipped
// shipments' tracking, oldest first.
func (s *DispatchService) TrackingByOrder(ctx context.Context, orderID int64) ([]*jxc.ShipmentTracking, error) {
	var ts []*jxc.ShipmentTracking
	if err := s.db.SelectContext(ctx, &ts, `SELECT `+trackingCols+` FROM shipments WHERE order_id = $1 AND status IN ('SHIPPED', 'DELIVERED') ORDER BY id`, orderID); err != nil {
		return nil, err
	}
	return ts, s.fillTracking(ctx, ts)
}

func (s *DispatchService) fillTracking(ctx context.Context, ts []*jxc.ShipmentTracking) error {
	if len(ts) == 0 {
		return nil
	}
	ids := make([]int64, len(ts))
	by := map[int64]*jxc.ShipmentTracking{}
	for i, t := range ts {
		ids[i], by[t.ShipmentID] = t.ShipmentID, t
		t.Parcels, t.Events = []*jxc.Parcel{}, []*jxc.TrackingEvent{}
	}
	var ps []*jxc.Parcel
	if err := s.db.SelectContext(ctx, &ps, `SELECT id, shipment_id, parcel_no, weight_kg, length_cm, width_cm, height_cm, contents
		FROM shipment_parcels WHERE shipment_id = ANY($1) ORDER BY shipment_id, parcel_no`, pq.Array(ids)); err != nil {
		return err
	}
	for _, p := range ps {
		by[p.ShipmentID].Parcels = append(by[p.ShipmentID].Parcels, p)
	}
	var es []*jxc.TrackingEvent
	if err := s.db.SelectContext(ctx, &es, `SELECT id, shipment_id, status, at, note, recorded_at
		FROM shipment_tracking_events WHERE shipment_id = ANY($1) ORDER BY shipment_id, at, id`, pq.Array(ids)); err != nil {
		return err
	}
	for _, e := range es {
		by[e.ShipmentID].Events = append(by[e.ShipmentID].Events, e)
	}
	return nil
}

// DeliveryChanges implements jxc.DispatchService: every delivery status
// change from now on (of one tracking number, when given).
func (s *DispatchService) DeliveryChanges(ctx context.Context, trackingNumber *string) (<-chan jxc.DeliveryUpdate, error) {
	if s.events == nil {
		return nil, jxc.Errorf(jxc.EINTERNAL, "no event hub")
	}
	var keep func(Event) bool
	if trackingNumber != nil && strings.TrimSpace(*trackingNumber) != "" {
		tn := strings.TrimSpace(*trackingNumber)
		keep = func(ev Event) bool { return ev.Key == tn }
	}
	sub, err := s.events.Subscribe(ctx, []string{topicDelivery}, 0, keep)
	if err != nil {
		return nil, err
	}
	ch := make(chan jxc.DeliveryUpdate)
	go func() {
		defer close(ch)
		defer s.events.Unsubscribe(sub)
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-sub.C:
				if !ok {
					return
				}
			}
			evs, err := sub.Next()
			if err != nil && !errors.Is(err, ErrResync) {
				return
			}
			for _, ev := range evs {
				var u jxc.DeliveryUpdate
				if json.Unmarshal(ev.Payload, &u) != nil {
					continue
				}
				select {
				case ch <- u:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return ch, nil
}
