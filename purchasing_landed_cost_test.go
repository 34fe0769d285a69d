package jxc_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

func TestPlanLandedCost(t *testing.T) {
	receipt := func(id int64, number string, wid int64, lines ...*jxc.GoodsReceiptLine) *jxc.GoodsReceipt {
		return &jxc.GoodsReceipt{ID: id, Number: number, WarehouseID: wid, Lines: lines}
	}
	r1 := receipt(1, "GR-1", 3,
		&jxc.GoodsReceiptLine{LineNo: 1, ProductID: 100, AcceptedQty: d("1"), Value: d("300")},
		&jxc.GoodsReceiptLine{LineNo: 2, ProductID: 200, AcceptedQty: d("0"), RejectedQty: d("2")}, // nothing accepted: no share
		&jxc.GoodsReceiptLine{LineNo: 3, ProductID: 300, AcceptedQty: d("3"), Value: d("100")})
	r2 := receipt(2, "GR-2", 4, &jxc.GoodsReceiptLine{LineNo: 1, ProductID: 100, AcceptedQty: d("0.0001"), Value: d("0.0001")})
	rejected := receipt(3, "GR-3", 3, &jxc.GoodsReceiptLine{LineNo: 1, ProductID: 100, AcceptedQty: d("0"), RejectedQty: d("1")})
	sup := &jxc.Supplier{ID: 9, Code: "FWD"}
	nine := int64(9)
	note := "sea freight"
	type share struct {
		receipt int64
		line    int
		amount  string
	}
	for _, c := range []struct {
		name     string
		receipts []*jxc.GoodsReceipt
		ids      []int64
		basis    jxc.AllocationBasis
		payFrom  jxc.PayFrom
		sup      *jxc.Supplier
		supID    *int64
		errs     []string
		shares   []share
		credit   string
	}{
		{name: "by value; a share that rounds to nothing is left out", receipts: []*jxc.GoodsReceipt{r1, r2}, ids: []int64{1, 2},
			basis: jxc.ByValue, payFrom: jxc.PayFromBank, credit: jxc.AccountBank,
			shares: []share{{1, 1, "75.00"}, {1, 3, "25.00"}}},
		{name: "by quantity, paid later to the supplier", receipts: []*jxc.GoodsReceipt{r1}, ids: []int64{1},
			basis: jxc.ByQuantity, payFrom: jxc.PayFromPayable, sup: sup, supID: &nine, credit: jxc.AccountPayable,
			shares: []share{{1, 1, "25.00"}, {1, 3, "75.00"}}},
		{name: "every refusal at once", receipts: []*jxc.GoodsReceipt{nil, r1, r1}, ids: []int64{7, 1, 1},
			basis: jxc.ByValue, payFrom: jxc.PayFromPayable, supID: &nine,
			errs: []string{"NOT_FOUND input.receiptIds.0 ~ no such goods receipt", "INVALID input.receiptIds.2 ~ receipt GR-1 is listed twice",
				"NOT_FOUND input.supplierId ~ no such supplier"}},
		{name: "nothing accepted to spread over", receipts: []*jxc.GoodsReceipt{rejected}, ids: []int64{3}, basis: jxc.ByQuantity,
			errs: []string{"INVALID input.receiptIds ~ the receipts have no accepted goods with a quantity to spread the cost by"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := jxc.LandedCostInput{Kind: jxc.LandedFreight, Basis: c.basis, PostingDate: day, Amount: d("100"), ReceiptIDs: c.ids,
				Description: &note, PayFrom: c.payFrom, SupplierID: c.supID}
			p, err := jxc.PlanLandedCost(c.receipts, c.sup, in)
			checkErrors(t, err, c.errs...)
			if err != nil {
				return
			}
			// Each line has 1 left on hand (receipt 1 line 1: nothing).
			remaining := map[[2]int64]decimal.Decimal{}
			for _, tg := range p.Targets {
				remaining[[2]int64{tg.Receipt.ID, int64(tg.Line.LineNo)}] = d("1")
			}
			delete(remaining, [2]int64{1, 1})
			ev := p.Posting("LC-000002", remaining)
			if ev.Description.Render(jxc.LangEN) != "Landed cost LC-000002 (freight): sea freight" || ev.CreditAccount != c.credit || ev.Date != day {
				t.Errorf("posting %q credits %s on %v", ev.Description, ev.CreditAccount, ev.Date)
			}
			if c.sup != nil && ev.Partner != "FWD" {
				t.Errorf("partner %q", ev.Partner)
			}
			if len(p.Targets) != len(c.shares) || len(ev.Shares) != len(c.shares) {
				t.Fatalf("%d targets, %d shares, want %v", len(p.Targets), len(ev.Shares), c.shares)
			}
			for i, w := range c.shares {
				tg, sh := p.Targets[i], ev.Shares[i]
				if tg.Receipt.ID != w.receipt || tg.Line.LineNo != w.line || !sh.Amount.Equal(d(w.amount)) || !p.Amounts[i].Equal(d(w.amount)) {
					t.Errorf("share %d: receipt %d line %d %s, want %v", i, tg.Receipt.ID, tg.Line.LineNo, sh.Amount, w)
				}
				left := d("1")
				if tg.Receipt.ID == 1 && tg.Line.LineNo == 1 {
					left = decimal.Zero
				}
				if sh.ProductID != tg.Line.ProductID || sh.WarehouseID != tg.Receipt.WarehouseID || !sh.ReceivedQty.Equal(tg.Line.AcceptedQty) ||
					!sh.RemainingQty.Equal(decimal.Min(left, tg.Line.AcceptedQty)) {
					t.Errorf("share %d is %+v", i, sh)
				}
			}
		})
	}
}
