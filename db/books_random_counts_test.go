package db_test

import (
	"context"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

func init() { moreRandomEvents = append(moreRandomEvents, randomStockCount) }

// randomStockCount counts one warehouse: create, start, one product
// counted at 90 % to 110 % of its frozen book, submitted and posted on the
// day, while the other workers keep moving stock.
func randomStockCount(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent {
	if r.IntN(20) != 0 {
		return nil
	}
	p, w := key(r)
	pid, wid := b.pid(p), b.wid(w)
	factor := decimal.New(90+r.Int64N(21), -2)
	return &randomEvent{name: "stock count", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
		counts := db.NewStockCountService(b.d)
		c, err := counts.CreateStockCount(ctx, jxc.NewStockCount{WarehouseID: wid})
		if err != nil {
			return nil, err
		}
		if c, err = counts.StartStockCount(ctx, c.Number); err != nil {
			return nil, err
		}
		q := decimal.Zero
		for _, l := range c.Lines {
			if l.ProductID == pid {
				q = l.Book.Mul(factor).Round(4)
			}
		}
		if _, err := counts.AddCountEntry(ctx, jxc.CountEntryInput{Number: c.Number, ProductID: &pid, Quantity: &q}); err != nil {
			return nil, err
		}
		if _, err := counts.SubmitStockCount(ctx, c.Number); err != nil {
			return nil, err
		}
		number := c.Number
		c, err = counts.PostStockCount(ctx, number, &day)
		if es, ok := jxc.AsErrors(err); ok && es[0].Code == jxc.EINVALID && es[0].Field == "input.lines.0.unitCost" {
			// Everything was issued meanwhile: a gain has no average to
			// come in at; the sheet is given up, nothing posted.
			_, err := counts.CancelStockCount(ctx, number)
			return &result{moves: map[jxc.StockKey]decimal.Decimal{}}, err
		}
		if err != nil {
			return nil, err
		}
		res := &result{moves: map[jxc.StockKey]decimal.Decimal{}}
		for _, l := range c.Lines {
			if v := l.Variance(); v != nil && !v.IsZero() {
				k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: wid}
				res.moves[k] = res.moves[k].Add(*v)
				res.nMoves++
			}
		}
		if c.JournalEntryID != nil {
			res.entries = 1
		}
		return res, nil
	}}
}
