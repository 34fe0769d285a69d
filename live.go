package jxc

import (
	"context"

	"github.com/shopspring/decimal"
)

// StockLevelChange is one committed change of a stock level, as the live
// graph pushes it. Seq is its place in the event stream: a subscriber that
// reconnects passes the last Seq it saw and misses nothing. Resync (with no
// level) tells a subscriber that fell too far behind to reload instead.
type StockLevelChange struct {
	Seq    int64
	Resync bool
	Level  *StockLevel
}

// LiveService streams committed changes to subscribers.
type LiveService interface {
	// StockLevelChanges sends the changes of stock levels matching f as they
	// commit; with after > 0 it first sends those after that sequence number.
	StockLevelChanges(ctx context.Context, f StockLevelFilter, after int64) (<-chan StockLevelChange, error)
	// AlertsRaised sends alerts of the kinds (all when empty) as they are
	// raised; with ownerID, only those for that user or for everyone.
	AlertsRaised(ctx context.Context, kinds []string, ownerID *int64, after int64) (<-chan AlertChange, error)
	// ReceivableChanges sends customers' receivables as they change.
	ReceivableChanges(ctx context.Context, f ReceivableFilter, after int64) (<-chan ReceivableChange, error)
}

// AlertChange is one raised alert as the live graph pushes it.
type AlertChange struct {
	Seq    int64
	Resync bool
	Alert  *Alert
}

// ReceivableChange is a customer's receivables position right after a
// committed change: what they owe, what is overdue, the credit left, and
// whether orders wait on a credit hold.
type ReceivableChange struct {
	Seq             int64
	Resync          bool
	Customer        *Customer
	OpenBalance     decimal.Decimal
	OverdueAmount   decimal.Decimal
	CreditAvailable decimal.Decimal
	OnCreditHold    bool
}

// ReceivableFilter narrows receivable changes; empty fields do not filter.
type ReceivableFilter struct {
	CustomerID *int64
	Region     *string
}
