package jxc_test

import (
	"fmt"
	"testing"

	"github.com/jxcgraph/jxc"
)

func TestPlanPurchaseOrder(t *testing.T) {
	ten := 10
	supplier := func() *jxc.Supplier {
		return &jxc.Supplier{ID: 7, Code: "SUP-7", Active: true, Currency: jxc.CompanyCurrency, LeadTimeDays: 5, Products: []*jxc.SupplierProduct{
			{ProductID: 100, LastPrice: dp("2.50"), Active: true},
			{ProductID: 200, LeadTimeDays: &ten}, // known, no price yet
		}}
	}
	line := func(pid int64, price string) jxc.PurchaseOrderLineInput {
		l := jxc.PurchaseOrderLineInput{ProductID: pid, Quantity: d("1")}
		if price != "" {
			l.UnitPrice = dp(price)
		}
		return l
	}
	lineField := func(i int) string { return fmt.Sprintf("input.lines.%d.", i) }
	expected := jxc.Date{Year: 2026, Month: 4, Day: 1}
	for _, c := range []struct {
		name     string
		sup      func(*jxc.Supplier) *jxc.Supplier
		lines    []jxc.PurchaseOrderLineInput
		due      *jxc.Date
		refErrs  jxc.Errors
		errs     []string
		prices   []string
		expected jxc.Date
	}{
		{name: "the last price, or the one given; due after the supplier's lead time", lines: []jxc.PurchaseOrderLineInput{line(100, ""), line(300, "9")},
			prices: []string{"2.50", "9"}, expected: day.AddDays(5)},
		{name: "a product's longer lead time wins", lines: []jxc.PurchaseOrderLineInput{line(200, "1")}, prices: []string{"1"}, expected: day.AddDays(10)},
		{name: "the date given wins", lines: []jxc.PurchaseOrderLineInput{line(200, "1")}, due: &expected, prices: []string{"1"}, expected: expected},
		{name: "every refusal at once; a bad warehouse once, on the order",
			sup:   func(s *jxc.Supplier) *jxc.Supplier { s.Active = false; return s },
			lines: []jxc.PurchaseOrderLineInput{line(200, ""), line(300, ""), line(100, "")},
			refErrs: jxc.Errors{
				jxc.FieldErrorf(jxc.EINVALID, "input.lines.0.warehouseId", "warehouse W1 is inactive"),
				jxc.FieldErrorf(jxc.ENOTFOUND, "input.lines.1.productId", "no product 300"),
				jxc.FieldErrorf(jxc.EINVALID, "input.lines.1.warehouseId", "warehouse W1 is inactive")},
			errs: []string{"INVALID input.supplierId ~ supplier SUP-7 is inactive",
				"INVALID input.warehouseId ~ warehouse W1 is inactive",
				"NOT_FOUND input.lines.1.productId ~ no product 300",
				"INVALID input.lines.0.unitPrice ~ no price is known for SKU-200 from supplier SUP-7: give a unit price",
				"INVALID input.lines.1.unitPrice ~ no price is known for SKU-300"}},
		{name: "below the supplier's minimum order quantity",
			sup:   func(s *jxc.Supplier) *jxc.Supplier { s.Products[0].MinOrderQty = dp("5"); return s },
			lines: []jxc.PurchaseOrderLineInput{line(100, "")},
			errs:  []string{"INVALID input.lines.0.quantity ~ supplier SUP-7 takes at least 5 of"}},
		{name: "a deactivated price is not taken",
			sup:   func(s *jxc.Supplier) *jxc.Supplier { s.Products[0].Active = false; return s },
			lines: []jxc.PurchaseOrderLineInput{line(100, "")},
			errs:  []string{"INVALID input.lines.0.unitPrice ~ no price is known for"}},
		{name: "another currency", sup: func(s *jxc.Supplier) *jxc.Supplier { s.Currency = "USD"; return s },
			lines: []jxc.PurchaseOrderLineInput{line(100, "")},
			errs:  []string{"INVALID input.supplierId ~ supplier SUP-7 invoices in USD; orders are in CNY only for now"}},
		{name: "no supplier: no price is asked for", sup: func(*jxc.Supplier) *jxc.Supplier { return nil },
			lines: []jxc.PurchaseOrderLineInput{line(100, "")}, errs: []string{"NOT_FOUND input.supplierId ~ no such supplier"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sup := supplier()
			if c.sup != nil {
				sup = c.sup(sup)
			}
			in := jxc.PurchaseOrderInput{SupplierID: 7, WarehouseID: 1, OrderDate: day, ExpectedDate: c.due, Lines: c.lines}
			p, err := jxc.PlanPurchaseOrder(sup, in, "input.", lineField, c.refErrs, map[int64]string{200: "SKU-200", 300: "SKU-300"})
			checkErrors(t, err, c.errs...)
			if err != nil {
				return
			}
			for i, want := range c.prices {
				if !p.Prices[i].Equal(d(want)) {
					t.Errorf("line %d at %s, want %s", i, p.Prices[i], want)
				}
			}
			if p.Expected != c.expected {
				t.Errorf("expected %v, want %v", p.Expected, c.expected)
			}
		})
	}
}
