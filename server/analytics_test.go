package main

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

func TestDashboardAnalyticsAgreeWithTheLedger(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	today, from := demoHistory()
	var r struct {
		SalesByMonth []struct {
			Month              string
			Sales, GrossProfit decimal.Decimal
		}
		Kpis struct {
			Current struct{ Sales, GrossProfit decimal.Decimal }
		}
		ByProduct       []struct{ Revenue decimal.Decimal } `json:"byProduct"`
		ByCategory      []struct{ Revenue decimal.Decimal } `json:"byCategory"`
		SlowMovingStock []struct {
			OnHand       decimal.Decimal
			LastSaleDate *string
		}
	}
	resp := c.do(`query($f: Date!, $t: Date!) {
		salesByMonth(from: $f, to: $t) { month sales grossProfit }
		kpis(from: $f, to: $t) { current { sales grossProfit } }
		byProduct: topSellers(from: $f, to: $t, by: PRODUCT, limit: 100) { revenue }
		byCategory: topSellers(from: $f, to: $t, by: CATEGORY, limit: 100) { revenue }
		slowMovingStock(days: 30, first: 200) { onHand lastSaleDate } }`, map[string]any{"f": from.String(), "t": today.String()})
	if len(resp.Errors) > 0 {
		t.Fatal(resp.Errors)
	}
	mustJSON(t, resp.Data, &r)
	sales, gp := decimal.Zero, decimal.Zero
	for i, m := range r.SalesByMonth {
		sales, gp = sales.Add(m.Sales), gp.Add(m.GrossProfit)
		if i > 0 && m.Month <= r.SalesByMonth[i-1].Month {
			t.Errorf("months out of order: %s after %s", m.Month, r.SalesByMonth[i-1].Month)
		}
	}
	if sales.IsZero() || !sales.Equal(r.Kpis.Current.Sales) || !gp.Equal(r.Kpis.Current.GrossProfit) {
		t.Errorf("monthly sales add up to %s (gross profit %s); the KPIs say %s (%s)", sales, gp, r.Kpis.Current.Sales, r.Kpis.Current.GrossProfit)
	}
	sum := func(xs []struct{ Revenue decimal.Decimal }) decimal.Decimal {
		s := decimal.Zero
		for i, x := range xs {
			if i > 0 && x.Revenue.GreaterThan(xs[i-1].Revenue) {
				t.Errorf("best sellers not in descending order")
			}
			s = s.Add(x.Revenue)
		}
		return s
	}
	if p, cat := sum(r.ByProduct), sum(r.ByCategory); p.IsZero() || !p.Equal(cat) {
		t.Errorf("revenue by product %s, by category %s", p, cat)
	}
	if len(r.SlowMovingStock) == 0 {
		t.Fatal("the demo has no slow-moving stock")
	}
	limit := today.AddDays(-30)
	for _, s := range r.SlowMovingStock {
		if !s.OnHand.IsPositive() {
			t.Errorf("slow mover without stock: %+v", s)
		}
		if s.LastSaleDate != nil {
			if d, _ := jxc.ParseDate(*s.LastSaleDate); d.After(limit) {
				t.Errorf("sold on %s, within the last 30 days", *s.LastSaleDate)
			}
		}
	}
	// Bad arguments name their field.
	if r := c.do(`{ slowMovingStock(days: 0) { sku } }`, nil); r.code() != "INVALID" || r.Errors[0].Extensions["field"] != "days" {
		t.Errorf("days 0: %+v", r.Errors)
	}
}
