package db_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// batchPurch is a purchasing setup whose product 0 is batch- and expiry-tracked.
func batchPurch(t *testing.T) (*purch, *db.BatchService) {
	t.Helper()
	p := newPurch(t)
	bs := db.NewBatchService(p.d)
	if _, err := bs.SetProductBatchTracking(context.Background(), jxc.ProductBatchTrackingInput{ProductID: p.pid(0), BatchTracked: true, ExpiryTracked: true}); err != nil {
		t.Fatal(err)
	}
	return p, bs
}

func fieldOf(err error) string {
	var es jxc.Errors
	if errors.As(err, &es) && len(es) > 0 {
		return es[0].Field
	}
	var e *jxc.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

func (p *purch) receiveBatch(t *testing.T, qty, number string, expiry *jxc.Date) (*jxc.GoodsReceipt, error) {
	t.Helper()
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec(qty), UnitPrice: decp("10")})
	line := o.Lines[0].ID
	var bn *string
	if number != "" {
		bn = &number
	}
	return p.svc.PostGoodsReceipt(context.Background(), jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec(qty), BatchNumber: bn, ExpiryDate: expiry}}})
}

// A receipt of a batch-tracked product needs the batch number, and of an
// expiry-tracked one the expiry; nothing is written without them.
func TestReceiptRequiresBatchAndExpiry(t *testing.T) {
	p, _ := batchPurch(t)
	exp := jxc.Date{Year: 2026, Month: 6, Day: 1}
	if _, err := p.receiveBatch(t, "5", "", &exp); fieldOf(err) != "input.lines.0.batchNumber" {
		t.Fatalf("without batch: %v (field %q)", err, fieldOf(err))
	}
	if _, err := p.receiveBatch(t, "5", "L1", nil); fieldOf(err) != "input.lines.0.expiryDate" {
		t.Fatalf("without expiry: %v (field %q)", err, fieldOf(err))
	}
	var n int
	if err := p.d.GetContext(context.Background(), &n, `SELECT count(*) FROM stock_moves`); err != nil || n != 0 {
		t.Fatalf("moves written: %d %v", n, err)
	}
	if _, err := p.receiveBatch(t, "5", "L1", &exp); err != nil {
		t.Fatal(err)
	}
	checkBooks(t, p.ledger)
}

// Issues without a named batch take the earliest expiring first; the
// batches sum to the balance; the trace names the receipt.
func TestFEFOAndBatchBalances(t *testing.T) {
	ctx := context.Background()
	p, bs := batchPurch(t)
	mar, feb := jxc.Date{Year: 2026, Month: 3, Day: 1}, jxc.Date{Year: 2026, Month: 2, Day: 1}
	gA, err := p.receiveBatch(t, "5", "A", &mar)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.receiveBatch(t, "5", "B", &feb); err != nil {
		t.Fatal(err)
	}
	takes, err := bs.FEFOBatches(ctx, p.pid(0), p.wid(0), dec("7"))
	if err != nil || len(takes) != 2 || takes[0].Number != "B" || !takes[0].Quantity.Equal(dec("5")) || takes[1].Number != "A" || !takes[1].Quantity.Equal(dec("2")) {
		t.Fatalf("FEFO: %+v %v", takes, err)
	}
	if _, err := p.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonScrap, Description: "过期",
		Lines: []jxc.AdjustmentLine{{ProductID: p.pid(0), WarehouseID: p.wid(0), Direction: jxc.Decrease, Quantity: dec("7")}}}); err != nil {
		t.Fatal(err)
	}
	stock, err := bs.FindBatches(ctx, jxc.BatchFilter{ProductID: jxc.Ptr(p.pid(0))})
	if err != nil || len(stock) != 1 || stock[0].Number != "A" || !stock[0].OnHand.Equal(dec("3")) {
		t.Fatalf("batches after FEFO: %+v %v", stock, err)
	}
	// More than the batches hold is refused.
	if _, err := p.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonScrap, Description: "x",
		Lines: []jxc.AdjustmentLine{{ProductID: p.pid(0), WarehouseID: p.wid(0), Direction: jxc.Decrease, Quantity: dec("4")}}}); err == nil {
		t.Fatal("took out more than on hand")
	}
	tr, err := bs.BatchTrace(ctx, stock[0].ID)
	if err != nil || tr.Batch.SourceNumber != gA.Number || len(tr.Moves) != 2 || tr.Moves[0].DocumentNumber != gA.Number {
		t.Fatalf("trace: %+v %+v %v", tr.Batch, tr.Moves, err)
	}
	// The trace agrees with the moves table.
	var sum string
	if err := p.d.GetContext(ctx, &sum, `SELECT sum(quantity)::text FROM stock_moves WHERE batch_id = $1`, stock[0].ID); err != nil {
		t.Fatal(err)
	}
	total := dec("0")
	for _, m := range tr.Moves {
		total = total.Add(m.Quantity)
	}
	if !total.Equal(dec(sum)) || !total.Equal(dec("3")) {
		t.Fatalf("trace total %s, moves %s", total, sum)
	}
	checkBooks(t, p.ledger)
}

// Concurrent issues of one batch: exactly as many succeed as it holds.
func TestConcurrentIssuesOfOneBatch(t *testing.T) {
	ctx := context.Background()
	p, bs := batchPurch(t)
	exp := jxc.Date{Year: 2026, Month: 9, Day: 1}
	if _, err := p.receiveBatch(t, "3", "C", &exp); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := p.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: jan, Reason: jxc.ReasonScrap, Description: "破损",
				Lines: []jxc.AdjustmentLine{{ProductID: p.pid(0), WarehouseID: p.wid(0), Direction: jxc.Decrease, Quantity: dec("1")}}})
			if err == nil {
				mu.Lock()
				ok++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if ok != 3 {
		t.Fatalf("%d issues succeeded, want 3", ok)
	}
	left, err := bs.FindBatches(ctx, jxc.BatchFilter{ProductID: jxc.Ptr(p.pid(0)), WithEmpty: true})
	if err != nil || len(left) != 1 || !left[0].OnHand.IsZero() {
		t.Fatalf("batch after: %+v %v", left, err)
	}
	checkBooks(t, p.ledger)
}
