package graph_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
)

// returnAndRefund takes one unit of the first line of the first shipment
// back and pays the credit note back in full.
func returnAndRefund(t *testing.T, d *db.DB) (*jxc.SalesReturn, *jxc.CustomerRefund) {
	t.Helper()
	ctx := context.Background()
	sales := db.NewSalesService(d)
	shs, err := sales.FindShipments(ctx, jxc.ShipmentFilter{}, &jxc.ShipmentOrder{Field: "NUMBER", Direction: jxc.Asc}, jxc.PageArgs{})
	if err != nil || len(shs.Items) == 0 {
		t.Fatalf("shipments: %v", err)
	}
	sh := shs.Items[0]
	ret, err := sales.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, Reason: jxc.Ptr("破损"),
		Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: decimal.RequireFromString("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := sales.RefundCustomer(ctx, jxc.RefundInput{ReturnID: &ret.ID, Amount: ret.TotalAmount})
	if err != nil {
		t.Fatal(err)
	}
	return ret, ref
}

// Every sales document opens by its business number, whatever a list's
// filter: an exact match; an unknown number, or a number of another kind
// of document, is null and not an error.
func TestSalesDocumentsByNumber(t *testing.T) {
	d := dbtest.New(t)
	customersWithDocuments(t, d, 2)
	ret, ref := returnAndRefund(t, d)
	c, _ := countingCaller(t, d, jxc.RoleFinance)

	res := c.do(`query($ret: String!, $ref: String!) {
		o: salesOrder(number: "SO-000001") { number status }
		sh: shipment(number: "SH-000001") { number status }
		inv: salesInvoice(number: "SI-000001") { number }
		pay: customerPayment(number: "RC-000001") { number amount }
		ret: salesReturn(number: $ret) { number }
		ref: customerRefund(number: $ref) { number amount }
		byId: salesInvoice(id: 1) { number }
		missing: salesInvoice(number: "SI-999999") { number }
		otherKind: salesInvoice(number: "SO-000001") { number }
		partial: salesOrder(number: "SO-00000") { number }
		lower: shipment(number: "sh-000001") { number }
		mismatch: salesOrder(id: 2, number: "SO-000001") { number }
		payOther: customerPayment(number: "SI-000001") { number }
		retOther: salesReturn(number: "RF-000001") { number }
		refMissing: customerRefund(number: "RF-999999") { number }
	}`, map[string]any{"ret": ret.Number, "ref": ref.Number})
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	want := map[string]string{"o": "SO-000001", "sh": "SH-000001", "inv": "SI-000001", "pay": "RC-000001", "ret": ret.Number, "ref": ref.Number, "byId": "SI-000001"}
	for k, n := range want {
		var doc struct{ Number, Status string }
		if err := json.Unmarshal(res.Data[k], &doc); err != nil || doc.Number != n {
			t.Errorf("%s: %s, want %s (%v)", k, res.Data[k], n, err)
		}
	}
	var sh struct{ Status string }
	_ = json.Unmarshal(res.Data["sh"], &sh)
	if sh.Status != "SHIPPED" {
		t.Errorf("shipment SH-000001 is %q, want SHIPPED", sh.Status)
	}
	for _, k := range []string{"missing", "otherKind", "partial", "lower", "mismatch", "payOther", "retOther", "refMissing"} {
		if string(res.Data[k]) != "null" {
			t.Errorf("%s: %s, want null", k, res.Data[k])
		}
	}

	// Neither an id nor a number: a validation error naming the field.
	res = c.do(`{ salesInvoice { number } }`, nil)
	if len(res.Errors) != 1 || string(res.Data["salesInvoice"]) != "null" {
		t.Errorf("no id nor number: %s %+v", res.Data["salesInvoice"], res.Errors)
	}
}

// The related documents: an invoice's shipments, what settled it and its
// returns; a shipment's returns; a payment's and a return's refunds. A page
// of them costs the same number of statements for 3 rows as for 12.
func TestSalesDocumentsRelated(t *testing.T) {
	d := dbtest.New(t)
	customersWithDocuments(t, d, 12)
	ret, ref := returnAndRefund(t, d)
	c, counter := countingCaller(t, d, jxc.RoleFinance)

	const q = `query($first: Int) {
		salesInvoices(first: $first, orderBy: {field: NUMBER, direction: ASC}) { nodes { number
			shipments { number order { number } }
			allocations { amount payment { number } return { number } }
			returns { number refunds { number amount } }
		} }
		shipments(first: $first, orderBy: {field: NUMBER, direction: ASC}) { nodes { number invoice { number } returns { number } } }
		customerPayments(first: $first, orderBy: {field: NUMBER, direction: ASC}) { nodes { number refunds { number } } }
	}`
	type page struct {
		SalesInvoices struct {
			Nodes []struct {
				Number    string
				Shipments []struct {
					Number string
					Order  struct{ Number string }
				}
				Allocations []struct {
					Amount  string
					Payment *struct{ Number string }
					Return  *struct{ Number string }
				}
				Returns []struct {
					Number  string
					Refunds []struct{ Number, Amount string }
				}
			}
		}
		Shipments struct {
			Nodes []struct {
				Number  string
				Invoice *struct{ Number string }
				Returns []struct{ Number string }
			}
		}
		CustomerPayments struct {
			Nodes []struct {
				Number  string
				Refunds []struct{ Number string }
			}
		}
	}
	counts := map[int]int64{}
	for _, first := range []int{3, 12} {
		res := c.do(q, map[string]any{"first": first})
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		counts[first] = counter.lastCount()
		raw, _ := json.Marshal(res.Data)
		var p page
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		if len(p.SalesInvoices.Nodes) != first || len(p.Shipments.Nodes) != first || len(p.CustomerPayments.Nodes) != first {
			t.Fatalf("first %d: %s", first, raw)
		}
		inv := p.SalesInvoices.Nodes[0]
		if inv.Number != "SI-000001" || len(inv.Shipments) != 1 || inv.Shipments[0].Number != "SH-000001" || inv.Shipments[0].Order.Number != "SO-000001" {
			t.Errorf("invoice's shipments: %+v", inv)
		}
		if len(inv.Allocations) != 1 || inv.Allocations[0].Payment == nil || inv.Allocations[0].Payment.Number != "RC-000001" {
			t.Errorf("invoice's allocations: %+v", inv.Allocations)
		}
		if len(inv.Returns) != 1 || inv.Returns[0].Number != ret.Number || len(inv.Returns[0].Refunds) != 1 || inv.Returns[0].Refunds[0].Number != ref.Number {
			t.Errorf("invoice's returns: %+v", inv.Returns)
		}
		if len(p.SalesInvoices.Nodes[1].Returns) != 0 || len(p.SalesInvoices.Nodes[1].Shipments) != 1 {
			t.Errorf("second invoice: %+v", p.SalesInvoices.Nodes[1])
		}
		sh := p.Shipments.Nodes[0]
		if sh.Invoice == nil || sh.Invoice.Number != "SI-000001" || len(sh.Returns) != 1 || sh.Returns[0].Number != ret.Number {
			t.Errorf("shipment: %+v", sh)
		}
		if len(p.CustomerPayments.Nodes[0].Refunds) != 0 {
			t.Errorf("payment refunds: %+v", p.CustomerPayments.Nodes[0])
		}
	}
	if counts[3] != counts[12] {
		t.Errorf("statements for 3 rows %d, for 12 rows %d: want the same", counts[3], counts[12])
	}

	// The refunds of a payment and of a return, one document each.
	res := c.do(`query($ret: String!) { salesReturn(number: $ret) { number refunds { number } invoice { number } } }`, map[string]any{"ret": ret.Number})
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	var r struct {
		Refunds []struct{ Number string }
		Invoice struct{ Number string }
	}
	if err := json.Unmarshal(res.Data["salesReturn"], &r); err != nil || len(r.Refunds) != 1 || r.Refunds[0].Number != ref.Number || r.Invoice.Number != "SI-000001" {
		t.Errorf("return: %s %v", res.Data["salesReturn"], err)
	}
}
