package jxc_test

import (
	"testing"

	"github.com/jxcgraph/jxc"
)

func TestPlanSupplierInvoice(t *testing.T) {
	tol := jxc.MatchTolerance{Price: d("0.02"), Quantity: d("0")}
	for _, c := range []struct {
		name   string
		status jxc.PurchaseOrderStatus
		date   jxc.Date
		lines  []jxc.SupplierInvoiceLineInput
		errs   []string
		issues []jxc.MatchIssueKind
		hold   bool
	}{
		{name: "what was received at the order price", date: day,
			lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: 11, Quantity: d("3"), UnitPrice: d("2.5")}}},
		{name: "within the price tolerance", status: jxc.POReceived, date: day,
			lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: 11, Quantity: d("3"), UnitPrice: d("2.55")}}},
		{name: "dearer and more than received goes on hold", date: day,
			lines:  []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: 11, Quantity: d("4"), UnitPrice: d("2.6")}},
			issues: []jxc.MatchIssueKind{jxc.MatchPrice, jxc.MatchQuantity}, hold: true},
		{name: "every refusal at once", status: jxc.PODraft, date: jxc.Date{Year: 2026, Month: 3, Day: 9},
			lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: 99, Quantity: d("1"), UnitPrice: d("1")},
				{PurchaseOrderLineID: 12, Quantity: d("5.5"), UnitPrice: d("7")}},
			errs: []string{"CONFLICT input.purchaseOrderId ~ purchase order PO-000001 is DRAFT; only approved orders are invoiced",
				"INVALID input.invoiceDate ~ an invoice may not be dated before its order (2026-03-10)",
				"NOT_FOUND input.lines.0.purchaseOrderLineId ~ the line is not on purchase order PO-000001",
				"CONFLICT input.lines.1.quantity ~ only 5 of B is ordered and not yet invoiced on PO-000001 line 2; 5.5 cannot be invoiced"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := approvedOrder()
			if c.status != "" {
				o.Status = c.status
			}
			in := jxc.SupplierInvoiceInput{PurchaseOrderID: 1, SupplierInvoiceNo: " INV-7 ", InvoiceDate: c.date, Lines: c.lines}
			p, err := jxc.PlanSupplierInvoice(o, tol, in)
			checkErrors(t, err, c.errs...)
			if err != nil {
				return
			}
			if len(p.Issues) != len(c.issues) {
				t.Fatalf("issues %+v, want %v", p.Issues, c.issues)
			}
			for i, k := range c.issues {
				if p.Issues[i].Kind != k || p.Issues[i].LineNo != 1 {
					t.Errorf("issue %d is %+v, want %s on line 1", i, p.Issues[i], k)
				}
			}
			if want := map[bool]jxc.SupplierInvoiceStatus{false: jxc.InvoiceOpen, true: jxc.InvoiceOnHold}[c.hold]; p.Status() != want {
				t.Errorf("status %s, want %s", p.Status(), want)
			}
			ev := p.Posting("SI-000004")
			if ev.Description.Render(jxc.LangEN) != "Supplier invoice SI-000004 (SUP-1 INV-7) for PO-000001" || ev.Partner != "SUP-1" || len(ev.Lines) != 1 {
				t.Fatalf("posting %+v", ev)
			}
			if l := ev.Lines[0]; !l.OrderPrice.Equal(d("2.5")) || !l.ReceivedQty.Equal(d("3")) || !l.Quantity.Equal(c.lines[0].Quantity) {
				t.Errorf("posting line %+v", l)
			}
		})
	}
}

func TestSupplierInvoiceBudgetCharges(t *testing.T) {
	cat := int64(8)
	o := approvedOrder() // line 11: 10 ordered at 2.5, none invoiced
	o.Lines[0].Product.CategoryID = &cat
	invoiced := jxc.Date{Year: 2026, Month: 4, Day: 2}
	p, err := jxc.PlanSupplierInvoice(o, jxc.MatchTolerance{Price: d("1"), Quantity: d("1")}, jxc.SupplierInvoiceInput{InvoiceDate: invoiced,
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: 11, Quantity: d("3"), UnitPrice: d("2.6")}}})
	if err != nil {
		t.Fatal(err)
	}
	ev := p.Posting("SI-1")
	ev.Lines[0].Net = d("7.80") // as the posting prices it
	release, actual := p.BudgetCharges(ev)
	if len(release) != 1 || len(actual) != 1 {
		t.Fatalf("release %+v actual %+v", release, actual)
	}
	if r := release[0]; !r.Amount.Equal(d("-7.50")) || r.Year != 2026 || r.Month != 3 || r.CostCentre != "CC1" || r.AccountCode != jxc.AccountInventory || r.CategoryID != &cat {
		t.Errorf("release %+v: the commitment falls by 3 x 2.50 in the order's month", r)
	}
	if a := actual[0]; !a.Amount.Equal(d("7.80")) || a.Month != 4 {
		t.Errorf("actual %+v: the invoice's net in the invoice's month", a)
	}
	o.CostCentre = ""
	if release, actual := p.BudgetCharges(ev); release != nil || actual != nil {
		t.Errorf("without a cost centre no budget is charged: %+v %+v", release, actual)
	}
}
