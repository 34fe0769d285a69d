package jxc

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// BudgetPolicy says what happens when consumption would pass a budget line.
type BudgetPolicy string

// Budget policies.
const (
	BudgetWarn  BudgetPolicy = "WARN"  // approve, and record the warning
	BudgetBlock BudgetPolicy = "BLOCK" // refuse
)

// BudgetLine is an amount for one fiscal period, cost centre and account,
// optionally narrowed to a product category.
type BudgetLine struct {
	ID          int64  `db:"id"`
	Year        int    `db:"year"`
	Month       int    `db:"month"`
	CostCentre  string `db:"cost_centre"`
	AccountCode string `db:"account_code"`
	CategoryID  *int64 `db:"category_id"`
	// CategoryCode is the category's code, for messages.
	CategoryCode *string         `db:"category_code"`
	Amount       decimal.Decimal `db:"amount"`
	OwnerID      *int64          `db:"owner_id"`
	Policy       BudgetPolicy    `db:"policy"`
	Description  string          `db:"description"`
	Alerted80    bool            `db:"alerted_80"`
	Alerted100   bool            `db:"alerted_100"`
	CreatedAt    time.Time       `db:"created_at"`

	// Consumption, filled by queries.
	Actual    decimal.Decimal `db:"actual"`
	Committed decimal.Decimal `db:"committed"`
	Owner     *User           `db:"-"`
	Category  *Category       `db:"-"`
}

// Consumed is actual postings plus commitments.
func (b *BudgetLine) Consumed() decimal.Decimal { return b.Actual.Add(b.Committed) }

// Remaining is what is left of the amount (negative when overspent).
func (b *BudgetLine) Remaining() decimal.Decimal { return b.Amount.Sub(b.Consumed()) }

// Percent is consumption as a percentage of the amount, to 2 decimals.
func (b *BudgetLine) Percent() decimal.Decimal {
	if b.Amount.Sign() <= 0 {
		return decimal.Zero
	}
	return DivRound(b.Consumed().Mul(hundred), b.Amount, 2)
}

// Label names the line in messages: period, cost centre, account and the
// category's code when the line is for one category.
func (b *BudgetLine) Label() string {
	s := fmt.Sprintf("%04d-%02d %s %s", b.Year, b.Month, b.CostCentre, b.AccountCode)
	if b.CategoryCode != nil {
		s += " " + *b.CategoryCode
	}
	return s
}

// BudgetLineInput creates a budget line.
type BudgetLineInput struct {
	Year        int
	Month       int
	CostCentre  string
	AccountCode string
	CategoryID  *int64
	Amount      decimal.Decimal
	OwnerID     *int64
	Policy      BudgetPolicy
	Description *string
}

// BudgetLineUpdate changes a budget line; nil fields stay.
type BudgetLineUpdate struct {
	ID          int64
	Amount      *decimal.Decimal
	OwnerID     *int64
	Policy      *BudgetPolicy
	Description *string
}

// ValidateBudgetLineInput returns every rule the input breaks.
func ValidateBudgetLineInput(in BudgetLineInput) error {
	var es Errors
	if in.Year < 1900 || in.Year > 9999 {
		es.Add(EINVALID, "input.year", "year must be 1900 to 9999")
	}
	if in.Month < 1 || in.Month > 12 {
		es.Add(EINVALID, "input.month", "month must be 1 to 12")
	}
	checkText(&es, "input.costCentre", "cost centre", in.CostCentre, 1, 50)
	if !accountCodePattern.MatchString(in.AccountCode) {
		es.Add(EINVALID, "input.accountCode", "account code must be 4 digits with up to three .NN sub-levels")
	}
	checkPositiveAmount(&es, "input.amount", in.Amount)
	if in.Policy != BudgetWarn && in.Policy != BudgetBlock {
		es.Add(EINVALID, "input.policy", "policy must be WARN or BLOCK")
	}
	checkOptText(&es, "input.description", "description", in.Description, 0, 500)
	return es.Err()
}

// ValidateBudgetLineUpdate returns every rule the update breaks.
func ValidateBudgetLineUpdate(in BudgetLineUpdate) error {
	var es Errors
	if in.Amount != nil {
		checkPositiveAmount(&es, "input.amount", *in.Amount)
	}
	if in.Policy != nil && *in.Policy != BudgetWarn && *in.Policy != BudgetBlock {
		es.Add(EINVALID, "input.policy", "policy must be WARN or BLOCK")
	}
	checkOptText(&es, "input.description", "description", in.Description, 0, 500)
	return es.Err()
}

// BudgetCharge is an amount a document would add to a budget key.
type BudgetCharge struct {
	Year        int
	Month       int
	CostCentre  string
	AccountCode string
	CategoryID  *int64
	Amount      decimal.Decimal
}

// Matches reports whether the charge counts against the line.
func (c BudgetCharge) Matches(b *BudgetLine) bool {
	return c.Year == b.Year && c.Month == b.Month && c.CostCentre == b.CostCentre && c.AccountCode == b.AccountCode &&
		(b.CategoryID == nil || (c.CategoryID != nil && *c.CategoryID == *b.CategoryID))
}

// BudgetThreshold is a share of a line whose crossing alerts its owner.
type BudgetThreshold struct {
	Line    *BudgetLine
	Kind    string // AlertBudget80 or AlertBudget100
	Percent decimal.Decimal
}

// BudgetVerdict is what a budget check decided.
type BudgetVerdict struct {
	Blocked    Errors
	Warnings   []string
	Thresholds []BudgetThreshold
}

// CheckBudget adds the charges to the lines they match (lines carry their
// consumption before the document) and decides: a BLOCK line that would be
// passed refuses, saying by how much; a WARN line warns; a line crossing 80
// % or 100 % for the first time alerts its owner. field names the input the
// refusal concerns.
func CheckBudget(lines []*BudgetLine, charges []BudgetCharge, field string) BudgetVerdict {
	var v BudgetVerdict
	eighty := decimal.NewFromInt(80)
	for _, b := range lines {
		add := decimal.Zero
		for _, c := range charges {
			if c.Matches(b) {
				add = add.Add(c.Amount)
			}
		}
		if add.Sign() <= 0 {
			continue
		}
		after := b.Consumed().Add(add)
		if after.GreaterThan(b.Amount) {
			over := after.Sub(b.Amount)
			p := P{"budget": b.Label(), "over": over, "consumed": b.Consumed(), "amount": add, "total": b.Amount}
			if b.Policy == BudgetBlock {
				v.Blocked.Add(ECONFLICT, field, "budget {budget} would be exceeded by {over}: consumed {consumed} + this {amount} > budget {total}", p)
				continue
			}
			// Warnings are stored on the document: in the company language.
			v.Warnings = append(v.Warnings, Render(DefaultLang, "budget {budget} would be exceeded by {over}: consumed {consumed} + this {amount} > budget {total}", p))
		}
		pct := DivRound(after.Mul(hundred), b.Amount, 2)
		if !b.Alerted80 && pct.GreaterThanOrEqual(eighty) {
			v.Thresholds = append(v.Thresholds, BudgetThreshold{Line: b, Kind: AlertBudget80, Percent: pct})
		}
		if !b.Alerted100 && pct.GreaterThanOrEqual(hundred) {
			v.Thresholds = append(v.Thresholds, BudgetThreshold{Line: b, Kind: AlertBudget100, Percent: pct})
		}
	}
	return v
}

// FormatMoney writes an amount with thousands separators and 2 decimals: 1,250.00.
func FormatMoney(d decimal.Decimal) string {
	s := d.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}

// BudgetFilter narrows budget lines.
type BudgetFilter struct {
	Year       *int
	Month      *int
	CostCentre *string
	OwnerID    *int64
}

// BudgetRollupBy is what budget lines are rolled up by.
type BudgetRollupBy string

// Roll-up groupings.
const (
	RollupByDepartment BudgetRollupBy = "DEPARTMENT"
	RollupByPeriod     BudgetRollupBy = "PERIOD"
)

// BudgetRollupRow is budget and consumption summed over a group.
type BudgetRollupRow struct {
	Key       string          `db:"key"` // the cost centre, or the period as YYYY-MM
	Lines     int             `db:"lines"`
	Amount    decimal.Decimal `db:"amount"`
	Actual    decimal.Decimal `db:"actual"`
	Committed decimal.Decimal `db:"committed"`
}

// Consumed is actual plus committed.
func (r *BudgetRollupRow) Consumed() decimal.Decimal { return r.Actual.Add(r.Committed) }

// Percent is consumption as a percentage of the amount.
func (r *BudgetRollupRow) Percent() decimal.Decimal {
	if r.Amount.Sign() <= 0 {
		return decimal.Zero
	}
	return DivRound(r.Consumed().Mul(hundred), r.Amount, 2)
}

// OperatingCostCategory is what an operating cost is.
type OperatingCostCategory string

// Operating cost categories.
const (
	CostLabour   OperatingCostCategory = "LABOUR"
	CostOverhead OperatingCostCategory = "OVERHEAD"
	CostFreight  OperatingCostCategory = "FREIGHT"
	CostRent     OperatingCostCategory = "RENT"
	CostOther    OperatingCostCategory = "OTHER"
)

// Label names the category for people, in both languages.
func (c OperatingCostCategory) Label() Texts {
	switch c {
	case CostLabour:
		return Texts{ZH: "人工", EN: "labour"}
	case CostOverhead:
		return Texts{ZH: "制造费用", EN: "overhead"}
	case CostFreight:
		return Texts{ZH: "运费", EN: "freight"}
	case CostRent:
		return Texts{ZH: "租金", EN: "rent"}
	}
	return Texts{ZH: "其他", EN: "other"}
}

// OperatingCost is labour, overhead, freight or rent booked to a cost centre.
type OperatingCost struct {
	ID                int64                 `db:"id"`
	Number            string                `db:"number"`
	Category          OperatingCostCategory `db:"category"`
	PostingDate       Date                  `db:"posting_date"`
	CostCentre        string                `db:"cost_centre"`
	AccountCode       string                `db:"account_code"`
	Amount            decimal.Decimal       `db:"amount"`
	PayFrom           PayFrom               `db:"pay_from"`
	SupplierID        *int64                `db:"supplier_id"`
	SupplierInvoiceID *int64                `db:"supplier_invoice_id"`
	Description       string                `db:"description"`
	BudgetWarnings    []string              `db:"-"`
	JournalEntryID    *int64                `db:"journal_entry_id"`
	CreatedAt         time.Time             `db:"created_at"`
	// Status is POSTED, or CANCELLED with the date, reason and entry of the
	// cancellation that reversed its entry and its budget actual.
	Status              OperatingCostStatus `db:"status"`
	CancelledOn         *Date               `db:"cancelled_on"`
	CancellationReason  *string             `db:"cancellation_reason"`
	CancellationEntryID *int64              `db:"cancellation_entry_id"`
}

// OperatingCostStatus is whether an operating cost counts.
type OperatingCostStatus string

// Operating cost statuses.
const (
	OperatingCostPosted    OperatingCostStatus = "POSTED"
	OperatingCostCancelled OperatingCostStatus = "CANCELLED"
)

// CancelOperatingCostInput cancels a posted operating cost.
type CancelOperatingCostInput struct {
	ID             int64
	PostingDate    *Date // of the cancellation; today when nil
	Reason         string
	IdempotencyKey *string
}

// CheckCancelOperatingCost returns every rule a cancellation of c on date
// breaks: the cost must still count, be paid from the bank (one billed by
// a supplier stands on that supplier's invoice, which a reversal would
// leave open), and the cancellation may not predate it.
func CheckCancelOperatingCost(c *OperatingCost, in CancelOperatingCostInput, date Date) error {
	var es Errors
	checkText(&es, "input.reason", "reason", in.Reason, 1, 500)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	switch {
	case c.Status == OperatingCostCancelled:
		es.Add(ECONFLICT, "input.id", "operating cost {number} was already cancelled on {date}", P{"number": c.Number, "date": Deref(c.CancelledOn).String()})
	case c.PayFrom != PayFromBank:
		es.Add(ECONFLICT, "input.id", "operating cost {number} was billed by a supplier and stands on that supplier's invoice in payables; it cannot be cancelled here", P{"number": c.Number})
	case c.JournalEntryID == nil:
		es.Add(ECONFLICT, "input.id", "operating cost {number} has no journal entry to reverse", P{"number": c.Number})
	}
	if date.Before(c.PostingDate) {
		es.Add(EINVALID, "input.postingDate", "a cancellation may not be dated before the cost it cancels ({date})", P{"date": c.PostingDate.String()})
	}
	return es.Err()
}

// OperatingCostInput posts an operating cost.
type OperatingCostInput struct {
	Category          OperatingCostCategory
	PostingDate       Date
	CostCentre        string
	AccountCode       string
	Amount            decimal.Decimal
	PayFrom           PayFrom
	SupplierID        *int64
	SupplierInvoiceNo *string
	Description       string
	IdempotencyKey    *string
}

// ValidateOperatingCostInput returns every rule the input breaks on its own.
func ValidateOperatingCostInput(in OperatingCostInput) error {
	var es Errors
	switch in.Category {
	case CostLabour, CostOverhead, CostFreight, CostRent, CostOther:
	default:
		es.Add(EINVALID, "input.category", "unknown category {category}", P{"category": string(in.Category)})
	}
	checkText(&es, "input.costCentre", "cost centre", in.CostCentre, 1, 50)
	if !accountCodePattern.MatchString(in.AccountCode) {
		es.Add(EINVALID, "input.accountCode", "account code must be 4 digits with up to three .NN sub-levels")
	}
	checkPositiveAmount(&es, "input.amount", in.Amount)
	checkPayFrom(&es, in.PayFrom, in.SupplierID, in.SupplierInvoiceNo)
	checkText(&es, "input.description", "description", in.Description, 1, 500)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

// Alert kinds raised by purchasing and budgets. Sales adds its own
// (CREDIT_HOLD, SHORTAGE); the kind is free text in the alerts table.
const (
	AlertBudget80  = "BUDGET_80"
	AlertBudget100 = "BUDGET_100"
	AlertPriceRise = "PRICE_RISE"
	AlertLowStock  = "LOW_STOCK"
)

// Alert tells people that something needs attention.
type Alert struct {
	ID      int64  `db:"id"`
	Kind    string `db:"kind"`
	Subject string `db:"subject"`
	// Message is the alert's text as stored (DefaultLang), rendered for
	// each reader from MessageTemplate and MessageParams when it has them.
	Message         string       `db:"message"`
	MessageTemplate *string      `db:"message_template"`
	MessageParams   StoredParams `db:"message_params"`
	OwnerID         *int64       `db:"owner_id"`
	Audience        Roles        `db:"audience"`
	Payload         []byte       `db:"payload"`
	CreatedAt       time.Time    `db:"created_at"`
	Acknowledged    bool         `db:"acknowledged"`
	AcknowledgedBy  *int64       `db:"acknowledged_by"`
	AcknowledgedAt  *time.Time   `db:"acknowledged_at"`
}

// Text is the alert's message, to render in a reader's language.
func (a *Alert) Text() Text { return StoredText(a.MessageTemplate, a.MessageParams, a.Message) }

// AlertFilter narrows the alert list.
type AlertFilter struct {
	Kinds        []string
	OwnerID      *int64
	Acknowledged *bool
}

// BudgetService keeps budgets, operating costs and alerts.
type BudgetService interface {
	CreateBudgetLine(ctx context.Context, in BudgetLineInput) (*BudgetLine, error)
	UpdateBudgetLine(ctx context.Context, in BudgetLineUpdate) (*BudgetLine, error)
	FindBudgetLines(ctx context.Context, f BudgetFilter, o *BudgetLineOrder, p PageArgs) (*Page[*BudgetLine], error)
	FindBudgetLineByID(ctx context.Context, id int64) (*BudgetLine, error)
	BudgetRollup(ctx context.Context, year int, month *int, by BudgetRollupBy) ([]*BudgetRollupRow, error)

	PostOperatingCost(ctx context.Context, in OperatingCostInput) (*OperatingCost, error)
	// CancelOperatingCost reverses a cost's entry and its budget actual in
	// one transaction and marks it cancelled.
	CancelOperatingCost(ctx context.Context, in CancelOperatingCostInput) (*OperatingCost, error)
	FindOperatingCosts(ctx context.Context, year, month *int, o *OperatingCostOrder, p PageArgs) (*Page[*OperatingCost], error)

	FindAlerts(ctx context.Context, f AlertFilter, o *AlertOrder, p PageArgs) (*Page[*Alert], error)
	AcknowledgeAlert(ctx context.Context, id int64) (*Alert, error)
	CheckLowStock(ctx context.Context) ([]*Alert, error)
}
