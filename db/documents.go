package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// DocumentService implements jxc.DocumentService: documents found by their
// numbers, the lists of receipts, landed costs and stock documents, and
// the documents related to a page of others, each read at once.
type DocumentService struct{ db *DB }

// NewDocumentService returns the service.
func NewDocumentService(db *DB) *DocumentService { return &DocumentService{db: db} }

// numberColumns are the tables of the kinds a number finds and their
// number column (a journal entry's is its voucher number).
var numberColumns = map[jxc.RefKind][2]string{
	jxc.RefPurchaseOrder:   {"purchase_orders", "number"},
	jxc.RefGoodsReceipt:    {"goods_receipts", "number"},
	jxc.RefSupplierInvoice: {"supplier_invoices", "number"},
	jxc.RefSupplierPayment: {"supplier_payments", "number"},
	jxc.RefLandedCost:      {"landed_costs", "number"},
	jxc.RefOperatingCost:   {"operating_costs", "number"},
	jxc.RefStockDocument:   {"stock_documents", "number"},
	jxc.RefJournalEntry:    {"journal_entries", "voucher_no"},
	jxc.RefSalesOrder:      {"sales_orders", "number"},
	jxc.RefShipment:        {"shipments", "number"},
	jxc.RefSalesInvoice:    {"sales_invoices", "number"},
	jxc.RefCustomerPayment: {"customer_payments", "number"},
	jxc.RefSalesReturn:     {"sales_returns", "number"},
	jxc.RefCustomerRefund:  {"customer_refunds", "number"},
}

// IDByNumber implements jxc.DocumentNumbers.
func (s *DocumentService) IDByNumber(ctx context.Context, kind jxc.RefKind, number string) (int64, bool, error) {
	tc, ok := numberColumns[kind]
	if !ok {
		return 0, false, errors.New("no numbers for " + string(kind))
	}
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM `+tc[0]+` WHERE `+tc[1]+` = $1`, strings.TrimSpace(number))
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

var (
	goodsReceiptOrders  = map[string]string{"DATE": "receipt_date", "NUMBER": "number"}
	landedCostOrders    = map[string]string{"DATE": "posting_date", "NUMBER": "number", "AMOUNT": "amount"}
	stockDocumentOrders = map[string]string{"DATE": "posting_date", "NUMBER": "number", "KIND": "kind"}
)

// FindGoodsReceipts implements jxc.DocumentLists.
func (s *DocumentService) FindGoodsReceipts(ctx context.Context, f jxc.GoodsReceiptFilter, o *jxc.GoodsReceiptOrder, p jxc.PageArgs) (*jxc.Page[*jxc.GoodsReceipt], error) {
	var w where
	if f.PurchaseOrderID != nil {
		w.add(`purchase_order_id = %s`, *f.PurchaseOrderID)
	}
	if f.SupplierID != nil {
		w.add(`purchase_order_id IN (SELECT id FROM purchase_orders WHERE supplier_id = %s)`, *f.SupplierID)
	}
	if f.WarehouseID != nil {
		w.add(`warehouse_id = %s`, *f.WarehouseID)
	}
	if f.DateFrom != nil {
		w.add(`receipt_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`receipt_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(number ILIKE %[1]s OR notes ILIKE %[1]s OR purchase_order_id IN (SELECT o.id FROM purchase_orders o WHERE o.number ILIKE %[1]s
			OR o.supplier_id IN (SELECT id FROM suppliers WHERE code ILIKE %[1]s OR name ILIKE %[1]s)))`, likePattern(*f.Search))
	}
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.Page[*jxc.GoodsReceipt], error) {
		pg, err := page[int64](ctx, tx, p, "id", "goods_receipts", &w, orderBy(o, goodsReceiptOrders, "id", "receipt_date DESC, id DESC"))
		if err != nil {
			return nil, err
		}
		rs, err := loadReceipts(ctx, tx, `SELECT `+receiptCols+` FROM goods_receipts WHERE id = ANY($1)`, pq.Array(pg.Items))
		return inOrder(pg, rs, err, func(r *jxc.GoodsReceipt) int64 { return r.ID })
	})
}

// FindLandedCosts implements jxc.DocumentLists.
func (s *DocumentService) FindLandedCosts(ctx context.Context, f jxc.LandedCostFilter, o *jxc.LandedCostOrder, p jxc.PageArgs) (*jxc.Page[*jxc.LandedCost], error) {
	var w where
	anyOf(&w, "kind", f.Kinds)
	if f.ReceiptID != nil {
		w.add(`id IN (SELECT landed_cost_id FROM landed_cost_allocations WHERE receipt_id = %s)`, *f.ReceiptID)
	}
	if f.DateFrom != nil {
		w.add(`posting_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`posting_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(number ILIKE %[1]s OR description ILIKE %[1]s OR id IN (SELECT a.landed_cost_id FROM landed_cost_allocations a
			JOIN goods_receipts r ON r.id = a.receipt_id WHERE r.number ILIKE %[1]s))`, likePattern(*f.Search))
	}
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.Page[*jxc.LandedCost], error) {
		pg, err := page[int64](ctx, tx, p, "id", "landed_costs", &w, orderBy(o, landedCostOrders, "id", "posting_date DESC, id DESC"))
		if err != nil {
			return nil, err
		}
		m, err := landedCostNodes(ctx, tx, pg.Items)
		return fromNodes[*jxc.LandedCost](pg, m, err)
	})
}

// FindStockDocuments implements jxc.DocumentLists.
func (s *DocumentService) FindStockDocuments(ctx context.Context, f jxc.StockDocumentFilter, o *jxc.StockDocumentOrder, p jxc.PageArgs) (*jxc.Page[*jxc.StockDocument], error) {
	var w where
	anyOf(&w, "kind", f.Kinds)
	if f.Number != nil {
		w.add(`number = %s`, strings.TrimSpace(*f.Number))
	}
	if f.DateFrom != nil {
		w.add(`posting_date >= %s`, *f.DateFrom)
	}
	if f.DateTo != nil {
		w.add(`posting_date <= %s`, *f.DateTo)
	}
	if f.Search != nil && strings.TrimSpace(*f.Search) != "" {
		w.add(`(number ILIKE %[1]s OR description ILIKE %[1]s OR id IN (SELECT l.document_id FROM stock_document_lines l
			JOIN products p ON p.id = l.product_id WHERE p.sku ILIKE %[1]s OR p.name ILIKE %[1]s))`, likePattern(*f.Search))
	}
	return inSnapshot(ctx, s.db, func(tx *Tx) (*jxc.Page[*jxc.StockDocument], error) {
		pg, err := page[int64](ctx, tx, p, "id", "stock_documents", &w, orderBy(o, stockDocumentOrders, "id", "posting_date DESC, id DESC"))
		if err != nil {
			return nil, err
		}
		m, err := stockDocumentNodes(ctx, tx, pg.Items)
		return fromNodes[*jxc.StockDocument](pg, m, err)
	})
}

// FindLandedCostsByReceipt implements jxc.DocumentLists.
func (s *DocumentService) FindLandedCostsByReceipt(ctx context.Context, receiptIDs []int64) (map[int64][]*jxc.LandedCost, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (map[int64][]*jxc.LandedCost, error) {
		type pair struct {
			ReceiptID int64 `db:"receipt_id"`
			CostID    int64 `db:"landed_cost_id"`
		}
		var pairs []pair
		if err := tx.SelectContext(ctx, &pairs, `SELECT DISTINCT receipt_id, landed_cost_id FROM landed_cost_allocations
			WHERE receipt_id = ANY($1) ORDER BY receipt_id, landed_cost_id`, pq.Array(receiptIDs)); err != nil {
			return nil, err
		}
		m, err := landedCostNodes(ctx, tx, collect(pairs, func(p pair) int64 { return p.CostID }))
		if err != nil {
			return nil, err
		}
		out := make(map[int64][]*jxc.LandedCost, len(receiptIDs))
		for _, id := range receiptIDs {
			out[id] = []*jxc.LandedCost{}
		}
		for _, p := range pairs {
			if lc, ok := m[p.CostID].(*jxc.LandedCost); ok {
				out[p.ReceiptID] = append(out[p.ReceiptID], lc)
			}
		}
		return out, nil
	})
}

// FindSupplierInvoicesByOrder implements jxc.DocumentLists.
func (s *DocumentService) FindSupplierInvoicesByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*jxc.SupplierInvoice, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (map[int64][]*jxc.SupplierInvoice, error) {
		var rows []*invoiceRow
		if err := tx.SelectContext(ctx, &rows, `SELECT `+invoiceCols+` FROM supplier_invoices WHERE purchase_order_id = ANY($1)
			ORDER BY purchase_order_id, id`, pq.Array(orderIDs)); err != nil {
			return nil, err
		}
		is, err := loadInvoices(ctx, tx, rows)
		if err != nil {
			return nil, err
		}
		out := make(map[int64][]*jxc.SupplierInvoice, len(orderIDs))
		for _, id := range orderIDs {
			out[id] = []*jxc.SupplierInvoice{}
		}
		for _, i := range is {
			if i.PurchaseOrderID != nil {
				out[*i.PurchaseOrderID] = append(out[*i.PurchaseOrderID], i)
			}
		}
		return out, nil
	})
}

// FindSupplierPaymentsByInvoice implements jxc.DocumentLists.
func (s *DocumentService) FindSupplierPaymentsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*jxc.SupplierPayment, error) {
	return inSnapshot(ctx, s.db, func(tx *Tx) (map[int64][]*jxc.SupplierPayment, error) {
		type pair struct {
			InvoiceID int64 `db:"invoice_id"`
			PaymentID int64 `db:"payment_id"`
		}
		var pairs []pair
		if err := tx.SelectContext(ctx, &pairs, `SELECT invoice_id, payment_id FROM supplier_payment_allocations
			WHERE invoice_id = ANY($1) ORDER BY invoice_id, payment_date, payment_id`, pq.Array(invoiceIDs)); err != nil {
			return nil, err
		}
		var ps []*jxc.SupplierPayment
		if err := tx.SelectContext(ctx, &ps, `SELECT `+paymentCols+` FROM supplier_payments WHERE id = ANY($1)`,
			pq.Array(collect(pairs, func(p pair) int64 { return p.PaymentID }))); err != nil {
			return nil, err
		}
		if err := loadPayments(ctx, tx, ps); err != nil {
			return nil, err
		}
		by := byID(ps, func(p *jxc.SupplierPayment) int64 { return p.ID })
		out := make(map[int64][]*jxc.SupplierPayment, len(invoiceIDs))
		for _, id := range invoiceIDs {
			out[id] = []*jxc.SupplierPayment{}
		}
		for _, p := range pairs {
			if sp, ok := by[p.PaymentID].(*jxc.SupplierPayment); ok {
				out[p.InvoiceID] = append(out[p.InvoiceID], sp)
			}
		}
		return out, nil
	})
}

// inOrder puts the documents read for a page of ids in the page's order.
func inOrder[T any](pg *jxc.Page[int64], docs []T, err error, id func(T) int64) (*jxc.Page[T], error) {
	if err != nil {
		return nil, err
	}
	by := make(map[int64]T, len(docs))
	for _, d := range docs {
		by[id(d)] = d
	}
	out := &jxc.Page[T]{Items: make([]T, 0, len(pg.Items)), Offset: pg.Offset, TotalCount: pg.TotalCount}
	for _, i := range pg.Items {
		if d, ok := by[i]; ok {
			out.Items = append(out.Items, d)
		}
	}
	return out, nil
}

// fromNodes puts the documents of a node map in the page's order.
func fromNodes[T any](pg *jxc.Page[int64], m map[int64]any, err error) (*jxc.Page[T], error) {
	if err != nil {
		return nil, err
	}
	out := &jxc.Page[T]{Items: make([]T, 0, len(pg.Items)), Offset: pg.Offset, TotalCount: pg.TotalCount}
	for _, i := range pg.Items {
		if d, ok := m[i].(T); ok {
			out.Items = append(out.Items, d)
		}
	}
	return out, nil
}
