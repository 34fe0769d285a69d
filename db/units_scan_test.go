package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// A carton's barcode names its product with the carton and its factor;
// the product's own barcode names it with the stock unit and factor 1;
// productByBarcode finds the product by either.
func TestScanBarcodeNamesTheUnitScanned(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 2, 1)
	boxOf12(t, b, 0)
	svc := db.NewUnitService(b.d)
	box := "BOX-" + b.products[0].SKU
	s, err := svc.ScanBarcode(ctx, " "+box+" ")
	if err != nil {
		t.Fatal(err)
	}
	if s.Product.ID != b.pid(0) || s.Code != "箱" || s.Unit != "箱" || !s.Factor.Equal(dec("12")) {
		t.Fatalf("carton scan %+v", s)
	}
	if len(b.products[0].Barcodes) > 0 {
		own, err := svc.ScanBarcode(ctx, b.products[0].Barcodes[0])
		if err != nil {
			t.Fatal(err)
		}
		if own.Product.ID != b.pid(0) || own.Code != "" || own.Unit != b.products[0].Unit || !own.Factor.Equal(dec("1")) {
			t.Fatalf("own barcode scan %+v", own)
		}
	}
	if _, err := svc.ScanBarcode(ctx, "NO-SUCH-CODE"); jxc.ErrorCode(err) != jxc.ENOTFOUND {
		t.Fatalf("unknown code: %v", err)
	}
	p, err := db.NewCatalogService(b.d).FindProductByBarcode(ctx, box)
	if err != nil || p.ID != b.pid(0) {
		t.Fatalf("product by carton barcode: %v %v", p, err)
	}
}
