package main

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzMutationInputs sends arbitrary input objects to posting mutations
// through the whole stack: whatever arrives, no panic and no internal
// error, and every refusal names its field.
func FuzzMutationInputs(f *testing.F) {
	seeds := []string{
		`{"reason":"COUNT_VARIANCE","lines":[{"productId":"1","warehouseId":"1","direction":"DECREASE","quantity":"1"}]}`,
		`{"reason":"SCRAP","lines":[{"productId":"1","warehouseId":"2","direction":"INCREASE","quantity":"0.00001","unitCost":"-3"}]}`,
		`{"reason":"COUNT_VARIANCE","postingDate":"1900-02-30","lines":[]}`,
		`{"description":"x","lines":[{"accountCode":"1002","debit":"10.001"},{"accountCode":"6001","credit":"10"}]}`,
		`{"description":"","lines":[{"accountCode":"1405","debit":"5"},{"accountCode":"9999","credit":"5"}]}`,
		`{"description":"big","lines":[{"accountCode":"1002","debit":"99999999999999999999"},{"accountCode":"6001","credit":1e30}]}`,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	app := newTestAppTB(f)
	wh := app.clientTB(f).mustLogin("warehouse")
	fin := app.clientTB(f).mustLogin("finance")
	f.Fuzz(func(t *testing.T, input string) {
		wh.t, fin.t = t, t
		var in map[string]any
		if json.Unmarshal([]byte(input), &in) != nil {
			return
		}
		mutations := []struct {
			c   *client
			doc string
		}{
			{wh, `mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { document { id } userErrors { code field message } } }`},
			{fin, `mutation($in: JournalEntryInput!) { postJournalEntry(input: $in) { entry { id } userErrors { code field message } } }`},
		}
		for _, m := range mutations {
			r := m.c.do(m.doc, map[string]any{"in": in})
			for _, e := range r.Errors {
				code, _ := e.Extensions["code"].(string)
				if code == "" || code == "INTERNAL" {
					t.Fatalf("input %s: top-level error without a proper code: %+v", input, e)
				}
			}
			for _, raw := range r.Data {
				var p struct {
					UserErrors []struct{ Code, Field, Message string }
				}
				_ = json.Unmarshal(raw, &p)
				for _, ue := range p.UserErrors {
					if ue.Message == "" || ue.Field == "" && utf8.RuneCountInString(ue.Message) < 6 {
						t.Fatalf("input %s: a userError that names nothing: %+v", input, ue)
					}
				}
			}
		}
	})
}
