package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// The demo's scraps and slow movers (issue 19): three clearance products
// idle long enough for each age bucket (one in a category of its own at 90
// days), a scrap posted this month and one above the threshold waiting for
// the manager. It runs in the story before the months are closed.
func (st *demoStory) scrapDemo(ctx context.Context) error {
	catalog, stock, scraps := NewCatalogService(st.d), NewStockService(st.d), NewScrapService(st.d)
	fin, wh := st.b.as["finance"], st.b.as["warehouse"]
	cat, err := catalog.CreateCategory(ctx, jxc.CategoryInput{Code: "CLEAR", Name: "清仓商品", NameEn: jxc.Ptr("Clearance")})
	if err != nil {
		return fmt.Errorf("demo slow movers: %w", err)
	}
	if _, err := scraps.SetCategorySlowMoverDays(ctx, cat.ID, jxc.Ptr(90)); err != nil {
		return err
	}
	w := st.b.warehouses[0]
	// SKU, name, cost, quantity, last issue (days before today; 0: never)
	for _, p := range []struct {
		sku, name, nameEn, cost string
		qty, issued             int64
	}{
		{"CLR-FAN-01", "旧款台扇", "Old desk fan", "85.00", 24, 0},
		{"CLR-HTR-02", "暖风机（上一季）", "Heater, last season", "120.00", 18, 250},
		{"CLR-LMP-03", "节能台灯（停产）", "Desk lamp, discontinued", "45.00", 40, 120},
	} {
		pr, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: p.sku, Name: p.name, NameEn: jxc.Ptr(p.nameEn), Unit: "台", CategoryID: &cat.ID,
			SellPrice: jxc.Ptr(decimal.RequireFromString(p.cost).Mul(decimal.NewFromFloat32(1.6)).Round(2))})
		if err != nil {
			return fmt.Errorf("demo slow mover %s: %w", p.sku, err)
		}
		if _, err := stock.PostOpeningStock(fin, jxc.OpeningStock{Date: st.start, Description: "清仓商品期初 clearance opening stock", Lines: []jxc.OpeningStockLine{
			{ProductID: pr.ID, WarehouseID: w.ID, Quantity: decimal.NewFromInt(p.qty), UnitCost: decimal.RequireFromString(p.cost)}}}); err != nil {
			return fmt.Errorf("demo slow mover %s: %w", p.sku, err)
		}
		if p.issued > 0 {
			if _, err := scraps.CreateScrap(wh, jxc.ScrapInput{Date: st.today.AddDays(-int(p.issued)), Note: "样机损坏 damaged display unit", Submit: true,
				Lines: []jxc.ScrapLineInput{{ProductID: pr.ID, WarehouseID: w.ID, Quantity: decimal.NewFromInt(1), Reason: jxc.ScrapDamaged}}}); err != nil {
				return fmt.Errorf("demo slow mover %s: %w", p.sku, err)
			}
		}
	}
	// This month: a small scrap posted on submit, and one above the
	// threshold (5000.00) waiting for the manager.
	var b struct {
		ProductID int64           `db:"product_id"`
		OnHand    decimal.Decimal `db:"on_hand"`
		Value     decimal.Decimal `db:"value"`
	}
	if err := st.d.GetContext(ctx, &b, `SELECT product_id, on_hand, value FROM stock_balances WHERE warehouse_id = $1 AND on_hand >= 2 AND value > 6000
		ORDER BY value DESC, product_id LIMIT 1`, w.ID); err != nil {
		return fmt.Errorf("demo scrap: %w", err)
	}
	if _, err := scraps.CreateScrap(wh, jxc.ScrapInput{Note: "搬运跌落 dropped in handling", Submit: true,
		Lines: []jxc.ScrapLineInput{{ProductID: b.ProductID, WarehouseID: w.ID, Quantity: decimal.NewFromInt(1), Reason: jxc.ScrapDamaged, Note: "外壳破裂"}}}); err != nil {
		return fmt.Errorf("demo scrap: %w", err)
	}
	avg := b.Value.Div(b.OnHand)
	q := decimal.RequireFromString("5200").Div(avg).Ceil()
	if q.GreaterThan(b.OnHand.Sub(decimal.NewFromInt(1))) {
		q = b.OnHand.Sub(decimal.NewFromInt(1)).Floor()
	}
	if _, err := scraps.CreateScrap(wh, jxc.ScrapInput{Note: "受潮 water damage in the store room", Submit: true,
		Lines: []jxc.ScrapLineInput{{ProductID: b.ProductID, WarehouseID: w.ID, Quantity: q, Reason: jxc.ScrapDamaged, Note: "仓库漏水"}}}); err != nil {
		return fmt.Errorf("demo scrap to approve: %w", err)
	}
	return nil
}
