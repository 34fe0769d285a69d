package main

import "testing"

// Units through the API: a box of 12 on a product, a refusal naming the
// field and the rule, and a purchase order in boxes with its stock quantity.
func TestUnitsThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	var p struct {
		CreateProduct struct {
			Product    struct{ ID string }
			UserErrors []userErr
		}
		CreateWarehouse struct {
			Warehouse  struct{ ID string }
			UserErrors []userErr
		}
	}
	wh.gql(`mutation { createProduct(input: {sku: "UOM-1", name: "矿泉水", unit: "瓶", sellPrice: "3.00"}) { product { id } userErrors { code field message } }
		createWarehouse(input: {code: "UOM-W", name: "单位仓"}) { warehouse { id } userErrors { code field message } } }`, nil, &p)
	noUserErrors(t, "createProduct", p.CreateProduct.UserErrors)
	pid := p.CreateProduct.Product.ID
	var bad struct {
		SetProductUnits struct {
			Product    *struct{ ID string }
			UserErrors []userErr
		}
	}
	wh.gql(`mutation($id: ID!) { setProductUnits(input: {productId: $id, units: [{code: "箱", factor: "0"}]}) { product { id } userErrors { code field message } } }`,
		map[string]any{"id": pid}, &bad)
	if bad.SetProductUnits.Product != nil || len(bad.SetProductUnits.UserErrors) != 1 || bad.SetProductUnits.UserErrors[0].Field != "input.units.0.factor" {
		t.Fatalf("factor 0: %+v", bad.SetProductUnits)
	}
	var ok struct {
		SetProductUnits struct {
			Product struct {
				Unit, PurchaseUnit, SalesUnit string
				UnitPlaces                    int
				Units                         []struct {
					Code, Factor string
					Places       int
					Barcode      *string
				}
			}
			UserErrors []userErr
		}
	}
	wh.gql(`mutation($id: ID!) { setProductUnits(input: {productId: $id, stockUnitPlaces: 0, units: [{code: "箱", nameEn: "box", factor: "12", barcode: "UOMBOX-1"}], purchaseUnit: "箱"}) {
		product { unit purchaseUnit salesUnit unitPlaces units { code factor places barcode } } userErrors { code field message } } }`, map[string]any{"id": pid}, &ok)
	noUserErrors(t, "setProductUnits", ok.SetProductUnits.UserErrors)
	got := ok.SetProductUnits.Product
	if got.PurchaseUnit != "箱" || got.SalesUnit != "瓶" || len(got.Units) != 1 || got.Units[0].Factor != "12" || got.Units[0].Barcode == nil {
		t.Fatalf("units %+v", got)
	}
	pu := app.client(t).mustLogin("purchasing")
	var s struct {
		CreateSupplier struct {
			Supplier   struct{ ID string }
			UserErrors []userErr
		}
	}
	pu.gql(`mutation { createSupplier(input: {code: "UOM-S", name: "水厂"}) { supplier { id } userErrors { code field message } } }`, nil, &s)
	noUserErrors(t, "createSupplier", s.CreateSupplier.UserErrors)
	var o struct {
		CreatePurchaseOrder struct {
			PurchaseOrder *struct {
				NetAmount string
				Lines     []struct{ Unit, UnitFactor, Quantity, StockQuantity, NetAmount string }
			}
			UserErrors []userErr
		}
	}
	q := `mutation($s: ID!, $w: ID!, $p: ID!, $q: Decimal!, $u: String) { createPurchaseOrder(input: {supplierId: $s, warehouseId: $w,
		lines: [{productId: $p, quantity: $q, unitPrice: "24.00", unit: $u}]}) { purchaseOrder { netAmount lines { unit unitFactor quantity stockQuantity netAmount } } userErrors { code field message } } }`
	vars := func(qty string, unit any) map[string]any {
		return map[string]any{"s": s.CreateSupplier.Supplier.ID, "w": p.CreateWarehouse.Warehouse.ID, "p": pid, "q": qty, "u": unit}
	}
	pu.gql(q, vars("1.5", nil), &o)
	if o.CreatePurchaseOrder.PurchaseOrder != nil || len(o.CreatePurchaseOrder.UserErrors) != 1 || o.CreatePurchaseOrder.UserErrors[0].Field != "input.lines.0.quantity" {
		t.Fatalf("1.5 boxes: %+v", o.CreatePurchaseOrder)
	}
	o.CreatePurchaseOrder.UserErrors = nil
	pu.gql(q, vars("1", "桶"), &o)
	if o.CreatePurchaseOrder.PurchaseOrder != nil || len(o.CreatePurchaseOrder.UserErrors) != 1 || o.CreatePurchaseOrder.UserErrors[0].Field != "input.lines.0.unit" {
		t.Fatalf("unknown unit: %+v", o.CreatePurchaseOrder)
	}
	o.CreatePurchaseOrder.UserErrors = nil
	pu.gql(q, vars("5", nil), &o)
	noUserErrors(t, "createPurchaseOrder", o.CreatePurchaseOrder.UserErrors)
	l := o.CreatePurchaseOrder.PurchaseOrder.Lines[0]
	if l.Unit != "箱" || l.UnitFactor != "12" || l.Quantity != "5" || l.StockQuantity != "60" || l.NetAmount != "120" {
		t.Fatalf("line %+v", l)
	}
}
