package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

type alertRow struct {
	ID           string
	Kind         string
	OwnerID      *string
	Audience     []string
	Acknowledged bool
}

func (c *client) alerts(kinds []string) []alertRow {
	c.t.Helper()
	var r struct {
		Alerts struct{ Nodes []alertRow }
	}
	c.gql(`query($k: [String!]) { alerts(kinds: $k, first: 200) { nodes { id kind ownerId audience acknowledged } } }`,
		map[string]any{"k": kinds}, &r)
	return r.Alerts.Nodes
}

func (c *client) userID() string {
	c.t.Helper()
	var r struct{ Me struct{ ID string } }
	c.gql(`{ me { id } }`, nil, &r)
	return r.Me.ID
}

// TestAlertsAreForTheirAudience: an alert is read and acknowledged only by
// its owner, the roles it is addressed to and managers. Budget figures in
// BUDGET_80 messages are not for sales; a sales user cannot acknowledge
// them either (NOT_FOUND: not theirs to learn of).
func TestAlertsAreForTheirAudience(t *testing.T) {
	app := newTestApp(t)
	manager := app.client(t).mustLogin("manager")
	finance := app.client(t).mustLogin("finance")
	sales := app.client(t).mustLogin("sales")
	budgetKinds := []string{"BUDGET_80", "BUDGET_100"}

	all := manager.alerts(budgetKinds)
	if len(all) == 0 {
		t.Fatal("the demo has no budget alerts to test with")
	}
	for _, a := range all {
		if !slices.Contains(a.Audience, "FINANCE") || slices.Contains(a.Audience, "SALES") {
			t.Errorf("budget alert %s is addressed to %v, want finance and not sales", a.ID, a.Audience)
		}
	}
	if got := sales.alerts(budgetKinds); len(got) != 0 {
		t.Errorf("sales reads %d budget alerts, want none", len(got))
	}
	if got := finance.alerts(budgetKinds); len(got) != len(all) {
		t.Errorf("finance reads %d budget alerts, the manager %d", len(got), len(all))
	}
	me := sales.userID()
	for _, a := range sales.alerts(nil) {
		if !slices.Contains(a.Audience, "SALES") && (a.OwnerID == nil || *a.OwnerID != me) {
			t.Errorf("sales reads alert %s (%s) addressed to %v, owner %v", a.ID, a.Kind, a.Audience, a.OwnerID)
		}
	}

	var open *alertRow
	for i := range all {
		if !all[i].Acknowledged {
			open = &all[i]
			break
		}
	}
	if open == nil {
		t.Fatal("no open budget alert in the demo")
	}
	ack := func(c *client) []userErr {
		var r struct {
			AcknowledgeAlert struct {
				Alert      *struct{ Acknowledged bool }
				UserErrors []userErr
			}
		}
		c.gql(`mutation($id: ID!) { acknowledgeAlert(id: $id) { alert { acknowledged } userErrors { code field message } } }`,
			map[string]any{"id": open.ID}, &r)
		if len(r.AcknowledgeAlert.UserErrors) == 0 && (r.AcknowledgeAlert.Alert == nil || !r.AcknowledgeAlert.Alert.Acknowledged) {
			t.Fatalf("acknowledged without an alert back: %+v", r.AcknowledgeAlert)
		}
		return r.AcknowledgeAlert.UserErrors
	}
	if ues := ack(sales); len(ues) != 1 || ues[0].Code != "NOT_FOUND" || ues[0].Field != "id" {
		t.Fatalf("sales acknowledging a budget alert: %+v, want NOT_FOUND on id", ues)
	}
	for _, a := range manager.alerts(budgetKinds) {
		if a.ID == open.ID && a.Acknowledged {
			t.Fatal("the alert sales could not acknowledge is acknowledged")
		}
	}
	if ues := ack(finance); len(ues) != 0 {
		t.Fatalf("finance acknowledging a budget alert: %+v", ues)
	}
}

// TestAlertRaisedStreamsOnlyTheSubscribersAlerts: LOW_STOCK is addressed
// to the warehouse and purchasing; a sales socket hears none of it, while
// purchasing and a manager hear it as it is raised.
func TestAlertRaisedStreamsOnlyTheSubscribersAlerts(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	const q = `subscription { alertRaised { alert { id kind subject audience } } }`
	subs := map[string]*wsSub{}
	for _, role := range []string{"sales", "purchasing", "manager"} {
		subs[role] = app.client(t).mustLogin(role).subscribe(q, nil)
	}
	lv := stockLevelsIn(t, wh.do(firstStockLevel(`{inStock: true, belowReorderPoint: false}`), nil))[0]
	r := wh.do(`mutation($in: UpdateProductInput!) { updateProduct(input: $in) { userErrors { field message } } }`,
		map[string]any{"in": map[string]any{"id": lv.Product.ID, "reorderPoint": lv.OnHand.Add(decimal.NewFromInt(1000)).String()}})
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data["updateProduct"]), `"userErrors":[]`) {
		t.Fatalf("updateProduct: %s %+v", r.Data["updateProduct"], r.Errors)
	}
	var raised struct {
		CheckLowStock struct {
			Alerts     []struct{ ID string }
			UserErrors []userErr
		}
	}
	wh.gql(`mutation { checkLowStock { alerts { id } userErrors { code field message } } }`, nil, &raised)
	if len(raised.CheckLowStock.Alerts) == 0 {
		t.Fatalf("no LOW_STOCK alert raised: %+v", raised.CheckLowStock)
	}
	heard := map[string][]string{}
	for role, s := range subs {
		for i := 0; i < 200; i++ {
			m := s.next(1500 * time.Millisecond)
			if m == nil {
				break
			}
			var c struct {
				AlertRaised struct {
					Alert struct {
						Kind     string
						Audience []string
					}
				}
			}
			if err := json.Unmarshal(m, &c); err != nil || c.AlertRaised.Alert.Kind == "" {
				t.Fatalf("%s: %s", role, m)
			}
			heard[role] = append(heard[role], c.AlertRaised.Alert.Kind)
		}
	}
	n := len(raised.CheckLowStock.Alerts)
	if got := heard["sales"]; len(got) != 0 {
		t.Errorf("the sales socket heard %v, want none", got)
	}
	for _, role := range []string{"purchasing", "manager"} {
		if got := heard[role]; len(got) != n {
			t.Errorf("the %s socket heard %v, want the %d LOW_STOCK alerts", role, got, n)
		}
	}
}
