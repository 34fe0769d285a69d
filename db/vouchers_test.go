package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/jxcgraph/jxc"
)

func voucherNos(t *testing.T, b *books, month string) []string {
	t.Helper()
	var out []string
	if err := b.d.SelectContext(context.Background(), &out, `SELECT voucher_no FROM journal_entries
		WHERE to_char(posting_date, 'YYYY-MM') = $1 ORDER BY voucher_seq`, month); err != nil {
		t.Fatal(err)
	}
	return out
}

// refusedAs is the code of a refusal, one error or several.
func refusedAs(err error) string {
	if es, ok := jxc.AsErrors(err); ok && len(es) > 0 {
		return es[0].Code
	}
	return jxc.ErrorCode(err)
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return n
}

func rent(day jxc.Date, amount string) jxc.ManualEntry {
	return jxc.ManualEntry{Date: day, Description: "rent", Lines: []jxc.ManualLine{
		{AccountCode: "6602", Debit: dec(amount)}, {AccountCode: "1002", Credit: dec(amount)}}}
}

// Journal vouchers are numbered 1..n within each month (记-2026-02-0001 ...),
// and a posting refused after it took its number gives the number back:
// here a receipt refused as back-dated, and a landed cost refused after
// its entry was written (its supplier invoice number is a duplicate).
func TestVoucherNumbersRunWithoutGapsPerMonth(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	e1, err := p.ledger.PostManualEntry(ctx, rent(feb, "100"))
	if err != nil {
		t.Fatal(err)
	}
	if e1.VoucherNo != "记-2026-02-0001" {
		t.Fatalf("first February voucher %q", e1.VoucherNo)
	}
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("10"), UnitPrice: decp("10")})
	line := o.Lines[0].ID
	r1, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: feb.AddDays(2),
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("4")}}})
	if err != nil {
		t.Fatal(err)
	}
	// Back-dated before the product's last move: refused.
	_, err = p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: feb.AddDays(1),
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("1")}}})
	if refusedAs(err) != jxc.ECONFLICT {
		t.Fatalf("back-dated receipt: %v", err)
	}
	r2, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: feb.AddDays(2),
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("1")}}})
	if err != nil {
		t.Fatal(err)
	}
	// The refused receipt gave its number back too (it was GR000067 skipped).
	if n1, n2 := r1.Number[2:], r2.Number[2:]; fmt.Sprint(atoi(t, n1)+1) != fmt.Sprint(atoi(t, n2)) {
		t.Fatalf("receipts %s then %s around a refused one: want consecutive numbers", r1.Number, r2.Number)
	}
	// A landed cost billed twice under the same supplier invoice number:
	// the second is refused after its journal entry was written.
	lc := jxc.LandedCostInput{Kind: jxc.LandedFreight, Basis: jxc.ByQuantity, PostingDate: feb.AddDays(3), Amount: dec("8"),
		ReceiptIDs: []int64{r1.ID}, PayFrom: jxc.PayFromPayable, SupplierID: &p.sup.ID, SupplierInvoiceNo: jxc.Ptr("FR-1")}
	first, err := p.svc.PostLandedCost(ctx, lc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.PostLandedCost(ctx, lc); refusedAs(err) != jxc.ECONFLICT {
		t.Fatalf("landed cost under a used invoice number: %v", err)
	}
	e2, err := p.ledger.PostManualEntry(ctx, rent(feb.AddDays(4), "50"))
	if err != nil {
		t.Fatal(err)
	}
	// 0001 rent, 0002 and 0003 receipts, 0004 landed cost, 0005 rent: nothing skipped.
	if e2.VoucherNo != "记-2026-02-0005" || first.VoucherNo == nil || *first.VoucherNo != "记-2026-02-0004" {
		t.Fatalf("vouchers after refusals: rent %q, landed cost %v (all: %v)", e2.VoucherNo, first.VoucherNo, voucherNos(t, p.books, "2026-02"))
	}
	// Another month starts at 1; a reversal is numbered in its own month
	// and names the voucher it reverses.
	rev, err := p.ledger.ReverseJournalEntry(ctx, e1.ID, mar, "")
	if err != nil {
		t.Fatal(err)
	}
	if rev.VoucherNo != "记-2026-03-0001" || rev.ReversesVoucherNo == nil || *rev.ReversesVoucherNo != e1.VoucherNo {
		t.Fatalf("reversal %q of %v", rev.VoucherNo, rev.ReversesVoucherNo)
	}
	again, _ := p.ledger.FindJournalEntryByID(ctx, e1.ID)
	if again.ReversedByVoucherNo == nil || *again.ReversedByVoucherNo != rev.VoucherNo {
		t.Fatalf("reversed by %v", again.ReversedByVoucherNo)
	}
	p.mustCheck(t)

	// Concurrent postings, some refused (unbalanced, or into a closed
	// period after taking nothing), still number 1..n.
	const workers, each = 6, 15
	var wg sync.WaitGroup
	var mu sync.Mutex
	posted := 0
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				e := rent(mar.AddDays(1+i%5), fmt.Sprintf("%d.%02d", 1+w, i))
				if (w+i)%4 == 0 {
					e.Lines[1].Credit = e.Lines[1].Credit.Add(dec("0.01"))
				}
				_, err := p.ledger.PostManualEntry(ctx, e)
				mu.Lock()
				if err == nil {
					posted++
				} else if refusedAs(err) != jxc.EINVALID {
					t.Errorf("posting %d/%d: %v", w, i, err)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	nos := voucherNos(t, p.books, "2026-03")
	if len(nos) != posted+1 {
		t.Fatalf("%d March vouchers for %d postings and a reversal", len(nos), posted)
	}
	for i, no := range nos {
		if want := fmt.Sprintf("记-2026-03-%04d", i+1); no != want {
			t.Fatalf("March voucher %d is %s, want %s", i+1, no, want)
		}
	}
	p.mustCheck(t)

	// booksCheck finds a gap made by hand.
	conn, err := p.d.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, stmt := range []string{`SET session_replication_role = replica`,
		`UPDATE journal_entries SET voucher_seq = voucher_seq + 100 WHERE id = ` + fmt.Sprint(e2.ID)} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	chk, err := p.ledger.BooksCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(chk.Violations) != 1 || chk.Violations[0].Rule != jxc.RuleVoucherNumbers || chk.Violations[0].Rows[0].Key != "2026-02" {
		t.Fatalf("booksCheck after a gap: %+v", chk.Violations)
	}
}

// Invoices are numbered without gaps per kind, with distinct prefixes:
// supplier invoices PI, sales invoices SI-. A refused invoice (here: into
// a closed period, refused after it took its number) consumes none.
func TestInvoiceNumbersHaveNoGapsAndDistinctPrefixes(t *testing.T) {
	ctx := context.Background()
	p := newPurch(t)
	o := p.approvedOrder(t, "", jxc.PurchaseOrderLineInput{ProductID: p.pid(0), Quantity: dec("10"), UnitPrice: decp("10")})
	line := o.Lines[0].ID
	if _, err := p.svc.PostGoodsReceipt(ctx, jxc.GoodsReceiptInput{PurchaseOrderID: o.ID, ReceiptDate: jan,
		Lines: []jxc.GoodsReceiptLineInput{{PurchaseOrderLineID: &line, AcceptedQty: dec("10")}}}); err != nil {
		t.Fatal(err)
	}
	invoice := func(no string, day jxc.Date) (*jxc.SupplierInvoice, error) {
		return p.svc.PostSupplierInvoice(ctx, jxc.SupplierInvoiceInput{PurchaseOrderID: o.ID, SupplierInvoiceNo: no, InvoiceDate: day,
			Lines: []jxc.SupplierInvoiceLineInput{{PurchaseOrderLineID: line, Quantity: dec("1"), UnitPrice: dec("10")}}})
	}
	i1, err := invoice("A1", feb)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ledger.CloseFiscalPeriod(ctx, 2026, 1, false); err != nil {
		t.Fatal(err)
	}
	if _, err := invoice("A2", jan); refusedAs(err) != jxc.EPERIODCLOSED {
		t.Fatalf("invoice into a closed period: %v", err)
	}
	if _, err := invoice("A1", feb); refusedAs(err) != jxc.ECONFLICT {
		t.Fatalf("the supplier's invoice number twice: %v", err)
	}
	i2, err := invoice("A3", feb)
	if err != nil {
		t.Fatal(err)
	}
	if i1.Number != "PI000001" || i2.Number != "PI000002" {
		t.Fatalf("supplier invoices %s, %s; want PI000001, PI000002", i1.Number, i2.Number)
	}

	c := newLandedCo(t)
	c.receive(t, jan, "10", "10")
	sh1, sh2 := c.sell(t, feb, "2"), c.sell(t, feb, "3")
	s1, err := c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh1.ID}, PostingDate: &feb})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ledger.CloseFiscalPeriod(ctx, 2026, 2, true); err != nil {
		t.Fatal(err)
	}
	if _, err := c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh2.ID}, PostingDate: &feb}); refusedAs(err) != jxc.EPERIODCLOSED {
		t.Fatalf("sales invoice into a closed period: %v", err)
	}
	s2, err := c.sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh2.ID}, PostingDate: &mar})
	if err != nil {
		t.Fatal(err)
	}
	if s1.Number != "SI-000001" || s2.Number != "SI-000002" {
		t.Fatalf("sales invoices %s, %s; want SI-000001, SI-000002", s1.Number, s2.Number)
	}
	p.mustCheck(t)
	c.mustCheck(t)
}
