package db

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Runs after the books demo (the order is demoLoaders in demo.go).
var demoSuppliers = []struct{ code, name, contact, phone string }{
	{"SUP-MIDEA", "美的集团 Midea", "李华", "0757-2660 1000"},
	{"SUP-HAIER", "海尔智家 Haier", "王强", "0532-8893 8888"},
	{"SUP-GREE", "格力电器 Gree", "张伟", "0756-861 4883"},
	{"SUP-SUPOR", "苏泊尔 Supor", "陈静", "0571-8685 8778"},
	{"SUP-JOYOUNG", "九阳 Joyoung", "刘洋", "0531-8181 6666"},
	{"SUP-VATTI", "华帝 Vatti", "赵敏", "0760-2228 3888"},
	{"SUP-ROBAM", "老板电器 Robam", "孙磊", "0571-8628 0607"},
	{"SUP-GALANZ", "格兰仕 Galanz", "周婷", "0757-2336 6888"},
	{"SUP-ECOVACS", "科沃斯 Ecovacs", "吴昊", "0512-6587 5866"},
	{"SUP-SF", "顺丰供应链 SF Logistics", "郑洁", "95338"},
}

// loadDemoPurchasing gives the demo company about four months of
// procure to pay through the services: suppliers and their prices, orders
// approved against budgets, receipts (some late, some with rejections),
// invoices (one on hold for a price mismatch), payments (some left
// overdue), a landed cost, operating costs, and one budget past 80 %.
func loadDemoPurchasing(ctx context.Context, d *DB) error {
	b := &demoBuyer{svc: NewPurchasingService(d), bud: NewBudgetService(d), as: map[string]context.Context{}, ids: map[string]*int64{}}
	if ok, err := b.load(ctx, d); err != nil || !ok {
		return err
	}
	if err := b.suppliers(); err != nil {
		return err
	}
	b.today = jxc.Today(d.Now())
	b.start = b.today.AddDays(-120)
	if jan2 := (jxc.Date{Year: b.today.Year, Month: time.January, Day: 2}); b.start.Before(jan2) {
		b.start = jan2
	}
	if b.today.DaysSince(b.start) < 10 {
		return nil // too early in the year for a history
	}
	for m := (jxc.Date{Year: b.start.Year, Month: b.start.Month, Day: 1}); !m.After(b.today); m = jxc.DateOf(m.Time().AddDate(0, 1, 0)) {
		b.months = append(b.months, m)
	}
	if err := b.budgets(); err != nil {
		return err
	}
	orders, events, err := b.orders()
	if err != nil {
		return err
	}
	lastReceipt, err := b.replay(ctx, orders, events)
	if err != nil {
		return err
	}
	// Freight on the latest delivery, billed by the logistics company.
	if lastReceipt != nil {
		if _, err := b.svc.PostLandedCost(b.as["finance"], jxc.LandedCostInput{Kind: jxc.LandedFreight, Basis: jxc.ByValue, PostingDate: b.today,
			Amount: decimal.RequireFromString("860.00"), ReceiptIDs: []int64{lastReceipt.ID}, PayFrom: jxc.PayFromPayable,
			SupplierID: &b.sups[len(b.sups)-1].ID, SupplierInvoiceNo: ptrTo("SF-FRT-" + lastReceipt.Number), Description: ptrTo("运费 freight")}); err != nil {
			return fmt.Errorf("demo landed cost: %w", err)
		}
	}
	return b.operatingCosts()
}

// demoBuyer is what the purchasing demo's steps share.
type demoBuyer struct {
	svc        *PurchasingService
	bud        *BudgetService
	as         map[string]context.Context // each demo user's context, by user name
	ids        map[string]*int64
	products   []*jxc.Product
	warehouses []*jxc.Warehouse
	sups       []*jxc.Supplier // the goods suppliers, then the logistics company
	offers     map[int64][]int // product -> goods supplier indexes
	today      jxc.Date
	start      jxc.Date
	months     []jxc.Date // the first of each month of the window
}

// demoPurchase is one demo order and what has happened to it.
type demoPurchase struct {
	po       *jxc.PurchaseOrder
	late     bool
	reject   bool
	dearer   bool
	received bool
	invoice  *jxc.SupplierInvoice
}

// demoPurchaseEvent is a receipt (0), invoice (1) or payment (2) of an order.
type demoPurchaseEvent struct {
	date  jxc.Date
	kind  int
	order int
}

// load finds the demo users, products and warehouses; without products to
// buy it reports false.
func (b *demoBuyer) load(ctx context.Context, d *DB) (bool, error) {
	users, err := NewUserService(d).FindUsers(ctx)
	if err != nil {
		return false, err
	}
	for _, u := range users {
		b.as[u.Username] = jxc.NewContextWithAuth(ctx, &jxc.Auth{User: u})
		b.ids[u.Username] = &u.ID
	}
	if b.as["purchasing"] == nil || b.as["manager"] == nil || b.as["finance"] == nil || b.as["warehouse"] == nil {
		return false, fmt.Errorf("demo purchasing needs the demo users")
	}
	catalog := NewCatalogService(d)
	pp, err := catalog.FindProducts(ctx, jxc.ProductFilter{}, nil, jxc.PageArgs{First: ptrTo(jxc.MaxPageSize)})
	if err != nil {
		return false, err
	}
	wp, err := catalog.FindWarehouses(ctx, jxc.WarehouseFilter{}, nil, jxc.PageArgs{First: ptrTo(10)})
	if err != nil {
		return false, err
	}
	b.products, b.warehouses = pp.Items, wp.Items
	return len(b.products) >= 4 && len(b.warehouses) > 0, nil // else nothing to buy for
}

func (b *demoBuyer) goods() []*jxc.Supplier { return b.sups[:len(b.sups)-1] }

func (b *demoBuyer) basePrice(p *jxc.Product, supplier int) decimal.Decimal {
	f := decimal.RequireFromString("0.72").Add(decimal.New(int64(supplier%4), -2))
	return p.SellPrice.Mul(f).Round(2)
}

// suppliers creates the suppliers, each offering a slice of the range; the
// logistics company bills freight and services.
func (b *demoBuyer) suppliers() error {
	for i, s := range demoSuppliers {
		sup, err := b.svc.CreateSupplier(b.as["purchasing"], jxc.SupplierInput{Code: s.code, Name: s.name, PaymentTermsDays: ptrTo([]int{30, 45, 60}[i%3]),
			LeadTimeDays: ptrTo(3 + i%5*2), Contacts: []jxc.SupplierContact{{Name: s.contact, Role: "销售经理 Sales manager", Phone: s.phone}}})
		if err != nil {
			return fmt.Errorf("demo supplier %s: %w", s.code, err)
		}
		b.sups = append(b.sups, sup)
	}
	goods := b.goods()
	b.offers = map[int64][]int{}
	for pi, p := range b.products {
		for _, si := range []int{pi % len(goods), (pi + 3) % len(goods)} {
			if _, err := b.svc.SetSupplierProduct(b.as["purchasing"], jxc.SupplierProductInput{SupplierID: goods[si].ID, ProductID: p.ID,
				Price: ptrTo(b.basePrice(p, si))}); err != nil {
				return err
			}
			b.offers[p.ID] = append(b.offers[p.ID], si)
		}
	}
	return nil
}

// budgets gives the departments a budget per month of the window.
func (b *demoBuyer) budgets() error {
	for _, m := range b.months {
		for _, l := range []struct {
			cc, acct, amount string
			policy           jxc.BudgetPolicy
			owner            string
		}{
			{"PURCHASING", jxc.AccountInventory, "2000000", jxc.BudgetWarn, "manager"},
			{"SALES", jxc.AccountSellingExpenses, "30000", jxc.BudgetWarn, "manager"},
			{"WAREHOUSE", jxc.AccountAdminExpenses, "20000", jxc.BudgetWarn, "manager"},
			{"ADMIN", jxc.AccountAdminExpenses, "10000", jxc.BudgetBlock, "finance"},
		} {
			if _, err := b.bud.CreateBudgetLine(b.as["finance"], jxc.BudgetLineInput{Year: m.Year, Month: int(m.Month), CostCentre: l.cc, AccountCode: l.acct,
				Amount: decimal.RequireFromString(l.amount), Policy: l.policy, OwnerID: b.ids[l.owner], Description: ptrTo("demo budget")}); err != nil {
				return fmt.Errorf("demo budget: %w", err)
			}
		}
	}
	return nil
}

// orders places two orders a week over the window, approved at once, and
// returns them with their receipts, invoices and payments in date order.
func (b *demoBuyer) orders() ([]*demoPurchase, []demoPurchaseEvent, error) {
	var orders []*demoPurchase
	var events []demoPurchaseEvent
	goods, products := b.goods(), b.products
	n := b.today.DaysSince(b.start) / 3
	for k := 0; k < n; k++ {
		pi := (k * 5) % len(products)
		si := b.offers[products[pi].ID][k%2]
		lines := b.orderLines(k, n, pi, si)
		if len(lines) == 0 {
			continue
		}
		o, err := b.svc.CreatePurchaseOrder(b.as["purchasing"], jxc.PurchaseOrderInput{SupplierID: goods[si].ID, WarehouseID: b.warehouses[k%len(b.warehouses)].ID,
			OrderDate: b.start.AddDays(k * 3), CostCentre: ptrTo("PURCHASING"), Lines: lines})
		if err != nil {
			return nil, nil, fmt.Errorf("demo order: %w", err)
		}
		if _, err := b.svc.SubmitPurchaseOrder(b.as["purchasing"], o.ID); err != nil {
			return nil, nil, err
		}
		if _, err := b.svc.ApprovePurchaseOrder(b.as["manager"], o.ID); err != nil {
			return nil, nil, fmt.Errorf("demo approval: %w", err)
		}
		do := &demoPurchase{po: o, late: k%5 == 2, reject: k%4 == 1, dearer: k == n/2}
		orders = append(orders, do)
		arrive := o.ExpectedDate
		if do.late {
			arrive = arrive.AddDays(4)
		}
		if !arrive.Before(b.today) {
			continue // still on its way
		}
		events = append(events, demoPurchaseEvent{arrive, 0, len(orders) - 1})
		if inv := arrive.AddDays(2); inv.Before(b.today) {
			events = append(events, demoPurchaseEvent{inv, 1, len(orders) - 1})
			due := inv.AddDays(goods[si].PaymentTermsDays - 5)
			if due.Before(b.today) && k%6 != 3 {
				events = append(events, demoPurchaseEvent{due, 2, len(orders) - 1})
			}
		}
	}
	slices.SortStableFunc(events, func(a, b demoPurchaseEvent) int {
		if c := a.date.Time().Compare(b.date.Time()); c != 0 {
			return c
		}
		return a.kind - b.kind
	})
	return orders, events, nil
}

// orderLines are the k-th of n orders' lines from supplier si, starting at
// product pi: prices creep up over the months; one order jumps 8 %.
func (b *demoBuyer) orderLines(k, n, pi, si int) []jxc.PurchaseOrderLineInput {
	var lines []jxc.PurchaseOrderLineInput
	for j := 0; j < 2+k%2; j++ {
		p := b.products[(pi+j*7)%len(b.products)]
		if !slices.Contains(b.offers[p.ID], si) {
			continue
		}
		price := b.basePrice(p, si).Mul(decimal.NewFromInt(1000 + int64(k*2))).Div(decimal.NewFromInt(1000)).Round(2)
		if k == n-6 {
			price = price.Mul(decimal.RequireFromString("1.08")).Round(2)
		}
		lines = append(lines, jxc.PurchaseOrderLineInput{ProductID: p.ID, Quantity: decimal.NewFromInt(int64(10 + (k*7)%30)), UnitPrice: &price})
	}
	return lines
}

// replay posts the orders' receipts, invoices and payments in date order and
// returns the last receipt.
func (b *demoBuyer) replay(ctx context.Context, orders []*demoPurchase, events []demoPurchaseEvent) (*jxc.GoodsReceipt, error) {
	var lastReceipt *jxc.GoodsReceipt
	for _, ev := range events {
		do := orders[ev.order]
		var err error
		switch ev.kind {
		case 0:
			var r *jxc.GoodsReceipt
			if r, err = b.receive(do, ev.date); err == nil {
				do.received, lastReceipt = true, r
			}
		case 1:
			if do.received {
				do.invoice, err = b.invoice(ctx, do, ev.date)
			}
		case 2:
			if do.invoice == nil || do.invoice.Status != jxc.InvoiceOpen {
				continue
			}
			if _, err = b.svc.PostSupplierPayment(b.as["finance"], jxc.SupplierPaymentInput{SupplierID: do.invoice.SupplierID, PaymentDate: ev.date,
				Amount: do.invoice.TotalAmount, Reference: ptrTo("网银 " + do.invoice.Number),
				Allocations: []jxc.PaymentAllocationInput{{InvoiceID: do.invoice.ID, Amount: do.invoice.TotalAmount}}}); err != nil {
				err = fmt.Errorf("demo payment: %w", err)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return lastReceipt, nil
}

// receive takes an order in, two of its first line's units rejected for
// some orders.
func (b *demoBuyer) receive(do *demoPurchase, date jxc.Date) (*jxc.GoodsReceipt, error) {
	in := jxc.GoodsReceiptInput{PurchaseOrderID: do.po.ID, ReceiptDate: date}
	for i, l := range do.po.Lines {
		rl := jxc.GoodsReceiptLineInput{PurchaseOrderLineID: &l.ID, AcceptedQty: l.Quantity}
		if do.reject && i == 0 {
			rl.AcceptedQty = l.Quantity.Sub(decimal.NewFromInt(2))
			rl.RejectedQty = decimal.NewFromInt(2)
			rl.RejectionReason = ptrTo("外包装破损 damaged packaging")
		}
		in.Lines = append(in.Lines, rl)
	}
	r, err := b.svc.PostGoodsReceipt(b.as["warehouse"], in)
	if err != nil {
		return nil, fmt.Errorf("demo receipt %s: %w", do.po.Number, err)
	}
	return r, nil
}

// invoice bills what an order received; one order's first line comes
// dearer than ordered.
func (b *demoBuyer) invoice(ctx context.Context, do *demoPurchase, date jxc.Date) (*jxc.SupplierInvoice, error) {
	po, err := b.svc.FindPurchaseOrderByID(ctx, do.po.ID)
	if err != nil {
		return nil, err
	}
	in := jxc.SupplierInvoiceInput{PurchaseOrderID: po.ID, SupplierInvoiceNo: "INV-" + po.Number, InvoiceDate: date}
	for i, l := range po.Lines {
		price := l.UnitPrice
		if do.dearer && i == 0 {
			price = price.Mul(decimal.RequireFromString("1.04")).Round(2) // past the 2 % tolerance: on hold
		}
		in.Lines = append(in.Lines, jxc.SupplierInvoiceLineInput{PurchaseOrderLineID: l.ID, Quantity: l.ReceivedQty, UnitPrice: price})
	}
	inv, err := b.svc.PostSupplierInvoice(b.as["finance"], in)
	if err != nil {
		return nil, fmt.Errorf("demo invoice %s: %w", po.Number, err)
	}
	return inv, nil
}

// operatingCosts posts sales labour and warehouse services each month, and
// the current month's administration at 85 % of its budget.
func (b *demoBuyer) operatingCosts() error {
	logistics := b.sups[len(b.sups)-1]
	for _, m := range b.months {
		day := jxc.Date{Year: m.Year, Month: m.Month, Day: 10}
		if day.After(b.today) {
			day = b.today
		}
		if day.Before(b.start) {
			day = b.start
		}
		tag := fmt.Sprintf("%04d%02d", m.Year, m.Month)
		for _, c := range []jxc.OperatingCostInput{
			{Category: jxc.CostLabour, CostCentre: "SALES", AccountCode: jxc.AccountSellingExpenses, Amount: decimal.RequireFromString("18500.00"),
				PayFrom: jxc.PayFromBank, Description: "销售人员工资 sales wages"},
			{Category: jxc.CostFreight, CostCentre: "WAREHOUSE", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString("6200.00"),
				PayFrom: jxc.PayFromPayable, SupplierID: &logistics.ID, SupplierInvoiceNo: ptrTo("SF-SVC-" + tag), Description: "仓储配送服务 warehouse logistics"},
		} {
			c.PostingDate = day
			if _, err := b.bud.PostOperatingCost(b.as["finance"], c); err != nil {
				return fmt.Errorf("demo operating cost: %w", err)
			}
		}
	}
	for _, c := range []struct{ cat, amount, what string }{
		{"OVERHEAD", "5000.00", "办公费 office costs"}, {"OTHER", "3500.00", "审计费 audit fee"},
	} {
		if _, err := b.bud.PostOperatingCost(b.as["finance"], jxc.OperatingCostInput{Category: jxc.OperatingCostCategory(c.cat), PostingDate: b.today,
			CostCentre: "ADMIN", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString(c.amount), PayFrom: jxc.PayFromBank,
			Description: c.what}); err != nil {
			return fmt.Errorf("demo operating cost: %w", err)
		}
	}
	return nil
}
