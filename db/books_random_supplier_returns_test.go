package db_test

import (
	"context"
	"math/rand/v2"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Supplier returns in the randomised books test: receipts from a supplier
// (invoiced about half the time), and returns of part of them posted at
// the moving average of the moment, their debit notes applied or refunded.

type supplierReturnPool struct {
	mu       sync.Mutex
	svc      *db.PurchasingService
	returns  *db.SupplierReturnService
	supplier int64
	receipts []poolReceipt
}

type poolReceipt struct {
	id      int64
	qty     decimal.Decimal
	invoice string // "" when not invoiced
}

var supplierReturnPools sync.Map // *books -> *supplierReturnPool

func supplierReturnPoolOf(b *books) (*supplierReturnPool, error) {
	if p, ok := supplierReturnPools.Load(b); ok {
		return p.(*supplierReturnPool), nil
	}
	p := &supplierReturnPool{svc: db.NewPurchasingService(b.d), returns: db.NewSupplierReturnService(b.d)}
	actual, loaded := supplierReturnPools.LoadOrStore(b, p)
	p = actual.(*supplierReturnPool)
	p.mu.Lock()
	defer p.mu.Unlock()
	if !loaded || p.supplier == 0 {
		s, err := p.svc.CreateSupplier(context.Background(), jxc.SupplierInput{Code: "RS1", Name: "退货供应商",
			Contacts: []jxc.SupplierContact{{Name: "李", Phone: "139"}}, PaymentTermsDays: jxc.Ptr(30)})
		if err != nil {
			return nil, err
		}
		p.supplier = s.ID
	}
	return p, nil
}

func randomSupplierReturnEvent(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent {
	pi, wi := key(r)
	pid, wid := b.pid(pi), b.wid(wi)
	p, err := supplierReturnPoolOf(b)
	if err != nil {
		panic(err)
	}
	p.mu.Lock()
	n := len(p.receipts)
	var rc poolReceipt
	if n > 0 && r.IntN(2) == 0 {
		i := r.IntN(n)
		rc = p.receipts[i]
		p.receipts = append(p.receipts[:i], p.receipts[i+1:]...)
	}
	p.mu.Unlock()
	if rc.id == 0 {
		qty := randDec(r, 20, 0)
		price := randDec(r, 5000, 2)
		invoice := r.IntN(2) == 0
		return &randomEvent{name: "supplier receipt", outcome: mustPost, run: func(ctx context.Context) (*result, error) {
			o, err := p.svc.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: p.supplier, WarehouseID: wid, OrderDate: day,
				Lines: []jxc.PurchaseOrderLineInput{{ProductID: pid, Quantity: qty, UnitPrice: &price}}})
			if err != nil {
				return nil, err
			}
			if _, err := p.svc.SubmitPurchaseOrder(ctx, o.ID); err != nil {
				return nil, err
			}
			if _, err := p.svc.ApprovePurchaseOrder(ctx, o.ID); err != nil {
				return nil, err
			}
			line := o.Lines[0].ID
			gr, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: day,
				Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: qty}}})
			if err != nil {
				return nil, err
			}
			res := &result{moves: map[jxc.StockKey]decimal.Decimal{{ProductID: pid, WarehouseID: wid}: qty}, nMoves: 1, entries: 1}
			pr := poolReceipt{id: gr.ID, qty: qty}
			if invoice {
				// The invoice is its own transaction: a refusal (a period
				// closing meanwhile) leaves the receipt uninvoiced.
				if inv, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: gr.Number, InvoiceDate: day,
					Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: line, Quantity: qty, UnitPrice: price.Add(decimal.New(int64(r.IntN(200))-100, -2)).Abs()}}}); err == nil {
					res.entries++
					pr.invoice = inv.Number
				}
			}
			p.mu.Lock()
			p.receipts = append(p.receipts, pr)
			p.mu.Unlock()
			return res, nil
		}}
	}
	q := decimal.Min(rc.qty, randDec(r, 20, 0))
	settle := r.IntN(3)
	return &randomEvent{name: "supplier return", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
		var pid, wid int64
		dr, err := p.returns.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: rc.id, Reason: jxc.Ptr("质量问题"),
			Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: q}}})
		if err != nil {
			return nil, err
		}
		pid, wid = dr.Lines[0].ProductID, dr.WarehouseID
		posted, err := p.returns.PostSupplierReturn(ctx, dr.Number, &day)
		if err != nil {
			if _, cerr := p.returns.CancelSupplierReturn(ctx, dr.Number); cerr != nil {
				return nil, cerr
			}
			return nil, err
		}
		res := &result{moves: map[jxc.StockKey]decimal.Decimal{{ProductID: pid, WarehouseID: wid}: q.Neg()}, nMoves: 1, entries: 1}
		if open := posted.OpenCredit(); open.Sign() > 0 {
			switch settle {
			case 0:
				if rc.invoice != "" {
					_, _ = p.returns.ApplyDebitNote(ctx, posted.Number, rc.invoice, nil) // the invoice may be paid up
				}
			case 1:
				if _, err := p.returns.RefundDebitNote(ctx, posted.Number, open, &day); err == nil {
					res.entries++
					res.bank = open
				}
			}
		}
		if left := rc.qty.Sub(q); left.Sign() > 0 {
			p.mu.Lock()
			p.receipts = append(p.receipts, poolReceipt{id: rc.id, qty: left, invoice: rc.invoice})
			p.mu.Unlock()
		}
		return res, nil
	}}
}

func init() { moreRandomEvents = append(moreRandomEvents, randomSupplierReturnEvent) }
