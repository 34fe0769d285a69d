package db_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jxcgraph/jxc"
)

// TestSlowMoverBucketsAgainstSQL: S-0 in SH last issued on 10 March, S-1
// in SH and S-0 in GZ never issued since 1 March; the idle days, buckets
// and actions as of a day, the company default and a category's own days,
// and the rows against a plain count of the balances.
func TestSlowMoverBucketsAgainstSQL(t *testing.T) {
	ctx := context.Background()
	c, s := scrapCo(t)
	o := c.order(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("1")})
	if _, err := c.sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	shs, _ := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
	if _, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID, PostingDate: &d2, Lines: []jxc.ShipLineInput{{ShipmentLineID: shs.Items[0].Lines[0].ID, Quantity: dec("1")}}}); err != nil {
		t.Fatal(err)
	}
	key := func(m *jxc.IdleStock) string {
		return fmt.Sprintf("%s@%s %d %s %s", m.Product.SKU, m.Warehouse.Code, m.IdleDays, m.Bucket, m.Action)
	}
	rows := func(f jxc.SlowMoverFilter) []string {
		t.Helper()
		ms, err := s.SlowMovers(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, key(m))
		}
		return out
	}
	sep10 := jxc.Date{Year: 2026, Month: 9, Day: 10}
	// 10 March to 10 September: 184 days; 1 March: 193.
	want := "[S-0@GZ 193 DAYS_180_365 DISCOUNT S-1@SH 193 DAYS_180_365 DISCOUNT S-0@SH 184 DAYS_180_365 DISCOUNT]"
	if got := fmt.Sprint(rows(jxc.SlowMoverFilter{AsOf: sep10})); got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
	var sqlCount int
	if err := c.db.GetContext(ctx, &sqlCount, `SELECT count(*) FROM stock_balances b WHERE on_hand > 0 AND
		$1::date - coalesce((SELECT max(posting_date) FROM stock_moves m WHERE m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id AND m.quantity < 0),
		(SELECT min(posting_date) FROM stock_moves m WHERE m.product_id = b.product_id AND m.warehouse_id = b.warehouse_id)) >= 180`, sep10); err != nil || sqlCount != 3 {
		t.Fatalf("sql count %d %v", sqlCount, err)
	}
	if got := fmt.Sprint(rows(jxc.SlowMoverFilter{AsOf: sep10, WarehouseID: &c.south.ID})); got != "[S-0@GZ 193 DAYS_180_365 DISCOUNT]" {
		t.Fatalf("south: %s", got)
	}
	// The company default at 190 days leaves S-0 in SH out.
	if _, err := s.UpdateScrapSettings(ctx, jxc.ScrapSettingsUpdate{SlowMoverDays: jxc.Ptr(190)}); err != nil {
		t.Fatal(err)
	}
	if got := len(rows(jxc.SlowMoverFilter{AsOf: sep10})); got != 2 {
		t.Fatalf("%d rows at 190 days", got)
	}
	// A category of its own at 90 days: S-0, in it, is idle enough again.
	cat, err := c.catalog.CreateCategory(ctx, jxc.CategoryInput{Code: "FAST", Name: "快消"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.db.ExecContext(ctx, `UPDATE products SET category_id = $1 WHERE id = $2`, cat.ID, c.products[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetCategorySlowMoverDays(ctx, cat.ID, jxc.Ptr(90)); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rows(jxc.SlowMoverFilter{AsOf: sep10, CategoryID: &cat.ID})); got != "[S-0@GZ 193 DAYS_180_365 DISCOUNT S-0@SH 184 DAYS_180_365 DISCOUNT]" {
		t.Fatalf("category: %s", got)
	}
	// A year and more: scrap.
	if got := fmt.Sprint(rows(jxc.SlowMoverFilter{AsOf: jxc.Date{Year: 2027, Month: 3, Day: 2}, WarehouseID: &c.south.ID})); got != "[S-0@GZ 366 OVER_365 SCRAP]" {
		t.Fatalf("a year on: %s", got)
	}
	if _, err := s.SetCategorySlowMoverDays(ctx, cat.ID, jxc.Ptr(0)); err == nil {
		t.Fatal("0 idle days accepted")
	}
}
