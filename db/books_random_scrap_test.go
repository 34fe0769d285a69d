package db_test

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Scraps in the randomised books test: one or two lines of small
// quantities (under the default threshold of 5000.00 at the test's unit
// costs, so each posts on the day it is submitted), submitted at once or
// written as a draft and submitted after; a concurrent issue may have
// taken the stock.
func init() { moreRandomEvents = append(moreRandomEvents, randomScrap) }

func randomScrap(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent {
	s := db.NewScrapService(b.d)
	reasons := []jxc.ScrapReason{jxc.ScrapDamaged, jxc.ScrapExpired, jxc.ScrapObsolete, jxc.ScrapOther}
	in := jxc.ScrapInput{Date: day, Note: "random", Submit: r.IntN(2) == 0}
	for range 1 + r.IntN(2) {
		p, w := key(r)
		in.Lines = append(in.Lines, jxc.ScrapLineInput{ProductID: b.pid(p), WarehouseID: b.wid(w), Quantity: randDec(r, 300000, 4), Reason: reasons[r.IntN(4)]})
	}
	return &randomEvent{name: "scrap", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
		sc, err := s.CreateScrap(ctx, in)
		if err != nil {
			return nil, err
		}
		if !in.Submit {
			if sc, err = s.SubmitScrap(ctx, sc.Number); err != nil {
				return nil, err
			}
		}
		if sc.Status != jxc.ScrapPosted {
			return nil, fmt.Errorf("scrap %s worth %s is %s", sc.Number, sc.Value, sc.Status)
		}
		res := &result{moves: map[jxc.StockKey]decimal.Decimal{}, nMoves: len(sc.Lines), docs: 1}
		if sc.JournalEntryID != nil {
			res.entries = 1
		}
		for _, l := range sc.Lines {
			k := jxc.StockKey{ProductID: l.ProductID, WarehouseID: l.WarehouseID}
			res.moves[k] = res.moves[k].Sub(l.Quantity)
		}
		return res, nil
	}}
}
