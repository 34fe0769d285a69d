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
}
