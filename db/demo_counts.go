package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// demoCounts: a posted count of one category (one line short by one) and
// a blind sheet of the next category being counted, both today, so the
// count screens have something to show.
func (st *demoStory) counts(ctx context.Context) error {
	var keys []struct {
		WarehouseID int64 `db:"warehouse_id"`
		CategoryID  int64 `db:"category_id"`
	}
	if err := st.d.SelectContext(ctx, &keys, `SELECT b.warehouse_id, p.category_id FROM stock_balances b JOIN products p ON p.id = b.product_id
		WHERE b.on_hand > 1 AND p.category_id IS NOT NULL GROUP BY 1, 2 ORDER BY count(*), 1, 2 LIMIT 2`); err != nil || len(keys) < 2 {
		return err
	}
	svc := NewStockCountService(st.d)
	for i, k := range keys {
		cat := k.CategoryID
		c, err := svc.CreateStockCount(ctx, jxc.NewStockCount{WarehouseID: k.WarehouseID, CategoryID: &cat, Blind: i == 1, Description: "月度盘点"})
		if err != nil {
			return fmt.Errorf("demo count: %w", err)
		}
		if c, err = svc.StartStockCount(ctx, c.Number); err != nil {
			return fmt.Errorf("demo count start: %w", err)
		}
		for j, l := range c.Lines {
			q := l.Book
			if j == 0 && q.GreaterThan(decimal.NewFromInt(1)) {
				q = q.Sub(decimal.NewFromInt(1))
			}
			if q.Sign() < 0 {
				q = decimal.Zero // a bin the issues did not name: its book went below 0
			}
			if i == 1 && j > 0 {
				break
			}
			pid := l.ProductID
			if _, err := svc.AddCountEntry(ctx, jxc.CountEntryInput{Number: c.Number, ProductID: &pid, LocationID: l.LocationID, Quantity: &q}); err != nil {
				return fmt.Errorf("demo count entry: %w", err)
			}
		}
		if i == 1 {
			break
		}
		if _, err := svc.SubmitStockCount(ctx, c.Number); err != nil {
			return err
		}
		if _, err := svc.PostStockCount(ctx, c.Number, nil); err != nil {
			return fmt.Errorf("demo count post: %w", err)
		}
	}
	return nil
}
