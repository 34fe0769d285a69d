package jxc

import "context"

// LedgerLine is one journal line as the ledger lists it: the line with the
// entry it belongs to, so that a list (or an export) of lines reads the
// voucher and the date without a second query per line.
type LedgerLine struct {
	JournalLine
	Entry *LedgerLineEntry
}

// LedgerLineEntry is what a ledger line shows of its journal entry.
type LedgerLineEntry struct {
	ID          int64      `db:"entry_id"`
	VoucherNo   string     `db:"voucher_no"`
	PostingDate Date       `db:"posting_date"`
	Description string     `db:"entry_description"`
	SourceType  SourceType `db:"source_type"`
}

// JournalLineFilter narrows the journal lines; empty fields do not filter.
type JournalLineFilter struct {
	AccountCode *string
	DateFrom    *Date
	DateTo      *Date
	// Year narrows to the calendar (fiscal) year, within the date range.
	Year       *int
	SourceType *SourceType
}

// JournalLineOrderField is what journal lines can be sorted by.
type JournalLineOrderField string

// JournalLineOrder sorts journal lines (by posting date when left out), then by id.
type JournalLineOrder struct {
	Field     JournalLineOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *JournalLineOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// LedgerLineService lists journal lines one by one (not by entry).
type LedgerLineService interface {
	FindJournalLines(ctx context.Context, f JournalLineFilter, o *JournalLineOrder, p PageArgs) (*Page[*LedgerLine], error)
}
