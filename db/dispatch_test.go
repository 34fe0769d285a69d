package db_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// dispatchCo is the sales company with three bins in the east warehouse
// (route: B2 first, then A1; C9 has no sequence) and product 0's stock
// spread over them: 2 in C9, 3 in A1, 1 in B2, 4 in no bin (of the 10
// opening, plus 6 counted in: 16 on hand).
type dispatchCo struct {
	*salesCo
	d    *db.DispatchService
	bins map[string]*jxc.Location
}

func newDispatchCo(t *testing.T) *dispatchCo {
	t.Helper()
	ctx := context.Background()
	c := &dispatchCo{salesCo: newSalesCo(t), bins: map[string]*jxc.Location{}}
	c.d = db.NewDispatchService(c.db, nil)
	for _, b := range []struct {
		code string
		seq  any
	}{{"A1", 20}, {"B2", 10}, {"C9", nil}} {
		l, err := c.catalog.CreateLocation(ctx, jxc.LocationInput{WarehouseID: c.east.ID, Code: b.code})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.db.ExecContext(ctx, `UPDATE locations SET pick_sequence = $2 WHERE id = $1`, l.ID, b.seq); err != nil {
			t.Fatal(err)
		}
		c.bins[b.code] = l
	}
	var lines []jxc.AdjustmentLine
	for code, q := range map[string]string{"C9": "2", "A1": "3", "B2": "1"} {
		lines = append(lines, jxc.AdjustmentLine{ProductID: c.products[0].ID, WarehouseID: c.east.ID, LocationID: &c.bins[code].ID,
			Direction: jxc.Increase, Quantity: dec(q), UnitCost: decp("60")})
	}
	if _, err := c.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: d1, Reason: jxc.ReasonCountVariance, Description: "bins", Lines: lines}); err != nil {
		t.Fatal(err)
	}
	return c
}

// pending makes and confirms an order and returns its pending shipment.
func (c *dispatchCo) pending(t *testing.T, lines ...jxc.SalesOrderLineInput) *jxc.Shipment {
	t.Helper()
	ctx := context.Background()
	o := c.order(t, lines...)
	if _, err := c.sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	shs, err := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if err != nil || shs.TotalCount != 1 {
		t.Fatalf("shipments %+v %v", shs, err)
	}
	return shs.Items[0]
}

func where(l *jxc.PickListLine) string {
	if l.Location == nil {
		return "-"
	}
	return l.Location.Code
}

func TestPickListWalksTheBinRouteOverSeveralShipments(t *testing.T) {
	ctx := context.Background()
	c := newDispatchCo(t)
	// Shipment 1: 5 of product 0 and 2 of product 1; shipment 2: 3 of product 0.
	sh1 := c.pending(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("5")},
		jxc.SalesOrderLineInput{ProductID: c.products[1].ID, Quantity: dec("2")})
	sh2 := c.pending(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("3")})
	pl, err := c.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{sh1.Number, sh2.Number}})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.Number) != 9 || pl.Number[:3] != "JH-" || pl.Status != jxc.PickListOpen || len(pl.Shipments) != 2 {
		t.Fatalf("pick list %+v", pl)
	}
	// Route: B2 (seq 10) 1, A1 (seq 20) 3, C9 (no seq) 1 for shipment 1
	// (5 = 1+3+1); shipment 2 takes C9's last 1 and 2 from no bin; product 1
	// has no bin stock. Unassigned stock last, by product.
	type row struct {
		bin, sh, sku, q string
	}
	want := []row{{"B2", sh1.Number, "S-0", "1"}, {"A1", sh1.Number, "S-0", "3"}, {"C9", sh1.Number, "S-0", "1"}, {"C9", sh2.Number, "S-0", "1"},
		{"-", sh2.Number, "S-0", "2"}, {"-", sh1.Number, "S-1", "2"}}
	if len(pl.Lines) != len(want) {
		for _, l := range pl.Lines {
			t.Logf("%d %s %s %s %s", l.Seq, where(l), l.ShipmentNumber, l.Product.SKU, l.Quantity)
		}
		t.Fatalf("%d lines, want %d", len(pl.Lines), len(want))
	}
	for i, l := range pl.Lines {
		got := row{where(l), l.ShipmentNumber, l.Product.SKU, l.Quantity.String()}
		if l.Seq != i+1 || got != want[i] {
			t.Errorf("line %d: %+v, want %+v", l.Seq, got, want[i])
		}
	}
	// A shipment is on one open pick list at a time.
	_, err = c.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{sh2.Number}})
	wantField(t, err, "input.shipmentNumbers")
	c.check(t)
}

func TestPickingMoreThanOrderedIsRefusedAndConfirmingShipsWhatWasPicked(t *testing.T) {
	ctx := context.Background()
	c := newDispatchCo(t)
	sh := c.pending(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("4")},
		jxc.SalesOrderLineInput{ProductID: c.products[1].ID, Quantity: dec("2")})
	pl, err := c.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{sh.Number}})
	if err != nil {
		t.Fatal(err)
	}
	// Nothing picked yet: nothing to confirm.
	_, err = c.d.ConfirmPickList(ctx, pl.Number)
	wantField(t, err, "input.pickListNumber")
	// Lines: B2 1, A1 3 of product 0; 2 of product 1 from no bin.
	if len(pl.Lines) != 3 {
		t.Fatalf("lines %+v", pl.Lines)
	}
	_, err = c.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: pl.Lines[0].ID, Quantity: dec("2")})
	wantField(t, err, "input.quantity")
	for _, p := range []struct {
		i int
		q string
	}{{0, "1"}, {1, "1"}, {1, "1"}, {2, "1"}} {
		if pl, err = c.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: pl.Lines[p.i].ID, Quantity: dec(p.q)}); err != nil {
			t.Fatal(err)
		}
	}
	if !pl.Lines[1].Picked.Equal(dec("2")) {
		t.Fatalf("picked %s", pl.Lines[1].Picked)
	}
	_, err = c.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: pl.Lines[1].ID, Quantity: dec("1.5")})
	wantField(t, err, "input.quantity")
	before := c.balance(t, 0, c.east)
	pl, err = c.d.ConfirmPickList(ctx, pl.Number)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Status != jxc.PickListConfirmed || pl.ConfirmedAt == nil {
		t.Fatalf("confirmed %+v", pl)
	}
	// 3 of product 0 and 1 of product 1 left at cost; the rest is pending.
	after := c.balance(t, 0, c.east)
	if !before.OnHand.Sub(after.OnHand).Equal(dec("3")) || !after.Reserved.Equal(dec("1")) {
		t.Fatalf("balance %+v -> %+v", before, after)
	}
	got, err := c.sales.FindShipmentByID(ctx, sh.ID)
	if err != nil || got.Status != jxc.ShipmentShipped || len(got.Lines) != 2 || !got.Lines[0].Quantity.Equal(dec("3")) || !got.Lines[1].Quantity.Equal(dec("1")) {
		t.Fatalf("shipment %+v %v", got, err)
	}
	rest, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &sh.OrderID, Status: []jxc.ShipmentStatus{jxc.ShipmentPending}}, nil, jxc.PageArgs{})
	if rest.TotalCount != 1 {
		t.Fatalf("remainder %+v", rest)
	}
	// A confirmed list is not picked or confirmed again.
	_, err = c.d.ConfirmPickList(ctx, pl.Number)
	wantField(t, err, "input.pickListNumber")
	_, err = c.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: pl.Lines[0].ID, Quantity: dec("1")})
	wantField(t, err, "input.pickListNumber")
	var audits int
	if err := c.db.GetContext(ctx, &audits, `SELECT count(*) FROM audit_log WHERE record_type = 'pickList'`); err != nil || audits != 6 {
		t.Fatalf("pick list audit rows %d %v", audits, err)
	}
	c.check(t)
}

// A pick list confirmed while other shipments of the same product ship:
// each takes its reserved stock, none goes negative, the books balance.
func TestConfirmingAPickListWhileOtherShipmentsOfTheProductShip(t *testing.T) {
	ctx := context.Background()
	c := newDispatchCo(t)
	// 16 on hand: one pick list for 8, eight other shipments of 1.
	sh := c.pending(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("8")})
	var others []*jxc.Shipment
	for i := 0; i < 8; i++ {
		others = append(others, c.pending(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("1")}))
	}
	pl, err := c.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{sh.Number}})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range pl.Lines {
		if _, err := c.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: l.ID, Quantity: l.Quantity}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := c.d.ConfirmPickList(ctx, pl.Number); err != nil {
			errs <- err
		}
	}()
	for _, o := range others {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: o.ID}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.IsZero() || !b.Reserved.IsZero() || !b.Value.IsZero() {
		t.Fatalf("balance %+v", b)
	}
	// Nothing left to pick: a new order finds no stock to reserve.
	c.check(t)
}

func TestPackDispatchAndDeliveryStatusTransitions(t *testing.T) {
	ctx := context.Background()
	c := newDispatchCo(t)
	sh := c.pending(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("2")})
	// A pending shipment is neither packed nor dispatched.
	_, err := c.d.DispatchShipment(ctx, jxc.DispatchShipmentInput{ShipmentNumber: sh.Number, Carrier: "顺丰", TrackingNumber: "SF100"})
	wantField(t, err, "input.shipmentNumber")
	if _, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: sh.ID, PostingDate: &d2}); err != nil {
		t.Fatal(err)
	}
	_, err = c.d.PackShipment(ctx, jxc.PackShipmentInput{ShipmentNumber: sh.Number, Parcels: []jxc.ParcelInput{{WeightKg: dec("0"), LengthCm: dec("10"), WidthCm: dec("10"), HeightCm: dec("10")}}})
	wantField(t, err, "input.parcels.0.weightKg")
	tr, err := c.d.PackShipment(ctx, jxc.PackShipmentInput{ShipmentNumber: sh.Number, Parcels: []jxc.ParcelInput{
		{WeightKg: dec("2.5"), LengthCm: dec("40"), WidthCm: dec("30"), HeightCm: dec("20"), Contents: jxc.Ptr("S-0 x2")},
		{WeightKg: dec("0.8"), LengthCm: dec("20"), WidthCm: dec("15"), HeightCm: dec("10")}}})
	if err != nil || len(tr.Parcels) != 2 || !tr.Parcels[0].WeightKg.Equal(dec("2.5")) {
		t.Fatalf("packed %+v %v", tr, err)
	}
	// Delivery status before dispatch: not dispatched.
	at := time.Now().Add(-time.Hour)
	_, err = c.d.UpdateDeliveryStatus(ctx, jxc.DeliveryStatusInput{TrackingNumber: "SF100", Status: jxc.DeliveryInTransit, At: at})
	wantField(t, err, "input.trackingNumber")
	tr, err = c.d.DispatchShipment(ctx, jxc.DispatchShipmentInput{ShipmentNumber: sh.Number, Carrier: "顺丰", TrackingNumber: "SF100", At: &at})
	if err != nil || tr.Status == nil || *tr.Status != jxc.DeliveryDispatched || tr.TrackingNumber != "SF100" || len(tr.Events) != 1 {
		t.Fatalf("dispatched %+v %v", tr, err)
	}
	_, err = c.d.DispatchShipment(ctx, jxc.DispatchShipmentInput{ShipmentNumber: sh.Number, Carrier: "顺丰", TrackingNumber: "SF101"})
	wantField(t, err, "input.shipmentNumber")
	_, err = c.d.PackShipment(ctx, jxc.PackShipmentInput{ShipmentNumber: sh.Number, Parcels: []jxc.ParcelInput{{WeightKg: dec("1"), LengthCm: dec("1"), WidthCm: dec("1"), HeightCm: dec("1")}}})
	wantField(t, err, "input.shipmentNumber")
	// Before the dispatch time: refused.
	_, err = c.d.UpdateDeliveryStatus(ctx, jxc.DeliveryStatusInput{TrackingNumber: "SF100", Status: jxc.DeliveryInTransit, At: at.Add(-time.Minute)})
	wantField(t, err, "input.at")
	steps := []struct {
		st jxc.DeliveryStatus
		ok bool
	}{{jxc.DeliveryDispatched, false}, {jxc.DeliveryInTransit, true}, {jxc.DeliveryInTransit, true}, {jxc.DeliveryFailed, true},
		{jxc.DeliveryFailed, false}, {jxc.DeliveryInTransit, true}, {jxc.DeliveryDelivered, true}, {jxc.DeliveryInTransit, false}, {jxc.DeliveryFailed, false}}
	n := 1
	for i, s := range steps {
		_, err := c.d.UpdateDeliveryStatus(ctx, jxc.DeliveryStatusInput{TrackingNumber: "SF100", Status: s.st, At: at.Add(time.Duration(i+1) * time.Minute), Note: jxc.Ptr("hub")})
		if s.ok && err != nil {
			t.Fatalf("step %d %s: %v", i, s.st, err)
		}
		if !s.ok {
			wantField(t, err, "input.status")
		} else {
			n++
		}
	}
	tr, err = c.d.ShipmentTracking(ctx, sh.Number)
	if err != nil || len(tr.Events) != n || *tr.Status != jxc.DeliveryDelivered {
		t.Fatalf("tracking %+v %v", tr, err)
	}
	got, _ := c.sales.FindShipmentByID(ctx, sh.ID)
	if got.Status != jxc.ShipmentDelivered || got.DeliveredOn == nil {
		t.Fatalf("shipment %+v", got)
	}
	ts, err := c.d.TrackingByOrder(ctx, sh.OrderID)
	if err != nil || len(ts) != 1 || len(ts[0].Parcels) != 2 || len(ts[0].Events) != n {
		t.Fatalf("order tracking %+v %v", ts, err)
	}
	_, err = c.d.UpdateDeliveryStatus(ctx, jxc.DeliveryStatusInput{TrackingNumber: "NOPE", Status: jxc.DeliveryInTransit, At: at})
	wantField(t, err, "input.trackingNumber")
	c.check(t)
}

func TestDemoDispatchesWithTrackingAndLeavesAPickListOpen(t *testing.T) {
	x := newDemo(t)
	ctx := context.Background()
	var open, statuses, parcels int
	if err := x.GetContext(ctx, &open, `SELECT count(*) FROM pick_lists WHERE status = 'OPEN'`); err != nil || open != 1 {
		t.Fatalf("open pick lists %d %v", open, err)
	}
	if err := x.GetContext(ctx, &statuses, `SELECT count(DISTINCT delivery_status) FROM shipments WHERE delivery_status IS NOT NULL`); err != nil || statuses != 4 {
		t.Fatalf("delivery statuses %d %v", statuses, err)
	}
	if err := x.GetContext(ctx, &parcels, `SELECT count(*) FROM shipment_parcels`); err != nil || parcels == 0 {
		t.Fatalf("parcels %d %v", parcels, err)
	}
}

// A line ordered in boxes is picked in the stock unit the bins hold (2
// boxes of 4: 8 to pick), and ships in boxes: a pick that is not whole
// boxes is refused at confirmation and nothing ships.
func TestPickListOfAnOrderInBoxesPicksInTheStockUnit(t *testing.T) {
	ctx := context.Background()
	c := newDispatchCo(t)
	if _, err := db.NewUnitService(c.db).SetProductUnits(ctx, jxc.ProductUnitsInput{ProductID: c.products[0].ID,
		Units: []jxc.ProductUnitInput{{Code: "箱", Factor: dec("4")}}, SalesUnit: jxc.Ptr("箱")}); err != nil {
		t.Fatal(err)
	}
	sh := c.pending(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("2")})
	pl, err := c.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{sh.Number}})
	if err != nil {
		t.Fatal(err)
	}
	total := dec("0")
	for _, l := range pl.Lines {
		total = total.Add(l.Quantity)
	}
	if !total.Equal(dec("8")) {
		t.Fatalf("2 boxes of 4 to pick as %s: %+v", total, pl.Lines)
	}
	pick := func(skip string) {
		t.Helper()
		left := dec(skip)
		for _, l := range pl.Lines {
			q := l.Quantity.Sub(l.Picked)
			if left.IsPositive() {
				d := q
				if d.GreaterThan(left) {
					d = left
				}
				q, left = q.Sub(d), left.Sub(d)
			}
			if q.IsPositive() {
				if pl, err = c.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: l.ID, Quantity: q}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	pick("1") // 7 of 8
	before := c.balance(t, 0, c.east)
	_, err = c.d.ConfirmPickList(ctx, pl.Number)
	wantField(t, err, "input.pickListNumber")
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(before.OnHand) {
		t.Fatalf("a refused confirmation shipped: %+v -> %+v", before, b)
	}
	pick("0") // the eighth
	if _, err = c.d.ConfirmPickList(ctx, pl.Number); err != nil {
		t.Fatal(err)
	}
	if b := c.balance(t, 0, c.east); !before.OnHand.Sub(b.OnHand).Equal(dec("8")) {
		t.Fatalf("2 boxes shipped took %s", before.OnHand.Sub(b.OnHand))
	}
	got, err := c.sales.FindShipmentByID(ctx, sh.ID)
	if err != nil || got.Status != jxc.ShipmentShipped || !got.Lines[0].Quantity.Equal(dec("2")) {
		t.Fatalf("shipment %+v %v", got, err)
	}
	c.check(t)
}
