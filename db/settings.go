package db

import (
	"context"
	"database/sql"
	"errors"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// SettingsService implements jxc.SettingsService: the company settings
// (the separation-of-duties controls), one row.
type SettingsService struct{ db *DB }

// NewSettingsService returns the company settings on db.
func NewSettingsService(db *DB) *SettingsService { return &SettingsService{db: db} }

var _ jxc.SettingsService = (*SettingsService)(nil)

const companySettingsCols = `credit_limit_raise_by_finance, mismatch_approval_by_other, order_approval_by_other, order_self_approval_limit,
	opening_stock_by_finance, posting_accounts_protected, below_cost_sale_by_manager, profit_carry_forward, voucher_review, company_name, updated_at, updated_by`

// companySettings reads the settings inside the caller's transaction, so
// a rule checks what that transaction sees.
func companySettings(ctx context.Context, q Queryer) (*jxc.CompanySettings, error) {
	out := &jxc.CompanySettings{}
	err := q.GetContext(ctx, out, `SELECT `+companySettingsCols+` FROM company_settings`)
	return out, err
}

// CompanySettings implements jxc.SettingsService.
func (s *SettingsService) CompanySettings(ctx context.Context) (*jxc.CompanySettings, error) {
	return companySettings(ctx, s.db)
}

// UpdateCompanySettings implements jxc.SettingsService.
func (s *SettingsService) UpdateCompanySettings(ctx context.Context, in jxc.CompanySettingsUpdate) (*jxc.CompanySettings, error) {
	if err := jxc.ValidateCompanySettingsUpdate(in); err != nil {
		return nil, err
	}
	var out *jxc.CompanySettings
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateCompanySettings"}, func(tx *Tx) error {
		if err := tx.Before(ctx, jxc.RecordCompanySettings, "settings"); err != nil {
			return err
		}
		tx.Audit(jxc.RecordCompanySettings, "settings", "", jxc.AuditUpdate)
		if _, err := tx.ExecContext(ctx, `UPDATE company_settings SET
			credit_limit_raise_by_finance = coalesce($1, credit_limit_raise_by_finance),
			mismatch_approval_by_other = coalesce($2, mismatch_approval_by_other),
			order_approval_by_other = coalesce($3, order_approval_by_other),
			order_self_approval_limit = coalesce($4, order_self_approval_limit),
			opening_stock_by_finance = coalesce($5, opening_stock_by_finance),
			posting_accounts_protected = coalesce($6, posting_accounts_protected),
			below_cost_sale_by_manager = coalesce($7, below_cost_sale_by_manager),
			profit_carry_forward = coalesce($10, profit_carry_forward),
			voucher_review = coalesce($11, voucher_review),
			company_name = coalesce(btrim($12), company_name),
			updated_at = $8, updated_by = $9`,
			in.CreditLimitRaiseByFinance, in.MismatchApprovalByOther, in.OrderApprovalByOther, in.OrderSelfApprovalLimit,
			in.OpeningStockByFinance, in.PostingAccountsProtected, in.BelowCostSaleByManager, tx.Now, userID(ctx),
			in.ProfitCarryForward, in.VoucherReview, in.CompanyName); err != nil {
			return err
		}
		var err error
		out, err = companySettings(ctx, tx)
		return err
	})
	return out, err
}

// The checks of the duty rules that need the database; the rules
// themselves are in the root package (settings.go).

// checkAccountDeactivation refuses, with the company's control on, to
// deactivate an account the posting rules need or one with a balance.
// The account's row is locked first, so the balance read is the one the
// deactivation commits against.
func checkAccountDeactivation(ctx context.Context, tx *Tx, code string) error {
	var active bool
	err := tx.GetContext(ctx, &active, `SELECT active FROM accounts WHERE code = $1 FOR UPDATE`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return jxc.FieldErrorf(jxc.ENOTFOUND, "input.code", "no account {account}", jxc.P{"account": code})
	} else if err != nil || !active {
		return err
	}
	set, err := companySettings(ctx, tx)
	if err != nil {
		return err
	}
	var balance decimal.Decimal
	if err := tx.GetContext(ctx, &balance, `SELECT coalesce(sum(debit) - sum(credit), 0) FROM account_daily WHERE account_code = $1`, code); err != nil {
		return err
	}
	return jxc.CheckAccountDeactivation(set, code, balance).Err()
}
