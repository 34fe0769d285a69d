package jxc

import (
	"strings"
	"testing"
)

// A refused reversal names the document's kind and the way to undo it in
// the reader's language, not in English only.
func TestReversalRefusalNamesTheDocumentInTheReadersLanguage(t *testing.T) {
	d := Date{Year: 2026, Month: 3, Day: 5}
	r := &Reversal{Date: d, Original: &JournalEntry{VoucherNo: "记-2026-03-0007", PostingDate: d, SourceType: SourceShipment}, Document: "SH-000012"}
	es, ok := AsErrors(r.Validate())
	if !ok || len(es) != 1 {
		t.Fatalf("want one refusal, got %v", es)
	}
	zh, en := es[0].Localize(LangZH), es[0].Localize(LangEN)
	for _, want := range []string{"发货单", "SH-000012", "createSalesReturn"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh %q lacks %q", zh, want)
		}
	}
	if strings.Contains(zh, "shipment") || strings.Contains(zh, "take the goods") {
		t.Errorf("zh %q has English", zh)
	}
	if !strings.Contains(en, "shipment SH-000012") || !strings.Contains(en, "take the goods back with a sales return") {
		t.Errorf("en %q", en)
	}
}
