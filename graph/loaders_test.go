package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
)

// countingServer serves /graphql and remembers how many statements the
// last request ran (session check included).
type countingServer struct {
	mu   sync.Mutex
	last *db.StatementCount
}

func (c *countingServer) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, n := db.CountStatements(r.Context())
		// Kept before serving: the client may read the count as soon as
		// it has the response, before ServeHTTP returns here; every
		// statement ran before the response was written.
		c.mu.Lock()
		c.last = n
		c.mu.Unlock()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (c *countingServer) lastCount() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last.Load()
}

// customersWithDocuments makes n customers, each with a confirmed order,
// its shipment shipped, invoiced and paid, through the services.
func customersWithDocuments(t *testing.T, d *db.DB, n int) {
	t.Helper()
	ctx := context.Background()
	dec := decimal.RequireFromString
	catalog, stock, sales := db.NewCatalogService(d), db.NewStockService(d), db.NewSalesService(d)
	wh, err := catalog.CreateWarehouse(ctx, jxc.WarehouseInput{Code: "SH", Name: "上海仓", Region: jxc.Ptr("华东")})
	if err != nil {
		t.Fatal(err)
	}
	var products []*jxc.Product
	var opening []jxc.OpeningStockLine
	for i := 0; i < 2; i++ {
		p, err := catalog.CreateProduct(ctx, jxc.ProductInput{SKU: fmt.Sprintf("P-%d", i), Name: fmt.Sprintf("货品 %d", i), Unit: "个", SellPrice: jxc.Ptr(dec("100"))})
		if err != nil {
			t.Fatal(err)
		}
		products = append(products, p)
		opening = append(opening, jxc.OpeningStockLine{ProductID: p.ID, WarehouseID: wh.ID, Quantity: dec("1000"), UnitCost: dec("60")})
	}
	if _, err := stock.PostOpeningStock(ctx, jxc.OpeningStock{Date: jxc.Today(d.Now()), Lines: opening}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		c, err := sales.CreateCustomer(ctx, jxc.CustomerInput{Code: fmt.Sprintf("C%03d", i), Name: fmt.Sprintf("客户 %d", i), CreditLimit: jxc.Ptr(dec("1000000"))})
		if err != nil {
			t.Fatal(err)
		}
		o, err := sales.CreateSalesOrder(ctx, jxc.SalesOrderInput{CustomerID: c.ID, WarehouseID: &wh.ID, Lines: []jxc.SalesOrderLineInput{
			{ProductID: products[0].ID, Quantity: dec("2")}, {ProductID: products[1].ID, Quantity: dec("1")}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sales.ConfirmSalesOrder(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
		shs, err := sales.FindShipments(ctx, jxc.ShipmentFilter{OrderID: &o.ID}, nil, jxc.PageArgs{})
		if err != nil || len(shs.Items) != 1 {
			t.Fatalf("shipments of order %d: %+v %v", o.ID, shs, err)
		}
		if _, err := sales.ShipShipment(ctx, jxc.ShipInput{ShipmentID: shs.Items[0].ID}); err != nil {
			t.Fatal(err)
		}
		inv, err := sales.CreateSalesInvoice(ctx, jxc.SalesInvoiceInput{ShipmentIDs: []int64{shs.Items[0].ID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sales.RecordCustomerPayment(ctx, jxc.PaymentInput{CustomerID: c.ID, Amount: inv.TotalAmount}); err != nil {
			t.Fatal(err)
		}
	}
}

// countingCaller serves the whole schema over d through a statement
// counter and signs in a user with the role.
func countingCaller(t *testing.T, d *db.DB, role jxc.Role) (*caller, *countingServer) {
	ctx := context.Background()
	users := db.NewUserService(d)
	r := &graph.Resolver{UserService: users, CatalogService: db.NewCatalogService(d), StockService: db.NewStockService(d),
		LedgerService: db.NewLedgerService(d), SalesService: db.NewSalesService(d), PurchasingService: db.NewPurchasingService(d),
		PartnerService: db.NewPartnerService(d), RefService: db.NewRefService(d), AnalyticsService: db.NewAnalyticsService(d), BudgetService: db.NewBudgetService(d), Log: slog.New(slog.DiscardHandler),
		// These tests count statements of large nested pages, over the
		// cost limit by design.
		MaxQueryCost: 1 << 30}
	counter := &countingServer{}
	srv := httptest.NewServer(counter.wrap(graph.Authenticate(users, false, graph.NewHandler(r))))
	t.Cleanup(srv.Close)
	name := "counted-" + strings.ToLower(string(role))
	if _, err := users.CreateUser(ctx, jxc.UserInput{Username: name, Password: "pass", Roles: []jxc.Role{role}}); err != nil {
		t.Fatal(err)
	}
	_, secret, err := users.Login(ctx, name, "pass", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return &caller{t: t, url: srv.URL, secret: secret}, counter
}

const customersWithChildren = `query($first: Int) { customers(first: $first) { totalCount nodes { code
	orders(first: 5) { totalCount nodes { number lines { quantity product { sku } } shipments { number lines { product { sku } } } } }
	invoices { totalCount nodes { number totalAmount lines { product { sku } } } }
	payments { totalCount nodes { number amount allocations { amount invoiceNumber } } }
	topProducts { quantity product { sku } }
	satisfaction { rated }
	statement { closing lines { debit credit } }
} } }`

// A page of customers with their orders (and the orders' shipments),
// invoices, payments and statements of account costs the same number of statements for 10
// customers as for 50: nested lists load per page, not per parent row.
func TestNestedListsCostAFixedNumberOfStatements(t *testing.T) {
	d := dbtest.New(t)
	customersWithDocuments(t, d, 55)
	c, counter := countingCaller(t, d, jxc.RoleSales)

	// The bound: a few statements per relation (rows, totals, then the
	// lines, products, customers and warehouses of all the rows at once),
	// far below one set per customer.
	const bound = 45
	counts := map[int]int64{}
	for _, first := range []int{10, 50, 10} {
		res := c.do(customersWithChildren, map[string]any{"first": first})
		if len(res.Errors) > 0 {
			t.Fatalf("first %d: %+v", first, res.Errors)
		}
		var page struct {
			TotalCount int
			Nodes      []struct {
				Code   string
				Orders struct {
					TotalCount int
					Nodes      []struct {
						Lines     []struct{ Product struct{ Sku string } }
						Shipments []struct {
							Lines []struct{ Product struct{ Sku string } }
						}
					}
				}
				Invoices struct {
					TotalCount int
					Nodes      []struct {
						Lines []struct{ Product struct{ Sku string } }
					}
				}
				Payments struct {
					TotalCount int
					Nodes      []struct{ Allocations []struct{ Amount string } }
				}
				TopProducts  []struct{ Product struct{ Sku string } }
				Satisfaction struct{ Rated int }
				Statement    struct {
					Closing string
					Lines   []struct{ Debit, Credit string }
				}
			}
		}
		if err := json.Unmarshal(res.Data["customers"], &page); err != nil {
			t.Fatal(err)
		}
		if page.TotalCount != 55 || len(page.Nodes) != first {
			t.Fatalf("first %d: %d of %d customers", first, len(page.Nodes), page.TotalCount)
		}
		for _, n := range page.Nodes {
			o, inv, pay := n.Orders, n.Invoices, n.Payments
			if o.TotalCount != 1 || len(o.Nodes) != 1 || len(o.Nodes[0].Lines) != 2 || o.Nodes[0].Lines[0].Product.Sku == "" ||
				len(o.Nodes[0].Shipments) != 1 || len(o.Nodes[0].Shipments[0].Lines) != 2 ||
				inv.TotalCount != 1 || len(inv.Nodes) != 1 || len(inv.Nodes[0].Lines) != 2 ||
				pay.TotalCount != 1 || len(pay.Nodes) != 1 || len(pay.Nodes[0].Allocations) != 1 || len(n.TopProducts) != 2 ||
				len(n.Statement.Lines) != 2 || n.Statement.Closing != "0" {
				t.Fatalf("first %d: customer %s: %+v", first, n.Code, n)
			}
		}
		counts[first] = counter.lastCount()
		t.Logf("first %d: %d statements", first, counts[first])
	}
	if counts[10] != counts[50] || counts[50] > bound || counts[10] == 0 {
		t.Errorf("statements for 10 customers %d, for 50 customers %d: want the same, at most %d", counts[10], counts[50], bound)
	}
}

// The purchasing lists too: a page of purchase orders with their receipts,
// and of suppliers with their scorecards, costs the same for a few rows as
// for every row of the demo company (read by a manager: the statement is
// supplier money, which purchasing may not read).
func TestPurchasingNestedListsCostAFixedNumberOfStatements(t *testing.T) {
	d := dbtest.New(t)
	if _, err := d.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	c, counter := countingCaller(t, d, jxc.RoleManager)
	const query = `query($first: Int, $suppliers: Int) {
		purchaseOrders(first: $first) { nodes { number receipts { number lines { acceptedQuantity product { sku } } } } }
		suppliers(first: $suppliers) { nodes { code scorecard { score priceTrends { product { sku } } } statement { closing lines { credit } } } } }`
	var counts []int64
	for i, first := range []int{10, 200} {
		res := c.do(query, map[string]any{"first": first, "suppliers": []int{3, 200}[i]})
		if len(res.Errors) > 0 {
			t.Fatalf("first %d: %+v", first, res.Errors)
		}
		var orders struct {
			Nodes []struct {
				Receipts []struct {
					Lines []struct{ Product struct{ Sku string } }
				}
			}
		}
		var suppliers struct {
			Nodes []struct {
				Scorecard struct {
					PriceTrends []struct{ Product struct{ Sku string } }
				}
			}
		}
		_ = json.Unmarshal(res.Data["purchaseOrders"], &orders)
		_ = json.Unmarshal(res.Data["suppliers"], &suppliers)
		receipts, trends := 0, 0
		for _, s := range suppliers.Nodes {
			trends += len(s.Scorecard.PriceTrends)
		}
		for _, o := range orders.Nodes {
			for _, r := range o.Receipts {
				receipts++
				if len(r.Lines) == 0 || r.Lines[0].Product.Sku == "" {
					t.Fatalf("first %d: a receipt without lines or products: %s", first, res.Data["purchaseOrders"])
				}
			}
		}
		if receipts == 0 || trends == 0 || first > 10 && (len(orders.Nodes) <= 10 || receipts <= 10 || len(suppliers.Nodes) <= 3) {
			t.Fatalf("the demo has too little to compare: %d orders with %d receipts, %d suppliers with %d price trends", len(orders.Nodes), receipts,
				len(suppliers.Nodes), trends)
		}
		counts = append(counts, counter.lastCount())
		t.Logf("%d orders with %d receipts, %d suppliers: %d statements", len(orders.Nodes), receipts, len(suppliers.Nodes), counter.lastCount())
	}
	if counts[0] != counts[1] || counts[1] > 45 {
		t.Errorf("statements for a few rows %d, for every row %d: want the same, at most 45", counts[0], counts[1])
	}
}
