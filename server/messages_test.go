package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The same business errors come back in the reader's language: Chinese
// with Accept-Language zh-CN or none (the company's default), English with
// en, and the user's saved language wins over the header. Reason and
// params are the same whatever the language, and no message names a
// record by its database id.
func TestErrorsInTheReadersLanguage(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")

	var data struct {
		Customers struct {
			Nodes []struct{ ID, Code string }
		}
		StockLevels struct {
			Nodes []struct {
				Available decimal.Decimal
				Product   struct{ ID, SKU string }
				Warehouse struct{ ID, Code, Name string }
			}
		}
	}
	sales.gql(`{ customers(first: 1) { nodes { id code } }
		stockLevels(first: 1, filter: {inStock: true}) { nodes { available product { id sku } warehouse { id code name } } } }`, nil, &data)
	if len(data.Customers.Nodes) == 0 || len(data.StockLevels.Nodes) == 0 {
		t.Fatal("the demo has no customer or no stock")
	}
	existing, level := data.Customers.Nodes[0], data.StockLevels.Nodes[0]
	var hold struct {
		CreateCustomer struct {
			Customer   struct{ ID, Code string }
			UserErrors []userErr
		}
	}
	sales.gql(`mutation { createCustomer(input: {code: "MSG-HOLD", name: "冻结客户", region: "华东", creditLimit: "0"}) { customer { id code } userErrors { code field message } } }`, nil, &hold)
	noUserErrors(t, "createCustomer", hold.CreateCustomer.UserErrors)

	type userError struct {
		Code, Reason, Message string
		Field                 *string
		Params                []struct{ Name, Value string }
	}
	param := func(ue userError, name string) string {
		for _, p := range ue.Params {
			if p.Name == name {
				return p.Value
			}
		}
		return ""
	}
	byReason := func(ues []userError, reason string) *userError {
		for i := range ues {
			if ues[i].Reason == reason {
				return &ues[i]
			}
		}
		return nil
	}
	const ueFields = `userErrors { code field message reason params { name value } }`
	dbID := regexp.MustCompile(`#\d`)
	// errorsOf runs the three mistakes and returns their errors.
	type mistakes struct{ dup, short, held *userError }
	errorsOf := func(t *testing.T, c *client) mistakes {
		t.Helper()
		var r struct {
			CreateCustomer struct{ UserErrors []userError }
			Short, Held    struct{ Violations []userError }
		}
		resp := c.do(`mutation($code: String!) { createCustomer(input: {code: $code, name: "重复"}) { `+ueFields+` } }`,
			map[string]any{"code": existing.Code})
		if len(resp.Errors) > 0 {
			t.Fatal(resp.Errors)
		}
		mustJSON(t, resp.Data, &r)
		order := `query($short: SalesOrderInput!, $held: SalesOrderInput!) {
			short: validateSalesOrder(input: $short) { violations { code field message reason params { name value } } }
			held: validateSalesOrder(input: $held) { violations { code field message reason params { name value } } } }`
		line := func(q decimal.Decimal) []any {
			return []any{map[string]any{"productId": level.Product.ID, "quantity": q.String(), "unitPrice": "100000"}}
		}
		resp = c.do(order, map[string]any{
			"short": map[string]any{"customerId": existing.ID, "warehouseId": level.Warehouse.ID, "lines": line(level.Available.Add(decimal.NewFromInt(1000)))},
			"held":  map[string]any{"customerId": hold.CreateCustomer.Customer.ID, "warehouseId": level.Warehouse.ID, "lines": line(decimal.NewFromInt(1))},
		})
		if len(resp.Errors) > 0 {
			t.Fatal(resp.Errors)
		}
		mustJSON(t, resp.Data, &r)
		for _, ues := range [][]userError{r.CreateCustomer.UserErrors, r.Short.Violations, r.Held.Violations} {
			for _, ue := range ues {
				if dbID.MatchString(ue.Message) {
					t.Errorf("a message names a database id: %q", ue.Message)
				}
			}
		}
		dup, short, held := byReason(r.CreateCustomer.UserErrors, "DUPLICATE_CODE"), byReason(r.Short.Violations, "INSUFFICIENT_STOCK"), byReason(r.Held.Violations, "CREDIT_HOLD")
		if dup == nil || short == nil || held == nil {
			t.Fatalf("reasons missing: duplicate %+v, shortage %+v, hold %+v", r.CreateCustomer.UserErrors, r.Short.Violations, r.Held.Violations)
		}
		if dup.Code != "CONFLICT" || dup.Field == nil || *dup.Field != "input.code" || param(*dup, "code") != existing.Code {
			t.Errorf("duplicate code: %+v", dup)
		}
		if short.Code != "CONFLICT" || param(*short, "product") != level.Product.SKU || param(*short, "available") != level.Available.String() ||
			param(*short, "warehouse") != level.Warehouse.Code+" "+level.Warehouse.Name {
			t.Errorf("shortage: %+v (product %s, available %s)", short, level.Product.SKU, level.Available)
		}
		if held.Code != "CONFLICT" || param(*held, "customer") != "MSG-HOLD" {
			t.Errorf("credit hold: %+v", held)
		}
		return mistakes{dup, short, held}
	}
	wantChinese := func(t *testing.T, m mistakes) {
		t.Helper()
		dup, short, held := m.dup, m.short, m.held
		if want := "客户编码 " + existing.Code + " 已被使用"; dup.Message != want {
			t.Errorf("duplicate code in Chinese: %q, want %q", dup.Message, want)
		}
		if !strings.Contains(short.Message, "仅有") || !strings.Contains(short.Message, level.Product.SKU) || !strings.Contains(short.Message, "仓库 "+level.Warehouse.Code) {
			t.Errorf("shortage in Chinese: %q", short.Message)
		}
		if !strings.Contains(held.Message, "信用冻结") || !strings.Contains(held.Message, "MSG-HOLD") {
			t.Errorf("credit hold in Chinese: %q", held.Message)
		}
	}
	wantEnglish := func(t *testing.T, m mistakes) {
		t.Helper()
		dup, short, held := m.dup, m.short, m.held
		if want := "customer code " + existing.Code + " is already used"; dup.Message != want {
			t.Errorf("duplicate code in English: %q, want %q", dup.Message, want)
		}
		if !strings.HasPrefix(short.Message, "only ") || !strings.Contains(short.Message, level.Product.SKU) || !strings.Contains(short.Message, "warehouse "+level.Warehouse.Code) {
			t.Errorf("shortage in English: %q", short.Message)
		}
		if !strings.Contains(held.Message, "credit hold") || !strings.Contains(held.Message, "MSG-HOLD") {
			t.Errorf("credit hold in English: %q", held.Message)
		}
	}

	t.Run("no Accept-Language: the company's Chinese", func(t *testing.T) {
		wantChinese(t, errorsOf(t, sales))
	})
	t.Run("Accept-Language zh-CN", func(t *testing.T) {
		sales.lang = "zh-CN,zh;q=0.9"
		wantChinese(t, errorsOf(t, sales))
	})
	t.Run("Accept-Language en", func(t *testing.T) {
		sales.lang = "en-US,en;q=0.9"
		wantEnglish(t, errorsOf(t, sales))
	})
	setLanguage := func(t *testing.T, lang any) {
		t.Helper()
		var r struct {
			UpdateMyLanguage struct {
				User       struct{ Language *string }
				UserErrors []userErr
			}
		}
		sales.gql(`mutation($l: Language) { updateMyLanguage(language: $l) { user { language } userErrors { code field message } } }`, map[string]any{"l": lang}, &r)
		noUserErrors(t, "updateMyLanguage", r.UpdateMyLanguage.UserErrors)
		if got := r.UpdateMyLanguage.User.Language; (got == nil) != (lang == nil) || got != nil && *got != lang {
			t.Fatalf("saved language %v, want %v", got, lang)
		}
	}
	t.Run("the saved preference wins over the header", func(t *testing.T) {
		setLanguage(t, "EN")
		sales.lang = "zh-CN"
		wantEnglish(t, errorsOf(t, sales))
		setLanguage(t, "ZH_CN")
		sales.lang = "en"
		wantChinese(t, errorsOf(t, sales))
		var me struct{ Me struct{ Language *string } }
		sales.gql(`{ me { language } }`, nil, &me)
		if me.Me.Language == nil || *me.Me.Language != "ZH_CN" {
			t.Errorf("me.language %v", me.Me.Language)
		}
		setLanguage(t, nil)
		wantEnglish(t, errorsOf(t, sales))
	})
	t.Run("analysts save their language too", func(t *testing.T) {
		analyst := app.client(t).mustLogin("analyst")
		r := analyst.do(`mutation { updateMyLanguage(language: EN) { user { username language } userErrors { code } } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data["updateMyLanguage"]), `"language":"EN"`) {
			t.Errorf("analyst: %s %+v", r.Data["updateMyLanguage"], r.Errors)
		}
	})
	t.Run("top-level errors in the reader's language", func(t *testing.T) {
		anon := app.client(t)
		anon.lang = "en"
		if r := anon.do(`{ me { id } }`, nil); len(r.Errors) == 0 || r.Errors[0].Message != "sign in first, or send `Authorization: Bearer <token>`" {
			t.Errorf("English: %+v", r.Errors)
		}
		anon.lang = "zh-CN"
		if r := anon.do(`{ me { id } }`, nil); len(r.Errors) == 0 || !strings.HasPrefix(r.Errors[0].Message, "请先登录") || r.Errors[0].Extensions["reason"] != "UNAUTHENTICATED" {
			t.Errorf("Chinese: %+v", r.Errors)
		}
	})
}
