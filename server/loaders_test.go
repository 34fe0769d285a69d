package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A subscription reads each event's nested lists afresh: loaders live for
// one event, so the second event shows the second payment, not the first
// event's cached list.
func TestSubscriptionEventsReadNestedListsAfresh(t *testing.T) {
	app := newTestApp(t)
	fin := app.client(t).mustLogin("finance")
	var cs struct {
		Customers struct {
			Nodes []struct {
				ID       string
				Payments struct{ TotalCount int }
			}
		}
	}
	mustJSON(t, fin.do(`{ customers(first: 1) { nodes { id payments { totalCount } } } }`, nil).Data, &cs)
	if len(cs.Customers.Nodes) == 0 {
		t.Fatal("no demo customer")
	}
	id, before := cs.Customers.Nodes[0].ID, cs.Customers.Nodes[0].Payments.TotalCount
	sub := app.client(t).mustLogin("sales").subscribe(`subscription($f: ReceivableFilter) {
		receivableChanged(filter: $f) { seq customer { id payments(first: 1) { totalCount nodes { amount } } } } }`,
		map[string]any{"f": map[string]any{"customerId": id}})
	for i, amount := range []string{"10", "20"} {
		r := fin.do(`mutation($c: ID!, $a: Decimal!) { recordCustomerPayment(input: {customerId: $c, amount: $a}) { userErrors { field message } } }`,
			map[string]any{"c": id, "a": amount})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data["recordCustomerPayment"]), `"userErrors":[]`) {
			t.Fatalf("payment: %s %+v", r.Data["recordCustomerPayment"], r.Errors)
		}
		m := sub.next(5 * time.Second)
		var ev struct {
			ReceivableChanged struct {
				Customer struct {
					Payments struct {
						TotalCount int
						Nodes      []struct{ Amount string }
					}
				}
			}
		}
		if err := json.Unmarshal(m, &ev); err != nil {
			t.Fatalf("event %d: %s: %v", i+1, m, err)
		}
		p := ev.ReceivableChanged.Customer.Payments
		if p.TotalCount != before+i+1 || len(p.Nodes) != 1 || p.Nodes[0].Amount != amount {
			t.Fatalf("event %d: %s, want %d payments, the newest of %s", i+1, m, before+i+1, amount)
		}
	}
}
