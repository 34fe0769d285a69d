package db_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Every document kind is found by the number people read (a journal entry
// by its voucher number); an unknown number finds nothing.
func TestDocumentsFoundByNumber(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	docs := db.NewDocumentService(d)
	for kind, table := range map[jxc.RefKind]string{
		jxc.RefPurchaseOrder: "purchase_orders", jxc.RefGoodsReceipt: "goods_receipts", jxc.RefSupplierInvoice: "supplier_invoices",
		jxc.RefSupplierPayment: "supplier_payments", jxc.RefLandedCost: "landed_costs", jxc.RefOperatingCost: "operating_costs",
		jxc.RefStockDocument: "stock_documents",
	} {
		var row struct {
			ID     int64  `db:"id"`
			Number string `db:"number"`
		}
		if err := d.GetContext(ctx, &row, `SELECT id, number FROM `+table+` ORDER BY id DESC LIMIT 1`); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		id, ok, err := docs.IDByNumber(ctx, kind, row.Number)
		if err != nil || !ok || id != row.ID {
			t.Errorf("%s %s: got %d %v %v, want %d", kind, row.Number, id, ok, err, row.ID)
		}
		if _, ok, err := docs.IDByNumber(ctx, kind, row.Number+"X"); ok || err != nil {
			t.Errorf("%s: a number that is not there found %v %v", kind, ok, err)
		}
	}
	var e struct {
		ID        int64  `db:"id"`
		VoucherNo string `db:"voucher_no"`
	}
	if err := d.GetContext(ctx, &e, `SELECT id, voucher_no FROM journal_entries ORDER BY id DESC LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if id, ok, err := docs.IDByNumber(ctx, jxc.RefJournalEntry, e.VoucherNo); err != nil || !ok || id != e.ID {
		t.Errorf("voucher %s: got %d %v %v, want %d", e.VoucherNo, id, ok, err, e.ID)
	}
}

// Stock documents are numbered OS-000001 / ADJ-000004 from their id: new
// ones as they are posted (the audit trail and the journal name them so),
// existing ones by the migration.
func TestStockDocumentNumbers(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	stock, docs := db.NewStockService(d), db.NewDocumentService(d)
	var bal struct {
		ProductID   int64 `db:"product_id"`
		WarehouseID int64 `db:"warehouse_id"`
	}
	if err := d.GetContext(ctx, &bal, `SELECT product_id, warehouse_id FROM stock_balances WHERE on_hand - reserved > 10 ORDER BY product_id, warehouse_id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	doc, err := stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Reason: jxc.ReasonScrap, Description: "破损",
		Lines: []jxc.AdjustmentLine{{ProductID: bal.ProductID, WarehouseID: bal.WarehouseID, Direction: jxc.Decrease, Quantity: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := jxc.StockDocumentNumber(jxc.DocScrap, doc.ID); doc.Number != want || !regexp.MustCompile(`^ADJ-\d{6}$`).MatchString(want) {
		t.Fatalf("number %q, want %q", doc.Number, want)
	}
	var audited string
	if err := d.GetContext(ctx, &audited, `SELECT record_number FROM audit_log WHERE record_type = 'stockDocument' AND record_id = $1`, doc.ID); err != nil || audited != doc.Number {
		t.Errorf("audit names %q (%v), want %q", audited, err, doc.Number)
	}
	// Opening stock of the demo is numbered OS-.
	var opening []string
	if err := d.SelectContext(ctx, &opening, `SELECT number FROM stock_documents WHERE kind = 'OPENING_STOCK'`); err != nil || len(opening) == 0 {
		t.Fatalf("opening: %v %v", opening, err)
	}
	for _, n := range opening {
		if !regexp.MustCompile(`^OS-\d{6}$`).MatchString(n) {
			t.Errorf("opening stock numbered %q", n)
		}
	}
	// The list: by number, by kind, by a product on it.
	pg, err := docs.FindStockDocuments(ctx, jxc.StockDocumentFilter{Number: &doc.Number}, nil, jxc.PageArgs{})
	if err != nil || pg.TotalCount != 1 || pg.Items[0].ID != doc.ID || len(pg.Items[0].Lines) != 1 {
		t.Fatalf("by number: %+v %v", pg, err)
	}
	pg, err = docs.FindStockDocuments(ctx, jxc.StockDocumentFilter{Kinds: []jxc.StockDocumentKind{jxc.DocScrap}, Search: jxc.Ptr("破损")}, nil, jxc.PageArgs{})
	if err != nil || pg.TotalCount != 1 {
		t.Fatalf("scrap: %+v %v", pg, err)
	}
	sku := pg.Items[0].Lines[0].Product.SKU
	pg, err = docs.FindStockDocuments(ctx, jxc.StockDocumentFilter{Search: &sku}, &jxc.StockDocumentOrder{Field: "NUMBER", Direction: jxc.Desc}, jxc.PageArgs{})
	if err != nil || pg.TotalCount < 2 || pg.Items[0].Number < pg.Items[len(pg.Items)-1].Number {
		t.Fatalf("by sku: %+v %v", pg, err)
	}
	// The migration numbers documents posted before it.
	if _, err := d.ExecContext(ctx, `ALTER TABLE stock_documents DROP COLUMN number;
		DROP INDEX stock_documents_posting_date; DROP INDEX landed_cost_allocations_receipt; DROP INDEX goods_receipts_date;
		DELETE FROM schema_migrations WHERE version = 90`); err != nil {
		t.Fatal(err)
	}
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	again, err := stock.FindStockDocument(ctx, doc.ID)
	if err != nil || again.Number != doc.Number {
		t.Fatalf("backfilled %+v %v, want %s", again, err, doc.Number)
	}
}

// The receipt and landed cost lists filter by date, search and their
// relations; the related documents of a page read at once.
func TestDocumentListsFilter(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	docs := db.NewDocumentService(d)
	all, err := docs.FindGoodsReceipts(ctx, jxc.GoodsReceiptFilter{}, nil, jxc.PageArgs{})
	if err != nil || all.TotalCount < 10 {
		t.Fatalf("receipts: %+v %v", all, err)
	}
	r := all.Items[0]
	var po string
	if err := d.GetContext(ctx, &po, `SELECT number FROM purchase_orders WHERE id = $1`, r.PurchaseOrderID); err != nil {
		t.Fatal(err)
	}
	byPO, err := docs.FindGoodsReceipts(ctx, jxc.GoodsReceiptFilter{Search: &po}, &jxc.GoodsReceiptOrder{Field: "NUMBER", Direction: jxc.Asc}, jxc.PageArgs{})
	if err != nil || byPO.TotalCount == 0 {
		t.Fatalf("by order %s: %+v %v", po, byPO, err)
	}
	for _, x := range byPO.Items {
		if x.PurchaseOrderID != r.PurchaseOrderID {
			t.Errorf("receipt %s of another order in a search for %s", x.Number, po)
		}
	}
	day := r.ReceiptDate
	dated, err := docs.FindGoodsReceipts(ctx, jxc.GoodsReceiptFilter{DateFrom: &day, DateTo: &day}, nil, jxc.PageArgs{})
	if err != nil || dated.TotalCount == 0 {
		t.Fatalf("dated: %+v %v", dated, err)
	}
	for _, x := range dated.Items {
		if x.ReceiptDate != day {
			t.Errorf("receipt %s dated %s in %s", x.Number, x.ReceiptDate, day)
		}
	}
	lcs, err := docs.FindLandedCosts(ctx, jxc.LandedCostFilter{}, nil, jxc.PageArgs{})
	if err != nil || lcs.TotalCount == 0 {
		t.Fatalf("landed costs: %+v %v", lcs, err)
	}
	lc := lcs.Items[0]
	rid := lc.Allocations[0].ReceiptID
	byReceipt, err := docs.FindLandedCostsByReceipt(ctx, []int64{rid, -1})
	if err != nil || len(byReceipt[rid]) == 0 || byReceipt[rid][0].ID != lc.ID || byReceipt[-1] == nil {
		t.Fatalf("by receipt: %+v %v", byReceipt, err)
	}
	searched, err := docs.FindLandedCosts(ctx, jxc.LandedCostFilter{Search: &lc.Allocations[0].ReceiptNumber, Kinds: []jxc.LandedCostKind{lc.Kind}}, nil, jxc.PageArgs{})
	if err != nil || searched.TotalCount == 0 {
		t.Fatalf("by receipt number: %+v %v", searched, err)
	}
	var inv struct {
		ID      int64 `db:"id"`
		OrderID int64 `db:"purchase_order_id"`
	}
	if err := d.GetContext(ctx, &inv, `SELECT i.id, i.purchase_order_id FROM supplier_invoices i
		WHERE i.purchase_order_id IS NOT NULL AND EXISTS (SELECT 1 FROM supplier_payment_allocations a WHERE a.invoice_id = i.id) LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	invs, err := docs.FindSupplierInvoicesByOrder(ctx, []int64{inv.OrderID})
	if err != nil || len(invs[inv.OrderID]) == 0 {
		t.Fatalf("invoices by order: %+v %v", invs, err)
	}
	pays, err := docs.FindSupplierPaymentsByInvoice(ctx, []int64{inv.ID})
	if err != nil || len(pays[inv.ID]) == 0 || len(pays[inv.ID][0].Allocations) == 0 {
		t.Fatalf("payments by invoice: %+v %v", pays, err)
	}
}
