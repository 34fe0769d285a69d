package db_test

import (
	"context"
	"math/rand/v2"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Transfers in the randomised books test: ship (may overdraw), receive a
// random part of what is in transit, settle the rest as a loss or a carrier
// claim. Shipped transfers wait in a pool; an event takes one out so no two
// workers touch the same transfer, and puts it back while it is open.
func init() { moreRandomEvents = append(moreRandomEvents, randomTransferEvent) }

type transferPool struct {
	mu   sync.Mutex
	svc  map[*books]*db.StockTransferService
	open map[*books][]string
}

var transfers = &transferPool{svc: map[*books]*db.StockTransferService{}, open: map[*books][]string{}}

func (p *transferPool) service(b *books) *db.StockTransferService {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.svc[b] == nil {
		p.svc[b] = db.NewStockTransferService(b.d)
	}
	return p.svc[b]
}

func (p *transferPool) put(b *books, number string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.open[b] = append(p.open[b], number)
}

func (p *transferPool) take(b *books, r *rand.Rand) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	o := p.open[b]
	if len(o) == 0 {
		return ""
	}
	i := r.IntN(len(o))
	n := o[i]
	o[i] = o[len(o)-1]
	p.open[b] = o[:len(o)-1]
	return n
}

func randomTransferEvent(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent {
	svc := transfers.service(b)
	switch n := r.IntN(10); {
	case n < 4:
		_, from := key(r)
		to := (from + 1 + r.IntN(len(b.warehouses)-1)) % len(b.warehouses)
		in := jxc.StockTransferInput{FromWarehouseID: b.wid(from), ToWarehouseID: b.wid(to), TransferDate: &day}
		seen := map[int]bool{}
		for range 1 + r.IntN(2) {
			p, _ := key(r)
			if !seen[p] {
				seen[p] = true
				in.Lines = append(in.Lines, jxc.StockTransferLineInput{ProductID: b.pid(p), Quantity: randDec(r, 200000, 4)})
			}
		}
		return &randomEvent{name: "transfer shipped", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
			tr, err := svc.CreateStockTransfer(ctx, in)
			if err != nil {
				return nil, err
			}
			tr, err = svc.ShipStockTransfer(ctx, jxc.ShipStockTransferInput{Number: tr.Number, ShipDate: &day})
			if err != nil {
				return nil, err
			}
			res := &result{moves: map[jxc.StockKey]decimal.Decimal{}, nMoves: len(tr.Lines)}
			for _, l := range tr.Lines {
				k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: tr.FromWarehouseID}
				res.moves[k] = res.moves[k].Sub(l.ShippedQty)
			}
			if tr.ShipVoucherNo != nil {
				res.entries = 1
			}
			transfers.put(b, tr.Number)
			return res, nil
		}}
	case n < 8:
		number := transfers.take(b, r)
		if number == "" {
			return nil
		}
		return &randomEvent{name: "transfer received in part", run: func(ctx context.Context) (res *result, err error) {
			tr, err := svc.FindStockTransfer(ctx, number)
			if err != nil {
				return nil, err
			}
			defer func() {
				if err != nil || tr.Status == jxc.TransferPartiallyReceived || tr.Status == jxc.TransferShipped {
					transfers.put(b, number)
				}
			}()
			in := jxc.ReceiveStockTransferInput{Number: number, ReceiptDate: &day}
			for _, l := range tr.Lines {
				left := l.InTransitQty()
				if left.Sign() <= 0 {
					continue
				}
				q := left
				if r.IntN(2) == 0 {
					q = left.Mul(decimal.New(int64(1+r.IntN(9)), -1)).Round(4)
				}
				if q.Sign() > 0 {
					in.Lines = append(in.Lines, jxc.TransferQuantityInput{LineNo: l.LineNo, Quantity: q})
				}
			}
			if len(in.Lines) == 0 {
				return &result{}, nil
			}
			got, err := svc.ReceiveStockTransfer(ctx, in)
			if err != nil {
				return nil, err
			}
			tr = got
			res = &result{moves: map[jxc.StockKey]decimal.Decimal{}, nMoves: len(in.Lines)}
			for _, q := range in.Lines {
				k := jxc.StockKey{ProductID: tr.Line(q.LineNo).ProductID, WarehouseID: tr.ToWarehouseID}
				res.moves[k] = res.moves[k].Add(q.Quantity)
			}
			if e := tr.Events[len(tr.Events)-1]; e.VoucherNo != nil {
				res.entries = 1
			}
			return res, nil
		}}
	default:
		number := transfers.take(b, r)
		if number == "" {
			return nil
		}
		reason, carrier := jxc.ShortfallLoss, ""
		if r.IntN(2) == 0 {
			reason, carrier = jxc.ShortfallCarrierClaim, "顺丰速运"
		}
		return &randomEvent{name: "transfer shortfall settled", run: func(ctx context.Context) (*result, error) {
			tr, err := svc.SettleTransferShortfall(ctx, jxc.SettleTransferShortfallInput{Number: number, Date: &day, Reason: reason, Carrier: &carrier})
			if err != nil {
				transfers.put(b, number)
				return nil, err
			}
			res := &result{}
			if e := tr.Events[len(tr.Events)-1]; e.VoucherNo != nil {
				res.entries = 1
			}
			return res, nil
		}}
	}
}
