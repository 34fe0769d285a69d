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
	s := &SalesService{db: db, lean: true}
	today := jxc.Today(db.Now())
	start := today.AddDays(-150)
	// Products that may ship on a date: none before its latest stock move.
	var prods []struct {
		ID    int64           `db:"id"`
		Price decimal.Decimal `db:"sell_price"`
		Last  *jxc.Date       `db:"last_move_date"`
	}
	if err := db.SelectContext(ctx, &prods, `SELECT p.id, p.sell_price, ps.last_move_date FROM products p
		JOIN product_stock ps ON ps.product_id = p.id WHERE p.active AND p.sell_price > 0 ORDER BY p.id`); err != nil {
		return err
	}
	if len(prods) == 0 {
		return nil
	}
	regions := []string{"华东", "华南", "华北"}
	channels := []jxc.SalesChannel{jxc.ChannelDistributor, jxc.ChannelStore, jxc.ChannelOnline, jxc.ChannelDirect}
	sellers := map[string][]string{"华东": {"张伟", "王芳"}, "华南": {"李娜", "陈杰"}, "华北": {"刘洋", "赵敏"}}
	type cust struct {
		*jxc.Customer
		late bool // stops paying: overdue invoices
		hold bool // small limit: the newest order goes on credit hold
	}
	var custs []cust
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
			c, err := s.CreateCustomer(ctx, jxc.CustomerInput{Code: fmt.Sprintf("C%03d", n+1), Name: name, Region: &region,
				Salesperson: &sellers[region][n%2], Channel: &ch, CreditLimit: &limit, PaymentTermsDays: ptr([]int{30, 45, 60, 30, 15}[n%5]),
				Contacts:    []jxc.Contact{{Name: string([]rune(sellers[region][(n+1)%2])[:1]) + "经理", Title: "采购经理", Phone: fmt.Sprintf("1380000%04d", 1000+n)}},
				Addresses:   []jxc.Address{{Label: "收货", Address: name + " 仓库", Region: region}},
				Preferences: ptr([]string{"工作日上午送货", "整托发货", "需预约卸货", "周末可收货", ""}[n%5])})
			if err != nil {
				return fmt.Errorf("demo customer %s: %w", name, err)
			}
			custs = append(custs, cust{c, late, hold})
		}
	}
	// Orders: every customer about every ten weeks, staggered; late payers
	// order once and never pay.
	type plan struct {
		day  jxc.Date
		c    cust
		n    int
		open bool // confirmed but not shipped yet
	}
	var plans []plan
	for ci, c := range custs {
		for k := 0; ; k++ {
			day := start.AddDays(ci*5%75 + k*75)
			if day.After(today) || (c.late && k > 0) {
				break
			}
			plans = append(plans, plan{day: day, c: c, n: k, open: today.DaysSince(day) < 20})
		}
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].day.Before(plans[j].day) })
	type unpaid struct {
		inv  *jxc.SalesInvoice
		c    cust
		paid jxc.Date
	}
	var bills []unpaid
	payUpTo := func(d jxc.Date) error {
		rest := bills[:0]
		for _, b := range bills {
			if b.paid.After(d) {
				rest = append(rest, b)
				continue
			}
			amount := b.inv.TotalAmount
			if b.inv.ID%5 == 0 { // some pay in two instalments; the second comes later
				amount = jxc.RoundMoney(amount.Div(decimal.NewFromInt(2)))
			}
			if _, err := s.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: b.c.ID, Amount: amount, PostingDate: &b.paid,
				Reference: ptr("网银转账"), Allocations: []jxc.AllocationInput{{InvoiceID: b.inv.ID, Amount: amount}}}); err != nil {
				return fmt.Errorf("demo payment: %w", err)
			}
		}
		bills = rest
		return nil
	}
	var shipped []*jxc.Shipment
	for pi, pl := range plans {
		if err := payUpTo(pl.day); err != nil {
			return err
		}
		var lines []jxc.SalesOrderLineInput
		for li := 0; li < 1+(pi%3); li++ {
			p := prods[(pi*7+li*13+int(pl.c.ID))%len(prods)]
			if p.Last != nil && p.Last.After(pl.day) {
				continue
			}
			q := int64(2 + (pi+li)%6)
			if pl.open && li == 0 {
				q = 60 // more than one warehouse holds: a shortage
			}
			lines = append(lines, jxc.SalesOrderLineInput{ProductID: p.ID, Quantity: decimal.NewFromInt(q),
				DiscountRate: ptr(decimal.New(int64(pi%3)*5, -2))})
		}
		if len(lines) == 0 {
			continue
		}
		day := pl.day
		o, err := s.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: pl.c.ID, PostingDate: &day, Lines: lines})
		if err != nil {
			return fmt.Errorf("demo order: %w", err)
		}
		if o, err = s.ConfirmSalesOrder(ctx, o.ID); err != nil {
			return fmt.Errorf("demo confirm: %w", err)
		}
		if o.Status == jxc.OrderOnHold {
			// Finance knows these customers: released.
			if o, err = s.ReleaseSalesOrderHold(ctx, o.ID); err != nil {
				return fmt.Errorf("demo release: %w", err)
			}
		}
		if o.Status != jxc.OrderConfirmed || pl.open {
			continue
		}
		var pending int64
		if err := db.GetContext(ctx, &pending, `SELECT coalesce(max(id), 0) FROM shipments WHERE order_id = $1 AND status = 'PENDING'`, o.ID); err != nil || pending == 0 {
			continue
		}
		sh, err := s.ShipShipment(ctx, jxc.ShipInput{ShipmentID: pending, PostingDate: &day, Carrier: ptr([]string{"顺丰速运", "德邦物流", "京东物流"}[pi%3]),
			TrackingNumber: ptr(fmt.Sprintf("DEMO%08d", 10000+pi))})
		if err != nil {
			return fmt.Errorf("demo ship: %w", err)
		}
		if pi%4 != 3 {
			rating := []int{5, 4, 5, 3, 4, 5, 2, 5}[pi%8]
			if _, err := s.ConfirmDelivery(ctx, jxc.DeliveryInput{ShipmentID: sh.ID, Rating: &rating}); err != nil {
				return fmt.Errorf("demo delivery: %w", err)
			}
		}
		inv, err := s.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: &day})
		if err != nil {
			return fmt.Errorf("demo invoice: %w", err)
		}
		shipped = append(shipped, sh)
		if pl.c.late {
			continue // never paid: overdue
		}
		bills = append(bills, unpaid{inv, pl.c, day.AddDays(pl.c.PaymentTermsDays - 3 + pi%7)})
	}
	if err := payUpTo(today); err != nil {
		return err
	}
	// The small customer's big new order waits on a credit hold.
	for _, c := range custs {
		if !c.hold {
			continue
		}
		top := prods[0]
		for _, p := range prods {
			if p.Price.GreaterThan(top.Price) {
				top = p
			}
		}
		o, err := s.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.ID, PostingDate: &today, Notes: ptr("大额订单"),
			Lines: []jxc.SalesOrderLineInput{{ProductID: top.ID, Quantity: decimal.NewFromInt(12)}}})
		if err != nil {
			return fmt.Errorf("demo order: %w", err)
		}
		if _, err := s.ConfirmSalesOrder(ctx, o.ID); err != nil {
			return fmt.Errorf("demo confirm: %w", err)
		}
	}
	// A few returns, dated today: the goods come back at the cost they left with.
	for i := 0; i < len(shipped) && i < 40; i += 9 {
		sh, err := s.FindShipmentByID(ctx, shipped[i].ID)
		if err != nil {
			return err
		}
		if _, err := s.CreateSalesReturn(ctx, jxc.SalesReturnInput{ShipmentID: sh.ID, PostingDate: &today, Reason: ptr("包装破损"),
			Lines: []jxc.SalesReturnLineInput{{ShipmentLineID: sh.Lines[0].ID, Quantity: decimal.NewFromInt(1)}}}); err != nil {
			return fmt.Errorf("demo return: %w", err)
		}
	}
	return nil
}
