package jxc_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
)

func TestValidateSuggestionOrderInput(t *testing.T) {
	long := strings.Repeat("k", 201)
	for _, c := range []struct {
		name string
		in   jxc.SuggestionOrderInput
		errs []string
	}{
		{"one line", jxc.SuggestionOrderInput{Lines: []jxc.SuggestionOrderLine{{ProductID: 1, WarehouseID: 1}}}, nil},
		{"no lines", jxc.SuggestionOrderInput{}, []string{"INVALID input.lines ~ select 1 to 500 suggestions"}},
		{"every refusal at once", jxc.SuggestionOrderInput{IdempotencyKey: &long, Lines: []jxc.SuggestionOrderLine{
			{ProductID: 1, WarehouseID: 1, Quantity: dp("0"), UnitPrice: dp("-1")}}},
			[]string{"INVALID input.lines.0.quantity", "INVALID input.lines.0.unitPrice", "INVALID input.idempotencyKey ~ 1 to 200 characters"}},
	} {
		t.Run(c.name, func(t *testing.T) { checkErrors(t, jxc.ValidateSuggestionOrderInput(c.in), c.errs...) })
	}
}

func TestPlanSuggestedOrders(t *testing.T) {
	seven, eight := int64(7), int64(8)
	sugs := []*jxc.PurchaseSuggestion{
		{ProductID: 100, WarehouseID: 1, Quantity: d("20"), SupplierID: &seven, UnitPrice: dp("2.50")},
		{ProductID: 200, WarehouseID: 1, Quantity: d("5"), SupplierID: &seven, UnitPrice: dp("9.00")},
		{ProductID: 300, WarehouseID: 2, Quantity: d("3")}, // no supplier known
	}
	type order struct {
		supplier, warehouse int64
		positions           []int
		lines               []string // "product quantity price"
	}
	line := func(l jxc.PurchaseOrderLineInput) string {
		price := "-"
		if l.UnitPrice != nil {
			price = l.UnitPrice.String()
		}
		return strings.Join([]string{strconv.FormatInt(l.ProductID, 10), l.Quantity.String(), price}, " ")
	}
	for _, c := range []struct {
		name   string
		lines  []jxc.SuggestionOrderLine
		errs   []string
		orders []order
	}{
		{name: "the suggestion fills what is left open; one order per supplier and warehouse",
			lines: []jxc.SuggestionOrderLine{
				{ProductID: 100, WarehouseID: 1},
				{ProductID: 300, WarehouseID: 2, SupplierID: &eight},                    // the suggestion's quantity, no price
				{ProductID: 200, WarehouseID: 1, Quantity: dp("6")},                     // the suggested supplier's price
				{ProductID: 400, WarehouseID: 1, Quantity: dp("1"), SupplierID: &seven}, // not suggested: given in full
				{ProductID: 200, WarehouseID: 2, Quantity: dp("2"), SupplierID: &eight, UnitPrice: dp("8")}},
			orders: []order{
				{7, 1, []int{0, 2, 3}, []string{"100 20 2.5", "200 6 9", "400 1 -"}},
				{8, 2, []int{1, 4}, []string{"300 3 -", "200 2 8"}}}},
		{name: "another supplier than suggested brings no price",
			lines:  []jxc.SuggestionOrderLine{{ProductID: 100, WarehouseID: 1, SupplierID: &eight}},
			orders: []order{{8, 1, []int{0}, []string{"100 20 -"}}}},
		{name: "every refusal at once",
			lines: []jxc.SuggestionOrderLine{{ProductID: 100, WarehouseID: 1}, {ProductID: 100, WarehouseID: 1},
				{ProductID: 500, WarehouseID: 1}, {ProductID: 300, WarehouseID: 2}},
			errs: []string{"INVALID input.lines.1.productId ~ this product and warehouse are already selected on line 1",
				"NOT_FOUND input.lines.2.quantity ~ the product needs no reordering in this warehouse now",
				"INVALID input.lines.3.supplierId ~ no supplier is known for the product: choose one"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := jxc.PlanSuggestedOrders(jxc.SuggestionOrderInput{Lines: c.lines}, sugs)
			checkErrors(t, err, c.errs...)
			if err != nil {
				return
			}
			if len(got) != len(c.orders) {
				t.Fatalf("%d orders, want %d", len(got), len(c.orders))
			}
			for i, w := range c.orders {
				g := got[i]
				if g.SupplierID != w.supplier || g.WarehouseID != w.warehouse || len(g.Positions) != len(w.positions) || len(g.Lines) != len(w.lines) {
					t.Fatalf("order %d is %+v, want %+v", i, g, w)
				}
				for j := range w.lines {
					if g.Positions[j] != w.positions[j] || line(g.Lines[j]) != w.lines[j] {
						t.Errorf("order %d line %d: position %d %q, want %d %q", i, j, g.Positions[j], line(g.Lines[j]), w.positions[j], w.lines[j])
					}
				}
			}
		})
	}
}

func TestSuggestReorder(t *testing.T) {
	for _, c := range []struct {
		name                     string
		avail, onOrder, need, rp string
		ok                       bool
		qty, reason              string
	}{
		{"under the reorder point", "2", "3", "0", "10", true, "20", "available 2 + on order 3 is under the reorder point 10"},
		{"sales need more", "1", "0", "6", "0", true, "20", "sales need 6; available 1 + on order 0 (reorder point 0)"},
		{"covered", "10", "0", "0", "10", false, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			sg, ok := jxc.SuggestReorder(jxc.ReorderPosition{ProductID: 1, WarehouseID: 2, Available: d(c.avail), OnOrder: d(c.onOrder),
				Need: d(c.need), ReorderPoint: d(c.rp), ReorderQty: d("20")})
			if ok != c.ok {
				t.Fatalf("ok %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			if !sg.Quantity.Equal(d(c.qty)) || sg.Reason.Render(jxc.LangEN) != c.reason || sg.ProductID != 1 || sg.WarehouseID != 2 || !sg.ReplenishmentNeed.Equal(d(c.need)) {
				t.Errorf("suggestion %s %q %+v", sg.Quantity, sg.Reason, sg)
			}
		})
	}
}

func TestChooseSupplier(t *testing.T) {
	nine := 9
	fast := &jxc.SupplierOption{Supplier: &jxc.Supplier{ID: 7, LeadTimeDays: 4}, Offer: &jxc.SupplierProduct{LastPrice: dp("2.50"), LeadTimeDays: &nine}}
	plain := &jxc.SupplierOption{Supplier: &jxc.Supplier{ID: 8, LeadTimeDays: 4}, Offer: &jxc.SupplierProduct{}}
	for _, c := range []struct {
		name     string
		options  []*jxc.SupplierOption
		supplier int64
		days     int
	}{
		{"the offer's lead time", []*jxc.SupplierOption{fast, plain}, 7, 9},
		{"the supplier's lead time", []*jxc.SupplierOption{plain}, 8, 4},
		{"no supplier: the product's lead time", nil, 0, 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			sg := &jxc.PurchaseSuggestion{}
			sg.ChooseSupplier(c.options, 6, day)
			if got := sg.ExpectedDate; got == nil || *got != day.AddDays(c.days) {
				t.Errorf("expected %v, want %v", got, day.AddDays(c.days))
			}
			if (sg.SupplierID == nil) != (c.supplier == 0) || sg.SupplierID != nil && *sg.SupplierID != c.supplier {
				t.Errorf("supplier %v, want %d", sg.SupplierID, c.supplier)
			}
			if c.supplier == 7 && (sg.UnitPrice == nil || !sg.UnitPrice.Equal(d("2.50"))) {
				t.Errorf("price %v", sg.UnitPrice)
			}
		})
	}
}
