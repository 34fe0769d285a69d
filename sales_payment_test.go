package jxc_test

import (
	"testing"

	"github.com/jxcgraph/jxc"
)

func TestCheckAllocationAmounts(t *testing.T) {
	alloc := func(amount string) jxc.AllocationInput { return jxc.AllocationInput{InvoiceID: 1, Amount: d(amount)} }
	for _, c := range []struct {
		name   string
		allocs []jxc.AllocationInput
		avail  string
		errs   []string
	}{
		{"all of what is unapplied", []jxc.AllocationInput{alloc("60"), alloc("40")}, "100", nil},
		{"zero, too precise, and too much in total", []jxc.AllocationInput{alloc("0"), alloc("0.001"), alloc("100")}, "100", []string{
			"INVALID input.allocations.0.amount ~ amount must be > 0",
			"INVALID input.allocations.1.amount",
			"INVALID input.allocations ~ allocations total 100.001, more than the 100 unapplied"}},
		{"more than unapplied", []jxc.AllocationInput{alloc("60"), alloc("40.01")}, "100", []string{
			"INVALID input.allocations ~ allocations total 100.01, more than the 100 unapplied"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var es jxc.Errors
			jxc.CheckAllocationAmounts(&es, c.allocs, d(c.avail))
			checkErrors(t, es.Err(), c.errs...)
		})
	}
}

func TestAllocateOldestDue(t *testing.T) {
	inv := func(id int64, due int, total, paid string) *jxc.SalesInvoice {
		return &jxc.SalesInvoice{ID: id, DueDate: jxc.Date{Year: 2026, Month: 3, Day: due}, TotalAmount: d(total), PaidAmount: d(paid), CreditedAmount: d("0")}
	}
	open := []*jxc.SalesInvoice{inv(5, 20, "100", "0"), inv(3, 10, "50", "20"), inv(4, 10, "80", "0"), inv(6, 25, "10", "10")}
	for _, c := range []struct {
		name   string
		amount string
		ids    []int64
		parts  []string
	}{
		{"oldest due first, then the lower id", "200", []int64{3, 4, 5}, []string{"30", "80", "90"}},
		{"stops when the money runs out", "50", []int64{3, 4}, []string{"30", "20"}},
		{"more than is open stays unapplied", "500", []int64{3, 4, 5}, []string{"30", "80", "100"}},
		{"nothing", "0", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			invs, parts := jxc.AllocateOldestDue(open, d(c.amount))
			if len(invs) != len(c.ids) || len(parts) != len(c.ids) {
				t.Fatalf("%d invoices, %d parts, want %v", len(invs), len(parts), c.ids)
			}
			for i, id := range c.ids {
				if invs[i].ID != id || !parts[i].Equal(d(c.parts[i])) {
					t.Errorf("part %d: invoice %d gets %s, want %d %s", i, invs[i].ID, parts[i], id, c.parts[i])
				}
			}
		})
	}
	if open[0].ID != 5 {
		t.Errorf("the caller's list was reordered")
	}
}
