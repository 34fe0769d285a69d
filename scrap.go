package jxc

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Scrap (报废): goods written off with a reason per line, expensed to 6711
// at moving-average cost through a stock adjustment of kind SCRAP. A scrap
// worth more than the company's approval threshold (at the current average)
// waits for a manager or finance; below it, it posts on submit.

// ScrapStatus is where a scrap stands.
type ScrapStatus string

const (
	ScrapDraft           ScrapStatus = "DRAFT"
	ScrapPendingApproval ScrapStatus = "PENDING_APPROVAL"
	ScrapPosted          ScrapStatus = "POSTED"
	ScrapRejected        ScrapStatus = "REJECTED"
)

// ScrapReason is why a line's goods are scrapped.
type ScrapReason string

const (
	ScrapDamaged  ScrapReason = "DAMAGED"
	ScrapExpired  ScrapReason = "EXPIRED"
	ScrapObsolete ScrapReason = "OBSOLETE"
	ScrapOther    ScrapReason = "OTHER"
)

// Valid reports whether r is a known reason.
func (r ScrapReason) Valid() bool {
	switch r {
	case ScrapDamaged, ScrapExpired, ScrapObsolete, ScrapOther:
		return true
	}
	return false
}

// RecordScrap is the audit record type of a scrap.
const RecordScrap = "scrap"

// DefaultScrapApprovalThreshold is the company default of the threshold.
var DefaultScrapApprovalThreshold = decimal.RequireFromString("5000.00")

// Scrap is a scrap document.
type Scrap struct {
	ID            int64       `db:"id"`
	Number        string      `db:"number"`
	Status        ScrapStatus `db:"status"`
	Date          Date        `db:"scrap_date"`
	Note          string      `db:"note"`
	ReceiptID     *int64      `db:"receipt_id"`
	ReceiptNumber *string     `db:"receipt_number"`
	CountNumber   *string     `db:"count_number"`
	// Value is at the current average while not posted, as posted after.
	Value               decimal.Decimal `db:"value"`
	StockDocumentID     *int64          `db:"stock_document_id"`
	StockDocumentNumber *string         `db:"stock_document_number"`
	JournalEntryID      *int64          `db:"journal_entry_id"`
	VoucherNo           *string         `db:"voucher_no"`
	CreatedByID         *int64          `db:"created_by"`
	CreatedByName       *string         `db:"created_by_name"`
	DecidedByName       *string         `db:"decided_by_name"`
	CreatedAt           time.Time       `db:"created_at"`
	SubmittedAt         *time.Time      `db:"submitted_at"`
	DecidedByID         *int64          `db:"decided_by"`
	DecidedAt           *time.Time      `db:"decided_at"`
	RejectReason        *string         `db:"reject_reason"`
	Lines               []*ScrapLine    `db:"-"`
}

// ScrapLine is one product's scrapped quantity.
type ScrapLine struct {
	LineNo      int             `db:"line_no"`
	ProductID   int64           `db:"product_id"`
	WarehouseID int64           `db:"warehouse_id"`
	LocationID  *int64          `db:"location_id"`
	Quantity    decimal.Decimal `db:"quantity"`
	Reason      ScrapReason     `db:"reason"`
	Note        string          `db:"note"`
	Value       decimal.Decimal `db:"value"`
	Product     *Product        `db:"-"`
	Warehouse   *Warehouse      `db:"-"`
	Location    *Location       `db:"-"`
}

// ScrapInput creates a scrap (a draft, or submitted at once with Submit).
type ScrapInput struct {
	Date Date
	Note string
	// ReceiptNumber is the goods receipt the goods were found damaged at.
	ReceiptNumber *string
	// CountNumber is the count sheet they were found in.
	CountNumber *string
	Lines       []ScrapLineInput
	Submit      bool
}

// ScrapLineInput is one line of a new scrap.
type ScrapLineInput struct {
	ProductID   int64
	WarehouseID int64
	LocationID  *int64
	Quantity    decimal.Decimal
	Reason      ScrapReason
	Note        string
}

// Validate returns every rule the input breaks.
func (in ScrapInput) Validate() error {
	var es Errors
	checkText(&es, "input.note", "note", in.Note, 0, 500)
	checkOptText(&es, "input.countNumber", "count sheet number", in.CountNumber, 1, 40)
	if !in.Date.IsZero() && !in.Date.InRange() {
		es.Add(EDATERANGE, "input.date", "scrap date {date} is out of range", P{"date": in.Date.String()})
	}
	checkLineCount(&es, len(in.Lines), 1, 200)
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if !l.Reason.Valid() {
			es.Add(EINVALID, f+"reason", "reason must be DAMAGED, EXPIRED, OBSOLETE or OTHER")
		}
		checkText(&es, f+"note", "note", l.Note, 0, 200)
	}
	return es.Err()
}

// Adjustment is the stock adjustment a scrap posts.
func (s *Scrap) Adjustment(date Date) StockAdjustment {
	e := StockAdjustment{Date: date, Reason: ReasonScrap, Description: s.Number}
	if s.Note != "" {
		e.Description = s.Number + " " + s.Note
		if len([]rune(e.Description)) > 500 {
			e.Description = string([]rune(e.Description)[:500])
		}
	}
	for _, l := range s.Lines {
		e.Lines = append(e.Lines, AdjustmentLine{ProductID: l.ProductID, WarehouseID: l.WarehouseID, LocationID: l.LocationID, Direction: Decrease, Quantity: l.Quantity})
	}
	return e
}

// ScrapNeedsApproval: a scrap worth more than the threshold waits for approval.
func ScrapNeedsApproval(value, threshold decimal.Decimal) bool { return value.GreaterThan(threshold) }

// CheckScrapApprover: a scrap waiting for approval is decided by a manager
// or finance (or an admin).
func CheckScrapApprover(u *User) *Error {
	if u == nil || u.HasAnyRole(RoleManager, RoleFinance) {
		return nil
	}
	return FieldErrorf(EPERMISSION, "number", "approving or rejecting a scrap needs the MANAGER or FINANCE role")
}

// ScrapFilter narrows the scrap list.
type ScrapFilter struct {
	Search   *string
	Statuses []ScrapStatus
	DateFrom *Date
	DateTo   *Date
}

// ScrapOrderField is what scraps sort by.
type ScrapOrderField string

const (
	ScrapOrderDate   ScrapOrderField = "DATE"
	ScrapOrderNumber ScrapOrderField = "NUMBER"
	ScrapOrderValue  ScrapOrderField = "VALUE"
)

// ScrapOrder sorts scraps.
type ScrapOrder struct {
	Field     ScrapOrderField
	Direction SortDirection
}

// ScrapSettings are the company's scrap and slow-mover settings.
type ScrapSettings struct {
	ApprovalThreshold decimal.Decimal `db:"scrap_approval_threshold"`
	SlowMoverDays     int             `db:"slow_mover_days"`
}

// ScrapSettingsUpdate changes them; nil fields stay.
type ScrapSettingsUpdate struct {
	ApprovalThreshold *decimal.Decimal
	SlowMoverDays     *int
}

// Validate returns every rule the update breaks.
func (in ScrapSettingsUpdate) Validate() error {
	var es Errors
	if in.ApprovalThreshold != nil {
		CheckMoney(&es, "input.approvalThreshold", *in.ApprovalThreshold)
		if in.ApprovalThreshold.Sign() < 0 {
			es.Add(EINVALID, "input.approvalThreshold", "the approval threshold must be >= 0 (0: every scrap needs approval)")
		}
	}
	if in.SlowMoverDays != nil {
		CheckSlowMoverDays(&es, "input.slowMoverDays", *in.SlowMoverDays)
	}
	return es.Err()
}

// CheckSlowMoverDays: a number of idle days is 1 to 3650.
func CheckSlowMoverDays(es *Errors, field string, n int) {
	if n < 1 || n > 3650 {
		es.Add(EINVALID, field, "idle days must be 1 to 3650")
	}
}

// ScrapService keeps scraps.
type ScrapService interface {
	CreateScrap(ctx context.Context, in ScrapInput) (*Scrap, error)
	SubmitScrap(ctx context.Context, number string) (*Scrap, error)
	ApproveScrap(ctx context.Context, number string) (*Scrap, error)
	RejectScrap(ctx context.Context, number, reason string) (*Scrap, error)
	FindScrap(ctx context.Context, number string) (*Scrap, error)
	FindScraps(ctx context.Context, f ScrapFilter, o *ScrapOrder, p PageArgs) (*Page[*Scrap], error)
	ScrapSettings(ctx context.Context) (*ScrapSettings, error)
	UpdateScrapSettings(ctx context.Context, in ScrapSettingsUpdate) (*ScrapSettings, error)
	SetCategorySlowMoverDays(ctx context.Context, categoryID int64, days *int) (*CategorySlowMoverDays, error)
	CategorySlowMoverDays(ctx context.Context) ([]*CategorySlowMoverDays, error)
	SlowMovers(ctx context.Context, f SlowMoverFilter) ([]*IdleStock, error)
}
