package jxc

import "context"

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
}

// AlertChange is one raised alert as the live graph pushes it.
type AlertChange struct {
	Seq    int64
	Resync bool
	Alert  *Alert
}
