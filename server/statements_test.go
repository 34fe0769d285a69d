package main

import (
	"strings"
	"testing"
	"time"
)

// TestStatutoryStatementsOverHTTP reads 资产负债表 and 利润表 through the
// graph as finance (labels in both languages, the drill-down accounts, the
// balance), and changes a line's mapping: an unknown prefix is a userError
// naming the field, a period out of range a top-level INVALID, the old
// account lists still answer.
func TestStatutoryStatementsOverHTTP(t *testing.T) {
	app := newTestApp(t)
	fin := app.client(t).mustLogin("finance")
	now := time.Now().In(time.FixedZone("CST", 8*3600))
	vars := map[string]any{"y": now.Year(), "m": int(now.Month())}
	var bs struct {
		StatutoryBalanceSheet struct {
			Balanced bool
			Lines    []struct {
				LineNo         *int
				Label, LabelEn string
				Kind           string
				Closing        string
				Accounts       []struct {
					Account struct{ Code string }
					Amount  string
				}
			}
		}
	}
	fin.gql(`query($y: Int!, $m: Int!) { statutoryBalanceSheet(year: $y, month: $m) { balanced
		lines { lineNo label labelEn kind closing accounts { account { code } amount } } } }`, vars, &bs)
	if !bs.StatutoryBalanceSheet.Balanced {
		t.Error("the demo's balance sheet does not balance")
	}
	found := false
	for _, l := range bs.StatutoryBalanceSheet.Lines {
		if l.LineNo != nil && *l.LineNo == 9 {
			// 存货 sums 1405 and the goods in transit (1402) of transfers.
			found = l.Label == "存货" && l.LabelEn == "Inventories" && l.Kind == "ACCOUNTS"
			has1405 := false
			for _, a := range l.Accounts {
				has1405 = has1405 || a.Account.Code == "1405"
			}
			found = found && has1405
			t.Logf("存货 %s %+v", l.Closing, l.Accounts)
		}
	}
	if !found {
		t.Errorf("no 存货 line with account 1405: %+v", bs.StatutoryBalanceSheet.Lines)
	}
	var is struct {
		StatutoryIncomeStatement struct {
			Lines []struct {
				LineNo     *int
				Month      string
				YearToDate string
			}
		}
	}
	fin.gql(`query($y: Int!, $m: Int!) { statutoryIncomeStatement(year: $y, month: $m) { lines { lineNo month yearToDate } } }`, vars, &is)
	if n := len(is.StatutoryIncomeStatement.Lines); n != 13 {
		t.Errorf("利润表 has %d lines, want 13", n)
	}
	r := fin.do(`mutation { updateStatementLine(input: {form: INCOME_STATEMENT, lineNo: 1, accounts: [{prefix: "6001", rule: MOVEMENT}, {prefix: "6099", rule: MOVEMENT}]}) {
		line { lineNo } userErrors { code field message } } }`, nil)
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data["updateStatementLine"]), `"field":"input.accounts.1.prefix"`) || !strings.Contains(string(r.Data["updateStatementLine"]), `"line":null`) {
		t.Errorf("unknown prefix: %s %+v", r.Data["updateStatementLine"], r.Errors)
	}
	if r := fin.do(`{ statutoryBalanceSheet(year: 2026, month: 13) { balanced } }`, nil); r.code() != "INVALID" {
		t.Errorf("month 13: %+v", r.Errors)
	}
	if r := app.client(t).mustLogin("sales").do(`{ statutoryBalanceSheet(year: 2026, month: 1) { balanced } }`, nil); r.code() != "FORBIDDEN" {
		t.Errorf("sales reads the balance sheet: %+v", r.Errors)
	}
	if r := fin.do(`{ balanceSheet(asOf: "2026-12-31") { balanced } profitAndLoss(from: "2026-01-01", to: "2026-12-31") { netIncome } }`, nil); len(r.Errors) > 0 {
		t.Errorf("the account lists: %+v", r.Errors)
	}
}
