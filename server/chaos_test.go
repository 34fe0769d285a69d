package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jxcgraph/jxc/graph/graphqltest"
)

// TestConcurrentBusinessKeepsTheBooks: 32 clients at once run random
// business through GraphQL on a few contended products — sales orders
// confirmed, shipped, invoiced and paid; purchase orders approved and
// received; stock scrapped — then the books must reconcile, no stock is
// oversold, and no deadlock or serialization failure reached a client
// (those would surface as INTERNAL). Refusals with userErrors are fine.
func TestConcurrentBusinessKeepsTheBooks(t *testing.T) {
	app := newTestApp(t)
	ops := envInt("JXC_CHAOS_OPS", 6) // per client; make soak raises it
	var ids struct {
		Products   struct{ Nodes []struct{ ID string } }
		Customers  struct{ Nodes []struct{ ID string } }
		Suppliers  struct{ Nodes []struct{ ID string } }
		Warehouses struct{ Nodes []struct{ ID string } }
	}
	admin := app.client(t).mustLogin("admin")
	mustJSON(t, admin.do(`{ products(first: 8) { nodes { id } } customers(first: 10) { nodes { id } }
		suppliers(first: 3) { nodes { id } } warehouses(first: 3) { nodes { id } } }`, nil).Data, &ids)
	pick := func(r *rand.Rand, xs []struct{ ID string }) string { return xs[r.IntN(len(xs))].ID }

	var internal, refused, done atomic.Int64
	var firstInternal atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < 32; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			cl := app.client(t)
			cl.mustLogin("admin")
			r := rand.New(rand.NewPCG(uint64(c), 7))
			call := func(q string, vars map[string]any) map[string]any {
				resp := cl.do(q, vars)
				for _, e := range resp.Errors {
					if e.Extensions["code"] == "INTERNAL" {
						internal.Add(1)
						firstInternal.CompareAndSwap(nil, fmt.Sprintf("%s: %v", strings.Fields(q)[1], e))
					}
				}
				out := map[string]any{}
				for k, v := range resp.Data {
					var m map[string]any
					_ = jsonUnmarshal(v, &m)
					out[k] = m
					if ue, ok := m["userErrors"].([]any); ok && len(ue) > 0 {
						refused.Add(1)
					}
				}
				done.Add(1)
				return out
			}
			for i := 0; i < ops; i++ {
				switch r.IntN(4) {
				case 0, 1: // order to cash
					var lines []map[string]any
					for k := 0; k < 1+r.IntN(3); k++ {
						lines = append(lines, map[string]any{"productId": pick(r, ids.Products.Nodes), "quantity": fmt.Sprint(1 + r.IntN(8))})
					}
					d := call(`mutation($in: SalesOrderInput!) { createSalesOrder(input: $in) { order { id } userErrors { message } } }`,
						map[string]any{"in": map[string]any{"customerId": pick(r, ids.Customers.Nodes), "lines": lines}})
					id := graphqltest.Dig(d, "createSalesOrder", "order", "id")
					if id == "" {
						continue
					}
					d = call(`mutation($id: ID!) { confirmSalesOrder(id: $id) { order { shipments { id status } } userErrors { message } } }`, map[string]any{"id": id})
					ship := graphqltest.PendingShipment(d, "confirmSalesOrder", "order", "shipments")
					if ship == "" {
						continue
					}
					call(`mutation($id: ID!) { shipShipment(input: {shipmentId: $id}) { shipment { id } userErrors { message } } }`, map[string]any{"id": ship})
					d = call(`mutation($id: ID!) { createSalesInvoice(input: {shipmentIds: [$id]}) { invoice { id customer { id } totalAmount } userErrors { message } } }`, map[string]any{"id": ship})
					if inv, ok := graphqltest.DigAny(d, "createSalesInvoice", "invoice").(map[string]any); ok && r.IntN(2) == 0 {
						call(`mutation($c: ID!, $a: Decimal!) { recordCustomerPayment(input: {customerId: $c, amount: $a}) { payment { id } userErrors { message } } }`,
							map[string]any{"c": inv["customer"].(map[string]any)["id"], "a": inv["totalAmount"]})
					}
				case 2: // procure: approve and receive
					var lines []map[string]any
					seen := map[string]bool{}
					for k := 0; k < 2; k++ {
						p := pick(r, ids.Products.Nodes)
						if !seen[p] {
							seen[p] = true
							lines = append(lines, map[string]any{"productId": p, "quantity": "5", "unitPrice": fmt.Sprint(20 + r.IntN(20))})
						}
					}
					d := call(`mutation($in: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $in) { purchaseOrder { id lines { id quantity } } userErrors { message } } }`,
						map[string]any{"in": map[string]any{"supplierId": pick(r, ids.Suppliers.Nodes), "warehouseId": pick(r, ids.Warehouses.Nodes), "lines": lines}})
					po, ok := graphqltest.DigAny(d, "createPurchaseOrder", "purchaseOrder").(map[string]any)
					if !ok {
						continue
					}
					call(`mutation($id: ID!) { submitPurchaseOrder(id: $id) { userErrors { message } } }`, map[string]any{"id": po["id"]})
					call(`mutation($id: ID!) { approvePurchaseOrder(id: $id) { userErrors { message } } }`, map[string]any{"id": po["id"]})
					var rl []map[string]any
					for _, l := range po["lines"].([]any) {
						m := l.(map[string]any)
						rl = append(rl, map[string]any{"purchaseOrderLineId": m["id"], "acceptedQuantity": m["quantity"]})
					}
					call(`mutation($in: GoodsReceiptInput!) { postGoodsReceipt(input: $in) { goodsReceipt { id } userErrors { message } } }`,
						map[string]any{"in": map[string]any{"purchaseOrderId": po["id"], "lines": rl}})
				case 3: // scrap, sometimes more than is there
					call(`mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { document { id } userErrors { message } } }`,
						map[string]any{"in": map[string]any{"reason": "SCRAP", "lines": []any{map[string]any{"productId": pick(r, ids.Products.Nodes),
							"warehouseId": pick(r, ids.Warehouses.Nodes), "direction": "DECREASE", "quantity": fmt.Sprint(1 + r.IntN(40))}}}})
				}
			}
		}(c)
	}
	wg.Wait()
	t.Logf("%d mutations from 32 clients in %v: %d refused with userErrors, %d internal errors",
		done.Load(), time.Since(start).Round(time.Millisecond), refused.Load(), internal.Load())
	if internal.Load() > 0 {
		t.Errorf("%d internal errors reached clients; first: %v", internal.Load(), firstInternal.Load())
	}
	var bc struct {
		BooksCheck struct {
			Ok         bool
			Violations []struct{ Rule, Message string }
		}
	}
	mustJSON(t, app.client(t).mustLogin("finance").do(`{ booksCheck { ok violations { rule message } } }`, nil).Data, &bc)
	if !bc.BooksCheck.Ok {
		t.Errorf("books do not reconcile: %+v", bc.BooksCheck.Violations)
	}
	var oversold int
	if err := app.store.GetContext(context.Background(), &oversold, `SELECT count(*) FROM stock_balances WHERE on_hand < 0 OR reserved > on_hand`); err != nil || oversold > 0 {
		t.Errorf("oversold balances: %d (%v)", oversold, err)
	}
	var shippedMore int
	if err := app.store.GetContext(context.Background(), &shippedMore, `SELECT count(*) FROM sales_order_lines WHERE shipped + reserved > quantity`); err != nil || shippedMore > 0 {
		t.Errorf("order lines shipped or reserved past their quantity: %d (%v)", shippedMore, err)
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
