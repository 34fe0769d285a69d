package db_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// books is a test company: services and a little master data.
type books struct {
	d          *db.DB
	catalog    *db.CatalogService
	stock      *db.StockService
	ledger     *db.LedgerService
	products   []*jxc.Product
	warehouses []*jxc.Warehouse
}

func newBooks(t testing.TB, nProducts, nWarehouses int) *books {
	t.Helper()
	ctx := context.Background()
	d := dbtest.New(t)
	b := &books{d: d, catalog: db.NewCatalogService(d), stock: db.NewStockService(d), ledger: db.NewLedgerService(d)}
	cat, err := b.catalog.CreateCategory(ctx, jxc.CategoryInput{Code: "APPL", Name: "家电", NameEn: jxc.Ptr("Appliances")})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < nProducts; i++ {
		p, err := b.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: fmt.Sprintf("P-%03d", i), Name: fmt.Sprintf("产品 %d", i), Unit: "台",
			CategoryID: &cat.ID, Barcodes: []string{fmt.Sprintf("69%011d", i)}})
		if err != nil {
			t.Fatal(err)
		}
		b.products = append(b.products, p)
	}
	for i := 0; i < nWarehouses; i++ {
		w, err := b.catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: fmt.Sprintf("W%d", i), Name: fmt.Sprintf("仓库 %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		b.warehouses = append(b.warehouses, w)
	}
	return b
}

func (b *books) pid(i int) int64 { return b.products[i].ID }
func (b *books) wid(i int) int64 { return b.warehouses[i].ID }

func (b *books) mustCheck(t testing.TB) *jxc.BooksCheck {
	t.Helper()
	c := checkBooks(t, b.ledger)
	if !c.InventoryDifference().IsZero() {
		t.Errorf("inventory difference %s", c.InventoryDifference())
	}
	return c
}

var (
	jan = jxc.Date{Year: 2026, Month: 1, Day: 15}
	feb = jxc.Date{Year: 2026, Month: 2, Day: 10}
	mar = jxc.Date{Year: 2026, Month: 3, Day: 5}
)

func TestStockLedgerAndBooksReconcile(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 2, 2)
	doc, err := b.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: jan, Description: "opening", Lines: []jxc.OpeningStockLine{
		{ProductID: b.pid(0), WarehouseID: b.wid(0), Quantity: dec("3"), UnitCost: dec("10")},
		{ProductID: b.pid(1), WarehouseID: b.wid(1), Quantity: dec("2.5"), UnitCost: dec("4.001")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if doc.JournalEntryID == nil || len(doc.Lines) != 2 || !doc.Lines[1].Value.Equal(dec("10.00")) || doc.Lines[0].Product.SKU != "P-000" {
		t.Fatalf("opening document: %+v", doc)
	}
	for _, a := range []jxc.StockAdjustment{
		{Date: feb, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{{ProductID: b.pid(0), WarehouseID: b.wid(0), Direction: jxc.Increase, Quantity: dec("2"), UnitCost: decp("10.333333")}}},
		{Date: feb, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{{ProductID: b.pid(0), WarehouseID: b.wid(0), Direction: jxc.Decrease, Quantity: dec("1")}}},
		{Date: mar, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{{ProductID: b.pid(0), WarehouseID: b.wid(0), Direction: jxc.Decrease, Quantity: dec("4")}}},
	} {
		if _, err := b.stock.PostStockAdjustment(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// 30.00 + 20.67 = 50.67 for 5; scrap 1 takes 10.13; the last 4 take 40.54.
	levels, err := b.stock.FindStockLevels(ctx, jxc.StockLevelFilter{ProductID: jxc.Ptr(b.pid(0))}, nil, jxc.PageArgs{})
	if err != nil || levels.TotalCount != 1 {
		t.Fatalf("levels %+v %v", levels, err)
	}
	if l := levels.Items[0]; !l.OnHand.IsZero() || !l.Value.IsZero() || l.Warehouse.Code != "W0" {
		t.Fatalf("emptied stock: %+v", l)
	}
	moves, err := b.stock.FindStockMoves(ctx, jxc.StockMoveFilter{ProductID: jxc.Ptr(b.pid(0))}, &jxc.StockMoveOrder{Direction: jxc.Asc}, jxc.PageArgs{})
	if err != nil {
		t.Fatal(err)
	}
	var vals []string
	for _, m := range moves.Items {
		vals = append(vals, m.Value.StringFixed(2))
	}
	if fmt.Sprint(vals) != "[30.00 20.67 -10.13 -40.54]" {
		t.Fatalf("move values %v", vals)
	}
	c := b.mustCheck(t)
	if !c.StockValue.Equal(dec("10.00")) {
		t.Fatalf("stock value %s", c.StockValue)
	}
	tb, err := b.ledger.TrialBalance(ctx, mar)
	if err != nil {
		t.Fatal(err)
	}
	if !tb.TotalDebit.Equal(tb.TotalCredit) {
		t.Fatalf("trial balance %s / %s", tb.TotalDebit, tb.TotalCredit)
	}
	// As of February only the opening stock, the count gain and the scrap count.
	accts, err := b.ledger.FindAccounts(ctx, jxc.AccountFilter{}, feb)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"1405": "50.54", "1901": "-20.67", "3104": "40.00", "6711": "10.13"}
	for _, a := range accts {
		if w, ok := want[a.Code]; ok && a.Balance().StringFixed(2) != w {
			t.Errorf("%s balance on %s: %s, want %s", a.Code, feb, a.Balance(), w)
		}
	}
	bs, err := b.ledger.BalanceSheet(ctx, mar)
	if err != nil {
		t.Fatal(err)
	}
	if !bs.TotalAssets.Equal(bs.TotalLiabilities.Add(bs.TotalEquity)) {
		t.Fatalf("balance sheet does not balance: %s vs %s + %s", bs.TotalAssets, bs.TotalLiabilities, bs.TotalEquity)
	}
	pl, err := b.ledger.ProfitAndLoss(ctx, feb, mar)
	if err != nil || !pl.NetIncome.Equal(dec("-10.13")) {
		t.Fatalf("P&L %+v %v", pl, err)
	}
}

// snapshot is everything a refused posting must leave as it was.
func snapshot(t testing.TB, d *db.DB) string {
	t.Helper()
	var s string
	err := d.GetContext(context.Background(), &s, `SELECT concat_ws(' | ',
		(SELECT count(*) FROM stock_moves), (SELECT count(*) || '/' || coalesce(sum(on_hand), 0) || '/' || coalesce(sum(value), 0) || '/' || coalesce(sum(reserved), 0) FROM stock_balances),
		(SELECT count(*) FROM journal_entries), (SELECT count(*) FROM journal_lines),
		(SELECT count(*) || '/' || coalesce(sum(debit), 0) || '/' || coalesce(sum(credit), 0) FROM account_daily),
		(SELECT count(*) || '/' || coalesce(sum(qty_change), 0) || '/' || coalesce(sum(value_change), 0) FROM stock_daily),
		(SELECT count(*) FROM stock_documents), (SELECT count(*) FROM stock_document_lines),
		(SELECT string_agg(product_id || ':' || coalesce(last_move_date::text, '-'), ',' ORDER BY product_id) FROM product_stock),
		(SELECT string_agg(year || '-' || month || status, ',' ORDER BY year, month) FROM fiscal_periods),
		(SELECT count(*) FROM products), (SELECT count(*) FROM product_barcodes), (SELECT count(*) FROM accounts),
		(SELECT string_agg(month || ':' || last_no, ',' ORDER BY month) FROM voucher_counters),
		(SELECT string_agg(kind || ':' || last_no, ',' ORDER BY kind) FROM document_counters),
		(SELECT count(*) || '/' || coalesce(sum(remaining_qty), 0) FROM receipt_layers))`)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type wantErr struct{ code, field string }

func expectRefused(t *testing.T, d *db.DB, name string, err error, want ...wantErr) {
	t.Helper()
	es, ok := jxc.AsErrors(err)
	if !ok {
		t.Errorf("%s: want domain errors %v, got %v", name, want, err)
		return
	}
	got := map[wantErr]bool{}
	for _, e := range es {
		got[wantErr{e.Code, e.Field}] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("%s: no %s error on %s in %v", name, w.code, w.field, es)
		}
	}
}

func TestRefusedInputWritesNothing(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 2, 1)
	if _, err := b.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: feb, Lines: []jxc.OpeningStockLine{
		{ProductID: b.pid(0), WarehouseID: b.wid(0), Quantity: dec("5"), UnitCost: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ledger.CloseFiscalPeriod(ctx, 2026, 1, false); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, b.d)
	cases := []struct {
		name string
		do   func() error
		want []wantErr
	}{
		{"unknown product and warehouse, bad quantity and cost", func() error {
			_, err := b.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: feb, Lines: []jxc.OpeningStockLine{
				{ProductID: 999, WarehouseID: 998, Quantity: dec("1"), UnitCost: dec("1")},
				{ProductID: b.pid(1), WarehouseID: b.wid(0), Quantity: dec("0"), UnitCost: dec("1.1234567")},
				{ProductID: b.pid(1), WarehouseID: b.wid(0), Quantity: dec("1.23456"), UnitCost: dec("1")}}})
			return err
		}, []wantErr{{jxc.ENOTFOUND, "input.lines.0.productId"}, {jxc.ENOTFOUND, "input.lines.0.warehouseId"},
			{jxc.EINVALID, "input.lines.1.quantity"}, {jxc.EINVALID, "input.lines.1.unitCost"}, {jxc.EINVALID, "input.lines.2.quantity"}}},
		{"issuing more than available", func() error {
			_, err := b.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: feb, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
				{ProductID: b.pid(0), WarehouseID: b.wid(0), Direction: jxc.Decrease, Quantity: dec("2")},
				{ProductID: b.pid(0), WarehouseID: b.wid(0), Direction: jxc.Decrease, Quantity: dec("3.0001")}}})
			return err
		}, []wantErr{{jxc.ECONFLICT, "input.lines.1.quantity"}}},
		{"posting into a closed period", func() error {
			_, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: jan, Description: "late", Lines: []jxc.ManualLine{
				{AccountCode: "6602", Debit: dec("1")}, {AccountCode: "1002", Credit: dec("1")}}})
			return err
		}, []wantErr{{jxc.EPERIODCLOSED, "input.postingDate"}}},
		{"stock posting dated before the product's latest move", func() error {
			_, err := b.stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: feb.AddDays(-1), Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
				{ProductID: b.pid(0), WarehouseID: b.wid(0), Direction: jxc.Decrease, Quantity: dec("1")}}})
			return err
		}, []wantErr{{jxc.ECONFLICT, "input.postingDate"}}},
		{"unbalanced manual entry, money with 3 decimals", func() error {
			_, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: feb, Description: "x", Lines: []jxc.ManualLine{
				{AccountCode: "6602", Debit: dec("100")}, {AccountCode: "1002", Credit: dec("99.999")}}})
			return err
		}, []wantErr{{jxc.EINVALID, "input.lines"}, {jxc.EINVALID, "input.lines.1.credit"}}},
		{"manual entry on inventory, a control account", func() error {
			_, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: feb, Description: "x", Lines: []jxc.ManualLine{
				{AccountCode: "1405", Debit: dec("100")}, {AccountCode: "1002", Credit: dec("100")}}})
			return err
		}, []wantErr{{jxc.EINVALID, "input.lines.0.accountCode"}}},
		{"duplicate SKU and barcode", func() error {
			_, err := b.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "P-000", Name: "dup", Unit: "个", Barcodes: []string{"12345678", b.products[1].Barcodes[0]}})
			return err
		}, []wantErr{{jxc.ECONFLICT, "input.sku"}, {jxc.ECONFLICT, "input.barcodes.1"}}},
		{"reversing a stock entry", func() error {
			_, err := b.ledger.ReverseJournalEntry(ctx, 1, feb, "")
			return err
		}, []wantErr{{jxc.ECONFLICT, "input.id"}}},
	}
	for _, c := range cases {
		expectRefused(t, b.d, c.name, c.do(), c.want...)
		if after := snapshot(t, b.d); after != before {
			t.Errorf("%s left something behind:\nbefore %s\nafter  %s", c.name, before, after)
		}
	}
	b.mustCheck(t)
}

func TestPostedRowsNeverChange(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 1, 1)
	if _, err := b.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: feb, Lines: []jxc.OpeningStockLine{
		{ProductID: b.pid(0), WarehouseID: b.wid(0), Quantity: dec("5"), UnitCost: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`UPDATE journal_lines SET debit = debit + 1`,
		`DELETE FROM journal_lines`,
		`UPDATE journal_entries SET description = 'x'`,
		`DELETE FROM journal_entries`,
		`UPDATE stock_moves SET quantity = 1`,
		`DELETE FROM stock_moves`,
		`TRUNCATE journal_lines CASCADE`,
	} {
		if _, err := b.d.ExecContext(ctx, stmt); err == nil {
			t.Errorf("%s: allowed", stmt)
		}
	}
	// An unbalanced entry cannot be committed even by hand.
	_, err := b.d.ExecContext(ctx, `WITH e AS (INSERT INTO journal_entries (posting_date, source_type) VALUES ('2026-02-10', 'MANUAL_ENTRY') RETURNING id)
		INSERT INTO journal_lines (entry_id, line_no, account_code, debit, posting_date) SELECT id, 1, '1002', 5, '2026-02-10' FROM e`)
	if err == nil {
		t.Error("an unbalanced entry was committed")
	}
	// Stock can never go negative, nor reserved above on hand.
	if _, err := b.d.ExecContext(ctx, `UPDATE stock_balances SET reserved = on_hand + 1`); err == nil {
		t.Error("reserved above on hand was allowed")
	}
	if _, err := b.d.ExecContext(ctx, `UPDATE stock_balances SET on_hand = -1, value = 0`); err == nil {
		t.Error("negative stock was allowed")
	}
}

func TestBooksCheckFindsTampering(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 1, 1)
	if _, err := b.stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: feb, Lines: []jxc.OpeningStockLine{
		{ProductID: b.pid(0), WarehouseID: b.wid(0), Quantity: dec("5"), UnitCost: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: feb, Description: "rent", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: dec("100")}, {AccountCode: "1002", Credit: dec("100")}}}); err != nil {
		t.Fatal(err)
	}
	b.mustCheck(t)
	// Bypass the triggers, as only a superuser could, and break each invariant.
	conn, err := b.d.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, stmt := range []string{
		`SET session_replication_role = replica`,
		`UPDATE stock_balances SET on_hand = on_hand + 1`,
		`UPDATE account_daily SET debit = debit + 1 WHERE account_code = '6602'`,
		`UPDATE journal_lines SET credit = credit + 1 WHERE account_code = '1002'`,
		`UPDATE stock_daily SET value_change = value_change + 1`,
		`INSERT INTO fiscal_periods (year, month, status, closed_at) VALUES (2026, 2, 'CLOSED', now() - interval '1 hour')
			ON CONFLICT (year, month) DO UPDATE SET status = 'CLOSED', closed_at = now() - interval '1 hour'`,
		`UPDATE journal_lines SET debit = debit + 3 WHERE account_code = '1405'`,
		`UPDATE voucher_counters SET last_no = last_no + 1`,
	} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	c, err := b.ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := map[jxc.BooksRule]bool{}
	for _, v := range c.Violations {
		found[v.Rule] = len(v.Rows) > 0
	}
	for _, r := range []jxc.BooksRule{jxc.RuleStockBalanceMismatch, jxc.RuleAccountDailyMismatch, jxc.RuleEntryUnbalanced,
		jxc.RuleStockDailyMismatch, jxc.RulePostedInClosedPeriod, jxc.RuleInventoryAccount, jxc.RuleInventoryEntryMismatch,
		jxc.RuleVoucherNumbers} {
		if !found[r] {
			t.Errorf("tampering not found: %s (found %v)", r, found)
		}
	}
}

func TestReversalAndPeriods(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 0, 0)
	e, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: feb, Description: "capital", Lines: []jxc.ManualLine{
		{AccountCode: "1002", Debit: dec("1000")}, {AccountCode: "3001", Credit: dec("1000"), Partner: jxc.Ptr("股东 A")}}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := b.ledger.ReverseJournalEntry(ctx, e.ID, mar, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.ReversesID == nil || *r.ReversesID != e.ID || !r.Lines[0].Credit.Equal(dec("1000")) || *r.Lines[1].Partner != "股东 A" {
		t.Fatalf("reversal %+v", r)
	}
	_, err = b.ledger.ReverseJournalEntry(ctx, e.ID, mar, "")
	expectRefused(t, b.d, "second reversal", err, wantErr{jxc.ECONFLICT, "input.id"})
	for _, asOf := range []struct {
		d    jxc.Date
		want string
	}{{feb, "1000"}, {mar, "0"}} {
		accts, _ := b.ledger.FindAccounts(ctx, jxc.AccountFilter{Type: jxc.Ptr(jxc.AccountAsset)}, asOf.d)
		for _, a := range accts {
			if a.Code == "1002" && !a.Balance().Equal(dec(asOf.want)) {
				t.Errorf("bank on %s: %s, want %s", asOf.d, a.Balance(), asOf.want)
			}
		}
	}
	if _, err := b.ledger.CloseFiscalPeriod(ctx, 2026, 3, true); err != nil {
		t.Fatal(err)
	}
	_, err = b.ledger.CloseFiscalPeriod(ctx, 2026, 3, false)
	expectRefused(t, b.d, "closing twice", err, wantErr{jxc.ECONFLICT, "input.month"})
	_, err = b.ledger.ReverseJournalEntry(ctx, r.ID, mar, "")
	expectRefused(t, b.d, "reversal into a closed period", err, wantErr{jxc.EPERIODCLOSED, "input.postingDate"})
	if _, err := b.ledger.ReopenFiscalPeriod(ctx, 2026, 3, "correction"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ledger.ReverseJournalEntry(ctx, r.ID, mar, "re-post"); err != nil {
		t.Fatal(err)
	}
	ps, err := b.ledger.FindFiscalPeriods(ctx, 2026)
	if err != nil || len(ps) != 12 || ps[2].Status != jxc.PeriodOpen {
		t.Fatalf("periods %v %v", ps, err)
	}
	page, err := b.ledger.FindJournalEntries(ctx, jxc.JournalEntryFilter{AccountCode: jxc.Ptr("3001"), Year: jxc.Ptr(2026), Month: jxc.Ptr(3)}, nil, jxc.PageArgs{First: jxc.Ptr(1)})
	if err != nil || page.TotalCount != 2 || len(page.Items) != 1 || !page.HasNextPage() {
		t.Fatalf("entries page %+v %v", page, err)
	}
	b.mustCheck(t)
}
