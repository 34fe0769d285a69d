package db_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Random batch events: receipts of a batch-tracked product (a batch per
// receipt, expiring within the year) and FEFO issues of it, which may take
// several batches (a move per batch).
func init() { moreRandomEvents = append(moreRandomEvents, randomBatchEvent) }

type batchSetup struct {
	once sync.Once
	err  error
	pur  *db.PurchasingService
	st   *db.StockService
	sup  *jxc.Supplier
	pid  int64
}

var batchSetups sync.Map // *books -> *batchSetup

func batchSetupOf(b *books) *batchSetup {
	v, _ := batchSetups.LoadOrStore(b, &batchSetup{})
	s := v.(*batchSetup)
	s.once.Do(func() {
		ctx := context.Background()
		s.pur, s.st = db.NewPurchasingService(b.d), db.NewStockService(b.d)
		if s.sup, s.err = s.pur.CreateSupplier(ctx, jxc.SupplierInput{Code: "SBATCH", Name: "批次供应商",
			Contacts: []jxc.SupplierContact{{Name: "李", Phone: "139"}}, PaymentTermsDays: jxc.Ptr(30)}); s.err != nil {
			return
		}
		p, err := b.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "BATCH-1", Name: "批次商品", Unit: "箱"})
		if s.err = err; err != nil {
			return
		}
		s.pid = p.ID
		_, s.err = db.NewBatchService(b.d).SetProductBatchTracking(ctx, jxc.ProductBatchTrackingInput{ProductID: p.ID, BatchTracked: true, ExpiryTracked: true})
	})
	return s
}

func randomBatchEvent(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent {
	s := batchSetupOf(b)
	if s.err != nil {
		return &randomEvent{name: "batch setup", run: func(context.Context) (*result, error) { return nil, s.err }}
	}
	w := b.wid(r.IntN(len(b.warehouses)))
	k := jxc.StockKey{ProductID: s.pid, WarehouseID: w}
	if r.IntN(2) == 0 {
		qty := randDec(r, 5000, 0)
		number := fmt.Sprintf("L%06d", r.IntN(1000000))
		expiry := day.AddDays(30 + r.IntN(300))
		return &randomEvent{name: "batch receipt", run: func(ctx context.Context) (*result, error) {
			o, err := s.pur.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: s.sup.ID, WarehouseID: w, OrderDate: day,
				Lines: []jxc.PurchaseOrderLineInput{{ProductID: s.pid, Quantity: qty, UnitPrice: decp("8.5")}}})
			if err != nil {
				return nil, err
			}
			if _, err := s.pur.SubmitPurchaseOrder(ctx, o.ID); err != nil {
				return nil, err
			}
			ap, err := s.pur.ApprovePurchaseOrder(ctx, o.ID)
			if err != nil {
				return nil, err
			}
			o = ap.Order
			line := o.Lines[0].ID
			if _, err := s.pur.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: day,
				Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: qty, BatchNumber: &number, ExpiryDate: &expiry}}}); err != nil {
				return nil, err
			}
			return &result{moves: map[jxc.StockKey]decimal.Decimal{k: qty}, nMoves: 1, entries: 1}, nil
		}}
	}
	qty := randDec(r, 4000, 0)
	return &randomEvent{name: "batch FEFO issue", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
		doc, err := s.st.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: day, Reason: jxc.ReasonScrap, Description: "临期报废",
			Lines: []jxc.AdjustmentLine{{ProductID: s.pid, WarehouseID: w, Direction: jxc.Decrease, Quantity: qty}}})
		if err != nil {
			return nil, err
		}
		var n int
		if err := b.d.GetContext(ctx, &n, `SELECT count(*) FROM stock_moves WHERE source_type = 'STOCK_ADJUSTMENT' AND source_id = $1`, doc.ID); err != nil {
			return nil, err
		}
		return &result{moves: map[jxc.StockKey]decimal.Decimal{k: qty.Neg()}, nMoves: n, docs: 1, entries: 1}, nil
	}}
}
