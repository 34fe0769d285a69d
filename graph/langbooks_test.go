package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
)

// The journal and the alerts over GraphQL in the reader's language: a
// supplier payment's entry, stored in Chinese, reads in English for an
// English reader and in Chinese for a Chinese one (the reader's language
// is put into the context with jxc.WithLang, as the transports do); a typed
// entry reads as typed in both; an alert reads in each language.
func TestStoredTextsInTheReadersLanguageThroughGraphQL(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	users := db.NewUserService(d)
	catalog, stock, ledger := db.NewCatalogService(d), db.NewStockService(d), db.NewLedgerService(d)
	purch, budget := db.NewPurchasingService(d), db.NewBudgetService(d)
	r := &graph.Resolver{UserService: users, CatalogService: catalog, StockService: stock, LedgerService: ledger,
		PurchasingService: purch, BudgetService: budget, Log: slog.New(slog.DiscardHandler)}
	withLang := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			h.ServeHTTP(w, req.WithContext(jxc.WithLang(req.Context(), req.Header.Get("X-Test-Lang"))))
		})
	}
	srv := httptest.NewServer(withLang(graph.Authenticate(users, false, graph.NewHandler(r))))
	t.Cleanup(srv.Close)
	if _, err := users.CreateUser(ctx, jxc.UserInput{Username: "boss", Password: "pass", Roles: []jxc.Role{jxc.RoleManager}}); err != nil {
		t.Fatal(err)
	}
	_, secret, err := users.Login(ctx, "boss", "pass", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}

	dec := decimal.RequireFromString
	day := jxc.Date{Year: 2026, Month: 1, Day: 15}
	p, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "AP-FRG-420", Name: "冰箱", Unit: "台"})
	if err != nil {
		t.Fatal(err)
	}
	wh, err := catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "BJ01", Name: "北京大兴仓"})
	if err != nil {
		t.Fatal(err)
	}
	sup, err := purch.CreateSupplier(ctx, jxc.SupplierInput{Code: "SUP-GREE", Name: "格力", PaymentTermsDays: jxc.Ptr(30)})
	if err != nil {
		t.Fatal(err)
	}
	o, err := purch.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: wh.ID, OrderDate: day,
		Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.ID, Quantity: dec("2"), UnitPrice: jxc.Ptr(dec("100"))}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := purch.SubmitPurchaseOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := purch.ApprovePurchaseOrder(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	line := o.Lines[0].ID
	if _, err := purch.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: day,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	inv, err := purch.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "FP-1", InvoiceDate: day,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: line, Quantity: dec("2"), UnitPrice: dec("100")}}})
	if err != nil {
		t.Fatal(err)
	}
	pay, err := purch.PostSupplierPayment(ctx, jxc.SupplierPaymentInput{SupplierID: sup.ID, PaymentDate: day, Amount: inv.TotalAmount,
		Allocations: []jxc.PaymentAllocationInput{{InvoiceID: inv.ID, Amount: inv.TotalAmount}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: day, Description: "房租 typed", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: dec("100")}, {AccountCode: "1002", Credit: dec("100")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.UpdateProduct(ctx, jxc.ProductUpdate{ID: p.ID, ReorderPoint: jxc.Ptr(dec("5"))}); err != nil {
		t.Fatal(err)
	}
	if _, err := budget.CheckLowStock(ctx); err != nil {
		t.Fatal(err)
	}

	type entry struct {
		VoucherNo   string
		Description string
		Lines       []struct{ Description string }
	}
	read := func(lang string) (map[string]entry, []string) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": `{ journalEntries(first: 50) { nodes { voucherNo description lines { description } } }
			alerts { nodes { kind message } } }`})
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept-Language", lang)
		req.AddCookie(&http.Cookie{Name: graph.SessionCookie, Value: secret})
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Data struct {
				JournalEntries struct{ Nodes []entry }
				Alerts         struct {
					Nodes []struct{ Kind, Message string }
				}
			}
			Errors []any
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
			t.Fatalf("%v %v", err, out.Errors)
		}
		byDesc := map[string]entry{}
		for _, e := range out.Data.JournalEntries.Nodes {
			byDesc[e.Description] = e
		}
		var alerts []string
		for _, a := range out.Data.Alerts.Nodes {
			alerts = append(alerts, a.Message)
		}
		return byDesc, alerts
	}
	en, enAlerts := read(jxc.LangEN)
	zh, zhAlerts := read(jxc.LangZH)

	payEN, payZH := "Supplier payment "+pay.Number+" to SUP-GREE", "支付供应商 SUP-GREE 货款 "+pay.Number
	if _, ok := en[payEN]; !ok {
		t.Errorf("no %q for an English reader: %v", payEN, en)
	}
	if e, ok := zh[payZH]; !ok || len(e.Lines) != 2 || e.Lines[0].Description != "支付供应商货款" {
		t.Errorf("no %q for a Chinese reader: %+v", payZH, zh)
	}
	if e, ok := en[payEN]; ok && (len(e.Lines) != 2 || e.Lines[0].Description != "supplier payment") {
		t.Errorf("English line memos: %+v", e.Lines)
	}
	if _, ok := en["房租 typed"]; !ok {
		t.Errorf("a typed entry reads as typed in English: %v", en)
	}
	if _, ok := zh["房租 typed"]; !ok {
		t.Errorf("a typed entry reads as typed in Chinese: %v", zh)
	}
	var stored string
	if err := d.GetContext(ctx, &stored, `SELECT description FROM journal_entries WHERE id = $1`, *pay.JournalEntryID); err != nil || stored != payZH {
		t.Errorf("stored %q (%v), want the Chinese text", stored, err)
	}
	wantEN, wantZH := "AP-FRG-420 in BJ01: 2 available, under its reorder point 5 or safety stock 0", "BJ01 中 AP-FRG-420 可用 2，低于再订货点 5 或安全库存 0"
	if len(enAlerts) != 1 || enAlerts[0] != wantEN || len(zhAlerts) != 1 || zhAlerts[0] != wantZH {
		t.Errorf("alerts: en %q, zh %q", enAlerts, zhAlerts)
	}
}
