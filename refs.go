package jxc

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// RefKind names a kind of record another record refers to by id: the
// object a bare id of the graph resolves to (Shipment.invoiceId →
// Shipment.invoice).
type RefKind string

const (
	RefJournalEntry    RefKind = "JOURNAL_ENTRY"
	RefUser            RefKind = "USER"
	RefWarehouse       RefKind = "WAREHOUSE"
	RefProduct         RefKind = "PRODUCT"
	RefSupplier        RefKind = "SUPPLIER"
	RefCustomer        RefKind = "CUSTOMER"
	RefPurchaseOrder   RefKind = "PURCHASE_ORDER"
	RefGoodsReceipt    RefKind = "GOODS_RECEIPT"
	RefSupplierInvoice RefKind = "SUPPLIER_INVOICE"
	RefSupplierPayment RefKind = "SUPPLIER_PAYMENT"
	RefLandedCost      RefKind = "LANDED_COST"
	RefOperatingCost   RefKind = "OPERATING_COST"
	RefSalesOrder      RefKind = "SALES_ORDER"
	RefShipment        RefKind = "SHIPMENT"
	RefSalesInvoice    RefKind = "SALES_INVOICE"
	RefCustomerPayment RefKind = "CUSTOMER_PAYMENT"
	RefSalesReturn     RefKind = "SALES_RETURN"
	RefCustomerRefund  RefKind = "CUSTOMER_REFUND"
	RefStockDocument   RefKind = "STOCK_DOCUMENT"
	RefStockTransfer   RefKind = "STOCK_TRANSFER"
	// Lines and bins referred to by id.
	RefPurchaseOrderLine RefKind = "PURCHASE_ORDER_LINE"
	RefSalesOrderLine    RefKind = "SALES_ORDER_LINE"
	RefShipmentLine      RefKind = "SHIPMENT_LINE"
	RefLocation          RefKind = "LOCATION"
	RefBudgetLine        RefKind = "BUDGET_LINE"
)

// SourceRef is the kind of record a posting's source type names, and
// whether it names one (a manual entry is its own document).
func SourceRef(t SourceType) (RefKind, bool) {
	switch t {
	case SourceOpeningStock, SourceStockAdjustment:
		return RefStockDocument, true
	case SourceReversal, SourceClosing:
		return RefJournalEntry, true
	case SourcePurchaseReceipt:
		return RefGoodsReceipt, true
	case SourceSupplierInvoice:
		return RefSupplierInvoice, true
	case SourceSupplierPayment:
		return RefSupplierPayment, true
	case SourceLandedCost:
		return RefLandedCost, true
	case SourceOperatingCost:
		return RefOperatingCost, true
	case SourceShipment:
		return RefShipment, true
	case SourceSalesInvoice:
		return RefSalesInvoice, true
	case SourceCustomerPayment, SourceCreditApplied:
		return RefCustomerPayment, true
	case SourceSalesReturn:
		return RefSalesReturn, true
	case SourceCustomerRefund:
		return RefCustomerRefund, true
	case SourceStockTransfer:
		return RefStockTransfer, true
	}
	return "", false
}

// RefService reads the records of one kind by their ids, for many ids at
// once (a page of rows that each refer to one): a fixed number of
// statements per kind, whatever the number of ids. Ids with no record are
// absent from the map. The values are *Kind (*JournalEntry, *User, ...).
type RefService interface {
	Refs(ctx context.Context, kind RefKind, ids []int64) (map[int64]any, error)
	ProductStocks
}

// PostingDocument is a business document that posts entries and moves:
// one of *GoodsReceipt, *SupplierInvoice, *SupplierPayment, *LandedCost,
// *OperatingCost, *Shipment, *SalesInvoice, *CustomerPayment,
// *SalesReturn, *CustomerRefund, *StockDocument, *JournalEntry,
// *StockTransfer.
type PostingDocument any

// ProductStock is a product's stock: its balance in each warehouse (or in
// the one asked for) and their totals.
type ProductStock struct {
	Levels   []*StockLevel
	OnHand   decimal.Decimal
	Reserved decimal.Decimal
	Value    decimal.Decimal
}

// Available is on hand less reserved.
func (s *ProductStock) Available() decimal.Decimal { return s.OnHand.Sub(s.Reserved) }

// ProductStocks reads the stock of many products at once (optionally in one
// warehouse); every product asked for has one, empty without stock.
type ProductStocks interface {
	ProductStock(ctx context.Context, productIDs []int64, warehouseID *int64) (map[int64]*ProductStock, error)
}

// Ref names one record: its kind and id.
type Ref struct {
	Kind RefKind
	ID   int64
}

// alertSubjectKinds are the record kinds an alert's subject names
// ("product:12/warehouse:3", "budgetLine:5", "supplier:2/product:7").
var alertSubjectKinds = map[string]RefKind{"product": RefProduct, "warehouse": RefWarehouse, "supplier": RefSupplier, "budgetLine": RefBudgetLine}

// SubjectRefs are the records an alert is about: those its subject names,
// and for an alert about an order (a credit hold, a shortage) the order
// and its customer from the payload.
func (a *Alert) SubjectRefs() []Ref {
	var out []Ref
	for _, part := range strings.Split(a.Subject, "/") {
		k, v, ok := strings.Cut(part, ":")
		id, err := strconv.ParseInt(v, 10, 64)
		if kind, known := alertSubjectKinds[k]; ok && known && err == nil {
			out = append(out, Ref{kind, id})
		}
	}
	var p struct {
		OrderID    string `json:"orderId"`
		CustomerID string `json:"customerId"`
	}
	if len(out) == 0 && json.Unmarshal(a.Payload, &p) == nil {
		if id, err := strconv.ParseInt(p.OrderID, 10, 64); err == nil {
			out = append(out, Ref{RefSalesOrder, id})
		}
		if id, err := strconv.ParseInt(p.CustomerID, 10, 64); err == nil {
			out = append(out, Ref{RefCustomer, id})
		}
	}
	return out
}

// AlertSubject is a record an alert is about: *Product, *Warehouse,
// *Supplier, *BudgetLine, *SalesOrder or *Customer.
type AlertSubject any
