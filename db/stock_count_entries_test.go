package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Two counters' entries on one line: both listed with their user names,
// in order; a recount's round starts an empty list.
func TestStockCountEntriesNameTheirCounters(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	counts := db.NewStockCountService(c.db)
	amy, bob := as(t, c.db, "amy", jxc.RoleWarehouse), as(t, c.db, "bob", jxc.RoleWarehouse)
	sheet, err := counts.CreateStockCount(ctx, jxc.NewStockCount{WarehouseID: c.east.ID})
	if err != nil {
		t.Fatal(err)
	}
	if sheet, err = counts.StartStockCount(ctx, sheet.Number); err != nil {
		t.Fatal(err)
	}
	p0 := c.products[0].ID
	if _, err := counts.AddCountEntry(amy, jxc.CountEntryInput{Number: sheet.Number, ProductID: &p0, Quantity: decp("6")}); err != nil {
		t.Fatal(err)
	}
	l, err := counts.AddCountEntry(bob, jxc.CountEntryInput{Number: sheet.Number, ProductID: &p0, Quantity: decp("3.5")})
	if err != nil {
		t.Fatal(err)
	}
	es, err := counts.CountEntries(ctx, l.ID, l.Round)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Counter != "amy" || !es[0].Quantity.Equal(dec("6")) || es[1].Counter != "bob" || !es[1].Quantity.Equal(dec("3.5")) || es[0].ViaScan {
		t.Fatalf("entries %+v %+v", es[0], es[len(es)-1])
	}
	if !l.Counted.Equal(dec("9.5")) || l.Entries != 2 {
		t.Fatalf("line %+v", l)
	}
	if _, err := counts.SubmitStockCount(ctx, sheet.Number); err != nil {
		t.Fatal(err)
	}
	if _, err := counts.RequestRecount(ctx, sheet.Number, []int{l.LineNo}); err != nil {
		t.Fatal(err)
	}
	sheet, err = counts.FindStockCount(ctx, sheet.Number)
	if err != nil {
		t.Fatal(err)
	}
	l2 := countLine(t, sheet, p0)
	if es, err = counts.CountEntries(ctx, l2.ID, l2.Round); err != nil || len(es) != 0 || l2.Round != 2 {
		t.Fatalf("recount round %d entries %+v %v", l2.Round, es, err)
	}
}
