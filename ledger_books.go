package jxc

import (
	"context"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The books an accountant reads (账簿): the account balances over a range
// of periods (科目余额表), the general ledger by month (总账) and an
// account's sub-ledger line by line (明细账).

// BalanceDirection is the side a balance falls on, as 借/贷/平 in Kingdee.
type BalanceDirection string

const (
	BalanceDebit  BalanceDirection = "DEBIT"
	BalanceCredit BalanceDirection = "CREDIT"
	BalanceFlat   BalanceDirection = "FLAT"
)

// LedgerBalance is a balance as the books show it: its side and the amount
// on that side (never negative). Net is debit minus credit.
type LedgerBalance struct {
	Direction BalanceDirection
	Amount    decimal.Decimal
	Net       decimal.Decimal
}

// BalanceOf is the balance whose debits exceed its credits by net.
func BalanceOf(net decimal.Decimal) LedgerBalance {
	switch net.Sign() {
	case 1:
		return LedgerBalance{Direction: BalanceDebit, Amount: net, Net: net}
	case -1:
		return LedgerBalance{Direction: BalanceCredit, Amount: net.Neg(), Net: net}
	}
	return LedgerBalance{Direction: BalanceFlat, Amount: decimal.Zero, Net: decimal.Zero}
}

// DebitAmount is the amount when the balance is a debit, else 0.
func (b LedgerBalance) DebitAmount() decimal.Decimal {
	if b.Direction == BalanceDebit {
		return b.Amount
	}
	return decimal.Zero
}

// CreditAmount is the amount when the balance is a credit, else 0.
func (b LedgerBalance) CreditAmount() decimal.Decimal {
	if b.Direction == BalanceCredit {
		return b.Amount
	}
	return decimal.Zero
}

// AccountLevel is the depth of an account in the chart: 1 for 1405, 2 for
// 2202.01, 3 for 2221.01.01, 4 for one more level.
func AccountLevel(code string) int { return 1 + strings.Count(code, ".") }

// MaxAccountLevel is the deepest level of the chart (four digits and three
// .NN levels).
const MaxAccountLevel = 4

// PeriodRange is a range of fiscal periods (months), both ends included.
type PeriodRange struct {
	FromYear, FromMonth, ToYear, ToMonth int
}

// From is the first day of the range.
func (r PeriodRange) From() Date {
	return Date{Year: r.FromYear, Month: time.Month(r.FromMonth), Day: 1}
}

// To is the last day of the range.
func (r PeriodRange) To() Date {
	return MonthEnd(Date{Year: r.ToYear, Month: time.Month(r.ToMonth), Day: 1}, 0)
}

// YearStart is the first day of the year the range ends in: 本年累计 runs
// from it to the end of the range.
func (r PeriodRange) YearStart() Date { return Date{Year: r.ToYear, Month: time.January, Day: 1} }

// Months is the number of months in the range.
func (r PeriodRange) Months() int { return (r.ToYear-r.FromYear)*12 + r.ToMonth - r.FromMonth + 1 }

// MaxLedgerMonths bounds a range of periods: ten years of months.
const MaxLedgerMonths = 120

// Validate adds every rule the range breaks: months 1 to 12, years inside
// the company's years, the end not before the start, at most
// MaxLedgerMonths months. Fields are the query's argument names.
func (r PeriodRange) Validate(es *Errors, s PostingWindowSettings) {
	ok := true
	for _, f := range []struct {
		field string
		v     int
	}{{"fromMonth", r.FromMonth}, {"toMonth", r.ToMonth}} {
		if f.v < 1 || f.v > 12 {
			es.Add(EINVALID, f.field, "{field} must be a month from 1 to 12", P{"field": f.field})
			ok = false
		}
	}
	for _, f := range []struct {
		field string
		v     int
	}{{"fromYear", r.FromYear}, {"toYear", r.ToYear}} {
		if f.v < s.FirstYear || f.v > s.LastYear {
			es.Add(EDATERANGE, f.field, "{field} {year} is outside the years {first} to {last} the company works in",
				P{"field": f.field, "year": f.v, "first": s.FirstYear, "last": s.LastYear})
			ok = false
		}
	}
	if !ok {
		return
	}
	switch {
	case r.Months() < 1:
		es.Add(EINVALID, "toMonth", "the range of periods ends ({to}) before it starts ({from})", P{"from": r.label(r.FromYear, r.FromMonth), "to": r.label(r.ToYear, r.ToMonth)})
	case r.Months() > MaxLedgerMonths:
		es.Add(EINVALID, "toMonth", "a range of periods may have at most {max} months; this one has {months}", P{"max": MaxLedgerMonths, "months": r.Months()})
	}
}

func (PeriodRange) label(y, m int) string {
	return Date{Year: y, Month: time.Month(m), Day: 1}.String()[:7]
}

// CheckDateRange adds every rule a date range of a sub-ledger breaks: both
// dates inside the company's years, the end not before the start. Fields
// are the query's argument names.
func CheckDateRange(es *Errors, from, to Date, s PostingWindowSettings) {
	okFrom := s.CheckYears(es, "from", "the first day", from)
	okTo := s.CheckYears(es, "to", "the last day", to)
	if okFrom && okTo && to.Before(from) {
		es.Add(EINVALID, "to", "the date range ends ({to}) before it starts ({from})", P{"from": from.String(), "to": to.String()})
	}
}

// AccountBalanceRow is one account's line of the account balances (科目余额表).
type AccountBalanceRow struct {
	Account *Account
	// Level is the account's depth in the chart (1 for a top-level account).
	Level        int
	Opening      LedgerBalance
	PeriodDebit  decimal.Decimal
	PeriodCredit decimal.Decimal
	Closing      LedgerBalance
	// YearDebit and YearCredit run from the first day of the range's last
	// year to its end (本年累计).
	YearDebit  decimal.Decimal
	YearCredit decimal.Decimal
}

// Empty reports whether the account has no balance and no movement.
func (r *AccountBalanceRow) Empty() bool {
	return r.Opening.Net.IsZero() && r.PeriodDebit.IsZero() && r.PeriodCredit.IsZero() && r.YearDebit.IsZero() && r.YearCredit.IsZero()
}

// AccountBalanceTotals is the totals line of the account balances: over the
// top accounts shown, each balance split by its side. Over the whole chart
// opening debit equals opening credit, period debit period credit, closing
// debit closing credit.
type AccountBalanceTotals struct {
	OpeningDebit, OpeningCredit decimal.Decimal
	PeriodDebit, PeriodCredit   decimal.Decimal
	ClosingDebit, ClosingCredit decimal.Decimal
	YearDebit, YearCredit       decimal.Decimal
}

// Balanced reports whether each pair of totals is equal.
func (t AccountBalanceTotals) Balanced() bool {
	return t.OpeningDebit.Equal(t.OpeningCredit) && t.PeriodDebit.Equal(t.PeriodCredit) && t.ClosingDebit.Equal(t.ClosingCredit) &&
		t.YearDebit.Equal(t.YearCredit)
}

// AccountBalances is the account balances (科目余额表) over a range of periods.
type AccountBalances struct {
	PeriodRange
	Level  int
	Rows   []*AccountBalanceRow
	Totals AccountBalanceTotals
}

// AccountBalancesQuery asks for the account balances.
type AccountBalancesQuery struct {
	PeriodRange
	// Level limits the depth shown (1 to MaxAccountLevel); group accounts
	// always sum every sub-account below them.
	Level int
	// AccountCode, when set, shows only accounts whose code starts with it.
	AccountCode *string
	// HideEmpty leaves out accounts with no balance and no movement.
	HideEmpty bool
}

// AccountTotals is what the account balances are made of: one account's
// debits and credits before the range, in it, and in the range's last year.
type AccountTotals struct {
	Code                        string          `db:"account_code"`
	OpeningDebit, OpeningCredit decimal.Decimal `db:"-"`
	PeriodDebit, PeriodCredit   decimal.Decimal `db:"-"`
	YearDebit, YearCredit       decimal.Decimal `db:"-"`
}

// BuildAccountBalances makes the account balances from the chart and each
// posted-to account's totals: a group account sums every account below it,
// rows deeper than q.Level or outside q.AccountCode are left out, and the
// totals add up the top accounts shown (those whose parent is not shown).
func BuildAccountBalances(q AccountBalancesQuery, chart []*Account, totals map[string]AccountTotals) *AccountBalances {
	byCode := map[string]*AccountTotals{}
	for _, a := range chart {
		byCode[a.Code] = &AccountTotals{Code: a.Code}
	}
	parent := map[string]*string{}
	for _, a := range chart {
		parent[a.Code] = a.ParentCode
	}
	for code, t := range totals {
		// Every account up the chain takes the posted account's totals.
		for c := &code; c != nil; c = parent[*c] {
			s := byCode[*c]
			if s == nil {
				break
			}
			s.OpeningDebit, s.OpeningCredit = s.OpeningDebit.Add(t.OpeningDebit), s.OpeningCredit.Add(t.OpeningCredit)
			s.PeriodDebit, s.PeriodCredit = s.PeriodDebit.Add(t.PeriodDebit), s.PeriodCredit.Add(t.PeriodCredit)
			s.YearDebit, s.YearCredit = s.YearDebit.Add(t.YearDebit), s.YearCredit.Add(t.YearCredit)
		}
	}
	out := &AccountBalances{PeriodRange: q.PeriodRange, Level: q.Level, Rows: []*AccountBalanceRow{}}
	shown := map[string]bool{}
	for _, a := range chart {
		level := AccountLevel(a.Code)
		if level > q.Level || (q.AccountCode != nil && !strings.HasPrefix(a.Code, *q.AccountCode)) {
			continue
		}
		t := byCode[a.Code]
		opening := t.OpeningDebit.Sub(t.OpeningCredit)
		r := &AccountBalanceRow{Account: a, Level: level, Opening: BalanceOf(opening), PeriodDebit: t.PeriodDebit, PeriodCredit: t.PeriodCredit,
			Closing: BalanceOf(opening.Add(t.PeriodDebit).Sub(t.PeriodCredit)), YearDebit: t.YearDebit, YearCredit: t.YearCredit}
		if q.HideEmpty && r.Empty() {
			continue
		}
		out.Rows = append(out.Rows, r)
		shown[a.Code] = true
	}
	for _, r := range out.Rows {
		if p := r.Account.ParentCode; p != nil && shown[*p] {
			continue
		}
		t := &out.Totals
		t.OpeningDebit, t.OpeningCredit = t.OpeningDebit.Add(r.Opening.DebitAmount()), t.OpeningCredit.Add(r.Opening.CreditAmount())
		t.PeriodDebit, t.PeriodCredit = t.PeriodDebit.Add(r.PeriodDebit), t.PeriodCredit.Add(r.PeriodCredit)
		t.ClosingDebit, t.ClosingCredit = t.ClosingDebit.Add(r.Closing.DebitAmount()), t.ClosingCredit.Add(r.Closing.CreditAmount())
		t.YearDebit, t.YearCredit = t.YearDebit.Add(r.YearDebit), t.YearCredit.Add(r.YearCredit)
	}
	return out
}

// GeneralLedgerMonth is one month of the general ledger (总账): its opening
// balance, its movement (本期合计) and the year's movement to its end
// (本年累计).
type GeneralLedgerMonth struct {
	Year, Month int
	Opening     LedgerBalance
	Debit       decimal.Decimal
	Credit      decimal.Decimal
	Closing     LedgerBalance
	YearDebit   decimal.Decimal
	YearCredit  decimal.Decimal
}

// GeneralLedger is an account's general ledger (总账) over a range of periods.
type GeneralLedger struct {
	PeriodRange
	Account *Account
	Opening LedgerBalance
	Months  []*GeneralLedgerMonth
	Debit   decimal.Decimal
	Credit  decimal.Decimal
	Closing LedgerBalance
}

// MonthTotals is an account's (and its sub-accounts') debits and credits
// of one month.
type MonthTotals struct {
	Month  Date            `db:"month"`
	Debit  decimal.Decimal `db:"debit"`
	Credit decimal.Decimal `db:"credit"`
}

// BuildGeneralLedger makes the general ledger from the balance before the
// range (openingNet, debit minus credit), the movement of the range's
// first year before the range (its months before FromMonth when the range
// starts in its last year) and each month's totals (months without
// postings may be missing).
func BuildGeneralLedger(r PeriodRange, a *Account, openingNet decimal.Decimal, yearBeforeDebit, yearBeforeCredit decimal.Decimal, months []MonthTotals) *GeneralLedger {
	byMonth := map[Date]MonthTotals{}
	for _, m := range months {
		byMonth[m.Month] = m
	}
	g := &GeneralLedger{PeriodRange: r, Account: a, Opening: BalanceOf(openingNet), Months: []*GeneralLedgerMonth{}}
	net := openingNet
	yd, yc := yearBeforeDebit, yearBeforeCredit
	y, m := r.FromYear, r.FromMonth
	for i := 0; i < r.Months(); i++ {
		if m == 1 && i > 0 {
			yd, yc = decimal.Zero, decimal.Zero
		}
		t := byMonth[Date{Year: y, Month: time.Month(m), Day: 1}]
		yd, yc = yd.Add(t.Debit), yc.Add(t.Credit)
		row := &GeneralLedgerMonth{Year: y, Month: m, Opening: BalanceOf(net), Debit: t.Debit, Credit: t.Credit, YearDebit: yd, YearCredit: yc}
		net = net.Add(t.Debit).Sub(t.Credit)
		row.Closing = BalanceOf(net)
		g.Months = append(g.Months, row)
		g.Debit, g.Credit = g.Debit.Add(t.Debit), g.Credit.Add(t.Credit)
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	g.Closing = BalanceOf(net)
	return g
}

// AccountLedgerLine is one journal line of an account's sub-ledger (明细账)
// with the balance after it.
type AccountLedgerLine struct {
	ID          int64           `db:"id"`
	EntryID     int64           `db:"entry_id"`
	LineNo      int             `db:"line_no"`
	AccountCode string          `db:"account_code"`
	PostingDate Date            `db:"posting_date"`
	VoucherNo   string          `db:"voucher_no"`
	LineText    string          `db:"line_description"`
	EntryText   string          `db:"entry_description"`
	Debit       decimal.Decimal `db:"debit"`
	Credit      decimal.Decimal `db:"credit"`
	Account     *Account        `db:"-"`
	Entry       *JournalEntry   `db:"-"`
	Balance     LedgerBalance   `db:"-"`
}

// Description is the line's own note, else its entry's.
func (l *AccountLedgerLine) Description() string {
	if strings.TrimSpace(l.LineText) != "" {
		return l.LineText
	}
	return l.EntryText
}

// Source is the document that posted the line's entry.
func (l *AccountLedgerLine) Source() Source { return l.Entry.Source() }

// AccountLedger is a page of an account's sub-ledger with the balances
// around the whole range.
type AccountLedger struct {
	Account      *Account
	From, To     Date
	Opening      LedgerBalance
	PeriodDebit  decimal.Decimal
	PeriodCredit decimal.Decimal
	Closing      LedgerBalance
	Lines        *Page[*AccountLedgerLine]
}

// AccountLedgerOrderField is what a sub-ledger can be sorted by.
type AccountLedgerOrderField string

const (
	AccountLedgerByDate      AccountLedgerOrderField = "DATE"
	AccountLedgerByVoucherNo AccountLedgerOrderField = "VOUCHER_NO"
)

// AccountLedgerOrder sorts a sub-ledger.
type AccountLedgerOrder struct {
	Field     AccountLedgerOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *AccountLedgerOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// RunBalances sets the balance after each line of a page: before is the
// balance (net) before the page's first line in the page's order when
// ascending; when descending, it is the balance after the page's first
// line (the latest), and each next line's balance is the previous one's
// less the previous line's movement.
func RunBalances(lines []*AccountLedgerLine, before decimal.Decimal, desc bool) {
	net := before
	for i, l := range lines {
		if desc {
			if i > 0 {
				p := lines[i-1]
				net = net.Sub(p.Debit).Add(p.Credit)
			}
		} else {
			net = net.Add(l.Debit).Sub(l.Credit)
		}
		l.Balance = BalanceOf(net)
	}
}

// LedgerBooks reads the books: account balances, general ledger and
// sub-ledgers.
type LedgerBooks interface {
	AccountBalances(ctx context.Context, q AccountBalancesQuery) (*AccountBalances, error)
	GeneralLedger(ctx context.Context, accountCode string, r PeriodRange) (*GeneralLedger, error)
	AccountLedger(ctx context.Context, accountCode string, from, to Date, o *AccountLedgerOrder, p PageArgs) (*AccountLedger, error)
}
