package jxc

import "testing"

func testSet() *UnitSet {
	bc := "BOX-1"
	return &UnitSet{SKU: "P-1", StockUnit: "个", StockPlaces: 0, PurchaseUnit: "箱",
		Units: []*ProductUnit{{Code: "箱", Factor: d("12"), Places: 0, Barcode: &bc}, {Code: "kg", Factor: d("2.5"), Places: 3}}}
}

func TestUnitsResolveConvertAndDefault(t *testing.T) {
	s := testSet()
	if c, ok := s.Resolve("个"); !ok || c.Code != "" || !c.Factor.Equal(d("1")) {
		t.Fatalf("stock unit %+v", c)
	}
	if c, ok := s.Resolve(" 箱 "); !ok || !c.StockQuantity(d("5")).Equal(d("60")) {
		t.Fatalf("box %+v", c)
	}
	if _, ok := s.Resolve("桶"); ok {
		t.Fatal("unknown unit resolved")
	}
	if s.Default(true).Code != "箱" || s.Default(false).Code != "" {
		t.Fatalf("defaults %+v %+v", s.Default(true), s.Default(false))
	}
	if c, ok := s.ForBarcode("BOX-1"); !ok || !c.Factor.Equal(d("12")) {
		t.Fatal("box barcode")
	}
	if c, _ := s.Resolve("kg"); !c.StockQuantity(d("1.234")).Equal(d("3.085")) {
		t.Fatalf("kg conversion %s", c.StockQuantity(d("1.234")))
	}
	var es Errors
	if _, ok := ChooseUnit(&es, "u", s, Ptr("桶"), true); ok || len(es) != 1 || es[0].Code != ENOTFOUND {
		t.Fatalf("unknown unit: %v", es)
	}
}

func TestUnitRoundingRules(t *testing.T) {
	s := testSet()
	box, _ := s.Resolve("箱")
	kg, _ := s.Resolve("kg")
	for _, c := range []struct {
		u    UnitChoice
		q    string
		errs int
	}{{box, "2", 0}, {box, "1.5", 1}, {kg, "1.234", 0}, {kg, "1.2345", 1}, {s.Stock(), "3", 0}, {s.Stock(), "0.5", 1}} {
		var es Errors
		CheckUnitQuantity(&es, "q", c.u, d(c.q))
		if len(es) != c.errs {
			t.Errorf("%s %s: %v", c.q, c.u.Name, es)
		}
	}
	// A factor with 4 decimals and a unit of 4 decimals: the stock quantity
	// needs 8 and is refused.
	var es Errors
	CheckUnitQuantity(&es, "q", UnitChoice{Code: "x", Name: "x", Factor: d("0.0001"), Places: 4}, d("0.0001"))
	if len(es) != 1 {
		t.Fatalf("stock decimals: %v", es)
	}
}

func TestValidateProductUnits(t *testing.T) {
	ok := ProductUnitsInput{Units: []ProductUnitInput{{Code: "箱", Factor: d("12")}}, PurchaseUnit: Ptr("箱"), SalesUnit: Ptr("个")}
	if err := ValidateProductUnits(ok, "个"); err != nil {
		t.Fatal(err)
	}
	bad := ProductUnitsInput{StockUnitPlaces: Ptr(5), Units: []ProductUnitInput{{Code: "箱", Factor: d("0")}, {Code: "箱", Factor: d("-1")},
		{Code: "", Factor: d("1")}, {Code: "盒", Factor: d("1"), Places: 9}}, PurchaseUnit: Ptr("桶")}
	es, _ := AsErrors(ValidateProductUnits(bad, "个"))
	fields := map[string]bool{}
	for _, e := range es {
		fields[e.Field] = true
	}
	for _, f := range []string{"input.stockUnitPlaces", "input.units.0.factor", "input.units.1.code", "input.units.1.factor", "input.units.2.code", "input.units.3.places", "input.purchaseUnit"} {
		if !fields[f] {
			t.Errorf("no error on %s: %v", f, es)
		}
	}
}
