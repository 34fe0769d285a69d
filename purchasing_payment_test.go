package jxc_test

import (
	"testing"

	"github.com/jxcgraph/jxc"
)

func TestCheckSupplierPayment(t *testing.T) {
	invoiced := jxc.Date{Year: 2026, Month: 3, Day: 5}
	invs := map[int64]*jxc.PayableInvoice{
		1: {ID: 1, Number: "SI-1", SupplierID: 7, Status: jxc.InvoiceOpen, Total: d("100.00"), Paid: d("40.00"), Date: invoiced},
		2: {ID: 2, Number: "SI-2", SupplierID: 8, Status: jxc.InvoiceOpen, Total: d("10.00"), Paid: d("0"), Date: invoiced},
		3: {ID: 3, Number: "SI-3", SupplierID: 7, Status: jxc.InvoiceOnHold, Total: d("10.00"), Paid: d("0"), Date: invoiced},
		4: {ID: 4, Number: "SI-4", SupplierID: 7, Status: jxc.InvoicePaid, Total: d("10.00"), Paid: d("10.00"), Date: invoiced},
	}
	alloc := func(id int64, amount string) jxc.PaymentAllocationInput {
		return jxc.PaymentAllocationInput{InvoiceID: id, Amount: d(amount)}
	}
	for _, c := range []struct {
		name   string
		found  bool
		date   jxc.Date
		allocs []jxc.PaymentAllocationInput
		errs   []string
	}{
		{"what is open, on the invoice's day", true, invoiced, []jxc.PaymentAllocationInput{alloc(1, "60.00")}, nil},
		{"more than is open", true, day, []jxc.PaymentAllocationInput{alloc(1, "60.01")},
			[]string{"CONFLICT input.allocations.0.amount ~ invoice SI-1 has only 60 open; 60.01 cannot be allocated to it"}},
		{"before the invoice", true, jxc.Date{Year: 2026, Month: 3, Day: 4}, []jxc.PaymentAllocationInput{alloc(1, "1")},
			[]string{"INVALID input.paymentDate ~ a payment may not be dated before the invoice SI-1 it pays (2026-03-05)"}},
		{"every refusal at once", false, day, []jxc.PaymentAllocationInput{alloc(9, "1"), alloc(2, "1"), alloc(3, "1"), alloc(4, "1")},
			[]string{"NOT_FOUND input.supplierId ~ no such supplier",
				"NOT_FOUND input.allocations.0.invoiceId ~ no such supplier invoice",
				"INVALID input.allocations.1.invoiceId ~ invoice SI-2 is another supplier's",
				"CONFLICT input.allocations.2.invoiceId ~ invoice SI-3 is on hold",
				"CONFLICT input.allocations.3.invoiceId ~ invoice SI-4 is already paid"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := jxc.CheckSupplierPayment(jxc.SupplierPaymentInput{SupplierID: 7, PaymentDate: c.date, Allocations: c.allocs}, c.found, invs)
			checkErrors(t, err, c.errs...)
		})
	}
}
