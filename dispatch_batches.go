package jxc

import "github.com/shopspring/decimal"

// SplitPicksByBatch names the batch of each planned pick of a batch-tracked
// product: takes are, per product, its batches first expiring first
// (FEFO) with what each gives to the pick list, and the picks take them in
// walking order, a pick split where one batch ends and the next begins.
// What the batches do not cover stays a pick without a batch (the shipment
// posting takes it first expiring first when the list is confirmed).
// Products without takes pass unchanged.
func SplitPicksByBatch(plan []PlannedPick, takes map[int64][]BatchTake) []PlannedPick {
	left := map[int64][]BatchTake{}
	for p, ts := range takes {
		left[p] = append([]BatchTake(nil), ts...)
	}
	out := make([]PlannedPick, 0, len(plan))
	for _, pk := range plan {
		ts, ok := left[pk.ProductID]
		if !ok {
			out = append(out, pk)
			continue
		}
		rest := pk.Quantity
		for i := range ts {
			if rest.Sign() <= 0 {
				break
			}
			if ts[i].Quantity.Sign() <= 0 {
				continue
			}
			q := decimal.Min(rest, ts[i].Quantity)
			ts[i].Quantity = ts[i].Quantity.Sub(q)
			rest = rest.Sub(q)
			c := pk
			id := ts[i].BatchID
			c.BatchID, c.Quantity = &id, q
			out = append(out, c)
		}
		if rest.Sign() > 0 {
			c := pk
			c.Quantity = rest
			out = append(out, c)
		}
	}
	return out
}
