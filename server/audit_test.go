package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// auditExempt are the mutations that change no business data, with why.
var auditExempt = map[string]string{
	"login":  "opens a session: authentication, not business data (failed sign-ins are throttling state)",
	"logout": "ends a session: authentication, not business data",
	// A bulk export reads; its job and file are the owner's own, listed by
	// exportJobs, and expire after a week.
	"bulkExport":   "starts a read of the caller's own: no business record changes",
	"cancelExport": "stops the caller's own export: no business record changes",
}

// auditCall is one step of TestEveryMutationWritesAnAuditRow: a call of
// the mutation that succeeds on the demo data and what the steps before
// it made (ids in st), run as the admin.
type auditCall struct {
	name string
	doc  string
	vars func(st map[string]string) map[string]any
	// keep reads ids out of the payload for later steps.
	keep map[string]string // state name -> dotted path in the payload
}

func auditCalls() []auditCall {
	v := func(pairs ...string) func(map[string]string) map[string]any {
		return func(st map[string]string) map[string]any {
			m := map[string]any{}
			for i := 0; i < len(pairs); i += 2 {
				val, ok := st[pairs[i+1]]
				if !ok {
					val = pairs[i+1]
				}
				m[pairs[i]] = val
			}
			return m
		}
	}
	ue := ` userErrors { code field message }`
	return []auditCall{
		// users
		{"createUser", `mutation { createUser(input: {username: "audit.u1", displayName: "审计", password: "pass1234", roles: [SALES]}) { user { id }` + ue + ` } }`, nil, map[string]string{"user": "user.id"}},
		{"updateUser", `mutation($id: ID!) { updateUser(input: {id: $id, displayName: "审计员"}) { user { id }` + ue + ` } }`, v("id", "user"), nil},
		{"setPassword", `mutation($id: ID!) { setPassword(input: {id: $id, password: "pass5678"}) { ok` + ue + ` } }`, v("id", "user"), nil},
		{"createApiToken", `mutation { createApiToken(name: "audit script") { token { id } secret` + ue + ` } }`, nil, map[string]string{"token": "token.id"}},
		{"updateMyLanguage", `mutation { updateMyLanguage(language: EN) { user { id }` + ue + ` } }`, nil, nil},
		{"revokeApiToken", `mutation($id: ID!) { revokeApiToken(id: $id) { id` + ue + ` } }`, v("id", "token"), nil},
		{"clearSignInLockout", `mutation { clearSignInLockout(input: {username: "audit.u1"}) { cleared` + ue + ` } }`, nil, nil},
		// catalog
		{"createCategory", `mutation { createCategory(input: {code: "AUD-CAT", name: "审计类"}) { category { id }` + ue + ` } }`, nil, map[string]string{"category": "category.id"}},
		{"updateCategory", `mutation($id: ID!) { updateCategory(input: {id: $id, name: "审计类别"}) { category { id }` + ue + ` } }`, v("id", "category"), nil},
		{"createWarehouse", `mutation { createWarehouse(input: {code: "AUD-W1", name: "审计仓", region: "华东"}) { warehouse { id }` + ue + ` } }`, nil, map[string]string{"wh": "warehouse.id"}},
		{"updateWarehouse", `mutation($id: ID!) { updateWarehouse(input: {id: $id, address: "上海"}) { warehouse { id }` + ue + ` } }`, v("id", "wh"), nil},
		{"createLocation", `mutation($w: ID!) { createLocation(input: {warehouseId: $w, code: "A-01"}) { location { id }` + ue + ` } }`, v("w", "wh"), map[string]string{"loc": "location.id"}},
		{"updateLocation", `mutation($id: ID!) { updateLocation(input: {id: $id, name: "一号架"}) { location { id }` + ue + ` } }`, v("id", "loc"), nil},
		{"createProduct", `mutation($c: ID!) { createProduct(input: {sku: "AUD-P1", name: "审计商品", unit: "个", categoryId: $c, sellPrice: "10", vatRate: "0.13"}) { product { id }` + ue + ` } }`,
			v("c", "category"), map[string]string{"product": "product.id"}},
		{"updateProduct", `mutation($id: ID!) { updateProduct(input: {id: $id, sellPrice: "12.50"}) { product { id }` + ue + ` } }`, v("id", "product"), nil},
		{"setProductUnits", `mutation($id: ID!) { setProductUnits(input: {productId: $id, units: [{code: "箱", factor: "12"}]}) { product { id }` + ue + ` } }`, v("id", "product"), nil},
		// stock
		{"postOpeningStock", `mutation($p: ID!, $w: ID!) { postOpeningStock(input: {lines: [{productId: $p, warehouseId: $w, quantity: "100", unitCost: "5"}]}) { document { id }` + ue + ` } }`,
			v("p", "product", "w", "wh"), nil},
		{"postStockAdjustment", `mutation($p: ID!, $w: ID!) { postStockAdjustment(input: {reason: SCRAP, lines: [{productId: $p, warehouseId: $w, direction: DECREASE, quantity: "1"}]}) { document { id }` + ue + ` } }`,
			v("p", "product", "w", "wh"), nil},
		// transfers
		{"createWarehouse", `mutation { createWarehouse(input: {code: "AUD-W3", name: "调入仓"}) { warehouse { id }` + ue + ` } }`, nil, map[string]string{"wh3": "warehouse.id"}},
		{"createStockTransfer", `mutation($p: ID!, $w: ID!, $to: ID!) { createStockTransfer(input: {fromWarehouseId: $w, toWarehouseId: $to, lines: [{productId: $p, quantity: "2"}]}) { stockTransfer { number }` + ue + ` } }`,
			v("p", "product", "w", "wh", "to", "wh3"), map[string]string{"tr": "stockTransfer.number"}},
		{"shipStockTransfer", `mutation($n: String!) { shipStockTransfer(input: {number: $n}) { stockTransfer { status }` + ue + ` } }`, v("n", "tr"), nil},
		{"receiveStockTransfer", `mutation($n: String!) { receiveStockTransfer(input: {number: $n, lines: [{lineNo: 1, quantity: "1"}]}) { stockTransfer { status }` + ue + ` } }`, v("n", "tr"), nil},
		{"settleTransferShortfall", `mutation($n: String!) { settleTransferShortfall(input: {number: $n, reason: CARRIER_CLAIM, carrier: "顺丰"}) { stockTransfer { status }` + ue + ` } }`, v("n", "tr"), nil},
		{"createStockTransfer", `mutation($p: ID!, $w: ID!, $to: ID!) { createStockTransfer(input: {fromWarehouseId: $w, toWarehouseId: $to, lines: [{productId: $p, quantity: "1"}]}) { stockTransfer { number }` + ue + ` } }`,
			v("p", "product", "w", "wh", "to", "wh3"), map[string]string{"tr2": "stockTransfer.number"}},
		{"cancelStockTransfer", `mutation($n: String!) { cancelStockTransfer(number: $n) { stockTransfer { status }` + ue + ` } }`, v("n", "tr2"), nil},
		// stock counts
		{"createStockCount", `mutation($w: ID!) { createStockCount(input: {warehouseId: $w, description: "审计盘点"}) { stockCount { number }` + ue + ` } }`,
			v("w", "wh"), map[string]string{"count": "stockCount.number"}},
		{"startStockCount", `mutation($n: String!) { startStockCount(number: $n) { stockCount { number }` + ue + ` } }`, v("n", "count"), nil},
		{"addCountEntry", `mutation($n: String!, $p: ID!) { addCountEntry(input: {number: $n, productId: $p, quantity: "98"}) { line { id }` + ue + ` } }`, v("n", "count", "p", "product"), nil},
		{"requestRecount", `mutation($n: String!) { requestRecount(number: $n, lineNos: [1]) { stockCount { number }` + ue + ` } }`, v("n", "count"), nil},
		{"submitStockCount", `mutation($n: String!) { submitStockCount(number: $n) { stockCount { number }` + ue + ` } }`, v("n", "count"), nil},
		{"postStockCount", `mutation($n: String!) { postStockCount(number: $n) { stockCount { number }` + ue + ` } }`, v("n", "count"), nil},
		{"createDueCounts", `mutation { createDueCounts { stockCounts { number }` + ue + ` } }`, nil, map[string]string{"due": "stockCounts.0.number"}},
		{"cancelStockCount", `mutation($n: String!) { cancelStockCount(number: $n) { stockCount { number }` + ue + ` } }`, v("n", "due"), nil},
		{"setCountSchedule", `mutation { setCountSchedule(abcClass: A, intervalMonths: 2) { schedule { abcClass }` + ue + ` } }`, nil, nil},
		// scrap (issue 19): 99 @ 5.00 left in AUD-W1
		{"updateScrapSettings", `mutation { updateScrapSettings(input: {approvalThreshold: "100"}) { settings { approvalThreshold }` + ue + ` } }`, nil, nil},
		{"createScrap", `mutation($p: ID!, $w: ID!) { createScrap(input: {note: "审计", lines: [{productId: $p, warehouseId: $w, quantity: "2", reason: DAMAGED}]}) { scrap { number }` + ue + ` } }`,
			v("p", "product", "w", "wh"), map[string]string{"scrapA": "scrap.number"}},
		{"submitScrap", `mutation($n: String!) { submitScrap(number: $n) { scrap { status }` + ue + ` } }`, v("n", "scrapA"), nil},
		{"createScrap", `mutation($p: ID!, $w: ID!) { createScrap(input: {submit: true, lines: [{productId: $p, warehouseId: $w, quantity: "30", reason: EXPIRED}]}) { scrap { number }` + ue + ` } }`,
			v("p", "product", "w", "wh"), map[string]string{"scrapB": "scrap.number"}},
		{"approveScrap", `mutation($n: String!) { approveScrap(number: $n) { scrap { status }` + ue + ` } }`, v("n", "scrapB"), nil},
		{"createScrap", `mutation($p: ID!, $w: ID!) { createScrap(input: {submit: true, lines: [{productId: $p, warehouseId: $w, quantity: "30", reason: OBSOLETE}]}) { scrap { number }` + ue + ` } }`,
			v("p", "product", "w", "wh"), map[string]string{"scrapC": "scrap.number"}},
		{"rejectScrap", `mutation($n: String!) { rejectScrap(number: $n, reason: "还能用") { scrap { status }` + ue + ` } }`, v("n", "scrapC"), nil},
		{"setCategorySlowMoverDays", `mutation($c: ID!) { setCategorySlowMoverDays(categoryId: $c, days: 90) { category { days }` + ue + ` } }`, v("c", "category"), nil},
		// bins
		{"setLocationZone", `mutation($id: ID!) { setLocationZone(input: {id: $id, zone: "COLD"}) { location { id zone }` + ue + ` } }`, v("id", "loc"), nil},
		{"setProductPutawayZone", `mutation($id: ID!) { setProductPutawayZone(input: {id: $id, zone: "COLD"}) { product { id putawayZone }` + ue + ` } }`, v("id", "product"), nil},
		{"postBinMove", `mutation($p: ID!, $w: ID!, $l: ID!) { postBinMove(input: {warehouseId: $w, lines: [{productId: $p, toLocationId: $l, quantity: "2"}]}) { binMove { id number }` + ue + ` } }`,
			v("p", "product", "w", "wh", "l", "loc"), nil},
		// ledger
		{"createAccount", `mutation { createAccount(input: {code: "6999", name: "审计费用", type: EXPENSE}) { account { code }` + ue + ` } }`, nil, nil},
		{"updateAccount", `mutation { updateAccount(input: {code: "6999", name: "审计费"}) { account { code }` + ue + ` } }`, nil, nil},
		{"postJournalEntry", `mutation { postJournalEntry(input: {description: "审计", lines: [{accountCode: "6999", debit: "10"}, {accountCode: "1002", credit: "10"}]}) { entry { id }` + ue + ` } }`,
			nil, map[string]string{"entry": "entry.id"}},
		{"reverseJournalEntry", `mutation($id: ID!) { reverseJournalEntry(input: {id: $id}) { entry { id }` + ue + ` } }`, v("id", "entry"), nil},
		{"closeFiscalPeriod", `mutation { closeFiscalPeriod(input: {year: 2019, month: 1}) { period { status }` + ue + ` } }`, nil, nil},
		{"reopenFiscalPeriod", `mutation { reopenFiscalPeriod(input: {year: 2019, month: 1, reason: "audit test"}) { period { status }` + ue + ` } }`, nil, nil},
		// A demo entry (a system posting: anyone may review it), see below.
		{"reviewVouchers", `mutation($id: ID!) { reviewVouchers(input: {ids: [$id]}) { entries { id reviewedAt }` + ue + ` } }`, v("id", "demoEntry"), nil},
		{"unreviewVouchers", `mutation($id: ID!) { unreviewVouchers(input: {ids: [$id]}) { entries { id reviewedAt }` + ue + ` } }`, v("id", "demoEntry"), nil},
		{"updatePostingWindow", `mutation { updatePostingWindow(input: {horizonMonths: 1, firstYear: 2000, lastYear: 2099}) { window { lockDate }` + ue + ` } }`, nil, nil},
		// statutory statements
		{"updateStatementLine", `mutation { updateStatementLine(input: {form: BALANCE_SHEET, lineNo: 14, accounts: [{prefix: "1901", rule: BALANCE}]}) { line { lineNo }` + ue + ` } }`, nil, nil},
		// sales
		{"createCustomer", `mutation { createCustomer(input: {code: "AUD-C1", name: "审计客户", region: "华东", creditLimit: "100000"}) { customer { id }` + ue + ` } }`,
			nil, map[string]string{"cust": "customer.id"}},
		{"updateCustomer", `mutation($id: ID!) { updateCustomer(input: {id: $id, creditLimit: "200000"}) { customer { id }` + ue + ` } }`, v("id", "cust"), nil},
		{"createSalesOrder", `mutation($c: ID!, $p: ID!, $w: ID!) { createSalesOrder(input: {customerId: $c, warehouseId: $w, lines: [{productId: $p, quantity: "10"}]}) { order { id }` + ue + ` } }`,
			v("c", "cust", "p", "product", "w", "wh"), map[string]string{"so": "order.id"}},
		{"confirmSalesOrder", `mutation($id: ID!) { confirmSalesOrder(id: $id) { order { shipments { id lines { id } } }` + ue + ` } }`, v("id", "so"),
			map[string]string{"sh": "order.shipments.0.id", "shl": "order.shipments.0.lines.0.id"}},
		{"reserveSalesOrderStock", `mutation($id: ID!) { reserveSalesOrderStock(id: $id) { order { id }` + ue + ` } }`, v("id", "so"), nil},
		{"shipShipment", `mutation($s: ID!, $l: ID!) { shipShipment(input: {shipmentId: $s, lines: [{shipmentLineId: $l, quantity: "6"}]}) { shipment { id lines { id } }` + ue + ` } }`,
			v("s", "sh", "l", "shl"), nil},
		{"confirmDelivery", `mutation($s: ID!) { confirmDelivery(input: {shipmentId: $s, rating: 5}) { shipment { id }` + ue + ` } }`, v("s", "sh"), nil},
		// pick, pack, dispatch: the order's pending remainder (pendingSh, read below)
		{"createPickList", `mutation($n: String!) { createPickList(input: {shipmentNumbers: [$n]}) { pickList { number lines { id } }` + ue + ` } }`, v("n", "pendingSh"),
			map[string]string{"pl": "pickList.number", "pll": "pickList.lines.0.id"}},
		{"recordPick", `mutation($n: String!, $l: ID!) { recordPick(input: {pickListNumber: $n, lineId: $l, quantity: "1"}) { pickList { number }` + ue + ` } }`, v("n", "pl", "l", "pll"), nil},
		{"confirmPickList", `mutation($n: String!) { confirmPickList(number: $n) { pickList { shipments { number } }` + ue + ` } }`, v("n", "pl"),
			map[string]string{"picked": "pickList.shipments.0.number"}},
		{"packShipment", `mutation($n: String!) { packShipment(input: {shipmentNumber: $n, parcels: [{weightKg: "1.2", lengthCm: "30", widthCm: "20", heightCm: "10"}]}) { tracking { shipmentNumber }` + ue + ` } }`, v("n", "picked"), nil},
		{"dispatchShipment", `mutation($n: String!) { dispatchShipment(input: {shipmentNumber: $n, carrier: "顺丰", trackingNumber: "AUD-T1", at: "2026-01-01T08:00:00Z"}) { tracking { shipmentNumber }` + ue + ` } }`, v("n", "picked"), nil},
		{"updateDeliveryStatus", `mutation { updateDeliveryStatus(trackingNumber: "AUD-T1", status: IN_TRANSIT, at: "2026-01-01T12:00:00Z", note: "上海转运中心") { tracking { status }` + ue + ` } }`, nil, nil},
		{"recordCustomerPayment", `mutation($c: ID!) { recordCustomerPayment(input: {customerId: $c, amount: "1000"}) { payment { id }` + ue + ` } }`,
			v("c", "cust"), map[string]string{"pay": "payment.id"}},
		{"createSalesInvoice", `mutation($s: ID!) { createSalesInvoice(input: {shipmentIds: [$s]}) { invoice { id }` + ue + ` } }`, v("s", "sh"), nil},
		{"applyCustomerCredit", `mutation($p: ID!) { applyCustomerCredit(input: {paymentId: $p}) { payment { id }` + ue + ` } }`, v("p", "pay"), nil},
		{"refundCustomer", `mutation($p: ID!) { refundCustomer(input: {paymentId: $p, amount: "10"}) { refund { id }` + ue + ` } }`, v("p", "pay"), nil},
		{"createSalesReturn", `mutation($s: ID!, $l: ID!) { createSalesReturn(input: {shipmentId: $s, reason: "破损", lines: [{shipmentLineId: $l, quantity: "1"}]}) { salesReturn { id }` + ue + ` } }`,
			v("s", "sh", "l", "shl"), nil},
		{"closeSalesOrder", `mutation($id: ID!) { closeSalesOrder(id: $id) { order { status }` + ue + ` } }`, v("id", "so"), nil},
		{"createSalesOrder", `mutation($c: ID!, $p: ID!, $w: ID!) { createSalesOrder(input: {customerId: $c, warehouseId: $w, lines: [{productId: $p, quantity: "1"}]}) { order { id }` + ue + ` } }`,
			v("c", "cust", "p", "product", "w", "wh"), map[string]string{"so2": "order.id"}},
		{"cancelSalesOrder", `mutation($id: ID!) { cancelSalesOrder(id: $id) { order { status }` + ue + ` } }`, v("id", "so2"), nil},
		{"createCustomer", `mutation { createCustomer(input: {code: "AUD-C2", name: "无信用客户", region: "华东", creditLimit: "0"}) { customer { id }` + ue + ` } }`,
			nil, map[string]string{"cust2": "customer.id"}},
		{"createSalesOrder", `mutation($c: ID!, $p: ID!, $w: ID!) { createSalesOrder(input: {customerId: $c, warehouseId: $w, lines: [{productId: $p, quantity: "1"}]}) { order { id }` + ue + ` } }`,
			v("c", "cust2", "p", "product", "w", "wh"), map[string]string{"so3": "order.id"}},
		{"confirmSalesOrder", `mutation($id: ID!) { confirmSalesOrder(id: $id) { order { status }` + ue + ` } }`, v("id", "so3"), nil},
		{"releaseSalesOrderHold", `mutation($id: ID!) { releaseSalesOrderHold(id: $id) { order { status }` + ue + ` } }`, v("id", "so3"), nil},
		// purchasing
		{"createSupplier", `mutation { createSupplier(input: {code: "AUD-S1", name: "审计供应商"}) { supplier { id }` + ue + ` } }`, nil, map[string]string{"sup": "supplier.id"}},
		{"updateSupplier", `mutation($id: ID!) { updateSupplier(input: {id: $id, paymentTermsDays: 45}) { supplier { id }` + ue + ` } }`, v("id", "sup"), nil},
		{"setSupplierProduct", `mutation($s: ID!, $p: ID!) { setSupplierProduct(input: {supplierId: $s, productId: $p, price: "4"}) { supplierProduct { lastPrice }` + ue + ` } }`,
			v("s", "sup", "p", "product"), nil},
		{"updatePurchasingSettings", `mutation { updatePurchasingSettings(input: {priceTolerance: "0.05", quantityTolerance: "0", priceRiseThreshold: "0.1"}) { settings { priceTolerance }` + ue + ` } }`, nil, nil},
		{"createPurchaseOrder", `mutation($s: ID!, $w: ID!, $p: ID!) { createPurchaseOrder(input: {supplierId: $s, warehouseId: $w, lines: [{productId: $p, quantity: "10", unitPrice: "4"}]}) { purchaseOrder { id lines { id } }` + ue + ` } }`,
			v("s", "sup", "w", "wh", "p", "product"), map[string]string{"po": "purchaseOrder.id", "pol": "purchaseOrder.lines.0.id"}},
		{"submitPurchaseOrder", `mutation($id: ID!) { submitPurchaseOrder(id: $id) { purchaseOrder { status }` + ue + ` } }`, v("id", "po"), nil},
		{"approvePurchaseOrder", `mutation($id: ID!) { approvePurchaseOrder(id: $id) { purchaseOrder { status }` + ue + ` } }`, v("id", "po"), nil},
		{"postGoodsReceipt", `mutation($o: ID!, $l: ID!) { postGoodsReceipt(input: {purchaseOrderId: $o, lines: [{purchaseOrderLineId: $l, acceptedQuantity: "10"}]}) { goodsReceipt { id }` + ue + ` } }`,
			v("o", "po", "l", "pol"), map[string]string{"gr": "goodsReceipt.id"}},
		{"postSupplierInvoice", `mutation($o: ID!, $l: ID!) { postSupplierInvoice(input: {purchaseOrderId: $o, supplierInvoiceNumber: "AUD-INV-1", lines: [{purchaseOrderLineId: $l, quantity: "10", unitPrice: "8"}]}) { supplierInvoice { id number status totalAmount }` + ue + ` } }`,
			v("o", "po", "l", "pol"), map[string]string{"si": "supplierInvoice.id", "siNo": "supplierInvoice.number", "siTotal": "supplierInvoice.totalAmount"}},
		// the admin posted the invoice: the control that keeps the poster from approving it is turned off first
		{"updateCompanySettings", `mutation { updateCompanySettings(input: {mismatchApprovalByOther: false}) { settings { mismatchApprovalByOther }` + ue + ` } }`, nil, nil},
		{"updateNumberingRule", `mutation { updateNumberingRule(input: {kind: CUSTOMER_REFUND, padding: 7}) { rule { prefix }` + ue + ` } }`, nil, nil},
		{"approveSupplierInvoiceMismatch", `mutation($id: ID!) { approveSupplierInvoiceMismatch(id: $id) { supplierInvoice { status }` + ue + ` } }`, v("id", "si"), nil},
		{"updateVatInvoiceInfo", `mutation($id: ID!) { updateVatInvoiceInfo(input: {supplierInvoiceId: $id, invoiceCode: "3100201130", invoiceNumber: "01234567", kind: SPECIAL}) { supplierInvoice { id }` + ue + ` } }`,
			v("id", "si"), nil},
		// supplier returns: one posted after the invoice (a debit note, applied in part and refunded in part), one draft cancelled
		{"createSupplierReturn", `mutation($r: ID!) { createSupplierReturn(input: {receiptId: $r, reason: "破损", lines: [{receiptLineNo: 1, quantity: "1"}]}) { supplierReturn { number }` + ue + ` } }`,
			v("r", "gr"), map[string]string{"pr": "supplierReturn.number"}},
		{"postSupplierReturn", `mutation($n: String!) { postSupplierReturn(number: $n) { supplierReturn { totalAmount }` + ue + ` } }`, v("n", "pr"), nil},
		{"applyDebitNote", `mutation($n: String!, $i: String!) { applyDebitNote(number: $n, invoiceNumber: $i, amount: "1") { supplierReturn { openCredit }` + ue + ` } }`, v("n", "pr", "i", "siNo"), nil},
		{"refundDebitNote", `mutation($n: String!) { refundDebitNote(number: $n, amount: "1") { supplierReturn { openCredit }` + ue + ` } }`, v("n", "pr"), nil},
		{"createSupplierReturn", `mutation($r: ID!) { createSupplierReturn(input: {receiptId: $r, lines: [{receiptLineNo: 1, quantity: "1"}]}) { supplierReturn { number }` + ue + ` } }`,
			v("r", "gr"), map[string]string{"pr2": "supplierReturn.number"}},
		{"cancelSupplierReturn", `mutation($n: String!) { cancelSupplierReturn(number: $n) { supplierReturn { status }` + ue + ` } }`, v("n", "pr2"), nil},
		{"postSupplierPayment", `mutation($s: ID!, $i: ID!, $a: Decimal!) { postSupplierPayment(input: {supplierId: $s, amount: $a, allocations: [{invoiceId: $i, amount: $a}]}) { supplierPayment { id }` + ue + ` } }`,
			v("s", "sup", "i", "si", "a", "50"), nil},
		{"postLandedCost", `mutation($r: ID!) { postLandedCost(input: {kind: FREIGHT, basis: VALUE, amount: "10", receiptIds: [$r], payFrom: BANK}) { landedCost { id }` + ue + ` } }`, v("r", "gr"), nil},
		{"createPurchaseOrdersFromSuggestions", `mutation($s: ID!, $w: ID!, $p: ID!) { createPurchaseOrdersFromSuggestions(input: {lines: [{productId: $p, warehouseId: $w, quantity: "5", supplierId: $s, unitPrice: "4"}]}) { purchaseOrders { id }` + ue + ` } }`,
			v("s", "sup", "w", "wh", "p", "product"), map[string]string{"po2": "purchaseOrders.0.id"}},
		{"cancelPurchaseOrder", `mutation($id: ID!) { cancelPurchaseOrder(id: $id) { purchaseOrder { status }` + ue + ` } }`, v("id", "po2"), nil},
		{"createPurchaseOrder", `mutation($s: ID!, $w: ID!, $p: ID!) { createPurchaseOrder(input: {supplierId: $s, warehouseId: $w, lines: [{productId: $p, quantity: "1", unitPrice: "4"}]}) { purchaseOrder { id }` + ue + ` } }`,
			v("s", "sup", "w", "wh", "p", "product"), map[string]string{"po3": "purchaseOrder.id"}},
		{"submitPurchaseOrder", `mutation($id: ID!) { submitPurchaseOrder(id: $id) { purchaseOrder { status }` + ue + ` } }`, v("id", "po3"), nil},
		{"approvePurchaseOrder", `mutation($id: ID!) { approvePurchaseOrder(id: $id) { purchaseOrder { status }` + ue + ` } }`, v("id", "po3"), nil},
		{"closePurchaseOrder", `mutation($id: ID!) { closePurchaseOrder(id: $id) { purchaseOrder { status }` + ue + ` } }`, v("id", "po3"), nil},
		// budget and alerts
		{"createBudgetLine", `mutation { createBudgetLine(input: {year: 2031, month: 1, costCentre: "AUD", accountCode: "6602", amount: "1000", policy: WARN}) { budgetLine { id }` + ue + ` } }`,
			nil, map[string]string{"bl": "budgetLine.id"}},
		{"updateBudgetLine", `mutation($id: ID!) { updateBudgetLine(input: {id: $id, amount: "2000"}) { budgetLine { id }` + ue + ` } }`, v("id", "bl"), nil},
		{"postOperatingCost", `mutation { postOperatingCost(input: {category: RENT, costCentre: "AUD", accountCode: "6602", amount: "10", payFrom: BANK, description: "审计房租"}) { operatingCost { id }` + ue + ` } }`,
			nil, map[string]string{"oc": "operatingCost.id"}},
		{"cancelOperatingCost", `mutation($id: ID!) { cancelOperatingCost(input: {id: $id, reason: "重复录入"}) { operatingCost { status }` + ue + ` } }`, v("id", "oc"), nil},
		{"checkLowStock", `mutation { checkLowStock { alerts { id }` + ue + ` } }`, nil, nil},
		{"acknowledgeAlert", `mutation($id: ID!) { acknowledgeAlert(id: $id) { alert { id }` + ue + ` } }`, v("id", "alert"), nil},
		// deactivations last: the product and the warehouse are used above
		{"createProduct", `mutation { createProduct(input: {sku: "AUD-P2", name: "停用商品", unit: "个"}) { product { id }` + ue + ` } }`, nil, map[string]string{"product2": "product.id"}},
		// batches: switched on the new product, before its first stock move
		{"setProductBatchTracking", `mutation($id: ID!) { setProductBatchTracking(input: {productId: $id, batchTracked: true, expiryTracked: true, shelfLifeDays: 365}) { tracking { batchTracked }` + ue + ` } }`, v("id", "product2"), nil},
		{"setExpiryAlertDays", `mutation { setExpiryAlertDays(days: 45) { days` + ue + ` } }`, nil, nil},
		{"checkExpiringBatches", `mutation { checkExpiringBatches { alerts { id }` + ue + ` } }`, nil, nil},
		{"deactivateProduct", `mutation($id: ID!) { deactivateProduct(id: $id) { product { active }` + ue + ` } }`, v("id", "product2"), nil},
		{"createWarehouse", `mutation { createWarehouse(input: {code: "AUD-W2", name: "停用仓"}) { warehouse { id }` + ue + ` } }`, nil, map[string]string{"wh2": "warehouse.id"}},
		{"deactivateWarehouse", `mutation($id: ID!) { deactivateWarehouse(id: $id) { warehouse { active }` + ue + ` } }`, v("id", "wh2"), nil},
	}
}

// pathValue reads a dotted path (numbers index lists) out of decoded JSON.
func pathValue(v any, path string) string {
	for _, p := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			var i int
			fmt.Sscan(p, &i)
			if i >= len(x) {
				return ""
			}
			v = x[i]
		default:
			return ""
		}
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// TestEveryMutationWritesAnAuditRow calls every mutation of the schema
// (listed by the schema itself, as the role matrix does) once with input
// that succeeds, and checks that it wrote an audit row naming it as the
// operation. A new mutation without an entry here, or one that writes no
// audit row, fails.
func TestEveryMutationWritesAnAuditRow(t *testing.T) {
	app := newTestApp(t)
	admin := app.client(t).mustLogin("admin")
	calls := auditCalls()
	have := map[string]bool{}
	for _, c := range calls {
		have[c.name] = true
	}
	for _, f := range loadSchema(t).Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		if _, ok := auditExempt[f.Name]; ok {
			continue
		}
		if !have[f.Name] {
			t.Errorf("mutation %s has no call in auditCalls (or a reason in auditExempt)", f.Name)
		}
	}
	ctx := context.Background()
	auditRows := func(op string) int {
		var n int
		if err := app.store.GetContext(ctx, &n, `SELECT count(*) FROM audit_log WHERE operation = $1`, op); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var firstID int64
	if err := app.store.GetContext(ctx, &firstID, `SELECT coalesce(max(id), 0) FROM audit_log`); err != nil {
		t.Fatal(err)
	}
	st := map[string]string{}
	for _, c := range calls {
		if c.name == "reviewVouchers" {
			var j struct {
				JournalEntries struct{ Nodes []struct{ ID string } }
			}
			admin.gql(`{ journalEntries(filter: {sourceType: PURCHASE_RECEIPT}, first: 1) { nodes { id } } }`, nil, &j)
			if len(j.JournalEntries.Nodes) == 0 {
				t.Fatal("no demo entry to review")
			}
			st["demoEntry"] = j.JournalEntries.Nodes[0].ID
		}
		if c.name == "createPickList" {
			var j struct {
				Shipments struct{ Nodes []struct{ Number string } }
			}
			admin.gql(`query($o: ID!) { shipments(filter: {orderId: $o, status: [PENDING]}, first: 1) { nodes { number } } }`, map[string]any{"o": st["so"]}, &j)
			if len(j.Shipments.Nodes) == 0 {
				t.Fatal("no pending shipment to pick")
			}
			st["pendingSh"] = j.Shipments.Nodes[0].Number
		}
		if c.name == "acknowledgeAlert" {
			var a struct {
				Alerts struct{ Nodes []struct{ ID string } }
			}
			admin.gql(`{ alerts(acknowledged: false, first: 1) { nodes { id } } }`, nil, &a)
			if len(a.Alerts.Nodes) == 0 {
				t.Fatal("no open alert to acknowledge")
			}
			st["alert"] = a.Alerts.Nodes[0].ID
		}
		var vars map[string]any
		if c.vars != nil {
			vars = c.vars(st)
		}
		before := auditRows(c.name)
		r := admin.do(c.doc, vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", c.name, r.Errors)
		}
		var payload any
		if err := json.Unmarshal(r.Data[c.name], &payload); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if ues := pathValue(payload, "userErrors.0.message"); ues != "" {
			t.Fatalf("%s: userErrors %s", c.name, r.Data[c.name])
		}
		for k, path := range c.keep {
			if st[k] = pathValue(payload, path); st[k] == "" {
				t.Fatalf("%s: no %s in %s", c.name, path, r.Data[c.name])
			}
		}
		if after := auditRows(c.name); after <= before {
			t.Errorf("%s wrote no audit row with operation %s", c.name, c.name)
		}
	}
	// Approving an order sets the supplier's last prices: master data,
	// recorded with the row before and after.
	var prices int
	if err := app.store.GetContext(ctx, &prices, `SELECT count(*) FROM audit_log WHERE id > $1 AND operation = 'approvePurchaseOrder'
		AND record_type = 'supplierProduct' AND before IS NOT NULL AND (after->>'last_price')::numeric = 4 AND record_number = 'AUD-S1 AUD-P1'`, firstID); err != nil {
		t.Fatal(err)
	}
	if prices == 0 {
		var rows []string
		_ = app.store.SelectContext(ctx, &rows, `SELECT record_number || ' ' || coalesce(before::text, '-') || ' ' || coalesce(after::text, '-') FROM audit_log
			WHERE id > $1 AND record_type = 'supplierProduct'`, firstID)
		t.Errorf("approving a purchase order recorded no supplier price change: %q", rows)
	}
	// Every row names its author: the admin, through the session.
	var odd int
	if err := app.store.GetContext(ctx, &odd, `SELECT count(*) FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
		WHERE a.id > $1 AND (u.username IS DISTINCT FROM 'admin' OR a.via IS DISTINCT FROM 'SESSION')`, firstID); err != nil {
		t.Fatal(err)
	}
	if odd != 0 {
		t.Errorf("%d audit rows of this test name another author or no session", odd)
	}
}

type auditEntryJSON struct {
	Operation, RecordType, RecordID, RecordNumber, Action, Via string
	User                                                       *struct{ Username string }
	Changes                                                    []struct {
		Field         string
		Before, After *string
	}
}

// A price change shows in the product's auditTrail with the price before
// and after, and who made it.
func TestPriceChangeShowsBeforeAndAfterInTheAuditTrail(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	var p struct {
		CreateProduct struct {
			Product    struct{ ID string }
			UserErrors []userErr
		}
	}
	wh.gql(`mutation { createProduct(input: {sku: "AUD-PRICE", name: "调价商品", unit: "个", sellPrice: "99.00"}) { product { id } userErrors { code field message } } }`, nil, &p)
	noUserErrors(t, "createProduct", p.CreateProduct.UserErrors)
	var u struct {
		UpdateProduct struct{ UserErrors []userErr }
	}
	wh.gql(`mutation($id: ID!) { updateProduct(input: {id: $id, sellPrice: "109.00"}) { userErrors { code field message } } }`, map[string]any{"id": p.CreateProduct.Product.ID}, &u)
	noUserErrors(t, "updateProduct", u.UpdateProduct.UserErrors)
	var r struct {
		Product struct {
			AuditTrail struct {
				TotalCount int
				Nodes      []auditEntryJSON
			}
		}
	}
	manager := app.client(t).mustLogin("manager")
	manager.gql(`query($id: ID!) { product(id: $id) { auditTrail { totalCount nodes { operation recordType recordId recordNumber action via user { username }
		changes { field before after } } } } }`, map[string]any{"id": p.CreateProduct.Product.ID}, &r)
	tr := r.Product.AuditTrail
	if tr.TotalCount != 2 || len(tr.Nodes) != 2 {
		t.Fatalf("audit trail %+v, want the update and the creation", tr)
	}
	up := tr.Nodes[0] // newest first
	if up.Operation != "updateProduct" || up.Action != "update" || up.RecordNumber != "AUD-PRICE" || up.Via != "SESSION" || up.User == nil || up.User.Username != "warehouse" {
		t.Fatalf("update entry %+v", up)
	}
	var price []string
	for _, c := range up.Changes {
		if c.Field == "sell_price" && c.Before != nil && c.After != nil {
			price = append(price, *c.Before, *c.After)
		}
		if c.Field == "updated_at" {
			t.Errorf("updated_at listed as a change")
		}
	}
	if fmt.Sprint(price) != "[99.00 109.00]" {
		t.Fatalf("price change %v in %+v, want 99.00 -> 109.00", price, up.Changes)
	}
	if cr := tr.Nodes[1]; cr.Action != "create" || len(cr.Changes) == 0 {
		t.Fatalf("create entry %+v", cr)
	}
}

// Managers (and admins) see every change; anyone else only their own.
func TestOnlyManagersSeeOtherUsersChanges(t *testing.T) {
	app := newTestApp(t)
	wh := app.client(t).mustLogin("warehouse")
	sales := app.client(t).mustLogin("sales")
	var c struct {
		CreateCategory struct{ UserErrors []userErr }
	}
	wh.gql(`mutation { createCategory(input: {code: "AUD-SEE", name: "可见性"}) { userErrors { code field message } } }`, nil, &c)
	noUserErrors(t, "createCategory", c.CreateCategory.UserErrors)
	var cu struct {
		CreateCustomer struct{ UserErrors []userErr }
	}
	sales.gql(`mutation { createCustomer(input: {code: "AUD-SEE", name: "可见性客户"}) { userErrors { code field message } } }`, nil, &cu)
	noUserErrors(t, "createCustomer", cu.CreateCustomer.UserErrors)
	since := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	trail := func(cl *client) map[string]int {
		var r struct {
			AuditTrail struct {
				TotalCount int
				Nodes      []auditEntryJSON
			}
		}
		cl.gql(`query($from: Time) { auditTrail(filter: {from: $from}, first: 200) { totalCount nodes { operation user { username } } } }`, map[string]any{"from": since}, &r)
		by := map[string]int{}
		for _, n := range r.AuditTrail.Nodes {
			who := "system"
			if n.User != nil {
				who = n.User.Username
			}
			by[who]++
		}
		return by
	}
	if got := trail(sales); got["sales"] == 0 || len(got) != 1 {
		t.Fatalf("sales sees rows of %v, want only their own", got)
	}
	if got := trail(wh); got["warehouse"] == 0 || len(got) != 1 {
		t.Fatalf("warehouse sees rows of %v, want only their own", got)
	}
	if got := trail(app.client(t).mustLogin("manager")); got["sales"] == 0 || got["warehouse"] == 0 {
		t.Fatalf("the manager sees rows of %v, want everyone's", got)
	}
	// Asking for someone else's rows by user id gives nothing either.
	var users struct {
		Users []struct{ ID, Username string }
	}
	app.client(t).mustLogin("admin").gql(`{ users { id username } }`, nil, &users)
	var whID string
	for _, u := range users.Users {
		if u.Username == "warehouse" {
			whID = u.ID
		}
	}
	var r struct {
		AuditTrail struct{ TotalCount int }
	}
	sales.gql(`query($u: ID!) { auditTrail(filter: {userId: $u}) { totalCount } }`, map[string]any{"u": whID}, &r)
	if r.AuditTrail.TotalCount != 0 {
		t.Fatalf("sales sees %d rows of the warehouse user", r.AuditTrail.TotalCount)
	}
}
