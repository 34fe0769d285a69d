package jxc

import (
	"time"

	"github.com/shopspring/decimal"
)

// Scales of the exact decimals the books keep (DOMAIN.md: NUMERIC(18,4)
// quantities, NUMERIC(18,2) money, NUMERIC(18,6) unit costs and rates).
const (
	QuantityPlaces = 4
	MoneyPlaces    = 2
	UnitCostPlaces = 6
)

// Largest magnitudes a figure may have. A NUMERIC(18,s) column holds 18-s
// integer digits; the bounds stay below that with room for the sums the
// books keep of them (a product's stock, a document's total, an account's
// month), so that nothing derived from accepted input overflows its column:
//   - a quantity below 10^10 of NUMERIC(18,4)'s 10^14: a stock level sums
//     10,000 such receipts;
//   - an amount below 10^13 of NUMERIC(18,2)'s 10^16: a 500-line document
//     with its tax fits, and an account's balance 1,000 such documents;
//   - a unit cost or price below 10^12, NUMERIC(18,6)'s own bound, since
//     quantity x price is bounded as an amount in its own right.
var (
	maxQuantity = decimal.New(1, 10)
	maxMoney    = decimal.New(1, 13)
	maxUnitCost = decimal.New(1, 12)
	hundred     = decimal.NewFromInt(100)
)

// CompanyLocation is the company's time zone: "today" for a posting date is
// today there. China has no daylight saving, so a fixed zone is exact and
// needs no tz database on the host.
var CompanyLocation = time.FixedZone("CST", 8*3600)

// Today returns the date of now in the company's time zone.
func Today(now time.Time) Date { return DateOf(now.In(CompanyLocation)) }

// RoundMoney rounds to cents, half-up. decimal.Round rounds half away from
// zero: for the positive amounts the rules round (q x unit cost, q x
// value/qty) that is exactly half-up, and a negative amount rounds as the
// mirror image of its positive, so a receipt and its reversal always carry
// the same cents.
func RoundMoney(d decimal.Decimal) decimal.Decimal { return d.Round(MoneyPlaces) }

// DivRound returns num/den rounded half away from zero to places decimals,
// computed exactly (decimal.Div first rounds to 16 places, which could turn
// 0.00499999999999999999 into 0.005 and round a cent the wrong way).
func DivRound(num, den decimal.Decimal, places int32) decimal.Decimal {
	if den.IsZero() {
		panic("DivRound by zero")
	}
	q, r := num.QuoRem(den, places)
	// q is truncated towards zero; r has num's sign. Round up the magnitude
	// when |r| >= |den| x 0.5 x 10^-places.
	half := den.Abs().Mul(decimal.New(5, -places-1))
	if r.Abs().GreaterThanOrEqual(half) {
		step := decimal.New(1, -places)
		if num.Sign()*den.Sign() < 0 {
			step = step.Neg()
		}
		q = q.Add(step)
	}
	return q
}

// hasPlaces reports whether d has at most n decimals (trailing zeros do not count).
func hasPlaces(d decimal.Decimal, n int32) bool { return d.Equal(d.Truncate(n)) }

// decimalRule is what a kind of number must be: positive or merely not
// negative, how many decimals it may have, the bound it must stay below, and
// the words the messages use for it.
type decimalRule struct {
	positive bool
	places   int32
	max      decimal.Decimal
	what     string // "quantity", "amount", "unit cost"
	sign     string // "> 0" or ">= 0"
	decimals string // "4 decimals"
	below    string // the bound as a person reads it
}

var (
	quantityRule = decimalRule{true, QuantityPlaces, maxQuantity, "quantity", "> 0", "4 decimals", "10,000,000,000"}
	moneyRule    = decimalRule{false, MoneyPlaces, maxMoney, "amount", ">= 0", "2 decimals", "10,000,000,000,000"}
	unitCostRule = decimalRule{false, UnitCostPlaces, maxUnitCost, "unit cost", ">= 0", "6 decimals", "1,000,000,000,000"}
)

// The words of the rules, as messages use them (translated in the common
// catalogue).
var (
	_ = []Noun{"quantity", "amount", "unit cost", "> 0", ">= 0", "4 decimals", "2 decimals", "6 decimals"}
)

// check adds the first rule d breaks, if any.
func (r decimalRule) check(es *Errors, field string, d decimal.Decimal) {
	switch {
	case d.Sign() < 0, r.positive && d.Sign() == 0:
		es.Add(EINVALID, field, "{what} must be {sign}", P{"what": Noun(r.what), "sign": Noun(r.sign)})
	case !hasPlaces(d, r.places):
		es.Add(EINVALID, field, "{what} may have at most {decimals}", P{"what": Noun(r.what), "decimals": Noun(r.decimals)})
	case d.GreaterThanOrEqual(r.max):
		es.Add(EINVALID, field, "{what} must be below {max}", P{"what": Noun(r.what), "max": r.below})
	}
}

// CheckDerivedAmount adds an error on field when an amount the books derive
// from the input (a line's quantity x price, its tax, a document's total)
// reaches the money bound, which every amount column shares: what names
// the amount ("quantity x unit price", "the order's total").
func CheckDerivedAmount(es *Errors, field, what string, amount decimal.Decimal) {
	checkDerivedAmount(es, field, Noun(what), amount)
}

func checkDerivedAmount(es *Errors, field string, what Localized, amount decimal.Decimal) {
	if amount.Abs().GreaterThanOrEqual(maxMoney) {
		es.Add(EINVALID, field, "{what} is {amount}; an amount must be below {max}", P{"what": what, "amount": Money(amount), "max": moneyRule.below})
	}
}

// LineAmount is one line of a document as far as its amount goes: quantity
// x price, and the input path of the line's quantity (where an error goes).
type LineAmount struct {
	Field           string
	Quantity, Price decimal.Decimal
}

// CheckLineAmounts adds an error for each line whose quantity x price
// reaches the money bound and one on totalField when their sum does; what
// names the price ("unit price", "unit cost"). Lines whose quantity or
// price breaks its own rule are left to that rule.
func CheckLineAmounts(es *Errors, totalField, what string, lines []LineAmount) {
	total := decimal.Zero
	for _, l := range lines {
		if l.Quantity.Sign() < 0 || l.Price.Sign() < 0 || l.Quantity.GreaterThanOrEqual(maxQuantity) || l.Price.GreaterThanOrEqual(maxUnitCost) {
			continue
		}
		amount := RoundMoney(l.Quantity.Mul(l.Price))
		checkDerivedAmount(es, l.Field, Phrase{"quantity x {price}", P{"price": Noun(what)}}, amount)
		total = total.Add(amount)
	}
	if len(lines) > 1 {
		checkDerivedAmount(es, totalField, Phrase{"the sum of the lines' quantity x {price}", P{"price": Noun(what)}}, total)
	}
}

// CheckQuantity adds an error when q is not a positive quantity of at most 4 decimals.
func CheckQuantity(es *Errors, field string, q decimal.Decimal) { quantityRule.check(es, field, q) }

// CheckMoney adds an error when m is not an amount >= 0 of at most 2 decimals.
func CheckMoney(es *Errors, field string, m decimal.Decimal) { moneyRule.check(es, field, m) }

// CheckUnitCost adds an error when c is not a unit cost >= 0 of at most 6 decimals.
func CheckUnitCost(es *Errors, field string, c decimal.Decimal) { unitCostRule.check(es, field, c) }

// checkPositiveAmount adds an error when m is not an amount > 0 of at most 2
// decimals: what a payment, a cost or a budget line must be.
func checkPositiveAmount(es *Errors, field string, m decimal.Decimal) {
	CheckMoney(es, field, m)
	if m.IsZero() {
		es.Add(EINVALID, field, "amount must be > 0")
	}
}
