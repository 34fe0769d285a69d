package db

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// The demo company's last fifteen months (the current one included),
// relative to today in the company's time zone. The story is planned in
// memory first, deterministically (a seeded random source): sales orders
// by season, and purchase orders that keep each warehouse's stock of a
// supplier's family at about two months of the coming demand. It is then
// replayed through the services in date order, so every document posts
// through the posting engine as it would in use, and the months before the
// last are closed with their closing vouchers and month-end summaries.

// demoMonths is how many months the story covers, the current one included.
const demoMonths = 15

// demoSeed makes the story repeatable.
const demoSeed = 2027_0618

// demoSeason is each calendar month's sales against an average month:
// Spring Festival stocking in January, the quiet February, 618 in June,
// air conditioners in summer, 双11 in November.
var demoSeason = [13]float64{0, 1.30, 0.70, 0.85, 0.90, 1.10, 1.35, 1.05, 0.95, 0.95, 1.05, 1.40, 1.15}

// demoOrdersPerMonth is an average month's sales orders.
const demoOrdersPerMonth = 9

// demoStory is the plan and what the replay needs.
type demoStory struct {
	d      *DB
	b      *demoBuyer
	s      *demoSeller
	rng    *rand.Rand
	today  jxc.Date
	start  jxc.Date // the first day of the first month
	days   int      // days from start to today, both included
	custs  []demoCustomer
	cost   []decimal.Decimal // product index -> opening unit cost
	cat    []string          // product index -> category code
	fam    [][]int           // goods supplier index -> its products (it is their main source)
	main   []int             // product index -> its main supplier
	whOf   map[string]int    // region -> warehouse index
	open   [][]int64         // warehouse, product -> opening quantity
	sales  []*storySale
	buys   []*storyPO
	costs  []storyCost
	events []storyEvent
	// what the replay made, for the open work at the end
	shipped  []*jxc.Shipment
	receipts []*jxc.GoodsReceipt
}

type storyLine struct {
	p    int
	qty  int64
	disc decimal.Decimal
}

type storySale struct {
	day   jxc.Date
	c     int
	w     int
	lines []storyLine
	open  bool // confirmed, not shipped yet
	pay   *jxc.Date
	inv   *jxc.SalesInvoice
}

type storyPO struct {
	day, arrive jxc.Date
	sup, w      int
	lines       []storyLine
	late        bool
	reject      bool
	dearer      bool // billed over the order price: on hold
	rise        bool // the supplier's price jumps: an alert
	invoiceOn   *jxc.Date
	payOn       *jxc.Date
	po          *jxc.PurchaseOrder
	received    bool
	invoice     *jxc.SupplierInvoice
}

type storyCost struct {
	in jxc.OperatingCostInput
}

// Event kinds, in the order they happen on one day.
const (
	evReceipt = iota
	evSupplierInvoice
	evSupplierPayment
	evPurchaseOrder
	evSale
	evCustomerPayment
	evCost
)

type storyEvent struct {
	day  jxc.Date
	kind int
	i    int
}

// demoFamilies: each supplier makes or sells a product family (by SKU
// prefix or SKU); the first supplier listed for a product is its main
// source, a later one a second source with a price on file.
var demoFamilies = map[string][]string{
	"SUP-HAIER":   {"AP-FRG-", "AP-WSH-10", "AP-WH-60"},
	"SUP-MIDEA":   {"AP-WSH-", "AP-DRY-", "AP-WH-", "AP-DW-", "SA-FAN-", "SA-HD-"},
	"SUP-GREE":    {"AP-AC-", "SA-HM-", "SA-AP-", "SA-FAN-"},
	"SUP-VATTI":   {"AP-HOOD-", "AP-HOB-", "AP-GWH-"},
	"SUP-SUPOR":   {"KW-", "SA-RC-", "SA-PC-", "SA-KT-", "SA-SM-", "SA-BL-"},
	"SUP-GALANZ":  {"SA-MW-", "SA-OV-", "SA-AF-"},
	"SUP-ECOVACS": {"SA-VC-", "SA-AP-"},
	"SUP-TCL":     {"DG-TV-", "DG-SB-"},
	"SUP-XIAOMI":  {"DG-BT-", "DG-HP-", "DG-EB-", "DG-PB-", "DG-CH-", "DG-WT-", "DG-RT-", "DG-CAM-", "SA-KT-"},
}

// DemoSupplierFamilies tells whether a demo supplier (by code) makes or
// sells a product (by SKU): the story's supplier-product pairs.
func DemoSupplierFamilies(supplier, sku string) bool {
	for _, f := range demoFamilies[supplier] {
		if f == sku || (f[len(f)-1] == '-' && len(sku) >= len(f) && sku[:len(f)] == f) {
			return true
		}
	}
	return false
}

func demoProductBySKU(sku string) (struct{ cat, sku, name, nameEn, unit, price, cost string }, bool) {
	for _, p := range demoProducts {
		if p.sku == sku {
			return p, true
		}
	}
	return struct{ cat, sku, name, nameEn, unit, price, cost string }{}, false
}

// demoLateSuppliers deliver late more often than not.
var demoLateSuppliers = map[string]bool{"SUP-GALANZ": true, "SUP-VATTI": true}

// loadDemoStory runs after the catalog: the masters, the plan, the
// replay, the open work of today, the closed months and the alerts left
// for people to act on.
func loadDemoStory(ctx context.Context, d *DB) error {
	st := &demoStory{d: d, rng: rand.New(rand.NewPCG(demoSeed, 1)), today: jxc.Today(d.Now())}
	st.b = &demoBuyer{svc: NewPurchasingService(d), bud: NewBudgetService(d), as: map[string]context.Context{}, ids: map[string]*int64{}}
	if ok, err := st.b.load(ctx, d); err != nil || !ok {
		return err
	}
	st.s = &demoSeller{s: &SalesService{db: d, lean: true}, db: d, today: st.today}
	first := jxc.DateOf(time.Date(st.today.Year, st.today.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, -(demoMonths - 1), 0))
	st.start, st.days = first, st.today.DaysSince(first)+1
	for _, step := range []func(context.Context) error{st.masters, st.plan, st.opening, st.budgets, st.replay, st.openWork, st.transfers, st.bins, st.units, st.scrapDemo, st.demoSupplierReturns, st.counts, st.batches, st.closeMonths, st.quietAlerts, st.dispatch} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// masters creates the suppliers with their families' prices and the customers.
func (st *demoStory) masters(ctx context.Context) error {
	if err := st.b.suppliers(); err != nil {
		return err
	}
	byCode := map[string]int{}
	for i, s := range st.b.goods() {
		byCode[s.Code] = i
	}
	st.fam = make([][]int, len(st.b.goods()))
	st.main = make([]int, len(st.b.products))
	for pi, p := range st.b.products {
		st.main[pi] = -1
		dp, ok := demoProductBySKU(p.SKU)
		if !ok {
			return fmt.Errorf("demo product %s is not in the range", p.SKU)
		}
		st.cost = append(st.cost, decimal.RequireFromString(dp.cost))
		st.cat = append(st.cat, dp.cat)
		for _, s := range demoSuppliers {
			si, ok := byCode[s.code]
			if !ok || !DemoSupplierFamilies(s.code, p.SKU) {
				continue
			}
			if _, err := st.b.svc.SetSupplierProduct(st.b.as["purchasing"], jxc.SupplierProductInput{SupplierID: st.b.sups[si].ID, ProductID: p.ID,
				Price: jxc.Ptr(st.b.basePrice(p, si))}); err != nil {
				return fmt.Errorf("demo supplier price %s %s: %w", s.code, p.SKU, err)
			}
			if st.main[pi] < 0 {
				st.main[pi] = si
				st.fam[si] = append(st.fam[si], pi)
			}
		}
		if st.main[pi] < 0 {
			return fmt.Errorf("demo product %s has no supplier", p.SKU)
		}
	}
	st.whOf = map[string]int{}
	for wi, w := range st.b.warehouses {
		st.whOf[w.Region] = wi
	}
	var err error
	st.custs, err = st.s.customers(st.b.as["finance"])
	return err
}

func (st *demoStory) dayOf(t int) jxc.Date { return st.start.AddDays(t) }

// between is a uniform integer in [lo, hi].
func (st *demoStory) between(lo, hi int) int { return lo + st.rng.IntN(hi-lo+1) }

// productSeason weights a product's sales by month: cooling in summer,
// heating and humidifying in winter.
func productSeason(sku string, m time.Month) float64 {
	summer, winter := m >= 5 && m <= 8, m >= 11 || m <= 2
	switch {
	case len(sku) >= 6 && (sku[:6] == "AP-AC-" || sku[:7] == "SA-FAN-"):
		if summer {
			return 2.4
		} else if winter {
			return 0.3
		}
	case sku == "SA-HM-4" || sku == "AP-WH-60" || sku == "AP-GWH-16" || sku == "SA-AP-60":
		if winter {
			return 1.8
		} else if summer {
			return 0.5
		}
	}
	return 1
}

// lineValue is a typical order line's net value by category.
var lineValue = map[string]float64{"APPLIANCE": 62000, "DIGITAL": 38000, "SMALL": 21000, "KITCHEN": 11000}

// plan draws the sales, then simulates the stock day by day to place the
// purchase orders and to keep every shipment within the stock on its day.
func (st *demoStory) plan(ctx context.Context) error {
	np, nw := len(st.b.products), len(st.b.warehouses)
	horizon := st.days + 200
	demand := make([][][]int64, nw) // warehouse, product, day -> planned units
	for w := range demand {
		demand[w] = make([][]int64, np)
		for p := range demand[w] {
			demand[w][p] = make([]int64, horizon)
		}
	}
	weights := []int{}
	for ci, c := range st.custs {
		wgt := map[jxc.SalesChannel]int{jxc.ChannelDistributor: 4, jxc.ChannelStore: 3, jxc.ChannelOnline: 3, jxc.ChannelDirect: 2}[c.Channel]
		if c.hold {
			wgt = 1
		} else if c.late {
			wgt = 3 // good customers once, they still order
		}
		for range wgt {
			weights = append(weights, ci)
		}
	}
	// Sales, month by month.
	for m := st.start; !m.After(st.today); m = jxc.DateOf(m.Time().AddDate(0, 1, 0)) {
		dim := jxc.DateOf(m.Time().AddDate(0, 1, -1)).Day
		n := int(float64(demoOrdersPerMonth)*demoSeason[m.Month] + 0.5)
		for k := range n {
			day := m.AddDays(k*dim/n + st.rng.IntN(max(1, dim/n)))
			if day.After(st.today) {
				continue
			}
			ci := weights[st.rng.IntN(len(weights))]
			c := st.custs[ci]
			sale := &storySale{day: day, c: ci, w: st.whOf[c.Region], open: st.today.DaysSince(day) < 4}
			scale := 1.0
			if c.hold {
				scale = 0.15
			}
			seen := map[int]bool{}
			for range st.between(3, 6) {
				pi := st.rng.IntN(np)
				sku := st.b.products[pi].SKU
				if seen[pi] || st.rng.Float64() > productSeason(sku, day.Month)/2.4*1.6 {
					continue
				}
				seen[pi] = true
				price, _ := st.b.products[pi].SellPrice.Float64()
				v := lineValue[st.cat[pi]] * (0.6 + 0.8*st.rng.Float64()) * scale
				qty := max(int64(1), int64(v/price+0.5))
				disc := []string{"0", "0", "0.03", "0.05", "0.08"}[st.rng.IntN(5)]
				sale.lines = append(sale.lines, storyLine{p: pi, qty: qty, disc: decimal.RequireFromString(disc)})
				demand[sale.w][pi][day.DaysSince(st.start)] += qty
			}
			if len(sale.lines) > 0 {
				st.sales = append(st.sales, sale)
			}
		}
	}
	slices.SortStableFunc(st.sales, func(a, b *storySale) int { return a.day.Time().Compare(b.day.Time()) })
	// Beyond today, the demand of the same days a year before.
	for w := range demand {
		for p := range demand[w] {
			for t := st.days; t < horizon; t++ {
				if t >= 365 {
					demand[w][p][t] = demand[w][p][t-365]
				}
			}
		}
	}
	sum := func(w, p, from, to int) int64 {
		var s int64
		for t := max(from, 0); t < min(to, horizon); t++ {
			s += demand[w][p][t]
		}
		return s
	}
	// Opening stock: about ten weeks of each warehouse's demand, at least a few units.
	stock := make([][]int64, nw)
	onOrder := make([][]int64, nw)
	st.open = make([][]int64, nw)
	for w := range stock {
		stock[w], onOrder[w], st.open[w] = make([]int64, np), make([]int64, np), make([]int64, np)
		for p := range stock[w] {
			q := sum(w, p, 0, 70) + 3
			stock[w][p], st.open[w][p] = q, q
		}
	}
	arrivals := map[int][]*storyPO{}
	goods := st.b.goods()
	si := 0
	for t := range st.days {
		day := st.dayOf(t)
		for _, o := range arrivals[t] {
			for li, l := range o.lines {
				onOrder[o.w][l.p] -= l.qty
				stock[o.w][l.p] += l.qty
				if o.reject && li == 0 {
					stock[o.w][l.p] -= 2
				}
			}
		}
		// Each supplier reviews the warehouses' stock of its family once a week.
		for si = range goods {
			if (t+si*2)%7 != 0 || len(st.fam[si]) == 0 {
				continue
			}
			lead := goods[si].LeadTimeDays
			for w := range nw {
				var have, next30 float64
				for _, p := range st.fam[si] {
					c, _ := st.cost[p].Float64()
					have += float64(stock[w][p]+onOrder[w][p]) * c
					next30 += float64(sum(w, p, t, t+30)) * c
				}
				if next30 == 0 || have/next30*30 >= float64(25+lead) {
					continue
				}
				o := &storyPO{day: day, sup: si, w: w}
				for _, p := range st.fam[si] {
					q := sum(w, p, t, t+lead+70) - stock[w][p] - onOrder[w][p]
					if q <= 0 {
						continue
					}
					q = (q + 4) / 5 * 5
					o.lines = append(o.lines, storyLine{p: p, qty: q})
				}
				if len(o.lines) == 0 {
					continue
				}
				arrive := t + lead
				if demoLateSuppliers[goods[si].Code] && st.rng.IntN(2) == 0 || st.rng.IntN(10) == 0 {
					o.late = true
					arrive += st.between(2, 8)
				}
				o.arrive = st.dayOf(arrive)
				o.reject = st.rng.IntN(6) == 0 && o.lines[0].qty >= 10
				for _, l := range o.lines {
					onOrder[w][l.p] += l.qty
				}
				if arrive < st.days {
					arrivals[arrive] = append(arrivals[arrive], o)
				}
				st.buys = append(st.buys, o)
			}
		}
		// The day's sales ship what there is.
		for _, s := range st.sales {
			if s.day != day {
				continue
			}
			kept := s.lines[:0]
			for _, l := range s.lines {
				if !s.open {
					l.qty = min(l.qty, stock[s.w][l.p])
				}
				if l.qty <= 0 {
					continue
				}
				stock[s.w][l.p] -= min(l.qty, stock[s.w][l.p])
				kept = append(kept, l)
			}
			s.lines = kept
		}
	}
	return st.schedule()
}

// schedule dates the invoices, payments and operating costs, marks the
// purchase order whose price jumps and the invoice that goes on hold, and
// sorts everything into one timeline.
func (st *demoStory) schedule() error {
	add := func(day jxc.Date, kind, i int) {
		if !day.After(st.today) {
			st.events = append(st.events, storyEvent{day, kind, i})
		}
	}
	goods := st.b.goods()
	rise, hold := false, false
	// The newest order's prices jump.
	if n := len(st.buys); n > 0 && st.today.DaysSince(st.buys[n-1].day) <= 30 {
		st.buys[n-1].rise, rise = true, true
	}
	for i, o := range st.buys {
		add(o.day, evPurchaseOrder, i)
		if !o.arrive.Before(st.today) {
			continue // still on its way
		}
		add(o.arrive, evReceipt, i)
		inv := o.arrive.AddDays(st.between(1, 3))
		if inv.After(st.today) {
			continue
		}
		o.invoiceOn = &inv
		add(inv, evSupplierInvoice, i)
		if !hold && st.today.DaysSince(inv) <= 25 && st.today.DaysSince(inv) >= 5 {
			o.dearer, hold = true, true
			continue
		}
		pay := inv.AddDays(goods[o.sup].PaymentTermsDays - st.between(0, 4))
		if !pay.After(st.today) {
			o.payOn = &pay
			add(pay, evSupplierPayment, i)
		}
	}
	if !rise || !hold {
		return fmt.Errorf("demo story: no recent order for a price rise (%v) or an invoice on hold (%v)", rise, hold)
	}
	// One late payer stopped paying some four months ago: its first unpaid
	// invoice is past 90 days.
	stopped, since := -1, st.today.AddDays(-200)
	for _, s := range st.sales {
		if st.custs[s.c].late && !s.open && s.day.After(since) && st.today.DaysSince(s.day) > 100 {
			stopped = s.c
			break
		}
	}
	// A late payer's latest invoice past its due date is not paid yet.
	unpaid := map[int]int{}
	for i, s := range st.sales {
		if c := st.custs[s.c]; c.late && !s.open && len(s.lines) > 0 && s.day.AddDays(c.PaymentTermsDays).Before(st.today) {
			unpaid[s.c] = i
		}
	}
	for i, s := range st.sales {
		if len(s.lines) == 0 {
			continue
		}
		add(s.day, evSale, i)
		if unpaid[s.c] == i && st.custs[s.c].late {
			continue
		}
		if s.open {
			continue
		}
		c := st.custs[s.c]
		pay := s.day.AddDays(c.PaymentTermsDays - 7 + st.rng.IntN(8))
		if c.late {
			pay = s.day.AddDays(c.PaymentTermsDays + 20 + st.rng.IntN(30))
			if s.c == stopped && s.day.After(since) {
				continue
			}
		}
		if !pay.After(st.today) {
			s.pay = &pay
			add(pay, evCustomerPayment, i)
		}
	}
	st.plannedCosts()
	for i, c := range st.costs {
		add(c.in.PostingDate, evCost, i)
	}
	slices.SortStableFunc(st.events, func(a, b storyEvent) int {
		if c := a.day.Time().Compare(b.day.Time()); c != 0 {
			return c
		}
		return a.kind - b.kind
	})
	return nil
}

// plannedCosts are each month's operating costs: rent, wages, freight to
// customers (about 1.2 % of the month's sales), office and utilities. This
// month's administration is past 80 % of its budget: the annual audit.
func (st *demoStory) plannedCosts() {
	monthSales := map[jxc.Date]float64{}
	for _, s := range st.sales {
		for _, l := range s.lines {
			price, _ := st.b.products[l.p].SellPrice.Float64()
			monthSales[monthStart(s.day)] += float64(l.qty) * price
		}
	}
	for m := st.start; !m.After(st.today); m = nextMonth(m) {
		on := func(day int) jxc.Date { return jxc.Date{Year: m.Year, Month: m.Month, Day: day} }
		freight := decimal.NewFromFloat(monthSales[m] * 0.012).Round(0)
		for _, c := range []jxc.OperatingCostInput{
			{Category: jxc.CostRent, PostingDate: on(5), CostCentre: "WAREHOUSE", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString("38000.00"),
				Description: "仓库租金 warehouse rent"},
			{Category: jxc.CostOverhead, PostingDate: on(12), CostCentre: "ADMIN", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString("4500.00"),
				Description: "办公费 office costs"},
			{Category: jxc.CostOther, PostingDate: on(15), CostCentre: "WAREHOUSE", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString("3600.00"),
				Description: "水电费 utilities"},
			{Category: jxc.CostLabour, PostingDate: on(25), CostCentre: "SALES", AccountCode: jxc.AccountSellingExpenses, Amount: decimal.RequireFromString("56000.00"),
				Description: "销售人员工资 sales wages"},
			{Category: jxc.CostLabour, PostingDate: on(25), CostCentre: "WAREHOUSE", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString("22000.00"),
				Description: "仓库人员工资 warehouse wages"},
			{Category: jxc.CostLabour, PostingDate: on(25), CostCentre: "ADMIN", AccountCode: jxc.AccountAdminExpenses, Amount: decimal.RequireFromString("26000.00"),
				Description: "管理人员工资 office wages"},
			{Category: jxc.CostFreight, PostingDate: on(28), CostCentre: "SALES", AccountCode: jxc.AccountSellingExpenses, Amount: freight,
				Description: "销售运费 freight to customers"},
		} {
			if c.Amount.Sign() <= 0 || c.PostingDate.After(st.today) {
				continue
			}
			c.PayFrom = jxc.PayFromBank
			st.costs = append(st.costs, storyCost{c})
		}
	}
	// The audit brings this month's administration to 85 % of its budget.
	spent := decimal.Zero
	for _, c := range st.costs {
		if c.in.CostCentre == "ADMIN" && monthStart(c.in.PostingDate) == monthStart(st.today) {
			spent = spent.Add(c.in.Amount)
		}
	}
	if audit := demoAdminBudget.Mul(decimal.RequireFromString("0.85")).Sub(spent); audit.Sign() > 0 {
		st.costs = append(st.costs, storyCost{jxc.OperatingCostInput{Category: jxc.CostOther, PostingDate: st.today, CostCentre: "ADMIN",
			AccountCode: jxc.AccountAdminExpenses, Amount: audit, PayFrom: jxc.PayFromBank, Description: "年度审计费 annual audit fee"}})
	}
}

// opening posts the owners' capital and the opening stock on the first day.
func (st *demoStory) opening(ctx context.Context) error {
	ledger, stock := NewLedgerService(st.d), NewStockService(st.d)
	fin := st.b.as["finance"]
	if _, err := ledger.PostManualEntry(fin, jxc.ManualEntry{Date: st.start, Description: "期初余额 Opening balances: paid-in capital", Lines: []jxc.ManualLine{
		{AccountCode: jxc.AccountBank, Debit: decimal.RequireFromString("4000000.00"), Description: "招商银行基本户"},
		{AccountCode: jxc.AccountCash, Debit: decimal.RequireFromString("20000.00")},
		{AccountCode: jxc.AccountPaidInCapital, Credit: decimal.RequireFromString("4020000.00")},
	}}); err != nil {
		return fmt.Errorf("opening balances: %w", err)
	}
	for wi, wh := range st.b.warehouses {
		e := jxc.OpeningStock{Date: st.start, Description: "期初库存 Opening stock " + wh.Code}
		for pi, p := range st.b.products {
			var loc *int64
			if len(wh.Locations) > 0 {
				loc = &wh.Locations[pi%len(wh.Locations)].ID
			}
			e.Lines = append(e.Lines, jxc.OpeningStockLine{ProductID: p.ID, WarehouseID: wh.ID, LocationID: loc,
				Quantity: decimal.NewFromInt(st.open[wi][pi]), UnitCost: st.cost[pi]})
		}
		if _, err := stock.PostOpeningStock(fin, e); err != nil {
			return fmt.Errorf("opening stock %s: %w", wh.Code, err)
		}
	}
	return nil
}

// demoAdminBudget is the administration's monthly budget, which blocks.
var demoAdminBudget = decimal.NewFromInt(40000)

// budgets gives the departments a budget for each month of the current
// year, a little above what they usually spend.
func (st *demoStory) budgets(ctx context.Context) error {
	for m := time.January; m <= time.December; m++ {
		for _, l := range []struct {
			cc, acct, amount string
			policy           jxc.BudgetPolicy
			owner            string
		}{
			{"PURCHASING", jxc.AccountInventory, "2500000", jxc.BudgetWarn, "manager"},
			{"SALES", jxc.AccountSellingExpenses, "90000", jxc.BudgetWarn, "manager"},
			{"WAREHOUSE", jxc.AccountAdminExpenses, "82000", jxc.BudgetWarn, "manager"},
			{"ADMIN", jxc.AccountAdminExpenses, demoAdminBudget.String(), jxc.BudgetBlock, "finance"},
		} {
			if _, err := st.b.bud.CreateBudgetLine(st.b.as["finance"], jxc.BudgetLineInput{Year: st.today.Year, Month: int(m), CostCentre: l.cc, AccountCode: l.acct,
				Amount: decimal.RequireFromString(l.amount), Policy: l.policy, OwnerID: st.b.ids[l.owner], Description: jxc.Ptr("年度预算 annual budget")}); err != nil {
				return fmt.Errorf("demo budget: %w", err)
			}
		}
	}
	return nil
}

// replay posts the timeline through the services.
func (st *demoStory) replay(ctx context.Context) error {
	for _, ev := range st.events {
		var err error
		switch ev.kind {
		case evPurchaseOrder:
			err = st.placeOrder(st.buys[ev.i])
		case evReceipt:
			o := st.buys[ev.i]
			var r *jxc.GoodsReceipt
			do := &demoPurchase{po: o.po, reject: o.reject}
			if r, err = st.b.receive(do, ev.day); err == nil {
				o.received = true
				st.receipts = append(st.receipts, r)
			}
		case evSupplierInvoice:
			o := st.buys[ev.i]
			if o.received {
				o.invoice, err = st.b.invoice(ctx, &demoPurchase{po: o.po, dearer: o.dearer}, ev.day)
			}
		case evSupplierPayment:
			o := st.buys[ev.i]
			if o.invoice == nil || o.invoice.Status != jxc.InvoiceOpen {
				continue
			}
			if _, err = st.b.svc.PostSupplierPayment(st.b.as["finance"], jxc.SupplierPaymentInput{SupplierID: o.invoice.SupplierID, PaymentDate: ev.day,
				Amount: o.invoice.TotalAmount, Reference: jxc.Ptr("网银 " + o.invoice.Number),
				Allocations: []jxc.PaymentAllocationInput{{InvoiceID: o.invoice.ID, Amount: o.invoice.TotalAmount}}}); err != nil {
				err = fmt.Errorf("demo supplier payment: %w", err)
			}
		case evSale:
			err = st.sell(ctx, ev.i)
		case evCustomerPayment:
			s := st.sales[ev.i]
			if s.inv == nil {
				continue
			}
			amount := s.inv.TotalAmount
			if _, err = st.s.s.RecordCustomerPayment(st.b.as["finance"], jxc.PaymentInput{CustomerID: st.custs[s.c].ID, Amount: amount, PostingDate: s.pay,
				Reference: jxc.Ptr("网银转账 " + s.inv.Number), Allocations: []jxc.AllocationInput{{InvoiceID: s.inv.ID, Amount: amount}}}); err != nil {
				err = fmt.Errorf("demo customer payment: %w", err)
			}
		case evCost:
			if _, err = st.b.bud.PostOperatingCost(st.b.as["finance"], st.costs[ev.i].in); err != nil {
				err = fmt.Errorf("demo operating cost %s %s: %w", st.costs[ev.i].in.Description, ev.day, err)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// placeOrder creates, submits and approves a purchase order; prices creep
// up about 3 % a year, and one recent order's prices jump 8 %.
func (st *demoStory) placeOrder(o *storyPO) error {
	goods := st.b.goods()
	t := o.day.DaysSince(st.start)
	var lines []jxc.PurchaseOrderLineInput
	for _, l := range o.lines {
		p := st.b.products[l.p]
		price := st.b.basePrice(p, o.sup).Mul(decimal.NewFromFloat(1 + 0.03*float64(t)/365)).Round(2)
		if o.rise {
			price = price.Mul(decimal.RequireFromString("1.08")).Round(2)
		}
		lines = append(lines, jxc.PurchaseOrderLineInput{ProductID: p.ID, Quantity: decimal.NewFromInt(l.qty), UnitPrice: &price})
	}
	as := st.b.as["purchasing"]
	po, err := st.b.svc.CreatePurchaseOrder(as, jxc.PurchaseOrderInput{SupplierID: goods[o.sup].ID, WarehouseID: st.b.warehouses[o.w].ID,
		OrderDate: o.day, CostCentre: jxc.Ptr("PURCHASING"), Lines: lines})
	if err != nil {
		return fmt.Errorf("demo order: %w", err)
	}
	if _, err := st.b.svc.SubmitPurchaseOrder(as, po.ID); err != nil {
		return err
	}
	if _, err := st.b.svc.ApprovePurchaseOrder(st.b.as["manager"], po.ID); err != nil {
		return fmt.Errorf("demo approval: %w", err)
	}
	o.po = po
	return nil
}

// sell places, confirms, ships, delivers and invoices a planned sale (an
// open one is only confirmed).
func (st *demoStory) sell(ctx context.Context, i int) error {
	s := st.sales[i]
	c := st.custs[s.c]
	var lines []jxc.SalesOrderLineInput
	for li, l := range s.lines {
		q := l.qty
		if s.open && li == 0 && i%2 == 0 {
			q += 60 // more than the warehouse holds: a shortage
		}
		lines = append(lines, jxc.SalesOrderLineInput{ProductID: st.b.products[l.p].ID, Quantity: decimal.NewFromInt(q), DiscountRate: jxc.Ptr(l.disc)})
	}
	day := s.day
	sales := st.b.as["sales"]
	o, err := st.s.s.CreateSalesOrder(sales, jxc.SalesOrderInput{CustomerID: c.ID, WarehouseID: &st.b.warehouses[s.w].ID, PostingDate: &day, Lines: lines})
	if err != nil {
		return fmt.Errorf("demo sales order: %w", err)
	}
	if o, err = st.s.s.ConfirmSalesOrder(sales, o.ID); err != nil {
		return fmt.Errorf("demo confirm: %w", err)
	}
	if o.Status == jxc.OrderOnHold {
		// Finance knows the customer: released.
		if o, err = st.s.s.ReleaseSalesOrderHold(st.b.as["finance"], o.ID); err != nil {
			return fmt.Errorf("demo release: %w", err)
		}
	}
	if o.Status != jxc.OrderConfirmed || s.open {
		return nil
	}
	sh, inv, err := st.s.shipAndBill(ctx, st.b.as, i, o, day)
	if err != nil {
		return err
	}
	if sh != nil {
		st.shipped = append(st.shipped, sh)
		s.inv = inv
	}
	return nil
}

// openWork is today's: freight billed on the latest delivery, a big order
// on credit hold, a draft order, an order waiting for approval, and a few
// returns.
func (st *demoStory) openWork(ctx context.Context) error {
	if n := len(st.receipts); n > 0 {
		last := st.receipts[n-1]
		if _, err := st.b.svc.PostLandedCost(st.b.as["finance"], jxc.LandedCostInput{Kind: jxc.LandedFreight, Basis: jxc.ByValue, PostingDate: st.today,
			Amount: decimal.RequireFromString("860.00"), ReceiptIDs: []int64{last.ID}, PayFrom: jxc.PayFromPayable,
			SupplierID: &st.b.sups[len(st.b.sups)-1].ID, SupplierInvoiceNo: jxc.Ptr("SF-FRT-" + last.Number), Description: jxc.Ptr("运费 freight")}); err != nil {
			return fmt.Errorf("demo landed cost: %w", err)
		}
	}
	if err := st.s.holdOrder(st.b.as["sales"], st.custs, st.b.products); err != nil {
		return err
	}
	// A draft the salesperson has not confirmed yet.
	for _, c := range st.custs {
		if c.late || c.hold {
			continue
		}
		if _, err := st.s.s.CreateSalesOrder(st.b.as["sales"], jxc.SalesOrderInput{CustomerID: c.ID, PostingDate: &st.today, Notes: jxc.Ptr("待客户确认数量"),
			Lines: []jxc.SalesOrderLineInput{{ProductID: st.b.products[0].ID, Quantity: decimal.NewFromInt(4)}, {ProductID: st.b.products[10].ID, Quantity: decimal.NewFromInt(6)}}}); err != nil {
			return fmt.Errorf("demo draft order: %w", err)
		}
		break
	}
	// A purchase order submitted today, waiting for the manager.
	goods := st.b.goods()
	si := st.main[0]
	p := st.b.products[st.fam[si][0]]
	po, err := st.b.svc.CreatePurchaseOrder(st.b.as["purchasing"], jxc.PurchaseOrderInput{SupplierID: goods[si].ID, WarehouseID: st.b.warehouses[0].ID,
		OrderDate: st.today, CostCentre: jxc.Ptr("PURCHASING"), Notes: jxc.Ptr("双12 备货"),
		Lines: []jxc.PurchaseOrderLineInput{{ProductID: p.ID, Quantity: decimal.NewFromInt(20)}}})
	if err != nil {
		return fmt.Errorf("demo order to approve: %w", err)
	}
	if _, err := st.b.svc.SubmitPurchaseOrder(st.b.as["purchasing"], po.ID); err != nil {
		return err
	}
	// Returns of a few recent deliveries.
	var recent []*jxc.Shipment
	for _, sh := range st.shipped {
		if sh.PostingDate != nil && st.today.DaysSince(*sh.PostingDate) < 60 {
			recent = append(recent, sh)
		}
	}
	if len(recent) < 5 {
		recent = st.shipped
	}
	return st.s.returns(st.b.as["sales"], recent)
}

// closeMonths closes every month before the last one, oldest first, each
// with its closing voucher and month-end summary; last month stays open
// for its late bills.
func (st *demoStory) closeMonths(ctx context.Context) error {
	last := jxc.DateOf(time.Date(st.today.Year, st.today.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, -2, 0))
	if last.Before(st.start) {
		return nil
	}
	if _, err := NewLedgerService(st.d).CloseFiscalPeriod(st.b.as["finance"], last.Year, int(last.Month), true); err != nil {
		return fmt.Errorf("demo close %d-%02d: %w", last.Year, last.Month, err)
	}
	return nil
}

// demoAlertsKept is how many of the newest open alerts of each kind stay
// open; the rest were dealt with (acknowledged) as they came.
var demoAlertsKept = map[string]int{jxc.AlertCreditHold: 1, jxc.AlertBudget80: 1, jxc.AlertBudget100: 1, jxc.AlertPriceRise: 1,
	jxc.AlertShortage: 2, jxc.AlertLowStock: 3}

// DemoOpenAlertsMax is the most open alerts the demo leaves.
const DemoOpenAlertsMax = 10

// quietAlerts acknowledges what people dealt with as it came, leaving the
// newest few of each kind for their audience.
func (st *demoStory) quietAlerts(ctx context.Context) error {
	var open []struct {
		ID   int64  `db:"id"`
		Kind string `db:"kind"`
	}
	if err := st.d.SelectContext(ctx, &open, `SELECT id, kind FROM alerts WHERE NOT acknowledged ORDER BY id DESC`); err != nil {
		return err
	}
	kept, total := map[string]int{}, 0
	for _, a := range open {
		if kept[a.Kind] < demoAlertsKept[a.Kind] && total < DemoOpenAlertsMax {
			kept[a.Kind]++
			total++
			continue
		}
		if _, err := st.b.bud.AcknowledgeAlert(st.b.as["manager"], a.ID); err != nil {
			return fmt.Errorf("demo alert: %w", err)
		}
	}
	return nil
}
