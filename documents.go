package jxc

import "context"

// DocumentNumbers finds a document by the number people read: the record
// of a kind (RefPurchaseOrder, RefGoodsReceipt, ..., RefJournalEntry by
// voucher number) with exactly that number; ok is false when there is none.
type DocumentNumbers interface {
	IDByNumber(ctx context.Context, kind RefKind, number string) (id int64, ok bool, err error)
}

// GoodsReceiptFilter narrows the goods receipt list; empty fields do not filter.
type GoodsReceiptFilter struct {
	PurchaseOrderID *int64
	SupplierID      *int64
	WarehouseID     *int64
	DateFrom        *Date
	DateTo          *Date
	// Search is part of the receipt's or its order's number, the notes, or the supplier's code or name.
	Search *string
}

// GoodsReceiptOrderField is what the goods receipt list can be sorted by.
type GoodsReceiptOrderField string

// GoodsReceiptOrder sorts the goods receipt list.
type GoodsReceiptOrder struct {
	Field     GoodsReceiptOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *GoodsReceiptOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// LandedCostFilter narrows the landed cost list; empty fields do not filter.
type LandedCostFilter struct {
	Kinds     []LandedCostKind
	ReceiptID *int64
	DateFrom  *Date
	DateTo    *Date
	// Search is part of the number or description, or of a receipt's number it was spread over.
	Search *string
}

// LandedCostOrderField is what the landed cost list can be sorted by.
type LandedCostOrderField string

// LandedCostOrder sorts the landed cost list.
type LandedCostOrder struct {
	Field     LandedCostOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *LandedCostOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// StockDocumentFilter narrows the stock document list; empty fields do not filter.
type StockDocumentFilter struct {
	Kinds    []StockDocumentKind
	Number   *string
	DateFrom *Date
	DateTo   *Date
	// Search is part of the number or description, or of a product's SKU or name on it.
	Search *string
}

// StockDocumentOrderField is what the stock document list can be sorted by.
type StockDocumentOrderField string

// StockDocumentOrder sorts the stock document list.
type StockDocumentOrder struct {
	Field     StockDocumentOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *StockDocumentOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// DocumentLists are the lists and related documents of purchasing and
// stock documents the document pages read.
type DocumentLists interface {
	FindGoodsReceipts(ctx context.Context, f GoodsReceiptFilter, o *GoodsReceiptOrder, p PageArgs) (*Page[*GoodsReceipt], error)
	FindLandedCosts(ctx context.Context, f LandedCostFilter, o *LandedCostOrder, p PageArgs) (*Page[*LandedCost], error)
	FindStockDocuments(ctx context.Context, f StockDocumentFilter, o *StockDocumentOrder, p PageArgs) (*Page[*StockDocument], error)
	// FindLandedCostsByReceipt reads the landed costs of a page of receipts at once.
	FindLandedCostsByReceipt(ctx context.Context, receiptIDs []int64) (map[int64][]*LandedCost, error)
	// FindSupplierInvoicesByOrder reads the invoices of a page of orders at once.
	FindSupplierInvoicesByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*SupplierInvoice, error)
	// FindSupplierPaymentsByInvoice reads the payments of a page of invoices at once.
	FindSupplierPaymentsByInvoice(ctx context.Context, invoiceIDs []int64) (map[int64][]*SupplierPayment, error)
}

// DocumentService is what the document pages read besides each module's own service.
type DocumentService interface {
	DocumentNumbers
	DocumentLists
}
