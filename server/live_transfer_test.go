package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// A transfer's shipment changes what is on its way to the receiving
// warehouse without touching that warehouse's stock: its stock level is
// pushed with the new quantity in transit, and the list says the same.
func TestTransferShipmentPushesTheReceivingLevelInTransit(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	type level struct {
		Available   decimal.Decimal
		InTransitIn decimal.Decimal
		Product     struct{ ID, Sku string }
		Warehouse   struct{ ID, Code string }
	}
	levelsQuery := `query($f: StockLevelFilter) { stockLevels(first: 200, filter: $f) { nodes { available inTransitIn product { id sku } warehouse { id code } } } }`
	var all struct{ StockLevels struct{ Nodes []level } }
	wh.gql(levelsQuery, map[string]any{"f": map[string]any{}}, &all)
	// A product with stock available in one warehouse and a level in another.
	var from, to *level
	byProduct := map[string][]*level{}
	for i := range all.StockLevels.Nodes {
		l := &all.StockLevels.Nodes[i]
		byProduct[l.Product.ID] = append(byProduct[l.Product.ID], l)
	}
	for _, ls := range byProduct {
		for _, a := range ls {
			for _, b := range ls {
				if from == nil && a != b && a.Available.GreaterThanOrEqual(decimal.NewFromInt(1)) {
					from, to = a, b
				}
			}
		}
	}
	if from == nil {
		t.Fatal("the demo has no product held in two warehouses")
	}
	manager := app.client(t).mustLogin("manager")
	sub := manager.subscribe(`subscription($f: StockLevelFilter) { stockLevelChanged(filter: $f) { level { inTransitIn warehouse { code } product { sku } } } }`,
		map[string]any{"f": map[string]any{"productId": to.Product.ID, "warehouseId": to.Warehouse.ID}})

	var created struct {
		CreateStockTransfer struct {
			StockTransfer struct{ Number string }
			UserErrors    []struct{ Field, Message string }
		}
	}
	wh.gql(`mutation($in: StockTransferInput!) { createStockTransfer(input: $in) { stockTransfer { number } userErrors { field message } } }`,
		map[string]any{"in": map[string]any{"fromWarehouseId": from.Warehouse.ID, "toWarehouseId": to.Warehouse.ID,
			"lines": []any{map[string]any{"productId": from.Product.ID, "quantity": "1"}}}}, &created)
	if len(created.CreateStockTransfer.UserErrors) > 0 {
		t.Fatalf("create: %+v", created.CreateStockTransfer.UserErrors)
	}
	var shipped struct {
		ShipStockTransfer struct {
			UserErrors []struct{ Field, Message string }
		}
	}
	wh.gql(`mutation($in: ShipStockTransferInput!) { shipStockTransfer(input: $in) { userErrors { field message } } }`,
		map[string]any{"in": map[string]any{"number": created.CreateStockTransfer.StockTransfer.Number}}, &shipped)
	if len(shipped.ShipStockTransfer.UserErrors) > 0 {
		t.Fatalf("ship: %+v", shipped.ShipStockTransfer.UserErrors)
	}
	want := to.InTransitIn.Add(decimal.NewFromInt(1))
	m := sub.next(5 * time.Second)
	if m == nil {
		t.Fatalf("no change of %s in %s pushed within 5 s of the shipment", to.Product.Sku, to.Warehouse.Code)
	}
	var c struct {
		StockLevelChanged struct {
			Level struct{ InTransitIn decimal.Decimal }
		}
	}
	if err := json.Unmarshal(m, &c); err != nil {
		t.Fatal(err)
	}
	if !c.StockLevelChanged.Level.InTransitIn.Equal(want) {
		t.Fatalf("pushed %s, want %s in transit to %s", m, want, to.Warehouse.Code)
	}
	var after struct{ StockLevels struct{ Nodes []level } }
	wh.gql(levelsQuery, map[string]any{"f": map[string]any{"productId": to.Product.ID, "warehouseId": to.Warehouse.ID}}, &after)
	if len(after.StockLevels.Nodes) != 1 || !after.StockLevels.Nodes[0].InTransitIn.Equal(want) {
		t.Fatalf("the list says %+v, the push said %s", after.StockLevels.Nodes, want)
	}
}
