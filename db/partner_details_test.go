package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// A customer left without a code gets the next free one in the form its
// codes have; a bad tax ID is refused on its field and writes nothing.
func TestCustomerAutoCodeAndTaxID(t *testing.T) {
	ctx := context.Background()
	x := dbtest.New(t)
	sales := db.NewSalesService(x)
	c, err := sales.CreateCustomer(ctx, jxc.CustomerInput{Name: "第一个客户"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Code != "C0001" {
		t.Fatalf("first automatic code %q, want C0001", c.Code)
	}
	// Codes already of the form C### make the next one C###.
	if _, err := sales.CreateCustomer(ctx, jxc.CustomerInput{Code: "C041", Name: "手填编码"}); err != nil {
		t.Fatal(err)
	}
	c, err = sales.CreateCustomer(ctx, jxc.CustomerInput{Name: "第三个客户"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Code != "C0042" {
		t.Fatalf("automatic code after C041 and C0001: %q, want C0042", c.Code)
	}

	var before int
	if err := x.GetContext(ctx, &before, `SELECT count(*) FROM customers`); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"91310000MA1K4XXXX0", "1234", "ABC-123456789012345", "91310115MA1H8PLX0L"} {
		_, err = sales.CreateCustomer(ctx, jxc.CustomerInput{Name: "税号错误", TaxID: jxc.Ptr(bad)})
		wantField(t, err, "input.taxId")
	}
	_, err = sales.CreateCustomer(ctx, jxc.CustomerInput{Name: "开票税号错误",
		Invoicing: &jxc.InvoicingDetails{Title: "某公司", TaxID: "12"}})
	wantField(t, err, "input.invoicing.taxId")
	var after int
	if err := x.GetContext(ctx, &after, `SELECT count(*) FROM customers`); err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Fatalf("refused customers were written: %d before, %d after", before, after)
	}
	// A valid credit code and an old 15-digit registration number pass.
	for _, good := range []string{"91310115MA1H8PLX0H", "310115123456789", " 3101151234567890123x "} {
		if _, err := sales.CreateCustomer(ctx, jxc.CustomerInput{Name: "税号 " + good, TaxID: jxc.Ptr(good)}); err != nil {
			t.Errorf("tax ID %s: %v", good, err)
		}
	}
}

// Two writers creating customers without codes at the same time get
// different codes, and neither fails.
func TestConcurrentAutoCodesDiffer(t *testing.T) {
	ctx := context.Background()
	x := dbtest.New(t)
	sales := db.NewSalesService(x)
	purch := db.NewPurchasingService(x)
	const n = 6
	codes := make([]string, 2*n)
	errs := make([]error, 2*n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
			c, err := sales.CreateCustomer(ctx, jxc.CustomerInput{Name: fmt.Sprintf("并发客户 %d", i)})
			if err == nil {
				codes[i] = c.Code
			}
			errs[i] = err
		}()
		go func() {
			defer wg.Done()
			<-start
			s, err := purch.CreateSupplier(ctx, jxc.SupplierInput{Name: fmt.Sprintf("并发供应商 %d", i)})
			if err == nil {
				codes[n+i] = s.Code
			}
			errs[n+i] = err
		}()
	}
	close(start)
	wg.Wait()
	seen := map[string]bool{}
	for i, c := range codes {
		if errs[i] != nil {
			t.Fatalf("writer %d: %v", i, errs[i])
		}
		if seen[c] {
			t.Fatalf("code %s given twice: %v", c, codes)
		}
		seen[c] = true
	}
	for i := 1; i <= n; i++ {
		if !seen[fmt.Sprintf("C%04d", i)] || !seen[fmt.Sprintf("SUP-%04d", i)] {
			t.Fatalf("want C0001..C%04d and SUP-0001..SUP-%04d, got %v", n, n, codes)
		}
	}
}

// Ship-to addresses (one default), invoicing details and bank details are
// stored and read back as given, and an update replaces them.
func TestCustomerDetailsRoundTrip(t *testing.T) {
	ctx := context.Background()
	x := dbtest.New(t)
	sales := db.NewSalesService(x)
	inv := &jxc.InvoicingDetails{Title: "上海某某贸易有限公司", TaxID: "91310115ma1h8plx0h", AddressPhone: "上海市浦东新区 021-5555 1234", BankAccount: "招商银行上海分行 1219 0000 1234"}
	c, err := sales.CreateCustomer(ctx, jxc.CustomerInput{Name: "某某贸易", Invoicing: inv,
		BankDetails: jxc.BankDetails{BankName: jxc.Ptr("招商银行"), BankAccount: jxc.Ptr("1219 0000 1234")},
		Addresses:   []jxc.Address{{Label: "总部", Address: "上海市浦东新区 1 号"}, {Label: "仓库", Address: "上海市嘉定区 9 号", Contact: "李四", Phone: "139", IsDefault: true}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := sales.FindCustomerByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Invoicing == nil || got.Invoicing.Title != inv.Title || got.Invoicing.TaxID != "91310115MA1H8PLX0H" || got.Invoicing.BankAccount != inv.BankAccount {
		t.Fatalf("invoicing details %+v", got.Invoicing)
	}
	if got.BankName != "招商银行" || got.BankAccount != "1219 0000 1234" {
		t.Fatalf("bank %q %q", got.BankName, got.BankAccount)
	}
	if d := got.DefaultAddress(); d == nil || d.Label != "仓库" || d.Contact != "李四" {
		t.Fatalf("default address %+v", d)
	}
	// Two defaults are refused on the second one's field.
	_, err = sales.UpdateCustomer(ctx, jxc.CustomerUpdate{ID: c.ID, Addresses: []jxc.Address{{Address: "a", IsDefault: true}, {Address: "b", IsDefault: true}}})
	wantField(t, err, "input.addresses.1.isDefault")
	// Clearing the invoicing details and changing the addresses.
	if _, err := sales.UpdateCustomer(ctx, jxc.CustomerUpdate{ID: c.ID, Invoicing: &jxc.InvoicingDetails{},
		Addresses: []jxc.Address{{Label: "新仓", Address: "苏州工业园区", IsDefault: true}}}); err != nil {
		t.Fatal(err)
	}
	got, err = sales.FindCustomerByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Invoicing != nil || len(got.Addresses) != 1 || got.Addresses[0].Label != "新仓" || got.BankName != "招商银行" {
		t.Fatalf("after update: invoicing %+v addresses %+v bank %q", got.Invoicing, got.Addresses, got.BankName)
	}
	// The change is in the audit trail.
	var n int
	if err := x.GetContext(ctx, &n, `SELECT count(*) FROM audit_log WHERE record_type = 'customer' AND record_id = $1`, fmt.Sprint(c.ID)); err != nil {
		t.Fatal(err)
	}
	if n < 2 {
		t.Fatalf("want create and update audited, got %d rows", n)
	}
}

// A supplier's details and a price with lead time and minimum quantity;
// a deactivated price is no longer offered for the product.
func TestSupplierDetailsAndPrices(t *testing.T) {
	ctx := context.Background()
	x := dbtest.New(t)
	purch := db.NewPurchasingService(x)
	catalog := db.NewCatalogService(x)
	p, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: "P-1", Name: "货品", Unit: "个", SellPrice: decp("100")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = purch.CreateSupplier(ctx, jxc.SupplierInput{Name: "坏税号", SupplierDetails: jxc.SupplierDetails{TaxID: jxc.Ptr("XYZ")}})
	wantField(t, err, "input.taxId")
	s, err := purch.CreateSupplier(ctx, jxc.SupplierInput{Name: "好供应商", SupplierDetails: jxc.SupplierDetails{TaxID: jxc.Ptr("91310115MA1H8PLX0H"),
		Address: jxc.Ptr("宁波"), BankDetails: jxc.BankDetails{BankName: jxc.Ptr("工商银行"), BankAccount: jxc.Ptr("6222-0000")}}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Code != "SUP-0001" || s.TaxID == nil || *s.TaxID != "91310115MA1H8PLX0H" || s.BankName != "工商银行" || s.Address != "宁波" {
		t.Fatalf("supplier %+v", s)
	}
	_, err = purch.SetSupplierProduct(ctx, jxc.SupplierProductInput{SupplierID: s.ID, ProductID: p.ID, MinOrderQty: decp("-1")})
	wantField(t, err, "input.minOrderQty")
	sp, err := purch.SetSupplierProduct(ctx, jxc.SupplierProductInput{SupplierID: s.ID, ProductID: p.ID, Price: decp("72.50"),
		LeadTimeDays: jxc.Ptr(5), MinOrderQty: decp("10")})
	if err != nil {
		t.Fatal(err)
	}
	if !sp.Active || sp.MinOrderQty == nil || !sp.MinOrderQty.Equal(dec("10")) || !sp.LastPrice.Equal(dec("72.50")) {
		t.Fatalf("price %+v", sp)
	}
	opts, err := purch.ProductSuppliers(ctx, p.ID, jxc.Date{Year: 2026, Month: 1, Day: 1})
	if err != nil || len(opts) != 1 {
		t.Fatalf("offers %v %v", opts, err)
	}
	if _, err := purch.SetSupplierProduct(ctx, jxc.SupplierProductInput{SupplierID: s.ID, ProductID: p.ID, Active: jxc.Ptr(false)}); err != nil {
		t.Fatal(err)
	}
	opts, err = purch.ProductSuppliers(ctx, p.ID, jxc.Date{Year: 2026, Month: 1, Day: 1})
	if err != nil || len(opts) != 0 {
		t.Fatalf("a deactivated price is still offered: %v %v", opts, err)
	}
	got, err := purch.FindSupplierByID(ctx, s.ID)
	if err != nil || len(got.Products) != 1 || got.Products[0].Active || !got.Products[0].MinOrderQty.Equal(dec("10")) {
		t.Fatalf("supplier's prices %+v %v", got.Products, err)
	}
	// Clearing the tax ID and the minimum.
	if _, err := purch.UpdateSupplier(ctx, jxc.SupplierUpdate{ID: s.ID, SupplierDetails: jxc.SupplierDetails{TaxID: jxc.Ptr("")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := purch.SetSupplierProduct(ctx, jxc.SupplierProductInput{SupplierID: s.ID, ProductID: p.ID, MinOrderQty: decp("0")}); err != nil {
		t.Fatal(err)
	}
	got, _ = purch.FindSupplierByID(ctx, s.ID)
	if got.TaxID != nil || got.Products[0].MinOrderQty != nil {
		t.Fatalf("not cleared: tax %v min %v", got.TaxID, got.Products[0].MinOrderQty)
	}
}
