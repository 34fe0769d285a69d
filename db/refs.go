package db

import (
	"context"
	"fmt"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// RefService implements jxc.RefService: the records a page of rows refers
// to by id, read for the whole page at once (WHERE id = ANY($1) and the
// fill of each kind), in one read-only snapshot.
type RefService struct{ db *DB }

// NewRefService returns the service.
func NewRefService(db *DB) *RefService { return &RefService{db: db} }

// Refs implements jxc.RefService.
func (s *RefService) Refs(ctx context.Context, kind jxc.RefKind, ids []int64) (map[int64]any, error) {
	if len(ids) == 0 {
		return map[int64]any{}, nil
	}
	return inSnapshot(ctx, s.db, func(tx *Tx) (map[int64]any, error) { return refs(ctx, tx, today(tx), kind, ids) })
}

func refs(ctx context.Context, q Queryer, asOf jxc.Date, kind jxc.RefKind, ids []int64) (map[int64]any, error) {
	arr := pq.Array(ids)
	switch kind {
	case jxc.RefJournalEntry:
		var es []*jxc.JournalEntry
		if err := q.SelectContext(ctx, &es, `SELECT `+entryCols+` FROM journal_entries e WHERE e.id = ANY($1)`, arr); err != nil {
			return nil, err
		}
		return byID(es, func(e *jxc.JournalEntry) int64 { return e.ID }), fillEntries(ctx, q, es)
	case jxc.RefUser:
		us, _, err := usersWithRoles(ctx, q, ids)
		return byID(us, func(u *jxc.User) int64 { return u.ID }), err
	case jxc.RefWarehouse:
		return anyMapErr(warehousesByID(ctx, q, ids))
	case jxc.RefProduct:
		return anyMapErr(productsByID(ctx, q, ids))
	case jxc.RefSupplier:
		return anyMapErr(suppliersByID(ctx, q, ids))
	case jxc.RefCustomer:
		return anyMapErr(customersByID(ctx, q, asOf, ids))
	case jxc.RefPurchaseOrder:
		os, err := loadOrders(ctx, q, `SELECT `+orderCols+` FROM purchase_orders WHERE id = ANY($1)`, arr)
		return byID(os, func(o *jxc.PurchaseOrder) int64 { return o.ID }), err
	case jxc.RefGoodsReceipt:
		rs, err := loadReceipts(ctx, q, `SELECT `+receiptCols+` FROM goods_receipts WHERE id = ANY($1)`, arr)
		return byID(rs, func(r *jxc.GoodsReceipt) int64 { return r.ID }), err
	case jxc.RefSupplierInvoice:
		var rows []*invoiceRow
		if err := q.SelectContext(ctx, &rows, `SELECT `+invoiceCols+` FROM supplier_invoices WHERE id = ANY($1)`, arr); err != nil {
			return nil, err
		}
		is, err := loadInvoices(ctx, q, rows)
		return byID(is, func(i *jxc.SupplierInvoice) int64 { return i.ID }), err
	case jxc.RefSupplierPayment:
		var ps []*jxc.SupplierPayment
		if err := q.SelectContext(ctx, &ps, `SELECT `+paymentCols+` FROM supplier_payments WHERE id = ANY($1)`, arr); err != nil {
			return nil, err
		}
		return byID(ps, func(p *jxc.SupplierPayment) int64 { return p.ID }), loadPayments(ctx, q, ps)
	case jxc.RefLandedCost:
		return landedCostNodes(ctx, q, ids)
	case jxc.RefOperatingCost:
		var rows []*operatingCostRow
		if err := q.SelectContext(ctx, &rows, `SELECT `+operatingCostCols+` FROM operating_costs WHERE id = ANY($1)`, arr); err != nil {
			return nil, err
		}
		out := make(map[int64]any, len(rows))
		for _, r := range rows {
			c := r.OperatingCost
			c.BudgetWarnings = nonNil([]string(r.Warnings))
			out[c.ID] = &c
		}
		return out, nil
	case jxc.RefSalesOrder:
		return salesRefs(ctx, q, asOf, salesOrderCols, "sales_orders", arr, fillSalesOrders, func(o *jxc.SalesOrder) int64 { return o.ID })
	case jxc.RefShipment:
		return salesRefs(ctx, q, asOf, shipmentCols, "shipments", arr, fillShipments, func(s *jxc.Shipment) int64 { return s.ID })
	case jxc.RefSalesInvoice:
		return salesRefs(ctx, q, asOf, salesInvoiceCols, "sales_invoices", arr, fillInvoices, func(i *jxc.SalesInvoice) int64 { return i.ID })
	case jxc.RefCustomerPayment:
		return salesRefs(ctx, q, asOf, customerPaymentCols, "customer_payments", arr, fillPayments, func(p *jxc.CustomerPayment) int64 { return p.ID })
	case jxc.RefSalesReturn:
		return salesRefs(ctx, q, asOf, salesReturnCols, "sales_returns", arr, fillReturns, func(r *jxc.SalesReturn) int64 { return r.ID })
	case jxc.RefCustomerRefund:
		var rs []*jxc.CustomerRefund
		err := q.SelectContext(ctx, &rs, `SELECT `+customerRefundCols+` FROM customer_refunds WHERE id = ANY($1)`, arr)
		return byID(rs, func(r *jxc.CustomerRefund) int64 { return r.ID }), err
	case jxc.RefStockDocument:
		return stockDocumentNodes(ctx, q, ids)
	case jxc.RefPurchaseOrderLine:
		return lineRefs(ctx, q, orderLineCols, "purchase_order_lines", arr, func(l *jxc.PurchaseOrderLine) (int64, int64, **jxc.Product) {
			return l.ID, l.ProductID, &l.Product
		})
	case jxc.RefSalesOrderLine:
		return lineRefs(ctx, q, salesOrderLineCols, "sales_order_lines", arr, func(l *jxc.SalesOrderLine) (int64, int64, **jxc.Product) {
			return l.ID, l.ProductID, &l.Product
		})
	case jxc.RefShipmentLine:
		return lineRefs(ctx, q, shipmentLineCols, "shipment_lines", arr, func(l *jxc.ShipmentLine) (int64, int64, **jxc.Product) {
			return l.ID, l.ProductID, &l.Product
		})
	case jxc.RefBudgetLine:
		var ls []*jxc.BudgetLine
		if err := q.SelectContext(ctx, &ls, budgetConsumption+` WHERE b.id = ANY($1) GROUP BY b.id`, arr); err != nil {
			return nil, err
		}
		return byID(ls, func(l *jxc.BudgetLine) int64 { return l.ID }), fillBudgetLines(ctx, q, ls)
	case jxc.RefLocation:
		var ls []*jxc.Location
		err := q.SelectContext(ctx, &ls, `SELECT `+locationCols+` FROM locations WHERE id = ANY($1)`, arr)
		return byID(ls, func(l *jxc.Location) int64 { return l.ID }), err
	}
	if kind == jxc.RefStockTransfer {
		ts, err := loadTransfers(ctx, q, `SELECT `+transferCols+` FROM stock_transfers t WHERE t.id = ANY($1)`, arr)
		return byID(ts, func(t *jxc.StockTransfer) int64 { return t.ID }), err
	}
	return nil, fmt.Errorf("refs: unknown kind %q", kind)
}

// salesRefs reads sales documents by id and fills them as of asOf.
func salesRefs[T any](ctx context.Context, q Queryer, asOf jxc.Date, cols, table string, ids any, fill salesFill[T], id func(T) int64) (map[int64]any, error) {
	var rows []T
	if err := q.SelectContext(ctx, &rows, `SELECT `+cols+` FROM `+table+` WHERE id = ANY($1)`, ids); err != nil {
		return nil, err
	}
	if err := fill(ctx, q, asOf, rows); err != nil {
		return nil, err
	}
	return byID(rows, id), nil
}

// lineRefs reads document lines by id with their products.
func lineRefs[T any](ctx context.Context, q Queryer, cols, table string, ids any, of func(T) (int64, int64, **jxc.Product)) (map[int64]any, error) {
	var rows []T
	if err := q.SelectContext(ctx, &rows, `SELECT `+cols+` FROM `+table+` WHERE id = ANY($1)`, ids); err != nil {
		return nil, err
	}
	if err := fillRowProducts(ctx, q, rows, func(r T) (int64, **jxc.Product) { _, pid, p := of(r); return pid, p }); err != nil {
		return nil, err
	}
	return byID(rows, func(r T) int64 { id, _, _ := of(r); return id }), nil
}

// anyMapErr is anyMap (node.go) over a finder's map and error.
func anyMapErr[T any](m map[int64]T, err error) (map[int64]any, error) {
	return anyMap(m), err
}

// ProductStock implements jxc.RefService: the balances of the products
// (in one warehouse when asked), by warehouse code, read in one statement
// with their products and warehouses.
func (s *RefService) ProductStock(ctx context.Context, productIDs []int64, warehouseID *int64) (map[int64]*jxc.ProductStock, error) {
	out := make(map[int64]*jxc.ProductStock, len(productIDs))
	for _, id := range productIDs {
		out[id] = &jxc.ProductStock{Levels: []*jxc.StockLevel{}}
	}
	if len(productIDs) == 0 {
		return out, nil
	}
	w := where{}
	w.add(`b.product_id = ANY(%s)`, pq.Array(productIDs))
	if warehouseID != nil {
		w.add(`b.warehouse_id = %s`, *warehouseID)
	}
	var ls []*jxc.StockLevel
	if err := s.db.SelectContext(ctx, &ls, `SELECT b.product_id, b.warehouse_id, b.on_hand, b.reserved, b.value
		FROM stock_balances b JOIN warehouses wh ON wh.id = b.warehouse_id`+w.sql()+` ORDER BY b.product_id, wh.code`, w.args...); err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, l := range ls {
		r.want(l.ProductID, l.WarehouseID, nil)
	}
	if err := r.load(ctx, s.db); err != nil {
		return nil, err
	}
	for _, l := range ls {
		l.Product, l.Warehouse, _ = r.get(l.ProductID, l.WarehouseID, nil)
		st := out[l.ProductID]
		st.Levels = append(st.Levels, l)
		st.OnHand, st.Reserved, st.Value = st.OnHand.Add(l.OnHand), st.Reserved.Add(l.Reserved), st.Value.Add(l.Value)
	}
	return out, nil
}
