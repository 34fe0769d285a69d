package db

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

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
	opening_stock_by_finance, posting_accounts_protected, below_cost_sale_by_manager, profit_carry_forward, voucher_review, company_name,
	tax_id, address, phone, bank_name, bank_account, default_vat_rate, time_zone, currency, updated_at, updated_by`

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
		if in.TimeZone != nil {
			var known bool
			zone := strings.TrimSpace(*in.TimeZone)
			if err := tx.GetContext(ctx, &known, `SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)`, zone); err != nil {
				return err
			}
			if _, err := time.LoadLocation(zone); err != nil || !known {
				return jxc.FieldErrorf(jxc.EINVALID, "input.timeZone", "time zone {value} is not an IANA time zone name such as Asia/Shanghai", jxc.P{"value": zone})
			}
		}
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
			tax_id = coalesce(btrim($13), tax_id),
			address = coalesce(btrim($14), address),
			phone = coalesce(btrim($15), phone),
			bank_name = coalesce(btrim($16), bank_name),
			bank_account = coalesce(btrim($17), bank_account),
			default_vat_rate = coalesce($18, default_vat_rate),
			time_zone = coalesce(btrim($19), time_zone),
			currency = coalesce(btrim($20), currency),
			updated_at = $8, updated_by = $9`,
			in.CreditLimitRaiseByFinance, in.MismatchApprovalByOther, in.OrderApprovalByOther, in.OrderSelfApprovalLimit,
			in.OpeningStockByFinance, in.PostingAccountsProtected, in.BelowCostSaleByManager, tx.Now, userID(ctx),
			in.ProfitCarryForward, in.VoucherReview, in.CompanyName,
			in.TaxID, in.Address, in.Phone, in.BankName, in.BankAccount, in.DefaultVATRate, in.TimeZone, in.Currency); err != nil {
			return err
		}
		var err error
		out, err = companySettings(ctx, tx)
		return err
	})
	return out, err
}

const numberingRuleCols = `kind, prefix, date_part, padding, updated_at, updated_by`

// NumberingRules implements jxc.SettingsService: every kind's rule, in
// the order of jxc.NumberingKinds.
func (s *SettingsService) NumberingRules(ctx context.Context) ([]*jxc.NumberingRule, error) {
	var rules []*jxc.NumberingRule
	if err := s.db.SelectContext(ctx, &rules, `SELECT `+numberingRuleCols+` FROM numbering_rules`); err != nil {
		return nil, err
	}
	slices.SortFunc(rules, func(a, b *jxc.NumberingRule) int {
		return slices.Index(jxc.NumberingKinds, a.Kind) - slices.Index(jxc.NumberingKinds, b.Kind)
	})
	return rules, nil
}

// UpdateNumberingRule implements jxc.SettingsService. New documents of the
// kind are numbered by the changed rule from the commit on; numbers given
// stay. A prefix another kind uses is refused.
func (s *SettingsService) UpdateNumberingRule(ctx context.Context, in jxc.NumberingRuleInput) (*jxc.NumberingRule, error) {
	if err := jxc.ValidateNumberingRuleInput(in); err != nil {
		return nil, err
	}
	out := &jxc.NumberingRule{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "updateNumberingRule"}, func(tx *Tx) error {
		if in.Prefix != nil {
			var other string
			err := tx.GetContext(ctx, &other, `SELECT kind FROM numbering_rules WHERE lower(prefix) = lower($1) AND kind <> $2`, *in.Prefix, in.Kind)
			if err == nil {
				return jxc.FieldErrorf(jxc.ECONFLICT, "input.prefix", "the prefix {prefix} already numbers {kind}; every kind needs its own prefix", jxc.P{"prefix": *in.Prefix, "kind": other})
			} else if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if err := tx.Before(ctx, jxc.RecordNumberingRule, string(in.Kind)); err != nil {
			return err
		}
		err := tx.GetContext(ctx, out, `UPDATE numbering_rules SET prefix = coalesce($2, prefix), date_part = coalesce($3, date_part),
			padding = coalesce($4, padding), updated_at = $5, updated_by = $6 WHERE kind = $1 RETURNING `+numberingRuleCols,
			in.Kind, in.Prefix, in.DatePart, in.Padding, tx.Now, userID(ctx))
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.FieldErrorf(jxc.ENOTFOUND, "input.kind", "{kind} is not a numbered document kind", jxc.P{"kind": string(in.Kind)})
		} else if err != nil {
			return domainError(err, "input.prefix")
		}
		tx.Audit(jxc.RecordNumberingRule, string(in.Kind), string(in.Kind), jxc.AuditUpdate)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
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
