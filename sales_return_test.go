package jxc_test

import (
	"testing"

	"github.com/jxcgraph/jxc"
)

func TestCheckReturnable(t *testing.T) {
	inv := int64(9)
	for _, c := range []struct {
		status  jxc.ShipmentStatus
		invoice *int64
		errs    []string
	}{
		{jxc.ShipmentShipped, &inv, nil},
		{jxc.ShipmentDelivered, &inv, nil},
		{jxc.ShipmentPending, &inv, []string{"CONFLICT input.shipmentId ~ shipment SH-1 is pending; only shipped goods come back"}},
		{jxc.ShipmentCancelled, nil, []string{"CONFLICT input.shipmentId ~ only shipped goods come back"}},
		{jxc.ShipmentShipped, nil, []string{"CONFLICT input.shipmentId ~ shipment SH-1 is not invoiced yet"}},
	} {
		checkErrors(t, jxc.CheckReturnable(&jxc.Shipment{Number: "SH-1", Status: c.status, InvoiceID: c.invoice}), c.errs...)
	}
}

func TestPlanSalesReturn(t *testing.T) {
	shipped := jxc.Date{Year: 2026, Month: 3, Day: 9}
	shipment := func() *jxc.Shipment {
		return &jxc.Shipment{ID: 1, Number: "SH-1", WarehouseID: 4, PostingDate: &shipped, Lines: []*jxc.ShipmentLine{
			// 3 units shipped at 10.00 cost, billed 3 x 3.333333 = 10.00 net, 1.30 VAT
			{ID: 11, OrderLineID: 21, ProductID: 100, Quantity: d("3"), CostValue: d("10.00")},
			// 2 shipped, 1 already back (cost 6.00, credited 50.00 + 6.50)
			{ID: 12, OrderLineID: 22, ProductID: 200, Quantity: d("2"), CostValue: d("12.00"), ReturnedQty: d("1"), ReturnedValue: d("6.00")},
		}}
	}
	billed := []*jxc.SalesInvoiceLine{
		{ShipmentLineID: 11, Quantity: d("3"), UnitPrice: d("3.333333"), DiscountRate: d("0"), VATRate: d("0.13"), NetAmount: d("10.00"), VATAmount: d("1.30")},
		{ShipmentLineID: 12, Quantity: d("2"), UnitPrice: d("50"), DiscountRate: d("0"), VATRate: d("0.13"), NetAmount: d("100.00"), VATAmount: d("13.00")},
	}
	credited := map[int64]jxc.Credited{12: {Net: d("50.00"), VAT: d("6.50")}}
	type line struct{ q, cost, net, vat string }
	for _, c := range []struct {
		name    string
		date    jxc.Date
		open    string // what is open on the invoice
		lines   []jxc.SalesReturnLineInput
		prior   jxc.Errors
		errs    []string
		want    []line
		total   string
		applied string
	}{
		{name: "part of a line at its price, pro rata cost", date: day, open: "124.30",
			lines: []jxc.SalesReturnLineInput{{ShipmentLineID: 11, Quantity: d("1")}},
			want:  []line{{"1", "3.33", "3.33", "0.43"}}, total: "3.76", applied: "3.76"},
		{name: "the last units take what is left of cost and billing", date: shipped, open: "124.30",
			lines: []jxc.SalesReturnLineInput{{ShipmentLineID: 12, Quantity: d("1")}, {ShipmentLineID: 11, Quantity: d("3")}},
			want:  []line{{"1", "6.00", "50.00", "6.50"}, {"3", "10.00", "10.00", "1.30"}}, total: "67.80", applied: "67.80"},
		{name: "no more is applied than is open on the invoice", date: day, open: "20.00",
			lines: []jxc.SalesReturnLineInput{{ShipmentLineID: 12, Quantity: d("1")}},
			want:  []line{{"1", "6.00", "50.00", "6.50"}}, total: "56.50", applied: "20.00"},
		{name: "every refusal at once, after the input's own", date: jxc.Date{Year: 2026, Month: 3, Day: 8}, open: "124.30",
			prior: jxc.Errors{jxc.FieldErrorf(jxc.EINVALID, "input.reason", "reason is too long")},
			lines: []jxc.SalesReturnLineInput{{ShipmentLineID: 99, Quantity: d("1")}, {ShipmentLineID: 12, Quantity: d("2")},
				{ShipmentLineID: 11, Quantity: d("1")}},
			errs: []string{"INVALID input.reason", "INVALID input.postingDate ~ before its shipment (2026-03-09)",
				"NOT_FOUND input.lines.0.shipmentLineId ~ shipment SH-1 has no such line",
				"CONFLICT input.lines.1.quantity ~ may still come back; cannot return 2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sh := shipment()
			inv := &jxc.SalesInvoice{TotalAmount: d(c.open), PaidAmount: d("0"), CreditedAmount: d("0")}
			p, err := jxc.PlanSalesReturn(sh, inv, billed, credited, c.date, jxc.SalesReturnInput{ShipmentID: 1, Lines: c.lines}, c.prior)
			checkErrors(t, err, c.errs...)
			if err != nil {
				return
			}
			if len(p.Lines) != len(c.want) || len(p.Posting.Lines) != len(c.want) {
				t.Fatalf("%d lines (%d posted), want %d", len(p.Lines), len(p.Posting.Lines), len(c.want))
			}
			net, vat, cost := d("0"), d("0"), d("0")
			for i, w := range c.want {
				r, pl := p.Lines[i], p.Posting.Lines[i]
				if !r.Quantity.Equal(d(w.q)) || !r.Cost.Equal(d(w.cost)) || !r.Net.Equal(d(w.net)) || !r.VAT.Equal(d(w.vat)) {
					t.Errorf("line %d: %s cost %s net %s vat %s, want %v", i, r.Quantity, r.Cost, r.Net, r.VAT, w)
				}
				if pl.ProductID != r.Line.ProductID || pl.WarehouseID != 4 || !pl.Quantity.Equal(r.Quantity) || !pl.Value.Equal(r.Cost) {
					t.Errorf("posting line %d is %+v", i, pl)
				}
				net, vat, cost = net.Add(d(w.net)), vat.Add(d(w.vat)), cost.Add(d(w.cost))
			}
			if !p.Posting.Net.Equal(net) || !p.Posting.VAT.Equal(vat) || !p.Cost.Equal(cost) || p.Posting.Date != c.date {
				t.Errorf("posting net %s vat %s cost %s on %v", p.Posting.Net, p.Posting.VAT, p.Cost, p.Posting.Date)
			}
			if !p.Total.Equal(d(c.total)) || !p.Applied.Equal(d(c.applied)) {
				t.Errorf("total %s applied %s, want %s %s", p.Total, p.Applied, c.total, c.applied)
			}
		})
	}
}
