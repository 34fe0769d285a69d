package jxc_test

import (
	"testing"

	"github.com/jxcgraph/jxc"
)

func pendingShipment() (*jxc.Shipment, *jxc.SalesOrder) {
	o := &jxc.SalesOrder{ID: 7, Number: "SO-000007", PostingDate: day}
	sh := &jxc.Shipment{ID: 3, Number: "SH-000003", OrderID: 7, WarehouseID: 2, Status: jxc.ShipmentPending, Lines: []*jxc.ShipmentLine{
		{ID: 31, LineNo: 1, OrderLineID: 71, ProductID: 100, Quantity: d("5")},
		{ID: 32, LineNo: 2, OrderLineID: 72, ProductID: 200, Quantity: d("2")},
		{ID: 33, LineNo: 3, OrderLineID: 73, ProductID: 100, Quantity: d("1")},
	}}
	return sh, o
}

func TestPlanShipping(t *testing.T) {
	before := jxc.Date{Year: 2026, Month: 3, Day: 9}
	for _, c := range []struct {
		name    string
		status  jxc.ShipmentStatus
		date    jxc.Date
		lines   []jxc.ShipLineInput
		prior   jxc.Errors
		errs    []string
		ship    map[int64]string // shipment line -> quantity that leaves
		gone    []int64          // lines taken off the shipment
		rest    map[int64]string // order line -> quantity left reserved
		release map[int64]string // product -> change of the reservation
	}{
		{name: "nil lines ship everything", date: day,
			ship: map[int64]string{31: "5", 32: "2", 33: "1"}, rest: map[int64]string{}, release: map[int64]string{100: "-6", 200: "-2"}},
		{name: "part of one line, nothing of another", date: day,
			lines: []jxc.ShipLineInput{{ShipmentLineID: 31, Quantity: d("3")}, {ShipmentLineID: 33, Quantity: d("1")}},
			ship:  map[int64]string{31: "3", 33: "1"}, gone: []int64{32}, rest: map[int64]string{71: "2", 72: "2"},
			release: map[int64]string{100: "-4"}},
		{name: "every line refused at once, after the input's own errors", date: before,
			prior: jxc.Errors{jxc.FieldErrorf(jxc.EINVALID, "input.carrier", "carrier is too long")},
			lines: []jxc.ShipLineInput{{ShipmentLineID: 99, Quantity: d("1")}, {ShipmentLineID: 32, Quantity: d("2.5")}},
			errs: []string{"INVALID input.carrier", "INVALID input.postingDate ~ before its order (2026-03-10)",
				"NOT_FOUND input.lines.0.shipmentLineId ~ shipment SH-000003 has no such line",
				"CONFLICT input.lines.1.quantity ~ only 2 is reserved on line 2 of this shipment; cannot ship 2.5"}},
		{name: "a shipped shipment is refused alone", status: jxc.ShipmentShipped, date: before,
			lines: []jxc.ShipLineInput{{ShipmentLineID: 99, Quantity: d("1")}},
			errs:  []string{"CONFLICT input.shipmentId ~ shipment SH-000003 is shipped; only a pending shipment ships"}},
		{name: "an empty list ships nothing", date: day, lines: []jxc.ShipLineInput{},
			errs: []string{"INVALID input.lines ~ nothing to ship"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sh, o := pendingShipment()
			if c.status != "" {
				sh.Status = c.status
			}
			p, err := jxc.PlanShipping(sh, o, c.date, jxc.ShipInput{ShipmentID: sh.ID, Lines: c.lines}, c.prior)
			checkErrors(t, err, c.errs...)
			if err != nil {
				return
			}
			if len(p.Lines) != len(c.ship) || len(p.Issue.Lines) != len(c.ship) || len(p.Keys) != len(c.ship) {
				t.Fatalf("ships %d lines (%d posted, %d keys), want %d", len(p.Lines), len(p.Issue.Lines), len(p.Keys), len(c.ship))
			}
			for i, l := range p.Lines {
				if want, ok := c.ship[l.Line.ID]; !ok || !l.Quantity.Equal(d(want)) {
					t.Errorf("line %d ships %s, want %q", l.Line.ID, l.Quantity, want)
				}
				if il := p.Issue.Lines[i]; il.ProductID != l.Line.ProductID || il.WarehouseID != 2 || !il.Quantity.Equal(l.Quantity) {
					t.Errorf("issue line %d is %+v for shipment line %d", i, il, l.Line.ID)
				}
			}
			if len(p.Unshipped) != len(c.gone) {
				t.Errorf("unshipped %v, want %v", p.Unshipped, c.gone)
			}
			for i, id := range c.gone {
				if i < len(p.Unshipped) && p.Unshipped[i] != id {
					t.Errorf("unshipped %v, want %v", p.Unshipped, c.gone)
				}
			}
			if len(p.Remainder) != len(c.rest) {
				t.Errorf("remainder %v, want %v", p.Remainder, c.rest)
			}
			for ol, q := range c.rest {
				if !p.Remainder[ol].Equal(d(q)) {
					t.Errorf("order line %d keeps %s reserved, want %s", ol, p.Remainder[ol], q)
				}
			}
			if len(p.Release) != len(c.release) {
				t.Errorf("release %v, want %v", p.Release, c.release)
			}
			for pid, q := range c.release {
				if got := p.Release[jxc.StockKey{ProductID: pid, WarehouseID: 2}]; !got.Equal(d(q)) {
					t.Errorf("product %d releases %s, want %s", pid, got, q)
				}
			}
			if p.Issue.Date != c.date || p.Issue.Description.Render(jxc.LangEN) != "Shipment SH-000003 of order SO-000007" {
				t.Errorf("issue %v %q", p.Issue.Date, p.Issue.Description)
			}
		})
	}
}
