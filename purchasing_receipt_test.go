package jxc_test

import (
	"testing"

	"github.com/jxcgraph/jxc"
)

// approvedOrder orders 10 of product 100 (3 received) and 5 of product 200.
func approvedOrder() *jxc.PurchaseOrder {
	return &jxc.PurchaseOrder{ID: 1, Number: "PO-000001", Status: jxc.POApproved, OrderDate: day, WarehouseID: 3, CostCentre: "CC1",
		Supplier: &jxc.Supplier{Code: "SUP-1"}, Lines: []*jxc.PurchaseOrderLine{
			{ID: 11, LineNo: 1, ProductID: 100, Quantity: d("10"), ReceivedQty: d("3"), UnitPrice: d("2.5"), Product: &jxc.Product{SKU: "A"}},
			{ID: 12, LineNo: 2, ProductID: 200, Quantity: d("5"), UnitPrice: d("7"), Product: &jxc.Product{SKU: "B"}},
		}}
}

func TestOrderLineForBarcode(t *testing.T) {
	productOf := map[string]int64{"6901234": 200, "6909999": 300}
	for _, c := range []struct {
		barcode string
		line    int64
		errs    []string
	}{
		{" 6901234 ", 12, nil},
		{"0000", 0, []string{"NOT_FOUND f ~ no product has the barcode 0000"}},
		{"6909999", 0, []string{"NOT_FOUND f ~ barcode 6909999 names a product that is not on purchase order PO-000001"}},
	} {
		l, err := jxc.OrderLineForBarcode(approvedOrder(), c.barcode, productOf, "f")
		checkErrors(t, err, c.errs...)
		if err == nil && l.ID != c.line {
			t.Errorf("barcode %q finds line %d, want %d", c.barcode, l.ID, c.line)
		}
	}
}

func TestPlanGoodsReceipt(t *testing.T) {
	id := func(v int64) *int64 { return &v }
	code := func(v string) *string { return &v }
	productOf := map[string]int64{"6901234": 200}
	for _, c := range []struct {
		name    string
		status  jxc.PurchaseOrderStatus
		date    jxc.Date
		lines   []jxc.GoodsReceiptLineInput
		errs    []string
		matched []int64 // order line per input line (0: none)
		located []int
		posted  []string // accepted quantity of each posted line
	}{
		{name: "by order line and by barcode, the rejected-only line posts nothing", date: day,
			lines: []jxc.GoodsReceiptLineInput{
				{PurchaseOrderLineID: id(11), AcceptedQty: d("7"), LocationID: id(50)},
				{Barcode: code("6901234"), AcceptedQty: d("0"), RejectedQty: d("1")}},
			matched: []int64{11, 12}, located: []int{0}, posted: []string{"7"}},
		{name: "every refusal at once", status: jxc.PODraft, date: jxc.Date{Year: 2026, Month: 3, Day: 1},
			lines: []jxc.GoodsReceiptLineInput{
				{PurchaseOrderLineID: id(11), AcceptedQty: d("7.5")},
				{PurchaseOrderLineID: id(99), AcceptedQty: d("1")},
				{Barcode: code("0000"), AcceptedQty: d("1")},
				{Barcode: code("6901234"), AcceptedQty: d("1")},
				{PurchaseOrderLineID: id(12), AcceptedQty: d("1")},
				{AcceptedQty: d("1")}}, // neither: left to the validation
			errs: []string{
				"CONFLICT input.purchaseOrderId ~ purchase order PO-000001 is DRAFT",
				"INVALID input.receiptDate ~ before its order (2026-03-10)",
				"CONFLICT input.lines.0.acceptedQuantity ~ only 7 of A is still to be received on PO-000001 line 1; 7.5 cannot be accepted",
				"NOT_FOUND input.lines.1.purchaseOrderLineId ~ the line is not on purchase order PO-000001",
				"NOT_FOUND input.lines.2.barcode ~ no product has the barcode 0000",
				"INVALID input.lines.4.purchaseOrderLineId ~ order line 2 is already received on line 4 of this receipt"},
			matched: []int64{11, 0, 0, 12, 0, 0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := approvedOrder()
			if c.status != "" {
				o.Status = c.status
			}
			var es jxc.Errors
			p := jxc.PlanGoodsReceipt(o, productOf, jxc.GoodsReceiptInput{PurchaseOrderID: 1, ReceiptDate: c.date, Lines: c.lines}, &es)
			checkErrors(t, es.Err(), c.errs...)
			for i, want := range c.matched {
				if got := p.Lines[i]; (got == nil) != (want == 0) || got != nil && got.ID != want {
					t.Errorf("line %d matched %v, want order line %d", i, got, want)
				}
			}
			if len(es) > 0 {
				return
			}
			if len(p.Located) != len(c.located) || len(c.located) > 0 && p.Located[0] != c.located[0] {
				t.Errorf("located %v, want %v", p.Located, c.located)
			}
			ev := p.Posting("GR-000009")
			if len(ev.Lines) != len(c.posted) {
				t.Fatalf("posts %d lines, want %d", len(ev.Lines), len(c.posted))
			}
			for i, q := range c.posted {
				if !ev.Lines[i].Quantity.Equal(d(q)) || ev.Lines[i].WarehouseID != 3 {
					t.Errorf("posted line %d: %+v", i, ev.Lines[i])
				}
			}
			if ev.Description.Render(jxc.LangEN) != "Goods receipt GR-000009 for PO-000001" || ev.Partner != "SUP-1" || ev.CostCentre != "CC1" {
				t.Errorf("posting %q %q %q", ev.Description, ev.Partner, ev.CostCentre)
			}
			vals := p.Values([]*jxc.StockMove{{Value: d("17.50")}})
			if !vals[0].Equal(d("17.50")) || !vals[1].IsZero() {
				t.Errorf("values %v", vals)
			}
		})
	}
}

func TestReceiptThatAcceptsNothingPostsNothing(t *testing.T) {
	var es jxc.Errors
	id := int64(12)
	p := jxc.PlanGoodsReceipt(approvedOrder(), nil, jxc.GoodsReceiptInput{ReceiptDate: day,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &id, AcceptedQty: d("0"), RejectedQty: d("5")}}}, &es)
	if len(es) > 0 || p.Posting("GR-1") != nil {
		t.Fatalf("errors %v, posting %+v", es, p.Posting("GR-1"))
	}
}
