package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// The demo's batch-tracked lines: two food products received today in
// batches, one of them expiring within the alert days, so the stock by
// batch, the trace and the expiring-soon alert have something to show.
func init() {
	demoAlertsKept[jxc.AlertExpiringBatch] = 1
	demoFamilies["SUP-YILI"] = []string{"FOOD-"}
}

func (st *demoStory) batches(ctx context.Context) error {
	catalog, bs := NewCatalogService(st.d), NewBatchService(st.d)
	type batch struct {
		number string
		days   int
		qty    int64
	}
	lines := []struct {
		sku, name, nameEn, price string
		batches                  []batch
	}{
		{"FOOD-MILK-1L", "纯牛奶 1L", "Whole milk 1 L", "6.50", []batch{{"M2026A", 12, 60}, {"M2026B", 75, 120}}},
		{"FOOD-OATS-500", "燕麦片 500g", "Rolled oats 500 g", "12.00", []batch{{"OT-0301", 200, 80}}},
	}
	as := st.b.as["purchasing"]
	sup, err := st.b.svc.CreateSupplier(as, jxc.SupplierInput{Code: "SUP-YILI", Name: "伊利食品供应",
		Contacts: []jxc.SupplierContact{{Name: "赵经理", Phone: "13800000019"}}, PaymentTermsDays: jxc.Ptr(30)})
	if err != nil {
		return fmt.Errorf("demo batch supplier: %w", err)
	}
	for _, l := range lines {
		price := decimal.RequireFromString(l.price)
		p, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: l.sku, Name: l.name, NameEn: jxc.Ptr(l.nameEn), Unit: "箱", SellPrice: &price})
		if err != nil {
			return fmt.Errorf("demo batch product %s: %w", l.sku, err)
		}
		if _, err := bs.SetProductBatchTracking(st.b.as["manager"], jxc.ProductBatchTrackingInput{ProductID: p.ID, BatchTracked: true, ExpiryTracked: true, ShelfLifeDays: jxc.Ptr(365)}); err != nil {
			return err
		}
		cost := price.Mul(decimal.RequireFromString("0.6")).Round(2)
		total := int64(0)
		for _, b := range l.batches {
			total += b.qty
		}
		po, err := st.b.svc.CreatePurchaseOrder(as, jxc.PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: st.b.warehouses[0].ID,
			OrderDate: st.today, CostCentre: jxc.Ptr("PURCHASING"),
			Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.ID, Quantity: decimal.NewFromInt(total), UnitPrice: &cost}}})
		if err != nil {
			return fmt.Errorf("demo batch order: %w", err)
		}
		if _, err := st.b.svc.SubmitPurchaseOrder(as, po.ID); err != nil {
			return err
		}
		ap, err := st.b.svc.ApprovePurchaseOrder(st.b.as["manager"], po.ID)
		if err != nil {
			return err
		}
		// One receipt per batch, as the deliveries came.
		for _, b := range l.batches {
			expiry := st.today.AddDays(b.days)
			rl := []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &ap.Order.Lines[0].ID, AcceptedQty: decimal.NewFromInt(b.qty),
				BatchNumber: jxc.Ptr(b.number), ExpiryDate: &expiry}}
			if _, err := st.b.svc.PostGoodsReceipt(st.b.as["warehouse"], jxc.GoodsReceiptInput{PurchaseOrderID: po.ID, ReceiptDate: st.today, Lines: rl}); err != nil {
				return fmt.Errorf("demo batch receipt: %w", err)
			}
		}
	}
	_, err = bs.CheckExpiringBatches(st.b.as["warehouse"])
	return err
}
