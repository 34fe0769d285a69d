package db_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// boxOf12 gives product i a box of 12 stock units (箱 = 12 台), the default
// purchase and sales unit, with its own barcode.
func boxOf12(t testing.TB, b *books, i int) *jxc.UnitSet {
	t.Helper()
	s, err := db.NewUnitService(b.d).SetProductUnits(context.Background(), jxc.ProductUnitsInput{ProductID: b.pid(i), StockUnitPlaces: jxc.Ptr(0),
		Units:        []jxc.ProductUnitInput{{Code: "箱", NameEn: jxc.Ptr("box"), Factor: dec("12"), Places: 0, Barcode: jxc.Ptr("BOX-" + b.products[i].SKU)}},
		PurchaseUnit: jxc.Ptr("箱"), SalesUnit: jxc.Ptr("箱")})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func unitStockOf(t testing.TB, d *db.DB, pid, wid int64) (onHand, reserved, value decimal.Decimal) {
	t.Helper()
	var r struct {
		OnHand   decimal.Decimal `db:"on_hand"`
		Reserved decimal.Decimal `db:"reserved"`
		Value    decimal.Decimal `db:"value"`
	}
	if err := d.GetContext(context.Background(), &r, `SELECT coalesce(sum(on_hand), 0) AS on_hand, coalesce(sum(reserved), 0) AS reserved,
		coalesce(sum(value), 0) AS value FROM stock_balances WHERE product_id = $1 AND warehouse_id = $2`, pid, wid); err != nil {
		t.Fatal(err)
	}
	return r.OnHand, r.Reserved, r.Value
}

func TestProductUnitsAreSetAndRefused(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 2, 1)
	svc := db.NewUnitService(b.d)
	s := boxOf12(t, b, 0)
	if len(s.Units) != 1 || !s.Units[0].Factor.Equal(dec("12")) || s.PurchaseUnit != "箱" || s.StockPlaces != 0 {
		t.Fatalf("units %+v", s)
	}
	// factor <= 0, too many decimals in the factor, the stock unit's name,
	// a default unit the product does not have, a barcode another product has.
	_, err := svc.SetProductUnits(ctx, jxc.ProductUnitsInput{ProductID: b.pid(1), Units: []jxc.ProductUnitInput{
		{Code: "箱", Factor: dec("0")}, {Code: "包", Factor: dec("1.23456")}, {Code: "台", Factor: dec("2")},
		{Code: "盒", Factor: dec("6"), Barcode: jxc.Ptr("BOX-P-000")}}, SalesUnit: jxc.Ptr("桶")})
	got := codes(err)
	want := []string{"input.units.0.factor:INVALID", "input.units.1.factor:INVALID", "input.units.2.code:INVALID", "input.salesUnit:INVALID", "input.units.3.barcode:CONFLICT"}
	if len(got) != len(want) {
		t.Fatalf("errors %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("errors %v, want %v", got, want)
		}
	}
	_, err = svc.SetProductUnits(ctx, jxc.ProductUnitsInput{ProductID: b.pid(1), Units: []jxc.ProductUnitInput{{Code: "盒", Factor: dec("6"), Barcode: jxc.Ptr("BOX-P-000")}}})
	if c := codes(err); len(c) != 1 || c[0] != "input.units.0.barcode:CONFLICT" {
		t.Fatalf("taken barcode: %v", c)
	}
	sets, _ := svc.ProductUnits(ctx, []int64{b.pid(1)})
	if len(sets[b.pid(1)].Units) != 0 {
		t.Fatalf("refused units were written: %+v", sets[b.pid(1)].Units)
	}
}

// Procure to pay in boxes: a PO of 5 boxes at 120.00 a box, a receipt of 3
// boxes then 2, the supplier's invoice and its payment. Stock is 60 台
// valued 600.00, the journal exact to the cent, the books clean.
func TestProcureToPayInBoxes(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	boxOf12(t, p.books, 0)
	// Refusals: an unknown unit, a quantity with more decimals than the box allows.
	_, err := p.svc.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: p.sup.ID, WarehouseID: p.wid(0), OrderDate: jan,
		Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.pid(0), Quantity: dec("1"), UnitPrice: decp("1"), Unit: jxc.Ptr("桶")},
			{ProductID: p.pid(1), Quantity: dec("1.5"), UnitPrice: decp("1"), Unit: jxc.Ptr("台")}}})
	if c := codes(err); len(c) != 1 || c[0] != "input.lines.0.unit:NOT_FOUND" {
		t.Fatalf("unknown unit: %v", c)
	}
	_, err = p.svc.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: p.sup.ID, WarehouseID: p.wid(0), OrderDate: jan,
		Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.pid(0), Quantity: dec("1.5"), UnitPrice: decp("1")}}})
	if c := codes(err); len(c) != 1 || c[0] != "input.lines.0.quantity:INVALID" {
		t.Fatalf("1.5 boxes: %v", c)
	}
	// The line names no unit: the product's purchase unit, the box. A
	// second line in the stock unit of another product.
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("5"), UnitPrice: decp("120")},
		jxc.PurchaseOrderLineInput{ProductID: p.pid(1), Quantity: dec("2"), UnitPrice: decp("7.5")})
	l := o.Lines[0]
	if l.Unit != "箱" || !l.UnitFactor.Equal(dec("12")) || !l.StockQuantity().Equal(dec("60")) || !l.NetAmount().Equal(dec("600")) {
		t.Fatalf("line %+v", l)
	}
	if o.Lines[1].Unit != "" || !o.Lines[1].UnitFactor.Equal(dec("1")) {
		t.Fatalf("stock unit line %+v", o.Lines[1])
	}
	for _, q := range []string{"3", "2"} {
		if _, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
			Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &l.ID, AcceptedQty: dec(q)}}}); err != nil {
			t.Fatal(err)
		}
	}
	if on, _, v := unitStockOf(t, p.d, p.pid(0), p.wid(0)); !on.Equal(dec("60")) || !v.Equal(dec("600")) {
		t.Fatalf("stock %s value %s, want 60 台 at 600.00", on, v)
	}
	if g := balance(t, p.d, jxc.AccountGRNI); !g.Equal(dec("600")) {
		t.Fatalf("GRNI %s", g)
	}
	inv, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "B1", InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: l.ID, Quantity: dec("5"), UnitPrice: dec("120")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !inv.TotalAmount.Equal(dec("678")) || !balance(t, p.d, jxc.AccountGRNI).IsZero() {
		t.Fatalf("invoice total %s, GRNI %s", inv.TotalAmount, balance(t, p.d, jxc.AccountGRNI))
	}
	if _, err := p.svc.PostSupplierPayment(ctx, jxc.SupplierPaymentInput{SupplierID: p.sup.ID, PaymentDate: jan, Amount: dec("678"),
		Allocations: []jxc.PaymentAllocationInput{{InvoiceID: inv.ID, Amount: dec("678")}}}); err != nil {
		t.Fatal(err)
	}
	if ap := balance(t, p.d, jxc.AccountPayable); !ap.IsZero() {
		t.Fatalf("payables %s after payment", ap)
	}
	if inv := balance(t, p.d, jxc.AccountInventory); !inv.Equal(dec("-600")) {
		t.Fatalf("inventory account %s, want debit 600", inv)
	}
	p.mustCheck(t)
}
