package db

import (
	"context"
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

var demoCustomerNames = map[string][]string{
	"华东": {"上海家悦电器", "杭州西湖商贸", "南京金陵家电城", "苏州姑苏百货", "宁波港城电器", "无锡太湖家居", "合肥徽商电器", "上海优选网店", "温州瓯江贸易", "常州龙城家电"},
	"华南": {"广州天河电器", "深圳南山数码", "佛山顺德家电", "东莞厚街商贸", "珠海横琴百货", "厦门鹭岛电器", "汕头潮汕家电", "南宁绿城商贸", "海口椰城电器", "广州优品网店"},
	"华北": {"北京京华电器", "天津津门商贸", "石家庄燕赵家电", "太原晋商百货", "济南泉城电器", "青岛海滨家电", "大连星海商贸", "呼和浩特草原电器", "北京朝阳网店", "唐山冀东家电"},
}

// loadDemoSales runs after the books demo: about 30 customers in three
// regions, five months of orders (about 60) shipped, invoiced and mostly paid, a few
// customers paying late (overdue invoices in every aging bucket), some
// returns and ratings, open orders with shortages, and one customer's new
// order on credit hold. Everything goes through the services, in date
// order, so every step posts through the engine as it would in use.
func loadDemoSales(ctx context.Context, db *DB) error {
	d := &demoSeller{s: &SalesService{db: db, lean: true}, db: db, today: jxc.Today(db.Now())}
	// Products that may ship on a date: none before its latest stock move.
	if err := db.SelectContext(ctx, &d.prods, `SELECT p.id, p.sell_price, ps.last_move_date FROM products p
		JOIN product_stock ps ON ps.product_id = p.id WHERE p.active AND p.sell_price > 0 ORDER BY p.id`); err != nil {
		return err
	}
	if len(d.prods) == 0 {
		return nil
	}
	custs, err := d.customers(ctx)
	if err != nil {
		return err
	}
	shipped, err := d.orders(ctx, d.plans(custs))
	if err != nil {
		return err
	}
	if err := d.payUpTo(ctx, d.today); err != nil {
		return err
	}
	if err := d.holdOrder(ctx, custs); err != nil {
		return err
	}
	return d.returns(ctx, shipped)
}

// demoSeller is what the sales demo's steps share.
type demoSeller struct {
	s     *SalesService
	db    *DB
	today jxc.Date
	prods []struct {
		ID    int64           `db:"id"`
		Price decimal.Decimal `db:"sell_price"`
		Last  *jxc.Date       `db:"last_move_date"`
	}
	bills []demoBill // invoices waiting for their payment date
}

// demoCustomer is a demo customer and how it behaves.
type demoCustomer struct {
	*jxc.Customer
	late bool // stops paying: overdue invoices
	hold bool // small limit: the newest order goes on credit hold
}

// demoSale is an order a customer places on a day.
type demoSale struct {
	day  jxc.Date
	c    demoCustomer
	n    int
	open bool // confirmed but not shipped yet
}

// demoBill is an invoice and the day it is paid.
type demoBill struct {
	inv  *jxc.SalesInvoice
	c    demoCustomer
	paid jxc.Date
}

// customers creates about 30 customers in three regions.
func (d *demoSeller) customers(ctx context.Context) ([]demoCustomer, error) {
	regions := []string{"华东", "华南", "华北"}
	channels := []jxc.SalesChannel{jxc.ChannelDistributor, jxc.ChannelStore, jxc.ChannelOnline, jxc.ChannelDirect}
	sellers := map[string][]string{"华东": {"张伟", "王芳"}, "华南": {"李娜", "陈杰"}, "华北": {"刘洋", "赵敏"}}
	var custs []demoCustomer
	for ri, region := range regions {
		for i, name := range demoCustomerNames[region] {
			n := ri*10 + i
			ch := channels[n%len(channels)]
			if i == 7 || i == 8 {
				ch = jxc.ChannelOnline
			}
			limit := decimal.NewFromInt(int64(80000 + (n%5)*60000))
			late, hold := n%9 == 4, n == 11
			if hold {
				limit = decimal.NewFromInt(30000)
			}
			c, err := d.s.CreateCustomer(ctx, jxc.CustomerInput{Code: fmt.Sprintf("C%03d", n+1), Name: name, Region: &region,
				Salesperson: &sellers[region][n%2], Channel: &ch, CreditLimit: &limit, PaymentTermsDays: jxc.Ptr([]int{30, 45, 60, 30, 15}[n%5]),
				Contacts:    []jxc.Contact{{Name: string([]rune(sellers[region][(n+1)%2])[:1]) + "经理", Title: "采购经理", Phone: fmt.Sprintf("1380000%04d", 1000+n)}},
				Addresses:   []jxc.Address{{Label: "收货", Address: name + " 仓库", Region: region}},
				Preferences: jxc.Ptr([]string{"工作日上午送货", "整托发货", "需预约卸货", "周末可收货", ""}[n%5])})
			if err != nil {
				return nil, fmt.Errorf("demo customer %s: %w", name, err)
			}
			custs = append(custs, demoCustomer{c, late, hold})
		}
	}
	return custs, nil
}

// plans has every customer order about every ten weeks over five months,
// staggered, in date order; late payers order once and never pay.
func (d *demoSeller) plans(custs []demoCustomer) []demoSale {
	start := d.today.AddDays(-150)
	var plans []demoSale
	for ci, c := range custs {
		for k := 0; ; k++ {
			day := start.AddDays(ci*5%75 + k*75)
			if day.After(d.today) || (c.late && k > 0) {
				break
			}
			plans = append(plans, demoSale{day: day, c: c, n: k, open: d.today.DaysSince(day) < 20})
		}
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].day.Before(plans[j].day) })
	return plans
}

// payUpTo pays the invoices due to be paid by day d.
func (d *demoSeller) payUpTo(ctx context.Context, day jxc.Date) error {
	rest := d.bills[:0]
	for _, b := range d.bills {
		if b.paid.After(day) {
			rest = append(rest, b)
			continue
		}
		amount := b.inv.TotalAmount
		if b.inv.ID%5 == 0 { // some pay in two instalments; the second comes later
			amount = jxc.RoundMoney(amount.Div(decimal.NewFromInt(2)))
		}
		if _, err := d.s.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: b.c.ID, Amount: amount, PostingDate: &b.paid,
			Reference: jxc.Ptr("网银转账"), Allocations: []jxc.AllocationInput{{InvoiceID: b.inv.ID, Amount: amount}}}); err != nil {
			return fmt.Errorf("demo payment: %w", err)
		}
	}
	d.bills = rest
	return nil
}

// orders places, confirms, ships, delivers and invoices the planned orders
// day by day, paying what falls due on the way, and returns the shipments.
// Orders of the last weeks stay open, some with shortages.
func (d *demoSeller) orders(ctx context.Context, plans []demoSale) ([]*jxc.Shipment, error) {
	var shipped []*jxc.Shipment
	for pi, pl := range plans {
		if err := d.payUpTo(ctx, pl.day); err != nil {
			return nil, err
		}
		lines := d.orderLines(pi, pl)
		if len(lines) == 0 {
			continue
		}
		day := pl.day
		o, err := d.s.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: pl.c.ID, PostingDate: &day, Lines: lines})
		if err != nil {
			return nil, fmt.Errorf("demo order: %w", err)
		}
		if o, err = d.s.ConfirmSalesOrder(ctx, o.ID); err != nil {
			return nil, fmt.Errorf("demo confirm: %w", err)
		}
		if o.Status == jxc.OrderOnHold {
			// Finance knows these customers: released.
			if o, err = d.s.ReleaseSalesOrderHold(ctx, o.ID); err != nil {
				return nil, fmt.Errorf("demo release: %w", err)
			}
		}
		if o.Status != jxc.OrderConfirmed || pl.open {
			continue
		}
		sh, inv, err := d.shipAndBill(ctx, pi, o, day)
		if err != nil {
			return nil, err
		}
		if sh == nil {
			continue
		}
		shipped = append(shipped, sh)
		if pl.c.late {
			continue // never paid: overdue
		}
		d.bills = append(d.bills, demoBill{inv, pl.c, day.AddDays(pl.c.PaymentTermsDays - 3 + pi%7)})
	}
	return shipped, nil
}

// orderLines are the pi-th planned order's lines: products already in
// stock on its day; an open order's first line more than one warehouse
// holds (a shortage).
func (d *demoSeller) orderLines(pi int, pl demoSale) []jxc.SalesOrderLineInput {
	var lines []jxc.SalesOrderLineInput
	for li := 0; li < 1+(pi%3); li++ {
		p := d.prods[(pi*7+li*13+int(pl.c.ID))%len(d.prods)]
		if p.Last != nil && p.Last.After(pl.day) {
			continue
		}
		q := int64(2 + (pi+li)%6)
		if pl.open && li == 0 {
			q = 60
		}
		lines = append(lines, jxc.SalesOrderLineInput{ProductID: p.ID, Quantity: decimal.NewFromInt(q),
			DiscountRate: jxc.Ptr(decimal.New(int64(pi%3)*5, -2))})
	}
	return lines
}

// shipAndBill ships an order's pending shipment on day, has most deliveries
// rated, and invoices the shipment. Without a pending shipment it does
// nothing (nil shipment).
func (d *demoSeller) shipAndBill(ctx context.Context, pi int, o *jxc.SalesOrder, day jxc.Date) (*jxc.Shipment, *jxc.SalesInvoice, error) {
	var pending int64
	if err := d.db.GetContext(ctx, &pending, `SELECT coalesce(max(id), 0) FROM shipments WHERE order_id = $1 AND status = 'PENDING'`, o.ID); err != nil || pending == 0 {
		return nil, nil, nil
	}
	sh, err := d.s.ShipShipment(ctx, jxc.ShipInput{ShipmentID: pending, PostingDate: &day, Carrier: jxc.Ptr([]string{"顺丰速运", "德邦物流", "京东物流"}[pi%3]),
		TrackingNumber: jxc.Ptr(fmt.Sprintf("DEMO%08d", 10000+pi))})
	if err != nil {
		return nil, nil, fmt.Errorf("demo ship: %w", err)
	}
	if pi%4 != 3 {
		rating := []int{5, 4, 5, 3, 4, 5, 2, 5}[pi%8]
		// Delivered a day or two after shipping (never after today), so
		// each month of the history has its own satisfaction.
		on := day.AddDays(1 + pi%2)
		if on.After(d.today) {
			on = d.today
		}
		if _, err := d.s.ConfirmDelivery(ctx, jxc.DeliveryInput{ShipmentID: sh.ID, DeliveredOn: &on, Rating: &rating}); err != nil {
			return nil, nil, fmt.Errorf("demo delivery: %w", err)
		}
	}
	inv, err := d.s.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: &day})
	if err != nil {
		return nil, nil, fmt.Errorf("demo invoice: %w", err)
	}
	return sh, inv, nil
}

// holdOrder has the small customer's big new order wait on a credit hold.
func (d *demoSeller) holdOrder(ctx context.Context, custs []demoCustomer) error {
	for _, c := range custs {
		if !c.hold {
			continue
		}
		top := d.prods[0]
		for _, p := range d.prods {
			if p.Price.GreaterThan(top.Price) {
				top = p
			}
		}
		o, err := d.s.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.ID, PostingDate: &d.today, Notes: jxc.Ptr("大额订单"),
			Lines: []jxc.SalesOrderLineInput{{ProductID: top.ID, Quantity: decimal.NewFromInt(12)}}})
		if err != nil {
			return fmt.Errorf("demo order: %w", err)
		}
		if _, err := d.s.ConfirmSalesOrder(ctx, o.ID); err != nil {
			return fmt.Errorf("demo confirm: %w", err)
		}
	}
	return nil
}

// returns takes a few shipments' goods back, dated today: they come back at
// the cost they left with.
func (d *demoSeller) returns(ctx context.Context, shipped []*jxc.Shipment) error {
	for i := 0; i < len(shipped) && i < 40; i += 9 {
		sh, err := d.s.FindShipmentByID(ctx, shipped[i].ID)
		if err != nil {
			return err
		}
		if _, err := d.s.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: &d.today, Reason: jxc.Ptr("包装破损"),
			Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: decimal.NewFromInt(1)}}}); err != nil {
			return fmt.Errorf("demo return: %w", err)
		}
	}
	return nil
}
