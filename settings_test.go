package jxc_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// one is a single rule's result as an error: nil stays an untyped nil.
func one(e *jxc.Error) error {
	if e == nil {
		return nil
	}
	return e
}

func TestDutyRules(t *testing.T) {
	on := &jxc.CompanySettings{CreditLimitRaiseByFinance: true, MismatchApprovalByOther: true, OrderApprovalByOther: true,
		OrderSelfApprovalLimit: decimal.RequireFromString("50000"), OpeningStockByFinance: true, PostingAccountsProtected: true, BelowCostSaleByManager: true}
	off := &jxc.CompanySettings{}
	user := func(id int64, roles ...jxc.Role) *jxc.User { return &jxc.User{ID: id, Roles: roles} }
	d := decimal.RequireFromString
	id := func(n int64) *int64 { return &n }
	sales, fin, mgr, admin, wh := user(1, jxc.RoleSales), user(2, jxc.RoleFinance), user(3, jxc.RoleManager), user(4, jxc.RoleAdmin), user(5, jxc.RoleWarehouse)
	below := []jxc.BelowCostLine{{Index: 1, LineNo: 2, SKU: "S-0", NetPrice: d("58.9"), Cost: d("60")}}
	cases := []struct {
		name string
		err  error
		code string
	}{
		{"sales raises a limit", one(jxc.CheckCreditLimitChange(on, sales, "input.creditLimit", "C1", d("100"), d("101"))), jxc.EPERMISSION},
		{"sales lowers a limit", one(jxc.CheckCreditLimitChange(on, sales, "input.creditLimit", "C1", d("100"), d("99"))), ""},
		{"sales keeps a limit", one(jxc.CheckCreditLimitChange(on, sales, "input.creditLimit", "C1", d("100"), d("100"))), ""},
		{"finance raises a limit", one(jxc.CheckCreditLimitChange(on, fin, "input.creditLimit", "C1", d("100"), d("900"))), ""},
		{"a manager raises a limit", one(jxc.CheckCreditLimitChange(on, mgr, "input.creditLimit", "C1", d("100"), d("900"))), ""},
		{"the system raises a limit", one(jxc.CheckCreditLimitChange(on, nil, "input.creditLimit", "C1", d("100"), d("900"))), ""},
		{"sales raises, control off", one(jxc.CheckCreditLimitChange(off, sales, "input.creditLimit", "C1", d("100"), d("900"))), ""},
		{"the poster approves", one(jxc.CheckMismatchApproval(on, fin, id(2), "SI-1")), jxc.EDUTY},
		{"an admin who posted approves", one(jxc.CheckMismatchApproval(on, admin, id(4), "SI-1")), jxc.EDUTY},
		{"another user approves", one(jxc.CheckMismatchApproval(on, mgr, id(2), "SI-1")), ""},
		{"the poster approves, control off", one(jxc.CheckMismatchApproval(off, fin, id(2), "SI-1")), ""},
		{"the creator approves above the limit", one(jxc.CheckOrderApproval(on, mgr, id(3), "PO-1", d("50000.01"))), jxc.EDUTY},
		{"the creator approves at the limit", one(jxc.CheckOrderApproval(on, mgr, id(3), "PO-1", d("50000"))), ""},
		{"another manager approves", one(jxc.CheckOrderApproval(on, mgr, id(9), "PO-1", d("90000"))), ""},
		{"the creator approves, control off", one(jxc.CheckOrderApproval(off, mgr, id(3), "PO-1", d("90000"))), ""},
		{"the warehouse posts opening stock", one(jxc.CheckOpeningStockPoster(on, wh)), jxc.EPERMISSION},
		{"a manager posts opening stock", one(jxc.CheckOpeningStockPoster(on, mgr)), jxc.EPERMISSION},
		{"finance posts opening stock", one(jxc.CheckOpeningStockPoster(on, fin)), ""},
		{"an admin posts opening stock", one(jxc.CheckOpeningStockPoster(on, admin)), ""},
		{"the warehouse posts opening stock, control off", one(jxc.CheckOpeningStockPoster(off, wh)), ""},
		{"inventory deactivated", jxc.CheckAccountDeactivation(on, jxc.AccountInventory, decimal.Zero).Err(), jxc.ECONFLICT},
		{"price variance deactivated", jxc.CheckAccountDeactivation(on, jxc.AccountPriceVariance, decimal.Zero).Err(), jxc.ECONFLICT},
		{"an account with a credit balance", jxc.CheckAccountDeactivation(on, "6999", d("-0.01")).Err(), jxc.ECONFLICT},
		{"an unused account", jxc.CheckAccountDeactivation(on, "6999", decimal.Zero).Err(), ""},
		{"inventory deactivated, control off", jxc.CheckAccountDeactivation(off, jxc.AccountInventory, d("5")).Err(), ""},
		{"sales sells below cost", jxc.CheckBelowCostSale(on, sales, "SO-1", below).Err(), jxc.EPERMISSION},
		{"finance sells below cost", jxc.CheckBelowCostSale(on, fin, "SO-1", below).Err(), jxc.EPERMISSION},
		{"a manager sells below cost", jxc.CheckBelowCostSale(on, mgr, "SO-1", below).Err(), ""},
		{"sales sells above cost", jxc.CheckBelowCostSale(on, sales, "SO-1", nil).Err(), ""},
		{"sales sells below cost, control off", jxc.CheckBelowCostSale(off, sales, "SO-1", below).Err(), ""},
	}
	for _, c := range cases {
		got := ""
		if c.err != nil {
			es, _ := jxc.AsErrors(c.err)
			if len(es) == 0 || es[0].Field == "" {
				t.Errorf("%s: the error names no field: %v", c.name, c.err)
				continue
			}
			got = es[0].Code
		}
		if got != c.code {
			t.Errorf("%s: got %q (%v), want %q", c.name, got, c.err, c.code)
		}
	}
}
