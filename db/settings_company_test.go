package db_test

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Company particulars (tax ID, address, bank), the default VAT rate, time
// zone and currency, and the numbering rules of new documents (issue 18).

func TestCompanyParticularsValidatedAndAudited(t *testing.T) {
	b := newBooks(t, 0, 0)
	svc := db.NewSettingsService(b.d)
	ctx := as(t, b.d, "boss", jxc.RoleManager)
	s, err := svc.CompanySettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.TimeZone != "Asia/Shanghai" || s.Currency != "CNY" || !s.DefaultVATRate.Equal(dec("0.13")) || s.TaxID != "" {
		t.Fatalf("defaults %+v", s)
	}
	const q = `SELECT tax_id || ' ' || time_zone || ' ' || currency || ' ' || default_vat_rate FROM company_settings`
	before := state(t, b.d, q)
	for _, c := range []struct {
		in    jxc.CompanySettingsUpdate
		field string
	}{
		{jxc.CompanySettingsUpdate{TaxID: jxc.Ptr("91310000-1234")}, "input.taxId"},
		{jxc.CompanySettingsUpdate{TaxID: jxc.Ptr("1234")}, "input.taxId"},
		{jxc.CompanySettingsUpdate{TimeZone: jxc.Ptr("Mars/Olympus")}, "input.timeZone"},
		{jxc.CompanySettingsUpdate{TimeZone: jxc.Ptr("UTC+8 ")}, "input.timeZone"},
		{jxc.CompanySettingsUpdate{Currency: jxc.Ptr("RMB1")}, "input.currency"},
		{jxc.CompanySettingsUpdate{DefaultVATRate: decp("0.13001")}, "input.defaultVatRate"},
		{jxc.CompanySettingsUpdate{DefaultVATRate: decp("1")}, "input.defaultVatRate"},
		{jxc.CompanySettingsUpdate{Address: jxc.Ptr(string(make([]byte, 201)))}, "input.address"},
	} {
		_, err := svc.UpdateCompanySettings(ctx, c.in)
		refused(t, err, jxc.EINVALID, c.field)
	}
	if after := state(t, b.d, q); after != before {
		t.Fatalf("a refusal wrote: %s -> %s", before, after)
	}
	s, err = svc.UpdateCompanySettings(ctx, jxc.CompanySettingsUpdate{TaxID: jxc.Ptr("91310000MA1FL0AB2X"), Address: jxc.Ptr(" 上海市浦东新区 1 号 "),
		Phone: jxc.Ptr("021-5555 0000"), BankName: jxc.Ptr("招商银行上海分行"), BankAccount: jxc.Ptr("6214 8301 0000 0000"),
		DefaultVATRate: decp("0.09"), TimeZone: jxc.Ptr("Asia/Urumqi"), Currency: jxc.Ptr("CNY")})
	if err != nil {
		t.Fatal(err)
	}
	if s.TaxID != "91310000MA1FL0AB2X" || s.Address != "上海市浦东新区 1 号" || s.TimeZone != "Asia/Urumqi" || !s.DefaultVATRate.Equal(dec("0.09")) {
		t.Fatalf("saved %+v", s)
	}
	var audits int
	if err := b.d.GetContext(context.Background(), &audits, `SELECT count(*) FROM audit_log WHERE record_type = 'companySettings'`); err != nil || audits != 1 {
		t.Fatalf("audit rows %d, %v", audits, err)
	}
	// A new product without a VAT rate gets the company's default; one with a rate keeps it.
	p, err := b.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "VAT-9", Name: "图书", Unit: "本"})
	if err != nil {
		t.Fatal(err)
	}
	if !p.VATRate.Equal(dec("0.09")) {
		t.Fatalf("default VAT rate %s, want 0.09", p.VATRate)
	}
	p, err = b.catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "VAT-13", Name: "电视", Unit: "台", VATRate: decp("0.13")})
	if err != nil || !p.VATRate.Equal(dec("0.13")) {
		t.Fatalf("given VAT rate: %v %v", p, err)
	}
}

func TestNumberingRuleValidation(t *testing.T) {
	b := newBooks(t, 0, 0)
	svc := db.NewSettingsService(b.d)
	ctx := as(t, b.d, "boss", jxc.RoleManager)
	const q = `SELECT string_agg(kind || '=' || prefix || date_part || padding, ',' ORDER BY kind) FROM numbering_rules`
	before := state(t, b.d, q)
	for _, c := range []struct {
		in    jxc.NumberingRuleInput
		code  string
		field string
		words []string
	}{
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Prefix: jxc.Ptr("SO 1")}, jxc.EINVALID, "input.prefix", []string{"SO 1"}},
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Prefix: jxc.Ptr("销售-")}, jxc.EINVALID, "input.prefix", nil},
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Prefix: jxc.Ptr("SO2")}, jxc.EINVALID, "input.prefix", nil},
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Prefix: jxc.Ptr("")}, jxc.EINVALID, "input.prefix", nil},
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Prefix: jxc.Ptr("SALESORDERS-")}, jxc.EINVALID, "input.prefix", []string{"10"}},
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Prefix: jxc.Ptr("po")}, jxc.ECONFLICT, "input.prefix", []string{"po", "PURCHASE_ORDER"}},
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Padding: jxc.Ptr(3)}, jxc.EINVALID, "input.padding", nil},
		{jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, DatePart: jxc.Ptr(jxc.NumberDatePart("DAY"))}, jxc.EINVALID, "input.datePart", nil},
		{jxc.NumberingRuleInput{Kind: "STOCK_TAKE", Prefix: jxc.Ptr("ST")}, jxc.EINVALID, "input.kind", nil},
	} {
		_, err := svc.UpdateNumberingRule(ctx, c.in)
		refused(t, err, c.code, c.field, c.words...)
	}
	if after := state(t, b.d, q); after != before {
		t.Fatalf("a refusal wrote: %s -> %s", before, after)
	}
	rules, err := svc.NumberingRules(ctx)
	if err != nil || len(rules) != len(jxc.NumberingKinds) || rules[0].Kind != jxc.NumberSalesOrder || rules[0].Example(d1) != "SO-000123" {
		t.Fatalf("rules %v %v", rules, err)
	}
}

func TestNumberingRuleNumbersNewDocuments(t *testing.T) {
	c := newSalesCo(t)
	ctx := as(t, c.db, "boss", jxc.RoleManager)
	svc := db.NewSettingsService(c.db)
	line := jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("1")}
	old := c.order(t, line)
	if !regexp.MustCompile(`^SO-\d{6}$`).MatchString(old.Number) || old.Number != fmt.Sprintf("SO-%06d", old.ID) {
		t.Fatalf("default number %s of id %d", old.Number, old.ID)
	}
	if _, err := svc.UpdateNumberingRule(ctx, jxc.NumberingRuleInput{Kind: jxc.NumberSalesOrder, Prefix: jxc.Ptr("XS"),
		DatePart: jxc.Ptr(jxc.DatePartYearMonth), Padding: jxc.Ptr(5)}); err != nil {
		t.Fatal(err)
	}
	var audits int
	if err := c.db.GetContext(context.Background(), &audits, `SELECT count(*) FROM audit_log WHERE record_type = 'numberingRule' AND record_id = 'SALES_ORDER'`); err != nil || audits != 1 {
		t.Fatalf("audit rows %d, %v", audits, err)
	}
	o := c.order(t, line)
	ym := jxc.Today(time.Now())
	want := fmt.Sprintf("XS%04d%02d%05d", ym.Year, int(ym.Month), o.ID)
	if o.Number != want {
		t.Fatalf("new order %s, want %s", o.Number, want)
	}
	again, err := c.sales.FindSalesOrderByID(context.Background(), old.ID)
	if err != nil || again.Number != old.Number {
		t.Fatalf("the old order's number changed: %v %v", again, err)
	}
	// Two orders at once get distinct numbers by the rule.
	var wg sync.WaitGroup
	nums := make([]string, 2)
	errs := make([]error, 2)
	for i := range nums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o, err := c.sales.CreateSalesOrder(context.Background(), jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1, Lines: []jxc.SalesOrderLineInput{line}})
			if err == nil {
				nums[i] = o.Number
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if nums[0] == nums[1] || nums[0][:2] != "XS" || nums[1][:2] != "XS" {
		t.Fatalf("concurrent numbers %v", nums)
	}
	// A payment follows its own kind's rule, written before the row.
	if _, err := svc.UpdateNumberingRule(ctx, jxc.NumberingRuleInput{Kind: jxc.NumberCustomerPayment, Prefix: jxc.Ptr("SK-")}); err != nil {
		t.Fatal(err)
	}
	pay, err := c.sales.RecordCustomerPayment(context.Background(), jxc.PaymentInput{CustomerID: c.customer.ID, Amount: dec("10"), PostingDate: &d2})
	if err != nil || pay.Number != fmt.Sprintf("SK-%06d", pay.ID) {
		t.Fatalf("payment %v %v", pay, err)
	}
	c.check(t)
}
