package db_test

import (
	"context"
	"sync"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

type binsFixture struct {
	*purch
	bins *db.BinService
	locs []*jxc.Location
}

func newBinsFixture(t *testing.T, zones ...string) *binsFixture {
	t.Helper()
	f := &binsFixture{purch: newPurch(t)}
	f.bins = db.NewBinService(f.d)
	for i, z := range zones {
		l, err := f.catalog.CreateLocation(context.Background(), jxc.LocationInput{WarehouseID: f.wid(0), Code: "A-0" + string(rune('1'+i))})
		if err != nil {
			t.Fatal(err)
		}
		if z != "" {
			if l, err = f.bins.SetLocationZone(context.Background(), l.ID, z); err != nil {
				t.Fatal(err)
			}
		}
		f.locs = append(f.locs, l)
	}
	return f
}

// binQty is what the bin (nil: not put away) holds of a product in warehouse 0.
func (f *binsFixture) binQty(t *testing.T, pid int64, loc *int64) string {
	t.Helper()
	rows, err := f.bins.BinStock(context.Background(), jxc.BinStockFilter{WarehouseID: jxc.Ptr(f.wid(0)), ProductID: &pid})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if jxc.Deref(r.LocationID) == jxc.Deref(loc) {
			return r.Quantity.String()
		}
	}
	return "0"
}

func (f *binsFixture) loc(i int) *int64 { return &f.locs[i].ID }

// put brings q of a product into a bin of warehouse 0 (nil: not put away) at 5 each.
func (f *binsFixture) put(t *testing.T, pid int64, loc *int64, q string) {
	t.Helper()
	if _, err := f.stock.PostStockAdjustment(context.Background(), jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{
		{ProductID: pid, WarehouseID: f.wid(0), LocationID: loc, Direction: jxc.Increase, Quantity: dec(q), UnitCost: decp("5")}}}); err != nil {
		t.Fatal(err)
	}
}

// Receipts into a bin, adjustments without one, opening stock and bin
// moves: the bins always add up to the warehouse, and an outflow without a
// bin takes what is not put away first, then the bins holding least.
func TestBinBalancesFollowEveryStockMove(t *testing.T) {
	ctx := context.Background()
	f := newBinsFixture(t, "", "", "")
	p0 := f.pid(0)
	f.put(t, p0, nil, "10")
	f.put(t, p0, f.loc(0), "4")
	o := f.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p0, Quantity: dec("6"), UnitPrice: decp("8")})
	if _, err := f.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &o.Lines[0].ID, LocationID: f.loc(1), AcceptedQty: dec("6")}}}); err != nil {
		t.Fatal(err)
	}
	if got := f.binQty(t, p0, f.loc(1)); got != "6" {
		t.Fatalf("receipt put %s in bin A-02, want 6", got)
	}
	// Put 3 of the unplaced 10 away in A-03.
	mv, err := f.bins.PostBinMove(ctx, jxc.BinMove{Date: jan, WarehouseID: f.wid(0), Lines: []jxc.BinMoveLine{{ProductID: p0, ToLocationID: f.locs[2].ID, Quantity: dec("3")}}})
	if err != nil {
		t.Fatal(err)
	}
	if mv.Number != "YK-000001" || len(mv.Lines) != 1 || mv.Lines[0].Value.String() == "0" {
		t.Fatalf("bin move %+v", mv)
	}
	// 11 out without a bin: the 7 not put away, then A-03 (3), then 1 of A-01 (4).
	if _, err := f.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
		{ProductID: p0, WarehouseID: f.wid(0), Direction: jxc.Decrease, Quantity: dec("11")}}}); err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]string{-1: "0", 0: "3", 1: "6", 2: "0"} {
		var l *int64
		if i >= 0 {
			l = f.loc(i)
		}
		if got := f.binQty(t, p0, l); got != want {
			t.Errorf("bin %d holds %s, want %s", i, got, want)
		}
	}
	// Out of a named bin beyond what it holds is refused.
	_, err = f.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
		{ProductID: p0, WarehouseID: f.wid(0), LocationID: f.loc(0), Direction: jxc.Decrease, Quantity: dec("4")}}})
	if got := codes(err); len(got) != 1 || got[0] != "input.lines:CONFLICT" {
		t.Fatalf("scrap beyond the bin: %v", err)
	}
	// A count gain into a bin.
	if _, err := f.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{
		{ProductID: p0, WarehouseID: f.wid(0), LocationID: f.loc(2), Direction: jxc.Increase, Quantity: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	f.mustCheck(t)
}

func TestBinMoveRefusedOverTheBinsStock(t *testing.T) {
	ctx := context.Background()
	f := newBinsFixture(t, "", "")
	p0 := f.pid(0)
	f.put(t, p0, f.loc(0), "5")
	f.put(t, p0, nil, "5")
	_, err := f.bins.PostBinMove(ctx, jxc.BinMove{Date: jan, WarehouseID: f.wid(0), Lines: []jxc.BinMoveLine{
		{ProductID: p0, FromLocationID: f.loc(0), ToLocationID: f.locs[1].ID, Quantity: dec("3")},
		{ProductID: p0, FromLocationID: f.loc(0), ToLocationID: f.locs[1].ID, Quantity: dec("3")},
		{ProductID: p0, FromLocationID: f.loc(1), ToLocationID: f.locs[1].ID, Quantity: dec("1")},
	}})
	got := codes(err)
	if len(got) != 3 || got[0] != "input.lines.2.toLocationId:INVALID" || got[1] != "input.lines.1.quantity:CONFLICT" || got[2] != "input.lines.2.quantity:CONFLICT" {
		t.Fatalf("got %v", got)
	}
	var n int
	if err := f.d.GetContext(ctx, &n, `SELECT count(*) FROM bin_moves`); err != nil || n != 0 {
		t.Fatalf("%d bin moves written (%v)", n, err)
	}
	f.mustCheck(t)
}

// The putaway rules in order: the bin holding the product (most first),
// an empty bin of the product's zone, any empty bin; an empty bin is
// suggested for one product only.
func TestPutawaySuggestionsInOrder(t *testing.T) {
	ctx := context.Background()
	f := newBinsFixture(t, "", "COLD", "", "COLD")
	p0, p1, p2 := f.pid(0), f.pid(1), f.pid(2)
	if err := f.bins.SetProductPutawayZone(ctx, p1, "COLD"); err != nil {
		t.Fatal(err)
	}
	f.put(t, p0, f.loc(0), "1")
	f.put(t, p0, f.loc(3), "2")
	sg, err := f.bins.PutawaySuggestions(ctx, f.wid(0), []jxc.PutawayLine{{ProductID: p0, Quantity: dec("1")}, {ProductID: p1, Quantity: dec("1")},
		{ProductID: p2, Quantity: dec("1")}, {ProductID: p1, Quantity: dec("1")}})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		loc    int
		reason jxc.PutawayReason
	}{{3, jxc.PutawayHoldsProduct}, {1, jxc.PutawayZone}, {2, jxc.PutawayEmptyBin}, {1, jxc.PutawayZone}}
	for i, w := range want {
		if sg[i].Reason != w.reason || jxc.Deref(sg[i].LocationID) != f.locs[w.loc].ID {
			t.Errorf("line %d: %s bin %d, want %s %s", i, sg[i].Reason, jxc.Deref(sg[i].LocationID), w.reason, f.locs[w.loc].Code)
		}
	}
	// No empty bin left for a new product: none.
	sg, err = f.bins.PutawaySuggestions(ctx, f.wid(0), []jxc.PutawayLine{{ProductID: p2}, {ProductID: p1}, {ProductID: p1}})
	if err != nil {
		t.Fatal(err)
	}
	if sg[0].Reason != jxc.PutawayEmptyBin || sg[1].Reason != jxc.PutawayZone || sg[2].Reason != jxc.PutawayZone {
		t.Errorf("got %s %s %s", sg[0].Reason, sg[1].Reason, sg[2].Reason)
	}
}

// Concurrent bin moves and outflows of one product: the bins never go
// negative and always add up to the warehouse.
func TestConcurrentBinMovesAndIssues(t *testing.T) {
	ctx := context.Background()
	f := newBinsFixture(t, "", "")
	p0 := f.pid(0)
	f.put(t, p0, f.loc(0), "20")
	var wg sync.WaitGroup
	errs := make([]error, 12)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i%2 == 0 {
				from, to := f.loc(0), f.locs[1].ID
				if i%4 == 0 {
					from, to = f.loc(1), f.locs[0].ID
				}
				_, errs[i] = f.bins.PostBinMove(ctx, jxc.BinMove{Date: jan, WarehouseID: f.wid(0), Lines: []jxc.BinMoveLine{{ProductID: p0, FromLocationID: from, ToLocationID: to, Quantity: dec("3")}}})
			} else {
				_, errs[i] = f.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
					{ProductID: p0, WarehouseID: f.wid(0), Direction: jxc.Decrease, Quantity: dec("3")}}})
			}
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if es, _ := jxc.AsErrors(err); err != nil && (len(es) == 0 || es[0].Code != jxc.ECONFLICT) {
			t.Fatalf("unexpected error %v", err)
		}
	}
	f.mustCheck(t)
}
