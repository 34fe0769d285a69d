package jxc

import (
	"context"
	"regexp"
	"time"

	"github.com/shopspring/decimal"
)

// Account codes of the default chart (小企业会计准则), loaded by migration.
// The posting rules name accounts only through these constants.
const (
	AccountCash                 = "1001"
	AccountBank                 = "1002"
	AccountReceivable           = "1122"
	AccountSupplierAdvances     = "1123"
	AccountGoodsInTransit       = "1402"
	AccountInventory            = "1405"
	AccountInventoryAdjustments = "1901" // 待处理财产损溢: count variances wait here until finance clears them
	AccountPayable              = "2202.01"
	AccountGRNI                 = "2202.02"
	AccountCustomerAdvances     = "2203"
	AccountInputVAT             = "2221.01.01"
	AccountOutputVAT            = "2221.01.02"
	AccountPaidInCapital        = "3001"
	AccountCurrentYearProfit    = "3103"
	AccountRetainedEarnings     = "3104" // also the counterpart of opening stock taken over from earlier books
	AccountRevenue              = "6001"
	AccountOtherIncome          = "6301"
	AccountCOGS                 = "6401"
	AccountSellingExpenses      = "6601"
	AccountAdminExpenses        = "6602"
	AccountFinanceExpenses      = "6603"
	AccountScrapLosses          = "6711"
)

// AccountType is the class of an account; it decides the normal balance side
// and which statement the account appears on.
type AccountType string

const (
	AccountAsset     AccountType = "ASSET"
	AccountLiability AccountType = "LIABILITY"
	AccountEquity    AccountType = "EQUITY"
	AccountRevenueT  AccountType = "REVENUE"
	AccountExpense   AccountType = "EXPENSE"
)

// Valid reports whether t is a known account type.
func (t AccountType) Valid() bool {
	switch t {
	case AccountAsset, AccountLiability, AccountEquity, AccountRevenueT, AccountExpense:
		return true
	}
	return false
}

// DebitNormal reports whether the account's balance is normally a debit.
func (t AccountType) DebitNormal() bool { return t == AccountAsset || t == AccountExpense }

// Label names the account in messages: its code and its name in each
// language ("6602 管理费用" / "6602 Administrative expenses").
func (a *Account) Label() Texts {
	en := a.NameEn
	if en == "" {
		en = a.Name
	}
	return Texts{ZH: a.Code + " " + a.Name, EN: a.Code + " " + en}
}

// Account is a ledger account of the chart.
type Account struct {
	Code       string      `db:"code"`
	Name       string      `db:"name"`
	NameEn     string      `db:"name_en"`
	Type       AccountType `db:"type"`
	ParentCode *string     `db:"parent_code"`
	// Header accounts group others and take no postings.
	Header bool `db:"header"`
	// ManualPosting is false for control accounts kept by a sub-ledger
	// (inventory by the stock ledger, AR and AP by invoices): manual entries
	// may not touch them, so the sub-ledgers and the ledger cannot drift apart.
	ManualPosting bool `db:"manual_posting"`
	Active        bool `db:"active"`
	// Direction is the side its balance normally stands on (余额方向).
	Direction AccountDirection `db:"direction"`
	// Dimensions must be named on every line posted to it (辅助核算).
	Dimensions DimensionSet `db:"dimensions"`

	// Filled by queries that ask for a balance as of a date.
	Debit  decimal.Decimal `db:"debit"`
	Credit decimal.Decimal `db:"credit"`
}

// Balance is the account's balance on its normal side: debit minus credit
// for assets and expenses, credit minus debit for the others.
func (a *Account) Balance() decimal.Decimal {
	if a.Type.DebitNormal() {
		return a.Debit.Sub(a.Credit)
	}
	return a.Credit.Sub(a.Debit)
}

// AccountInput adds an account to the chart.
type AccountInput struct {
	Code          string
	Name          string
	NameEn        *string
	Type          AccountType
	ParentCode    *string
	ManualPosting *bool
	// Direction defaults to the type's normal side.
	Direction *AccountDirection
	// Dimensions every line must carry; none when nil.
	Dimensions []Dimension
}

// AccountUpdate changes an account; nil fields stay as they are.
type AccountUpdate struct {
	Code   string
	Name   *string
	NameEn *string
	Active *bool
	// Direction and Dimensions replace the account's when given.
	Direction  *AccountDirection
	Dimensions []Dimension
}

// AccountFilter narrows the chart.
type AccountFilter struct {
	Type   *AccountType
	Active *bool
}

var accountCodePattern = regexp.MustCompile(`^[0-9]{4}(\.[0-9]{2}){0,3}$`)

// ValidateAccountInput returns every rule the input breaks.
func ValidateAccountInput(in AccountInput) error {
	var es Errors
	if !accountCodePattern.MatchString(in.Code) {
		es.Add(EINVALID, "input.code", "account code must be 4 digits with up to three .NN sub-levels, such as 6602.05")
	}
	checkText(&es, "input.name", "name", in.Name, 1, 100)
	checkOptText(&es, "input.nameEn", "English name", in.NameEn, 0, 100)
	if !in.Type.Valid() {
		es.Add(EINVALID, "input.type", "unknown account type {type}", P{"type": string(in.Type)})
	}
	if in.Direction != nil && !in.Direction.Valid() {
		es.Add(EINVALID, "input.direction", "direction must be DEBIT or CREDIT")
	}
	ValidateDimensions(&es, "input.dimensions", in.Dimensions)
	return es.Err()
}

// PeriodStatus says whether a fiscal period takes postings.
type PeriodStatus string

const (
	PeriodOpen   PeriodStatus = "OPEN"
	PeriodClosed PeriodStatus = "CLOSED"
)

// FiscalPeriod is a calendar month of the books.
type FiscalPeriod struct {
	Year     int          `db:"year"`
	Month    int          `db:"month"`
	Status   PeriodStatus `db:"status"`
	ClosedAt *time.Time   `db:"closed_at"`
	// ReopenedAt and ReopenReason: the latest reopening, why it was done.
	ReopenedAt   *time.Time `db:"reopened_at"`
	ReopenReason string     `db:"reopen_reason"`
}

// FiscalPeriodChange is what closing or reopening a period did.
type FiscalPeriodChange struct {
	// Period is the period asked for, after the change.
	Period *FiscalPeriod
	// Changed is every period the change closed or reopened, in order:
	// earlier months closed with it, later months reopened with it.
	Changed []*FiscalPeriod
	// LockDate is the lock date after the change; nil when nothing is closed.
	LockDate *Date
}

// ValidateReopenReason: reopening closed books states why (1 to 500 characters).
func ValidateReopenReason(reason string) error {
	var es Errors
	checkText(&es, "input.reason", "the reason for reopening", reason, 1, 500)
	return es.Err()
}

// StartDate is the first day of the period.
func (p *FiscalPeriod) StartDate() Date { return Date{p.Year, time.Month(p.Month), 1} }

// EndDate is the last day of the period.
func (p *FiscalPeriod) EndDate() Date { return DateOf(p.StartDate().Time().AddDate(0, 1, -1)) }

// SourceType is the kind of business document a posting comes from.
type SourceType string

const (
	SourceOpeningStock    SourceType = "OPENING_STOCK"
	SourceStockAdjustment SourceType = "STOCK_ADJUSTMENT"
	SourceManualEntry     SourceType = "MANUAL_ENTRY"
	SourceReversal        SourceType = "REVERSAL"
)

// Source names the document a posting comes from.
type Source struct {
	Type SourceType
	ID   *int64 // nil for manual entries, which are their own document
}

// JournalEntry is a balanced set of journal lines posted on one date.
type JournalEntry struct {
	ID int64 `db:"id"`
	// VoucherNo is the entry's voucher number (记-2026-11-0001): numbered
	// 1..n within its posting month, without gaps.
	VoucherNo   string `db:"voucher_no"`
	PostingDate Date   `db:"posting_date"`
	// Description is the entry's text as stored, in the company language
	// (DefaultLang); DescriptionTemplate and DescriptionParams are what it
	// was rendered from (nil on older rows and on texts a person typed), so
	// that each reader reads it in their language (Text).
	Description         string       `db:"description"`
	DescriptionTemplate *string      `db:"description_template"`
	DescriptionParams   StoredParams `db:"description_params"`
	SourceType          SourceType   `db:"source_type"`
	SourceID            *int64       `db:"source_id"`
	ReversesID          *int64       `db:"reverses_id"`
	ReversedByID        *int64       `db:"reversed_by_id"`
	// The voucher numbers of the entry this one reverses and of the one
	// that reversed it.
	ReversesVoucherNo   *string   `db:"reverses_voucher_no"`
	ReversedByVoucherNo *string   `db:"reversed_by_voucher_no"`
	CreatedByID         *int64    `db:"created_by"`
	CreatedAt           time.Time `db:"created_at"`
	// StoredAttachments is the attached-documents count (附单据数) given
	// with a manual entry; nil: see Attachments.
	StoredAttachments *int `db:"attachments"`
	// ReviewedByID and ReviewedAt: the review (审核), when done.
	ReviewedByID *int64         `db:"reviewed_by"`
	ReviewedAt   *time.Time     `db:"reviewed_at"`
	Lines        []*JournalLine `db:"-"`
	// HasStockMoves is set when the entry carries stock moves.
	HasStockMoves bool `db:"has_stock_moves"`
}

// Text is the entry's description, to render in a reader's language.
func (e *JournalEntry) Text() Text {
	return StoredText(e.DescriptionTemplate, e.DescriptionParams, e.Description)
}

// Source is the document that posted the entry.
func (e *JournalEntry) Source() Source { return Source{Type: e.SourceType, ID: e.SourceID} }

// Attachments is the voucher's attached-documents count (附单据数): the
// count stored with it, else 1 when a business document posted it, else 0.
func (e *JournalEntry) Attachments() int {
	if e.StoredAttachments != nil {
		return *e.StoredAttachments
	}
	if _, ok := SourceRef(e.SourceType); ok && e.SourceType != SourceReversal && e.SourceType != SourceClosing {
		return 1
	}
	return 0
}

// TotalDebit is the sum of the debits, equal to the sum of the credits.
func (e *JournalEntry) TotalDebit() decimal.Decimal {
	t := decimal.Zero
	for _, l := range e.Lines {
		t = t.Add(l.Debit)
	}
	return t
}

// JournalLine is one debit or one credit of an entry.
type JournalLine struct {
	ID          int64           `db:"id"`
	EntryID     int64           `db:"entry_id"`
	LineNo      int             `db:"line_no"`
	AccountCode string          `db:"account_code"`
	Account     *Account        `db:"-"`
	Debit       decimal.Decimal `db:"debit"`
	Credit      decimal.Decimal `db:"credit"`
	CostCentre  *string         `db:"cost_centre"`
	Partner     *string         `db:"partner"`
	// ProductID is the goods an inventory line is for (nil on other lines).
	ProductID *int64   `db:"product_id"`
	Product   *Product `db:"-"`
	// Description is the line's memo as stored (DefaultLang), rendered from
	// DescriptionTemplate and DescriptionParams when it has them (Text).
	Description         string       `db:"description"`
	DescriptionTemplate *string      `db:"description_template"`
	DescriptionParams   StoredParams `db:"description_params"`
	// The auxiliary dimensions (辅助核算) the line names; the posting rules
	// fill them from the document, a manual line from its input.
	CustomerID  *int64  `db:"customer_id"`
	SupplierID  *int64  `db:"supplier_id"`
	Department  *string `db:"department"`
	WarehouseID *int64  `db:"warehouse_id"`
	Salesperson *string `db:"salesperson"`
}

// Text is the line's memo, to render in a reader's language.
func (l *JournalLine) Text() Text {
	return StoredText(l.DescriptionTemplate, l.DescriptionParams, l.Description)
}

// SetText sets the line's memo: its template and params and its stored
// text in the company language.
func (l *JournalLine) SetText(t Text) {
	l.DescriptionTemplate, l.DescriptionParams, l.Description = t.Stored()
}

// JournalEntryFilter narrows the journal; empty fields do not filter.
type JournalEntryFilter struct {
	AccountCode *string
	Year        *int // with Month: the fiscal period
	Month       *int
	DateFrom    *Date
	DateTo      *Date
	SourceType  *SourceType
	SourceID    *int64
	Search      *string // part of the voucher number or description
	Reviewed    *bool   // reviewed (审核) or not
}

// JournalEntryOrder sorts the journal (by posting date when Field is empty), then by id.
type JournalEntryOrder struct {
	Field     JournalEntryOrderField
	Direction SortDirection
}

// JournalEntryOrderField is what the journal can be sorted by.
type JournalEntryOrderField string

// TrialBalanceRow is one account's totals up to a date.
type TrialBalanceRow struct {
	Account *Account
	Debit   decimal.Decimal // all debits up to the date
	Credit  decimal.Decimal // all credits up to the date
}

// Balance is the row's balance on the account's normal side.
func (r *TrialBalanceRow) Balance() decimal.Decimal {
	if r.Account.Type.DebitNormal() {
		return r.Debit.Sub(r.Credit)
	}
	return r.Credit.Sub(r.Debit)
}

// TrialBalance lists every account with postings up to a date.
type TrialBalance struct {
	AsOf        Date
	Rows        []*TrialBalanceRow
	TotalDebit  decimal.Decimal
	TotalCredit decimal.Decimal
}

// StatementLine is one account's amount on a statement.
type StatementLine struct {
	Account *Account
	Amount  decimal.Decimal
}

// ProfitAndLoss is income and expense over a date range.
type ProfitAndLoss struct {
	From, To     Date
	Revenue      []*StatementLine
	Expenses     []*StatementLine
	TotalRevenue decimal.Decimal
	TotalExpense decimal.Decimal
	NetIncome    decimal.Decimal
}

// BalanceSheet is assets, liabilities and equity as of a date. Profit not
// yet closed to equity is shown as its own equity line, so the sheet
// balances before year-end closing.
type BalanceSheet struct {
	AsOf             Date
	Assets           []*StatementLine
	Liabilities      []*StatementLine
	Equity           []*StatementLine
	UnclosedProfit   decimal.Decimal
	TotalAssets      decimal.Decimal
	TotalLiabilities decimal.Decimal
	TotalEquity      decimal.Decimal
}

// Balanced reports whether assets equal liabilities plus equity.
func (b *BalanceSheet) Balanced() bool {
	return b.TotalAssets.Equal(b.TotalLiabilities.Add(b.TotalEquity))
}

// BooksRule names an invariant of DOMAIN.md that booksCheck verifies.
type BooksRule string

const (
	RuleEntryUnbalanced        BooksRule = "ENTRY_UNBALANCED"
	RuleEntryWithoutLines      BooksRule = "ENTRY_WITHOUT_LINES"
	RuleStockBalanceMismatch   BooksRule = "STOCK_BALANCE_MISMATCH"
	RuleStockNegative          BooksRule = "STOCK_NEGATIVE"
	RuleReservedOverOnHand     BooksRule = "RESERVED_OVER_ON_HAND"
	RuleValueWithoutStock      BooksRule = "VALUE_WITHOUT_STOCK"
	RuleInventoryAccount       BooksRule = "INVENTORY_ACCOUNT_MISMATCH"
	RuleInventoryEntryMismatch BooksRule = "INVENTORY_ENTRY_MISMATCH"
	RuleAccountDailyMismatch   BooksRule = "ACCOUNT_DAILY_MISMATCH"
	RuleStockDailyMismatch     BooksRule = "STOCK_DAILY_MISMATCH"
	RulePostedInClosedPeriod   BooksRule = "POSTED_IN_CLOSED_PERIOD"
	// RuleStockWithoutValue: stock on hand at no value although value came
	// in since the pool was last empty (value and quantity vanish together).
	RuleStockWithoutValue BooksRule = "STOCK_WITHOUT_VALUE"
	// RuleDocumentEntryMismatch: a document and its entries disagree (an
	// entry reversed while its document still counts, a cancelled
	// operating cost still in the ledger or its budget).
	RuleDocumentEntryMismatch BooksRule = "DOCUMENT_ENTRY_MISMATCH"
	RuleVoucherNumbers        BooksRule = "VOUCHER_NUMBERS"
	RulePostedBeforeLockDate  BooksRule = "POSTED_BEFORE_LOCK_DATE"
	RulePeriodOpenBeforeLock  BooksRule = "PERIOD_OPEN_BEFORE_LOCK_DATE"
	// RuleDimensionMissing: a line on an account that requires a dimension
	// does not name it.
	RuleDimensionMissing BooksRule = "DIMENSION_MISSING"
)

// BooksViolation is one broken invariant with the rows that break it.
type BooksViolation struct {
	Rule BooksRule
	// Message is the rule in words: an English template, rendered for
	// each reader (Text).
	Message string
	Rows    []BooksRow
}

// Text is the violation's message, to render in a reader's language.
func (v *BooksViolation) Text() Text { return T(v.Message) }

// BooksRow identifies a row involved in a violation.
type BooksRow struct {
	Table  string
	Key    string
	Detail string
}

// BooksCheck is the result of checking every invariant against the database.
type BooksCheck struct {
	CheckedAt               time.Time
	Violations              []*BooksViolation
	InventoryAccountBalance decimal.Decimal
	StockValue              decimal.Decimal
}

// OK reports whether no invariant is broken.
func (c *BooksCheck) OK() bool { return len(c.Violations) == 0 && c.InventoryDifference().IsZero() }

// InventoryDifference is the inventory account balance minus the stock
// ledger's value: always zero in healthy books.
func (c *BooksCheck) InventoryDifference() decimal.Decimal {
	return c.InventoryAccountBalance.Sub(c.StockValue)
}

// LedgerService keeps the general ledger: chart, periods, entries and statements.
type LedgerService interface {
	CreateAccount(ctx context.Context, in AccountInput) (*Account, error)
	UpdateAccount(ctx context.Context, in AccountUpdate) (*Account, error)
	// FindAccounts returns the chart with each account's totals up to asOf
	// (all postings when asOf is zero).
	FindAccounts(ctx context.Context, f AccountFilter, asOf Date) ([]*Account, error)

	FindFiscalPeriods(ctx context.Context, year int) ([]*FiscalPeriod, error)
	// CloseFiscalPeriod closes a month; every earlier month with postings
	// must be closed already, or closeEarlier closes them with it.
	CloseFiscalPeriod(ctx context.Context, year, month int, closeEarlier bool) (*FiscalPeriodChange, error)
	// ReopenFiscalPeriod reopens a closed month and every later closed
	// month, stating why; their month-end summaries become stale.
	ReopenFiscalPeriod(ctx context.Context, year, month int, reason string) (*FiscalPeriodChange, error)
	// PostingWindow is the dates postings may have today.
	PostingWindow(ctx context.Context) (*PostingWindow, error)
	UpdatePostingWindow(ctx context.Context, in PostingWindowSettings) (*PostingWindow, error)

	PostManualEntry(ctx context.Context, e ManualEntry) (*JournalEntry, error)
	ReverseJournalEntry(ctx context.Context, id int64, date Date, description string) (*JournalEntry, error)
	FindJournalEntries(ctx context.Context, f JournalEntryFilter, o *JournalEntryOrder, p PageArgs) (*Page[*JournalEntry], error)
	FindJournalEntryByID(ctx context.Context, id int64) (*JournalEntry, error)

	TrialBalance(ctx context.Context, asOf Date) (*TrialBalance, error)
	ProfitAndLoss(ctx context.Context, from, to Date) (*ProfitAndLoss, error)
	BalanceSheet(ctx context.Context, asOf Date) (*BalanceSheet, error)
	BooksCheck(ctx context.Context) (*BooksCheck, error)
	// The account balances, general ledger and sub-ledgers (ledger_books.go).
	LedgerBooks

	// AuxiliaryBalances is an account's opening, debits, credits and
	// closing per value of a dimension over a range (辅助核算余额表).
	AuxiliaryBalances(ctx context.Context, q AuxiliaryQuery) (*AuxiliaryBalances, error)
	// AuxiliaryLedger is one dimension value's lines on an account with
	// their running balance (往来明细账 for a customer's receivables).
	AuxiliaryLedger(ctx context.Context, q AuxiliaryQuery, o *AuxiliaryLedgerOrder, p PageArgs) (*AuxiliaryLedger, error)
	// The review step (ledger_closing.go).
	VoucherReviewService
}
