package db_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
)

var dbID = regexp.MustCompile(`#\d`)

// paidSupplier runs an order through receipt, invoice and payment and
// returns the payment.
func (p *purch) paidSupplier(t *testing.T) *jxc.SupplierPayment {
	t.Helper()
	ctx := context.Background()
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("2"), UnitPrice: decp("10")})
	line := o.Lines[0].ID
	if _, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	inv, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "FP-1", InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: line, Quantity: dec("2"), UnitPrice: dec("10")}}})
	if err != nil {
		t.Fatal(err)
	}
	pay, err := p.svc.PostSupplierPayment(ctx, jxc.SupplierPaymentInput{SupplierID: p.sup.ID, PaymentDate: jan, Amount: inv.TotalAmount,
		Allocations: []jxc.PaymentAllocationInput{{InvoiceID: inv.ID, Amount: inv.TotalAmount}}})
	if err != nil {
		t.Fatal(err)
	}
	return pay
}

// A posted supplier payment's entry is stored in Chinese (the company
// language) with its template and params, and reads in English or Chinese
// from them after the round trip through the table; its line memos too.
// A manual entry, typed by a person, has no template and reads as typed.
func TestJournalTextsStoredInChineseAndReadInEachLanguage(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	pay := p.paidSupplier(t)

	var stored struct {
		Description string  `db:"description"`
		Template    *string `db:"description_template"`
		Params      *string `db:"description_params"`
	}
	if err := p.d.GetContext(ctx, &stored, `SELECT description, description_template, description_params::text AS description_params
		FROM journal_entries WHERE id = $1`, *pay.JournalEntryID); err != nil {
		t.Fatal(err)
	}
	wantZH := "支付供应商 S1 货款 " + pay.Number
	if stored.Description != wantZH || stored.Template == nil || stored.Params == nil || !strings.Contains(*stored.Params, pay.Number) {
		t.Fatalf("stored %+v, want description %q with template and params", stored, wantZH)
	}
	e, err := p.ledger.FindJournalEntryByID(ctx, *pay.JournalEntryID)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Text().Render(jxc.LangEN); got != "Supplier payment "+pay.Number+" to S1" {
		t.Errorf("English: %q", got)
	}
	if got := e.Text().Render(jxc.LangZH); got != wantZH {
		t.Errorf("Chinese: %q", got)
	}
	memos := map[string]string{}
	for _, l := range e.Lines {
		memos[l.Text().Render(jxc.LangEN)] = l.Text().Render(jxc.LangZH)
		if l.Description != l.Text().Render(jxc.LangZH) {
			t.Errorf("line %d stored %q, renders %q", l.LineNo, l.Description, l.Text().Render(jxc.LangZH))
		}
	}
	if memos["supplier payment"] != "支付供应商货款" {
		t.Errorf("line memos: %v", memos)
	}

	// A goods receipt's stock lines and a reversal's nested description.
	m, err := p.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: jan, Description: "房租 rent as typed", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: dec("100"), Description: "一月"}, {AccountCode: "1002", Credit: dec("100")}}})
	if err != nil {
		t.Fatal(err)
	}
	m, err = p.ledger.FindJournalEntryByID(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.DescriptionTemplate != nil || m.Text().Render(jxc.LangEN) != "房租 rent as typed" || m.Lines[0].Text().Render(jxc.LangEN) != "一月" {
		t.Errorf("typed entry: %+v %q", m.DescriptionTemplate, m.Text().Render(jxc.LangEN))
	}
	rev, err := p.ledger.ReverseJournalEntry(ctx, m.ID, jan, "")
	if err != nil {
		t.Fatal(err)
	}
	rev, _ = p.ledger.FindJournalEntryByID(ctx, rev.ID)
	if got := rev.Text().Render(jxc.LangZH); got != "冲销凭证 "+m.VoucherNo+"：房租 rent as typed" {
		t.Errorf("reversal in Chinese: %q", got)
	}
	if got := rev.Text().Render(jxc.LangEN); got != "Reversal of entry "+m.VoucherNo+": 房租 rent as typed" {
		t.Errorf("reversal in English: %q", got)
	}
	p.mustCheck(t)
}

// Params survive the database: strings, decimals formatted once, and a
// value given in both languages.
func TestStoredParamsRoundTrip(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	text := jxc.T("Landed cost {number} ({kind}): {text}", jxc.P{"number": "LC-000001", "kind": jxc.LandedFreight.Label(), "text": `海运 "sea" {x}`})
	tmpl, params, zh := text.Stored()
	var back struct {
		Template *string          `db:"t"`
		Params   jxc.StoredParams `db:"p"`
		Text     string           `db:"s"`
	}
	if err := p.d.GetContext(ctx, &back, `SELECT $1::text AS t, $2::jsonb AS p, $3::text AS s`, tmpl, params, zh); err != nil {
		t.Fatal(err)
	}
	got := jxc.StoredText(back.Template, back.Params, back.Text)
	for _, lang := range []string{jxc.LangZH, jxc.LangEN} {
		if got.Render(lang) != text.Render(lang) {
			t.Errorf("%s: %q after the round trip, %q before", lang, got.Render(lang), text.Render(lang))
		}
	}
	if text.Render(jxc.LangEN) != `Landed cost LC-000001 (freight): 海运 "sea" {x}` || zh != `到岸成本 LC-000001（运费）：海运 "sea" {x}` {
		t.Errorf("rendered %q / %q", text.Render(jxc.LangEN), zh)
	}
	if back.Text != zh {
		t.Errorf("stored text %q", back.Text)
	}
}

// A low-stock alert is stored in Chinese and reads in each language.
func TestAlertTextsInEachLanguage(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	if _, err := p.catalog.UpdateProduct(ctx, jxc.ProductUpdate{ID: p.pid(0), ReorderPoint: decp("10")}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: jan, Lines: []jxc.OpeningStockLine{
		{ProductID: p.pid(0), WarehouseID: p.wid(0), Quantity: dec("2.5"), UnitCost: dec("1")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.budget.CheckLowStock(ctx); err != nil {
		t.Fatal(err)
	}
	page, err := p.budget.FindAlerts(ctx, jxc.AlertFilter{}, nil, jxc.PageArgs{First: jxc.Ptr(10)})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("%v %v", page, err)
	}
	a := page.Items[0]
	if want := "W0 中 P-000 可用 2.5，低于再订货点 10 或安全库存 0"; a.Message != want || a.Text().Render(jxc.LangZH) != want {
		t.Errorf("stored %q, zh %q", a.Message, a.Text().Render(jxc.LangZH))
	}
	if want := "P-000 in W0: 2.5 available, under its reorder point 10 or safety stock 0"; a.Text().Render(jxc.LangEN) != want {
		t.Errorf("en %q", a.Text().Render(jxc.LangEN))
	}
}

// Ordering from a supplier that has no price for a product names the SKU
// and the supplier's code, in Chinese, with its reason; never an id.
func TestMissingSupplierPriceNamesTheSKU(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	_, err := p.svc.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: p.sup.ID, WarehouseID: p.wid(0), OrderDate: jan,
		Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.pid(1), Quantity: dec("1")}}})
	es, ok := jxc.AsErrors(err)
	if !ok || len(es) != 1 {
		t.Fatalf("%v", err)
	}
	zh := es[0].Localize(jxc.LangZH)
	if zh != "供应商 S1 没有 P-001 的已知价格：请填写单价" || es[0].Reason() != "NO_SUPPLIER_PRICE" || es[0].Field != "input.lines.0.unitPrice" {
		t.Errorf("%q %s %s", zh, es[0].Reason(), es[0].Field)
	}
	if en := es[0].Localize(jxc.LangEN); !strings.Contains(en, "P-001") || dbID.MatchString(en) || dbID.MatchString(zh) {
		t.Errorf("%q", en)
	}
}
