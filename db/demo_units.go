package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Demo units of measure: two products get a carton of 10 as their purchase
// and sales unit (with a carton barcode), and a draft purchase order and a
// draft sales order are in cartons, so the order screens show a document
// unit beside the stock quantity.
func (st *demoStory) units(ctx context.Context) error {
	svc := NewUnitService(st.d)
	as := st.b.as["purchasing"]
	goods := st.b.goods()
	si := st.main[0]
	fam := st.fam[si]
	if len(fam) == 0 {
		return nil
	}
	var boxed []*jxc.Product
	for i, pi := range fam {
		if i >= 2 {
			break
		}
		p := st.b.products[pi]
		if _, err := svc.SetProductUnits(as, jxc.ProductUnitsInput{ProductID: p.ID, StockUnitPlaces: jxc.Ptr(0),
			Units:        []jxc.ProductUnitInput{{Code: "箱", NameEn: jxc.Ptr("carton"), Factor: decimal.NewFromInt(10), Barcode: jxc.Ptr(fmt.Sprintf("CTN-%s", p.SKU))}},
			PurchaseUnit: jxc.Ptr("箱"), SalesUnit: jxc.Ptr("箱")}); err != nil {
			return fmt.Errorf("demo units %s: %w", p.SKU, err)
		}
		boxed = append(boxed, p)
	}
	var lines []jxc.PurchaseOrderLineInput
	for _, p := range boxed {
		lines = append(lines, jxc.PurchaseOrderLineInput{ProductID: p.ID, Quantity: decimal.NewFromInt(3)})
	}
	if _, err := st.b.svc.CreatePurchaseOrder(as, jxc.PurchaseOrderInput{SupplierID: goods[si].ID, WarehouseID: st.b.warehouses[0].ID,
		OrderDate: st.today, Notes: jxc.Ptr("整箱采购 by the carton"), Lines: lines}); err != nil {
		return fmt.Errorf("demo order in cartons: %w", err)
	}
	for _, c := range st.custs {
		if c.late || c.hold {
			continue
		}
		if _, err := st.s.s.CreateSalesOrder(st.b.as["sales"], jxc.SalesOrderInput{CustomerID: c.ID, PostingDate: &st.today, Notes: jxc.Ptr("整箱销售 by the carton"),
			Lines: []jxc.SalesOrderLineInput{{ProductID: boxed[0].ID, Quantity: decimal.NewFromInt(2)}}}); err != nil {
			return fmt.Errorf("demo sales order in cartons: %w", err)
		}
		break
	}
	return nil
}
