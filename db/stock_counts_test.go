package db_test

import (
	"context"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

func countLine(t testing.TB, c *jxc.StockCount, pid int64) *jxc.StockCountLine {
	t.Helper()
	for _, l := range c.Lines {
		if l.ProductID == pid {
			return l
		}
	}
	t.Fatalf("no line for product %d in %+v", pid, c.Lines)
	return nil
}

// A count posted while a shipment happened during it: the shipment after
// the freeze and before the count entry is no variance; only the real
// difference is posted, at moving-average cost against 1901.
func TestStockCountAccountsForShipmentsDuringTheCount(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	counts := db.NewStockCountService(c.db)
	sheet, err := counts.CreateStockCount(ctx, jxc.NewStockCount{WarehouseID: c.east.ID, Description: "月末盘点"})
	if err != nil {
		t.Fatal(err)
	}
	if sheet.Status != jxc.CountDraft || sheet.Number != "PD-000001" {
		t.Fatalf("sheet %+v", sheet)
	}
	sheet, err = counts.StartStockCount(ctx, sheet.Number)
	if err != nil {
		t.Fatal(err)
	}
	p0, p1 := c.products[0].ID, c.products[1].ID
	if l := countLine(t, sheet, p0); !l.Book.Equal(dec("10")) || l.Counted != nil {
		t.Fatalf("frozen line %+v", l)
	}
	// Ship 4 of product 0 during the count.
	o, err := c.sales.ConfirmSalesOrder(ctx, c.order(t, jxc.SalesOrderLineInput{ProductID: p0, Quantity: dec("4")}).ID)
	if err != nil {
		t.Fatal(err)
	}
	shs, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if _, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID, Lines: []jxc.ShipLineInput{{ShipmentLineID: shs.Items[0].Lines[0].ID, Quantity: dec("4")}}}); err != nil {
		t.Fatal(err)
	}
	// The shelf holds 6 (10 - 4): no variance. Two counters count product 1: 2 + 0 = 2 of 3.
	if _, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: sheet.Number, ProductID: &p0, Quantity: decp("6")}); err != nil {
		t.Fatal(err)
	}
	if _, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: sheet.Number, ProductID: &p1, Quantity: decp("2")}); err != nil {
		t.Fatal(err)
	}
	l, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: sheet.Number, ProductID: &p1, Quantity: decp("0")})
	if err != nil {
		t.Fatal(err)
	}
	if !l.Counted.Equal(dec("2")) || !l.Variance().Equal(dec("-1")) || l.Entries != 2 {
		t.Fatalf("line 1 %+v", l)
	}
	sheet, err = counts.FindStockCount(ctx, sheet.Number)
	if err != nil {
		t.Fatal(err)
	}
	if l := countLine(t, sheet, p0); !l.MovedSince.Equal(dec("-4")) || !l.Variance().IsZero() {
		t.Fatalf("line 0 %+v", l)
	}
	// A shipment after the count entry does not change the variance either.
	// Product 1 is over tolerance (1 of 3): recount, the recount replaces the count.
	if !sheet.OverTolerance(countLine(t, sheet, p1)) || sheet.OverTolerance(countLine(t, sheet, p0)) {
		t.Fatal("tolerance flags")
	}
	sheet, err = counts.RequestRecount(ctx, sheet.Number, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l := countLine(t, sheet, p1); l.Counted != nil || !l.Recount || l.Round != 2 {
		t.Fatalf("recount line %+v", l)
	}
	if _, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: sheet.Number, ProductID: &p1, Quantity: decp("1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := counts.SubmitStockCount(ctx, sheet.Number); err != nil {
		t.Fatal(err)
	}
	before := c.balance(t, 1, c.east)
	sheet, err = counts.PostStockCount(ctx, sheet.Number, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sheet.Status != jxc.CountPosted || sheet.JournalEntryID == nil {
		t.Fatalf("posted %+v", sheet)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("6")) {
		t.Fatalf("product 0 %+v", b)
	}
	// 2 of 3 @ 20.333333 (61.00) leave at the average: 40.67.
	after := c.balance(t, 1, c.east)
	if !after.OnHand.Equal(dec("1")) || !before.Value.Sub(after.Value).Equal(dec("40.67")) {
		t.Fatalf("product 1 %+v -> %+v", before, after)
	}
	if !c.account(t, jxc.AccountInventoryAdjustments).Equal(dec("40.67")) {
		t.Fatalf("1901 %s", c.account(t, jxc.AccountInventoryAdjustments))
	}
	var moves int
	if err := c.db.GetContext(ctx, &moves, `SELECT count(*) FROM stock_moves WHERE source_type = 'STOCK_COUNT' AND source_id = $1`, sheet.ID); err != nil || moves != 1 {
		t.Fatalf("moves %d %v", moves, err)
	}
	c.check(t)
	if _, err := counts.PostStockCount(ctx, sheet.Number, nil); err == nil {
		t.Fatal("posted twice")
	}
}

// Two counters adding entries at once lose none; a blind sheet hides the
// book from a counter; only a manager or finance posts.
func TestStockCountConcurrentEntriesAndBlind(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	counts := db.NewStockCountService(c.db)
	sheet, err := counts.CreateStockCount(ctx, jxc.NewStockCount{WarehouseID: c.east.ID, Blind: true})
	if err != nil {
		t.Fatal(err)
	}
	if sheet, err = counts.StartStockCount(ctx, sheet.Number); err != nil {
		t.Fatal(err)
	}
	clerk := jxc.NewContextWithAuth(ctx, &jxc.Auth{User: &jxc.User{ID: 0, Roles: []jxc.Role{jxc.RoleWarehouse}}})
	p0 := c.products[0].ID
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: sheet.Number, Barcode: jxc.Ptr(c.products[0].SKU)})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	seen, err := counts.FindStockCount(clerk, sheet.Number)
	if err != nil {
		t.Fatal(err)
	}
	if !seen.BookHidden {
		t.Fatal("a blind sheet shows the book to a counter")
	}
	if l := countLine(t, seen, p0); !l.Counted.Equal(dec("20")) || l.Entries != 20 {
		t.Fatalf("entries lost: %+v", l)
	}
	if full, _ := counts.FindStockCount(ctx, sheet.Number); full.BookHidden {
		t.Fatal("hidden without a counter")
	}
	if _, err := counts.SubmitStockCount(ctx, sheet.Number); err != nil {
		t.Fatal(err)
	}
	if _, err := counts.PostStockCount(clerk, sheet.Number, nil); err == nil {
		t.Fatal("a counter posted the count")
	}
	// 20 counted of 10 @ 60: a gain of 10 at the current average, 600.00.
	if _, err := counts.PostStockCount(ctx, sheet.Number, nil); err != nil {
		t.Fatal(err)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("20")) || !b.Value.Equal(dec("1200")) {
		t.Fatalf("gain %+v", b)
	}
	c.check(t)
}

func TestClassifyABC(t *testing.T) {
	got := jxc.ClassifyABC(map[int64]decimal.Decimal{1: dec("700"), 2: dec("150"), 3: dec("100"), 4: dec("50"), 5: dec("0")})
	want := map[int64]jxc.ABCClass{1: "A", 2: "A", 3: "B", 4: "C", 5: "C"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("product %d: %s, want %s", k, got[k], v)
		}
	}
}

// A count posted while shipments of the same product go out at the same
// time: whatever order they commit in, the count adjusts only its own
// variance (counted minus the book as of the count), every shipment takes
// its quantity, and the books stay reconciled.
func TestStockCountPostedWhileTheSameProductShips(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	counts := db.NewStockCountService(c.db)
	sheet, err := counts.CreateStockCount(ctx, jxc.NewStockCount{WarehouseID: c.east.ID})
	if err != nil {
		t.Fatal(err)
	}
	if sheet, err = counts.StartStockCount(ctx, sheet.Number); err != nil {
		t.Fatal(err)
	}
	p0 := c.products[0].ID
	start := c.balance(t, 0, c.east)
	// The shelf holds 2 fewer than the book.
	counted := start.OnHand.Sub(dec("2"))
	if _, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: sheet.Number, ProductID: &p0, Quantity: &counted}); err != nil {
		t.Fatal(err)
	}
	for _, l := range sheet.Lines {
		if l.ProductID != p0 {
			q := l.Book
			if _, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: sheet.Number, ProductID: &l.ProductID, Quantity: &q}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := counts.SubmitStockCount(ctx, sheet.Number); err != nil {
		t.Fatal(err)
	}
	var shipments []*jxc.Shipment
	for i := 0; i < 3; i++ {
		o, err := c.sales.ConfirmSalesOrder(ctx, c.order(t, jxc.SalesOrderLineInput{ProductID: p0, Quantity: dec("2")}).ID)
		if err != nil {
			t.Fatal(err)
		}
		shs, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
		shipments = append(shipments, shs.Items[0])
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for _, sh := range shipments {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: sh.ID, Lines: []jxc.ShipLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("2")}}})
			errs <- err
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, err := counts.PostStockCount(ctx, sheet.Number, nil)
		errs <- err
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(start.OnHand.Sub(dec("8"))) {
		t.Fatalf("on hand %s, want %s - 2 counted short - 6 shipped", b.OnHand, start.OnHand)
	}
	var counted2 decimal.Decimal
	if err := c.db.GetContext(ctx, &counted2, `SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE source_type = 'STOCK_COUNT' AND source_id = $1`, sheet.ID); err != nil {
		t.Fatal(err)
	}
	if !counted2.Equal(dec("-2")) {
		t.Fatalf("the count moved %s, want -2 whatever the shipments did", counted2)
	}
	c.check(t)
}
