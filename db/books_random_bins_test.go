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

// Random bin moves (移库) in the randomised books test: a putaway of what
// is not put away, or a move between two bins of a warehouse; either may
// be refused when a concurrent issue took the stock. They move no value
// and no stock between warehouses, and the bins must keep adding up to the
// warehouses (booksCheck).
func init() { moreRandomEvents = append(moreRandomEvents, randomBinMove) }

var randomBins = struct {
	sync.Mutex
	of map[*jxc.Warehouse][]int64
}{of: map[*jxc.Warehouse][]int64{}}

// binsOf are the three bins of a warehouse of the test, made on first use.
func binsOf(b *books, w int) ([]int64, error) {
	randomBins.Lock()
	defer randomBins.Unlock()
	wh := b.warehouses[w]
	if ids := randomBins.of[wh]; ids != nil {
		return ids, nil
	}
	var ids []int64
	for i := range 3 {
		l, err := b.catalog.CreateLocation(context.Background(), jxc.LocationInput{WarehouseID: wh.ID, Code: fmt.Sprintf("R-%02d", i+1)})
		if err != nil {
			return nil, err
		}
		ids = append(ids, l.ID)
	}
	randomBins.of[wh] = ids
	return ids, nil
}

func randomBinMove(b *books, r *rand.Rand, day jxc.Date, key func(*rand.Rand) (int, int)) *randomEvent {
	p, w := key(r)
	bins, err := binsOf(b, w)
	if err != nil {
		panic(err)
	}
	line := jxc.BinMoveLine{ProductID: b.pid(p), ToLocationID: bins[r.IntN(len(bins))], Quantity: randDec(r, 200000, 4)}
	if r.IntN(2) == 0 {
		from := bins[r.IntN(len(bins))]
		for from == line.ToLocationID {
			from = bins[r.IntN(len(bins))]
		}
		line.FromLocationID = &from
	}
	e := jxc.BinMove{Date: day, WarehouseID: b.wid(w), Lines: []jxc.BinMoveLine{line}}
	return &randomEvent{name: "bin move", outcome: mayOverdraw, run: func(ctx context.Context) (*result, error) {
		if _, err := db.NewBinService(b.d).PostBinMove(ctx, e); err != nil {
			return nil, err
		}
		return &result{moves: map[jxc.StockKey]decimal.Decimal{}, nMoves: 2}, nil
	}}
}
