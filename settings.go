package jxc

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Company settings: the separation-of-duties switches of the company and
// the amount above which a purchase order needs a second person. Every
// switch is on in a new company; an admin or a manager may turn one off
// (a one-person shop cannot have two people for every step).

// Codes of the separation-of-duties refusals. Both are userErrors: the
// caller may do the operation in general, but not this time.
const (
	// EDUTY: the same person may not do both steps of a control (post an
	// invoice and approve its mismatch, create an order and approve it).
	EDUTY = "DUTY_SEPARATION"
	// EPERMISSION: the change needs a role the caller does not hold
	// (raising a credit limit, posting opening stock, selling below cost).
	EPERMISSION = "PERMISSION_REQUIRED"
)

// RecordCompanySettings is the audit record type of the company settings.
const RecordCompanySettings = "companySettings"

// CompanySettings are the company's separation-of-duties rules.
type CompanySettings struct {
	// CreditLimitRaiseByFinance: only finance or a manager raises a
	// customer's credit limit (sales may lower it).
	CreditLimitRaiseByFinance bool `db:"credit_limit_raise_by_finance"`
	// MismatchApprovalByOther: the user who posted a supplier invoice
	// cannot approve its three-way mismatch.
	MismatchApprovalByOther bool `db:"mismatch_approval_by_other"`
	// OrderApprovalByOther: the creator of a purchase order cannot approve
	// it when its net amount is above OrderSelfApprovalLimit.
	OrderApprovalByOther   bool            `db:"order_approval_by_other"`
	OrderSelfApprovalLimit decimal.Decimal `db:"order_self_approval_limit"`
	// OpeningStockByFinance: opening stock is posted by finance (or an
	// admin), once per product and warehouse, before any other stock move.
	OpeningStockByFinance bool `db:"opening_stock_by_finance"`
	// PostingAccountsProtected: an account the posting rules need, or one
	// with a balance, cannot be deactivated.
	PostingAccountsProtected bool `db:"posting_accounts_protected"`
	// BelowCostSaleByManager: confirming a sales order with a line priced
	// below its average cost needs a manager.
	BelowCostSaleByManager bool `db:"below_cost_sale_by_manager"`
	// ProfitCarryForward: closing a month carries its income and expense
	// to 3103 (MONTHLY), or only December's close carries the year's (YEARLY).
	ProfitCarryForward ProfitCarryForward `db:"profit_carry_forward"`
	// VoucherReview: every voucher of a period is reviewed (审核), by someone
	// other than its creator, before the period closes.
	VoucherReview bool `db:"voucher_review"`
	// CompanyName heads the printed statements of account and vouchers
	// (核算单位); empty until someone names the company.
	CompanyName string `db:"company_name"`
	// The company's particulars for printed forms: 纳税人识别号 (the unified
	// social credit code, 15 to 20 letters or digits), address, phone, the
	// bank and account that invoices and statements print.
	TaxID       string `db:"tax_id"`
	Address     string `db:"address"`
	Phone       string `db:"phone"`
	BankName    string `db:"bank_name"`
	BankAccount string `db:"bank_account"`
	// DefaultVATRate is a new product's VAT rate when none is given.
	DefaultVATRate decimal.Decimal `db:"default_vat_rate"`
	// TimeZone is the company's IANA time zone (default Asia/Shanghai).
	TimeZone string `db:"time_zone"`
	// Currency is the company's ISO 4217 currency code (default CNY); only
	// stored and shown for now.
	Currency    string     `db:"currency"`
	UpdatedAt   *time.Time `db:"updated_at"`
	UpdatedByID *int64     `db:"updated_by"`
}

// Company is what every signed-in user may know of the company.
type Company struct {
	Name        string
	TaxID       string
	Address     string
	Phone       string
	BankName    string
	BankAccount string
	TimeZone    string
	Currency    string
	// UTCOffsetMinutes is the zone's offset from UTC now (480 in China).
	UTCOffsetMinutes int
}

// ZoneOffsetMinutes is a time zone's offset from UTC at t, in minutes
// (480 for Asia/Shanghai); 480 when the zone is unknown to this machine.
func ZoneOffsetMinutes(zone string, t time.Time) int {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return 8 * 60
	}
	_, off := t.In(loc).Zone()
	return off / 60
}

// NumberingKind is a kind of document numbered by a numbering rule.
type NumberingKind string

// The numbered document kinds.
const (
	NumberSalesOrder      NumberingKind = "SALES_ORDER"
	NumberShipment        NumberingKind = "SHIPMENT"
	NumberSalesInvoice    NumberingKind = "SALES_INVOICE"
	NumberCustomerPayment NumberingKind = "CUSTOMER_PAYMENT"
	NumberSalesReturn     NumberingKind = "SALES_RETURN"
	NumberCustomerRefund  NumberingKind = "CUSTOMER_REFUND"
	NumberPurchaseOrder   NumberingKind = "PURCHASE_ORDER"
	NumberPurchaseReceipt NumberingKind = "PURCHASE_RECEIPT"
	NumberSupplierInvoice NumberingKind = "SUPPLIER_INVOICE"
	NumberSupplierPayment NumberingKind = "SUPPLIER_PAYMENT"
	NumberLandedCost      NumberingKind = "LANDED_COST"
	NumberOperatingCost   NumberingKind = "OPERATING_COST"
	NumberScrap           NumberingKind = "SCRAP"
)

// NumberingKinds lists the kinds in the order the settings screen shows them.
var NumberingKinds = []NumberingKind{NumberSalesOrder, NumberShipment, NumberSalesInvoice, NumberCustomerPayment, NumberSalesReturn,
	NumberCustomerRefund, NumberPurchaseOrder, NumberPurchaseReceipt, NumberSupplierInvoice, NumberSupplierPayment, NumberLandedCost, NumberOperatingCost,
	NumberStockTransfer, NumberScrap}

// Valid reports whether k is a numbered kind.
func (k NumberingKind) Valid() bool { return slices.Contains(NumberingKinds, k) }

// NumberDatePart is the date part a numbering rule puts between the prefix
// and the running number.
type NumberDatePart string

// The date parts.
const (
	DatePartNone      NumberDatePart = "NONE"       // SO-000123
	DatePartYear      NumberDatePart = "YEAR"       // SO-2026000123
	DatePartYearMonth NumberDatePart = "YEAR_MONTH" // SO-202612000123
)

// Valid reports whether d is a date part.
func (d NumberDatePart) Valid() bool {
	return d == DatePartNone || d == DatePartYear || d == DatePartYearMonth
}

// RecordNumberingRule is the audit record type of a numbering rule.
const RecordNumberingRule = "numberingRule"

// NumberingRule is how new documents of a kind are numbered: the prefix,
// the company's year (or year and month) when DatePart says so, and the
// running number padded with zeros to Padding digits. The running number
// is the kind's own (from the document's id, or its gap-free counter for
// invoices and goods receipts); it does not restart with the year. Existing
// numbers never change.
type NumberingRule struct {
	Kind        NumberingKind  `db:"kind"`
	Prefix      string         `db:"prefix"`
	DatePart    NumberDatePart `db:"date_part"`
	Padding     int            `db:"padding"`
	UpdatedAt   *time.Time     `db:"updated_at"`
	UpdatedByID *int64         `db:"updated_by"`
}

// Example is the number the rule gives running number 123 on date d.
func (r *NumberingRule) Example(d Date) string {
	date := ""
	switch r.DatePart {
	case DatePartYear:
		date = fmt.Sprintf("%04d", d.Year)
	case DatePartYearMonth:
		date = fmt.Sprintf("%04d%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%s%s%0*d", r.Prefix, date, r.Padding, 123)
}

// NumberingRuleInput changes the rule of a kind; nil fields stay.
type NumberingRuleInput struct {
	Kind     NumberingKind
	Prefix   *string
	DatePart *NumberDatePart
	Padding  *int
}

var prefixPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,9}$`)

// ValidateNumberingRuleInput returns every rule the change breaks (a
// prefix used by another kind is checked against the database).
func ValidateNumberingRuleInput(in NumberingRuleInput) error {
	var es Errors
	if !in.Kind.Valid() {
		es.Add(EINVALID, "input.kind", "{kind} is not a numbered document kind", P{"kind": string(in.Kind)})
	}
	if in.Prefix != nil {
		p := *in.Prefix
		if utf8.RuneCountInString(p) > 10 {
			es.Add(EINVALID, "input.prefix", "the prefix {prefix} is too long: at most 10 characters", P{"prefix": p})
		} else if !prefixPattern.MatchString(p) || strings.ContainsAny(p[len(p)-1:], "0123456789") {
			es.Add(EINVALID, "input.prefix", "the prefix {prefix} must start with a letter, hold only letters A-Z, digits, '-' or '_', and not end with a digit", P{"prefix": p})
		}
	}
	if in.DatePart != nil && !in.DatePart.Valid() {
		es.Add(EINVALID, "input.datePart", "the date part is NONE, YEAR or YEAR_MONTH, not {part}", P{"part": string(*in.DatePart)})
	}
	if in.Padding != nil && (*in.Padding < 4 || *in.Padding > 10) {
		es.Add(EINVALID, "input.padding", "the running number is padded to 4 to 10 digits, not {padding}", P{"padding": *in.Padding})
	}
	return es.Err()
}

// CompanySettingsUpdate changes the settings; nil fields stay as they are.
type CompanySettingsUpdate struct {
	CreditLimitRaiseByFinance *bool
	MismatchApprovalByOther   *bool
	OrderApprovalByOther      *bool
	OrderSelfApprovalLimit    *decimal.Decimal
	OpeningStockByFinance     *bool
	PostingAccountsProtected  *bool
	BelowCostSaleByManager    *bool
	ProfitCarryForward        *ProfitCarryForward
	VoucherReview             *bool
	CompanyName               *string
	TaxID                     *string
	Address                   *string
	Phone                     *string
	BankName                  *string
	BankAccount               *string
	DefaultVATRate            *decimal.Decimal
	TimeZone                  *string
	Currency                  *string
}

var (
	taxIDPattern    = regexp.MustCompile(`^[0-9A-Z]{15,20}$`)
	timeZonePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$`)
)

// ValidateCompanySettingsUpdate returns every rule the update breaks.
func ValidateCompanySettingsUpdate(in CompanySettingsUpdate) error {
	var es Errors
	if in.OrderSelfApprovalLimit != nil {
		CheckMoney(&es, "input.orderSelfApprovalLimit", *in.OrderSelfApprovalLimit)
		if in.OrderSelfApprovalLimit.Sign() < 0 {
			es.Add(EINVALID, "input.orderSelfApprovalLimit", "the self-approval limit must be >= 0 (0: every order needs a second person)")
		}
	}
	checkOptText(&es, "input.companyName", "company name", in.CompanyName, 0, 100)
	if in.TaxID != nil {
		if v := strings.TrimSpace(*in.TaxID); v != "" && !taxIDPattern.MatchString(v) {
			es.Add(EINVALID, "input.taxId", "tax ID {value} must be 15 to 20 capital letters or digits (the unified social credit code has 18)", P{"value": v})
		}
	}
	checkOptText(&es, "input.address", "address", in.Address, 0, 200)
	checkOptText(&es, "input.phone", "phone", in.Phone, 0, 40)
	checkOptText(&es, "input.bankName", "bank", in.BankName, 0, 100)
	checkOptText(&es, "input.bankAccount", "bank account", in.BankAccount, 0, 40)
	if in.DefaultVATRate != nil {
		if r := *in.DefaultVATRate; r.Sign() < 0 || r.GreaterThanOrEqual(decimal.NewFromInt(1)) || !r.Equal(r.Round(4)) {
			es.Add(EINVALID, "input.defaultVatRate", "VAT rate must be a fraction from 0 to below 1 with at most 4 decimals, such as 0.13")
		}
	}
	if in.TimeZone != nil {
		if v := strings.TrimSpace(*in.TimeZone); !timeZonePattern.MatchString(v) {
			es.Add(EINVALID, "input.timeZone", "time zone {value} is not an IANA time zone name such as Asia/Shanghai", P{"value": v})
		}
	}
	if in.Currency != nil {
		if v := strings.TrimSpace(*in.Currency); !currencyPattern.MatchString(v) {
			es.Add(EINVALID, "input.currency", "currency {value} must be an ISO 4217 code of 3 capital letters, such as CNY", P{"value": v})
		}
	}
	if in.ProfitCarryForward != nil && !in.ProfitCarryForward.Valid() {
		es.Add(EINVALID, "input.profitCarryForward", "profit is carried forward MONTHLY or YEARLY, not {mode}", P{"mode": string(*in.ProfitCarryForward)})
	}
	return es.Err()
}

// SettingsService reads and changes the company settings.
type SettingsService interface {
	CompanySettings(ctx context.Context) (*CompanySettings, error)
	UpdateCompanySettings(ctx context.Context, in CompanySettingsUpdate) (*CompanySettings, error)
	NumberingRules(ctx context.Context) ([]*NumberingRule, error)
	UpdateNumberingRule(ctx context.Context, in NumberingRuleInput) (*NumberingRule, error)
}

// PostingAccounts are the accounts the posting rules name: deactivating
// one would make every posting that needs it fail.
var PostingAccounts = []string{
	AccountCash, AccountBank, AccountReceivable, AccountSupplierAdvances, AccountGoodsInTransit, AccountInventory,
	AccountInventoryAdjustments, AccountPayable, AccountGRNI, AccountCustomerAdvances, AccountInputVAT, AccountOutputVAT,
	AccountCurrentYearProfit, AccountRetainedEarnings, AccountRevenue, AccountCOGS, AccountPriceVariance,
	AccountFinanceExpenses, AccountScrapLosses,
}

// The duty rules. Each returns nil when the change is allowed. A nil user
// is the system itself (the demo loader, the bench generator): the rules
// are about people.

// CheckCreditLimitChange: raising a customer's credit limit (or giving a
// new customer one) needs finance or a manager; lowering it is the safe
// direction and anyone who may edit the customer may do it.
func CheckCreditLimitChange(s *CompanySettings, u *User, field, customer string, from, to decimal.Decimal) *Error {
	if s == nil || !s.CreditLimitRaiseByFinance || u == nil || !to.GreaterThan(from) || u.HasAnyRole(RoleFinance, RoleManager) {
		return nil
	}
	return FieldErrorf(EPERMISSION, field, "raising the credit limit of customer {customer} from {from} to {to} needs the FINANCE or MANAGER role (separation of duties); it may be lowered",
		P{"customer": customer, "from": Money(from), "to": Money(to)})
}

// CheckMismatchApproval: the user who posted a supplier invoice cannot
// approve its three-way mismatch.
func CheckMismatchApproval(s *CompanySettings, u *User, postedBy *int64, invoice string) *Error {
	if s == nil || !s.MismatchApprovalByOther || u == nil || postedBy == nil || *postedBy != u.ID {
		return nil
	}
	return FieldErrorf(EDUTY, "id", "you posted supplier invoice {invoice}, so another finance user or a manager must approve its mismatch (separation of duties)", P{"invoice": invoice})
}

// CheckOrderApproval: the creator of a purchase order cannot approve it
// when its net amount is above the self-approval limit.
func CheckOrderApproval(s *CompanySettings, u *User, createdBy *int64, order string, net decimal.Decimal) *Error {
	if s == nil || !s.OrderApprovalByOther || u == nil || createdBy == nil || *createdBy != u.ID || !net.GreaterThan(s.OrderSelfApprovalLimit) {
		return nil
	}
	return FieldErrorf(EDUTY, "id", "you created purchase order {order}; at {net} net it is above the self-approval limit {limit}, so another manager must approve it (separation of duties)",
		P{"order": order, "net": Money(net), "limit": Money(s.OrderSelfApprovalLimit)})
}

// CheckOpeningStockPoster: opening stock is taken over from earlier books
// by finance (or an admin), not by the warehouse that counts the goods.
func CheckOpeningStockPoster(s *CompanySettings, u *User) *Error {
	if s == nil || !s.OpeningStockByFinance || u == nil || u.HasAnyRole(RoleFinance) {
		return nil
	}
	return FieldErrorf(EPERMISSION, "input", "posting opening stock needs the FINANCE or ADMIN role (separation of duties); the warehouse corrects stock with a stock adjustment")
}

// CheckAccountDeactivation: an account the posting rules need, or one
// with a balance, stays active.
func CheckAccountDeactivation(s *CompanySettings, code string, balance decimal.Decimal) Errors {
	var es Errors
	if s == nil || !s.PostingAccountsProtected {
		return nil
	}
	if slices.Contains(PostingAccounts, code) {
		es.Add(ECONFLICT, "input.active", "account {account} is used by the posting rules and cannot be deactivated", P{"account": code})
	}
	if !balance.IsZero() {
		es.Add(ECONFLICT, "input.active", "account {account} has a balance of {balance}; clear it to zero before deactivating the account", P{"account": code, "balance": Money(balance)})
	}
	return es
}

// BelowCostLine is an order line priced below its product's average cost.
type BelowCostLine struct {
	Index    int // 0-based, for the field path
	LineNo   int
	SKU      string
	NetPrice decimal.Decimal // unit price after discount, before VAT
	Cost     decimal.Decimal // moving-average unit cost in the warehouse
}

// NetUnitPrice is a line's unit price after its discount, before VAT.
func NetUnitPrice(price, discount decimal.Decimal) decimal.Decimal {
	return price.Mul(decimal.NewFromInt(1).Sub(discount))
}

// BelowCostSaleAllowed reports whether u may confirm an order priced
// below cost without the lines being looked at: the control is off, u is
// a manager, or u is the system.
func BelowCostSaleAllowed(s *CompanySettings, u *User) bool {
	return s == nil || !s.BelowCostSaleByManager || u == nil || u.HasAnyRole(RoleManager)
}

// CheckBelowCostSale: confirming an order with lines below average cost
// needs a manager; one error per such line.
func CheckBelowCostSale(s *CompanySettings, u *User, order string, lines []BelowCostLine) Errors {
	if BelowCostSaleAllowed(s, u) {
		return nil
	}
	var es Errors
	for _, l := range lines {
		es.Add(EPERMISSION, fmt.Sprintf("lines.%d.unitPrice", l.Index),
			"line {line} of {order} ({product}): net price {price} is below the average cost {cost}; selling below cost needs a manager to confirm the order",
			P{"line": l.LineNo, "order": order, "product": l.SKU, "price": Money(l.NetPrice), "cost": Money(l.Cost)})
	}
	return es
}
