package db_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// A return of a receipt in boxes is in boxes: one box back takes 12 台
// out of stock at the moving average, the line shows its unit and factor,
// and the supplier's scorecard counts it as a quality return: 12 of the
// 60 台 accepted (0.2 by quantity and by value), which lowers the quality
// part of the score.
func TestSupplierReturnInBoxesAndTheScorecard(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	boxOf12(t, p.books, 0)
	rs := db.NewSupplierReturnService(p.d)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("5"), UnitPrice: decp("120")})
	gr := p.receive(t, o, 0, "5") // 5 boxes = 60 台 at 10.00
	before, err := p.svc.Scorecards(ctx, []int64{p.sup.ID}, jan.AddDays(-30))
	if err != nil {
		t.Fatal(err)
	}
	b := before[p.sup.ID]
	if b.QualityReturns != 0 || b.ReturnRate == nil || !b.ReturnRate.IsZero() {
		t.Fatalf("before any return: %d returns, rate %v", b.QualityReturns, b.ReturnRate)
	}

	r, err := rs.CreateSupplierReturn(ctx, jxc.SupplierReturnInput{ReceiptID: gr.ID, Reason: jxc.Ptr("质量问题"),
		Lines: []jxc.SupplierReturnLineInput{{ReceiptLineNo: 1, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if l := r.Lines[0]; l.Unit != "箱" || !l.UnitFactor.Equal(dec("12")) || !l.StockQuantity.Equal(dec("12")) {
		t.Fatalf("draft line unit %q factor %s stock quantity %s", l.Unit, l.UnitFactor, l.StockQuantity)
	}
	r, err = rs.PostSupplierReturn(ctx, r.Number, &jan)
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "stock value", r.StockValue, "120")
	wantDec(t, "GRNI", r.GRNIAmount, "120")
	wantDec(t, "variance", r.Variance, "0")
	q, v := stockOf(t, p.d, p.pid(0), p.wid(0))
	wantDec(t, "on hand after one box back", q, "48")
	wantDec(t, "value after one box back", v, "480")
	var moved decimal.Decimal
	if err := p.d.GetContext(ctx, &moved, `SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE source_type = 'SUPPLIER_RETURN'`); err != nil {
		t.Fatal(err)
	}
	if !moved.Abs().Equal(dec("12")) {
		t.Fatalf("stock moved by the return %s, want 12", moved)
	}

	cards, err := p.svc.Scorecards(ctx, []int64{p.sup.ID}, jan.AddDays(-30))
	if err != nil {
		t.Fatal(err)
	}
	sc := cards[p.sup.ID]
	if sc.QualityReturns != 1 {
		t.Fatalf("quality returns %d", sc.QualityReturns)
	}
	wantDec(t, "returned quantity", sc.ReturnedQuantity, "12")
	if sc.ReturnRate == nil || sc.ReturnValueRate == nil {
		t.Fatalf("rates missing: %v %v", sc.ReturnRate, sc.ReturnValueRate)
	}
	wantDec(t, "return rate", *sc.ReturnRate, "0.2")
	wantDec(t, "return value rate", *sc.ReturnValueRate, "0.2")
	// Quality is 40 % of the score: 0.2 returned takes 8 points off.
	wantDec(t, "score drop", b.Score.Sub(sc.Score), "8")
	p.mustCheck(t)
}
