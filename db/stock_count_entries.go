package db

import (
	"context"

	"github.com/jxcgraph/jxc"
)

var _ jxc.CountEntryReader = (*StockCountService)(nil)

// CountEntries are a line's count entries of one round with the counters' user names, oldest first.
func (s *StockCountService) CountEntries(ctx context.Context, lineID int64, round int) ([]*jxc.StockCountEntry, error) {
	out := []*jxc.StockCountEntry{}
	err := s.db.SelectContext(ctx, &out, `SELECT e.id, e.line_id, e.round, e.quantity, e.counted_by, e.counted_at, e.via_scan, COALESCE(u.username, '') AS counter
		FROM stock_count_entries e LEFT JOIN users u ON u.id = e.counted_by
		WHERE e.line_id = $1 AND e.round = $2 ORDER BY e.counted_at, e.id`, lineID, round)
	return out, err
}
