package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// demoSuppliers: the goods suppliers, each making or selling a product
// family (demoFamilies), then the logistics company, which bills freight.
var demoSuppliers = []struct{ code, name, contact, phone string }{
	{"SUP-HAIER", "海尔智家 Haier", "王强", "0532-8893 8888"},
	{"SUP-MIDEA", "美的集团 Midea", "李华", "0757-2660 1000"},
	{"SUP-GREE", "格力电器 Gree", "张伟", "0756-861 4883"},
	{"SUP-VATTI", "华帝 Vatti", "赵敏", "0760-2228 3888"},
	{"SUP-SUPOR", "苏泊尔 Supor", "陈静", "0571-8685 8778"},
	{"SUP-GALANZ", "格兰仕 Galanz", "周婷", "0757-2336 6888"},
	{"SUP-ECOVACS", "科沃斯 Ecovacs", "吴昊", "0512-6587 5866"},
	{"SUP-TCL", "TCL 实业 TCL", "孙磊", "0752-228 8888"},
	{"SUP-XIAOMI", "小米通讯 Xiaomi", "刘洋", "010-6060 6666"},
	{"SUP-SF", "顺丰供应链 SF Logistics", "郑洁", "95338"},
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
}

// demoPurchase is one demo order and what has happened to it.
type demoPurchase struct {
	po     *jxc.PurchaseOrder
	reject bool
	dearer bool
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
	pp, err := catalog.FindProducts(ctx, jxc.ProductFilter{}, nil, jxc.PageArgs{First: jxc.Ptr(jxc.MaxPageSize)})
	if err != nil {
		return false, err
	}
	wp, err := catalog.FindWarehouses(ctx, jxc.WarehouseFilter{}, nil, jxc.PageArgs{First: jxc.Ptr(10)})
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

// suppliers creates the suppliers; their products and prices follow
// their families (demoStory.masters).
func (b *demoBuyer) suppliers() error {
	for i, s := range demoSuppliers {
		sup, err := b.svc.CreateSupplier(b.as["purchasing"], jxc.SupplierInput{Code: s.code, Name: s.name, PaymentTermsDays: jxc.Ptr([]int{30, 45, 60}[i%3]),
			LeadTimeDays: jxc.Ptr(3 + i%5*2), Contacts: []jxc.SupplierContact{{Name: s.contact, Role: "销售经理 Sales manager", Phone: s.phone}}})
		if err != nil {
			return fmt.Errorf("demo supplier %s: %w", s.code, err)
		}
		b.sups = append(b.sups, sup)
	}
	return nil
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
			rl.RejectionReason = jxc.Ptr("外包装破损 damaged packaging")
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
