package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
)

// A batch is traced by its product's SKU and its number, as people name it;
// an unknown one is a not-found naming both.
func TestBatchTraceByNumber(t *testing.T) {
	ctx := context.Background()
	p, bs := batchPurch(t)
	exp := jxc.Date{Year: 2026, Month: 5, Day: 1}
	g, err := p.receiveBatch(t, "4", "TR-1", &exp)
	if err != nil {
		t.Fatal(err)
	}
	var sku string
	if err := p.d.GetContext(ctx, &sku, `SELECT sku FROM products WHERE id = $1`, p.pid(0)); err != nil {
		t.Fatal(err)
	}
	tr, err := bs.BatchTraceByNumber(ctx, sku, "TR-1")
	if err != nil || tr.Batch.Number != "TR-1" || tr.Batch.SourceNumber != g.Number || len(tr.Moves) != 1 ||
		tr.Moves[0].DocumentNumber != g.Number || !tr.Moves[0].Quantity.Equal(dec("4")) {
		t.Fatalf("trace: %+v %v", tr, err)
	}
	if _, err := bs.BatchTraceByNumber(ctx, sku, "NOPE"); jxc.ErrorCode(err) != jxc.ENOTFOUND {
		t.Fatalf("unknown batch: %v", err)
	}
}
