package db_test

import (
	"context"
	"testing"
	"time"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// A receipt dated two years ahead used to be accepted (and then refused
// every later posting of its products until that date); 0001-01-01 and
// 9999-12-31 were accepted or failed as INTERNAL, and an invoice dated
// 9999-12-31 got a due date the server could not read back. Each is now a
// userError naming the date field, and nothing is written.
func TestPostingWindowRefusesDatesOutsideIt(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("10"), UnitPrice: decp("10")})
	line := o.Lines[0].ID
	today := jxc.Today(time.Now())
	receipt := func(d jxc.Date) error {
		_, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: d,
			Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("1")}}})
		return err
	}
	before := snapshot(t, p.d)
	for _, c := range []struct {
		name string
		d    jxc.Date
		code string
	}{
		{"two years ahead", today.AddDays(730), jxc.EDATERANGE},
		{"after the end of next month", jxc.MonthEnd(today, 1).AddDays(1), jxc.EDATERANGE},
		{"year 9999", jxc.Date{Year: 9999, Month: 12, Day: 31}, jxc.EDATERANGE},
	} {
		expectRefused(t, p.d, "receipt "+c.name, receipt(c.d), wantErr{c.code, "input.receiptDate"})
	}
	entry := func(d jxc.Date) error {
		_, err := p.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: d, Description: "old", Lines: []jxc.ManualLine{
			{AccountCode: "6602", Debit: dec("1")}, {AccountCode: "1002", Credit: dec("1")}}})
		return err
	}
	expectRefused(t, p.d, "entry in year 1", entry(jxc.Date{Year: 1, Month: 1, Day: 1}), wantErr{jxc.EDATERANGE, "input.postingDate"})
	expectRefused(t, p.d, "entry before 2000", entry(jxc.Date{Year: 1999, Month: 12, Day: 31}), wantErr{jxc.EDATERANGE, "input.postingDate"})
	_, err := p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: "FAR", InvoiceDate: jxc.Date{Year: 9999, Month: 12, Day: 31},
		Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: line, Quantity: dec("1"), UnitPrice: dec("10")}}})
	expectRefused(t, p.d, "invoice dated 9999-12-31", err, wantErr{jxc.EDATERANGE, "input.invoiceDate"})
	// Dates that do not post stay inside the company's years too, so no
	// date derived from them (plus lead time) leaves what the server writes.
	far := jxc.Date{Year: 9999, Month: 12, Day: 31}
	_, err = p.svc.CreatePurchaseOrder(ctx, jxc.PurchaseOrderInput{SupplierID: p.sup.ID, WarehouseID: p.wid(0), OrderDate: far, ExpectedDate: &far,
		Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.pid(0), Quantity: dec("1"), UnitPrice: decp("1")}}})
	expectRefused(t, p.d, "order dated 9999-12-31", err, wantErr{jxc.EDATERANGE, "input.orderDate"}, wantErr{jxc.EDATERANGE, "input.expectedDate"})
	if after := snapshot(t, p.d); after != before {
		t.Fatalf("refused postings left something behind:\nbefore %s\nafter  %s", before, after)
	}

	// The horizon is the company's: 0 months refuses next month, 3 accept it.
	w, err := p.ledger.PostingWindow(ctx)
	if err != nil || w.LockDate != nil || w.Horizon != jxc.MonthEnd(today, 1) || w.FirstYear() != 2000 || w.LastYear() != 2099 {
		t.Fatalf("default window %+v %v", w, err)
	}
	_, err = p.ledger.UpdatePostingWindow(ctx, jxc.PostingWindowSettings{HorizonMonths: 25, FirstYear: 2100, LastYear: 2000})
	expectRefused(t, p.d, "bad window", err, wantErr{jxc.EINVALID, "input.horizonMonths"}, wantErr{jxc.EINVALID, "input.lastYear"})
	if _, err := p.ledger.UpdatePostingWindow(ctx, jxc.PostingWindowSettings{HorizonMonths: 0, FirstYear: 2000, LastYear: 2099}); err != nil {
		t.Fatal(err)
	}
	expectRefused(t, p.d, "receipt next month with no horizon", receipt(jxc.MonthEnd(today, 1)), wantErr{jxc.EDATERANGE, "input.receiptDate"})
	if _, err := p.ledger.UpdatePostingWindow(ctx, jxc.PostingWindowSettings{HorizonMonths: 3, FirstYear: 1990, LastYear: 2099}); err != nil {
		t.Fatal(err)
	}
	if err := entry(jxc.Date{Year: 1999, Month: 6, Day: 1}); err != nil {
		t.Fatalf("a company whose books start in 1990 posts in 1999: %v", err)
	}
	if err := receipt(jxc.MonthEnd(today, 1)); err != nil {
		t.Fatalf("inside a 3-month horizon: %v", err)
	}
	var audited int
	if err := p.d.GetContext(ctx, &audited, `SELECT count(*) FROM audit_log WHERE record_type = 'postingWindow' AND (after->>'horizon_months')::int = 3`); err != nil || audited != 1 {
		t.Fatalf("window changes audited: %d %v", audited, err)
	}
	p.mustCheck(t)
}

// Periods close in order, the lock date covers every month up to the
// latest closed one, and reopening (with a reason) reopens the later months
// too and marks their month-end summaries stale. Before, March closed
// alone, February still took postings (changing March's closing balance
// sheet), and a reopening said nothing of why.
func TestPeriodsCloseInOrderAndLockWhatIsBehind(t *testing.T) {
	ctx := context.Background()
	b := newBooks(t, 1, 1)
	kpis := db.NewKPIService(b.d)
	entry := func(d jxc.Date) error {
		_, err := b.ledger.PostManualEntry(ctx, jxc.ManualEntry{Date: d, Description: "rent", Lines: []jxc.ManualLine{
			{AccountCode: "6602", Debit: dec("10")}, {AccountCode: "1002", Credit: dec("10")}}})
		return err
	}
	jan10, feb10, mar10 := jxc.Date{Year: 2026, Month: 1, Day: 10}, jxc.Date{Year: 2026, Month: 2, Day: 10}, jxc.Date{Year: 2026, Month: 3, Day: 10}
	for _, d := range []jxc.Date{jan10, feb10, mar10} {
		if err := entry(d); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, b.d)
	_, err := b.ledger.CloseFiscalPeriod(ctx, 2026, 3, false)
	expectRefused(t, b.d, "closing March before January and February", err, wantErr{jxc.ECONFLICT, "input.closeEarlier"})
	if after := snapshot(t, b.d); after != before {
		t.Fatalf("a refused close changed something:\nbefore %s\nafter  %s", before, after)
	}
	c, err := b.ledger.CloseFiscalPeriod(ctx, 2026, 3, true)
	if err != nil {
		t.Fatal(err)
	}
	mar31 := jxc.Date{Year: 2026, Month: 3, Day: 31}
	if len(c.Changed) != 3 || c.Changed[0].Month != 1 || c.Period.Month != 3 || c.Period.Status != jxc.PeriodClosed || c.LockDate == nil || *c.LockDate != mar31 {
		t.Fatalf("close with earlier months: %+v", c)
	}
	// Nothing posts on or before the lock date, whatever the month.
	expectRefused(t, b.d, "posting into February", entry(feb10), wantErr{jxc.EPERIODCLOSED, "input.postingDate"})
	expectRefused(t, b.d, "posting into last year", entry(jxc.Date{Year: 2025, Month: 6, Day: 1}), wantErr{jxc.EPERIODCLOSED, "input.postingDate"})
	if err := entry(jxc.Date{Year: 2026, Month: 4, Day: 1}); err != nil {
		t.Fatalf("the day after the lock date: %v", err)
	}
	if w, err := b.ledger.PostingWindow(ctx); err != nil || w.LockDate == nil || *w.LockDate != mar31 || w.EarliestDate() != mar31.AddDays(1) {
		t.Fatalf("window after closing %+v %v", w, err)
	}
	b.mustCheck(t)

	// Reopening needs a reason and reopens the later months with it.
	_, err = b.ledger.ReopenFiscalPeriod(ctx, 2026, 2, "  ")
	expectRefused(t, b.d, "reopening without a reason", err, wantErr{jxc.EINVALID, "input.reason"})
	r, err := b.ledger.ReopenFiscalPeriod(ctx, 2026, 2, "supplier credit note for February arrived late")
	if err != nil {
		t.Fatal(err)
	}
	jan31 := jxc.Date{Year: 2026, Month: 1, Day: 31}
	if len(r.Changed) != 2 || r.Changed[0].Month != 2 || r.Changed[1].Month != 3 || r.LockDate == nil || *r.LockDate != jan31 ||
		r.Period.ReopenReason != "supplier credit note for February arrived late" || r.Period.ReopenedAt == nil {
		t.Fatalf("reopen: %+v", r)
	}
	for m, stale := range map[int]bool{1: false, 2: true, 3: true} {
		s, err := kpis.PeriodSummary(ctx, 2026, m)
		if err != nil || s == nil || s.Stale != stale {
			t.Fatalf("summary of 2026-%02d: %+v %v, want stale %v", m, s, err, stale)
		}
	}
	var reasons int
	if err := b.d.GetContext(ctx, &reasons, `SELECT count(*) FROM audit_log WHERE record_type = 'fiscalPeriod' AND action = 'reopen'
		AND after->>'reopen_reason' = 'supplier credit note for February arrived late'`); err != nil || reasons != 2 {
		t.Fatalf("reopenings in the audit trail: %d %v", reasons, err)
	}
	expectRefused(t, b.d, "January stays locked", entry(jan10), wantErr{jxc.EPERIODCLOSED, "input.postingDate"})
	if err := entry(feb10); err != nil {
		t.Fatalf("posting into reopened February: %v", err)
	}
	_, err = b.ledger.ReopenFiscalPeriod(ctx, 2026, 3, "again")
	expectRefused(t, b.d, "reopening an open month", err, wantErr{jxc.ECONFLICT, "input.month"})
	if _, err := b.ledger.CloseFiscalPeriod(ctx, 2026, 3, true); err != nil {
		t.Fatal(err)
	}
	if s, err := kpis.PeriodSummary(ctx, 2026, 2); err != nil || s == nil || s.Stale {
		t.Fatalf("closing again recomputes the summary: %+v %v", s, err)
	}
	b.mustCheck(t)

	// booksCheck sees entries created after the lock date covering them was
	// set (here: March's close moved back before they were posted).
	if _, err := b.d.ExecContext(ctx, `UPDATE fiscal_periods SET closed_at = closed_at - interval '1 day' WHERE year = 2026 AND month = 3`); err != nil {
		t.Fatal(err)
	}
	chk, err := b.ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, v := range chk.Violations {
		found = found || v.Rule == jxc.RulePostedBeforeLockDate
	}
	if !found {
		t.Fatalf("booksCheck missed an entry posted behind the lock date: %+v", chk.Violations)
	}
}

// A delivery and its rating are dated by the day the customer received the
// goods, so a history can be rated on the day it happened and the
// satisfaction KPI counts the rating in that day's period. Before, the
// rating took the server's clock and a past month's satisfaction was empty.
func TestDeliveryIsDatedByDeliveredOn(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	kpis := db.NewKPIService(c.db)
	ship := func() *jxc.Shipment {
		o := c.order(t, jxc.SalesOrderLineInput{ProductID: c.products[0].ID, Quantity: dec("1")})
		if _, err := c.sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
		shs, err := c.sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
		if err != nil {
			t.Fatal(err)
		}
		sh, err := c.sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID, PostingDate: &d2})
		if err != nil {
			t.Fatal(err)
		}
		return sh
	}
	far := jxc.Date{Year: 9999, Month: 12, Day: 31}
	_, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.customer.ID, PostingDate: &far, PromisedDate: &far,
		Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[0].ID, Quantity: dec("1")}}})
	if es, ok := jxc.AsErrors(err); !ok || len(es) < 2 || es[0].Code != jxc.EDATERANGE {
		t.Fatalf("an order dated and promised 9999-12-31: %v", err)
	}
	wantField(t, err, "input.postingDate")
	wantField(t, err, "input.promisedDate")
	sh := ship()
	today := jxc.Today(time.Now())
	for _, bad := range []struct {
		d    jxc.Date
		code string
	}{{d1, jxc.EINVALID}, {today.AddDays(1), jxc.EDATERANGE}, {jxc.Date{Year: 9999, Month: 12, Day: 31}, jxc.EDATERANGE}} {
		_, err := c.sales.ConfirmDelivery(ctx, jxc.DeliveryInput{ShipmentID: sh.ID, DeliveredOn: &bad.d, Rating: jxc.Ptr(5)})
		if es, ok := jxc.AsErrors(err); !ok || es[0].Code != bad.code || es[0].Field != "input.deliveredOn" {
			t.Fatalf("delivered on %s: want %s on input.deliveredOn, got %v", bad.d, bad.code, err)
		}
	}
	on := jxc.Date{Year: 2026, Month: 3, Day: 12}
	got, err := c.sales.ConfirmDelivery(ctx, jxc.DeliveryInput{ShipmentID: sh.ID, DeliveredOn: &on, Rating: jxc.Ptr(5)})
	if err != nil {
		t.Fatal(err)
	}
	if got.DeliveredOn == nil || *got.DeliveredOn != on || got.DeliveredAt == nil {
		t.Fatalf("delivered %+v", got)
	}
	// Left out, the delivery is today's.
	sh2 := ship()
	got, err = c.sales.ConfirmDelivery(ctx, jxc.DeliveryInput{ShipmentID: sh2.ID, Rating: jxc.Ptr(2)})
	if err != nil || got.DeliveredOn == nil || *got.DeliveredOn != today {
		t.Fatalf("delivered today: %+v %v", got, err)
	}
	march, err := kpis.Report(ctx, jxc.Date{Year: 2026, Month: 3, Day: 1}, jxc.Date{Year: 2026, Month: 3, Day: 31}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	k := march.Current
	if k.RatedDeliveries != 1 || k.CustomerSatisfaction == nil || !k.CustomerSatisfaction.Equal(dec("1")) {
		t.Fatalf("March satisfaction counts the rating of 12 March: rated %d, satisfaction %v", k.RatedDeliveries, k.CustomerSatisfaction)
	}
	c.check(t)
}
