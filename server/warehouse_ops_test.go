package main

import (
	"testing"

	"github.com/shopspring/decimal"
)

type opLevel struct {
	OnHand, Available decimal.Decimal
	Product           struct{ ID, Sku string }
	Warehouse         struct{ ID, Code string }
}

func firstLevelWith(t *testing.T, c *client, atLeast string) opLevel {
	t.Helper()
	var all struct{ StockLevels struct{ Nodes []opLevel } }
	c.gql(`{ stockLevels(first: 200, filter: {inStock: true}) { nodes { onHand available product { id sku } warehouse { id code } } } }`, nil, &all)
	for _, l := range all.StockLevels.Nodes {
		if l.Available.GreaterThanOrEqual(decimal.RequireFromString(atLeast)) {
			return l
		}
	}
	t.Fatalf("no demo stock of %s available", atLeast)
	return opLevel{}
}

// Scrap through the API: within the threshold it posts at once with its
// voucher and takes the stock; above it, it waits for a manager (a clerk
// may not approve); more than the stock is a userError naming the line.
func TestScrapThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	clerk := app.client(t).mustLogin("warehouse")
	manager := app.client(t).mustLogin("manager")
	lv := firstLevelWith(t, clerk, "2")
	type scrapPayload struct {
		Scrap *struct {
			Number, Status string
			VoucherNo      *string
		}
		UserErrors []userErr
	}
	create := func(c *client, qty string) scrapPayload {
		var out struct{ CreateScrap scrapPayload }
		c.gql(`mutation($p: ID!, $w: ID!, $q: Decimal!) { createScrap(input: {submit: true, lines: [{productId: $p, warehouseId: $w, quantity: $q, reason: DAMAGED}]}) {
			scrap { number status voucherNo } userErrors { code field message } } }`,
			map[string]any{"p": lv.Product.ID, "w": lv.Warehouse.ID, "q": qty}, &out)
		return out.CreateScrap
	}
	var set struct {
		UpdateScrapSettings struct{ UserErrors []userErr }
	}
	manager.gql(`mutation { updateScrapSettings(input: {approvalThreshold: "1000000"}) { userErrors { code field message } } }`, nil, &set)
	noUserErrors(t, "threshold", set.UpdateScrapSettings.UserErrors)
	p := create(clerk, "1")
	noUserErrors(t, "scrap", p.UserErrors)
	if p.Scrap == nil || p.Scrap.Status != "POSTED" || p.Scrap.VoucherNo == nil {
		t.Fatalf("within the threshold: %+v", p.Scrap)
	}
	after := firstLevelOf(t, clerk, lv)
	if !after.OnHand.Equal(lv.OnHand.Sub(decimal.NewFromInt(1))) {
		t.Fatalf("on hand %s after scrapping 1 of %s", after.OnHand, lv.OnHand)
	}
	over := create(clerk, lv.OnHand.Add(decimal.NewFromInt(1)).String())
	if over.Scrap != nil || len(over.UserErrors) != 1 || over.UserErrors[0].Field != "input.lines.0.quantity" {
		t.Fatalf("more than the stock: %+v", over)
	}
	manager.gql(`mutation { updateScrapSettings(input: {approvalThreshold: "0"}) { userErrors { code field message } } }`, nil, &set)
	noUserErrors(t, "threshold 0", set.UpdateScrapSettings.UserErrors)
	w := create(clerk, "1")
	noUserErrors(t, "scrap over the threshold", w.UserErrors)
	if w.Scrap == nil || w.Scrap.Status != "PENDING_APPROVAL" || w.Scrap.VoucherNo != nil {
		t.Fatalf("above the threshold: %+v", w.Scrap)
	}
	approve := `mutation($n: String!) { approveScrap(number: $n) { scrap { number status voucherNo } userErrors { code field message } } }`
	if r := clerk.do(approve, map[string]any{"n": w.Scrap.Number}); len(r.Errors) == 0 {
		t.Fatal("a warehouse clerk approved a scrap")
	}
	var ap struct{ ApproveScrap scrapPayload }
	manager.gql(approve, map[string]any{"n": w.Scrap.Number}, &ap)
	noUserErrors(t, "approve", ap.ApproveScrap.UserErrors)
	if ap.ApproveScrap.Scrap == nil || ap.ApproveScrap.Scrap.Status != "POSTED" || ap.ApproveScrap.Scrap.VoucherNo == nil {
		t.Fatalf("approved: %+v", ap.ApproveScrap.Scrap)
	}
	if l := firstLevelOf(t, clerk, lv); !l.OnHand.Equal(lv.OnHand.Sub(decimal.NewFromInt(2))) {
		t.Fatalf("on hand %s after two scraps of 1 from %s", l.OnHand, lv.OnHand)
	}
}

func firstLevelOf(t *testing.T, c *client, lv opLevel) opLevel {
	t.Helper()
	var one struct{ StockLevels struct{ Nodes []opLevel } }
	c.gql(`query($p: ID, $w: ID) { stockLevels(first: 1, filter: {productId: $p, warehouseId: $w}) { nodes { onHand available product { id sku } warehouse { id code } } } }`,
		map[string]any{"p": lv.Product.ID, "w": lv.Warehouse.ID}, &one)
	if len(one.StockLevels.Nodes) != 1 {
		t.Fatalf("no level of %s in %s", lv.Product.Sku, lv.Warehouse.Code)
	}
	return one.StockLevels.Nodes[0]
}

// Transfers through the API: one warehouse to itself is refused on the
// field; a shipment of more than the stock is refused and moves nothing;
// finance may not create one.
func TestStockTransfersThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	clerk := app.client(t).mustLogin("warehouse")
	lv := firstLevelWith(t, clerk, "1")
	var whs struct {
		Warehouses struct{ Nodes []struct{ ID, Code string } }
	}
	clerk.gql(`{ warehouses(first: 50) { nodes { id code } } }`, nil, &whs)
	var other string
	for _, w := range whs.Warehouses.Nodes {
		if w.ID != lv.Warehouse.ID {
			other = w.ID
		}
	}
	create := `mutation($f: ID!, $to: ID!, $p: ID!, $q: Decimal!) { createStockTransfer(input: {fromWarehouseId: $f, toWarehouseId: $to, lines: [{productId: $p, quantity: $q}]}) {
		stockTransfer { number status } userErrors { code field message } } }`
	type payload struct {
		StockTransfer *struct{ Number, Status string }
		UserErrors    []userErr
	}
	var same struct{ CreateStockTransfer payload }
	clerk.gql(create, map[string]any{"f": lv.Warehouse.ID, "to": lv.Warehouse.ID, "p": lv.Product.ID, "q": "1"}, &same)
	if same.CreateStockTransfer.StockTransfer != nil || len(same.CreateStockTransfer.UserErrors) == 0 || same.CreateStockTransfer.UserErrors[0].Field != "input.toWarehouseId" {
		t.Fatalf("to itself: %+v", same.CreateStockTransfer)
	}
	var big struct{ CreateStockTransfer payload }
	clerk.gql(create, map[string]any{"f": lv.Warehouse.ID, "to": other, "p": lv.Product.ID, "q": lv.OnHand.Add(decimal.NewFromInt(5)).String()}, &big)
	if big.CreateStockTransfer.StockTransfer == nil {
		// Refused when it is written: fine, as long as it names the line.
		if len(big.CreateStockTransfer.UserErrors) == 0 || big.CreateStockTransfer.UserErrors[0].Field != "input.lines.0.quantity" {
			t.Fatalf("more than the stock: %+v", big.CreateStockTransfer)
		}
	} else {
		var ship struct{ ShipStockTransfer payload }
		clerk.gql(`mutation($n: String!) { shipStockTransfer(input: {number: $n}) { stockTransfer { number status } userErrors { code field message } } }`,
			map[string]any{"n": big.CreateStockTransfer.StockTransfer.Number}, &ship)
		if len(ship.ShipStockTransfer.UserErrors) == 0 {
			t.Fatalf("shipped more than the stock: %+v", ship.ShipStockTransfer)
		}
	}
	if l := firstLevelOf(t, clerk, lv); !l.OnHand.Equal(lv.OnHand) {
		t.Fatalf("a refused transfer moved stock: %s -> %s", lv.OnHand, l.OnHand)
	}
	finance := app.client(t).mustLogin("finance")
	if r := finance.do(create, map[string]any{"f": lv.Warehouse.ID, "to": other, "p": lv.Product.ID, "q": "1"}); len(r.Errors) == 0 {
		t.Fatal("finance created a transfer")
	}
}

// A count through the API: a blind sheet hides the book from the counter
// (the manager sees it), a bad entry is a userError on its field, a counter
// may not post, and the manager's posting adjusts the stock by the variance.
func TestStockCountThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	clerk := app.client(t).mustLogin("warehouse")
	manager := app.client(t).mustLogin("manager")
	lv := firstLevelWith(t, clerk, "2")
	var prod struct {
		Product struct{ Category *struct{ ID string } }
	}
	clerk.gql(`query($id: ID!) { product(id: $id) { category { id } } }`, map[string]any{"id": lv.Product.ID}, &prod)
	if prod.Product.Category == nil {
		t.Fatalf("%s has no category", lv.Product.Sku)
	}
	type line struct {
		LineNo   int
		Product  struct{ ID, Sku string }
		Book     *decimal.Decimal
		Expected *decimal.Decimal
		Variance *decimal.Decimal
	}
	type sheet struct {
		Number, Status string
		BookHidden     bool
		VoucherNo      *string
		Lines          []line
	}
	const fields = `number status bookHidden voucherNo lines { lineNo product { id sku } book expected variance }`
	var created struct {
		CreateStockCount struct {
			StockCount *sheet
			UserErrors []userErr
		}
	}
	clerk.gql(`mutation($w: ID!, $c: ID) { createStockCount(input: {warehouseId: $w, categoryId: $c, blind: true}) { stockCount { `+fields+` } userErrors { code field message } } }`,
		map[string]any{"w": lv.Warehouse.ID, "c": prod.Product.Category.ID}, &created)
	noUserErrors(t, "create", created.CreateStockCount.UserErrors)
	number := created.CreateStockCount.StockCount.Number
	var started struct {
		StartStockCount struct {
			StockCount *sheet
			UserErrors []userErr
		}
	}
	clerk.gql(`mutation($n: String!) { startStockCount(number: $n) { stockCount { `+fields+` } userErrors { code field message } } }`, map[string]any{"n": number}, &started)
	noUserErrors(t, "start", started.StartStockCount.UserErrors)
	s := started.StartStockCount.StockCount
	if !s.BookHidden || len(s.Lines) == 0 {
		t.Fatalf("a counter's view of a blind sheet: %+v", s)
	}
	for _, l := range s.Lines {
		if l.Book != nil || l.Expected != nil {
			t.Fatalf("a counter sees the book of line %d: %+v", l.LineNo, l)
		}
	}
	read := `query($n: String!) { stockCount(number: $n) { ` + fields + ` } }`
	var full struct{ StockCount sheet }
	manager.gql(read, map[string]any{"n": number}, &full)
	if full.StockCount.BookHidden {
		t.Fatal("the manager does not see the book")
	}
	entry := `mutation($in: CountEntryInput!) { addCountEntry(input: $in) { line { lineNo counted } userErrors { code field message } } }`
	var bad struct {
		AddCountEntry struct {
			Line       *struct{ LineNo int }
			UserErrors []userErr
		}
	}
	clerk.gql(entry, map[string]any{"in": map[string]any{"number": number, "productId": lv.Product.ID, "quantity": "-1"}}, &bad)
	if bad.AddCountEntry.Line != nil || len(bad.AddCountEntry.UserErrors) != 1 || bad.AddCountEntry.UserErrors[0].Field != "input.quantity" {
		t.Fatalf("a negative count: %+v", bad.AddCountEntry)
	}
	clerk.gql(entry, map[string]any{"in": map[string]any{"number": number, "barcode": "no-such-code-000"}}, &bad)
	if bad.AddCountEntry.Line != nil || len(bad.AddCountEntry.UserErrors) != 1 || bad.AddCountEntry.UserErrors[0].Field != "input.barcode" {
		t.Fatalf("an unknown barcode: %+v", bad.AddCountEntry)
	}
	// The shelf holds one fewer of lv's product than the book; the rest as booked.
	for _, l := range full.StockCount.Lines {
		q := *l.Expected
		if l.Product.ID == lv.Product.ID {
			q = q.Sub(decimal.NewFromInt(1))
		}
		var ok struct {
			AddCountEntry struct{ UserErrors []userErr }
		}
		clerk.gql(entry, map[string]any{"in": map[string]any{"number": number, "productId": l.Product.ID, "quantity": q.String()}}, &ok)
		noUserErrors(t, "entry "+l.Product.Sku, ok.AddCountEntry.UserErrors)
	}
	var sub struct {
		SubmitStockCount struct{ UserErrors []userErr }
	}
	clerk.gql(`mutation($n: String!) { submitStockCount(number: $n) { userErrors { code field message } } }`, map[string]any{"n": number}, &sub)
	noUserErrors(t, "submit", sub.SubmitStockCount.UserErrors)
	post := `mutation($n: String!) { postStockCount(number: $n) { stockCount { ` + fields + ` } userErrors { code field message } } }`
	if r := clerk.do(post, map[string]any{"n": number}); len(r.Errors) == 0 {
		t.Fatal("a counter posted the count")
	}
	var posted struct {
		PostStockCount struct {
			StockCount *sheet
			UserErrors []userErr
		}
	}
	manager.gql(post, map[string]any{"n": number}, &posted)
	noUserErrors(t, "post", posted.PostStockCount.UserErrors)
	if p := posted.PostStockCount.StockCount; p == nil || p.Status != "POSTED" || p.VoucherNo == nil {
		t.Fatalf("posted: %+v", p)
	}
	if l := firstLevelOf(t, clerk, lv); !l.OnHand.Equal(lv.OnHand.Sub(decimal.NewFromInt(1))) {
		t.Fatalf("on hand %s after a count one short of %s", l.OnHand, lv.OnHand)
	}
}

// Bins through the API: a move between two bins of a warehouse changes
// both bins' stock and not the warehouse's; more than the bin holds is a
// userError on the line and moves nothing; putaway suggests the bin that
// already holds the product.
func TestBinMovesThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	clerk := app.client(t).mustLogin("warehouse")
	type binStock struct {
		Quantity  decimal.Decimal
		Product   struct{ ID, Sku string }
		Warehouse struct {
			ID, Code  string
			Locations []struct{ ID, Code string }
		}
		Location *struct{ ID, Code string }
	}
	var bs struct{ BinStock []binStock }
	const q = `query($w: ID, $l: ID, $p: ID) { binStock(warehouseId: $w, locationId: $l, productId: $p) { quantity product { id sku } warehouse { id code locations { id code } } location { id code } } }`
	clerk.gql(q, map[string]any{}, &bs)
	var from *binStock
	for i := range bs.BinStock {
		b := &bs.BinStock[i]
		if from == nil && b.Location != nil && b.Quantity.GreaterThanOrEqual(decimal.NewFromInt(2)) && len(b.Warehouse.Locations) > 1 {
			from = b
		}
	}
	if from == nil {
		t.Fatal("the demo has no bin with stock in a warehouse of several bins")
	}
	var to string
	for _, l := range from.Warehouse.Locations {
		if l.ID != from.Location.ID {
			to = l.ID
		}
	}
	inBin := func(loc string) decimal.Decimal {
		var r struct{ BinStock []binStock }
		clerk.gql(q, map[string]any{"w": from.Warehouse.ID, "l": loc, "p": from.Product.ID}, &r)
		sum := decimal.Zero
		for _, b := range r.BinStock {
			sum = sum.Add(b.Quantity)
		}
		return sum
	}
	toBefore := inBin(to)
	whBefore := firstLevelOf(t, clerk, opLevel{Product: struct{ ID, Sku string }{from.Product.ID, from.Product.Sku}, Warehouse: struct{ ID, Code string }{from.Warehouse.ID, from.Warehouse.Code}})
	move := `mutation($in: BinMoveInput!) { postBinMove(input: $in) { binMove { number lines { quantity } } userErrors { code field message } } }`
	line := func(qty string) map[string]any {
		return map[string]any{"in": map[string]any{"warehouseId": from.Warehouse.ID, "lines": []any{map[string]any{
			"productId": from.Product.ID, "fromLocationId": from.Location.ID, "toLocationId": to, "quantity": qty}}}}
	}
	var over struct {
		PostBinMove struct {
			BinMove    *struct{ Number string }
			UserErrors []userErr
		}
	}
	clerk.gql(move, line(from.Quantity.Add(decimal.NewFromInt(1)).String()), &over)
	if over.PostBinMove.BinMove != nil || len(over.PostBinMove.UserErrors) == 0 || over.PostBinMove.UserErrors[0].Field != "input.lines.0.quantity" {
		t.Fatalf("more than the bin holds: %+v", over.PostBinMove)
	}
	var ok struct {
		PostBinMove struct {
			BinMove    *struct{ Number string }
			UserErrors []userErr
		}
	}
	clerk.gql(move, line("1"), &ok)
	noUserErrors(t, "bin move", ok.PostBinMove.UserErrors)
	if ok.PostBinMove.BinMove == nil || ok.PostBinMove.BinMove.Number == "" {
		t.Fatalf("moved: %+v", ok.PostBinMove)
	}
	if got := inBin(from.Location.ID); !got.Equal(from.Quantity.Sub(decimal.NewFromInt(1))) {
		t.Fatalf("bin %s holds %s after moving 1 of %s out", from.Location.Code, got, from.Quantity)
	}
	if got := inBin(to); !got.Equal(toBefore.Add(decimal.NewFromInt(1))) {
		t.Fatalf("the target bin holds %s, was %s", got, toBefore)
	}
	if wh := firstLevelOf(t, clerk, opLevel{Product: struct{ ID, Sku string }{from.Product.ID, from.Product.Sku}, Warehouse: struct{ ID, Code string }{from.Warehouse.ID, from.Warehouse.Code}}); !wh.OnHand.Equal(whBefore.OnHand) {
		t.Fatalf("a bin move changed the warehouse's stock: %s -> %s", whBefore.OnHand, wh.OnHand)
	}
	var sug struct {
		PutawaySuggestions []struct {
			Reason   string
			Location *struct{ ID string }
		}
	}
	clerk.gql(`query($w: ID!, $p: ID!) { putawaySuggestions(warehouse: $w, lines: [{productId: $p, quantity: "1"}]) { reason location { id } } }`,
		map[string]any{"w": from.Warehouse.ID, "p": from.Product.ID}, &sug)
	if len(sug.PutawaySuggestions) != 1 || sug.PutawaySuggestions[0].Reason != "HOLDS_PRODUCT" || sug.PutawaySuggestions[0].Location == nil {
		t.Fatalf("putaway of a product held in a bin: %+v", sug)
	}
}

// Batches through the API: the demo's milk in two batches, the one within
// 30 days listed as expiring, FEFO takes the earlier expiry first, and the
// trace leads to the receipt it came in with.
func TestBatchesThroughTheAPI(t *testing.T) {
	app := newTestApp(t)
	clerk := app.client(t).mustLogin("warehouse")
	type batchStock struct {
		OnHand decimal.Decimal
		Batch  struct {
			ID, Number string
			ExpiryDate *string
			Product    struct{ ID, Sku string }
		}
		Warehouse struct{ ID string }
	}
	const q = `query($s: String, $d: Int) { batches(search: $s, expiringWithinDays: $d) { onHand batch { id number expiryDate product { id sku } } warehouse { id } } }`
	var all, soon struct{ Batches []batchStock }
	clerk.gql(q, map[string]any{"s": "FOOD-MILK-1L"}, &all)
	clerk.gql(q, map[string]any{"s": "FOOD-MILK-1L", "d": 30}, &soon)
	if len(all.Batches) != 2 || len(soon.Batches) != 1 || soon.Batches[0].Batch.Number != "M2026A" {
		t.Fatalf("milk batches %+v, expiring within 30 days %+v", all.Batches, soon.Batches)
	}
	first, second := all.Batches[0], all.Batches[1]
	if first.Batch.Number != "M2026A" || *first.Batch.ExpiryDate >= *second.Batch.ExpiryDate {
		t.Fatalf("not earliest expiry first: %+v", all.Batches)
	}
	want := first.OnHand.Add(decimal.NewFromInt(1))
	var fefo struct {
		FefoBatches []struct {
			Number   string
			Quantity decimal.Decimal
		}
	}
	clerk.gql(`query($p: ID!, $w: ID!, $q: Decimal!) { fefoBatches(productId: $p, warehouseId: $w, quantity: $q) { number quantity } }`,
		map[string]any{"p": first.Batch.Product.ID, "w": first.Warehouse.ID, "q": want.String()}, &fefo)
	if len(fefo.FefoBatches) != 2 || fefo.FefoBatches[0].Number != "M2026A" || !fefo.FefoBatches[0].Quantity.Equal(first.OnHand) ||
		fefo.FefoBatches[1].Number != second.Batch.Number || !fefo.FefoBatches[1].Quantity.Equal(decimal.NewFromInt(1)) {
		t.Fatalf("FEFO for %s: %+v", want, fefo.FefoBatches)
	}
	var trace struct {
		BatchTrace struct {
			Moves []struct {
				SourceType, DocumentNumber string
				Quantity                   decimal.Decimal
			}
		}
	}
	clerk.gql(`query($id: ID!) { batchTrace(id: $id) { moves { sourceType documentNumber quantity } } }`, map[string]any{"id": first.Batch.ID}, &trace)
	in := false
	for _, m := range trace.BatchTrace.Moves {
		in = in || m.SourceType == "PURCHASE_RECEIPT" && m.DocumentNumber != "" && m.Quantity.IsPositive()
	}
	if !in {
		t.Fatalf("the trace of M2026A has no receipt: %+v", trace.BatchTrace.Moves)
	}
}
