package db_test

import (
	"context"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
)

func TestDemoSalesLoadsThroughTheServices(t *testing.T) {
	ctx := context.Background()
	d := newDemo(t)
	s := db.NewSalesService(d)
	cs, err := s.FindCustomers(ctx, jxc.CustomerFilter{}, nil, jxc.PageArgs{})
	if err != nil || cs.TotalCount != 30 {
		t.Fatalf("customers %v %v", cs, err)
	}
	held, _ := s.FindCustomers(ctx, jxc.CustomerFilter{OnCreditHold: jxc.Ptr(true)}, nil, jxc.PageArgs{})
	overdue, _ := s.FindCustomers(ctx, jxc.CustomerFilter{Overdue: jxc.Ptr(true)}, nil, jxc.PageArgs{})
	if held.TotalCount != 1 || overdue.TotalCount < 3 {
		t.Fatalf("held %d overdue %d", held.TotalCount, overdue.TotalCount)
	}
	aging, err := s.ReceivablesAging(ctx, jxc.Today(d.Now()), nil)
	if err != nil || aging.Total.Over90.Sign() <= 0 && aging.Total.Days61To90.Sign() <= 0 {
		t.Fatalf("aging %+v %v", aging.Total, err)
	}
	for _, st := range []jxc.SalesOrderStatus{"CLOSED", "CONFIRMED"} {
		os, _ := s.FindSalesOrders(ctx, jxc.SalesOrderFilter{Status: []jxc.SalesOrderStatus{st}}, nil, jxc.PageArgs{})
		if os.TotalCount == 0 {
			t.Errorf("no %s orders", st)
		}
	}
	rs, _ := s.FindSalesReturns(ctx, jxc.SalesDocumentFilter{}, nil, jxc.PageArgs{})
	needs, _ := s.FindReplenishmentNeeds(ctx, jxc.ReplenishmentNeedFilter{Status: []jxc.ReplenishmentStatus{jxc.NeedOpen}}, nil, jxc.PageArgs{})
	sat, _ := s.CustomerSatisfaction(ctx, nil)
	orders, _ := s.FindSalesOrders(ctx, jxc.SalesOrderFilter{}, nil, jxc.PageArgs{})
	t.Logf("orders %d, returns %d, open needs %d, satisfaction %s of %d, aging %+v", orders.TotalCount, rs.TotalCount, needs.TotalCount,
		sat.SatisfiedShare(), sat.Rated, aging.Total)
	if rs.TotalCount == 0 || needs.TotalCount == 0 || sat.Rated == 0 {
		t.Fatal("demo lacks returns, needs or ratings")
	}
	c, err := db.NewLedgerService(d).BooksCheck(ctx)
	if err != nil || !c.OK() {
		t.Fatalf("books check %+v %v", c, err)
	}
}
