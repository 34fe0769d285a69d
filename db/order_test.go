package db_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// orow is one row of a sorted list as the test compares it: its id and the
// value it is sorted by (string, int, jxc.Date, *jxc.Date, time.Time or
// decimal.Decimal; a group value only has to be contiguous).
type orow struct {
	id    int64
	key   any
	group bool
}

func orows[T any](f func(T) orow) func(*jxc.Page[T], error) ([]orow, string, int, error) {
	return func(pg *jxc.Page[T], err error) ([]orow, string, int, error) { return orowsOf(pg, err, f) }
}

func orowsOf[T any](pg *jxc.Page[T], err error, f func(T) orow) ([]orow, string, int, error) {
	if err != nil {
		return nil, "", 0, err
	}
	out := make([]orow, len(pg.Items))
	for i, it := range pg.Items {
		out[i] = f(it)
	}
	last := ""
	if len(pg.Items) > 0 {
		last = jxc.EncodeCursor(pg.Offset + len(pg.Items) - 1)
	}
	return out, last, pg.TotalCount, nil
}

// cmpKey compares two sort values; a nil *jxc.Date sorts last.
func cmpKey(a, b any) int {
	switch x := a.(type) {
	case string:
		return strings.Compare(x, b.(string))
	case int:
		return x - b.(int)
	case jxc.Date:
		return x.Time().Compare(b.(jxc.Date).Time())
	case *jxc.Date:
		y := b.(*jxc.Date)
		switch {
		case x == nil && y == nil:
			return 0
		case x == nil:
			return 1
		case y == nil:
			return -1
		}
		return x.Time().Compare(y.Time())
	case time.Time:
		return x.Compare(b.(time.Time))
	case decimal.Decimal:
		return x.Cmp(b.(decimal.Decimal))
	}
	panic(fmt.Sprintf("no comparison for %T", a))
}

// TestListsSortByEveryOrderField walks each list sorted by each field of
// its <X>Order, both ways, in pages of 7 via the cursors: every row comes
// exactly once, the values are in order (ties by id the same way; nulls
// last), and the list has at least two distinct values to sort.
func TestListsSortByEveryOrderField(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	sales, pur, bud, aud := db.NewSalesService(d), db.NewPurchasingService(d), db.NewBudgetService(d), db.NewAuditService(d)
	type fetch func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error)
	cases := []struct {
		name  string
		fetch fetch
	}{}
	add := func(name string, f fetch) {
		cases = append(cases, struct {
			name  string
			fetch fetch
		}{name, f})
	}
	str := func(id int64, s string) orow { return orow{id: id, key: s} }
	grp := func(id int64, s string) orow { return orow{id: id, key: s, group: true} }

	for _, fld := range []string{"CREATED_AT", "KIND", "SUBJECT"} {
		add("alerts "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(a *jxc.Alert) orow {
				return map[string]orow{"CREATED_AT": {id: a.ID, key: a.CreatedAt}, "KIND": str(a.ID, a.Kind), "SUBJECT": str(a.ID, a.Subject)}[fld]
			})(bud.FindAlerts(ctx, jxc.AlertFilter{}, &jxc.AlertOrder{Field: jxc.AlertOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"AT", "ACTION", "RECORD_TYPE"} {
		add("audit "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(a *jxc.AuditEntry) orow {
				return map[string]orow{"AT": {id: a.ID, key: a.At}, "ACTION": str(a.ID, a.Action), "RECORD_TYPE": str(a.ID, a.RecordType)}[fld]
			})(aud.FindAuditEntries(ctx, jxc.AuditFilter{}, &jxc.AuditEntryOrder{Field: jxc.AuditEntryOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"PERIOD", "COST_CENTRE", "ACCOUNT", "AMOUNT"} {
		add("budget lines "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(b *jxc.BudgetLine) orow {
				return map[string]orow{"PERIOD": {id: b.ID, key: b.Year*100 + b.Month}, "COST_CENTRE": str(b.ID, b.CostCentre), "ACCOUNT": str(b.ID, b.AccountCode),
					"AMOUNT": {id: b.ID, key: b.Amount}}[fld]
			})(bud.FindBudgetLines(ctx, jxc.BudgetFilter{}, &jxc.BudgetLineOrder{Field: jxc.BudgetLineOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "AMOUNT", "COST_CENTRE"} {
		add("operating costs "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(c *jxc.OperatingCost) orow {
				return map[string]orow{"DATE": {id: c.ID, key: c.PostingDate}, "NUMBER": str(c.ID, c.Number), "AMOUNT": {id: c.ID, key: c.Amount}, "COST_CENTRE": str(c.ID, c.CostCentre)}[fld]
			})(bud.FindOperatingCosts(ctx, nil, nil, &jxc.OperatingCostOrder{Field: jxc.OperatingCostOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"CODE", "NAME", "CREATED_AT"} {
		add("suppliers "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(s *jxc.Supplier) orow {
				return map[string]orow{"CODE": str(s.ID, s.Code), "NAME": str(s.ID, s.Name), "CREATED_AT": {id: s.ID, key: s.CreatedAt}}[fld]
			})(pur.FindSuppliers(ctx, jxc.SupplierFilter{}, &jxc.SupplierOrder{Field: jxc.SupplierOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "EXPECTED_DATE", "STATUS"} {
		add("purchase orders "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(o *jxc.PurchaseOrder) orow {
				return map[string]orow{"DATE": {id: o.ID, key: o.OrderDate}, "NUMBER": str(o.ID, o.Number), "EXPECTED_DATE": {id: o.ID, key: o.ExpectedDate}, "STATUS": grp(o.ID, string(o.Status))}[fld]
			})(pur.FindPurchaseOrders(ctx, jxc.PurchaseOrderFilter{}, &jxc.PurchaseOrderOrder{Field: jxc.PurchaseOrderOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "DUE_DATE", "TOTAL", "STATUS"} {
		add("supplier invoices "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(i *jxc.SupplierInvoice) orow {
				return map[string]orow{"DATE": {id: i.ID, key: i.InvoiceDate}, "NUMBER": str(i.ID, i.Number), "DUE_DATE": {id: i.ID, key: i.DueDate}, "TOTAL": {id: i.ID, key: i.TotalAmount},
					"STATUS": grp(i.ID, string(i.Status))}[fld]
			})(pur.FindSupplierInvoices(ctx, jxc.SupplierInvoiceFilter{}, &jxc.SupplierInvoiceOrder{Field: jxc.SupplierInvoiceOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "AMOUNT"} {
		add("supplier payments "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(s *jxc.SupplierPayment) orow {
				return map[string]orow{"DATE": {id: s.ID, key: s.PaymentDate}, "NUMBER": str(s.ID, s.Number), "AMOUNT": {id: s.ID, key: s.Amount}}[fld]
			})(pur.FindSupplierPayments(ctx, jxc.SupplierPaymentFilter{}, &jxc.SupplierPaymentOrder{Field: jxc.SupplierPaymentOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "PROMISED_DATE", "TOTAL", "STATUS"} {
		add("sales orders "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(o *jxc.SalesOrder) orow {
				return map[string]orow{"DATE": {id: o.ID, key: o.PostingDate}, "NUMBER": str(o.ID, o.Number), "PROMISED_DATE": {id: o.ID, key: o.PromisedDate},
					"TOTAL": {id: o.ID, key: o.TotalAmount}, "STATUS": grp(o.ID, string(o.Status))}[fld]
			})(sales.FindSalesOrders(ctx, jxc.SalesOrderFilter{}, &jxc.SalesOrderOrder{Field: jxc.SalesOrderOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "STATUS"} {
		add("shipments "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(s *jxc.Shipment) orow {
				return map[string]orow{"DATE": {id: s.ID, key: s.PostingDate}, "NUMBER": str(s.ID, s.Number), "STATUS": grp(s.ID, string(s.Status))}[fld]
			})(sales.FindShipments(ctx, jxc.ShipmentFilter{}, &jxc.ShipmentOrder{Field: jxc.ShipmentOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "DUE_DATE", "TOTAL", "STATUS"} {
		add("sales invoices "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(i *jxc.SalesInvoice) orow {
				return map[string]orow{"DATE": {id: i.ID, key: i.PostingDate}, "NUMBER": str(i.ID, i.Number), "DUE_DATE": {id: i.ID, key: i.DueDate}, "TOTAL": {id: i.ID, key: i.TotalAmount},
					"STATUS": grp(i.ID, string(i.Status))}[fld]
			})(sales.FindSalesInvoices(ctx, jxc.SalesInvoiceFilter{}, &jxc.SalesInvoiceOrder{Field: jxc.SalesInvoiceOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "AMOUNT"} {
		add("customer payments "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(c *jxc.CustomerPayment) orow {
				return map[string]orow{"DATE": {id: c.ID, key: c.PostingDate}, "NUMBER": str(c.ID, c.Number), "AMOUNT": {id: c.ID, key: c.Amount}}[fld]
			})(sales.FindCustomerPayments(ctx, jxc.SalesDocumentFilter{}, &jxc.CustomerPaymentOrder{Field: jxc.CustomerPaymentOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "NUMBER", "TOTAL"} {
		add("sales returns "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(r *jxc.SalesReturn) orow {
				return map[string]orow{"DATE": {id: r.ID, key: r.PostingDate}, "NUMBER": str(r.ID, r.Number), "TOTAL": {id: r.ID, key: r.TotalAmount}}[fld]
			})(sales.FindSalesReturns(ctx, jxc.SalesDocumentFilter{}, &jxc.SalesReturnOrder{Field: jxc.SalesReturnOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"CREATED_AT", "QUANTITY", "ORDER_NUMBER"} {
		add("replenishment needs "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(n *jxc.ReplenishmentNeed) orow {
				return map[string]orow{"CREATED_AT": {id: n.ID, key: n.CreatedAt}, "QUANTITY": {id: n.ID, key: n.Quantity}, "ORDER_NUMBER": str(n.ID, n.OrderNumber)}[fld]
			})(sales.FindReplenishmentNeeds(ctx, jxc.ReplenishmentNeedFilter{}, &jxc.ReplenishmentNeedOrder{Field: jxc.ReplenishmentNeedOrderField(fld), Direction: dir}, p))
		})
	}
	ledger, stock := db.NewLedgerService(d), db.NewStockService(d)
	for _, fld := range []string{"DATE", "VOUCHER_NO"} {
		add("journal entries "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(e *jxc.JournalEntry) orow {
				return map[string]orow{"DATE": {id: e.ID, key: e.PostingDate}, "VOUCHER_NO": str(e.ID, e.VoucherNo)}[fld]
			})(ledger.FindJournalEntries(ctx, jxc.JournalEntryFilter{}, &jxc.JournalEntryOrder{Field: jxc.JournalEntryOrderField(fld), Direction: dir}, p))
		})
	}
	for _, fld := range []string{"DATE", "QUANTITY", "VALUE"} {
		add("stock moves "+fld, func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
			return orows(func(m *jxc.StockMove) orow {
				return map[string]orow{"DATE": {id: m.ID, key: m.PostingDate}, "QUANTITY": {id: m.ID, key: m.Quantity}, "VALUE": {id: m.ID, key: m.Value}}[fld]
			})(stock.FindStockMoves(ctx, jxc.StockMoveFilter{}, &jxc.StockMoveOrder{Field: jxc.StockMoveOrderField(fld), Direction: dir}, p))
		})
	}
	// A customer's nested list sorts as the top-level one does.
	add("customer orders NUMBER (nested)", func(dir jxc.SortDirection, p jxc.PageArgs) ([]orow, string, int, error) {
		cs, err := sales.FindCustomers(ctx, jxc.CustomerFilter{}, nil, jxc.PageArgs{})
		if err != nil {
			return nil, "", 0, err
		}
		ids := make([]int64, len(cs.Items))
		for i, c := range cs.Items {
			ids[i] = c.ID
		}
		pages, err := sales.FindSalesOrdersByCustomer(ctx, ids, &jxc.SalesOrderOrder{Field: "NUMBER", Direction: dir}, p)
		if err != nil {
			return nil, "", 0, err
		}
		best := ids[0]
		for _, id := range ids {
			if pages[id].TotalCount > pages[best].TotalCount {
				best = id
			}
		}
		return orowsOf(pages[best], nil, func(o *jxc.SalesOrder) orow { return str(o.ID, o.Number) })
	})

	for _, c := range cases {
		for _, dir := range []jxc.SortDirection{jxc.Asc, jxc.Desc} {
			t.Run(c.name+" "+string(dir), func(t *testing.T) {
				var all []orow
				total := -1
				p := jxc.PageArgs{First: jxc.Ptr(7)}
				for range 200 {
					rows, last, n, err := c.fetch(dir, p)
					if err != nil {
						t.Fatal(err)
					}
					total = n
					if p.After == nil && n > 7*200 {
						p.First = jxc.Ptr(n/150 + 1) // a long list (the demo's journal): larger pages, still many
					}
					all = append(all, rows...)
					if len(rows) == 0 || len(all) >= n {
						break
					}
					p.After = &last
				}
				if len(all) != total || total < 2 {
					t.Fatalf("walked %d rows of %d, want all of at least 2", len(all), total)
				}
				seen := map[int64]bool{}
				groups := map[string]bool{}
				distinct := 0
				for i, r := range all {
					if seen[r.id] {
						t.Fatalf("row %d (id %d) comes twice", i, r.id)
					}
					seen[r.id] = true
					if i == 0 {
						continue
					}
					prev := all[i-1]
					c := cmpKey(prev.key, r.key)
					if c != 0 {
						distinct++
					}
					if r.group {
						if c != 0 && groups[r.key.(string)] {
							t.Fatalf("rows of %v are not together (row %d)", r.key, i)
						}
						groups[prev.key.(string)] = true
						continue
					}
					_, nilLast := r.key.(*jxc.Date)
					if dir == jxc.Desc && !(nilLast && (r.key.(*jxc.Date) == nil || prev.key.(*jxc.Date) == nil)) {
						c = -c
					}
					if c > 0 || c == 0 && (dir == jxc.Asc) != (prev.id < r.id) {
						t.Fatalf("row %d out of order: %v (id %d) then %v (id %d)", i, prev.key, prev.id, r.key, r.id)
					}
				}
				// The demo posts its returns on one day: then the ties (by id) are what is checked.
				if distinct == 0 && c.name != "sales returns DATE" {
					t.Fatalf("all %d rows have the same value; nothing is sorted", total)
				}
			})
		}
	}
}
