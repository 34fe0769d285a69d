package db

import (
	"context"
	"slices"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// The services' jxc.NodeFinder: the records of one type by their ids, read
// at once for the node and nodes queries, with what they refer to filled
// as the type's own find by id fills it.

var (
	_ jxc.NodeFinder = (*SalesService)(nil)
	_ jxc.NodeFinder = (*PurchasingService)(nil)
	_ jxc.NodeFinder = (*CatalogService)(nil)
	_ jxc.NodeFinder = (*LedgerService)(nil)
	_ jxc.NodeFinder = (*BudgetService)(nil)
	_ jxc.NodeFinder = (*StockService)(nil)
	_ jxc.NodeFinder = (*UserService)(nil)
)

// byID returns rows by the id of each.
func byID[T any](rows []T, id func(T) int64) map[int64]any {
	out := make(map[int64]any, len(rows))
	for _, r := range rows {
		out[id(r)] = r
	}
	return out
}

// salesNodes reads the sales documents of table with the ids in one
// snapshot and fills them as of its day.
func salesNodes[T any](ctx context.Context, db *DB, cols, table string, ids []int64, fill salesFill[T], id func(T) int64) (map[int64]any, error) {
	return inSnapshot(ctx, db, func(tx *Tx) (map[int64]any, error) {
		var rows []T
		if err := tx.SelectContext(ctx, &rows, `SELECT `+cols+` FROM `+table+` WHERE id = ANY($1) ORDER BY id`, pq.Array(ids)); err != nil {
			return nil, err
		}
		if err := fill(ctx, tx, today(tx), rows); err != nil {
			return nil, err
		}
		return byID(rows, id), nil
	})
}

// FindNodes implements jxc.NodeFinder for customers and sales documents.
func (s *SalesService) FindNodes(ctx context.Context, typename string, ids []int64) (map[int64]any, bool, error) {
	var out map[int64]any
	var err error
	switch typename {
	case "Customer":
		var cs []*jxc.Customer
		err = s.db.SelectContext(ctx, &cs, `SELECT `+customerCols+` FROM customers c WHERE c.id = ANY($2)`, jxc.Today(s.db.Now()), pq.Array(ids))
		out = byID(cs, func(c *jxc.Customer) int64 { return c.ID })
	case "SalesOrder":
		out, err = salesNodes(ctx, s.db, salesOrderCols, "sales_orders", ids, fillSalesOrders, func(o *jxc.SalesOrder) int64 { return o.ID })
	case "Shipment":
		out, err = salesNodes(ctx, s.db, shipmentCols, "shipments", ids, fillShipments, func(o *jxc.Shipment) int64 { return o.ID })
	case "SalesInvoice":
		out, err = salesNodes(ctx, s.db, salesInvoiceCols, "sales_invoices", ids, fillInvoices, func(o *jxc.SalesInvoice) int64 { return o.ID })
	case "CustomerPayment":
		out, err = salesNodes(ctx, s.db, customerPaymentCols, "customer_payments", ids, fillPayments, func(o *jxc.CustomerPayment) int64 { return o.ID })
	case "SalesReturn":
		out, err = salesNodes(ctx, s.db, salesReturnCols, "sales_returns", ids, fillReturns, func(o *jxc.SalesReturn) int64 { return o.ID })
	default:
		return nil, false, nil
	}
	return out, true, err
}

// FindNodes implements jxc.NodeFinder for suppliers and purchasing documents.
func (s *PurchasingService) FindNodes(ctx context.Context, typename string, ids []int64) (map[int64]any, bool, error) {
	arg := pq.Array(ids)
	var read func(tx *Tx) (map[int64]any, error)
	switch typename {
	case "Supplier":
		read = func(tx *Tx) (map[int64]any, error) {
			ss, err := loadSuppliers(ctx, tx, `SELECT `+supplierCols+` FROM suppliers WHERE id = ANY($1)`, arg)
			return byID(ss, func(s *jxc.Supplier) int64 { return s.ID }), err
		}
	case "PurchaseOrder":
		read = func(tx *Tx) (map[int64]any, error) {
			os, err := loadOrders(ctx, tx, `SELECT `+orderCols+` FROM purchase_orders WHERE id = ANY($1)`, arg)
			return byID(os, func(o *jxc.PurchaseOrder) int64 { return o.ID }), err
		}
	case "GoodsReceipt":
		read = func(tx *Tx) (map[int64]any, error) {
			rs, err := loadReceipts(ctx, tx, `SELECT `+receiptCols+` FROM goods_receipts WHERE id = ANY($1)`, arg)
			return byID(rs, func(r *jxc.GoodsReceipt) int64 { return r.ID }), err
		}
	case "SupplierInvoice":
		read = func(tx *Tx) (map[int64]any, error) {
			var rows []*invoiceRow
			if err := tx.SelectContext(ctx, &rows, `SELECT `+invoiceCols+` FROM supplier_invoices WHERE id = ANY($1)`, arg); err != nil {
				return nil, err
			}
			is, err := loadInvoices(ctx, tx, rows)
			return byID(is, func(i *jxc.SupplierInvoice) int64 { return i.ID }), err
		}
	case "SupplierPayment":
		read = func(tx *Tx) (map[int64]any, error) {
			var ps []*jxc.SupplierPayment
			if err := tx.SelectContext(ctx, &ps, `SELECT `+paymentCols+` FROM supplier_payments WHERE id = ANY($1)`, arg); err != nil {
				return nil, err
			}
			return byID(ps, func(p *jxc.SupplierPayment) int64 { return p.ID }), loadPayments(ctx, tx, ps)
		}
	case "LandedCost":
		read = func(tx *Tx) (map[int64]any, error) { return landedCostNodes(ctx, tx, ids) }
	default:
		return nil, false, nil
	}
	out, err := inSnapshot(ctx, s.db, read)
	return out, true, err
}

// FindNodes implements jxc.NodeFinder for products, warehouses and categories.
func (s *CatalogService) FindNodes(ctx context.Context, typename string, ids []int64) (map[int64]any, bool, error) {
	switch typename {
	case "Product":
		ps, err := productsByID(ctx, s.db, ids)
		return anyMap(ps), true, err
	case "Warehouse":
		ws, err := warehousesByID(ctx, s.db, ids)
		return anyMap(ws), true, err
	case "Category":
		var cs []*jxc.Category
		err := s.db.SelectContext(ctx, &cs, `SELECT `+categoryCols+` FROM categories WHERE id = ANY($1)`, pq.Array(ids))
		return byID(cs, func(c *jxc.Category) int64 { return c.ID }), true, err
	}
	return nil, false, nil
}

// FindNodes implements jxc.NodeFinder for journal entries.
func (s *LedgerService) FindNodes(ctx context.Context, typename string, ids []int64) (map[int64]any, bool, error) {
	if typename != "JournalEntry" {
		return nil, false, nil
	}
	out, err := inSnapshot(ctx, s.db, func(tx *Tx) (map[int64]any, error) {
		var es []*jxc.JournalEntry
		if err := tx.SelectContext(ctx, &es, `SELECT `+entryCols+` FROM journal_entries e WHERE e.id = ANY($1)`, pq.Array(ids)); err != nil {
			return nil, err
		}
		return byID(es, func(e *jxc.JournalEntry) int64 { return e.ID }), fillEntries(ctx, tx, es)
	})
	return out, true, err
}

// FindNodes implements jxc.NodeFinder for budget lines, operating costs
// and alerts (only those addressed to the signed-in user, as in alerts).
func (s *BudgetService) FindNodes(ctx context.Context, typename string, ids []int64) (map[int64]any, bool, error) {
	switch typename {
	case "BudgetLine":
		var ls []*jxc.BudgetLine
		if err := s.db.SelectContext(ctx, &ls, budgetConsumption+` WHERE b.id = ANY($1) GROUP BY b.id`, pq.Array(ids)); err != nil {
			return nil, true, err
		}
		return byID(ls, func(l *jxc.BudgetLine) int64 { return l.ID }), true, fillBudgetLines(ctx, s.db, ls)
	case "OperatingCost":
		var rows []*operatingCostRow
		if err := s.db.SelectContext(ctx, &rows, `SELECT `+operatingCostCols+` FROM operating_costs WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
			return nil, true, err
		}
		out := make(map[int64]any, len(rows))
		for _, r := range rows {
			c := r.OperatingCost
			c.BudgetWarnings = nonNil([]string(r.Warnings))
			out[c.ID] = &c
		}
		return out, true, nil
	case "Alert":
		w := where{args: []any{pq.Array(ids)}, conds: []string{"id = ANY($1)"}}
		addressedTo(ctx, &w)
		var as []*jxc.Alert
		if err := s.db.SelectContext(ctx, &as, `SELECT `+alertCols+` FROM alerts`+w.sql(), w.args...); err != nil {
			return nil, true, err
		}
		return byID(as, func(a *jxc.Alert) int64 { return a.ID }), true, nil
	}
	return nil, false, nil
}

// FindNodes implements jxc.NodeFinder for stock documents (with their
// lines, in one snapshot).
func (s *StockService) FindNodes(ctx context.Context, typename string, ids []int64) (map[int64]any, bool, error) {
	if typename != "StockDocument" {
		return nil, false, nil
	}
	out, err := inSnapshot(ctx, s.db, func(tx *Tx) (map[int64]any, error) { return stockDocumentNodes(ctx, tx, ids) })
	return out, true, err
}

// documentLineRow is a stock document's line with its document.
type documentLineRow struct {
	DocumentID int64 `db:"document_id"`
	jxc.StockDocumentLine
}

// allocationRow is a landed cost's allocation with its landed cost.
type allocationRow struct {
	LandedCostID int64 `db:"landed_cost_id"`
	jxc.LandedCostAllocation
}

// stockDocumentNodes reads stock documents as findStockDocument does,
// every document's lines and references at once.
func stockDocumentNodes(ctx context.Context, q Queryer, ids []int64) (map[int64]any, error) {
	var ds []*jxc.StockDocument
	if err := q.SelectContext(ctx, &ds, `SELECT id, number, kind, posting_date, description, journal_entry_id, created_by, created_at,
		(SELECT v.voucher_no FROM journal_entries v WHERE v.id = d.journal_entry_id) AS voucher_no FROM stock_documents d WHERE id = ANY($1)`,
		pq.Array(ids)); err != nil {
		return nil, err
	}
	by := map[int64]*jxc.StockDocument{}
	for _, d := range ds {
		d.Lines = []*jxc.StockDocumentLine{}
		by[d.ID] = d
	}
	var lines []*documentLineRow
	if err := q.SelectContext(ctx, &lines, `SELECT document_id, line_no, product_id, warehouse_id, location_id, quantity, unit_cost, value
		FROM stock_document_lines WHERE document_id = ANY($1) ORDER BY document_id, line_no`, pq.Array(ids)); err != nil {
		return nil, err
	}
	r := refLoader{}
	for _, l := range lines {
		r.want(l.ProductID, l.WarehouseID, l.LocationID)
	}
	if err := r.load(ctx, q); err != nil {
		return nil, err
	}
	for _, l := range lines {
		line := &l.StockDocumentLine
		line.Product, line.Warehouse, line.Location = r.get(l.ProductID, l.WarehouseID, l.LocationID)
		if d := by[l.DocumentID]; d != nil {
			d.Lines = append(d.Lines, line)
		}
	}
	return byID(ds, func(d *jxc.StockDocument) int64 { return d.ID }), nil
}

// landedCostNodes reads landed costs as findLandedCost does, every
// cost's allocations and their products at once.
func landedCostNodes(ctx context.Context, q Queryer, ids []int64) (map[int64]any, error) {
	var lcs []*jxc.LandedCost
	if err := q.SelectContext(ctx, &lcs, `SELECT id, number, kind, basis, posting_date, amount, description, supplier_invoice_id, journal_entry_id, created_at,
		(SELECT v.voucher_no FROM journal_entries v WHERE v.id = landed_costs.journal_entry_id) AS voucher_no
		FROM landed_costs WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	by := map[int64]*jxc.LandedCost{}
	for _, lc := range lcs {
		lc.Allocations = []*jxc.LandedCostAllocation{}
		by[lc.ID] = lc
	}
	var allocs []*allocationRow
	if err := q.SelectContext(ctx, &allocs, `SELECT a.landed_cost_id, a.receipt_id, r.number AS receipt_number, a.line_no, a.product_id,
		a.warehouse_id, a.amount, a.on_hand_amount, a.sold_amount
		FROM landed_cost_allocations a JOIN goods_receipts r ON r.id = a.receipt_id
		WHERE a.landed_cost_id = ANY($1) ORDER BY a.landed_cost_id, a.receipt_id, a.line_no`, pq.Array(ids)); err != nil {
		return nil, err
	}
	products, err := productsByID(ctx, q, collect(allocs, func(a *allocationRow) int64 { return a.ProductID }))
	if err != nil {
		return nil, err
	}
	for _, a := range allocs {
		alloc := &a.LandedCostAllocation
		alloc.Product = products[a.ProductID]
		if lc := by[a.LandedCostID]; lc != nil {
			lc.Allocations = append(lc.Allocations, alloc)
		}
	}
	return byID(lcs, func(lc *jxc.LandedCost) int64 { return lc.ID }), nil
}

// FindNodes implements jxc.NodeFinder for users (with their roles).
func (s *UserService) FindNodes(ctx context.Context, typename string, ids []int64) (map[int64]any, bool, error) {
	if typename != "User" {
		return nil, false, nil
	}
	users, _, err := usersWithRoles(ctx, s.db, ids)
	return byID(users, func(u *jxc.User) int64 { return u.ID }), true, err
}

func anyMap[T any](m map[int64]T) map[int64]any {
	out := make(map[int64]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

var _ jxc.KeyedNodeFinder = (*LedgerService)(nil)

// FindKeyedNodes implements jxc.KeyedNodeFinder for accounts by code,
// with their balances as of today (as accounts reads them).
func (s *LedgerService) FindKeyedNodes(ctx context.Context, typename string, codes []string) (map[string]any, bool, error) {
	if typename != "Account" {
		return nil, false, nil
	}
	all, err := s.FindAccounts(ctx, jxc.AccountFilter{}, jxc.Today(s.db.Now()))
	if err != nil {
		return nil, true, err
	}
	out := map[string]any{}
	for _, a := range all {
		if slices.Contains(codes, a.Code) {
			out[a.Code] = a
		}
	}
	return out, true, nil
}
