// Package graph is the GraphQL layer: resolvers that translate input into one
// service call and the result into output, scalars, directives, the error
// presenter and the subscription broker. No SQL and no business rule here.
package graph

import (
	"context"
	"strconv"
	"time"

	"log/slog"

	"github.com/jxcgraph/jxc"
)

// Resolver holds the services the resolvers call.
type Resolver struct {
	UserService       jxc.UserService
	CatalogService    jxc.CatalogService
	StockService      jxc.StockService
	StockCountService jxc.StockCountService
	// TransferService keeps stock transfers between warehouses.
	TransferService jxc.StockTransferService
	// UnitService keeps products' units of measure.
	UnitService      jxc.UnitService
	LedgerService    jxc.LedgerService
	SalesService     jxc.SalesService
	PartnerService   jxc.PartnerService
	Live             jxc.LiveService
	KPIService       jxc.KPIService
	AnalyticsService jxc.AnalyticsService
	// Purchasing: procure to pay, budgets, operating costs and alerts.
	PurchasingService jxc.PurchasingService
	BudgetService     jxc.BudgetService
	// AuditService reads the audit trail every business write leaves.
	AuditService jxc.AuditService
	// RefService reads the records that bare ids refer to, a page at a time.
	RefService jxc.RefService
	// DocumentService finds documents by number and reads the document
	// lists and related documents of the document pages.
	DocumentService jxc.DocumentService
	// LedgerLines lists the journal line by line.
	LedgerLines jxc.LedgerLineService
	// ExportService keeps bulk export jobs and their files.
	ExportService jxc.ExportService
	// SettingsService keeps the company's separation-of-duties controls.
	SettingsService jxc.SettingsService
	// StatementService fills in the statutory statements and keeps their mapping.
	StatementService jxc.StatementService
	// VatService keeps invoices' Golden Tax fields and reports VAT.
	VatService jxc.VatService
	// WorkbenchService reads each role's to-do list.
	WorkbenchService jxc.WorkbenchService
	// ScrapService keeps scraps and finds slow movers.
	ScrapService jxc.ScrapService
	// BinService keeps stock by bin, putaway suggestions and bin moves.
	BinService jxc.BinService
	// BatchService keeps batches, their stock and traces.
	BatchService jxc.BatchService
	// DispatchService is pick, pack and dispatch.
	DispatchService jxc.DispatchService
	// SupplierReturns keeps returns to suppliers and their debit notes.
	SupplierReturns jxc.SupplierReturnService
	// Sockets follows the rights of open websockets and counts them per
	// user; without it the server refuses websockets.
	Sockets SocketStore
	// CostBuckets are the callers' query-cost buckets (cost.go); nil: no bucket.
	CostBuckets jxc.CostBucketService
	// MaxQueryCost overrides the per-operation cost limit (0: MaxQueryCost);
	// for tests that measure something else with large nested pages.
	MaxQueryCost int
	Log          *slog.Logger
}

// sessionTTL matches the server-side session lifetime.
const sessionTTL = 7 * 24 * time.Hour

// mustAuth returns the caller; requireSignIn has already refused anonymous
// callers for every non-public field.
func mustAuth(ctx context.Context) *jxc.Auth {
	a := jxc.AuthFromContext(ctx)
	if a == nil {
		panic("mustAuth on an anonymous request: requireSignIn did not run")
	}
	return a
}

// parseSeq reads a subscription's `after` argument.
func parseSeq(after *string) (int64, error) {
	if after == nil || *after == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(*after, 10, 64)
	if err != nil || n < 0 {
		return 0, jxc.FieldErrorf(jxc.EINVALID, "after", "after must be a sequence number received earlier, a whole number >= 0")
	}
	return n, nil
}
