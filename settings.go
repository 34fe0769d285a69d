package jxc

import (
	"context"
	"fmt"
	"slices"
	"time"

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
	CompanyName string     `db:"company_name"`
	UpdatedAt   *time.Time `db:"updated_at"`
	UpdatedByID *int64     `db:"updated_by"`
}

// Company is what every signed-in user may know of the company.
type Company struct {
	Name string
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
}

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
	if in.ProfitCarryForward != nil && !in.ProfitCarryForward.Valid() {
		es.Add(EINVALID, "input.profitCarryForward", "profit is carried forward MONTHLY or YEARLY, not {mode}", P{"mode": string(*in.ProfitCarryForward)})
	}
	return es.Err()
}

// SettingsService reads and changes the company settings.
type SettingsService interface {
	CompanySettings(ctx context.Context) (*CompanySettings, error)
	UpdateCompanySettings(ctx context.Context, in CompanySettingsUpdate) (*CompanySettings, error)
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
