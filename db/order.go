package db

// The whitelists of the lists' orderBy arguments (see orderBy): the SQL
// expression each value of an <X>OrderField enum sorts by. A value missing
// here falls back to the list's own order.
var (
	alertOrders = map[string]string{"CREATED_AT": "created_at", "KIND": "kind", "SUBJECT": "subject"}
	auditOrders = map[string]string{"AT": "at", "ACTION": "action", "RECORD_TYPE": "record_type"}
	// Budget lines are read with their consumption (grouped by b.id).
	budgetLineOrders      = map[string]string{"PERIOD": "(b.year * 100 + b.month)", "COST_CENTRE": "b.cost_centre", "ACCOUNT": "b.account_code", "AMOUNT": "b.amount"}
	operatingCostOrders   = map[string]string{"DATE": "posting_date", "NUMBER": "number", "AMOUNT": "amount", "COST_CENTRE": "cost_centre"}
	supplierOrders        = map[string]string{"CODE": "code", "NAME": "name", "CREATED_AT": "created_at"}
	purchaseOrderOrders   = map[string]string{"DATE": "order_date", "NUMBER": "number", "EXPECTED_DATE": "expected_date", "STATUS": "status"}
	supplierInvoiceOrders = map[string]string{"DATE": "invoice_date", "NUMBER": "number", "DUE_DATE": "due_date", "TOTAL": "total_amount",
		"STATUS": "status"}
	supplierPaymentOrders = map[string]string{"DATE": "payment_date", "NUMBER": "number", "AMOUNT": "amount"}
	salesOrderOrders      = map[string]string{"DATE": "posting_date", "NUMBER": "number", "PROMISED_DATE": "promised_date", "TOTAL": "total_amount",
		"STATUS": "status"}
	shipmentOrders     = map[string]string{"DATE": "posting_date", "NUMBER": "number", "STATUS": "status"}
	salesInvoiceOrders = map[string]string{"DATE": "posting_date", "NUMBER": "number", "DUE_DATE": "due_date", "TOTAL": "total_amount",
		"STATUS": "status"}
	customerPaymentOrders = map[string]string{"DATE": "posting_date", "NUMBER": "number", "AMOUNT": "amount"}
	salesReturnOrders     = map[string]string{"DATE": "posting_date", "NUMBER": "number", "TOTAL": "total_amount"}
	// Needs are read joined to their order line and order.
	replenishmentNeedOrders = map[string]string{"CREATED_AT": "n.created_at", "QUANTITY": "n.quantity", "ORDER_NUMBER": "o.number"}
	// The journal is read as e; its field may be left out (by date).
	journalEntryOrders = map[string]string{"DATE": "e.posting_date", "VOUCHER_NO": "e.voucher_no"}
	stockMoveOrders    = map[string]string{"DATE": "posting_date", "QUANTITY": "quantity", "VALUE": "value"}
)
