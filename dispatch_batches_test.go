package jxc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// The batches are taken in walking order, a pick split where one batch
// ends; what they do not cover stays without a batch; other products pass.
func TestSplitPicksByBatch(t *testing.T) {
	d := decimal.RequireFromString
	a1, b2 := int64(1), int64(2)
	plan := []PlannedPick{{ShipmentLineID: 10, ProductID: 7, LocationID: &b2, Quantity: d("3")}, {ShipmentLineID: 10, ProductID: 7, LocationID: &a1, Quantity: d("4")},
		{ShipmentLineID: 11, ProductID: 8, Quantity: d("2")}}
	got := SplitPicksByBatch(plan, map[int64][]BatchTake{7: {{BatchID: 100, Quantity: d("2")}, {BatchID: 101, Quantity: d("4")}}})
	type row struct {
		loc, batch int64
		q          string
	}
	want := []row{{2, 100, "2"}, {2, 101, "1"}, {1, 101, "3"}, {1, 0, "1"}, {0, 0, "2"}}
	if len(got) != len(want) {
		t.Fatalf("%d picks, want %d: %+v", len(got), len(want), got)
	}
	for i, p := range got {
		r := row{Deref(p.LocationID), Deref(p.BatchID), p.Quantity.String()}
		if r != want[i] {
			t.Errorf("pick %d: %+v, want %+v", i, r, want[i])
		}
	}
}
