package db_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Random pick-pack-dispatch in the randomised books test: an order of one
// product, confirmed (reserving what is available), picked through a pick
// list over the bins holding it, confirmed (the shipment posts at
// moving-average cost, out of the picked bins), packed, dispatched and
// reported in transit or delivered. Stock by bin must keep adding up to
// the warehouses (booksCheck).
func init() { moreRandomEvents = append(moreRandomEvents, randomDispatch) }

type dispatchSetup struct {
	once  sync.Once
	err   error
	sales *db.SalesService
	d     *db.DispatchService
	cust  *jxc.Customer
}

var dispatchSetups sync.Map // *books -> *dispatchSetup

func dispatchSetupOf(b *books) *dispatchSetup {
	v, _ := dispatchSetups.LoadOrStore(b, &dispatchSetup{})
	s := v.(*dispatchSetup)
	s.once.Do(func() {
		s.sales, s.d = db.NewSalesService(b.d), db.NewDispatchService(b.d, nil)
		s.cust, s.err = s.sales.CreateCustomer(context.Background(), jxc.CustomerInput{Code: "CPICK", Name: "拣货客户", Region: jxc.Ptr("华东"),
			CreditLimit: jxc.Ptr(decimal.New(1, 12)), PaymentTermsDays: jxc.Ptr(30), Contacts: []jxc.Contact{{Name: "赵", Phone: "021-1"}}})
	})
	return s
}

var dispatchSeq struct {
	sync.Mutex
	n int
}

func randomDispatch(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent {
	s := dispatchSetupOf(b)
	if s.err != nil {
		return &randomEvent{name: "dispatch setup", run: func(context.Context) (*result, error) { return nil, s.err }}
	}
	p, w := key(r)
	if _, err := binsOf(b, w); err != nil { // the warehouse's bins, so picks walk some
		panic(err)
	}
	qty := randDec(r, 50000, 2)
	delivered := r.IntN(2) == 0
	dispatchSeq.Lock()
	dispatchSeq.n++
	tn := fmt.Sprintf("RND%06d", dispatchSeq.n)
	dispatchSeq.Unlock()
	k := jxc.StockKey{ProductID: b.pid(p), WarehouseID: b.wid(w)}
	return &randomEvent{name: "pick, pack and dispatch", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
		o, err := s.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: s.cust.ID, WarehouseID: &k.WarehouseID, PostingDate: &day,
			Lines: []jxc.SalesOrderLineInput{{ProductID: k.ProductID, Quantity: qty, UnitPrice: decp("99")}}})
		if err != nil {
			return nil, err
		}
		if _, err := s.sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
			return nil, err
		}
		shs, err := s.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
		if err != nil {
			return nil, err
		}
		// Confirming reserves what is available; the shortage stays on the
		// order (for purchasing), so the shipment takes what was reserved.
		if shs.TotalCount == 0 {
			return &result{moves: map[jxc.StockKey]decimal.Decimal{}}, nil
		}
		if shs.TotalCount != 1 {
			return nil, fmt.Errorf("order %s has %d shipments", o.Number, shs.TotalCount)
		}
		sh := shs.Items[0]
		shipped := decimal.Zero
		for _, l := range sh.Lines {
			shipped = shipped.Add(l.Quantity)
		}
		if shipped.IsZero() {
			return &result{moves: map[jxc.StockKey]decimal.Decimal{}}, nil
		}
		pl, err := s.d.CreatePickList(ctx, jxc.CreatePickListInput{ShipmentNumbers: []string{sh.Number}})
		if err != nil {
			return nil, err
		}
		for _, l := range pl.Lines {
			if _, err := s.d.RecordPick(ctx, jxc.RecordPickInput{PickListNumber: pl.Number, LineID: l.ID, Quantity: l.Quantity}); err != nil {
				return nil, err
			}
		}
		if _, err := s.d.ConfirmPickListOn(ctx, pl.Number, &day); err != nil {
			return nil, err
		}
		if _, err := s.d.PackShipment(ctx, jxc.PackShipmentInput{ShipmentNumber: sh.Number, Parcels: []jxc.ParcelInput{
			{WeightKg: dec("2.5"), LengthCm: dec("40"), WidthCm: dec("30"), HeightCm: dec("20")}}}); err != nil {
			return nil, err
		}
		at := time.Date(day.Year, day.Month, day.Day, 10, 0, 0, 0, time.UTC)
		if _, err := s.d.DispatchShipment(ctx, jxc.DispatchShipmentInput{ShipmentNumber: sh.Number, Carrier: "顺丰速运", TrackingNumber: tn, At: &at}); err != nil {
			return nil, err
		}
		st := jxc.DeliveryInTransit
		if delivered {
			st = jxc.DeliveryDelivered
		}
		if _, err := s.d.UpdateDeliveryStatus(ctx, jxc.DeliveryStatusInput{TrackingNumber: tn, Status: st, At: at.Add(6 * time.Hour)}); err != nil {
			return nil, err
		}
		return &result{moves: map[jxc.StockKey]decimal.Decimal{k: shipped.Neg()}, nMoves: 1, entries: 1}, nil
	}}
}
