package db_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestStockKeepsValueWhileOnHand: 10000 @ 0.0001, then an issue of
// 9999.9999, leaves 0.0001 on hand at 0.01, not at 0 (issue 15, item 9),
// and booksCheck holds the rule both ways.
func TestStockKeepsValueWhileOnHand(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	catalog, stock, ledger := db.NewCatalogService(d), db.NewStockService(d), db.NewLedgerService(d)
	p, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "V-1", Name: "螺丝", Unit: "pcs"})
	if err != nil {
		t.Fatal(err)
	}
	w, err := catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "W1", Name: "仓"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: date(t, "2025-01-01"), Lines: []jxc.OpeningStockLine{
		{ProductID: p.ID, WarehouseID: w.ID, Quantity: dec("10000"), UnitCost: dec("0.0001")}}}); err != nil {
		t.Fatal(err)
	}
	doc, err := stock.PostStockAdjustment(ctx, jxc.StockAdjustment{Date: date(t, "2025-01-02"), Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
		{ProductID: p.ID, WarehouseID: w.ID, Direction: jxc.Decrease, Quantity: dec("9999.9999")}}})
	if err != nil {
		t.Fatal(err)
	}
	if v := doc.Lines[0].Value; !v.Equal(dec("-0.99")) {
		t.Errorf("the scrap took %s, want -0.99", v)
	}
	levels, err := stock.FindStockLevels(ctx, jxc.StockLevelFilter{ProductID: &p.ID}, nil, jxc.PageArgs{})
	if err != nil {
		t.Fatal(err)
	}
	if len(levels.Items) != 1 || !levels.Items[0].OnHand.Equal(dec("0.0001")) || !levels.Items[0].Value.Equal(dec("0.01")) {
		t.Fatalf("stock levels %+v, want 0.0001 on hand at 0.01", levels.Items)
	}
	checkBooks(t, ledger)
	// The rule catches the state the old rounding left: value 0 with stock.
	if _, err := d.ExecContext(ctx, `UPDATE stock_balances SET value = 0 WHERE product_id = $1`, p.ID); err != nil {
		t.Fatal(err)
	}
	c, err := ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range c.Violations {
		found = found || v.Rule == jxc.RuleStockWithoutValue
	}
	if !found {
		t.Errorf("booksCheck did not report stock without value: %+v", c.Violations)
	}
}

// TestOperatingCostIsUndoneThroughItself: the entry of an operating cost
// paid from the bank is not reversed alone (the cost and its budget actual
// would still count it); cancelOperatingCost reverses the entry and the
// budget actual in one transaction, and booksCheck holds documents and
// entries together (issue 15, item 7).
func TestOperatingCostIsUndoneThroughItself(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	budget, ledger := db.NewBudgetService(d), db.NewLedgerService(d)
	day := date(t, "2026-03-10")
	line, err := budget.CreateBudgetLine(ctx, jxc.BudgetLineInput{Year: 2026, Month: 3, CostCentre: "ADMIN", AccountCode: "6602",
		Amount: dec("5000"), Policy: jxc.BudgetWarn})
	if err != nil {
		t.Fatal(err)
	}
	cost, err := budget.PostOperatingCost(ctx, jxc.OperatingCostInput{Category: jxc.CostRent, PostingDate: day, CostCentre: "ADMIN",
		AccountCode: "6602", Amount: dec("1200"), PayFrom: jxc.PayFromBank, Description: "office rent"})
	if err != nil {
		t.Fatal(err)
	}
	actual := func() string {
		t.Helper()
		l, err := budget.FindBudgetLineByID(ctx, line.ID)
		if err != nil {
			t.Fatal(err)
		}
		return l.Actual.String()
	}
	if a := actual(); a != "1200" {
		t.Fatalf("budget actual %s after the cost, want 1200", a)
	}
	// The bare reversal is refused, naming the cost by number and the way.
	_, err = ledger.ReverseJournalEntry(ctx, *cost.JournalEntryID, day, "")
	if es, ok := jxc.AsErrors(err); !ok || es[0].Code != jxc.ECONFLICT || es[0].Field != "input.id" ||
		!strings.Contains(es[0].Message, cost.Number) || !strings.Contains(es[0].Message, "cancelOperatingCost") {
		t.Fatalf("reversing the cost's entry: want CONFLICT on input.id naming %s and cancelOperatingCost, got %v", cost.Number, err)
	}
	// A manual entry still reverses.
	manual, err := ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: day, Description: "accrual", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: dec("10"), CostCentre: jxc.Ptr("ADMIN")}, {AccountCode: "1002", Credit: dec("10")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.ReverseJournalEntry(ctx, manual.ID, day, ""); err != nil {
		t.Fatalf("reversing a manual entry: %v", err)
	}

	if _, err := budget.CancelOperatingCost(ctx, jxc.CancelOperatingCostInput{ID: cost.ID, PostingDate: &day, Reason: ""}); errCode(err) != jxc.EINVALID {
		t.Fatalf("a cancellation without a reason: want INVALID, got %v", err)
	}
	c, err := budget.CancelOperatingCost(ctx, jxc.CancelOperatingCostInput{ID: cost.ID, PostingDate: &day, Reason: "booked twice"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != jxc.OperatingCostCancelled || c.CancellationEntryID == nil || c.CancelledOn == nil || *c.CancelledOn != day {
		t.Fatalf("cancelled cost %+v", c)
	}
	if a := actual(); a != "0" {
		t.Fatalf("budget actual %s after the cancellation, want 0", a)
	}
	orig, err := ledger.FindJournalEntryByID(ctx, *cost.JournalEntryID)
	if err != nil {
		t.Fatal(err)
	}
	if orig.ReversedByID == nil || *orig.ReversedByID != *c.CancellationEntryID {
		t.Fatalf("the cost's entry is reversed by %v, want the cancellation %d", orig.ReversedByID, *c.CancellationEntryID)
	}
	var bank string
	if err := d.GetContext(ctx, &bank, `SELECT coalesce(sum(debit - credit), 0)::text FROM journal_lines WHERE account_code = '1002'`); err != nil {
		t.Fatal(err)
	}
	if bank != "0.00" {
		t.Fatalf("bank %s after a cost, its cancellation and a reversed entry", bank)
	}
	checkBooks(t, ledger)
	// Neither the cancellation nor a second one goes through the ledger alone.
	if _, err := ledger.ReverseJournalEntry(ctx, *c.CancellationEntryID, day, ""); errCode(err) != jxc.ECONFLICT {
		t.Fatalf("reversing the cancellation: want CONFLICT, got %v", err)
	}
	if _, err := budget.CancelOperatingCost(ctx, jxc.CancelOperatingCostInput{ID: cost.ID, Reason: "again"}); errCode(err) != jxc.ECONFLICT {
		t.Fatalf("a second cancellation: want CONFLICT, got %v", err)
	}
	// booksCheck catches a cost that counts while its entry is reversed.
	if _, err := d.ExecContext(ctx, `UPDATE operating_costs SET status = 'POSTED', cancelled_on = NULL, cancellation_entry_id = NULL WHERE id = $1`, cost.ID); err != nil {
		t.Fatal(err)
	}
	check, err := ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var rows []jxc.BooksRow
	for _, v := range check.Violations {
		if v.Rule == jxc.RuleDocumentEntryMismatch {
			rows = v.Rows
		}
	}
	if len(rows) != 2 {
		t.Fatalf("booksCheck: want the reversed entry and the cost that still counts, got %+v", rows)
	}
}

// errCode is the code of the first error of err, one error or several.
func errCode(err error) string {
	if es, ok := jxc.AsErrors(err); ok && len(es) > 0 {
		return es[0].Code
	}
	return jxc.ErrorCode(err)
}
