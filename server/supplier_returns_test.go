package main

import "testing"

// Supplier returns through the API: the demo's returns are listed (one
// with its debit note applied), an over-return comes back as a userError
// naming the line's quantity, and finance may not draft a return.
func TestSupplierReturnsThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	admin := app.client(t).mustLogin("admin")
	buyer := app.client(t).mustLogin("purchasing")
	var list struct {
		SupplierReturns struct {
			TotalCount int
			Nodes      []struct {
				Number        string
				Status        string
				ReceiptID     string
				TotalAmount   string
				AppliedAmount string
				StockValue    string
				Lines         []struct {
					ReceiptLineNo int
					Quantity      string
				}
			}
		}
	}
	admin.gql(`{ supplierReturns(first: 10, filter: {status: [POSTED]}) { totalCount nodes { number status receiptId totalAmount appliedAmount stockValue lines { receiptLineNo quantity } } } }`, nil, &list)
	if list.SupplierReturns.TotalCount < 2 {
		t.Fatalf("the demo posts two supplier returns: %+v", list)
	}
	applied := false
	for _, r := range list.SupplierReturns.Nodes {
		if r.AppliedAmount != "0" && r.AppliedAmount != "0.00" {
			applied = true
		}
	}
	if !applied {
		t.Errorf("no demo return has its debit note applied: %+v", list)
	}
	r := list.SupplierReturns.Nodes[0]
	var one struct {
		SupplierReturn *struct{ Number string }
	}
	buyer.gql(`query($n: String!) { supplierReturn(number: $n) { number } }`, map[string]any{"n": r.Number}, &one)
	if one.SupplierReturn == nil || one.SupplierReturn.Number != r.Number {
		t.Fatalf("by number: %+v", one)
	}
	var over struct {
		CreateSupplierReturn struct {
			SupplierReturn *struct{ Number string }
			UserErrors     []userErr
		}
	}
	op := `mutation($r: ID!, $l: Int!) { createSupplierReturn(input: {receiptId: $r, lines: [{receiptLineNo: $l, quantity: "100000"}]}) {
		supplierReturn { number } userErrors { code field message } } }`
	buyer.gql(op, map[string]any{"r": r.ReceiptID, "l": r.Lines[0].ReceiptLineNo}, &over)
	if over.CreateSupplierReturn.SupplierReturn != nil || len(over.CreateSupplierReturn.UserErrors) != 1 ||
		over.CreateSupplierReturn.UserErrors[0].Code != "CONFLICT" || over.CreateSupplierReturn.UserErrors[0].Field != "input.lines.0.quantity" {
		t.Fatalf("over-return: %+v", over)
	}
	fin := app.client(t).mustLogin("finance")
	if res := fin.do(op, map[string]any{"r": r.ReceiptID, "l": r.Lines[0].ReceiptLineNo}); res.code() != "FORBIDDEN" {
		t.Fatalf("finance drafted a return: %+v", res.Errors)
	}
}
