package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

func TestDemoOpeningLoadsAndReconciles(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	ledger, stock, catalog := db.NewLedgerService(d), db.NewStockService(d), db.NewCatalogService(d)
	ps, err := catalog.FindProducts(ctx, jxc.ProductFilter{}, nil, jxc.PageArgs{})
	if err != nil || ps.TotalCount < 45 {
		t.Fatalf("products: %v %v", ps, err)
	}
	ws, err := catalog.FindWarehouses(ctx, jxc.WarehouseFilter{}, nil, jxc.PageArgs{})
	if err != nil || ws.TotalCount != 3 || len(ws.Items[0].Locations) == 0 {
		t.Fatalf("warehouses: %+v %v", ws, err)
	}
	levels, err := stock.FindStockLevels(ctx, jxc.StockLevelFilter{InStock: jxc.Ptr(true)}, nil, jxc.PageArgs{})
	if err != nil || levels.TotalCount < 100 {
		t.Fatalf("stock levels: %v %v", levels, err)
	}
	c, err := ledger.BooksCheck(ctx)
	if err != nil || !c.OK() || c.StockValue.Sign() <= 0 {
		t.Fatalf("books check: %+v %v", c, err)
	}
	bs, err := ledger.BalanceSheet(ctx, jxc.Today(time.Now()))
	if err != nil || !bs.Balanced() || bs.TotalAssets.Sign() <= 0 {
		t.Fatalf("balance sheet: %+v %v", bs, err)
	}
}
