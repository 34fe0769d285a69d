package jxc

import "context"

// CountEntryReader reads the count entries of a sheet's line: who counted
// how many and when, for the review of a sheet counted by several people.
type CountEntryReader interface {
	// CountEntries are the line's entries of the round, oldest first.
	CountEntries(ctx context.Context, lineID int64, round int) ([]*StockCountEntry, error)
}
