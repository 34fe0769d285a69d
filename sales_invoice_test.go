package jxc_test

import (
	"slices"
	"testing"

	"github.com/jxcgraph/jxc"
)

func TestInvoiceCustomer(t *testing.T) {
	customerOf := map[int64]int64{1: 10, 2: 10, 3: 20, 4: 20}
	for _, c := range []struct {
		name string
		ids  []int64
		want int64
		errs []string
	}{
		{"one customer", []int64{2, 1}, 10, nil},
		{"the first shipment's customer decides", []int64{3, 4}, 20, nil},
		{"every missing and foreign shipment at once", []int64{9, 1, 3, 2, 8, 4}, 0, []string{
			"NOT_FOUND input.shipmentIds.0 ~ no such shipment",
			"INVALID input.shipmentIds.2 ~ this shipment belongs to another customer",
			"NOT_FOUND input.shipmentIds.4 ~ no such shipment",
			"INVALID input.shipmentIds.5 ~ this shipment belongs to another customer"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := jxc.InvoiceCustomer(c.ids, customerOf)
			checkErrors(t, err, c.errs...)
			if err == nil && got != c.want {
				t.Errorf("customer %d, want %d", got, c.want)
			}
		})
	}
}

func TestCheckInvoiceable(t *testing.T) {
	shippedOn := jxc.Date{Year: 2026, Month: 3, Day: 9}
	invoiced := int64(5)
	shs := []*jxc.Shipment{ // in id order, as the store loads them
		{ID: 1, Number: "SH-1", OrderID: 100, Status: jxc.ShipmentShipped, PostingDate: &shippedOn},
		{ID: 2, Number: "SH-2", OrderID: 100, Status: jxc.ShipmentDelivered, PostingDate: &shippedOn},
		{ID: 3, Number: "SH-3", OrderID: 101, Status: jxc.ShipmentPending},
		{ID: 4, Number: "SH-4", OrderID: 102, Status: jxc.ShipmentShipped, PostingDate: &shippedOn, InvoiceID: &invoiced},
		{ID: 5, Number: "SH-5", OrderID: 103, Status: jxc.ShipmentCancelled},
	}
	for _, c := range []struct {
		name   string
		ids    []int64
		date   jxc.Date
		orders []int64
		errs   []string
	}{
		{"shipped and delivered bill", []int64{2, 1}, day, []int64{100, 100}, nil},
		{"on the shipping day", []int64{1}, shippedOn, []int64{100}, nil},
		{"before the shipping day", []int64{1}, jxc.Date{Year: 2026, Month: 3, Day: 8}, nil,
			[]string{"INVALID input.postingDate ~ an invoice may not be dated before shipment SH-1 (2026-03-09)"}},
		// The errors come in id order (the order the shipments are locked
		// in); their paths name the input's positions.
		{"every refusal at once, paths in input order", []int64{5, 4, 3, 1}, day, nil, []string{
			"CONFLICT input.shipmentIds.2 ~ shipment SH-3 is pending; only shipped goods are invoiced",
			"CONFLICT input.shipmentIds.1 ~ shipment SH-4 is already invoiced",
			"CONFLICT input.shipmentIds.0 ~ shipment SH-5 is cancelled; only shipped goods are invoiced"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var loaded []*jxc.Shipment
			for _, sh := range shs {
				if slices.Contains(c.ids, sh.ID) {
					loaded = append(loaded, sh)
				}
			}
			orders, err := jxc.CheckInvoiceable(c.ids, loaded, c.date)
			checkErrors(t, err, c.errs...)
			if err == nil && !slices.Equal(orders, c.orders) {
				t.Errorf("orders %v, want %v", orders, c.orders)
			}
		})
	}
}

func TestPriceInvoiceRoundsPerLine(t *testing.T) {
	lines := []*jxc.BilledLine{
		{Quantity: d("3"), UnitPrice: d("3.333333"), DiscountRate: d("0"), VATRate: d("0.13")},
		{Quantity: d("1"), UnitPrice: d("100"), DiscountRate: d("0.1"), VATRate: d("0.13")},
		{Quantity: d("2"), UnitPrice: d("0.005"), DiscountRate: d("0"), VATRate: d("0")},
	}
	net, vat := jxc.PriceInvoice(lines)
	for i, want := range [][2]string{{"10.00", "1.30"}, {"90.00", "11.70"}, {"0.01", "0.00"}} {
		if !lines[i].Net.Equal(d(want[0])) || !lines[i].VAT.Equal(d(want[1])) {
			t.Errorf("line %d: net %s vat %s, want %s %s", i, lines[i].Net, lines[i].VAT, want[0], want[1])
		}
	}
	if !net.Equal(d("100.01")) || !vat.Equal(d("13.00")) {
		t.Errorf("invoice net %s vat %s, want 100.01 13.00", net, vat)
	}
}
