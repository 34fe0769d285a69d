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
	svc, bud, catalog := NewPurchasingService(d), NewBudgetService(d), NewCatalogService(d)
	users, err := NewUserService(d).FindUsers(ctx)
	if err != nil {
		return err
	}
	as := map[string]context.Context{}
	ids := map[string]*int64{}
	for _, u := range users {
		as[u.Username] = jxc.NewContextWithAuth(ctx, &jxc.Auth{User: u})
		ids[u.Username] = &u.ID
	}
	if as["purchasing"] == nil || as["manager"] == nil || as["finance"] == nil || as["warehouse"] == nil {
		return fmt.Errorf("demo purchasing needs the demo users")
	}
	pp, err := catalog.FindProducts(ctx, jxc.ProductFilter{}, nil, jxc.PageArgs{First: ptrTo(jxc.MaxPageSize)})
	if err != nil {
		return err
	}
	wp, err := catalog.FindWarehouses(ctx, jxc.WarehouseFilter{}, nil, jxc.PageArgs{First: ptrTo(10)})
	if err != nil {
		return err
	}
	products, warehouses := pp.Items, wp.Items
	if len(products) < 4 || len(warehouses) == 0 {
		return nil // nothing to buy for
	}

	// Suppliers, each offering a slice of the range; the logistics company
	// bills freight and services.
	var sups []*jxc.Supplier
	for i, s := range demoSuppliers {
		sup, err := svc.CreateSupplier(as["purchasing"], jxc.SupplierInput{Code: s.code, Name: s.name, PaymentTermsDays: ptrTo([]int{30, 45, 60}[i%3]),
			LeadTimeDays: ptrTo(3 + i%5*2), Contacts: []jxc.SupplierContact{{Name: s.contact, Role: "销售经理 Sales manager", Phone: s.phone}}})
		if err != nil {
			return fmt.Errorf("demo supplier %s: %w", s.code, err)
		}
		sups = append(sups, sup)
	}
	goods := sups[:len(sups)-1]
	basePrice := func(p *jxc.Product, supplier int) decimal.Decimal {
		f := decimal.RequireFromString("0.72").Add(decimal.New(int64(supplier%4), -2))
		return p.SellPrice.Mul(f).Round(2)
	}
	offers := map[int64][]int{} // product -> supplier indexes
	for pi, p := range products {
		for _, si := range []int{pi % len(goods), (pi + 3) % len(goods)} {
			if _, err := svc.SetSupplierProduct(as["purchasing"], jxc.SupplierProductInput{SupplierID: goods[si].ID, ProductID: p.ID,
				Price: ptrTo(basePrice(p, si))}); err != nil {
				return err
			}
			offers[p.ID] = append(offers[p.ID], si)
		}
	}

	today := jxc.Today(d.Now())
	start := today.AddDays(-120)
	if jan2 := (jxc.Date{Year: today.Year, Month: time.January, Day: 2}); start.Before(jan2) {
		start = jan2
	}
	span := today.DaysSince(start)
	if span < 10 {
		return nil // too early in the year for a history
	}

	// Budgets for the departments, per month of the window.
	var months []jxc.Date
	for m := (jxc.Date{Year: start.Year, Month: start.Month, Day: 1}); !m.After(today); m = jxc.DateOf(m.Time().AddDate(0, 1, 0)) {
		months = append(months, m)
	}
	for _, m := range months {
		for _, b := range []struct {
			cc, acct, amount string
			policy           jxc.BudgetPolicy
			owner            string
		}{
			{"PURCHASING", jxc.AccountInventory, "2000000", jxc.BudgetWarn, "manager"},
			{"SALES", jxc.AccountSellingExpenses, "30000", jxc.BudgetWarn, "manager"},
			{"WAREHOUSE", jxc.AccountAdminExpenses, "20000", jxc.BudgetWarn, "manager"},
			{"ADMIN", jxc.AccountAdminExpenses, "10000", jxc.BudgetBlock, "finance"},
		} {
			if _, err := bud.CreateBudgetLine(as["finance"], jxc.BudgetLineInput{Year: m.Year, Month: int(m.Month), CostCentre: b.cc, AccountCode: b.acct,
				Amount: decimal.RequireFromString(b.amount), Policy: b.policy, OwnerID: ids[b.owner], Description: ptrTo("demo budget")}); err != nil {
				return fmt.Errorf("demo budget: %w", err)
			}
		}
	}

	// Orders: two a week over the window, approved at once.
	type event struct {
		date  jxc.Date
		kind  int // 0 receipt, 1 invoice, 2 payment
		order int
	}
	type demoOrder struct {
		po       *jxc.PurchaseOrder
		late     bool
		reject   bool
		dearer   bool
		received bool
		invoice  *jxc.SupplierInvoice
	}
	var orders []*demoOrder
	var events []event
	n := span / 3
	for k := 0; k < n; k++ {
		date := start.AddDays(k * 3)
		pi := (k * 5) % len(products)
		si := offers[products[pi].ID][k%2]
		var lines []jxc.PurchaseOrderLineInput
		for j := 0; j < 2+k%2; j++ {
			p := products[(pi+j*7)%len(products)]
			if !slices.Contains(offers[p.ID], si) {
				continue
			}
			// Prices creep up over the months; one order jumps 8 %.
			price := basePrice(p, si).Mul(decimal.NewFromInt(1000 + int64(k*2))).Div(decimal.NewFromInt(1000)).Round(2)
			if k == n-6 {
				price = price.Mul(decimal.RequireFromString("1.08")).Round(2)
			}
			lines = append(lines, jxc.PurchaseOrderLineInput{ProductID: p.ID, Quantity: decimal.NewFromInt(int64(10 + (k*7)%30)), UnitPrice: &price})
		}
		if len(lines) == 0 {
			continue
		}
		o, err := svc.CreatePurchaseOrder(as["purchasing"], jxc.PurchaseOrderInput{SupplierID: goods[si].ID, WarehouseID: warehouses[k%len(warehouses)].ID,
			OrderDate: date, CostCentre: ptrTo("PURCHASING"), Lines: lines})
		if err != nil {
			return fmt.Errorf("demo order: %w", err)
		}
		if _, err := svc.SubmitPurchaseOrder(as["purchasing"], o.ID); err != nil {
			return err
		}
		if _, err := svc.ApprovePurchaseOrder(as["manager"], o.ID); err != nil {
			return fmt.Errorf("demo approval: %w", err)
		}
		do := &demoOrder{po: o, late: k%5 == 2, reject: k%4 == 1, dearer: k == n/2}
		orders = append(orders, do)
		arrive := o.ExpectedDate
		if do.late {
			arrive = arrive.AddDays(4)
		}
		if !arrive.Before(today) {
			continue // still on its way
		}
		events = append(events, event{arrive, 0, len(orders) - 1})
		if inv := arrive.AddDays(2); inv.Before(today) {
			events = append(events, event{inv, 1, len(orders) - 1})
			due := inv.AddDays(goods[si].PaymentTermsDays - 5)
			if due.Before(today) && k%6 != 3 {
				events = append(events, event{due, 2, len(orders) - 1})
			}
		}
	}
	slices.SortStableFunc(events, func(a, b event) int {
		if c := a.date.Time().Compare(b.date.Time()); c != 0 {
			return c
		}
		return a.kind - b.kind
	})
	var lastReceipt *jxc.GoodsReceipt
	for _, ev := range events {
		do := orders[ev.order]
		switch ev.kind {
		case 0:
			in := jxc.GoodsReceiptInput{PurchaseOrderID: do.po.ID, ReceiptDate: ev.date}
			for i, l := range do.po.Lines {
				rl := jxc.GoodsReceiptLineInput{PurchaseOrderLineID: &l.ID, AcceptedQty: l.Quantity}
				if do.reject && i == 0 {
					rl.AcceptedQty = l.Quantity.Sub(decimal.NewFromInt(2))
					rl.RejectedQty = decimal.NewFromInt(2)
					rl.RejectionReason = ptrTo("外包装破损 damaged packaging")
				}
				in.Lines = append(in.Lines, rl)
			}
			r, err := svc.PostGoodsReceipt(as["warehouse"], in)
			if err != nil {
				return fmt.Errorf("demo receipt %s: %w", do.po.Number, err)
			}
			do.received, lastReceipt = true, r
		case 1:
			if !do.received {
				continue
			}
			po, err := svc.FindPurchaseOrderByID(ctx, do.po.ID)
			if err != nil {
				return err
			}
			in := jxc.SupplierInvoiceInput{PurchaseOrderID: po.ID, SupplierInvoiceNo: "INV-" + po.Number, InvoiceDate: ev.date}
			for i, l := range po.Lines {
				price := l.UnitPrice
				if do.dearer && i == 0 {
					price = price.Mul(decimal.RequireFromString("1.04")).Round(2) // past the 2 % tolerance: on hold
				}
				in.Lines = append(in.Lines, jxc.SupplierInvoiceLineInput{PurchaseOrderLineID: l.ID, Quantity: l.ReceivedQty, UnitPrice: price})
			}
			inv, err := svc.PostSupplierInvoice(as["finance"], in)
			if err != nil {
				return fmt.Errorf("demo invoice %s: %w", po.Number, err)
			}
			do.invoice = inv
		case 2:
			if do.invoice == nil || do.invoice.Status != jxc.InvoiceOpen {
				continue
			}
			if _, err := svc.PostSupplierPayment(as["finance"], jxc.SupplierPaymentInput{SupplierID: do.invoice.SupplierID, PaymentDate: ev.date,
				Amount: do.invoice.TotalAmount, Reference: ptrTo("网银 " + do.invoice.Number),
				Allocations: []jxc.PaymentAllocationInput{{InvoiceID: do.invoice.ID, Amount: do.invoice.TotalAmount}}}); err != nil {
				return fmt.Errorf("demo payment: %w", err)
			}
		}
	}

	// Freight on the latest delivery, billed by the logistics company.
	if lastReceipt != nil {
		if _, err := svc.PostLandedCost(as["finance"], jxc.LandedCostInput{Kind: jxc.LandedFreight, Basis: jxc.ByValue, PostingDate: today,
			Amount: decimal.RequireFromString("860.00"), ReceiptIDs: []int64{lastReceipt.ID}, PayFrom: jxc.PayFromPayable,
			SupplierID: &sups[len(sups)-1].ID, SupplierInvoiceNo: ptrTo("SF-FRT-" + lastReceipt.Number), Description: ptrTo("运费 freight")}); err != nil {
			return fmt.Errorf("demo landed cost: %w", err)
		}
	}

	// Operating costs: sales labour and warehouse services each month, and
	// the current month's administration at 85 % of its budget.
	for _, m := range months {
		day := jxc.Date{Year: m.Year, Month: m.Month, Day: 10}
		if day.After(today) {
			day = today
		}
		if day.Before(start) {
			day = start
		}
		tag := fmt.Sprintf("%04d%02d", m.Year, m.Month)
		for _, c := range []jxc.OperatingCostInput{
			{Category: jxc.CostLabour, CostCentre: "SALES", AccountCode: jxc.AccountSellingExpenses, Amount: decimal.RequireFromString("18500.00"),
				PayFrom: jxc.PayFromBank, Description: "销售人员工资 sales wages"},
			{Category: jxc.CostFreight, CostCentre: "WAREHOUSE", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString("6200.00"),
				PayFrom: jxc.PayFromPayable, SupplierID: &sups[len(sups)-1].ID, SupplierInvoiceNo: ptrTo("SF-SVC-" + tag), Description: "仓储配送服务 warehouse logistics"},
		} {
			c.PostingDate = day
			if _, err := bud.PostOperatingCost(as["finance"], c); err != nil {
				return fmt.Errorf("demo operating cost: %w", err)
			}
		}
	}
	for _, c := range []struct{ cat, amount, what string }{
		{"OVERHEAD", "5000.00", "办公费 office costs"}, {"OTHER", "3500.00", "审计费 audit fee"},
	} {
		if _, err := bud.PostOperatingCost(as["finance"], jxc.OperatingCostInput{Category: jxc.OperatingCostCategory(c.cat), PostingDate: today,
			CostCentre: "ADMIN", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString(c.amount), PayFrom: jxc.PayFromBank,
			Description: c.what}); err != nil {
			return fmt.Errorf("demo operating cost: %w", err)
		}
	}
	return nil
}
