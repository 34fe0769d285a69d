package db_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// TestVatReportMatchesTheInvoiceLinesAndTheVatAccounts posts the demo
// company's business, marks part of a month's supplier invoices as special
// invoices, and compares the month's VAT report with plain SQL over the
// documents' lines (the rate taken from the order lines, not from the
// invoice lines the report reads) and with the VAT accounts' movement; then
// checks the carry-over of excess input from month to month.
func TestVatReportMatchesTheInvoiceLinesAndTheVatAccounts(t *testing.T) {
	d := newDemo(t)
	ctx := signedIn(t, d, "vat-finance", jxc.RoleFinance)
	vat := db.NewVatService(d)
	var month time.Time
	if err := d.GetContext(ctx, &month, `SELECT date_trunc('month', posting_date)::date FROM sales_invoices
		GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	end := month.AddDate(0, 1, 0)
	// Every other supplier invoice of the month is a special invoice; the rest stay without a kind.
	var invs []int64
	if err := d.SelectContext(ctx, &invs, `SELECT id FROM supplier_invoices WHERE invoice_date >= $1 AND invoice_date < $2 AND tax_amount > 0
		ORDER BY id`, month, end); err != nil {
		t.Fatal(err)
	}
	if len(invs) < 2 {
		t.Fatalf("the demo month %s has %d supplier invoices with VAT", month.Format("2006-01"), len(invs))
	}
	for i, id := range invs {
		if i%2 == 1 {
			continue
		}
		if _, err := vat.UpdateVatInvoiceInfo(ctx, jxc.VatInvoiceInfoUpdate{SupplierInvoiceID: jxc.Ptr(id), Info: jxc.VatInvoiceInfo{
			InvoiceNumber: jxc.Ptr("2431200000001234567" + string(rune('0'+i%10))), Kind: jxc.Ptr(jxc.VatESpecial)}}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := vat.VatReport(ctx, month.Year(), int(month.Month()), int(month.Month()))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Months) != 1 {
		t.Fatalf("months %d", len(r.Months))
	}
	m := r.Months[0]
	var want []struct {
		Rate decimal.Decimal `db:"rate"`
		VAT  decimal.Decimal `db:"vat"`
		Net  decimal.Decimal `db:"net"`
	}
	if err := d.SelectContext(ctx, &want, `SELECT rate, sum(vat) AS vat, sum(net) AS net FROM (
			SELECT ol.vat_rate AS rate, l.vat_amount AS vat, l.net_amount AS net FROM sales_invoice_lines l
			JOIN sales_invoices i ON i.id = l.invoice_id JOIN shipment_lines sl ON sl.id = l.shipment_line_id
			JOIN sales_order_lines ol ON ol.id = sl.order_line_id WHERE i.posting_date >= $1 AND i.posting_date < $2
			UNION ALL
			SELECT ol.vat_rate, -rl.vat_amount, -rl.net_amount FROM sales_return_lines rl JOIN sales_returns r ON r.id = rl.return_id
			JOIN shipment_lines sl ON sl.id = rl.shipment_line_id JOIN sales_order_lines ol ON ol.id = sl.order_line_id
			WHERE r.posting_date >= $1 AND r.posting_date < $2) x
		GROUP BY rate ORDER BY rate DESC`, month, end); err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || len(m.Rates) != len(want) {
		t.Fatalf("rates %d in the report, %d in the lines", len(m.Rates), len(want))
	}
	total := decimal.Zero
	for i, w := range want {
		f := m.Rates[i]
		if !f.Rate.Equal(w.Rate) || !f.OutputVAT.Equal(w.VAT) || !f.OutputNet.Equal(w.Net) {
			t.Errorf("rate %s: report %s VAT on %s, lines %s on %s", w.Rate, f.OutputVAT, f.OutputNet, w.VAT, w.Net)
		}
		total = total.Add(w.VAT)
	}
	var ledgerOut, ledgerIn, input, nonDeductible decimal.Decimal
	if err := d.QueryRowxContext(ctx, `SELECT
			coalesce(sum(credit - debit) FILTER (WHERE account_code = '2221.01.02'), 0),
			coalesce(sum(debit - credit) FILTER (WHERE account_code = '2221.01.01'), 0)
		FROM journal_lines WHERE posting_date >= $1 AND posting_date < $2`, month, end).Scan(&ledgerOut, &ledgerIn); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRowxContext(ctx, `SELECT coalesce(sum(l.tax_amount), 0),
			coalesce(sum(l.tax_amount) FILTER (WHERE i.vat_invoice_kind IS DISTINCT FROM 'E_SPECIAL'), 0)
		FROM supplier_invoice_lines l JOIN supplier_invoices i ON i.id = l.invoice_id WHERE i.invoice_date >= $1 AND i.invoice_date < $2`,
		month, end).Scan(&input, &nonDeductible); err != nil {
		t.Fatal(err)
	}
	ret := m.Return
	t.Logf("%s: output %s (ledger %s), input %s of which not deductible %s (ledger %s), return %+v", month.Format("2006-01"), total, ledgerOut,
		input, nonDeductible, ledgerIn, ret)
	if !ret.Line11.Equal(total) || !ret.Line11.Equal(ledgerOut) || !m.LedgerOutputVAT.Equal(ledgerOut) {
		t.Errorf("line 11 %s, lines %s, output VAT account %s (report %s)", ret.Line11, total, ledgerOut, m.LedgerOutputVAT)
	}
	if !ret.Line12.Equal(input) || !ret.Line12.Equal(ledgerIn) || !ret.Line14.Equal(nonDeductible) || nonDeductible.IsZero() || nonDeductible.Equal(input) {
		t.Errorf("line 12 %s, line 14 %s; invoices %s, not deductible %s, input VAT account %s", ret.Line12, ret.Line14, input, nonDeductible, ledgerIn)
	}
	if !m.Reconciled() || !r.Reconciled() {
		t.Errorf("not reconciled: %+v", m)
	}
	if want := ret.Line11.Sub(ret.Line18); !ret.Line19.Equal(want) || !ret.Line17.Equal(ret.Line12.Add(ret.Line13).Sub(ret.Line14)) {
		t.Errorf("return lines do not add up: %+v", ret)
	}

	// Carry-over: with every supplier invoice special, some month has
	// more input than output; its line 20 is the next month's line 13.
	if _, err := d.ExecContext(ctx, `UPDATE supplier_invoices SET vat_invoice_kind = 'SPECIAL'`); err != nil {
		t.Fatal(err)
	}
	var first time.Time
	if err := d.GetContext(ctx, &first, `SELECT date_trunc('month', min(invoice_date))::date FROM supplier_invoices`); err != nil {
		t.Fatal(err)
	}
	// The demo's history spans years: each year is checked, and the carry
	// is looked for in any of them.
	carried := 0
	for year := first.Year(); year <= jxc.Today(d.Now()).Year; year++ {
		all, err := vat.VatReport(ctx, year, 1, 12)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(all.Months); i++ {
			prev, cur := all.Months[i-1].Return, all.Months[i].Return
			if !cur.Line13.Equal(prev.Line20) {
				t.Errorf("%d month %d: line 13 %s, month before's line 20 %s", year, all.Months[i].Month, cur.Line13, prev.Line20)
			}
			if prev.Line20.Sign() > 0 {
				carried++
			}
		}
		// A report that starts later carries what the months before left.
		for _, mm := range all.Months[1:] {
			one, err := vat.VatReport(ctx, year, mm.Month, mm.Month)
			if err != nil {
				t.Fatal(err)
			}
			if !one.Months[0].Return.Line13.Equal(mm.Return.Line13) {
				t.Errorf("%d month %d alone: line 13 %s, in the year's report %s", year, mm.Month, one.Months[0].Return.Line13, mm.Return.Line13)
			}
		}
	}
	if carried == 0 {
		t.Errorf("no month carries excess input (first supplier invoice %s)", first.Format("2006-01"))
	}
}

// TestUpdateVatInvoiceInfoChecksTheFieldsAndKeepsTheMoney enters the Golden
// Tax fields of a sales invoice: wrong ones come back naming the field, good
// ones are stored, audited and change no amount.
func TestUpdateVatInvoiceInfoChecksTheFieldsAndKeepsTheMoney(t *testing.T) {
	d := newDemo(t)
	ctx := signedIn(t, d, "vat-finance", jxc.RoleFinance)
	vat := db.NewVatService(d)
	var id int64
	if err := d.GetContext(ctx, &id, `SELECT min(id) FROM sales_invoices`); err != nil {
		t.Fatal(err)
	}
	before, err := db.NewSalesService(d).FindSalesInvoiceByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	_, err = vat.UpdateVatInvoiceInfo(ctx, jxc.VatInvoiceInfoUpdate{SalesInvoiceID: &id, Info: jxc.VatInvoiceInfo{
		InvoiceCode: jxc.Ptr("3100201130"), InvoiceNumber: jxc.Ptr("1234567"), Kind: jxc.Ptr(jxc.VatSpecial), BuyerTaxID: jxc.Ptr("91350100M000100Y44")}})
	es, ok := jxc.AsErrors(err)
	if !ok || len(es) != 2 || es[0].Field != "input.invoiceNumber" || es[1].Field != "input.buyerTaxId" {
		t.Fatalf("want errors on input.invoiceNumber and input.buyerTaxId, got %v", err)
	}
	if zh := es[0].Localize(jxc.LangZH); zh != "发票号码应为 8 位或 20 位数字，1234567 不符合" {
		t.Errorf("zh message %q", zh)
	}
	out, err := vat.UpdateVatInvoiceInfo(ctx, jxc.VatInvoiceInfoUpdate{SalesInvoiceID: &id, Info: jxc.VatInvoiceInfo{
		InvoiceCode: jxc.Ptr(" 3100201130 "), InvoiceNumber: jxc.Ptr("01234567"), Kind: jxc.Ptr(jxc.VatSpecial),
		BuyerTaxID: jxc.Ptr("91350100m000100y43"), IssueDate: &before.PostingDate}})
	if err != nil {
		t.Fatal(err)
	}
	v := out.SalesInvoice.VatInvoiceInfo
	if v.InvoiceCode == nil || *v.InvoiceCode != "3100201130" || *v.BuyerTaxID != "91350100M000100Y43" || !v.Deductible() || *v.IssueDate != before.PostingDate {
		t.Fatalf("stored %+v", v)
	}
	if !out.SalesInvoice.TotalAmount.Equal(before.TotalAmount) || *out.SalesInvoice.JournalEntryID != *before.JournalEntryID {
		t.Errorf("money changed: %s → %s", before.TotalAmount, out.SalesInvoice.TotalAmount)
	}
	if n := count(t, d, `SELECT count(*) FROM audit_log WHERE operation = 'updateVatInvoiceInfo' AND record_number = $1`, before.Number); n != 1 {
		t.Errorf("%d audit rows", n)
	}
	// Neither or both invoices: refused.
	if _, err := vat.UpdateVatInvoiceInfo(ctx, jxc.VatInvoiceInfoUpdate{}); err == nil {
		t.Error("no invoice: accepted")
	} else if es, _ := jxc.AsErrors(err); len(es) != 1 || es[0].Field != "input.salesInvoiceId" {
		t.Errorf("no invoice: %v", err)
	}
}

// TestSalesInvoiceTakesTheCustomersTaxID gives a customer its tax ID (a
// wrong one is refused naming input.taxId) and bills a shipment: the
// invoice's buyer's tax ID is the customer's; Golden Tax fields given when
// invoicing are checked under input.vatInvoice.
func TestSalesInvoiceTakesTheCustomersTaxID(t *testing.T) {
	d := newDemo(t)
	ctx := signedIn(t, d, "vat-finance", jxc.RoleFinance)
	sales := db.NewSalesService(d)
	var sh struct {
		ID         int64 `db:"id"`
		CustomerID int64 `db:"customer_id"`
	}
	// The demo bills every shipped shipment: ship one of the pending ones (the first that has its stock).
	var pending []struct {
		ID         int64 `db:"id"`
		CustomerID int64 `db:"customer_id"`
	}
	if err := d.SelectContext(ctx, &pending, `SELECT id, customer_id FROM shipments WHERE status = 'PENDING' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	for _, p := range pending {
		if _, err := sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: p.ID}); err == nil {
			sh = p
			break
		}
	}
	if sh.ID == 0 {
		t.Fatalf("none of %d pending shipments ships", len(pending))
	}
	// 15 to 20 letters and digits are an old tax registration number; 14 are nothing.
	_, err := sales.UpdateCustomer(ctx, jxc.CustomerUpdate{ID: sh.CustomerID, TaxID: jxc.Ptr("91350100M00010")})
	if es, _ := jxc.AsErrors(err); len(es) != 1 || es[0].Field != "input.taxId" {
		t.Fatalf("a 14-character tax ID: %v", err)
	}
	c, err := sales.UpdateCustomer(ctx, jxc.CustomerUpdate{ID: sh.CustomerID, TaxID: jxc.Ptr("91350100m000100y43")})
	if err != nil || c.TaxID == nil || *c.TaxID != "91350100M000100Y43" {
		t.Fatalf("customer %+v %v", c, err)
	}
	_, err = sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, VatInvoice: &jxc.VatInvoiceInfo{InvoiceNumber: jxc.Ptr("12345")}})
	if es, _ := jxc.AsErrors(err); len(es) != 2 || es[0].Field != "input.vatInvoice.invoiceNumber" || es[1].Field != "input.vatInvoice.kind" {
		t.Fatalf("a 5-digit number: %v", err)
	}
	inv, err := sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if v := inv.VatInvoiceInfo; v.BuyerTaxID == nil || *v.BuyerTaxID != "91350100M000100Y43" || v.InvoiceNumber != nil || v.Deductible() {
		t.Errorf("invoice %s: Golden Tax fields %+v", inv.Number, v)
	}
}

// TestSupplierInvoicePostedAsSpecialInvoiceIsDeductible receives goods and
// posts their supplier invoice with its Golden Tax fields: they are kept,
// wrong ones are refused under input.vatInvoice, and the month's report
// deducts its VAT (not transferred out on line 14).
func TestSupplierInvoicePostedAsSpecialInvoiceIsDeductible(t *testing.T) {
	d := newDemo(t)
	ctx := signedIn(t, d, "vat-admin", jxc.RoleAdmin)
	pur := db.NewPurchasingService(d)
	var line struct {
		OrderID int64           `db:"purchase_order_id"`
		ID      int64           `db:"id"`
		Price   decimal.Decimal `db:"unit_price"`
	}
	if err := d.GetContext(ctx, &line, `SELECT l.purchase_order_id, l.id, l.unit_price FROM purchase_order_lines l
		JOIN purchase_orders o ON o.id = l.purchase_order_id
		WHERE l.quantity - l.received_qty >= 2 AND o.status IN ('APPROVED', 'PARTIALLY_RECEIVED') ORDER BY l.id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := pur.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: line.OrderID, Lines: []jxc.GoodsReceiptLineInput{
		{PurchaseOrderLineID: &line.ID, AcceptedQty: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	in := jxc.SupplierInvoiceInput{PurchaseOrderID: line.OrderID, SupplierInvoiceNo: "VAT-E2E-1", Lines: []jxc.SupplierInvoiceLineInput{
		{PurchaseOrderLineID: line.ID, Quantity: dec("2"), UnitPrice: line.Price}},
		VatInvoice: &jxc.VatInvoiceInfo{InvoiceCode: jxc.Ptr("3100201130"), InvoiceNumber: jxc.Ptr("01234567"), Kind: jxc.Ptr(jxc.VatSpecial),
			BuyerTaxID: jxc.Ptr("91350100M000100Y42")}}
	_, err := pur.PostSupplierInvoice(ctx, in)
	if es, _ := jxc.AsErrors(err); len(es) != 1 || es[0].Field != "input.vatInvoice.buyerTaxId" {
		t.Fatalf("a wrong check character: %v", err)
	}
	in.VatInvoice.BuyerTaxID = jxc.Ptr("91350100M000100Y43")
	inv, err := pur.PostSupplierInvoice(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if v := inv.VatInvoiceInfo; !v.Deductible() || *v.InvoiceNumber != "01234567" || *v.BuyerTaxID != "91350100M000100Y43" {
		t.Fatalf("stored %+v", v)
	}
	date := inv.InvoiceDate
	r, err := db.NewVatService(d).VatReport(ctx, date.Year, int(date.Month), int(date.Month))
	if err != nil {
		t.Fatal(err)
	}
	var posted, notSpecial decimal.Decimal
	if err := d.QueryRowxContext(ctx, `SELECT coalesce(sum(tax_amount), 0), coalesce(sum(tax_amount) FILTER (WHERE vat_invoice_kind IS NULL), 0)
		FROM supplier_invoices WHERE date_trunc('month', invoice_date) = date_trunc('month', $1::date)`, date).Scan(&posted, &notSpecial); err != nil {
		t.Fatal(err)
	}
	// The month's debit notes (the demo returns goods to suppliers) take
	// their VAT back: from line 12, and from line 14 where the goods came
	// on invoices that were not special.
	var returned, returnedNotSpecial decimal.Decimal
	if err := d.QueryRowxContext(ctx, `SELECT coalesce(sum(rl.vat_amount), 0),
			coalesce(sum(rl.vat_amount) FILTER (WHERE EXISTS (SELECT FROM supplier_invoice_lines il JOIN supplier_invoices si ON si.id = il.invoice_id
				WHERE il.po_line_id = rl.po_line_id AND si.vat_invoice_kind IS NULL)), 0)
		FROM supplier_return_lines rl JOIN supplier_returns r ON r.id = rl.return_id
		WHERE r.status = 'POSTED' AND date_trunc('month', r.posting_date) = date_trunc('month', $1::date)`, date).Scan(&returned, &returnedNotSpecial); err != nil {
		t.Fatal(err)
	}
	posted, notSpecial = posted.Sub(returned), notSpecial.Sub(returnedNotSpecial)
	ret := r.Months[0].Return
	if inv.TaxAmount.IsZero() || !ret.Line12.Equal(posted) || !ret.Line14.Equal(notSpecial) || !ret.Line12.Sub(ret.Line14).GreaterThanOrEqual(inv.TaxAmount) {
		t.Errorf("invoice VAT %s: line 12 %s (posted %s), line 14 %s (not special %s)", inv.TaxAmount, ret.Line12, posted, ret.Line14, notSpecial)
	}
	if !r.Months[0].Reconciled() {
		t.Errorf("not reconciled: %+v", r.Months[0])
	}
}
