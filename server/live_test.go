package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc/db/dbtest"
)

// wsSub is a graphql-transport-ws subscription over a real websocket.
type wsSub struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan json.RawMessage // payload.data of each "next"
}

func (c *client) subscribe(query string, vars map[string]any) *wsSub {
	t := c.t.(*testing.T)
	t.Helper()
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(c.app.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: c.cookieHeader()})
	if err != nil {
		t.Fatal(err)
	}
	wsSubscribe(t, ctx, conn, query, vars)
	s := &wsSub{t: t, conn: conn, msgs: make(chan json.RawMessage, 100)}
	go func() {
		defer close(s.msgs)
		for {
			var m struct {
				Type    string
				Payload json.RawMessage
			}
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				return
			}
			switch m.Type {
			case "next":
				var p struct {
					Data   json.RawMessage
					Errors json.RawMessage
				}
				_ = json.Unmarshal(m.Payload, &p)
				if len(p.Errors) > 0 {
					s.msgs <- json.RawMessage(`{"errors":` + string(p.Errors) + `}`)
				} else {
					s.msgs <- p.Data
				}
			case "error":
				s.msgs <- json.RawMessage(`{"errors":` + string(m.Payload) + `}`)
			}
		}
	}()
	t.Cleanup(func() { conn.CloseNow() })
	// Let the server register the subscription before the test changes anything.
	time.Sleep(200 * time.Millisecond)
	return s
}

func (s *wsSub) next(timeout time.Duration) json.RawMessage {
	s.t.Helper()
	select {
	case m, ok := <-s.msgs:
		if !ok {
			s.t.Fatal("subscription ended")
		}
		return m
	case <-time.After(timeout):
		return nil
	}
}

type stockChange struct {
	StockLevelChanged struct {
		Seq    string
		Resync bool
		Level  struct {
			OnHand    decimal.Decimal
			Available decimal.Decimal
			Product   struct{ Sku string }
		}
	}
}

const stockSub = `subscription($f: StockLevelFilter, $after: String) {
  stockLevelChanged(filter: $f, after: $after) { seq resync level { onHand available product { sku } } }
}`

func TestStockLevelChangesArePushedOnCommitAndResumeWithoutGaps(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	levels := stockLevelsIn(t, wh.do(firstStockLevel(`{inStock: true}`), nil))
	if len(levels) != 1 {
		t.Fatal("the demo has no stock")
	}
	lv := levels[0]
	adjust := func(dir, qty string) (ok bool) {
		t.Helper()
		r := wh.do(`mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { document { id } userErrors { field message } } }`,
			map[string]any{"in": map[string]any{"reason": "COUNT_VARIANCE", "lines": []any{map[string]any{
				"productId": lv.Product.ID, "warehouseId": lv.Warehouse.ID, "direction": dir, "quantity": qty}}}})
		var p struct{ PostStockAdjustment struct{ UserErrors []any } }
		mustJSON(t, r.Data, &p)
		if len(r.Errors) > 0 {
			t.Fatalf("adjust: %+v", r.Errors)
		}
		return len(p.PostStockAdjustment.UserErrors) == 0
	}
	filter := map[string]any{"productId": lv.Product.ID, "warehouseId": lv.Warehouse.ID}
	manager := app.client(t).mustLogin("manager")
	sub := manager.subscribe(stockSub, map[string]any{"f": filter})

	if !adjust("DECREASE", "1") {
		t.Fatal("decrease refused")
	}
	var c stockChange
	m := sub.next(5 * time.Second)
	if m == nil {
		t.Fatal("no change pushed within 5 s of the commit")
	}
	_ = json.Unmarshal(m, &c)
	want := lv.OnHand.Sub(decimal.NewFromInt(1))
	if !c.StockLevelChanged.Level.OnHand.Equal(want) || c.StockLevelChanged.Level.Product.Sku != lv.Product.Sku {
		t.Fatalf("pushed %+v, want on hand %s of %s", c, want, lv.Product.Sku)
	}
	if adjust("DECREASE", "99999999") {
		t.Fatal("an overdraw was accepted")
	}
	if adjust("INCREASE", "2") != true {
		t.Fatal("increase refused")
	}
	m = sub.next(5 * time.Second)
	_ = json.Unmarshal(m, &c)
	if want = want.Add(decimal.NewFromInt(2)); !c.StockLevelChanged.Level.OnHand.Equal(want) {
		t.Fatalf("after a refused overdraw and an increase: pushed %s, want %s (the refusal must not be announced)", m, want)
	}
	last := c.StockLevelChanged.Seq
	if extra := sub.next(300 * time.Millisecond); extra != nil {
		t.Fatalf("unexpected push %s", extra)
	}
	sub.conn.CloseNow() // the dashboard loses its connection

	adjust("DECREASE", "1")
	adjust("DECREASE", "1")
	resumed := manager.subscribe(stockSub, map[string]any{"f": filter, "after": last})
	var got []string
	for i := 0; i < 2; i++ {
		m := resumed.next(5 * time.Second)
		if m == nil {
			t.Fatalf("resumed subscription got %d of the 2 missed changes", i)
		}
		_ = json.Unmarshal(m, &c)
		got = append(got, c.StockLevelChanged.Level.OnHand.String())
	}
	w1, w2 := want.Sub(decimal.NewFromInt(1)), want.Sub(decimal.NewFromInt(2))
	if got[0] != w1.String() || got[1] != w2.String() {
		t.Fatalf("resumed with %v, want [%s %s] in order", got, w1, w2)
	}
	if extra := resumed.next(300 * time.Millisecond); extra != nil {
		t.Fatalf("duplicate or extra push after resume: %s", extra)
	}
	adjust("INCREASE", "1")
	if m := resumed.next(5 * time.Second); m == nil {
		t.Fatal("no live change after the replay")
	}
}

func TestStockSubscriptionRefusesABadAfter(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("manager")
	sub := c.subscribe(stockSub, map[string]any{"after": "-5"})
	m := sub.next(2 * time.Second)
	if !strings.Contains(string(m), `"errors"`) || !strings.Contains(string(m), `"field":"after"`) || !strings.Contains(string(m), `"INVALID"`) {
		t.Fatalf("a negative after: got %s, want an INVALID error naming after", m)
	}
}

// TestAChangeThroughOneReplicaReachesASubscriberOnAnother runs two servers
// (each with its own pool and event hub) over one database.
func TestAChangeThroughOneReplicaReachesASubscriberOnAnother(t *testing.T) {
	url := dbtest.NewURL(t)
	one := newTestAppOn(t, url)
	two := newTestAppOn(t, url)
	wh := one.client(t).mustLogin("warehouse")
	lv := stockLevelsIn(t, wh.do(firstStockLevel(`{inStock: true}`), nil))[0]
	sub := two.client(t).mustLogin("manager").subscribe(stockSub, map[string]any{"f": map[string]any{"productId": lv.Product.ID}})
	r := wh.do(`mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { userErrors { message } } }`,
		map[string]any{"in": map[string]any{"reason": "COUNT_VARIANCE", "lines": []any{map[string]any{
			"productId": lv.Product.ID, "warehouseId": lv.Warehouse.ID, "direction": "INCREASE", "quantity": "4"}}}})
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	m := sub.next(5 * time.Second)
	var c stockChange
	_ = json.Unmarshal(m, &c)
	if want := lv.OnHand.Add(decimal.NewFromInt(4)); !c.StockLevelChanged.Level.OnHand.Equal(want) {
		t.Fatalf("the other replica pushed %s, want on hand %s", m, want)
	}
}

// TestStockUnderItsReorderPointRaisesALiveAlert: the automation rule. An
// issue that takes stock under the reorder point raises LOW_STOCK once, in
// the same transaction, and it is pushed to alertRaised subscribers.
func TestStockUnderItsReorderPointRaisesALiveAlert(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	lv := stockLevelsIn(t, wh.do(firstStockLevel(`{inStock: true, belowReorderPoint: false}`), nil))[0]
	subject := "product:" + lv.Product.ID + "/warehouse:" + lv.Warehouse.ID
	// Reorder point just under what is on hand: one more issue crosses it.
	rp := lv.OnHand.Sub(decimal.NewFromInt(1)).String()
	r := wh.do(`mutation($in: UpdateProductInput!) { updateProduct(input: $in) { userErrors { field message } } }`,
		map[string]any{"in": map[string]any{"id": lv.Product.ID, "reorderPoint": rp, "safetyStock": "0"}})
	if len(r.Errors) > 0 || strings.Contains(string(r.Data["updateProduct"]), "field") && !strings.Contains(string(r.Data["updateProduct"]), `"userErrors":[]`) {
		t.Fatalf("updateProduct: %s %+v", r.Data["updateProduct"], r.Errors)
	}
	sub := app.client(t).mustLogin("purchasing").subscribe(`subscription { alertRaised(kinds: ["LOW_STOCK"]) { seq alert { kind subject message } } }`, nil)
	issue := func(q string) {
		wh.do(`mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { userErrors { message } } }`,
			map[string]any{"in": map[string]any{"reason": "SCRAP", "lines": []any{map[string]any{
				"productId": lv.Product.ID, "warehouseId": lv.Warehouse.ID, "direction": "DECREASE", "quantity": q}}}})
	}
	issue("99999999") // refused: no alert
	issue("1")        // on hand = reorder point: not under it yet
	issue("1")        // under it
	issue("1")        // still under: no second alert
	var got []string
	for {
		m := sub.next(2 * time.Second)
		if m == nil {
			break
		}
		var c struct {
			AlertRaised struct {
				Alert struct{ Kind, Subject, Message string }
			}
		}
		_ = json.Unmarshal(m, &c)
		if c.AlertRaised.Alert.Subject == subject {
			got = append(got, c.AlertRaised.Alert.Message)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], lv.Product.Sku) {
		t.Fatalf("LOW_STOCK alerts for %s: %q, want exactly one naming %s", subject, got, lv.Product.Sku)
	}
}

func TestStockValueSummaryAddsUpToTheLedger(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t).mustLogin("finance")
	var r struct {
		ByCategory  []struct{ Value decimal.Decimal } `json:"byCategory"`
		ByWarehouse []struct{ Value decimal.Decimal } `json:"byWarehouse"`
		BooksCheck  struct{ InventoryDifference decimal.Decimal }
		Accounts    []struct {
			Code    string
			Balance decimal.Decimal
		}
	}
	mustJSON(t, c.do(`{ byCategory: stockValueSummary(groupBy: CATEGORY) { value }
		byWarehouse: stockValueSummary(groupBy: WAREHOUSE) { value }
		accounts(filter: {type: ASSET}) { code balance } }`, nil).Data, &r)
	sum := func(gs []struct{ Value decimal.Decimal }) decimal.Decimal {
		s := decimal.Zero
		for _, g := range gs {
			s = s.Add(g.Value)
		}
		return s
	}
	var inv decimal.Decimal
	for _, a := range r.Accounts {
		if a.Code == "1405" {
			inv = a.Balance
		}
	}
	if inv.IsZero() || !sum(r.ByCategory).Equal(inv) || !sum(r.ByWarehouse).Equal(inv) || len(r.ByWarehouse) != 3 {
		t.Fatalf("by category %s, by warehouse %s (%d groups), inventory account %s", sum(r.ByCategory), sum(r.ByWarehouse), len(r.ByWarehouse), inv)
	}
}

// TestReceivableChangesArePushed: a payment committed by finance reaches a
// sales subscriber with the customer's new open balance.
func TestReceivableChangesArePushed(t *testing.T) {
	app := newTestApp(t)
	fin := app.client(t).mustLogin("finance")
	var cs struct {
		Customers struct {
			Nodes []struct {
				ID          string
				Code        string
				OpenBalance decimal.Decimal
			}
		}
	}
	mustJSON(t, fin.do(`{ customers(first: 50) { nodes { id code openBalance } } }`, nil).Data, &cs)
	var id string
	var before decimal.Decimal
	for _, c := range cs.Customers.Nodes {
		if c.OpenBalance.GreaterThan(decimal.NewFromInt(100)) {
			id, before = c.ID, c.OpenBalance
			break
		}
	}
	if id == "" {
		t.Fatal("no demo customer owes anything")
	}
	sub := app.client(t).mustLogin("sales").subscribe(`subscription($f: ReceivableFilter) {
		receivableChanged(filter: $f) { seq customer { id code } openBalance overdueAmount creditAvailable onCreditHold } }`,
		map[string]any{"f": map[string]any{"customerId": id}})
	fin.recordPayment(id, "100")
	m := sub.next(5 * time.Second)
	var c struct {
		ReceivableChanged struct {
			Customer    struct{ ID string }
			OpenBalance decimal.Decimal
		}
	}
	_ = json.Unmarshal(m, &c)
	if want := before.Sub(decimal.NewFromInt(100)); c.ReceivableChanged.Customer.ID != id || !c.ReceivableChanged.OpenBalance.Equal(want) {
		t.Fatalf("pushed %s, want customer %s with open balance %s", m, id, want)
	}
	// Warehouse staff may not watch receivables.
	ws := app.client(t).mustLogin("warehouse").subscribe(`subscription { receivableChanged { seq } }`, nil)
	if m := ws.next(2 * time.Second); !strings.Contains(string(m), "FORBIDDEN") {
		t.Fatalf("warehouse subscribing to receivables: %s", m)
	}
}
