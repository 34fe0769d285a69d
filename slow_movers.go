package jxc

import "github.com/shopspring/decimal"

// Slow movers (呆滞): stock with no issue (shipment or any stock out) in N
// days, N per category or the company's default.

// SlowMoverBucket is how long stock has been idle.
type SlowMoverBucket string

const (
	IdleUnder90  SlowMoverBucket = "UNDER_90"
	Idle90To180  SlowMoverBucket = "DAYS_90_180"
	Idle180To365 SlowMoverBucket = "DAYS_180_365"
	IdleOver365  SlowMoverBucket = "OVER_365"
)

// SlowMoverBuckets in the order the screen shows them.
var SlowMoverBuckets = []SlowMoverBucket{IdleUnder90, Idle90To180, Idle180To365, IdleOver365}

// BucketOf is the bucket of a number of idle days: under 90, 90 to 179,
// 180 to 365, over 365.
func BucketOf(days int) SlowMoverBucket {
	switch {
	case days < 90:
		return IdleUnder90
	case days < 180:
		return Idle90To180
	case days <= 365:
		return Idle180To365
	}
	return IdleOver365
}

// SlowMoverAction is what to do with slow stock.
type SlowMoverAction string

const (
	ActionDiscount         SlowMoverAction = "DISCOUNT"
	ActionReturnToSupplier SlowMoverAction = "RETURN_TO_SUPPLIER"
	ActionScrap            SlowMoverAction = "SCRAP"
)

// ReturnWindowDays is how recent a supplier's receipt must be for the goods
// to go back to the supplier.
const ReturnWindowDays = 180

// SuggestedSlowMoverAction: idle over a year, scrap; received from a
// supplier within the return window, return it; otherwise sell it off at
// a discount.
func SuggestedSlowMoverAction(idleDays int, daysSinceReceipt *int) SlowMoverAction {
	switch {
	case idleDays > 365:
		return ActionScrap
	case daysSinceReceipt != nil && *daysSinceReceipt <= ReturnWindowDays:
		return ActionReturnToSupplier
	}
	return ActionDiscount
}

// SlowMoverDiscountRate is the discount a DISCOUNT suggestion opens a
// sales order with.
var SlowMoverDiscountRate = decimal.RequireFromString("0.2")

// IdleStock is one product's idle stock in one warehouse.
type IdleStock struct {
	ProductID   int64           `db:"product_id"`
	WarehouseID int64           `db:"warehouse_id"`
	OnHand      decimal.Decimal `db:"on_hand"`
	Value       decimal.Decimal `db:"value"`
	LastIssue   *Date           `db:"last_issue"`
	// IdleSince is the last issue, or the first move when never issued.
	IdleSince         Date            `db:"idle_since"`
	LastReceipt       *Date           `db:"last_receipt"`
	LastReceiptID     *int64          `db:"last_receipt_id"`
	LastReceiptNumber *string         `db:"last_receipt_number"`
	IdleDays          int             `db:"idle_days"`
	ThresholdDays     int             `db:"threshold_days"`
	Bucket            SlowMoverBucket `db:"-"`
	Action            SlowMoverAction `db:"-"`
	Product           *Product        `db:"-"`
	Warehouse         *Warehouse      `db:"-"`
}

// Classify fills the bucket and the suggested action as of today.
func (m *IdleStock) Classify(today Date) {
	m.Bucket = BucketOf(m.IdleDays)
	var since *int
	if m.LastReceipt != nil {
		d := today.DaysSince(*m.LastReceipt)
		since = &d
	}
	m.Action = SuggestedSlowMoverAction(m.IdleDays, since)
}

// SlowMoverFilter narrows slow movers.
type SlowMoverFilter struct {
	WarehouseID *int64
	CategoryID  *int64
	// AsOf is the day idle days count to (today when zero).
	AsOf Date
}

// CategorySlowMoverDays is a category's own idle days (nil: the company's).
type CategorySlowMoverDays struct {
	CategoryID int64  `db:"id"`
	Code       string `db:"code"`
	Name       string `db:"name"`
	Days       *int   `db:"slow_mover_days"`
}
