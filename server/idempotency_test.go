package main

import (
	"testing"
)

// Idempotency keys through GraphQL: a replay returns the first document, the
// same key with another input is a userError IDEMPOTENCY_KEY_REUSED that
// writes nothing, and another user's same key is another request.
func TestIdempotencyKeysOverGraphQL(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	manager := app.client(t).mustLogin("manager")
	const doc = `mutation($code: String!, $name: String!, $key: String) {
		createCustomer(input: {code: $code, name: $name, idempotencyKey: $key}) { customer { id code } userErrors { code field message } } }`
	type result struct {
		CreateCustomer struct {
			Customer   *struct{ ID, Code string }
			UserErrors []struct {
				Code, Message string
				Field         *string
			}
		}
	}
	call := func(c *client, code, name string) result {
		t.Helper()
		r := c.do(doc, map[string]any{"code": code, "name": name, "key": "IDEM-KEY-1"})
		if len(r.Errors) > 0 {
			t.Fatalf("%s: top-level errors %+v", code, r.Errors)
		}
		var out result
		mustJSON(t, r.Data, &out)
		return out
	}
	count := func() int {
		var n int
		if err := app.store.Get(&n, `SELECT count(*) FROM customers WHERE code LIKE 'IDEM-%'`); err != nil {
			t.Fatal(err)
		}
		return n
	}

	first := call(sales, "IDEM-A", "幂等客户")
	if first.CreateCustomer.Customer == nil {
		t.Fatalf("first call: %+v", first.CreateCustomer.UserErrors)
	}
	again := call(sales, "IDEM-A", "幂等客户")
	if again.CreateCustomer.Customer == nil || again.CreateCustomer.Customer.ID != first.CreateCustomer.Customer.ID {
		t.Fatalf("replay returned %+v, want customer %s", again.CreateCustomer, first.CreateCustomer.Customer.ID)
	}
	other := call(sales, "IDEM-B", "另一个客户")
	ues := other.CreateCustomer.UserErrors
	if other.CreateCustomer.Customer != nil || len(ues) != 1 || ues[0].Code != "IDEMPOTENCY_KEY_REUSED" ||
		ues[0].Field == nil || *ues[0].Field != "input.idempotencyKey" || ues[0].Message == "" {
		t.Fatalf("same key, other input: %+v, want one IDEMPOTENCY_KEY_REUSED on input.idempotencyKey", other.CreateCustomer)
	}
	if n := count(); n != 1 {
		t.Fatalf("%d customers after a replay and a refused reuse, want 1", n)
	}
	// The key is the manager's own: a new request, a new customer.
	mine := call(manager, "IDEM-C", "经理的客户")
	if mine.CreateCustomer.Customer == nil || mine.CreateCustomer.Customer.ID == first.CreateCustomer.Customer.ID {
		t.Fatalf("another user's same key: %+v", mine.CreateCustomer)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d customers, want 2", n)
	}
}
