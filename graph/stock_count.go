package graph

import (
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// hidden is a book figure of a count line, or nil when the sheet is blind
// and the reader only counts.
func hidden(l *jxc.StockCountLine, v decimal.Decimal) *decimal.Decimal {
	if l.BookHidden {
		return nil
	}
	return &v
}

func scheduleEntries(m map[jxc.ABCClass]int) []*CountScheduleEntry {
	out := []*CountScheduleEntry{}
	for _, k := range []jxc.ABCClass{jxc.ClassA, jxc.ClassB, jxc.ClassC} {
		if n, ok := m[k]; ok {
			out = append(out, &CountScheduleEntry{AbcClass: k, IntervalMonths: n})
		}
	}
	return out
}
