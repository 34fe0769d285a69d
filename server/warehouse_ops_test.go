package main

import (
	"testing"

	"github.com/shopspring/decimal"
)

type opLevel struct {
	OnHand, Available decimal.Decimal
	Product           struct{ ID, Sku string }
	Warehouse         struct{ ID, Code string }
}

func firstLevelWith(t *testing.T, c *client, atLeast string) opLevel {
	t.Helper()
	var all struct{ StockLevels struct{ Nodes []opLevel } }
	c.gql(`{ stockLevels(first: 200, filter: {inStock: true}) { nodes { onHand available product { id sku } warehouse { id code } } } }`, nil, &all)
	for _, l := range all.StockLevels.Nodes {
		if l.Available.GreaterThanOrEqual(decimal.RequireFromString(atLeast)) {
			return l
		}
	}
	t.Fatalf("no demo stock of %s available", atLeast)
	return opLevel{}
}

// Scrap through the API: within the threshold it posts at once with its
// voucher and takes the stock; above it, it waits for a manager (a clerk
// may not approve); more than the stock is a userError naming the line.
func TestScrapThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	clerk := app.client(t).mustLogin("warehouse")
	manager := app.client(t).mustLogin("manager")
	lv := firstLevelWith(t, clerk, "2")
	type scrapPayload struct {
		Scrap *struct {
			Number, Status string
			VoucherNo      *string
		}
		UserErrors []userErr
	}
	create := func(c *client, qty string) scrapPayload {
		var out struct{ CreateScrap scrapPayload }
		c.gql(`mutation($p: ID!, $w: ID!, $q: Decimal!) { createScrap(input: {submit: true, lines: [{productId: $p, warehouseId: $w, quantity: $q, reason: DAMAGED}]}) {
			scrap { number status voucherNo } userErrors { code field message } } }`,
			map[string]any{"p": lv.Product.ID, "w": lv.Warehouse.ID, "q": qty}, &out)
		return out.CreateScrap
	}
	var set struct {
		UpdateScrapSettings struct{ UserErrors []userErr }
	}
	manager.gql(`mutation { updateScrapSettings(input: {approvalThreshold: "1000000"}) { userErrors { code field message } } }`, nil, &set)
	noUserErrors(t, "threshold", set.UpdateScrapSettings.UserErrors)
	p := create(clerk, "1")
	noUserErrors(t, "scrap", p.UserErrors)
	if p.Scrap == nil || p.Scrap.Status != "POSTED" || p.Scrap.VoucherNo == nil {
		t.Fatalf("within the threshold: %+v", p.Scrap)
	}
	after := firstLevelOf(t, clerk, lv)
	if !after.OnHand.Equal(lv.OnHand.Sub(decimal.NewFromInt(1))) {
		t.Fatalf("on hand %s after scrapping 1 of %s", after.OnHand, lv.OnHand)
	}
	over := create(clerk, lv.OnHand.Add(decimal.NewFromInt(1)).String())
	if over.Scrap != nil || len(over.UserErrors) != 1 || over.UserErrors[0].Field != "input.lines.0.quantity" {
		t.Fatalf("more than the stock: %+v", over)
	}
	manager.gql(`mutation { updateScrapSettings(input: {approvalThreshold: "0"}) { userErrors { code field message } } }`, nil, &set)
	noUserErrors(t, "threshold 0", set.UpdateScrapSettings.UserErrors)
	w := create(clerk, "1")
	noUserErrors(t, "scrap over the threshold", w.UserErrors)
	if w.Scrap == nil || w.Scrap.Status != "PENDING_APPROVAL" || w.Scrap.VoucherNo != nil {
		t.Fatalf("above the threshold: %+v", w.Scrap)
	}
	approve := `mutation($n: String!) { approveScrap(number: $n) { scrap { number status voucherNo } userErrors { code field message } } }`
	if r := clerk.do(approve, map[string]any{"n": w.Scrap.Number}); len(r.Errors) == 0 {
		t.Fatal("a warehouse clerk approved a scrap")
	}
	var ap struct{ ApproveScrap scrapPayload }
	manager.gql(approve, map[string]any{"n": w.Scrap.Number}, &ap)
	noUserErrors(t, "approve", ap.ApproveScrap.UserErrors)
	if ap.ApproveScrap.Scrap == nil || ap.ApproveScrap.Scrap.Status != "POSTED" || ap.ApproveScrap.Scrap.VoucherNo == nil {
		t.Fatalf("approved: %+v", ap.ApproveScrap.Scrap)
	}
	if l := firstLevelOf(t, clerk, lv); !l.OnHand.Equal(lv.OnHand.Sub(decimal.NewFromInt(2))) {
		t.Fatalf("on hand %s after two scraps of 1 from %s", l.OnHand, lv.OnHand)
	}
}

func firstLevelOf(t *testing.T, c *client, lv opLevel) opLevel {
	t.Helper()
	var one struct{ StockLevels struct{ Nodes []opLevel } }
	c.gql(`query($p: ID, $w: ID) { stockLevels(first: 1, filter: {productId: $p, warehouseId: $w}) { nodes { onHand available product { id sku } warehouse { id code } } } }`,
		map[string]any{"p": lv.Product.ID, "w": lv.Warehouse.ID}, &one)
	if len(one.StockLevels.Nodes) != 1 {
		t.Fatalf("no level of %s in %s", lv.Product.Sku, lv.Warehouse.Code)
	}
	return one.StockLevels.Nodes[0]
}

// Transfers through the API: one warehouse to itself is refused on the
// field; a shipment of more than the stock is refused and moves nothing;
// finance may not create one.
func TestStockTransfersThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	clerk := app.client(t).mustLogin("warehouse")
	lv := firstLevelWith(t, clerk, "1")
	var whs struct {
		Warehouses struct{ Nodes []struct{ ID, Code string } }
	}
	clerk.gql(`{ warehouses(first: 50) { nodes { id code } } }`, nil, &whs)
	var other string
	for _, w := range whs.Warehouses.Nodes {
		if w.ID != lv.Warehouse.ID {
			other = w.ID
		}
	}
	create := `mutation($f: ID!, $to: ID!, $p: ID!, $q: Decimal!) { createStockTransfer(input: {fromWarehouseId: $f, toWarehouseId: $to, lines: [{productId: $p, quantity: $q}]}) {
		stockTransfer { number status } userErrors { code field message } } }`
	type payload struct {
		StockTransfer *struct{ Number, Status string }
		UserErrors    []userErr
	}
	var same struct{ CreateStockTransfer payload }
	clerk.gql(create, map[string]any{"f": lv.Warehouse.ID, "to": lv.Warehouse.ID, "p": lv.Product.ID, "q": "1"}, &same)
	if same.CreateStockTransfer.StockTransfer != nil || len(same.CreateStockTransfer.UserErrors) == 0 || same.CreateStockTransfer.UserErrors[0].Field != "input.toWarehouseId" {
		t.Fatalf("to itself: %+v", same.CreateStockTransfer)
	}
	var big struct{ CreateStockTransfer payload }
	clerk.gql(create, map[string]any{"f": lv.Warehouse.ID, "to": other, "p": lv.Product.ID, "q": lv.OnHand.Add(decimal.NewFromInt(5)).String()}, &big)
	if big.CreateStockTransfer.StockTransfer == nil {
		// Refused when it is written: fine, as long as it names the line.
		if len(big.CreateStockTransfer.UserErrors) == 0 || big.CreateStockTransfer.UserErrors[0].Field != "input.lines.0.quantity" {
			t.Fatalf("more than the stock: %+v", big.CreateStockTransfer)
		}
	} else {
		var ship struct{ ShipStockTransfer payload }
		clerk.gql(`mutation($n: String!) { shipStockTransfer(input: {number: $n}) { stockTransfer { number status } userErrors { code field message } } }`,
			map[string]any{"n": big.CreateStockTransfer.StockTransfer.Number}, &ship)
		if len(ship.ShipStockTransfer.UserErrors) == 0 {
			t.Fatalf("shipped more than the stock: %+v", ship.ShipStockTransfer)
		}
	}
	if l := firstLevelOf(t, clerk, lv); !l.OnHand.Equal(lv.OnHand) {
		t.Fatalf("a refused transfer moved stock: %s -> %s", lv.OnHand, l.OnHand)
	}
	finance := app.client(t).mustLogin("finance")
	if r := finance.do(create, map[string]any{"f": lv.Warehouse.ID, "to": other, "p": lv.Product.ID, "q": "1"}); len(r.Errors) == 0 {
		t.Fatal("finance created a transfer")
	}
}
