package jxc

// Sorter is a list's orderBy argument as a service reads it: the value of
// the list's <X>OrderField enum and the direction. ok is false when the
// caller gave no order (the list's own default applies).
type Sorter interface {
	SortBy() (field string, dir SortDirection, ok bool)
}

// SortKey is a Sorter as a comparable value (a nested list's loader key).
type SortKey struct {
	Field     string
	Direction SortDirection
}

// SortBy implements Sorter.
func (k SortKey) SortBy() (string, SortDirection, bool) { return k.Field, k.Direction, k.Field != "" }

// SortKeyOf returns o as a comparable key; the zero key when o gives no order.
func SortKeyOf(o Sorter) SortKey {
	if o == nil {
		return SortKey{}
	}
	f, d, ok := o.SortBy()
	if !ok {
		return SortKey{}
	}
	return SortKey{Field: f, Direction: d}
}

// AlertOrderField is what the alert list can be sorted by.
type AlertOrderField string

// AlertOrder sorts the alert list.
type AlertOrder struct {
	Field     AlertOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *AlertOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// AuditEntryOrderField is what the audit trail can be sorted by.
type AuditEntryOrderField string

// AuditEntryOrder sorts the audit trail.
type AuditEntryOrder struct {
	Field     AuditEntryOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *AuditEntryOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// BudgetLineOrderField is what the budget lines can be sorted by.
type BudgetLineOrderField string

// BudgetLineOrder sorts the budget lines.
type BudgetLineOrder struct {
	Field     BudgetLineOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *BudgetLineOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// OperatingCostOrderField is what the operating costs can be sorted by.
type OperatingCostOrderField string

// OperatingCostOrder sorts the operating costs.
type OperatingCostOrder struct {
	Field     OperatingCostOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *OperatingCostOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// SupplierOrderField is what the supplier list can be sorted by.
type SupplierOrderField string

// SupplierOrder sorts the supplier list.
type SupplierOrder struct {
	Field     SupplierOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *SupplierOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// PurchaseOrderOrderField is what the purchase order list can be sorted by.
type PurchaseOrderOrderField string

// PurchaseOrderOrder sorts the purchase order list.
type PurchaseOrderOrder struct {
	Field     PurchaseOrderOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *PurchaseOrderOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// SupplierInvoiceOrderField is what the supplier invoice list can be sorted by.
type SupplierInvoiceOrderField string

// SupplierInvoiceOrder sorts the supplier invoice list.
type SupplierInvoiceOrder struct {
	Field     SupplierInvoiceOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *SupplierInvoiceOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// SupplierPaymentOrderField is what the supplier payment list can be sorted by.
type SupplierPaymentOrderField string

// SupplierPaymentOrder sorts the supplier payment list.
type SupplierPaymentOrder struct {
	Field     SupplierPaymentOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *SupplierPaymentOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// SalesOrderOrderField is what the sales order list can be sorted by.
type SalesOrderOrderField string

// SalesOrderOrder sorts the sales order list.
type SalesOrderOrder struct {
	Field     SalesOrderOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *SalesOrderOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// ShipmentOrderField is what the shipment list can be sorted by.
type ShipmentOrderField string

// ShipmentOrder sorts the shipment list.
type ShipmentOrder struct {
	Field     ShipmentOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *ShipmentOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// SalesInvoiceOrderField is what the sales invoice list can be sorted by.
type SalesInvoiceOrderField string

// SalesInvoiceOrder sorts the sales invoice list.
type SalesInvoiceOrder struct {
	Field     SalesInvoiceOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *SalesInvoiceOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// CustomerPaymentOrderField is what the customer payment list can be sorted by.
type CustomerPaymentOrderField string

// CustomerPaymentOrder sorts the customer payment list.
type CustomerPaymentOrder struct {
	Field     CustomerPaymentOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *CustomerPaymentOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// SalesReturnOrderField is what the sales return list can be sorted by.
type SalesReturnOrderField string

// SalesReturnOrder sorts the sales return list.
type SalesReturnOrder struct {
	Field     SalesReturnOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *SalesReturnOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// ReplenishmentNeedOrderField is what the replenishment needs can be sorted by.
type ReplenishmentNeedOrderField string

// ReplenishmentNeedOrder sorts the replenishment needs.
type ReplenishmentNeedOrder struct {
	Field     ReplenishmentNeedOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *ReplenishmentNeedOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}
