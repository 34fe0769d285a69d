package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
	"github.com/jxcgraph/jxc/db"
	"github.com/jxcgraph/jxc/db/dbtest"
	"github.com/jxcgraph/jxc/graph"
)

type gqlResult struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

type userError struct {
	Code    string  `json:"code"`
	Field   *string `json:"field"`
	Message string  `json:"message"`
}

type caller struct {
	t      *testing.T
	url    string
	secret string
}

func (c *caller) do(query string, vars map[string]any) *gqlResult {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: graph.SessionCookie, Value: c.secret})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var r gqlResult
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		c.t.Fatal(err)
	}
	return &r
}

// payload returns a mutation payload's userErrors, failing on top-level errors.
func (c *caller) userErrors(query string, vars map[string]any, field string) []userError {
	c.t.Helper()
	r := c.do(query, vars)
	if len(r.Errors) > 0 {
		c.t.Fatalf("top-level errors: %+v", r.Errors)
	}
	var p struct {
		UserErrors []userError `json:"userErrors"`
	}
	if err := json.Unmarshal(r.Data[field], &p); err != nil {
		c.t.Fatalf("%s: %v in %s", field, err, r.Data[field])
	}
	return p.UserErrors
}

func (c *caller) code(r *gqlResult) string {
	if len(r.Errors) == 0 {
		return ""
	}
	s, _ := r.Errors[0].Extensions["code"].(string)
	return s
}

type env struct {
	d       *db.DB
	callers map[jxc.Role]*caller
}

func newEnv(t *testing.T) *env {
	ctx := context.Background()
	d := dbtest.New(t)
	users := db.NewUserService(d)
	r := &graph.Resolver{UserService: users, CatalogService: db.NewCatalogService(d), StockService: db.NewStockService(d),
		LedgerService: db.NewLedgerService(d), Log: slog.New(slog.DiscardHandler)}
	srv := httptest.NewServer(graph.Authenticate(users, false, graph.NewHandler(r)))
	t.Cleanup(srv.Close)
	e := &env{d: d, callers: map[jxc.Role]*caller{}}
	for _, role := range []jxc.Role{jxc.RoleWarehouse, jxc.RoleFinance, jxc.RoleSales, jxc.RoleAnalyst} {
		name := strings.ToLower(string(role))
		if _, err := users.CreateUser(ctx, jxc.UserInput{Username: name, Password: "pass", Roles: []jxc.Role{role}}); err != nil {
			t.Fatal(err)
		}
		_, secret, err := users.Login(ctx, name, "pass", "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		e.callers[role] = &caller{t: t, url: srv.URL, secret: secret}
	}
	return e
}

func hasError(ues []userError, code, field string) bool {
	for _, u := range ues {
		if u.Code == code && u.Field != nil && *u.Field == field {
			return true
		}
	}
	return false
}

func (e *env) count(t *testing.T, table string) int {
	var n int
	if err := e.d.GetContext(context.Background(), &n, `SELECT count(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}

const createProduct = `mutation($in: CreateProductInput!) { createProduct(input: $in) { product { id sku barcodes vatRate } userErrors { code field message } } }`

func TestBadInputThroughGraphQL(t *testing.T) {
	e := newEnv(t)
	wh, fin := e.callers[jxc.RoleWarehouse], e.callers[jxc.RoleFinance]

	var created struct {
		CreateProduct struct {
			Product struct {
				ID      string
				VatRate string
			}
		}
	}
	r := wh.do(createProduct, map[string]any{"in": map[string]any{"sku": "TV-55", "name": "55寸电视", "unit": "台", "barcodes": []string{"6901234567892"}}})
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	_ = json.Unmarshal(r.Data["createProduct"], &created.CreateProduct)
	if created.CreateProduct.Product.VatRate != "0.13" {
		t.Fatalf("default VAT: %+v", created)
	}
	pid := created.CreateProduct.Product.ID
	var w struct {
		Warehouse struct{ ID string }
	}
	r = wh.do(`mutation { createWarehouse(input: {code: "SH01", name: "上海仓", region: "华东"}) { warehouse { id } userErrors { code } } }`, nil)
	_ = json.Unmarshal(r.Data["createWarehouse"], &w)
	wid := w.Warehouse.ID

	// Duplicate SKU and barcode, a bad barcode and a 3-decimal price: all at once.
	ues := wh.userErrors(createProduct, map[string]any{"in": map[string]any{"sku": "TV-55", "name": "x", "unit": "台",
		"barcodes": []string{"bad code", "6901234567892"}, "sellPrice": "1.005"}}, "createProduct")
	for _, w := range [][2]string{{"CONFLICT", "input.sku"}, {"INVALID", "input.barcodes.0"}, {"CONFLICT", "input.barcodes.1"}, {"INVALID", "input.sellPrice"}} {
		if !hasError(ues, w[0], w[1]) {
			t.Errorf("createProduct: no %s on %s in %+v", w[0], w[1], ues)
		}
	}
	if n := e.count(t, "products"); n != 1 {
		t.Errorf("%d products written", n)
	}

	const opening = `mutation($in: OpeningStockInput!) { postOpeningStock(input: $in) { document { id lines { value } } userErrors { code field message } } }`
	ues = fin.userErrors(opening, map[string]any{"in": map[string]any{"postingDate": "2026-02-01", "lines": []any{
		map[string]any{"productId": "999", "warehouseId": wid, "quantity": "1", "unitCost": "1"},
		map[string]any{"productId": pid, "warehouseId": "998", "quantity": "0", "unitCost": "1.1234567"},
		map[string]any{"productId": pid, "warehouseId": wid, "quantity": "1.00001", "unitCost": "1"},
	}}}, "postOpeningStock")
	for _, w := range [][2]string{{"NOT_FOUND", "input.lines.0.productId"}, {"NOT_FOUND", "input.lines.1.warehouseId"},
		{"INVALID", "input.lines.1.quantity"}, {"INVALID", "input.lines.1.unitCost"}, {"INVALID", "input.lines.2.quantity"}} {
		if !hasError(ues, w[0], w[1]) {
			t.Errorf("postOpeningStock: no %s on %s in %+v", w[0], w[1], ues)
		}
	}
	if ues := fin.userErrors(opening, map[string]any{"in": map[string]any{"postingDate": "2026-02-01", "lines": []any{
		map[string]any{"productId": pid, "warehouseId": wid, "quantity": "2", "unitCost": "1500.5"}}}}, "postOpeningStock"); len(ues) > 0 {
		t.Fatal(ues)
	}

	const adjust = `mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { document { id } userErrors { code field message } } }`
	moves := e.count(t, "stock_moves")
	ues = wh.userErrors(adjust, map[string]any{"in": map[string]any{"postingDate": "2026-02-02", "reason": "SCRAP", "lines": []any{
		map[string]any{"productId": pid, "warehouseId": wid, "direction": "DECREASE", "quantity": "3"}}}}, "postStockAdjustment")
	if !hasError(ues, "CONFLICT", "input.lines.0.quantity") {
		t.Errorf("overdraw: %+v", ues)
	}
	ues = wh.userErrors(adjust, map[string]any{"in": map[string]any{"postingDate": "2026-01-31", "reason": "SCRAP", "lines": []any{
		map[string]any{"productId": pid, "warehouseId": wid, "direction": "DECREASE", "quantity": "1"}}}}, "postStockAdjustment")
	if !hasError(ues, "CONFLICT", "input.postingDate") {
		t.Errorf("back-dated: %+v", ues)
	}
	if n := e.count(t, "stock_moves"); n != moves {
		t.Errorf("refused adjustments wrote %d moves", n-moves)
	}

	const entry = `mutation($in: JournalEntryInput!) { postJournalEntry(input: $in) { entry { id totalDebit } userErrors { code field message } } }`
	entries := e.count(t, "journal_entries")
	ues = fin.userErrors(entry, map[string]any{"in": map[string]any{"postingDate": "2026-02-03", "description": "rent", "lines": []any{
		map[string]any{"accountCode": "6602", "debit": "100"},
		map[string]any{"accountCode": "1002", "credit": "90.001"},
		map[string]any{"accountCode": "9999", "credit": "5"},
	}}}, "postJournalEntry")
	for _, w := range [][2]string{{"INVALID", "input.lines"}, {"INVALID", "input.lines.1.credit"}} {
		if !hasError(ues, w[0], w[1]) {
			t.Errorf("postJournalEntry: no %s on %s in %+v", w[0], w[1], ues)
		}
	}
	if ues := fin.userErrors(`mutation { closeFiscalPeriod(input: {year: 2026, month: 1}) { period { status } userErrors { code field } } }`, nil, "closeFiscalPeriod"); len(ues) > 0 {
		t.Fatal(ues)
	}
	ues = fin.userErrors(entry, map[string]any{"in": map[string]any{"postingDate": "2026-01-20", "description": "late", "lines": []any{
		map[string]any{"accountCode": "6602", "debit": "100"}, map[string]any{"accountCode": "1002", "credit": "100"}}}}, "postJournalEntry")
	if !hasError(ues, "PERIOD_CLOSED", "input.postingDate") {
		t.Errorf("closed period: %+v", ues)
	}
	if n := e.count(t, "journal_entries"); n != entries {
		t.Errorf("refused entries wrote %d entries", n-entries)
	}

	// Floats never get in; pages are capped.
	if r := fin.do(entry, map[string]any{"in": map[string]any{"description": "f", "lines": []any{
		map[string]any{"accountCode": "6602", "debit": 1.5}, map[string]any{"accountCode": "1002", "credit": "1.5"}}}}); len(r.Errors) == 0 {
		t.Error("a float amount was accepted")
	}
	if r := wh.do(`{ products(first: 201) { totalCount } }`, nil); wh.code(r) != jxc.EINVALID {
		t.Errorf("first: 201: %+v", r.Errors)
	}

	// The books are healthy after all that.
	var check struct {
		BooksCheck struct {
			Ok                  bool
			InventoryDifference string
			StockValue          string
		}
	}
	r = fin.do(`{ booksCheck { ok inventoryDifference stockValue violations { rule } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	_ = json.Unmarshal(r.Data["booksCheck"], &check.BooksCheck)
	if !check.BooksCheck.Ok || check.BooksCheck.InventoryDifference != "0" || check.BooksCheck.StockValue != "3001" {
		t.Errorf("books check: %+v", check)
	}
}

func TestRolesAndPagesThroughGraphQL(t *testing.T) {
	e := newEnv(t)
	wh, fin, sales, analyst := e.callers[jxc.RoleWarehouse], e.callers[jxc.RoleFinance], e.callers[jxc.RoleSales], e.callers[jxc.RoleAnalyst]
	for i, sku := range []string{"A-1", "A-2", "A-3"} {
		if ues := wh.userErrors(createProduct, map[string]any{"in": map[string]any{"sku": sku, "name": "产品", "unit": "个",
			"barcodes": []string{"690000000000" + string(rune('0'+i))}}}, "createProduct"); len(ues) > 0 {
			t.Fatal(ues)
		}
	}
	// Any signed-in user reads master data, a page at a time.
	var page struct {
		Products struct {
			TotalCount int
			Nodes      []struct{ Sku string }
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
		}
	}
	r := sales.do(`{ products(first: 2, orderBy: {field: SKU, direction: DESC}) { totalCount nodes { sku } pageInfo { hasNextPage endCursor } } }`, nil)
	_ = json.Unmarshal(r.Data["products"], &page.Products)
	if page.Products.TotalCount != 3 || len(page.Products.Nodes) != 2 || page.Products.Nodes[0].Sku != "A-3" || !page.Products.PageInfo.HasNextPage {
		t.Fatalf("first page: %+v %+v", page, r.Errors)
	}
	r = sales.do(`query($after: String) { products(first: 2, after: $after, orderBy: {field: SKU, direction: DESC}) { totalCount nodes { sku } pageInfo { hasNextPage endCursor } } }`,
		map[string]any{"after": page.Products.PageInfo.EndCursor})
	_ = json.Unmarshal(r.Data["products"], &page.Products)
	if len(page.Products.Nodes) != 1 || page.Products.Nodes[0].Sku != "A-1" || page.Products.PageInfo.HasNextPage {
		t.Fatalf("second page: %+v", page)
	}
	// Sales may not change products nor read the ledger; warehouse may not post journal entries.
	if r := sales.do(`mutation { createProduct(input: {sku: "X", name: "x", unit: "个"}) { product { id } } }`, nil); sales.code(r) != jxc.EFORBIDDEN {
		t.Errorf("sales createProduct: %+v", r.Errors)
	}
	if r := sales.do(`{ trialBalance(asOf: "2026-01-31") { totalDebit } }`, nil); sales.code(r) != jxc.EFORBIDDEN {
		t.Errorf("sales trialBalance: %+v", r.Errors)
	}
	if r := wh.do(`mutation { postJournalEntry(input: {description: "x", lines: []}) { entry { id } } }`, nil); wh.code(r) != jxc.EFORBIDDEN {
		t.Errorf("warehouse postJournalEntry: %+v", r.Errors)
	}
	if r := analyst.do(`{ booksCheck { ok } }`, nil); analyst.code(r) != jxc.EFORBIDDEN {
		t.Errorf("analyst booksCheck: %+v", r.Errors)
	}
	if r := analyst.do(`{ trialBalance(asOf: "2026-01-31") { totalDebit totalCredit rows { account { code } } } accounts { code balance } }`, nil); len(r.Errors) > 0 {
		t.Errorf("analyst ledger reads: %+v", r.Errors)
	}
	if r := fin.do(`{ balanceSheet(asOf: "2026-12-31") { balanced } profitAndLoss(from: "2026-01-01", to: "2026-12-31") { netIncome } fiscalPeriods(year: 2026) { month status }
		journalEntries(filter: {accountCode: "1405"}) { totalCount } stockLevels { totalCount } stockMoves { totalCount } }`, nil); len(r.Errors) > 0 {
		t.Errorf("finance reads: %+v", r.Errors)
	}
}
