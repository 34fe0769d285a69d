package jxc

import (
	"context"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Closing (结转损益): when a period closes, income and expense are carried
// to 本年利润 (3103) by a closing voucher posted through the engine in the
// closing transaction; at year end 3103 is carried to 利润分配-未分配利润
// (3104). Reopening the period reverses its closing vouchers in the
// reopening transaction. Vouchers may be reviewed (审核) before their period
// closes.

// SourceClosing is the source of closing vouchers and of their reversals.
// A closing voucher is its own document (its source id is its own id); the
// reversal's source is the closing voucher it reverses.
const SourceClosing SourceType = "CLOSING"

// ProfitCarryForward is when income and expense are carried to 3103.
type ProfitCarryForward string

const (
	// CarryMonthly: every month's close carries the month's income and expense.
	CarryMonthly ProfitCarryForward = "MONTHLY"
	// CarryYearly: only December's close carries, the whole year at once.
	CarryYearly ProfitCarryForward = "YEARLY"
)

// Valid reports whether m is a known mode.
func (m ProfitCarryForward) Valid() bool { return m == CarryMonthly || m == CarryYearly }

// CarriesIn reports whether closing month carries income and expense to 3103.
func (m ProfitCarryForward) CarriesIn(month int) bool { return m == CarryMonthly || month == 12 }

// Audit actions of the review step, on the journal entry's audit trail.
const (
	AuditReview   = "review"
	AuditUnreview = "unreview"
)

// Books rules of closing and review.
const (
	// RuleClosingIncomplete: a month closed in monthly mode (or a December)
	// where an income or expense account still has a balance for the year,
	// or (December) 3103 still has one: something was not carried.
	RuleClosingIncomplete BooksRule = "CLOSING_INCOMPLETE"
	// RuleUnreviewedInClosedPeriod: with the review step on, a closed
	// period holds a voucher nobody reviewed.
	RuleUnreviewedInClosedPeriod BooksRule = "UNREVIEWED_IN_CLOSED_PERIOD"
)

// AccountAmount is an account's net amount: debits less credits.
type AccountAmount struct {
	Code string          `db:"account_code"`
	Net  decimal.Decimal `db:"net"`
}

// CarryForwardLines are the lines that bring every account's net amount to
// zero against target: one line per account with an amount (a debit balance
// is credited, a credit balance debited), in code order, then target's
// credit line (the income carried) and its debit line (the expense).
func CarryForwardLines(amounts []AccountAmount, target string, description Text) []*JournalLine {
	amounts = slices.Clone(amounts)
	slices.SortFunc(amounts, func(a, b AccountAmount) int {
		switch {
		case a.Code < b.Code:
			return -1
		case a.Code > b.Code:
			return 1
		}
		return 0
	})
	var book lineBook
	toTargetCredit, toTargetDebit := decimal.Zero, decimal.Zero
	for _, a := range amounts {
		switch a.Net.Sign() {
		case 1: // debit balance (expense): credit it, debit the target
			book.credit(a.Code, a.Net, description)
			toTargetDebit = toTargetDebit.Add(a.Net)
		case -1: // credit balance (income): debit it, credit the target
			book.debit(a.Code, a.Net.Neg(), description)
			toTargetCredit = toTargetCredit.Add(a.Net.Neg())
		}
	}
	book.credit(target, toTargetCredit, description)
	book.debit(target, toTargetDebit, description)
	return book.lines
}

// ClosingEntry is a closing voucher (or the reversal of one): lines made by
// CarryForwardLines, or the mirror of a closing voucher's lines.
type ClosingEntry struct {
	Date        Date
	Description Text
	Lines       []*JournalLine
	ReversesID  *int64
}

// Day implements Event.
func (e *ClosingEntry) Day() Date { return e.Date }

// Source implements Event.
func (e *ClosingEntry) Source() SourceType { return SourceClosing }

// OwnDocument marks an event whose entry is its own source document.
func (e *ClosingEntry) OwnDocument() bool { return e.ReversesID == nil }

// Validate implements Event.
func (e *ClosingEntry) Validate() error {
	if len(e.Lines) < 2 {
		return fmt.Errorf("a closing voucher needs at least 2 lines, has %d", len(e.Lines))
	}
	return nil
}

// Needs implements Event.
func (e *ClosingEntry) Needs() Needs {
	n := Needs{}
	for _, l := range e.Lines {
		n.Accounts = append(n.Accounts, l.AccountCode)
	}
	return n
}

// Rules implements Event: the lines as given (Post checks them).
func (e *ClosingEntry) Rules(*PostingState) (*Posting, error) {
	p := &Posting{Description: e.Description, ReversesID: e.ReversesID}
	for _, l := range e.Lines {
		c := *l
		c.ID, c.LineNo = 0, 0
		p.Lines = append(p.Lines, &c)
	}
	return p, nil
}

// MirrorLines are the lines that undo lines: every debit becomes a credit.
func MirrorLines(lines []*JournalLine) []*JournalLine {
	out := make([]*JournalLine, 0, len(lines))
	for _, l := range lines {
		c := *l
		c.ID, c.LineNo, c.Debit, c.Credit = 0, 0, l.Credit, l.Debit
		out = append(out, &c)
	}
	return out
}

// PeriodLabel names a fiscal period for a reader: 2026年11月, 2026-11.
func PeriodLabel(year, month int) Texts {
	return Texts{ZH: fmt.Sprintf("%d年%d月", year, month), EN: fmt.Sprintf("%04d-%02d", year, month)}
}

// The stored descriptions of closing vouchers (templates, stored in
// DefaultLang).
const (
	ClosingProfitText   = "Carry forward the profit and loss of {period}"
	ClosingYearText     = "Carry the current-year profit of {year} to profit distribution"
	ClosingReversalText = "Reverse closing voucher {voucher}: {period} reopened"
)

// VoucherReviewService is the review step (审核) of vouchers.
type VoucherReviewService interface {
	// ReviewVouchers marks vouchers reviewed by the caller; the creator of
	// a voucher may not review it (DUTY_SEPARATION).
	ReviewVouchers(ctx context.Context, ids []int64) ([]*JournalEntry, error)
	// UnreviewVouchers takes the review back, while the period is open.
	UnreviewVouchers(ctx context.Context, ids []int64) ([]*JournalEntry, error)
}

// CheckVoucherReview: the creator of a voucher may not review it. System
// postings (no creator) are reviewed by anyone.
func CheckVoucherReview(u *User, field, voucher string, createdBy *int64) *Error {
	if u == nil || createdBy == nil || *createdBy != u.ID {
		return nil
	}
	return FieldErrorf(EDUTY, field, "you made voucher {voucher}, so another finance user must review it (separation of duties)", P{"voucher": voucher})
}

// ValidateVoucherIDs: 1 to 500 vouchers at once, each once.
func ValidateVoucherIDs(ids []int64) error {
	var es Errors
	if len(ids) == 0 || len(ids) > 500 {
		es.Add(EINVALID, "input.ids", "name 1 to {max} vouchers", P{"max": 500})
	}
	seen := map[int64]bool{}
	for i, id := range ids {
		if seen[id] {
			es.Add(EINVALID, fmt.Sprintf("input.ids.%d", i), "a voucher is named twice")
		}
		seen[id] = true
	}
	return es.Err()
}
