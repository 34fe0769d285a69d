package db_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

// The per-page children reads give every parent exactly the page the
// per-parent read gives it (rows, order, totals, offsets), at a fixed
// number of statements.
func TestChildPagesMatchThePerParentPages(t *testing.T) {
	ctx := context.Background()
	c := newSalesCo(t)
	ids := []int64{c.customer.ID}
	for i := 2; i <= 3; i++ {
		cu, err := c.sales.CreateCustomer(ctx, jxc.CustomerInput{Code: fmt.Sprintf("C%d", i), Name: fmt.Sprintf("客户 %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cu.ID)
	}
	// Customer 1 has four orders, customer 2 one, customer 3 none.
	for i, n := range []int{4, 1, 0} {
		for j := 0; j < n; j++ {
			date := d1.AddDays(j % 2)
			if _, err := c.sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: ids[i], PostingDate: &date,
				Lines: []jxc.SalesOrderLineInput{{ProductID: c.products[j%2].ID, Quantity: dec("1")}}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	cursor := jxc.EncodeCursor(0)
	for _, pa := range []jxc.PageArgs{{}, {First: jxc.Ptr(2)}, {First: jxc.Ptr(2), After: &cursor}, {First: jxc.Ptr(0)}, {First: jxc.Ptr(10), After: jxc.Ptr(jxc.EncodeCursor(5))}} {
		cctx, n := db.CountStatements(ctx)
		pages, err := c.sales.FindSalesOrdersByCustomer(cctx, ids, nil, pa)
		if err != nil {
			t.Fatal(err)
		}
		if n.Load() == 0 || n.Load() > 8 {
			t.Errorf("%+v: %d statements for three customers, want 1 to 8", pa, n.Load())
		}
		for _, id := range ids {
			want, err := c.sales.FindSalesOrders(ctx, jxc.SalesOrderFilter{CustomerID: &id}, nil, pa)
			if err != nil {
				t.Fatal(err)
			}
			got := pages[id]
			if got == nil || got.TotalCount != want.TotalCount || got.Offset != want.Offset || len(got.Items) != len(want.Items) {
				t.Fatalf("customer %d %+v: got %+v, want %+v", id, pa, got, want)
			}
			for i := range want.Items {
				g, w := got.Items[i], want.Items[i]
				if g.ID != w.ID || len(g.Lines) != len(w.Lines) || g.Customer == nil || g.Customer.ID != id || g.Lines[0].Product == nil {
					t.Errorf("customer %d %+v item %d: got %+v, want %+v", id, pa, i, g, w)
				}
			}
		}
	}
	if _, err := c.sales.FindSalesOrdersByCustomer(ctx, ids, nil, jxc.PageArgs{First: jxc.Ptr(201)}); jxc.ErrorCode(err) != jxc.EINVALID {
		t.Errorf("first: 201: %v", err)
	}
}
