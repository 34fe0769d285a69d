package db_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// scrapCo is the sales company with a scrap threshold of 300.00: 10 @
// 60.00 of S-0 and 3 @ 20.333333 of S-1 in SH.
func scrapCo(t *testing.T) (*salesCo, *db.ScrapService) {
	t.Helper()
	c := newSalesCo(t)
	s := db.NewScrapService(c.db)
	if _, err := s.UpdateScrapSettings(context.Background(), jxc.ScrapSettingsUpdate{ApprovalThreshold: decp("300")}); err != nil {
		t.Fatal(err)
	}
	return c, s
}

func (c *salesCo) scrapLine(pi int, q string, r jxc.ScrapReason) jxc.ScrapLineInput {
	return jxc.ScrapLineInput{ProductID: c.products[pi].ID, WarehouseID: c.east.ID, Quantity: dec(q), Reason: r, Note: "test"}
}

func TestScrapBelowThresholdPostsOnSubmitTo6711(t *testing.T) {
	ctx := context.Background()
	c, s := scrapCo(t)
	sc, err := s.CreateScrap(ctx, jxc.ScrapInput{Note: "碰坏", Submit: true, Lines: []jxc.ScrapLineInput{c.scrapLine(0, "2", jxc.ScrapDamaged)}})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Status != jxc.ScrapPosted || !sc.Value.Equal(dec("120")) || sc.VoucherNo == nil || sc.StockDocumentNumber == nil || sc.Number != "BF-000001" {
		t.Fatalf("scrap %+v", sc)
	}
	if v := c.account(t, "6711"); !v.Equal(dec("120")) {
		t.Fatalf("6711 = %s", v)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("8")) || !b.Value.Equal(dec("480")) {
		t.Fatalf("balance %+v", b)
	}
	var actions []string
	if err := c.db.SelectContext(ctx, &actions, `SELECT action FROM audit_log WHERE record_type = 'scrap' AND record_number = $1 ORDER BY id`, sc.Number); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(actions, []string{"create", "submit"}) {
		t.Fatalf("audit %v", actions)
	}
	c.check(t)
}

func TestScrapAboveThresholdWaitsForApprovalAndPostsAtTheAverageOfThatMoment(t *testing.T) {
	ctx := context.Background()
	c, s := scrapCo(t)
	clerk := as(t, c.db, "clerk", jxc.RoleWarehouse)
	manager := as(t, c.db, "boss", jxc.RoleManager)
	sc, err := s.CreateScrap(clerk, jxc.ScrapInput{Submit: true, Lines: []jxc.ScrapLineInput{c.scrapLine(0, "6", jxc.ScrapExpired)}})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Status != jxc.ScrapPendingApproval || !sc.Value.Equal(dec("360")) || sc.StockDocumentID != nil {
		t.Fatalf("pending %+v", sc)
	}
	if v := c.account(t, "6711"); !v.IsZero() {
		t.Fatalf("nothing posted before approval, 6711 = %s", v)
	}
	if _, err := s.ApproveScrap(clerk, sc.Number); !slices.Contains(codes(err), "number:"+jxc.EPERMISSION) {
		t.Fatalf("a clerk approves: %v", err)
	}
	// The average moves before approval: 10 more at 90.00 makes 20 @ 75.00.
	if _, err := c.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{
		{ProductID: c.products[0].ID, WarehouseID: c.east.ID, Direction: jxc.Increase, Quantity: dec("10"), UnitCost: decp("90")}}}); err != nil {
		t.Fatal(err)
	}
	sc, err = s.ApproveScrap(manager, sc.Number)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Status != jxc.ScrapPosted || !sc.Value.Equal(dec("450")) || !sc.Lines[0].Value.Equal(dec("450")) || sc.DecidedByID == nil {
		t.Fatalf("approved %+v %+v", sc, sc.Lines[0])
	}
	if v := c.account(t, "6711"); !v.Equal(dec("450")) {
		t.Fatalf("6711 = %s", v)
	}
	if _, err := s.ApproveScrap(manager, sc.Number); !slices.Contains(codes(err), "number:"+jxc.ECONFLICT) {
		t.Fatalf("approved twice: %v", err)
	}
	c.check(t)
}

func TestRejectedScrapPostsNothing(t *testing.T) {
	c, s := scrapCo(t)
	finance := as(t, c.db, "fin", jxc.RoleFinance)
	sc, err := s.CreateScrap(context.Background(), jxc.ScrapInput{Submit: true, Lines: []jxc.ScrapLineInput{c.scrapLine(0, "9", jxc.ScrapObsolete)}})
	if err != nil || sc.Status != jxc.ScrapPendingApproval {
		t.Fatalf("%+v %v", sc, err)
	}
	if _, err := s.RejectScrap(finance, sc.Number, " "); !slices.Contains(codes(err), "reason:"+jxc.EINVALID) {
		t.Fatalf("rejected without a reason: %v", err)
	}
	sc, err = s.RejectScrap(finance, sc.Number, "还能卖")
	if err != nil || sc.Status != jxc.ScrapRejected || sc.RejectReason == nil || *sc.RejectReason != "还能卖" {
		t.Fatalf("rejected %+v %v", sc, err)
	}
	if _, err := s.ApproveScrap(finance, sc.Number); !slices.Contains(codes(err), "number:"+jxc.ECONFLICT) {
		t.Fatalf("approved after rejection: %v", err)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("10")) || !c.account(t, "6711").IsZero() {
		t.Fatalf("balance %+v", b)
	}
	c.check(t)
}

func TestScrapInputErrorsComeTogetherAndWriteNothing(t *testing.T) {
	ctx := context.Background()
	c, s := scrapCo(t)
	_, err := s.CreateScrap(ctx, jxc.ScrapInput{Submit: true, Lines: []jxc.ScrapLineInput{
		{ProductID: c.products[0].ID, WarehouseID: c.east.ID, Quantity: dec("-1"), Reason: "BROKEN"},
		{ProductID: 999999, WarehouseID: c.east.ID, Quantity: dec("1"), Reason: jxc.ScrapOther},
	}})
	got := codes(err)
	for _, want := range []string{"input.lines.0.quantity:" + jxc.EINVALID, "input.lines.0.reason:" + jxc.EINVALID, "input.lines.1.productId:" + jxc.ENOTFOUND} {
		if !slices.Contains(got, want) {
			t.Errorf("want %s in %v", want, got)
		}
	}
	// More than on hand, below the threshold: the engine refuses, nothing is kept.
	if _, err := s.CreateScrap(ctx, jxc.ScrapInput{Submit: true, Lines: []jxc.ScrapLineInput{c.scrapLine(1, "4", jxc.ScrapDamaged)}}); err == nil {
		t.Fatal("scrapped more than on hand")
	}
	// More than on hand, above the threshold: refused at submit.
	if _, err := s.CreateScrap(ctx, jxc.ScrapInput{Submit: true, Lines: []jxc.ScrapLineInput{c.scrapLine(0, "11", jxc.ScrapDamaged)}}); err == nil {
		t.Fatal("scrap of more than on hand waits for approval")
	}
	var n int
	if err := c.db.GetContext(ctx, &n, `SELECT (SELECT count(*) FROM scraps) + (SELECT count(*) FROM scrap_lines) + (SELECT count(*) FROM stock_documents WHERE kind = 'SCRAP')`); err != nil || n != 0 {
		t.Fatalf("%d rows written, %v", n, err)
	}
	c.check(t)
}

// TestConcurrentScrapAndShipmentOfOneProduct: 3 of S-1 on hand, a shipment
// of 3 and a scrap of 3 at once: exactly one goes through, stock ends at 0.
func TestConcurrentScrapAndShipmentOfOneProduct(t *testing.T) {
	ctx := context.Background()
	c, s := scrapCo(t)
	o := c.order(t, jxc.SalesOrderLineInput{ProductID: c.products[1].ID, Quantity: dec("3")})
	if _, err := c.sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	shs, err := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if err != nil || shs.TotalCount != 1 {
		t.Fatalf("shipments %+v %v", shs, err)
	}
	sh := shs.Items[0]
	var wg sync.WaitGroup
	var shipErr, scrapErr error
	wg.Add(2)
	go func() {
		defer wg.Done()
		_, shipErr = c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: sh.ID, PostingDate: &d2, Lines: []jxc.ShipLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: dec("3")}}})
	}()
	go func() {
		defer wg.Done()
		_, scrapErr = s.CreateScrap(ctx, jxc.ScrapInput{Submit: true, Lines: []jxc.ScrapLineInput{c.scrapLine(1, "3", jxc.ScrapDamaged)}})
	}()
	wg.Wait()
	if (shipErr == nil) == (scrapErr == nil) {
		t.Fatalf("ship: %v, scrap: %v; want exactly one through", shipErr, scrapErr)
	}
	if b := c.balance(t, 1, c.east); !b.OnHand.IsZero() || !b.Value.IsZero() {
		t.Fatalf("balance %+v", b)
	}
	c.check(t)
}

// A scrap written straight as a stock adjustment keeps the approval rule:
// above the threshold a clerk is refused and nothing moves; a manager may;
// below it anyone may.
func TestScrapAdjustmentAboveThresholdNeedsAnApprover(t *testing.T) {
	c, _ := scrapCo(t)
	stock := db.NewStockService(c.db)
	clerk := as(t, c.db, "clerk", jxc.RoleWarehouse)
	manager := as(t, c.db, "boss", jxc.RoleManager)
	adj := func(q string) jxc.StockAdjustment {
		return jxc.StockAdjustment{Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{{ProductID: c.products[0].ID, WarehouseID: c.east.ID,
			Direction: jxc.Decrease, Quantity: dec(q)}}}
	}
	// 6 @ 60.00 = 360.00 > 300.00.
	_, err := stock.PostStockAdjustment(clerk, adj("6"))
	if c := codes(err); len(c) != 1 || c[0] != "input.reason:"+jxc.EPERMISSION {
		t.Fatalf("a clerk's scrap of 360.00: %v", err)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.Equal(dec("10")) {
		t.Fatalf("a refused scrap moved stock: %+v", b)
	}
	if _, err := stock.PostStockAdjustment(manager, adj("6")); err != nil {
		t.Fatalf("a manager's scrap of 360.00: %v", err)
	}
	if _, err := stock.PostStockAdjustment(clerk, adj("4")); err != nil {
		t.Fatalf("a clerk's scrap of 240.00: %v", err)
	}
	if b := c.balance(t, 0, c.east); !b.OnHand.IsZero() {
		t.Fatalf("after scraps of 6 and 4: %+v", b)
	}
	c.check(t)
}

// Two lines of one balance, the first already more than is there: each is
// refused on its own line (the second is not valued from an empty pool,
// here a warehouse that never held the product).
func TestScrapOfTwoLinesOfOneBalanceOverTheStock(t *testing.T) {
	ctx := context.Background()
	c, s := scrapCo(t)
	line := func(w *jxc.Warehouse, q string) jxc.ScrapLineInput {
		return jxc.ScrapLineInput{ProductID: c.products[0].ID, WarehouseID: w.ID, Quantity: dec(q), Reason: jxc.ScrapDamaged}
	}
	empty, err := c.catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "EMPTY", Name: "空仓"})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []*jxc.Warehouse{c.east, empty} {
		_, err := s.CreateScrap(ctx, jxc.ScrapInput{Submit: true, Lines: []jxc.ScrapLineInput{line(w, "11"), line(w, "1")}})
		if c := codes(err); !slices.Contains(c, "input.lines.0.quantity:"+jxc.ECONFLICT) {
			t.Fatalf("11 in %s: %v", w.Code, err)
		}
	}
	var moves int
	if err := c.db.GetContext(ctx, &moves, `SELECT count(*) FROM stock_moves WHERE source_type = 'STOCK_ADJUSTMENT'`); err != nil || moves != 0 {
		t.Fatalf("refused scraps moved stock: %d moves %v", moves, err)
	}
}
