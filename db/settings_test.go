package db_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// Separation of duties (issue 14, item 6): for each control, the wrong
// person is refused with its code and field and nothing is written, the
// right person goes through, and turning the control off lets the first
// one through too.

// as signs in a new user holding roles.
func as(t testing.TB, d *db.DB, username string, roles ...jxc.Role) context.Context {
	t.Helper()
	u, err := db.NewUserService(d).CreateUser(context.Background(), jxc.UserInput{Username: username, Password: "pass1234", Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	return jxc.NewContextWithAuth(context.Background(), &jxc.Auth{User: u, SessionID: "s-" + username})
}

// setDuties changes the company settings as an admin.
func setDuties(t testing.TB, d *db.DB, in jxc.CompanySettingsUpdate) {
	t.Helper()
	if _, err := db.NewSettingsService(d).UpdateCompanySettings(context.Background(), in); err != nil {
		t.Fatal(err)
	}
}

// state reads what a refusal must leave as it was: the query's one text
// value, with the number of audit rows in front.
func state(t testing.TB, d *db.DB, query string, args ...any) string {
	t.Helper()
	var s string
	if err := d.GetContext(context.Background(), &s, `SELECT (SELECT count(*) FROM audit_log) || ' | ' || (`+query+`)`, args...); err != nil {
		t.Fatal(err)
	}
	return s
}

// refused checks that err is exactly one domain error with code on field
// whose message mentions every word in words.
func refused(t testing.TB, err error, code, field string, words ...string) {
	t.Helper()
	es, ok := jxc.AsErrors(err)
	if !ok || len(es) == 0 {
		t.Fatalf("want %s on %s, got %v", code, field, err)
	}
	for _, e := range es {
		if e.Code == code && e.Field == field {
			for _, w := range words {
				if !strings.Contains(e.Message, w) {
					t.Errorf("%s on %s: message %q does not name %q", code, field, e.Message, w)
				}
			}
			return
		}
	}
	t.Fatalf("want %s on %s, got %v", code, field, es)
}

func TestCompanySettingsDefaultOnAndAudited(t *testing.T) {
	b := newBooks(t, 0, 0)
	svc := db.NewSettingsService(b.d)
	s, err := svc.CompanySettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !s.CreditLimitRaiseByFinance || !s.MismatchApprovalByOther || !s.OrderApprovalByOther || !s.OpeningStockByFinance ||
		!s.PostingAccountsProtected || !s.BelowCostSaleByManager || !s.OrderSelfApprovalLimit.Equal(dec("50000")) {
		t.Fatalf("defaults %+v: every control is on, the limit 50000", s)
	}
	mgr := as(t, b.d, "boss", jxc.RoleManager)
	if _, err := svc.UpdateCompanySettings(mgr, jxc.CompanySettingsUpdate{OrderSelfApprovalLimit: decp("-1")}); err == nil {
		t.Fatal("a negative limit was accepted")
	} else {
		refused(t, err, jxc.EINVALID, "input.orderSelfApprovalLimit")
	}
	s, err = svc.UpdateCompanySettings(mgr, jxc.CompanySettingsUpdate{BelowCostSaleByManager: jxc.Ptr(false), OrderSelfApprovalLimit: decp("1000.50")})
	if err != nil {
		t.Fatal(err)
	}
	if s.BelowCostSaleByManager || !s.CreditLimitRaiseByFinance || !s.OrderSelfApprovalLimit.Equal(dec("1000.5")) || s.UpdatedAt == nil {
		t.Fatalf("after the update %+v", s)
	}
	var row struct {
		Record string `db:"record_type"`
		Before string `db:"before"`
		After  string `db:"after"`
	}
	if err := b.d.GetContext(context.Background(), &row, `SELECT record_type, before::text, after::text FROM audit_log
		WHERE operation = 'updateCompanySettings'`); err != nil {
		t.Fatal(err)
	}
	if row.Record != jxc.RecordCompanySettings || !strings.Contains(row.Before, `"below_cost_sale_by_manager": true`) ||
		!strings.Contains(row.After, `"below_cost_sale_by_manager": false`) {
		t.Fatalf("audit row %+v", row)
	}
}

// The company's name heads printed documents: trimmed, at most 100
// characters, nothing written when too long, audited.
func TestCompanyNameIsKeptTrimmedAndBounded(t *testing.T) {
	b := newBooks(t, 0, 0)
	svc := db.NewSettingsService(b.d)
	mgr := as(t, b.d, "boss", jxc.RoleManager)
	long := strings.Repeat("公", 101)
	if _, err := svc.UpdateCompanySettings(mgr, jxc.CompanySettingsUpdate{CompanyName: &long, VoucherReview: jxc.Ptr(true)}); err == nil {
		t.Fatal("a 101-character name was accepted")
	} else {
		refused(t, err, jxc.EINVALID, "input.companyName")
	}
	s, err := svc.CompanySettings(context.Background())
	if err != nil || s.CompanyName != "" || s.VoucherReview {
		t.Fatalf("after a refused update %+v %v: nothing may be written", s, err)
	}
	name := "  北京示范商贸有限公司 "
	if s, err = svc.UpdateCompanySettings(mgr, jxc.CompanySettingsUpdate{CompanyName: &name}); err != nil || s.CompanyName != "北京示范商贸有限公司" {
		t.Fatalf("named %+v %v", s, err)
	}
	var after string
	if err := b.d.GetContext(context.Background(), &after, `SELECT after::text FROM audit_log WHERE operation = 'updateCompanySettings' ORDER BY id DESC LIMIT 1`); err != nil ||
		!strings.Contains(after, "北京示范商贸有限公司") {
		t.Fatalf("audit after %q %v", after, err)
	}
}

// 1. Sales cannot raise a customer's credit limit (nor give a new one);
// lowering is fine; finance and managers raise it.
func TestRaisingACreditLimitNeedsFinance(t *testing.T) {
	c := newSalesCo(t)
	sales := as(t, c.db, "sally", jxc.RoleSales)
	fin := as(t, c.db, "fiona", jxc.RoleFinance)
	mgr := as(t, c.db, "max", jxc.RoleManager)
	id := c.customer.ID
	limit := func() string { return state(t, c.db, `SELECT credit_limit::text FROM customers WHERE id = $1`, id) }

	before := limit()
	_, err := c.sales.UpdateCustomer(sales, jxc.CustomerUpdate{ID: id, CreditLimit: decp("150000"), Notes: jxc.Ptr("raise")})
	refused(t, err, jxc.EPERMISSION, "input.creditLimit", "C1", "100,000.00", "150,000.00", "FINANCE")
	if got := limit(); got != before {
		t.Fatalf("the refused raise wrote: %s, was %s", got, before)
	}
	if _, err := c.sales.CreateCustomer(sales, jxc.CustomerInput{Code: "C9", Name: "新客户", CreditLimit: decp("5000")}); err == nil {
		t.Fatal("sales gave a new customer a credit limit")
	} else {
		refused(t, err, jxc.EPERMISSION, "input.creditLimit", "C9")
	}
	if n := count(t, c.db, `SELECT count(*) FROM customers WHERE code = 'C9'`); n != 0 {
		t.Fatal("the refused customer was written")
	}
	if _, err := c.sales.CreateCustomer(sales, jxc.CustomerInput{Code: "C9", Name: "新客户", CreditLimit: decp("0")}); err != nil {
		t.Fatalf("sales creates a customer without credit: %v", err)
	}
	for _, step := range []struct {
		who   context.Context
		limit string
	}{{sales, "80000"}, {fin, "120000"}, {mgr, "130000"}, {sales, "130000"}} {
		got, err := c.sales.UpdateCustomer(step.who, jxc.CustomerUpdate{ID: id, CreditLimit: decp(step.limit)})
		if err != nil || !got.CreditLimit.Equal(dec(step.limit)) {
			t.Fatalf("setting the limit to %s: %v", step.limit, err)
		}
	}
	setDuties(t, c.db, jxc.CompanySettingsUpdate{CreditLimitRaiseByFinance: jxc.Ptr(false)})
	if _, err := c.sales.UpdateCustomer(sales, jxc.CustomerUpdate{ID: id, CreditLimit: decp("200000")}); err != nil {
		t.Fatalf("with the control off, sales raises the limit: %v", err)
	}
}

// mismatchedInvoice posts, as who, an invoice priced 20% above its order:
// it goes ON_HOLD.
func mismatchedInvoice(t *testing.T, p *purch, who context.Context, no string) *jxc.SupplierInvoice {
	t.Helper()
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("2"), UnitPrice: decp("10")})
	if _, err := p.svc.PostGoodsReceipt(context.Background(), jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &o.Lines[0].ID, AcceptedQty: dec("2")}}}); err != nil {
		t.Fatal(err)
	}
	inv, err := p.svc.PostSupplierInvoice(who, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: no, InvoiceDate: jan,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: o.Lines[0].ID, Quantity: dec("2"), UnitPrice: dec("12")}}})
	if err != nil {
		t.Fatal(err)
	}
	if inv.Status != jxc.InvoiceOnHold {
		t.Fatalf("invoice %s is %s, want ON_HOLD", inv.Number, inv.Status)
	}
	return inv
}

// 2. The user who posted a supplier invoice cannot approve its mismatch.
func TestInvoicePosterCannotApproveItsMismatch(t *testing.T) {
	p := newPurch(t)
	amy := as(t, p.d, "amy", jxc.RoleFinance)
	bob := as(t, p.d, "bob", jxc.RoleFinance)
	inv := mismatchedInvoice(t, p, amy, "M-1")
	st := func() string {
		return state(t, p.d, `SELECT status || coalesce(mismatch_approved_by::text, '-') FROM supplier_invoices WHERE id = $1`, inv.ID)
	}
	before := st()
	_, err := p.svc.ApproveInvoiceMismatch(amy, inv.ID)
	refused(t, err, jxc.EDUTY, "id", inv.Number)
	if got := st(); got != before {
		t.Fatalf("the refused approval wrote: %s, was %s", got, before)
	}
	if got, err := p.svc.ApproveInvoiceMismatch(bob, inv.ID); err != nil || got.Status != jxc.InvoiceOpen {
		t.Fatalf("another finance user approves: %v %+v", err, got)
	}
	setDuties(t, p.d, jxc.CompanySettingsUpdate{MismatchApprovalByOther: jxc.Ptr(false)})
	inv2 := mismatchedInvoice(t, p, amy, "M-2")
	if _, err := p.svc.ApproveInvoiceMismatch(amy, inv2.ID); err != nil {
		t.Fatalf("with the control off, the poster approves: %v", err)
	}
}

// 3. The creator of a purchase order cannot approve it above the limit.
func TestOrderCreatorCannotApproveAboveTheLimit(t *testing.T) {
	p := newPurch(t)
	both := as(t, p.d, "pat", jxc.RolePurchasing, jxc.RoleManager)
	other := as(t, p.d, "mia", jxc.RoleManager)
	order := func(qty string) *jxc.PurchaseOrder {
		o, err := p.svc.CreatePurchaseOrder(both, jxc.PurchaseOrderInput{SupplierID: p.sup.ID, WarehouseID: p.wid(0), OrderDate: jan,
			Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.pid(0), Quantity: dec(qty), UnitPrice: decp("1000")}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.svc.SubmitPurchaseOrder(both, o.ID); err != nil {
			t.Fatal(err)
		}
		return o
	}
	big := order("60") // 60,000 net, above the default limit of 50,000
	st := func(id int64) string {
		return state(t, p.d, `SELECT status || coalesce(approved_by::text, '-') || (SELECT count(*) FROM budget_entries) FROM purchase_orders WHERE id = $1`, id)
	}
	before := st(big.ID)
	_, err := p.svc.ApprovePurchaseOrder(both, big.ID)
	refused(t, err, jxc.EDUTY, "id", big.Number, "60,000.00", "50,000.00")
	if got := st(big.ID); got != before {
		t.Fatalf("the refused approval wrote: %s, was %s", got, before)
	}
	if r, err := p.svc.ApprovePurchaseOrder(other, big.ID); err != nil || r.Order.Status != jxc.POApproved {
		t.Fatalf("another manager approves: %v", err)
	}
	if r, err := p.svc.ApprovePurchaseOrder(both, order("50").ID); err != nil || r.Order.Status != jxc.POApproved {
		t.Fatalf("the creator approves an order at the limit: %v", err)
	}
	setDuties(t, p.d, jxc.CompanySettingsUpdate{OrderApprovalByOther: jxc.Ptr(false)})
	if _, err := p.svc.ApprovePurchaseOrder(both, order("70").ID); err != nil {
		t.Fatalf("with the control off, the creator approves: %v", err)
	}
}

// 4. Opening stock is for finance or an admin, once per product and
// warehouse, before any other move.
func TestOpeningStockIsFinancesAndOnlyBeforeAnyMove(t *testing.T) {
	b := newBooks(t, 2, 1)
	wh := as(t, b.d, "wang", jxc.RoleWarehouse)
	fin := as(t, b.d, "fei", jxc.RoleFinance)
	admin := as(t, b.d, "root", jxc.RoleAdmin)
	open := func(pi int, qty string) jxc.OpeningStock {
		return jxc.OpeningStock{Date: feb, Lines: []jxc.OpeningStockLine{{ProductID: b.pid(pi), WarehouseID: b.wid(0), Quantity: dec(qty), UnitCost: dec("2")}}}
	}
	all := func() string { return state(t, b.d, `SELECT 1`) + " | " + snapshot(t, b.d) }

	before := all()
	_, err := b.stock.PostOpeningStock(wh, open(0, "5"))
	refused(t, err, jxc.EPERMISSION, "input", "FINANCE")
	if got := all(); got != before {
		t.Fatalf("the refused opening stock wrote:\n%s\nwas\n%s", got, before)
	}
	if _, err := b.stock.PostOpeningStock(fin, open(0, "5")); err != nil {
		t.Fatalf("finance posts opening stock: %v", err)
	}
	before = all()
	_, err = b.stock.PostOpeningStock(admin, open(0, "3"))
	refused(t, err, jxc.ECONFLICT, "input.lines.0.productId", "P-000", "W0", "stock adjustment")
	twice := open(1, "1")
	twice.Lines = append(twice.Lines, twice.Lines[0])
	_, err = b.stock.PostOpeningStock(admin, twice)
	refused(t, err, jxc.ECONFLICT, "input.lines.1.productId", "line 1")
	if got := all(); got != before {
		t.Fatalf("the refused opening stock wrote:\n%s\nwas\n%s", got, before)
	}
	if _, err := b.stock.PostOpeningStock(admin, open(1, "4")); err != nil {
		t.Fatalf("an admin posts opening stock: %v", err)
	}
	setDuties(t, b.d, jxc.CompanySettingsUpdate{OpeningStockByFinance: jxc.Ptr(false)})
	if _, err := b.stock.PostOpeningStock(wh, open(0, "1")); err != nil {
		t.Fatalf("with the control off, the warehouse posts opening stock again: %v", err)
	}
	b.mustCheck(t)
}

// 5. An account the posting rules need, or one with a balance, stays
// active.
func TestPostingAccountsAndAccountsWithABalanceStayActive(t *testing.T) {
	b := newBooks(t, 0, 0)
	fin := as(t, b.d, "fay", jxc.RoleFinance)
	ctx := context.Background()
	for _, code := range []string{"6998", "6999"} {
		if _, err := b.ledger.CreateAccount(fin, jxc.AccountInput{Code: code, Name: "测试费用 " + code, Type: jxc.AccountExpense}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.ledger.PostManualEntry(fin, jxc.ManualEntry{Date: feb, Description: "费用", Lines: []jxc.ManualLine{
		{AccountCode: "6999", Debit: dec("12.5")}, {AccountCode: "1002", Credit: dec("12.5")}}}); err != nil {
		t.Fatal(err)
	}
	active := func() string {
		return state(t, b.d, `SELECT string_agg(code || ':' || active, ',' ORDER BY code) FROM accounts WHERE code IN ('1405', '6998', '6999')`)
	}
	before := active()
	off := jxc.Ptr(false)
	_, err := b.ledger.UpdateAccount(fin, jxc.AccountUpdate{Code: jxc.AccountInventory, Active: off})
	refused(t, err, jxc.ECONFLICT, "input.active", "1405", "posting rules")
	_, err = b.ledger.UpdateAccount(fin, jxc.AccountUpdate{Code: "6999", Active: off})
	refused(t, err, jxc.ECONFLICT, "input.active", "6999", "12.50")
	if got := active(); got != before {
		t.Fatalf("the refused deactivation wrote: %s, was %s", got, before)
	}
	if a, err := b.ledger.UpdateAccount(fin, jxc.AccountUpdate{Code: "6998", Active: off}); err != nil || a.Active {
		t.Fatalf("an unused account without a balance is deactivated: %v", err)
	}
	if _, err := b.ledger.UpdateAccount(ctx, jxc.AccountUpdate{Code: jxc.AccountInventory, Name: jxc.Ptr("库存商品")}); err != nil {
		t.Fatalf("renaming a posting account: %v", err)
	}
	setDuties(t, b.d, jxc.CompanySettingsUpdate{PostingAccountsProtected: jxc.Ptr(false)})
	if a, err := b.ledger.UpdateAccount(fin, jxc.AccountUpdate{Code: "6999", Active: off}); err != nil || a.Active {
		t.Fatalf("with the control off, an account with a balance is deactivated: %v", err)
	}
}

// 6. Confirming a sale below average cost needs a manager.
func TestSellingBelowCostNeedsAManager(t *testing.T) {
	c := newSalesCo(t)
	sales := as(t, c.db, "sue", jxc.RoleSales)
	mgr := as(t, c.db, "mo", jxc.RoleManager)
	// S-0 costs 60.00 in the east; 62 less 5% is 58.90. S-1 at 35.50 is above its 20.33.
	below := func() *jxc.SalesOrder {
		o, err := c.sales.CreateSalesOrder(sales, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1, Lines: []jxc.SalesOrderLineInput{
			{ProductID: c.products[1].ID, Quantity: dec("1")},
			{ProductID: c.products[0].ID, Quantity: dec("2"), UnitPrice: decp("62"), DiscountRate: decp("0.05")}}})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	// The dry run says what confirming will say: a refusal for sales, a warning for a manager.
	in := jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &d1, Lines: []jxc.SalesOrderLineInput{
		{ProductID: c.products[1].ID, Quantity: dec("1")},
		{ProductID: c.products[0].ID, Quantity: dec("2"), UnitPrice: decp("62"), DiscountRate: decp("0.05")}}}
	for who, code := range map[context.Context]string{sales: jxc.EPERMISSION, mgr: jxc.EINVALID} {
		v, err := c.sales.ValidateSalesOrder(who, in)
		if err != nil {
			t.Fatal(err)
		}
		refused(t, v.Violations, code, "input.lines.1.unitPrice", "S-0", "60.00")
	}
	o := below()
	st := func() string {
		return state(t, c.db, `SELECT (SELECT status FROM sales_orders WHERE id = $1) || ' ' || (SELECT sum(reserved) FROM stock_balances)`, o.ID)
	}
	before := st()
	_, err := c.sales.ConfirmSalesOrder(sales, o.ID)
	refused(t, err, jxc.EPERMISSION, "lines.1.unitPrice", fmt.Sprintf("line 2 of %s", o.Number), "S-0", "58.90", "60.00", "manager")
	if es, _ := jxc.AsErrors(err); len(es) != 1 {
		t.Fatalf("only the line below cost is named: %v", es)
	}
	if got := st(); got != before {
		t.Fatalf("the refused confirmation wrote: %s, was %s", got, before)
	}
	if got, err := c.sales.ConfirmSalesOrder(mgr, o.ID); err != nil || got.Status != jxc.OrderConfirmed {
		t.Fatalf("a manager confirms: %v", err)
	}
	above := c.order(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("1")})
	if _, err := c.sales.ConfirmSalesOrder(sales, above.ID); err != nil {
		t.Fatalf("sales confirms an order above cost: %v", err)
	}
	setDuties(t, c.db, jxc.CompanySettingsUpdate{BelowCostSaleByManager: jxc.Ptr(false)})
	if got, err := c.sales.ConfirmSalesOrder(sales, below().ID); err != nil || got.Status != jxc.OrderConfirmed {
		t.Fatalf("with the control off, sales confirms below cost: %v", err)
	}
	c.check(t)
}
