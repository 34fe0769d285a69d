package db

import (
	"context"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// stockOperationRefs reads the warehouse operations' documents by id for
// Refs (the source documents of their entries and moves): transfers and
// supplier returns in one statement per kind and a few for their lines;
// count sheets and bin moves one by one (their readers compute per sheet),
// which a page of vouchers names few of. ok is false for other kinds.
func stockOperationRefs(ctx context.Context, q Queryer, kind jxc.RefKind, ids []int64) (out map[int64]any, ok bool, err error) {
	switch kind {
	case jxc.RefStockTransfer:
		ts, err := loadTransfers(ctx, q, `SELECT `+transferCols+` FROM stock_transfers t WHERE t.id = ANY($1)`, pq.Array(ids))
		return byID(ts, func(t *jxc.StockTransfer) int64 { return t.ID }), true, err
	case jxc.RefSupplierReturn:
		var rs []*jxc.SupplierReturn
		if err := q.SelectContext(ctx, &rs, `SELECT `+supplierReturnCols+` FROM supplier_returns_list WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
			return nil, true, err
		}
		return byID(rs, func(r *jxc.SupplierReturn) int64 { return r.ID }), true, loadSupplierReturnLines(ctx, q, rs)
	case jxc.RefStockCount:
		out = map[int64]any{}
		for _, id := range ids {
			c, err := findCount(ctx, q, id, "")
			if err != nil {
				if onlyNotFound(err) {
					continue
				}
				return nil, true, err
			}
			out[id] = c
		}
		return out, true, nil
	case jxc.RefBinMove:
		out = map[int64]any{}
		for _, id := range ids {
			d, err := loadBinMove(ctx, q, `SELECT `+binMoveCols+` FROM bin_moves WHERE id = $1`, id)
			if err != nil {
				if onlyNotFound(err) {
					continue
				}
				return nil, true, err
			}
			out[id] = d
		}
		return out, true, nil
	}
	return nil, false, nil
}

// onlyNotFound says whether err is only a not-found refusal.
func onlyNotFound(err error) bool {
	es, ok := jxc.AsErrors(err)
	return ok && len(es) == 1 && es[0].Code == jxc.ENOTFOUND
}
