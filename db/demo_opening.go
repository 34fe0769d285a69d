package db

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// demoProducts are a small household-appliance trader's range: SKU, names,
// unit, sell price and unit cost (CNY).
var demoProducts = []struct {
	cat, sku, name, nameEn, unit, price, cost string
}{
	{"APPLIANCE", "AP-FRG-420", "对开门冰箱 420L", "Side-by-side fridge 420L", "台", "4299.00", "3150.000000"},
	{"APPLIANCE", "AP-FRG-260", "三门冰箱 260L", "Three-door fridge 260L", "台", "2199.00", "1620.500000"},
	{"APPLIANCE", "AP-WSH-10", "滚筒洗衣机 10kg", "Front-load washer 10kg", "台", "2899.00", "2080.000000"},
	{"APPLIANCE", "AP-WSH-8", "波轮洗衣机 8kg", "Top-load washer 8kg", "台", "1299.00", "905.330000"},
	{"APPLIANCE", "AP-DRY-9", "热泵干衣机 9kg", "Heat-pump dryer 9kg", "台", "3999.00", "2950.000000"},
	{"APPLIANCE", "AP-AC-15", "变频空调 1.5匹", "Inverter air conditioner 1.5 HP", "台", "2799.00", "2010.000000"},
	{"APPLIANCE", "AP-AC-30", "柜式空调 3匹", "Floor air conditioner 3 HP", "台", "5999.00", "4380.000000"},
	{"APPLIANCE", "AP-WH-60", "电热水器 60L", "Electric water heater 60L", "台", "1399.00", "968.000000"},
	{"APPLIANCE", "AP-GWH-16", "燃气热水器 16L", "Gas water heater 16L", "台", "2499.00", "1765.250000"},
	{"APPLIANCE", "AP-DW-13", "洗碗机 13套", "Dishwasher 13 place settings", "台", "3599.00", "2610.000000"},
	{"APPLIANCE", "AP-HOOD-90", "吸油烟机 90cm", "Range hood 90cm", "台", "2299.00", "1580.000000"},
	{"APPLIANCE", "AP-HOB-2", "燃气灶 双眼", "Gas hob, two burners", "台", "999.00", "655.000000"},
	{"SMALL", "SA-RC-4", "电饭煲 4L", "Rice cooker 4L", "个", "399.00", "238.600000"},
	{"SMALL", "SA-PC-5", "电压力锅 5L", "Electric pressure cooker 5L", "个", "459.00", "281.000000"},
	{"SMALL", "SA-KT-17", "电水壶 1.7L", "Electric kettle 1.7L", "个", "129.00", "66.500000"},
	{"SMALL", "SA-MW-23", "微波炉 23L", "Microwave oven 23L", "台", "599.00", "377.000000"},
	{"SMALL", "SA-OV-40", "电烤箱 40L", "Electric oven 40L", "台", "699.00", "452.000000"},
	{"SMALL", "SA-AF-5", "空气炸锅 5L", "Air fryer 5L", "个", "349.00", "201.880000"},
	{"SMALL", "SA-BL-12", "破壁料理机", "High-speed blender", "台", "899.00", "560.000000"},
	{"SMALL", "SA-SM-1", "豆浆机", "Soy milk maker", "台", "369.00", "215.000000"},
	{"SMALL", "SA-VC-R", "扫地机器人", "Robot vacuum cleaner", "台", "1999.00", "1350.000000"},
	{"SMALL", "SA-VC-H", "无线吸尘器", "Cordless vacuum cleaner", "台", "1499.00", "990.000000"},
	{"SMALL", "SA-AP-60", "空气净化器", "Air purifier", "台", "1299.00", "846.000000"},
	{"SMALL", "SA-HM-4", "加湿器 4L", "Humidifier 4L", "个", "199.00", "104.120000"},
	{"SMALL", "SA-FAN-T", "塔扇", "Tower fan", "台", "299.00", "171.000000"},
	{"SMALL", "SA-HD-18", "电吹风 1800W", "Hair dryer 1800W", "个", "259.00", "139.500000"},
	{"DIGITAL", "DG-TV-55", "4K 电视 55英寸", "4K TV 55 inch", "台", "3299.00", "2460.000000"},
	{"DIGITAL", "DG-TV-65", "4K 电视 65英寸", "4K TV 65 inch", "台", "4999.00", "3720.000000"},
	{"DIGITAL", "DG-TV-75", "Mini LED 电视 75英寸", "Mini LED TV 75 inch", "台", "7999.00", "6050.000000"},
	{"DIGITAL", "DG-SB-5", "回音壁音箱", "Soundbar", "台", "1299.00", "830.000000"},
	{"DIGITAL", "DG-BT-S", "蓝牙音箱", "Bluetooth speaker", "个", "299.00", "158.000000"},
	{"DIGITAL", "DG-HP-NC", "降噪耳机", "Noise-cancelling headphones", "副", "1099.00", "702.000000"},
	{"DIGITAL", "DG-EB-TWS", "真无线耳机", "True wireless earbuds", "副", "499.00", "283.330000"},
	{"DIGITAL", "DG-PB-20", "充电宝 20000mAh", "Power bank 20000mAh", "个", "149.00", "78.900000"},
	{"DIGITAL", "DG-CH-65", "氮化镓充电器 65W", "GaN charger 65W", "个", "129.00", "61.000000"},
	{"DIGITAL", "DG-WT-S", "智能手表", "Smartwatch", "块", "1299.00", "880.000000"},
	{"DIGITAL", "DG-RT-6", "Wi-Fi 6 路由器", "Wi-Fi 6 router", "台", "399.00", "231.000000"},
	{"DIGITAL", "DG-CAM-2K", "家用摄像头 2K", "Home camera 2K", "台", "259.00", "142.000000"},
	{"KITCHEN", "KW-WOK-32", "不粘炒锅 32cm", "Non-stick wok 32cm", "口", "259.00", "121.000000"},
	{"KITCHEN", "KW-PAN-28", "煎锅 28cm", "Frying pan 28cm", "口", "169.00", "77.500000"},
	{"KITCHEN", "KW-POT-24", "不锈钢汤锅 24cm", "Stainless stockpot 24cm", "口", "229.00", "108.000000"},
	{"KITCHEN", "KW-KN-6", "刀具六件套", "Knife set, six pieces", "套", "399.00", "186.000000"},
	{"KITCHEN", "KW-CB-B", "竹砧板", "Bamboo chopping board", "块", "89.00", "36.450000"},
	{"KITCHEN", "KW-BOX-10", "玻璃保鲜盒十件套", "Glass food containers, ten pieces", "套", "139.00", "63.000000"},
	{"KITCHEN", "KW-CUP-4", "保温杯 500ml", "Vacuum flask 500ml", "个", "99.00", "41.200000"},
	{"KITCHEN", "KW-DIN-16", "陶瓷餐具十六件套", "Ceramic dinnerware, sixteen pieces", "套", "329.00", "152.000000"},
	{"KITCHEN", "KW-CHP-10", "合金筷子十双", "Alloy chopsticks, ten pairs", "套", "49.00", "18.880000"},
	{"KITCHEN", "KW-STM-3", "不锈钢蒸锅 三层", "Stainless steamer, three tiers", "口", "299.00", "139.000000"},
	{"KITCHEN", "KW-SCL-5", "厨房电子秤", "Kitchen scale", "个", "69.00", "27.600000"},
	{"KITCHEN", "KW-PEEL-3", "削皮刨丝三件套", "Peeler and grater set", "套", "39.00", "14.300000"},
}

var demoCategories = []struct{ code, name, nameEn string }{
	{"APPLIANCE", "大家电", "Major appliances"},
	{"SMALL", "小家电", "Small appliances"},
	{"DIGITAL", "数码电子", "Electronics"},
	{"KITCHEN", "厨房用品", "Kitchenware"},
}

var demoWarehouses = []struct{ code, name, region, address string }{
	{"SH01", "上海浦东仓", "华东", "上海市浦东新区川沙路 1288 号"},
	{"GZ01", "广州白云仓", "华南", "广州市白云区太和镇龙归路 66 号"},
	{"BJ01", "北京大兴仓", "华北", "北京市大兴区亦庄经济开发区科创街 18 号"},
}

// ean13 returns a 13-digit code with a valid check digit.
func ean13(prefix string, n int) string {
	s := fmt.Sprintf("%s%09d", prefix, n)
	sum := 0
	for i, c := range s {
		d := int(c - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return s + fmt.Sprint((10-sum%10)%10)
}

// DemoCompanyName is the demo company, as its printed documents name it.
const DemoCompanyName = "北京示范商贸有限公司"

// loadDemoOpening sets the demo company up: it names the company and
// creates the catalog (categories, products, warehouses and bins). The
// story (demo_story.go) posts the opening balances and stock on the first
// day of its first month.
func loadDemoOpening(ctx context.Context, db *DB) error {
	catalog := NewCatalogService(db)
	name := DemoCompanyName
	if _, err := NewSettingsService(db).UpdateCompanySettings(ctx, jxc.CompanySettingsUpdate{CompanyName: &name}); err != nil {
		return err
	}
	cats := map[string]int64{}
	for _, c := range demoCategories {
		cat, err := catalog.CreateCategory(ctx, jxc.CategoryInput{Code: c.code, Name: c.name, NameEn: &c.nameEn})
		if err != nil {
			return fmt.Errorf("category %s: %w", c.code, err)
		}
		cats[c.code] = cat.ID
	}
	for i, p := range demoProducts {
		price := decimal.RequireFromString(p.price)
		safety := decimal.NewFromInt(int64(5 + i%4*5))
		_, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: p.sku, Name: p.name, NameEn: &p.nameEn, Unit: p.unit,
			CategoryID: jxc.Ptr(cats[p.cat]), Barcodes: []string{ean13("690", 412000+i)}, SellPrice: &price,
			SafetyStock: &safety, ReorderPoint: jxc.Ptr(safety.Mul(decimal.NewFromInt(2))), ReorderQty: jxc.Ptr(safety.Mul(decimal.NewFromInt(4))),
			LeadTimeDays: jxc.Ptr(7 + i%3*7)})
		if err != nil {
			return fmt.Errorf("product %s: %w", p.sku, err)
		}
	}
	for _, w := range demoWarehouses {
		wh, err := catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: w.code, Name: w.name, Region: &w.region, Address: &w.address})
		if err != nil {
			return fmt.Errorf("warehouse %s: %w", w.code, err)
		}
		for _, bin := range []string{"A-01", "A-02", "B-01", "B-02"} {
			_, err := catalog.CreateLocation(ctx, jxc.LocationInput{WarehouseID: wh.ID, Code: bin, Name: jxc.Ptr(bin[:1] + " 区 " + bin[2:] + " 号货架")})
			if err != nil {
				return err
			}
		}
	}

	return nil
}
