package jxc

import (
	"context"
	"regexp"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// VAT: the Golden Tax (金税) fields an invoice carries, as data entered or
// imported (issuing invoices through the tax system is out of scope), and
// the monthly VAT report with the figures of the return (增值税纳税申报表,
// 一般纳税人 主表).

// VatInvoiceKind is the kind of a Golden Tax invoice.
type VatInvoiceKind string

const (
	VatSpecial   VatInvoiceKind = "SPECIAL"    // 增值税专用发票
	VatOrdinary  VatInvoiceKind = "ORDINARY"   // 增值税普通发票
	VatESpecial  VatInvoiceKind = "E_SPECIAL"  // 电子专用发票
	VatEOrdinary VatInvoiceKind = "E_ORDINARY" // 电子普通发票
)

// Deductible reports whether the invoice's VAT may be deducted as input
// VAT: only special invoices (paper or electronic) are.
func (k VatInvoiceKind) Deductible() bool { return k == VatSpecial || k == VatESpecial }

// VatInvoiceInfo is what a Golden Tax invoice says about itself: 发票代码,
// 发票号码, its kind, the buyer's tax ID (统一社会信用代码) and the date it
// was issued. Every field may be missing until someone enters it.
type VatInvoiceInfo struct {
	InvoiceCode   *string         `db:"vat_invoice_code"`
	InvoiceNumber *string         `db:"vat_invoice_number"`
	Kind          *VatInvoiceKind `db:"vat_invoice_kind"`
	BuyerTaxID    *string         `db:"vat_buyer_tax_id"`
	IssueDate     *Date           `db:"vat_issue_date"`
}

// Deductible reports whether the invoice is known to be a special invoice.
func (v VatInvoiceInfo) Deductible() bool { return v.Kind != nil && v.Kind.Deductible() }

// Normalized trims the texts and drops empty ones, so that "" clears a field.
func (v VatInvoiceInfo) Normalized() VatInvoiceInfo {
	trim := func(s *string) *string {
		if s == nil {
			return nil
		}
		t := strings.ToUpper(strings.TrimSpace(*s))
		if t == "" {
			return nil
		}
		return &t
	}
	v.InvoiceCode, v.InvoiceNumber, v.BuyerTaxID = trim(v.InvoiceCode), trim(v.InvoiceNumber), trim(v.BuyerTaxID)
	return v
}

var digitsOnly = regexp.MustCompile(`^[0-9]+$`)

// NormalizedTaxID trims and upper-cases a tax ID; nil when none is left.
func NormalizedTaxID(id *string) *string {
	if id == nil {
		return nil
	}
	t := strings.ToUpper(strings.TrimSpace(*id))
	if t == "" {
		return nil
	}
	return &t
}

// CheckVatInvoiceInfo adds every rule the (normalized) fields break, under
// prefix (such as "input." or "input.vatInvoice."): the code has 10 or 12
// digits, the number 8 or 20 digits (a 20-digit number of a 全电 invoice
// has no code, an 8-digit one needs its code), a number needs its kind, and
// the buyer's tax ID is a valid 统一社会信用代码 (GB 32100-2015).
func CheckVatInvoiceInfo(es *Errors, prefix string, v VatInvoiceInfo) {
	if c := v.InvoiceCode; c != nil && (!digitsOnly.MatchString(*c) || len(*c) != 10 && len(*c) != 12) {
		es.Add(EINVALID, prefix+"invoiceCode", "the invoice code has 10 or 12 digits; {value} has not", P{"value": *c})
	}
	if n := v.InvoiceNumber; n != nil {
		switch {
		case !digitsOnly.MatchString(*n) || len(*n) != 8 && len(*n) != 20:
			es.Add(EINVALID, prefix+"invoiceNumber", "the invoice number has 8 or 20 digits; {value} has not", P{"value": *n})
		case len(*n) == 8 && v.InvoiceCode == nil:
			es.Add(EINVALID, prefix+"invoiceCode", "an invoice with an 8-digit number needs its invoice code")
		case len(*n) == 20 && v.InvoiceCode != nil:
			es.Add(EINVALID, prefix+"invoiceCode", "a fully digital invoice (20-digit number) has no invoice code")
		}
		if v.Kind == nil {
			es.Add(EINVALID, prefix+"kind", "an invoice number needs the kind of invoice (special or ordinary)")
		}
	} else if v.InvoiceCode != nil {
		es.Add(EINVALID, prefix+"invoiceNumber", "an invoice code needs its invoice number")
	}
	if v.Kind != nil {
		switch *v.Kind {
		case VatSpecial, VatOrdinary, VatESpecial, VatEOrdinary:
		default:
			es.Add(EINVALID, prefix+"kind", "{value} is not a kind of VAT invoice", P{"value": string(*v.Kind)})
		}
	}
	if t := v.BuyerTaxID; t != nil {
		CheckTaxID(es, prefix+"buyerTaxId", *t)
	}
}

// The characters of a 统一社会信用代码 and the weights of its check
// character (GB 32100-2015): 31 characters, without I, O, Z, S and V.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCodeCheckChar returns the check character the first 17 characters
// of a unified social credit code call for, and false when a character is
// not allowed.
func CreditCodeCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeChars, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * creditCodeWeights[i]
	}
	return creditCodeChars[(31-sum%31)%31], true
}

// CheckTaxID adds the rule a tax ID (统一社会信用代码) breaks: 18
// characters, digits and capital letters except I, O, Z, S, V, the last one
// the check character of the first 17.
func CheckTaxID(es *Errors, field, id string) {
	if len(id) != 18 || strings.Trim(id, creditCodeChars) != "" {
		es.Add(EINVALID, field, "a tax ID (unified social credit code) has 18 characters, digits and capital letters except I, O, S, V and Z; {value} has not", P{"value": id})
		return
	}
	want, ok := CreditCodeCheckChar(id[:17])
	if !ok || id[17] != want {
		es.Add(EINVALID, field, "the check character of tax ID {value} is wrong: {expected} is expected (GB 32100-2015)", P{"value": id, "expected": string(want)})
	}
}

// VatInvoiceInfoUpdate sets the Golden Tax fields of one invoice, a sales
// invoice or a supplier invoice; the invoice's money does not change.
type VatInvoiceInfoUpdate struct {
	SalesInvoiceID    *int64
	SupplierInvoiceID *int64
	Info              VatInvoiceInfo
}

// ValidateVatInvoiceInfoUpdate returns every rule the update breaks.
func ValidateVatInvoiceInfoUpdate(in VatInvoiceInfoUpdate) error {
	var es Errors
	if (in.SalesInvoiceID == nil) == (in.SupplierInvoiceID == nil) {
		es.Add(EINVALID, "input.salesInvoiceId", "give either a sales invoice or a supplier invoice")
	}
	CheckVatInvoiceInfo(&es, "input.", in.Info.Normalized())
	return es.Err()
}

// VatInvoiceUpdated is what updateVatInvoiceInfo returns: the invoice changed.
type VatInvoiceUpdated struct {
	SalesInvoice    *SalesInvoice
	SupplierInvoice *SupplierInvoice
}

// VatRateFigures are one month's figures at one VAT rate.
type VatRateFigures struct {
	Rate decimal.Decimal `db:"rate"`
	// OutputNet and OutputVAT: sales invoices less credit notes.
	OutputNet decimal.Decimal `db:"output_net"`
	OutputVAT decimal.Decimal `db:"output_vat"`
	// InputNet and InputVAT: supplier invoices, all kinds, as posted to input VAT.
	InputNet decimal.Decimal `db:"input_net"`
	InputVAT decimal.Decimal `db:"input_vat"`
	// NonDeductibleVAT is the part of InputVAT on invoices not known to be
	// special invoices (ordinary ones, or the kind not entered).
	NonDeductibleVAT decimal.Decimal `db:"non_deductible_vat"`
}

// VatReturn holds the lines of the monthly return's main form (主表) the
// report fills, by their line number (栏次).
type VatReturn struct {
	Line1  decimal.Decimal // 按适用税率计税销售额
	Line11 decimal.Decimal // 销项税额
	Line12 decimal.Decimal // 进项税额
	Line13 decimal.Decimal // 上期留抵税额
	Line14 decimal.Decimal // 进项税额转出
	Line17 decimal.Decimal // 应抵扣税额合计 = 12 + 13 - 14
	Line18 decimal.Decimal // 实际抵扣税额 = min(17, 11)
	Line19 decimal.Decimal // 应纳税额 = 11 - 18
	Line20 decimal.Decimal // 期末留抵税额 = 17 - 18
}

// VatMonth is one month of the report.
type VatMonth struct {
	Year, Month int
	Rates       []*VatRateFigures
	Return      VatReturn
	// The movement of the VAT accounts in the month: output (2221.01.02…)
	// credit less debit, input (2221.01.01…) debit less credit.
	LedgerOutputVAT decimal.Decimal
	LedgerInputVAT  decimal.Decimal
}

// Reconciled reports whether the documents' VAT equals the accounts' movement.
func (m *VatMonth) Reconciled() bool {
	return m.LedgerOutputVAT.Equal(m.Return.Line11) && m.LedgerInputVAT.Equal(m.Return.Line12)
}

// VatReport is the VAT of a range of months of one year.
type VatReport struct {
	Year, FromMonth, ToMonth int
	Months                   []*VatMonth
	// Rates sums the months per rate.
	Rates []*VatRateFigures
}

// Reconciled reports whether every month reconciles.
func (r *VatReport) Reconciled() bool {
	for _, m := range r.Months {
		if !m.Reconciled() {
			return false
		}
	}
	return true
}

// FillVatReturn computes a month's return lines from its rates and the
// excess input carried from the month before (上期留抵税额): input VAT on
// invoices that are not special invoices is transferred out (line 14), an
// excess of deductible input over output is carried to the next month.
func FillVatReturn(m *VatMonth, carried decimal.Decimal) {
	r := VatReturn{Line13: carried}
	for _, f := range m.Rates {
		r.Line1 = r.Line1.Add(f.OutputNet)
		r.Line11 = r.Line11.Add(f.OutputVAT)
		r.Line12 = r.Line12.Add(f.InputVAT)
		r.Line14 = r.Line14.Add(f.NonDeductibleVAT)
	}
	r.Line17 = r.Line12.Add(r.Line13).Sub(r.Line14)
	r.Line18 = decimal.Min(r.Line17, r.Line11)
	if r.Line18.Sign() < 0 {
		r.Line18 = decimal.Zero
	}
	r.Line19 = r.Line11.Sub(r.Line18)
	r.Line20 = r.Line17.Sub(r.Line18)
	m.Return = r
}

// SumVatRates adds rate figures up per rate, highest rate first.
func SumVatRates(months []*VatMonth) []*VatRateFigures {
	var out []*VatRateFigures
	by := map[string]*VatRateFigures{}
	for _, m := range months {
		for _, f := range m.Rates {
			k := f.Rate.String()
			t := by[k]
			if t == nil {
				t = &VatRateFigures{Rate: f.Rate}
				by[k] = t
				out = append(out, t)
			}
			t.OutputNet, t.OutputVAT = t.OutputNet.Add(f.OutputNet), t.OutputVAT.Add(f.OutputVAT)
			t.InputNet, t.InputVAT = t.InputNet.Add(f.InputNet), t.InputVAT.Add(f.InputVAT)
			t.NonDeductibleVAT = t.NonDeductibleVAT.Add(f.NonDeductibleVAT)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Rate.GreaterThan(out[j].Rate) })
	return out
}

// ValidateVatReportArgs returns every rule the report's range breaks.
func ValidateVatReportArgs(year, from, to int) error {
	var es Errors
	if year < 2000 || year > 2100 {
		es.Add(EINVALID, "year", "the year must be between 2000 and 2100")
	}
	if from < 1 || from > 12 {
		es.Add(EINVALID, "fromMonth", "a month is 1 to 12")
	}
	if to < 1 || to > 12 {
		es.Add(EINVALID, "toMonth", "a month is 1 to 12")
	} else if from >= 1 && to < from {
		es.Add(EINVALID, "toMonth", "the last month may not be before the first")
	}
	return es.Err()
}

// VatService keeps the Golden Tax fields of invoices and reports VAT.
type VatService interface {
	// VatReport returns the VAT of months fromMonth..toMonth of year.
	VatReport(ctx context.Context, year, fromMonth, toMonth int) (*VatReport, error)
	// UpdateVatInvoiceInfo sets the Golden Tax fields of one invoice.
	UpdateVatInvoiceInfo(ctx context.Context, in VatInvoiceInfoUpdate) (*VatInvoiceUpdated, error)
}
