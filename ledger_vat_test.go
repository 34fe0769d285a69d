package jxc

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestCheckTaxIDChecksCharactersLengthAndCheckCharacter(t *testing.T) {
	for _, c := range []struct {
		id     string
		reason string // "" when valid
	}{
		{"91350100M000100Y43", ""},      // a published example
		{"914403001922038216", ""},      // another, all digits
		{"91350100M000100Y44", "check"}, // last character changed
		{"91350100M000100Y4", "form"},   // 17 characters
		{"91350100M000100I43", "form"},  // I is not used
		{"91350100m000100Y43", "form"},  // lower case (normalized before the check)
	} {
		var es Errors
		CheckTaxID(&es, "input.buyerTaxId", c.id)
		switch {
		case c.reason == "" && len(es) > 0:
			t.Errorf("%s: refused: %v", c.id, es)
		case c.reason != "" && (len(es) != 1 || es[0].Field != "input.buyerTaxId"):
			t.Errorf("%s: want one error on input.buyerTaxId, got %v", c.id, es)
		case c.reason == "check" && ReasonOf(es[0].Template) != "TAX_ID_CHECKSUM":
			t.Errorf("%s: want the check character named, got %v", c.id, es)
		}
	}
}

func TestCheckVatInvoiceInfoNamesTheFieldAndTheRule(t *testing.T) {
	s := func(v string) *string { return &v }
	k := func(v VatInvoiceKind) *VatInvoiceKind { return &v }
	for _, c := range []struct {
		name   string
		in     VatInvoiceInfo
		fields []string
	}{
		{"paper special", VatInvoiceInfo{InvoiceCode: s("3100201130"), InvoiceNumber: s("01234567"), Kind: k(VatSpecial)}, nil},
		{"12-digit code", VatInvoiceInfo{InvoiceCode: s("031001900111"), InvoiceNumber: s("01234567"), Kind: k(VatEOrdinary)}, nil},
		{"fully digital", VatInvoiceInfo{InvoiceNumber: s("24312000000012345678"), Kind: k(VatESpecial)}, nil},
		{"nothing", VatInvoiceInfo{}, nil},
		{"short number", VatInvoiceInfo{InvoiceCode: s("3100201130"), InvoiceNumber: s("123"), Kind: k(VatSpecial)}, []string{"p.invoiceNumber"}},
		{"letters in code", VatInvoiceInfo{InvoiceCode: s("31002011A0"), InvoiceNumber: s("01234567"), Kind: k(VatSpecial)}, []string{"p.invoiceCode"}},
		{"8 digits without code", VatInvoiceInfo{InvoiceNumber: s("01234567"), Kind: k(VatSpecial)}, []string{"p.invoiceCode"}},
		{"20 digits with code", VatInvoiceInfo{InvoiceCode: s("3100201130"), InvoiceNumber: s("24312000000012345678"), Kind: k(VatSpecial)}, []string{"p.invoiceCode"}},
		{"number without kind", VatInvoiceInfo{InvoiceNumber: s("24312000000012345678")}, []string{"p.kind"}},
		{"code without number", VatInvoiceInfo{InvoiceCode: s("3100201130")}, []string{"p.invoiceNumber"}},
		{"unknown kind", VatInvoiceInfo{Kind: k("RED")}, []string{"p.kind"}},
		{"all at once", VatInvoiceInfo{InvoiceCode: s("1"), InvoiceNumber: s("2"), BuyerTaxID: s("X")}, []string{"p.invoiceCode", "p.invoiceNumber", "p.kind", "p.buyerTaxId"}},
	} {
		var es Errors
		CheckVatInvoiceInfo(&es, "p.", c.in.Normalized())
		var got []string
		for _, e := range es {
			got = append(got, e.Field)
			if e.Template == "" {
				t.Errorf("%s: %q is not a template", c.name, e.Message)
			}
		}
		if len(got) != len(c.fields) {
			t.Errorf("%s: fields %v, want %v (%v)", c.name, got, c.fields, es)
			continue
		}
		for i := range got {
			if got[i] != c.fields[i] {
				t.Errorf("%s: fields %v, want %v", c.name, got, c.fields)
			}
		}
	}
}

func TestFillVatReturnCarriesExcessInput(t *testing.T) {
	d := decimal.RequireFromString
	// Month 1: input 130 deductible of 150 posted (20 on an ordinary
	// invoice), output 100: 30 carried. Month 2: output 100, input 26: 30+26
	// against 100, 44 payable.
	m1 := &VatMonth{Rates: []*VatRateFigures{{Rate: d("0.13"), OutputNet: d("769.23"), OutputVAT: d("100"), InputVAT: d("150"), NonDeductibleVAT: d("20")}}}
	FillVatReturn(m1, decimal.Zero)
	r := m1.Return
	if !r.Line17.Equal(d("130")) || !r.Line18.Equal(d("100")) || !r.Line19.IsZero() || !r.Line20.Equal(d("30")) || !r.Line14.Equal(d("20")) {
		t.Fatalf("month 1: %+v", r)
	}
	m2 := &VatMonth{Rates: []*VatRateFigures{{Rate: d("0.13"), OutputVAT: d("100"), InputVAT: d("26")}}}
	FillVatReturn(m2, r.Line20)
	if r2 := m2.Return; !r2.Line13.Equal(d("30")) || !r2.Line17.Equal(d("56")) || !r2.Line19.Equal(d("44")) || !r2.Line20.IsZero() {
		t.Fatalf("month 2: %+v", r2)
	}
}
