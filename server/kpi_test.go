package main

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// TestKPITableMatchesTheDocuments checks the KPI query on the demo company
// against figures read another way: units sold from the stock moves,
// ratings from the sales service's satisfaction, the KPI formulas' own
// identities, and the cash cycle's definition.
func TestKPITableMatchesTheDocuments(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	today, from := demoHistory()
	var r struct {
		Kpis struct {
			Current struct {
				Sales, Cogs, GrossProfit                    decimal.Decimal
				UnitsSold                                   decimal.Decimal
				UnitCost, CustomerSatisfaction, GrossMargin *decimal.Decimal
				Dio, Dso, Dpo, CashConversionCycle          *decimal.Decimal
				RatedDeliveries, LinesDue                   int
				FulfilmentRate                              *decimal.Decimal
				Exact                                       struct{ CashConversionCycle, Dio, Dso, Dpo, UnitCost *decimal.Decimal }
			}
		}
		CustomerSatisfaction struct{ Rated, Satisfied int }
	}
	resp := c.do(`query($f: Date!, $t: Date!) { kpis(from: $f, to: $t) { current {
		sales cogs grossProfit unitsSold unitCost customerSatisfaction grossMargin dio dso dpo cashConversionCycle
		ratedDeliveries linesDue fulfilmentRate exact { cashConversionCycle dio dso dpo unitCost } } }
		customerSatisfaction { rated satisfied } }`, map[string]any{"f": from.String(), "t": today.String()})
	if len(resp.Errors) > 0 {
		t.Fatal(resp.Errors)
	}
	mustJSON(t, resp.Data, &r)
	k := r.Kpis.Current
	var units decimal.Decimal
	if err := app.store.GetContext(context.Background(), &units, `SELECT coalesce(-sum(quantity), 0) FROM stock_moves
		WHERE source_type IN ('SHIPMENT', 'SALES_RETURN') AND posting_date BETWEEN $1 AND $2`, from, today); err != nil {
		t.Fatal(err)
	}
	if units.IsZero() || !k.UnitsSold.Equal(units) {
		t.Errorf("units sold %s, the moves say %s", k.UnitsSold, units)
	}
	// A unit cost to 6 places, as unit costs are kept.
	if k.UnitCost == nil || !k.UnitCost.Equal(jxc.DivRound(k.Cogs, k.UnitsSold, 6)) || k.Exact.UnitCost == nil ||
		!k.Exact.UnitCost.Equal(jxc.DivRound(k.Cogs, k.UnitsSold, 16)) {
		t.Errorf("unit cost %v for COGS %s over %s units", k.UnitCost, k.Cogs, k.UnitsSold)
	}
	if k.RatedDeliveries != r.CustomerSatisfaction.Rated || k.RatedDeliveries == 0 {
		t.Errorf("rated deliveries %d, the sales service says %d", k.RatedDeliveries, r.CustomerSatisfaction.Rated)
	}
	want := jxc.DivRound(decimal.NewFromInt(int64(r.CustomerSatisfaction.Satisfied)), decimal.NewFromInt(int64(r.CustomerSatisfaction.Rated)), 4)
	if k.CustomerSatisfaction == nil || !k.CustomerSatisfaction.Equal(want) {
		t.Errorf("satisfaction %v, want %s", k.CustomerSatisfaction, want)
	}
	if !k.GrossProfit.Equal(k.Sales.Sub(k.Cogs)) || k.Sales.IsZero() {
		t.Errorf("gross profit %s for sales %s and COGS %s", k.GrossProfit, k.Sales, k.Cogs)
	}
	// The cycle is DIO + DSO - DPO of the unrounded parts, rounded once: it
	// agrees with the exact parts, and with the rounded ones to within 0.02.
	e := k.Exact
	if k.CashConversionCycle == nil || e.CashConversionCycle == nil || e.Dio == nil || e.Dso == nil || e.Dpo == nil ||
		e.Dio.Add(*e.Dso).Sub(*e.Dpo).Sub(*e.CashConversionCycle).Abs().GreaterThan(decimal.New(1, -15)) ||
		!k.CashConversionCycle.Equal(e.CashConversionCycle.Round(2)) ||
		k.CashConversionCycle.Sub(k.Dio.Add(*k.Dso).Sub(*k.Dpo)).Abs().GreaterThan(decimal.RequireFromString("0.02")) {
		t.Errorf("cash cycle %v (exact %v) is not DIO %v + DSO %v - DPO %v (exact %v %v %v)", k.CashConversionCycle, e.CashConversionCycle,
			k.Dio, k.Dso, k.Dpo, e.Dio, e.Dso, e.Dpo)
	}
	// The per-day counters kept by triggers agree with the documents.
	var due, onTime int64
	if err := app.store.QueryRowxContext(context.Background(), `SELECT count(*),
		count(*) FILTER (WHERE l.shipped >= l.quantity AND (SELECT max(sh.posting_date) FROM shipment_lines sl
			JOIN shipments sh ON sh.id = sl.shipment_id WHERE sl.order_line_id = l.id AND sh.status IN ('SHIPPED', 'DELIVERED')) <= o.promised_date)
		FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
		WHERE o.promised_date BETWEEN $1 AND $2 AND o.status NOT IN ('DRAFT', 'CANCELLED')`, from, today).Scan(&due, &onTime); err != nil {
		t.Fatal(err)
	}
	wantRate := jxc.DivRound(decimal.NewFromInt(onTime), decimal.NewFromInt(due), 4)
	if int64(k.LinesDue) != due || due == 0 || k.FulfilmentRate == nil || !k.FulfilmentRate.Equal(wantRate) {
		t.Errorf("fulfilment: %d lines due, rate %v; the documents say %d due, %d on time (%s)", k.LinesDue, k.FulfilmentRate, due, onTime, wantRate)
	}
}

// TestUnappliedCreditIsWhatIsOnAccount: money received beyond what a
// customer owes stays on account and shows as unapplied credit.
func TestUnappliedCreditIsWhatIsOnAccount(t *testing.T) {
	app := newTestApp(t)
	fin := app.client(t).mustLogin("finance")
	type cust struct {
		ID                           string
		OpenBalance, UnappliedCredit decimal.Decimal
	}
	var cs struct{ Customers struct{ Nodes []cust } }
	mustJSON(t, fin.do(`{ customers(first: 100) { nodes { id openBalance unappliedCredit } } }`, nil).Data, &cs)
	var c cust
	for _, x := range cs.Customers.Nodes {
		if x.OpenBalance.IsPositive() && x.UnappliedCredit.IsZero() {
			c = x
			break
		}
	}
	if c.ID == "" {
		t.Fatal("no customer owes anything in the demo")
	}
	over := c.OpenBalance.Add(decimal.NewFromInt(250))
	r := fin.do(`mutation($c: ID!, $a: Decimal!) { recordCustomerPayment(input: {customerId: $c, amount: $a}) { userErrors { message } } }`,
		map[string]any{"c": c.ID, "a": over.String()})
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	var after struct{ Customer cust }
	mustJSON(t, fin.do(`query($id: ID!) { customer(id: $id) { id openBalance unappliedCredit } }`, map[string]any{"id": c.ID}).Data, &after)
	if !after.Customer.OpenBalance.Equal(decimal.NewFromInt(-250)) || !after.Customer.UnappliedCredit.Sub(c.UnappliedCredit).Equal(decimal.NewFromInt(250)) {
		t.Fatalf("after paying %s on %s owed: open %s, unapplied credit %s (was %s)", over, c.OpenBalance,
			after.Customer.OpenBalance, after.Customer.UnappliedCredit, c.UnappliedCredit)
	}
}
