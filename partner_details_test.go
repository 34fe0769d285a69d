package jxc_test

import (
	"testing"

	"github.com/jxcgraph/jxc"
)

func fieldsOf(err error) map[string]bool {
	out := map[string]bool{}
	es, _ := jxc.AsErrors(err)
	for _, e := range es {
		out[e.Field] = true
	}
	return out
}

func TestPartnerTaxIDRule(t *testing.T) {
	for id, ok := range map[string]bool{
		"91310115MA1H8PLX0H":    true,  // a unified social credit code
		"91310115MA1H8PLX0D":    false, // wrong check character
		"310115123456789":       true,  // old registration number, 15
		"3101151234567890123X":  true,  // 20
		"31011512345678":        false, // 14
		"310115123456789012345": false,
		"31011-123456789":       false,
	} {
		var es jxc.Errors
		jxc.CheckPartnerTaxID(&es, "input.taxId", id)
		if (len(es) == 0) != ok {
			t.Errorf("%s: accepted %v, want %v (%v)", id, len(es) == 0, ok, es)
		}
	}
}

func TestCustomerInputNamesEveryBadField(t *testing.T) {
	err := jxc.ValidateCustomerInput(jxc.CustomerInput{Name: "某客户", TaxID: jxc.Ptr("123"),
		Invoicing:   &jxc.InvoicingDetails{TaxID: "91310115MA1H8PLX0H"},
		BankDetails: jxc.BankDetails{BankAccount: jxc.Ptr("账号!")},
		Addresses:   []jxc.Address{{Address: "一", IsDefault: true}, {Address: "二", IsDefault: true}}})
	f := fieldsOf(err)
	for _, want := range []string{"input.taxId", "input.invoicing.title", "input.bankAccount", "input.addresses.1.isDefault"} {
		if !f[want] {
			t.Errorf("no error on %s: %v", want, err)
		}
	}
	if f["input.code"] {
		t.Errorf("an empty code is given automatically, not refused: %v", err)
	}
	if err := jxc.ValidateCustomerInput(jxc.CustomerInput{Name: "某客户", Invoicing: &jxc.InvoicingDetails{}}); err != nil {
		t.Errorf("empty invoicing details are none: %v", err)
	}
	if err := jxc.ValidateSupplierInput(jxc.SupplierInput{Name: "供应商", SupplierDetails: jxc.SupplierDetails{TaxID: jxc.Ptr("bad")}}); !fieldsOf(err)["input.taxId"] {
		t.Errorf("supplier tax ID: %v", err)
	}
}

func TestDefaultAddress(t *testing.T) {
	c := &jxc.Customer{}
	if c.DefaultAddress() != nil {
		t.Fatal("no addresses, no default")
	}
	c.Addresses = []jxc.Address{{Label: "a"}, {Label: "b", IsDefault: true}}
	if c.DefaultAddress().Label != "b" {
		t.Fatal("the marked one is the default")
	}
	c.Addresses[1].IsDefault = false
	if c.DefaultAddress().Label != "a" {
		t.Fatal("else the first")
	}
}
