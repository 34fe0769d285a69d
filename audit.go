package jxc

import (
	"context"
	"time"
)

// Op names one business write for the one write path (db.Write): the
// operation, the caller's idempotency key and the input the key guards.
type Op struct {
	// Name is the operation, the name of the mutation: "createSalesOrder".
	// A GraphQL call names it in the context (WithOperation); that name
	// wins, so that deactivateProduct is recorded as such and not as the
	// updateProduct service it uses.
	Name string
	// Key is the caller's idempotency key; nil when none was sent.
	Key *string
	// Input is what the caller sent; its hash is kept with the key, and the
	// same key with another input is refused (EKEYREUSED).
	Input any
}

type operationKey struct{}

// WithOperation returns a context that names the operation being served.
func WithOperation(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, operationKey{}, name)
}

// OperationFromContext returns the operation named by WithOperation, or "".
func OperationFromContext(ctx context.Context) string {
	s, _ := ctx.Value(operationKey{}).(string)
	return s
}

// Audit actions: what a write did to a record (AuditEntry.Action).
const (
	AuditCreate      = "create"
	AuditUpdate      = "update"
	AuditPost        = "post"
	AuditReverse     = "reverse"
	AuditCancel      = "cancel"
	AuditClose       = "close"
	AuditReopen      = "reopen"
	AuditApprove     = "approve"
	AuditSubmit      = "submit"
	AuditConfirm     = "confirm"
	AuditRelease     = "release"
	AuditReserve     = "reserve"
	AuditShip        = "ship"
	AuditDeliver     = "deliver"
	AuditApply       = "apply"
	AuditRefund      = "refund"
	AuditRevoke      = "revoke"
	AuditAcknowledge = "acknowledge"
	AuditRaise       = "raise"
	AuditCheck       = "check"
	AuditSetPassword = "setPassword"
	AuditClear       = "clear"
)

// Audit record types: the kinds of record an audit row names.
const (
	RecordUser               = "user"
	RecordAPIToken           = "apiToken"
	RecordSignInLockout      = "signInLockout"
	RecordCategory           = "category"
	RecordProduct            = "product"
	RecordWarehouse          = "warehouse"
	RecordLocation           = "location"
	RecordStockDocument      = "stockDocument"
	RecordAccount            = "account"
	RecordJournalEntry       = "journalEntry"
	RecordFiscalPeriod       = "fiscalPeriod"
	RecordPostingWindow      = "postingWindow"
	RecordCustomer           = "customer"
	RecordSalesOrder         = "salesOrder"
	RecordShipment           = "shipment"
	RecordSalesInvoice       = "salesInvoice"
	RecordCustomerPayment    = "customerPayment"
	RecordSalesReturn        = "salesReturn"
	RecordCustomerRefund     = "customerRefund"
	RecordSupplier           = "supplier"
	RecordSupplierProduct    = "supplierProduct"
	RecordPurchasingSettings = "purchasingSettings"
	RecordPurchaseOrder      = "purchaseOrder"
	RecordGoodsReceipt       = "goodsReceipt"
	RecordSupplierInvoice    = "supplierInvoice"
	RecordSupplierPayment    = "supplierPayment"
	RecordLandedCost         = "landedCost"
	RecordBudgetLine         = "budgetLine"
	RecordOperatingCost      = "operatingCost"
	RecordAlert              = "alert"
)

// AuditVia is how the author of an audit row was signed in.
type AuditVia string

const (
	ViaSession AuditVia = "SESSION"
	ViaToken   AuditVia = "TOKEN"
)

// AuditEntry is one row of the audit trail: who did what to which record.
type AuditEntry struct {
	ID             int64     `db:"id"`
	At             time.Time `db:"at"`
	UserID         *int64    `db:"user_id"`
	User           *User     `db:"-"` // filled by the service from UserID
	Via            *AuditVia `db:"via"`
	TokenID        *int64    `db:"token_id"`
	Operation      string    `db:"operation"`
	RecordType     string    `db:"record_type"`
	RecordID       string    `db:"record_id"`
	RecordNumber   string    `db:"record_number"`
	Action         string    `db:"action"`
	IdempotencyKey *string   `db:"idempotency_key"`
	// Changes are the fields of master data whose values differ between
	// before and after (every field of a created record).
	Changes []AuditChange `db:"-"`
}

// AuditChange is one field of a record before and after a change, as
// text; nil where the field did not exist (before a create) or was null.
type AuditChange struct {
	Field  string
	Before *string
	After  *string
}

// AuditFilter narrows the audit trail; zero fields do not narrow.
type AuditFilter struct {
	RecordType *string
	RecordID   *string
	UserID     *int64
	From       *time.Time
	To         *time.Time
}

// AuditService reads the audit trail. Admins and managers see every row;
// other users only the rows of their own changes.
type AuditService interface {
	FindAuditEntries(ctx context.Context, f AuditFilter, o *AuditEntryOrder, p PageArgs) (*Page[*AuditEntry], error)
	// FindAuditTrails is the audit trail of each of a page of records of
	// one type (their auditTrail fields), read at once.
	FindAuditTrails(ctx context.Context, recordType string, recordIDs []string, o Sorter, p PageArgs) (map[string]*Page[*AuditEntry], error)
}
