package db_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// walkAll reads every page of a list (pages of 200, at most 100 of them).
func walkAll[T any](t *testing.T, fetch func(jxc.PageArgs) (*jxc.Page[T], error)) []T {
	t.Helper()
	var all []T
	p := jxc.PageArgs{First: jxc.Ptr(jxc.MaxPageSize)}
	for range 100 {
		pg, err := fetch(p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, pg.Items...)
		if !pg.HasNextPage() || len(pg.Items) == 0 {
			return all
		}
		p.After = jxc.Ptr(jxc.EncodeCursor(pg.Offset + len(pg.Items) - 1))
	}
	t.Fatal("more than 100 pages")
	return nil
}

// filterCase compares a filtered list with the unfiltered one narrowed in Go.
func filterCase[T any](t *testing.T, name string, fetch func(filtered bool, p jxc.PageArgs) (*jxc.Page[T], error), id func(T) int64, want func(T) bool) {
	t.Run(name, func(t *testing.T) {
		all := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[T], error) { return fetch(false, p) })
		got := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[T], error) { return fetch(true, p) })
		var gotIDs, wantIDs []int64
		for _, r := range got {
			gotIDs = append(gotIDs, id(r))
		}
		for _, r := range all {
			if want(r) {
				wantIDs = append(wantIDs, id(r))
			}
		}
		slices.Sort(gotIDs)
		slices.Sort(wantIDs)
		if len(all) == 0 || len(wantIDs) == len(all) {
			t.Fatalf("the case narrows nothing: %d of %d rows match", len(wantIDs), len(all))
		}
		if !slices.Equal(gotIDs, wantIDs) {
			t.Fatalf("got ids %v, want %v", gotIDs, wantIDs)
		}
	})
}

func contains(s, part string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(part))
}

func within(d, from, to jxc.Date) bool { return !d.Before(from) && !d.After(to) }

// TestListFiltersNarrowCorrectly: status lists, date ranges and text search
// on the demo company give exactly the rows the unfiltered list holds that
// match (computed here from the rows themselves).
func TestListFiltersNarrowCorrectly(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	sales, pur, ledger, stock := db.NewSalesService(d), db.NewPurchasingService(d), db.NewLedgerService(d), db.NewStockService(d)
	pick := func(all []string) string { // a value in the middle of the list
		if len(all) == 0 {
			t.Fatal("no rows to pick a value from")
		}
		return all[len(all)/2]
	}

	// Sales orders: a list of statuses, a date range, a number, a customer.
	orders := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.SalesOrder], error) {
		return sales.FindSalesOrders(ctx, jxc.SalesOrderFilter{}, nil, p)
	})
	var numbers []string
	for _, o := range orders {
		numbers = append(numbers, o.Number)
	}
	soNumber := pick(numbers)
	from, to := orders[len(orders)-1].PostingDate.AddDays(3), orders[0].PostingDate.AddDays(-3)
	statuses := []jxc.SalesOrderStatus{"CLOSED", "CONFIRMED"}
	soID := func(o *jxc.SalesOrder) int64 { return o.ID }
	filterCase(t, "sales orders by two statuses", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SalesOrder], error) {
		f := jxc.SalesOrderFilter{}
		if on {
			f.Status = statuses
		}
		return sales.FindSalesOrders(ctx, f, nil, p)
	}, soID, func(o *jxc.SalesOrder) bool { return slices.Contains(statuses, o.Status) })
	filterCase(t, "sales orders by date range", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SalesOrder], error) {
		f := jxc.SalesOrderFilter{}
		if on {
			f.DateFrom, f.DateTo = &from, &to
		}
		return sales.FindSalesOrders(ctx, f, nil, p)
	}, soID, func(o *jxc.SalesOrder) bool { return within(o.PostingDate, from, to) })
	filterCase(t, "sales orders by number", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SalesOrder], error) {
		f := jxc.SalesOrderFilter{}
		if on {
			f.Search = jxc.Ptr(strings.ToLower(soNumber))
		}
		return sales.FindSalesOrders(ctx, f, nil, p)
	}, soID, func(o *jxc.SalesOrder) bool { return contains(o.Number, soNumber) })
	cust := orders[len(orders)/2].Customer
	filterCase(t, "sales orders by customer code", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SalesOrder], error) {
		f := jxc.SalesOrderFilter{}
		if on {
			f.Search = &cust.Code
		}
		return sales.FindSalesOrders(ctx, f, nil, p)
	}, soID, func(o *jxc.SalesOrder) bool {
		return contains(o.Number, cust.Code) || contains(o.Customer.Code, cust.Code) || contains(o.Customer.Name, cust.Code)
	})

	shipStatuses := []jxc.ShipmentStatus{"PENDING", "DELIVERED"}
	filterCase(t, "shipments by two statuses", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.Shipment], error) {
		f := jxc.ShipmentFilter{}
		if on {
			f.Status = shipStatuses
		}
		return sales.FindShipments(ctx, f, nil, p)
	}, func(s *jxc.Shipment) int64 { return s.ID }, func(s *jxc.Shipment) bool { return slices.Contains(shipStatuses, s.Status) })

	invStatuses := []jxc.InvoiceStatus{"PAID"}
	filterCase(t, "sales invoices by status", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SalesInvoice], error) {
		f := jxc.SalesInvoiceFilter{}
		if on {
			f.Status = invStatuses
		}
		return sales.FindSalesInvoices(ctx, f, nil, p)
	}, func(i *jxc.SalesInvoice) int64 { return i.ID }, func(i *jxc.SalesInvoice) bool { return slices.Contains(invStatuses, i.Status) })

	// The demo's needs are all open: the other two statuses match none.
	needStatuses := []jxc.ReplenishmentStatus{jxc.NeedCovered, jxc.NeedCancelled}
	filterCase(t, "replenishment needs by two statuses", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.ReplenishmentNeed], error) {
		f := jxc.ReplenishmentNeedFilter{}
		if on {
			f.Status = needStatuses
		}
		return sales.FindReplenishmentNeeds(ctx, f, nil, p)
	}, func(n *jxc.ReplenishmentNeed) int64 { return n.ID }, func(n *jxc.ReplenishmentNeed) bool { return slices.Contains(needStatuses, n.Status) })

	payments := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.CustomerPayment], error) {
		return sales.FindCustomerPayments(ctx, jxc.SalesDocumentFilter{}, nil, p)
	})
	cpNumber := payments[len(payments)/2].Number
	filterCase(t, "customer payments by number", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.CustomerPayment], error) {
		f := jxc.SalesDocumentFilter{}
		if on {
			f.Search = &cpNumber
		}
		return sales.FindCustomerPayments(ctx, f, nil, p)
	}, func(c *jxc.CustomerPayment) int64 { return c.ID }, func(c *jxc.CustomerPayment) bool {
		return contains(c.Number, cpNumber) || contains(c.Reference, cpNumber)
	})

	// Purchasing: orders by supplier code, invoices and payments by number and date.
	pos := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.PurchaseOrder], error) {
		return pur.FindPurchaseOrders(ctx, jxc.PurchaseOrderFilter{}, nil, p)
	})
	sups := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.Supplier], error) {
		return pur.FindSuppliers(ctx, jxc.SupplierFilter{}, nil, p)
	})
	supByID := map[int64]*jxc.Supplier{}
	for _, s := range sups {
		supByID[s.ID] = s
	}
	sup := supByID[pos[len(pos)/2].SupplierID]
	filterCase(t, "purchase orders by supplier code", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.PurchaseOrder], error) {
		f := jxc.PurchaseOrderFilter{}
		if on {
			f.Search = &sup.Code
		}
		return pur.FindPurchaseOrders(ctx, f, nil, p)
	}, func(o *jxc.PurchaseOrder) int64 { return o.ID }, func(o *jxc.PurchaseOrder) bool {
		s := supByID[o.SupplierID]
		return contains(o.Number, sup.Code) || contains(s.Code, sup.Code) || contains(s.Name, sup.Code)
	})
	invs := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.SupplierInvoice], error) {
		return pur.FindSupplierInvoices(ctx, jxc.SupplierInvoiceFilter{}, nil, p)
	})
	siFrom, siTo := invs[len(invs)-1].InvoiceDate.AddDays(2), invs[0].InvoiceDate.AddDays(-2)
	filterCase(t, "supplier invoices by date range", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SupplierInvoice], error) {
		f := jxc.SupplierInvoiceFilter{}
		if on {
			f.DateFrom, f.DateTo = &siFrom, &siTo
		}
		return pur.FindSupplierInvoices(ctx, f, nil, p)
	}, func(i *jxc.SupplierInvoice) int64 { return i.ID }, func(i *jxc.SupplierInvoice) bool { return within(i.InvoiceDate, siFrom, siTo) })
	siNumber := invs[len(invs)/2].Number
	filterCase(t, "supplier invoices by number", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SupplierInvoice], error) {
		f := jxc.SupplierInvoiceFilter{}
		if on {
			f.Search = &siNumber
		}
		return pur.FindSupplierInvoices(ctx, f, nil, p)
	}, func(i *jxc.SupplierInvoice) int64 { return i.ID }, func(i *jxc.SupplierInvoice) bool {
		return contains(i.Number, siNumber) || contains(i.SupplierInvoiceNo, siNumber)
	})
	sps := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.SupplierPayment], error) {
		return pur.FindSupplierPayments(ctx, jxc.SupplierPaymentFilter{}, nil, p)
	})
	spFrom, spTo := sps[len(sps)-1].PaymentDate.AddDays(1), sps[0].PaymentDate.AddDays(-1)
	filterCase(t, "supplier payments by date range", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.SupplierPayment], error) {
		f := jxc.SupplierPaymentFilter{}
		if on {
			f.DateFrom, f.DateTo = &spFrom, &spTo
		}
		return pur.FindSupplierPayments(ctx, f, nil, p)
	}, func(s *jxc.SupplierPayment) int64 { return s.ID }, func(s *jxc.SupplierPayment) bool { return within(s.PaymentDate, spFrom, spTo) })

	// Journal entries by voucher number; stock moves by product SKU.
	entries := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.JournalEntry], error) {
		return ledger.FindJournalEntries(ctx, jxc.JournalEntryFilter{}, nil, p)
	})
	voucher := entries[len(entries)/2].VoucherNo
	filterCase(t, "journal entries by voucher number", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.JournalEntry], error) {
		f := jxc.JournalEntryFilter{}
		if on {
			f.Search = &voucher
		}
		return ledger.FindJournalEntries(ctx, f, nil, p)
	}, func(e *jxc.JournalEntry) int64 { return e.ID }, func(e *jxc.JournalEntry) bool {
		return contains(e.VoucherNo, voucher) || contains(e.Description, voucher)
	})
	moves := walkAll(t, func(p jxc.PageArgs) (*jxc.Page[*jxc.StockMove], error) {
		return stock.FindStockMoves(ctx, jxc.StockMoveFilter{}, nil, p)
	})
	prod := moves[len(moves)/2].Product
	filterCase(t, "stock moves by SKU", func(on bool, p jxc.PageArgs) (*jxc.Page[*jxc.StockMove], error) {
		f := jxc.StockMoveFilter{}
		if on {
			f.Search = &prod.SKU
		}
		return stock.FindStockMoves(ctx, f, nil, p)
	}, func(m *jxc.StockMove) int64 { return m.ID }, func(m *jxc.StockMove) bool {
		return contains(m.Product.SKU, prod.SKU) || contains(m.Product.Name, prod.SKU) || contains(m.Product.NameEn, prod.SKU)
	})
}
