package main

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Separation of duties over HTTP with the demo users' sessions: the
// company settings are the managers', and a sale below average cost is
// confirmed by a manager, not by sales, until the control is turned off.
func TestSeparationOfDutiesThroughGraphQL(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	sales.lang = "en" // the messages below are read in English
	mgr := app.client(t).mustLogin("manager")

	read := `{ companySettings { creditLimitRaiseByFinance mismatchApprovalByOther orderApprovalByOther orderSelfApprovalLimit
		openingStockByFinance postingAccountsProtected belowCostSaleByManager } }`
	if r := sales.do(read, nil); r.code() != "FORBIDDEN" {
		t.Fatalf("sales reads the company settings: %+v", r)
	}
	if r := sales.do(`mutation { updateCompanySettings(input: {belowCostSaleByManager: false}) { userErrors { code } } }`, nil); r.code() != "FORBIDDEN" {
		t.Fatalf("sales changes the company settings: %+v", r)
	}
	var set struct {
		CompanySettings struct {
			CreditLimitRaiseByFinance, MismatchApprovalByOther, OrderApprovalByOther bool
			OpeningStockByFinance, PostingAccountsProtected, BelowCostSaleByManager  bool
			OrderSelfApprovalLimit                                                   string
		}
	}
	mgr.gql(read, nil, &set)
	if s := set.CompanySettings; !s.CreditLimitRaiseByFinance || !s.MismatchApprovalByOther || !s.OrderApprovalByOther || !s.OpeningStockByFinance ||
		!s.PostingAccountsProtected || !s.BelowCostSaleByManager || s.OrderSelfApprovalLimit != "50000" {
		t.Fatalf("the demo company's controls: %+v", s)
	}

	// A stocked product and a customer with room on its credit.
	var lv struct {
		StockLevels struct {
			Nodes []struct {
				AverageCost string
				Available   string
				Product     struct{ ID, Sku string }
				Warehouse   struct{ ID string }
			}
		}
	}
	mgr.gql(`{ stockLevels(first: 1, filter: {inStock: true}) { nodes { averageCost available product { id sku } warehouse { id } } } }`, nil, &lv)
	var cs struct {
		Customers struct {
			Nodes []struct{ ID, CreditAvailable string }
		}
	}
	mgr.gql(`{ customers(first: 50, filter: {overdue: false, onCreditHold: false, active: true}) { nodes { id creditAvailable } } }`, nil, &cs)
	if len(lv.StockLevels.Nodes) == 0 || len(cs.Customers.Nodes) == 0 {
		t.Fatal("no stock or customer in the demo")
	}
	level, customer := lv.StockLevels.Nodes[0], cs.Customers.Nodes[0]
	for _, c := range cs.Customers.Nodes {
		if decimal.RequireFromString(c.CreditAvailable).GreaterThan(decimal.RequireFromString(customer.CreditAvailable)) {
			customer = c
		}
	}
	newOrder := func() string {
		var r struct {
			CreateSalesOrder struct {
				Order      struct{ ID, Number string }
				UserErrors []userErr
			}
		}
		sales.gql(`mutation($c: ID!, $w: ID!, $p: ID!) { createSalesOrder(input: {customerId: $c, warehouseId: $w,
			lines: [{productId: $p, quantity: "1", unitPrice: "0.01"}]}) { order { id number } userErrors { code field message } } }`,
			map[string]any{"c": customer.ID, "w": level.Warehouse.ID, "p": level.Product.ID}, &r)
		noUserErrors(t, "createSalesOrder", r.CreateSalesOrder.UserErrors)
		return r.CreateSalesOrder.Order.ID
	}
	type confirmed struct {
		ConfirmSalesOrder struct {
			Order      *struct{ Status string }
			UserErrors []userErr
		}
	}
	confirm := `mutation($id: ID!) { confirmSalesOrder(id: $id) { order { status } userErrors { code field message } } }`
	id := newOrder()
	var c confirmed
	sales.gql(confirm, map[string]any{"id": id}, &c)
	if ue := c.ConfirmSalesOrder.UserErrors; len(ue) != 1 || ue[0].Code != "PERMISSION_REQUIRED" || ue[0].Field != "lines.0.unitPrice" ||
		!strings.Contains(ue[0].Message, level.Product.Sku) || !strings.Contains(ue[0].Message, "manager") || c.ConfirmSalesOrder.Order != nil {
		t.Fatalf("sales confirming below cost %s: %+v", level.AverageCost, c)
	}
	var so struct{ SalesOrder struct{ Status string } }
	mgr.gql(`query($id: ID!) { salesOrder(id: $id) { status } }`, map[string]any{"id": id}, &so)
	if so.SalesOrder.Status != "DRAFT" {
		t.Fatalf("the refused order is %s", so.SalesOrder.Status)
	}
	mgr.gql(confirm, map[string]any{"id": id}, &c)
	noUserErrors(t, "the manager confirms", c.ConfirmSalesOrder.UserErrors)

	var upd struct {
		UpdateCompanySettings struct {
			Settings   struct{ BelowCostSaleByManager bool }
			UserErrors []userErr
		}
	}
	mgr.gql(`mutation { updateCompanySettings(input: {belowCostSaleByManager: false}) { settings { belowCostSaleByManager } userErrors { code field message } } }`, nil, &upd)
	noUserErrors(t, "updateCompanySettings", upd.UpdateCompanySettings.UserErrors)
	if upd.UpdateCompanySettings.Settings.BelowCostSaleByManager {
		t.Fatal("the control is still on")
	}
	sales.gql(confirm, map[string]any{"id": newOrder()}, &c)
	noUserErrors(t, "with the control off, sales confirms below cost", c.ConfirmSalesOrder.UserErrors)

	mgr.gql(`mutation { updateCompanySettings(input: {orderSelfApprovalLimit: "-5"}) { settings { belowCostSaleByManager } userErrors { code field message } } }`, nil, &upd)
	if ue := upd.UpdateCompanySettings.UserErrors; len(ue) == 0 || ue[0].Field != "input.orderSelfApprovalLimit" {
		t.Fatalf("a negative limit: %+v", ue)
	}
}

// The creator of a purchase order above the limit may not approve it, and
// the posting engine's accounts stay active, over HTTP.
func TestOrderApprovalAndAccountsThroughGraphQL(t *testing.T) {
	app := newTestApp(t)
	admin := app.client(t).mustLogin("admin")
	mgr := app.client(t).mustLogin("manager")
	fin := app.client(t).mustLogin("finance")

	var ids struct {
		Suppliers  struct{ Nodes []struct{ ID string } }
		Warehouses struct{ Nodes []struct{ ID string } }
		Products   struct{ Nodes []struct{ ID string } }
	}
	admin.gql(`{ suppliers(first: 1) { nodes { id } } warehouses(first: 1) { nodes { id } } products(first: 1, filter: {active: true}) { nodes { id } } }`, nil, &ids)
	if len(ids.Suppliers.Nodes) == 0 || len(ids.Warehouses.Nodes) == 0 || len(ids.Products.Nodes) == 0 {
		t.Fatal("no supplier, warehouse or product in the demo")
	}
	var po struct {
		CreatePurchaseOrder struct {
			PurchaseOrder struct{ ID, Number string }
			UserErrors    []userErr
		}
	}
	admin.gql(`mutation($s: ID!, $w: ID!, $p: ID!) { createPurchaseOrder(input: {supplierId: $s, warehouseId: $w, costCentre: "DUTY",
		lines: [{productId: $p, quantity: "2", unitPrice: "30000"}]}) { purchaseOrder { id number } userErrors { code field message } } }`,
		map[string]any{"s": ids.Suppliers.Nodes[0].ID, "w": ids.Warehouses.Nodes[0].ID, "p": ids.Products.Nodes[0].ID}, &po)
	noUserErrors(t, "createPurchaseOrder", po.CreatePurchaseOrder.UserErrors)
	id := po.CreatePurchaseOrder.PurchaseOrder.ID
	var sub struct {
		SubmitPurchaseOrder struct{ UserErrors []userErr }
	}
	admin.gql(`mutation($id: ID!) { submitPurchaseOrder(id: $id) { userErrors { code field message } } }`, map[string]any{"id": id}, &sub)
	noUserErrors(t, "submitPurchaseOrder", sub.SubmitPurchaseOrder.UserErrors)
	approve := `mutation($id: ID!) { approvePurchaseOrder(id: $id) { purchaseOrder { status } userErrors { code field message } } }`
	var ap struct {
		ApprovePurchaseOrder struct {
			PurchaseOrder *struct{ Status string }
			UserErrors    []userErr
		}
	}
	admin.gql(approve, map[string]any{"id": id}, &ap)
	if ue := ap.ApprovePurchaseOrder.UserErrors; len(ue) != 1 || ue[0].Code != "DUTY_SEPARATION" || ue[0].Field != "id" ||
		!strings.Contains(ue[0].Message, po.CreatePurchaseOrder.PurchaseOrder.Number) || ap.ApprovePurchaseOrder.PurchaseOrder != nil {
		t.Fatalf("the creator approving 60000: %+v", ap)
	}
	mgr.gql(approve, map[string]any{"id": id}, &ap)
	noUserErrors(t, "the manager approves", ap.ApprovePurchaseOrder.UserErrors)
	if ap.ApprovePurchaseOrder.PurchaseOrder.Status != "APPROVED" {
		t.Fatalf("approved order is %+v", ap.ApprovePurchaseOrder.PurchaseOrder)
	}

	var acc struct {
		UpdateAccount struct {
			Account    *struct{ Active bool }
			UserErrors []userErr
		}
	}
	deactivate := `mutation($c: String!) { updateAccount(input: {code: $c, active: false}) { account { active } userErrors { code field message } } }`
	fin.gql(deactivate, map[string]any{"c": "1405"}, &acc)
	if ue := acc.UpdateAccount.UserErrors; len(ue) == 0 || ue[0].Code != "CONFLICT" || ue[0].Field != "input.active" || acc.UpdateAccount.Account != nil {
		t.Fatalf("deactivating inventory: %+v", acc)
	}
	var a struct {
		Accounts []struct {
			Code   string
			Active bool
		}
	}
	fin.gql(`{ accounts { code active } }`, nil, &a)
	for _, x := range a.Accounts {
		if x.Code == "1405" && !x.Active {
			t.Fatal("the refused deactivation deactivated 1405")
		}
	}
}
