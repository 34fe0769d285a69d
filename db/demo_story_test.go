package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// The demo company's fifteen months tell a plausible story: its KPIs over
// the last twelve months lie where a household-appliance wholesaler's do,
// the months before the last are closed with their summaries, a handful of
// alerts wait for their audience, every supplier sells its own family, and
// this year compares with last.
func TestDemoStoryLooksLikeARealYear(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	today := jxc.Today(d.Now())
	kpis, ledger := db.NewKPIService(d), db.NewLedgerService(d)

	rep, err := kpis.Report(ctx, today.AddDays(-364), today, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	k := rep.Current
	t.Logf("last 12 months: sales %s, gross margin %v, net margin %v, turnover %v, DIO %v, DSO %v, DPO %v",
		k.Sales, k.GrossMargin, k.NetMargin, k.InventoryTurnover, k.DIO, k.DSO, k.DPO)
	in := func(name string, v *decimal.Decimal, lo, hi string) {
		t.Helper()
		if v == nil || v.LessThan(decimal.RequireFromString(lo)) || v.GreaterThan(decimal.RequireFromString(hi)) {
			t.Errorf("%s %v, want %s to %s", name, v, lo, hi)
		}
	}
	in("gross margin", k.GrossMargin, "0.15", "0.25")
	in("net margin", k.NetMargin, "0.005", "0.08")
	in("inventory turnover", k.InventoryTurnover, "4", "8")
	in("DIO", k.DIO, "45", "92")
	in("DSO", k.DSO, "30", "60")

	// The monthly chart adds up to the KPIs' sales, closed months included.
	months, err := db.NewAnalyticsService(d).SalesByMonth(ctx, today.AddDays(-364), today)
	if err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	for _, m := range months {
		sum = sum.Add(m.Sales)
		if m.Sales.Sign() <= 0 {
			t.Errorf("%s sold %s", m.Month, m.Sales)
		}
	}
	if !sum.Equal(k.Sales) {
		t.Errorf("the months add up to %s, the KPIs' sales are %s", sum, k.Sales)
	}

	// This year so far against the same days of last year.
	jan1 := jxc.Date{Year: today.Year, Month: time.January, Day: 1}
	lastJan1, lastToday := jxc.Date{Year: today.Year - 1, Month: time.January, Day: 1}, jxc.Date{Year: today.Year - 1, Month: today.Month, Day: min(today.Day, 28)}
	ytd, err := kpis.Report(ctx, jan1, today, &lastJan1, &lastToday)
	if err != nil {
		t.Fatal(err)
	}
	if ytd.Current.Sales.Sign() <= 0 || ytd.Comparison.Sales.Sign() <= 0 || ytd.SalesGrowth == nil {
		t.Errorf("this year %s against last %s: growth %v", ytd.Current.Sales, ytd.Comparison.Sales, ytd.SalesGrowth)
	}

	// Sales follow the seasons: 双11 sells more than the quiet February.
	monthSales := func(y int, m time.Month) decimal.Decimal {
		from := jxc.Date{Year: y, Month: m, Day: 1}
		r, err := kpis.Report(ctx, from, jxc.DateOf(from.Time().AddDate(0, 1, -1)), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r.Current.Sales
	}
	if nov, feb := monthSales(today.Year-1, time.November), monthSales(today.Year, time.February); today.Month > time.February && !nov.GreaterThan(feb) {
		t.Errorf("November %s not above February %s", nov, feb)
	}

	// Every month before the last is closed, with its summary; this month is open.
	for m := jxc.DateOf(time.Date(today.Year, today.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, -14, 0)); m.Before(jxc.Date{Year: today.Year, Month: today.Month, Day: 1}); m = jxc.DateOf(m.Time().AddDate(0, 1, 0)) {
		ps, err := ledger.FindFiscalPeriods(ctx, m.Year)
		if err != nil {
			t.Fatal(err)
		}
		p := ps[m.Month-1]
		last := jxc.DateOf(time.Date(today.Year, today.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0))
		if m == last {
			continue // may stay open for its late bills
		}
		if p.Status != jxc.PeriodClosed {
			t.Errorf("%d-%02d is %s", m.Year, m.Month, p.Status)
			continue
		}
		s, err := kpis.PeriodSummary(ctx, m.Year, int(m.Month))
		if err != nil || s == nil || s.KPIs.Sales.Sign() <= 0 {
			t.Errorf("%d-%02d summary %+v %v", m.Year, m.Month, s, err)
		}
	}
	if ps, _ := ledger.FindFiscalPeriods(ctx, today.Year); ps[today.Month-1].Status != jxc.PeriodOpen {
		t.Errorf("this month is %s", ps[today.Month-1].Status)
	}
	var closing int
	if err := d.GetContext(ctx, &closing, `SELECT count(*) FROM journal_entries WHERE source_type = 'CLOSING'`); err != nil || closing < 12 {
		t.Errorf("%d closing vouchers %v", closing, err)
	}

	// A handful of open alerts, each addressed to someone.
	var alerts []struct {
		Kind     string `db:"kind"`
		Owner    *int64 `db:"owner_id"`
		Audience string `db:"audience"`
	}
	if err := d.SelectContext(ctx, &alerts, `SELECT kind, owner_id, array_to_string(audience, ',') AS audience FROM alerts WHERE NOT acknowledged`); err != nil {
		t.Fatal(err)
	}
	t.Logf("open alerts: %+v", alerts)
	if len(alerts) == 0 || len(alerts) > 10 {
		t.Errorf("%d open alerts", len(alerts))
	}
	for _, a := range alerts {
		if a.Audience == "" && a.Owner == nil {
			t.Errorf("alert %s is addressed to nobody", a.Kind)
		}
	}

	// Every supplier sells its own family, and orders only from it.
	var pairs []struct {
		Supplier string `db:"supplier"`
		SKU      string `db:"sku"`
	}
	if err := d.SelectContext(ctx, &pairs, `SELECT s.code AS supplier, p.sku FROM supplier_products sp JOIN suppliers s ON s.id = sp.supplier_id JOIN products p ON p.id = sp.product_id
		UNION SELECT s.code, p.sku FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN purchase_order_lines l ON l.purchase_order_id = o.id JOIN products p ON p.id = l.product_id`); err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 50 {
		t.Errorf("%d supplier-product pairs", len(pairs))
	}
	for _, p := range pairs {
		if !db.DemoSupplierFamilies(p.Supplier, p.SKU) {
			t.Errorf("%s does not make %s", p.Supplier, p.SKU)
		}
	}
	checkBooks(t, ledger)
}
