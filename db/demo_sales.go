package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

var demoCustomerNames = map[string][]string{
	"华东": {"上海家悦电器", "杭州西湖商贸", "南京金陵家电城", "苏州姑苏百货", "宁波港城电器", "无锡太湖家居", "合肥徽商电器", "上海优选网店", "温州瓯江贸易", "常州龙城家电"},
	"华南": {"广州天河电器", "深圳南山数码", "佛山顺德家电", "东莞厚街商贸", "珠海横琴百货", "厦门鹭岛电器", "汕头潮汕家电", "南宁绿城商贸", "海口椰城电器", "广州优品网店"},
	"华北": {"北京京华电器", "天津津门商贸", "石家庄燕赵家电", "太原晋商百货", "济南泉城电器", "青岛海滨家电", "大连星海商贸", "呼和浩特草原电器", "北京朝阳网店", "唐山冀东家电"},
}

// demoSeller is what the sales demo's steps share.
type demoSeller struct {
	s     *SalesService
	db    *DB
	today jxc.Date
}

// demoCustomer is a demo customer and how it behaves.
type demoCustomer struct {
	*jxc.Customer
	late bool // stops paying: overdue invoices
	hold bool // small limit: the newest order goes on credit hold
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
			limit := decimal.NewFromInt(int64(200000 + (n%5)*75000))
			late, hold := n%9 == 4 || n == 27, n == 11
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

// shipAndBill ships an order's pending shipment on day, has most deliveries
// rated, and invoices the shipment. Without a pending shipment it does
// nothing (nil shipment).
func (d *demoSeller) shipAndBill(ctx context.Context, as map[string]context.Context, pi int, o *jxc.SalesOrder, day jxc.Date) (*jxc.Shipment, *jxc.SalesInvoice, error) {
	var pending int64
	if err := d.db.GetContext(ctx, &pending, `SELECT coalesce(max(id), 0) FROM shipments WHERE order_id = $1 AND status = 'PENDING'`, o.ID); err != nil || pending == 0 {
		return nil, nil, nil
	}
	sh, err := d.s.ShipShipment(as["warehouse"], jxc.ShipInput{ShipmentID: pending, PostingDate: &day, Carrier: jxc.Ptr([]string{"顺丰速运", "德邦物流", "京东物流"}[pi%3]),
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
		if _, err := d.s.ConfirmDelivery(as["warehouse"], jxc.DeliveryInput{ShipmentID: sh.ID, DeliveredOn: &on, Rating: &rating}); err != nil {
			return nil, nil, fmt.Errorf("demo delivery: %w", err)
		}
	}
	inv, err := d.s.CreateSalesInvoice(as["finance"], jxc.SalesInvoiceInput{ShipmentIDs: []int64{sh.ID}, PostingDate: &day})
	if err != nil {
		return nil, nil, fmt.Errorf("demo invoice: %w", err)
	}
	return sh, inv, nil
}

// holdOrder has the small customer's big new order wait on a credit hold.
func (d *demoSeller) holdOrder(ctx context.Context, custs []demoCustomer, products []*jxc.Product) error {
	top := products[0]
	for _, p := range products {
		if p.SellPrice.GreaterThan(top.SellPrice) {
			top = p
		}
	}
	for _, c := range custs {
		if !c.hold {
			continue
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
	for i := 0; i < len(shipped) && i < 40; i += 8 {
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
