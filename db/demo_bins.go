package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// bins gives the demo warehouses' bins their zones (A: fast movers, B:
// bulk), two empty bulk bins for putaway suggestions, the putaway zone of
// every other product, and one bin move (移库) today in each warehouse, so
// the bin screens open on live data.
func (st *demoStory) bins(ctx context.Context) error {
	wh := st.b.as["warehouse"]
	svc, catalog := NewBinService(st.d), NewCatalogService(st.d)
	for i, p := range st.b.products {
		zone := "FAST"
		if i%2 == 1 {
			zone = "BULK"
		}
		if err := svc.SetProductPutawayZone(wh, p.ID, zone); err != nil {
			return fmt.Errorf("putaway zone %s: %w", p.SKU, err)
		}
	}
	for _, w := range st.b.warehouses {
		for _, l := range w.Locations {
			zone := "FAST"
			if l.Code[0] == 'B' {
				zone = "BULK"
			}
			if _, err := svc.SetLocationZone(wh, l.ID, zone); err != nil {
				return err
			}
		}
		var empty []int64
		for _, code := range []string{"C-01", "C-02"} {
			l, err := catalog.CreateLocation(wh, jxc.LocationInput{WarehouseID: w.ID, Code: code, Name: jxc.Ptr("C 区 " + code[2:] + " 号货架")})
			if err != nil {
				return err
			}
			if _, err := svc.SetLocationZone(wh, l.ID, "BULK"); err != nil {
				return err
			}
			empty = append(empty, l.ID)
		}
		// Half of the fullest bin's product moves to the first new bin.
		held, err := svc.BinStock(ctx, jxc.BinStockFilter{WarehouseID: &w.ID})
		if err != nil {
			return err
		}
		var best *jxc.BinStock
		for _, h := range held {
			if h.LocationID != nil && (best == nil || h.Quantity.GreaterThan(best.Quantity)) {
				best = h
			}
		}
		if best == nil {
			continue
		}
		q := best.Quantity.Div(decimal.NewFromInt(2)).Floor()
		if q.Sign() <= 0 {
			continue
		}
		if _, err := svc.PostBinMove(wh, jxc.BinMove{Date: st.today, WarehouseID: w.ID, Note: "整理货架 tidy the shelves",
			Lines: []jxc.BinMoveLine{{ProductID: best.ProductID, FromLocationID: best.LocationID, ToLocationID: empty[0], Quantity: q}}}); err != nil {
			return fmt.Errorf("demo bin move %s: %w", w.Code, err)
		}
	}
	return nil
}
