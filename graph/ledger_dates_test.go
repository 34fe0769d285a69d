package graph_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
)

// Dates outside the posting window come back as userErrors naming the date
// field (0001-01-01 and 9999-12-31 were accepted or INTERNAL before), a
// date the server could not write back is refused at parse, and periods
// close in order and lock what is behind them, over HTTP.
func TestPostingDatesAndPeriodsThroughGraphQL(t *testing.T) {
	e := newEnv(t)
	wh, fin := e.callers[jxc.RoleWarehouse], e.callers[jxc.RoleFinance]
	var p struct {
		CreateProduct struct{ Product struct{ ID string } }
	}
	r := wh.do(createProduct, map[string]any{"in": map[string]any{"sku": "D-1", "name": "日期", "unit": "个"}})
	_ = json.Unmarshal(r.Data["createProduct"], &p.CreateProduct)
	var w struct{ Warehouse struct{ ID string } }
	r = wh.do(`mutation { createWarehouse(input: {code: "D1", name: "日期仓"}) { warehouse { id } userErrors { code } } }`, nil)
	_ = json.Unmarshal(r.Data["createWarehouse"], &w)

	const opening = `mutation($in: OpeningStockInput!) { postOpeningStock(input: $in) { document { id } userErrors { code field message } } }`
	openingOn := func(d string) map[string]any {
		return map[string]any{"in": map[string]any{"postingDate": d, "lines": []any{
			map[string]any{"productId": p.CreateProduct.Product.ID, "warehouseId": w.Warehouse.ID, "quantity": "1", "unitCost": "1"}}}}
	}
	const entry = `mutation($in: JournalEntryInput!) { postJournalEntry(input: $in) { entry { id } userErrors { code field message } } }`
	entryOn := func(d string) map[string]any {
		return map[string]any{"in": map[string]any{"postingDate": d, "description": "rent", "lines": []any{
			map[string]any{"accountCode": "6602", "debit": "100"}, map[string]any{"accountCode": "1002", "credit": "100"}}}}
	}
	twoYears := jxc.Today(time.Now()).AddDays(730).String()
	for _, d := range []string{"0001-01-01", "9999-12-31", "1999-12-31", twoYears} {
		if ues := fin.userErrors(opening, openingOn(d), "postOpeningStock"); !hasError(ues, "DATE_OUT_OF_RANGE", "input.postingDate") {
			t.Errorf("opening stock on %s: %+v", d, ues)
		}
		if ues := fin.userErrors(entry, entryOn(d), "postJournalEntry"); !hasError(ues, "DATE_OUT_OF_RANGE", "input.postingDate") {
			t.Errorf("entry on %s: %+v", d, ues)
		}
	}
	// Years the server cannot write as YYYY-MM-DD never get in.
	for _, d := range []string{"0000-01-01", "10000-01-01", "+2026-01-01"} {
		if r := fin.do(entry, entryOn(d)); len(r.Errors) == 0 || fin.code(r) == jxc.EINTERNAL {
			t.Errorf("entry on %s: %+v", d, r.Errors)
		}
	}
	if n := e.count(t, "journal_entries"); n != 0 {
		t.Fatalf("refused postings wrote %d entries", n)
	}

	for _, d := range []string{"2026-01-10", "2026-02-10"} {
		if ues := fin.userErrors(entry, entryOn(d), "postJournalEntry"); len(ues) > 0 {
			t.Fatal(ues)
		}
	}
	const closeP = `mutation($in: FiscalPeriodInput!) { closeFiscalPeriod(input: $in) { period { month status } changed { month } lockDate userErrors { code field message } } }`
	const reopenP = `mutation($in: FiscalPeriodInput!) { reopenFiscalPeriod(input: $in) { period { month status reopenReason } changed { month } lockDate userErrors { code field message } } }`
	if ues := fin.userErrors(closeP, map[string]any{"in": map[string]any{"year": 2026, "month": 2}}, "closeFiscalPeriod"); !hasError(ues, "CONFLICT", "input.closeEarlier") {
		t.Fatalf("closing February before January: %+v", ues)
	}
	r = fin.do(closeP, map[string]any{"in": map[string]any{"year": 2026, "month": 2, "closeEarlier": true}})
	var closed struct {
		Changed  []struct{ Month int }
		LockDate *string
	}
	if err := json.Unmarshal(r.Data["closeFiscalPeriod"], &closed); err != nil || len(closed.Changed) != 2 || closed.LockDate == nil || *closed.LockDate != "2026-02-28" {
		t.Fatalf("close with earlier months: %s %v", r.Data["closeFiscalPeriod"], r.Errors)
	}
	if ues := fin.userErrors(entry, entryOn("2026-01-20"), "postJournalEntry"); !hasError(ues, "PERIOD_CLOSED", "input.postingDate") {
		t.Errorf("posting behind the lock date: %+v", ues)
	}
	r = wh.do(`{ postingWindow { lockDate earliestDate horizon horizonMonths firstYear lastYear } }`, nil)
	var win struct {
		PostingWindow struct {
			LockDate, EarliestDate string
			FirstYear, LastYear    int
		}
	}
	if err := json.Unmarshal(mustJSON(t, r.Data), &win); err != nil || win.PostingWindow.LockDate != "2026-02-28" || win.PostingWindow.EarliestDate != "2026-03-01" ||
		win.PostingWindow.FirstYear != 2000 || win.PostingWindow.LastYear != 2099 {
		t.Fatalf("posting window: %s %v", mustJSON(t, r.Data), r.Errors)
	}
	if ues := fin.userErrors(reopenP, map[string]any{"in": map[string]any{"year": 2026, "month": 1}}, "reopenFiscalPeriod"); !hasError(ues, "INVALID", "input.reason") {
		t.Fatalf("reopening without a reason: %+v", ues)
	}
	r = fin.do(reopenP, map[string]any{"in": map[string]any{"year": 2026, "month": 1, "reason": "January bank charges"}})
	var reopened struct {
		Period   struct{ ReopenReason string }
		Changed  []struct{ Month int }
		LockDate *string
	}
	if err := json.Unmarshal(r.Data["reopenFiscalPeriod"], &reopened); err != nil || len(reopened.Changed) != 2 || reopened.LockDate != nil ||
		reopened.Period.ReopenReason != "January bank charges" {
		t.Fatalf("reopen: %s %v", r.Data["reopenFiscalPeriod"], r.Errors)
	}
	if r := wh.do(`mutation { reopenFiscalPeriod(input: {year: 2026, month: 1, reason: "x"}) { userErrors { code } } }`, nil); wh.code(r) != jxc.EFORBIDDEN {
		t.Errorf("warehouse reopening a period: %+v", r.Errors)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
