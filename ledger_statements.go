package jxc

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The statutory statements of 小企业会计准则: 资产负债表 (会小企01表) and
// 利润表 (会小企02表). Their line items and the accounts each line sums are
// data (statement_lines, statement_line_accounts), shipped with the
// standard mapping and edited by finance.

// StatementForm is one of the statutory forms.
type StatementForm string

const (
	FormBalanceSheet    StatementForm = "BALANCE_SHEET"    // 资产负债表 会小企01表
	FormIncomeStatement StatementForm = "INCOME_STATEMENT" // 利润表 会小企02表
)

// Valid reports whether f is a known form.
func (f StatementForm) Valid() bool { return f == FormBalanceSheet || f == FormIncomeStatement }

// StatementLineKind says how a line gets its figure.
type StatementLineKind string

const (
	LineHeading  StatementLineKind = "HEADING"  // a caption without figures (流动资产：)
	LineAccounts StatementLineKind = "ACCOUNTS" // the sum of its mapped accounts
	LineSubtotal StatementLineKind = "SUBTOTAL" // a formula over other lines
	LineTotal    StatementLineKind = "TOTAL"    // a formula over other lines, the form's grand total
)

// StatementSide is the half of the balance sheet a line is on.
type StatementSide string

const (
	SideAsset           StatementSide = "ASSET"
	SideLiabilityEquity StatementSide = "LIABILITY_EQUITY"
)

// StatementLineDirection is the side a line's figures are positive on:
// DEBIT shows debit - credit, CREDIT shows credit - debit.
type StatementLineDirection string

const (
	LineDebit  StatementLineDirection = "DEBIT"
	LineCredit StatementLineDirection = "CREDIT"
)

// StatementRule is how an account's figure is taken onto a line.
type StatementRule string

const (
	// RuleBalance is the account's balance at the date.
	RuleBalance StatementRule = "BALANCE"
	// RuleDebitBalanceOnly is the balance only when it is a debit balance
	// (应收账款 takes 预收账款's debit balances), else 0.
	RuleDebitBalanceOnly StatementRule = "DEBIT_BALANCE_ONLY"
	// RuleCreditBalanceOnly is the balance only when it is a credit
	// balance, else 0.
	RuleCreditBalanceOnly StatementRule = "CREDIT_BALANCE_ONLY"
	// RuleMovement is the movement over the period (income statement).
	RuleMovement StatementRule = "MOVEMENT"
)

// ValidFor reports whether the rule applies on the form: MOVEMENT on the
// income statement, the balance rules on the balance sheet.
func (r StatementRule) ValidFor(f StatementForm) bool {
	switch r {
	case RuleMovement:
		return f == FormIncomeStatement
	case RuleBalance, RuleDebitBalanceOnly, RuleCreditBalanceOnly:
		return f == FormBalanceSheet
	}
	return false
}

// Take applies the rule to an account's debit - credit.
func (r StatementRule) Take(debitMinusCredit decimal.Decimal) decimal.Decimal {
	switch {
	case r == RuleDebitBalanceOnly && debitMinusCredit.Sign() < 0, r == RuleCreditBalanceOnly && debitMinusCredit.Sign() > 0:
		return decimal.Zero
	}
	return debitMinusCredit
}

// StatementMapping is one account prefix a line sums.
type StatementMapping struct {
	// Prefix is an account code covering its sub-accounts (1405 covers
	// 1405.01), or one digit for a whole class.
	Prefix string        `db:"account_prefix"`
	Sign   int           `db:"sign"`
	Rule   StatementRule `db:"rule"`
}

// accountPrefixPattern is what a mapping's prefix looks like.
var accountPrefixPattern = regexp.MustCompile(`^([0-9]|[0-9]{4}(\.[0-9]{2}){0,3})$`)

// ValidAccountPrefix reports whether p is an account code or a class digit.
func ValidAccountPrefix(p string) bool { return accountPrefixPattern.MatchString(p) }

// Covers reports whether the prefix takes the account code.
func (m StatementMapping) Covers(code string) bool {
	if len(m.Prefix) == 1 {
		return strings.HasPrefix(code, m.Prefix)
	}
	return code == m.Prefix || strings.HasPrefix(code, m.Prefix+".")
}

// StatementLineDefinition is a line of a form as defined, with its mapping.
type StatementLineDefinition struct {
	Form      StatementForm          `db:"form"`
	Position  int                    `db:"position"`
	LineNo    *int                   `db:"line_no"`
	Kind      StatementLineKind      `db:"kind"`
	LabelZh   string                 `db:"label_zh"`
	LabelEn   string                 `db:"label_en"`
	Indent    int                    `db:"indent"`
	Side      *StatementSide         `db:"side"`
	Direction StatementLineDirection `db:"direction"`
	Formula   *string                `db:"formula"`
	// Label is LabelZh or LabelEn, in the reader's language.
	Label    string              `db:"-"`
	Accounts []*StatementMapping `db:"-"`
}

// FormulaTerm is one term of a subtotal's formula: lines From..To (From
// alone when To equals it), added or subtracted.
type FormulaTerm struct {
	Sign     int
	From, To int
}

// ParseFormula reads a formula such as 1..9+14 or 21+22-24.
func ParseFormula(f string) ([]FormulaTerm, bool) {
	var out []FormulaTerm
	sign, rest := 1, f
	for rest != "" {
		i := strings.IndexAny(rest, "+-")
		term := rest
		next, nextSign := "", 1
		if i >= 0 {
			term, next = rest[:i], rest[i+1:]
			if rest[i] == '-' {
				nextSign = -1
			}
			if next == "" {
				return nil, false
			}
		}
		a, b, ranged := strings.Cut(term, "..")
		from, err1 := strconv.Atoi(a)
		to, err2 := from, error(nil)
		if ranged {
			to, err2 = strconv.Atoi(b)
		}
		if err1 != nil || err2 != nil || to < from {
			return nil, false
		}
		out = append(out, FormulaTerm{Sign: sign, From: from, To: to})
		sign, rest = nextSign, next
	}
	return out, len(out) > 0
}

// StatementAccountAmount is one account's share of a line's figures.
type StatementAccountAmount struct {
	Account *Account
	// Amount is the first column's share: closing on the balance sheet,
	// the month on the income statement.
	Amount decimal.Decimal
	// Second is the other column's share: year opening, or year to date.
	Second decimal.Decimal
}

// StatutoryLine is a line of a statement with its figures.
type StatutoryLine struct {
	*StatementLineDefinition
	// First is 期末余额 (balance sheet) or 本月金额 (income statement);
	// Second is 年初余额 or 本年累计金额.
	First, Second decimal.Decimal
	// Accounts holds the accounts behind an ACCOUNTS line with a share.
	Accounts []*StatementAccountAmount
}

// StatutoryStatement is a form filled in for a month.
type StatutoryStatement struct {
	Form  StatementForm
	Year  int
	Month int
	// From..To are the first column's dates; SecondFrom..SecondTo the second's.
	From, To             Date
	SecondFrom, SecondTo Date
	Lines                []*StatutoryLine
	// Balanced: 资产总计 equals 负债和所有者权益总计 (balance sheet).
	Balanced bool
}

// StatementLineUpdate replaces a line's mapped accounts.
type StatementLineUpdate struct {
	Form     StatementForm
	LineNo   int
	Accounts []StatementMapping
}

// RecordStatementLine is the audit record type of a statement line's
// mapping; its key is form/lineNo.
const RecordStatementLine = "statementLine"

// StatementService fills in the statutory statements and keeps their
// mapping.
type StatementService interface {
	// BalanceSheet is 资产负债表 at the end of the month, with the
	// year's opening (the end of the year before).
	BalanceSheet(ctx context.Context, year, month int) (*StatutoryStatement, error)
	// IncomeStatement is 利润表 for the month and the year to its end.
	IncomeStatement(ctx context.Context, year, month int) (*StatutoryStatement, error)
	// Mapping is the form's lines with their accounts.
	Mapping(ctx context.Context, form StatementForm) ([]*StatementLineDefinition, error)
	// UpdateLine replaces the accounts of an ACCOUNTS line.
	UpdateLine(ctx context.Context, in StatementLineUpdate) (*StatementLineDefinition, error)
}

// The columns under the forms' names.

// AsOf is the balance sheet's date: the end of the month (期末).
func (s *StatutoryStatement) AsOf() Date { return s.To }

// YearOpeningDate is the end of the year before (年初余额 are balances then).
func (s *StatutoryStatement) YearOpeningDate() Date { return s.SecondTo }

// Closing is 期末余额.
func (l *StatutoryLine) Closing() decimal.Decimal { return l.First }

// YearOpening is 年初余额.
func (l *StatutoryLine) YearOpening() decimal.Decimal { return l.Second }

// Month is 本月金额.
func (l *StatutoryLine) Month() decimal.Decimal { return l.First }

// YearToDate is 本年累计金额.
func (l *StatutoryLine) YearToDate() decimal.Decimal { return l.Second }

// Closing is the account's share of 期末余额.
func (a *StatementAccountAmount) Closing() decimal.Decimal { return a.Amount }

// YearOpening is the account's share of 年初余额.
func (a *StatementAccountAmount) YearOpening() decimal.Decimal { return a.Second }

// Month is the account's share of 本月金额.
func (a *StatementAccountAmount) Month() decimal.Decimal { return a.Amount }

// YearToDate is the account's share of 本年累计金额.
func (a *StatementAccountAmount) YearToDate() decimal.Decimal { return a.Second }

// RuleStatementUnmappedAccount: an account with a balance that no line of
// 资产负债表 takes, or an income or expense account with postings that no
// line of 利润表 takes: the statements would leave it out (the balance
// sheet would not balance, the income statement would not add up to the
// profit).
const RuleStatementUnmappedAccount BooksRule = "STATEMENT_UNMAPPED_ACCOUNT"
