package db_test

import (
	"context"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// transferCo has two products in warehouse W0 (10 @ 10 and 6 @ 3.3333...)
// and an empty W1, plus some of product 0 already in W1 at another cost.
type transferCo struct {
	*books
	svc *db.StockTransferService
}

func newTransferCo(t *testing.T) *transferCo {
	t.Helper()
	b := newBooks(t, 2, 2)
	if _, err := b.stock.PostOpeningStock(context.Background(), jxc.OpeningStock{Date: jan, Description: "opening", Lines: []jxc.OpeningStockLine{
		{ProductID: b.pid(0), WarehouseID: b.wid(0), Quantity: dec("10"), UnitCost: dec("10")},
		{ProductID: b.pid(1), WarehouseID: b.wid(0), Quantity: dec("3"), UnitCost: dec("3.33")},
		{ProductID: b.pid(0), WarehouseID: b.wid(1), Quantity: dec("5"), UnitCost: dec("16")},
	}}); err != nil {
		t.Fatal(err)
	}
	return &transferCo{books: b, svc: db.NewStockTransferService(b.d)}
}

func (c *transferCo) create(t *testing.T, lines ...jxc.StockTransferLineInput) *jxc.StockTransfer {
	t.Helper()
	tr, err := c.svc.CreateStockTransfer(context.Background(), jxc.StockTransferInput{FromWarehouseID: c.wid(0), ToWarehouseID: c.wid(1),
		TransferDate: &feb, Carrier: jxc.Ptr("顺丰"), Lines: lines})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func (c *transferCo) shipped(t *testing.T, lines ...jxc.StockTransferLineInput) *jxc.StockTransfer {
	t.Helper()
	tr := c.create(t, lines...)
	tr, err := c.svc.ShipStockTransfer(context.Background(), jxc.ShipStockTransferInput{Number: tr.Number, ShipDate: &feb})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func (c *transferCo) level(t *testing.T, p, w int) jxc.StockBalance {
	t.Helper()
	var b jxc.StockBalance
	if err := c.d.GetContext(context.Background(), &b, `SELECT product_id, warehouse_id, on_hand, reserved, value FROM stock_balances
		WHERE product_id = $1 AND warehouse_id = $2`, c.pid(p), c.wid(w)); err != nil {
		t.Fatal(err)
	}
	return b
}

func (c *transferCo) stockValue(t *testing.T) decimal.Decimal {
	t.Helper()
	var v decimal.Decimal
	if err := c.d.GetContext(context.Background(), &v, `SELECT coalesce(sum(value), 0) FROM stock_balances`); err != nil {
		t.Fatal(err)
	}
	return v
}

func line(p int64, q string) jxc.StockTransferLineInput {
	return jxc.StockTransferLineInput{ProductID: p, Quantity: dec(q)}
}

func TestTransferShippedAndReceivedInParts(t *testing.T) {
	ctx := context.Background()
	c := newTransferCo(t)
	before := c.stockValue(t)
	tr := c.create(t, line(c.pid(0), "4"), line(c.pid(1), "2"))
	if tr.Status != jxc.TransferDraft || tr.Number != "TR-000001" {
		t.Fatalf("new transfer %s %s", tr.Number, tr.Status)
	}
	tr, err := c.svc.ShipStockTransfer(ctx, jxc.ShipStockTransferInput{Number: tr.Number, ShipDate: &feb})
	if err != nil {
		t.Fatal(err)
	}
	// 4 @ 10 = 40.00; 2 of 3 @ 3.33 (9.99) = 6.66.
	if tr.Status != jxc.TransferShipped || !tr.InTransitValue.Equal(dec("46.66")) || !tr.Lines[1].ShippedValue.Equal(dec("6.66")) {
		t.Fatalf("shipped: %s in transit %s, line 2 %s", tr.Status, tr.InTransitValue, tr.Lines[1].ShippedValue)
	}
	if !balance(t, c.d, "1402").Equal(dec("-46.66")) {
		t.Fatalf("1402 credit-debit %s", balance(t, c.d, "1402"))
	}
	c.mustCheck(t)
	// In transit shows on the destination's stock level.
	lv, err := c.stock.FindStockLevels(ctx, jxc.StockLevelFilter{ProductID: jxc.Ptr(c.pid(0)), WarehouseID: jxc.Ptr(c.wid(1))}, nil, jxc.PageArgs{})
	if err != nil || len(lv.Items) != 1 || !lv.Items[0].InTransitIn.Equal(dec("4")) {
		t.Fatalf("levels %+v %v", lv, err)
	}
	// Receive 3 of 4 of line 1: 3/4 of 40 = 30; then the last 1 takes 10.
	tr, err = c.svc.ReceiveStockTransfer(ctx, jxc.ReceiveStockTransferInput{Number: tr.Number, ReceiptDate: &feb,
		Lines: []jxc.TransferQuantityInput{{LineNo: 1, Quantity: dec("3")}, {LineNo: 2, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Status != jxc.TransferPartiallyReceived || !tr.Lines[0].ReceivedValue.Equal(dec("30")) || !tr.Lines[1].ReceivedValue.Equal(dec("3.33")) {
		t.Fatalf("partly received %s %s %s", tr.Status, tr.Lines[0].ReceivedValue, tr.Lines[1].ReceivedValue)
	}
	c.mustCheck(t)
	tr, err = c.svc.ReceiveStockTransfer(ctx, jxc.ReceiveStockTransferInput{Number: tr.Number, ReceiptDate: &mar,
		Lines: []jxc.TransferQuantityInput{{LineNo: 1, Quantity: dec("1")}, {LineNo: 2, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Status != jxc.TransferReceived || !tr.InTransitValue.IsZero() || len(tr.Events) != 2 {
		t.Fatalf("received %s %s events %d", tr.Status, tr.InTransitValue, len(tr.Events))
	}
	if !balance(t, c.d, "1402").IsZero() {
		t.Fatalf("1402 left %s", balance(t, c.d, "1402"))
	}
	// The destination's average takes the transferred value: 5 @ 16 + 4 @ 10 = 120 for 9.
	if b := c.level(t, 0, 1); !b.OnHand.Equal(dec("9")) || !b.Value.Equal(dec("120")) {
		t.Fatalf("destination %s @ %s", b.OnHand, b.Value)
	}
	if b := c.level(t, 1, 1); !b.Value.Equal(dec("6.66")) {
		t.Fatalf("destination product 1 value %s", b.Value)
	}
	if v := c.stockValue(t); !v.Equal(before) {
		t.Fatalf("valuation %s, was %s", v, before)
	}
	c.mustCheck(t)
}

func TestTransferReceivedShortWithLossAndCarrierClaim(t *testing.T) {
	ctx := context.Background()
	for _, reason := range []jxc.ShortfallReason{jxc.ShortfallLoss, jxc.ShortfallCarrierClaim} {
		t.Run(string(reason), func(t *testing.T) {
			c := newTransferCo(t)
			before := c.stockValue(t)
			tr := c.shipped(t, line(c.pid(0), "3"))
			tr, err := c.svc.ReceiveStockTransfer(ctx, jxc.ReceiveStockTransferInput{Number: tr.Number, ReceiptDate: &feb,
				Lines: []jxc.TransferQuantityInput{{LineNo: 1, Quantity: dec("2")}}})
			if err != nil {
				t.Fatal(err)
			}
			// A claim names its carrier.
			if _, err := c.svc.SettleTransferShortfall(ctx, jxc.SettleTransferShortfallInput{Number: tr.Number, Reason: jxc.ShortfallCarrierClaim}); err == nil {
				t.Fatal("claim without carrier accepted")
			}
			tr, err = c.svc.SettleTransferShortfall(ctx, jxc.SettleTransferShortfallInput{Number: tr.Number, Date: &mar, Reason: reason, Carrier: jxc.Ptr("顺丰速运")})
			if err != nil {
				t.Fatal(err)
			}
			if tr.Status != jxc.TransferClosed || !tr.Lines[0].ShortQty.Equal(dec("1")) || !tr.Lines[0].ShortValue.Equal(dec("10")) {
				t.Fatalf("settled %s short %s %s", tr.Status, tr.Lines[0].ShortQty, tr.Lines[0].ShortValue)
			}
			account := "6711"
			if reason == jxc.ShortfallCarrierClaim {
				account = "1221"
				var partner string
				if err := c.d.GetContext(ctx, &partner, `SELECT partner FROM journal_lines WHERE account_code = '1221'`); err != nil || partner != "顺丰速运" {
					t.Fatalf("claim partner %q %v", partner, err)
				}
			}
			if !balance(t, c.d, account).Equal(dec("-10")) || !balance(t, c.d, "1402").IsZero() {
				t.Fatalf("%s %s, 1402 %s", account, balance(t, c.d, account), balance(t, c.d, "1402"))
			}
			// Stock lost 10 to the shortfall, not to the move.
			if v := c.stockValue(t); !v.Equal(before.Sub(dec("10"))) {
				t.Fatalf("valuation %s, was %s", v, before)
			}
			// Nothing more can be received or settled.
			if _, err := c.svc.ReceiveStockTransfer(ctx, jxc.ReceiveStockTransferInput{Number: tr.Number,
				Lines: []jxc.TransferQuantityInput{{LineNo: 1, Quantity: dec("1")}}}); err == nil {
				t.Fatal("receipt on a closed transfer accepted")
			}
			c.mustCheck(t)
		})
	}
}

func TestTransferRefusesOverReceiptAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	c := newTransferCo(t)
	tr := c.shipped(t, line(c.pid(0), "2"), line(c.pid(1), "1"))
	var moves int
	count := func() int {
		var n int
		if err := c.d.GetContext(ctx, &n, `SELECT (SELECT count(*) FROM stock_moves) + (SELECT count(*) FROM journal_lines) + (SELECT count(*) FROM stock_transfer_events)`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	moves = count()
	_, err := c.svc.ReceiveStockTransfer(ctx, jxc.ReceiveStockTransferInput{Number: tr.Number,
		Lines: []jxc.TransferQuantityInput{{LineNo: 2, Quantity: dec("1")}, {LineNo: 1, Quantity: dec("2.5")}, {LineNo: 7, Quantity: dec("1")}}})
	got := codes(err)
	if len(got) != 2 || got[0] != "input.lines.1.quantity:INVALID" || got[1] != "input.lines.2.lineNo:NOT_FOUND" {
		t.Fatalf("errors %v", got)
	}
	if es, _ := jxc.AsErrors(err); es[0].Reason() != "OVER_RECEIVED" {
		t.Fatalf("reason %s", es[0].Reason())
	}
	if count() != moves {
		t.Fatal("a refused receipt wrote something")
	}
	// Shipping more than is on hand is refused by the engine, nothing written.
	over := c.create(t, line(c.pid(0), "8.5"), line(c.pid(1), "1"))
	before := count()
	if _, err := c.svc.ShipStockTransfer(ctx, jxc.ShipStockTransferInput{Number: over.Number}); len(codes(err)) != 1 || codes(err)[0] != "input.lines.0.quantity:CONFLICT" {
		t.Fatalf("over-ship: %v", err)
	}
	if count() != before {
		t.Fatal("a refused shipment wrote something")
	}
	again, err := c.svc.FindStockTransfer(ctx, over.Number)
	if err != nil || again.Status != jxc.TransferDraft || !again.Lines[1].ShippedQty.IsZero() {
		t.Fatalf("after refused ship %+v %v", again, err)
	}
	// Cancel: only a draft.
	if _, err := c.svc.CancelStockTransfer(ctx, tr.Number); len(codes(err)) != 1 {
		t.Fatalf("cancel shipped: %v", err)
	}
	if cc, err := c.svc.CancelStockTransfer(ctx, over.Number); err != nil || cc.Status != jxc.TransferCancelled {
		t.Fatalf("cancel draft %v", err)
	}
	// Bad input names its fields.
	_, err = c.svc.CreateStockTransfer(ctx, jxc.StockTransferInput{FromWarehouseID: c.wid(0), ToWarehouseID: c.wid(0),
		Lines: []jxc.StockTransferLineInput{line(c.pid(0), "0"), line(c.pid(0), "1")}})
	if g := codes(err); len(g) != 3 {
		t.Fatalf("create errors %v", g)
	}
	c.mustCheck(t)
}

// Concurrent shipments of one product from one warehouse, with stock
// adjustments taking from it at the same time: the engine serialises them,
// never lets stock go negative, and the books stay reconciled.
func TestConcurrentTransferShipmentsOfOneProduct(t *testing.T) {
	ctx := context.Background()
	c := newTransferCo(t)
	var trs []*jxc.StockTransfer
	for range 6 {
		trs = append(trs, c.create(t, line(c.pid(0), "2")))
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, refused := 0, 0
	for i, tr := range trs {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err := c.svc.ShipStockTransfer(ctx, jxc.ShipStockTransferInput{Number: tr.Number, ShipDate: &feb})
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				ok++
			} else if g := codes(err); len(g) == 1 && g[0] == "input.lines.0.quantity:CONFLICT" {
				refused++
			} else {
				t.Errorf("ship %d: %v", i, err)
			}
		}()
		go func() {
			defer wg.Done()
			_, err := c.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: feb, Reason: jxc.ReasonScrap, Description: "broken",
				Lines: []jxc.AdjustmentLine{{ProductID: c.pid(0), WarehouseID: c.wid(0), Direction: jxc.Decrease, Quantity: dec("0.5")}}})
			if err != nil && len(codes(err)) != 1 {
				t.Errorf("scrap %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	if b := c.level(t, 0, 0); b.OnHand.IsNegative() || ok == 0 {
		t.Fatalf("on hand %s, shipped %d refused %d", b.OnHand, ok, refused)
	}
	if ok+refused != 6 {
		t.Fatalf("shipped %d refused %d", ok, refused)
	}
	c.mustCheck(t)
}
