package jxc

import (
	"context"
	"slices"

	"github.com/shopspring/decimal"
)

// The workbench: each role's to-do list on its home page. A section is one
// kind of work (orders on credit hold, shipments to pick, invoices to
// match); each lists the records waiting on it, the oldest first, and how
// many there are in all.

// WorkbenchSectionKey names one section of the workbench.
type WorkbenchSectionKey string

// The sections, in the order a workbench lists them.
const (
	WorkbenchCreditHolds       WorkbenchSectionKey = "CREDIT_HOLDS"
	WorkbenchDraftOrders       WorkbenchSectionKey = "DRAFT_ORDERS"
	WorkbenchShortages         WorkbenchSectionKey = "SHORTAGES"
	WorkbenchDeliveriesDue     WorkbenchSectionKey = "DELIVERIES_DUE"
	WorkbenchShipmentsToPick   WorkbenchSectionKey = "SHIPMENTS_TO_PICK"
	WorkbenchReceiptsDue       WorkbenchSectionKey = "RECEIPTS_DUE"
	WorkbenchLowStock          WorkbenchSectionKey = "LOW_STOCK"
	WorkbenchSuggestions       WorkbenchSectionKey = "PURCHASE_SUGGESTIONS"
	WorkbenchOrdersToSubmit    WorkbenchSectionKey = "ORDERS_TO_SUBMIT"
	WorkbenchLateDeliveries    WorkbenchSectionKey = "LATE_DELIVERIES"
	WorkbenchPriceRises        WorkbenchSectionKey = "PRICE_RISES"
	WorkbenchInvoicesToMatch   WorkbenchSectionKey = "INVOICES_TO_MATCH"
	WorkbenchPaymentsDue       WorkbenchSectionKey = "PAYMENTS_DUE"
	WorkbenchHoldsToRelease    WorkbenchSectionKey = "HOLDS_TO_RELEASE"
	WorkbenchPeriodsToClose    WorkbenchSectionKey = "PERIODS_TO_CLOSE"
	WorkbenchBooksCheck        WorkbenchSectionKey = "BOOKS_CHECK"
	WorkbenchOrderApprovals    WorkbenchSectionKey = "ORDER_APPROVALS"
	WorkbenchBelowCostSales    WorkbenchSectionKey = "BELOW_COST_SALES"
	WorkbenchMismatchApprovals WorkbenchSectionKey = "MISMATCH_APPROVALS"
)

// workbenchRoles are the roles each section is for (ADMIN sees all). A
// section's figures follow the data classes: the sections of warehouse
// staff carry quantities only.
var workbenchRoles = []struct {
	Key   WorkbenchSectionKey
	Roles []Role
}{
	{WorkbenchCreditHolds, []Role{RoleSales}},
	{WorkbenchDraftOrders, []Role{RoleSales}},
	{WorkbenchShortages, []Role{RoleSales}},
	{WorkbenchDeliveriesDue, []Role{RoleSales}},
	{WorkbenchShipmentsToPick, []Role{RoleWarehouse}},
	{WorkbenchReceiptsDue, []Role{RoleWarehouse}},
	{WorkbenchLowStock, []Role{RoleWarehouse}},
	{WorkbenchSuggestions, []Role{RolePurchasing}},
	{WorkbenchOrdersToSubmit, []Role{RolePurchasing}},
	{WorkbenchLateDeliveries, []Role{RolePurchasing}},
	{WorkbenchPriceRises, []Role{RolePurchasing}},
	{WorkbenchInvoicesToMatch, []Role{RoleFinance}},
	{WorkbenchPaymentsDue, []Role{RoleFinance}},
	{WorkbenchHoldsToRelease, []Role{RoleFinance}},
	{WorkbenchPeriodsToClose, []Role{RoleFinance}},
	{WorkbenchBooksCheck, []Role{RoleFinance}},
	{WorkbenchOrderApprovals, []Role{RoleManager}},
	{WorkbenchBelowCostSales, []Role{RoleManager}},
	{WorkbenchMismatchApprovals, []Role{RoleManager}},
}

// WorkbenchSectionsFor lists the sections a user's workbench shows, in
// order: those of their roles (all for an admin; none for an analyst,
// whose home is the dashboard).
func WorkbenchSectionsFor(u *User) []WorkbenchSectionKey {
	var out []WorkbenchSectionKey
	for _, s := range workbenchRoles {
		if u.HasAnyRole(s.Roles...) {
			out = append(out, s.Key)
		}
	}
	return out
}

// WorkbenchSectionRoles returns the roles a section is for, ADMIN aside.
func WorkbenchSectionRoles(k WorkbenchSectionKey) []Role {
	for _, s := range workbenchRoles {
		if s.Key == k {
			return slices.Clone(s.Roles)
		}
	}
	return nil
}

// WorkbenchItemKind is what a to-do line is: a document (which opens by
// its number), a product's stock, a fiscal period or a books-check rule.
type WorkbenchItemKind string

// The kinds of to-do lines.
const (
	WorkbenchItemSalesOrder      WorkbenchItemKind = "SALES_ORDER"
	WorkbenchItemShipment        WorkbenchItemKind = "SHIPMENT"
	WorkbenchItemPurchaseOrder   WorkbenchItemKind = "PURCHASE_ORDER"
	WorkbenchItemSupplierInvoice WorkbenchItemKind = "SUPPLIER_INVOICE"
	WorkbenchItemProduct         WorkbenchItemKind = "PRODUCT"
	WorkbenchItemFiscalPeriod    WorkbenchItemKind = "FISCAL_PERIOD"
	WorkbenchItemBooksRule       WorkbenchItemKind = "BOOKS_RULE"
)

// WorkbenchItem is one line of a to-do list.
type WorkbenchItem struct {
	Kind WorkbenchItemKind
	// ID is the record's id (the document, product or rule) for the
	// screens that open records by id.
	ID string
	// Number is the business number (SO-000012, PO000003), the product's
	// SKU, the period (2026-03) or the rule.
	Number string
	// Partner is the customer or supplier ("C0003 name"); empty for none.
	Partner string
	// Title is the product or warehouse the line is about; empty for none.
	Title    string
	Date     *Date
	Quantity *decimal.Decimal
	// CustomerAmount is what the customer is billed (orders); SupplierAmount
	// what a supplier invoice leaves to pay; PurchaseAmount a purchase
	// order's net value. Each is set only on the lines it belongs to.
	CustomerAmount *decimal.Decimal
	SupplierAmount *decimal.Decimal
	PurchaseAmount *decimal.Decimal
	// Reason says why the line waits, rendered for each reader.
	Reason Text
}

// WorkbenchSection is one kind of work: how many records wait on it and
// the first of them.
type WorkbenchSection struct {
	Key   WorkbenchSectionKey
	Count int
	Items []*WorkbenchItem
}

// Workbench is a user's to-do list.
type Workbench struct {
	Sections []*WorkbenchSection
}

// WorkbenchService reads the signed-in user's workbench.
type WorkbenchService interface {
	// Workbench returns the sections of the user's roles, each with at
	// most limit items.
	Workbench(ctx context.Context, limit int) (*Workbench, error)
}

// WorkbenchLimit bounds the items of a section.
const WorkbenchLimit = 50
