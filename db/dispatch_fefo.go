package db

import (
	"context"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// fefoPicks names the batches of the batch-tracked products on a planned
// pick list: each product's batches in the warehouse first expiring first
// (FEFOBatches) for all the list takes of it, split over its picks in
// walking order.
func fefoPicks(ctx context.Context, q Queryer, wid int64, plan []jxc.PlannedPick) ([]jxc.PlannedPick, error) {
	var pids []int64
	total := map[int64]decimal.Decimal{}
	for _, p := range plan {
		if _, ok := total[p.ProductID]; !ok {
			pids = append(pids, p.ProductID)
		}
		total[p.ProductID] = total[p.ProductID].Add(p.Quantity)
	}
	tracked, err := trackedProducts(ctx, q, pids)
	if err != nil || len(tracked) == 0 {
		return plan, err
	}
	takes := map[int64][]jxc.BatchTake{}
	for _, pid := range pids {
		if _, ok := tracked[pid]; !ok {
			continue
		}
		ts, err := FEFOBatches(ctx, q, pid, wid, total[pid])
		if err != nil {
			return nil, err
		}
		takes[pid] = ts
	}
	return jxc.SplitPicksByBatch(plan, takes), nil
}

// pickedFrom is the context a confirmed pick list ships one shipment in:
// what was picked of it names the bins (and batches) the stock leaves.
func pickedFrom(ctx context.Context, pl *jxc.PickList, shipmentID int64) context.Context {
	var takes []*binTake
	var allocs []*batchAlloc
	for _, l := range pl.Lines {
		if l.ShipmentID != shipmentID || l.Picked.Sign() <= 0 {
			continue
		}
		takes = append(takes, &binTake{ProductID: l.ProductID, WarehouseID: pl.WarehouseID, LocationID: jxc.Deref(l.LocationID), Quantity: l.Picked})
		if l.BatchID != nil {
			allocs = append(allocs, &batchAlloc{ProductID: l.ProductID, WarehouseID: pl.WarehouseID, BatchID: *l.BatchID, Quantity: l.Picked.Neg(),
				Field: "input.pickListNumber"})
		}
	}
	ctx = withBinTakes(ctx, takes)
	if len(allocs) > 0 {
		ctx = withBatches(ctx, allocs)
	}
	return ctx
}

// pickBatches loads the batches pick list lines name.
func pickBatches(ctx context.Context, q Queryer, ids []int64) (map[int64]*jxc.Batch, error) {
	out := map[int64]*jxc.Batch{}
	if len(ids) == 0 {
		return out, nil
	}
	var bs []*jxc.Batch
	if err := q.SelectContext(ctx, &bs, `SELECT id, product_id, number, expiry_date, production_date, source_type, source_id, '' AS source_number
		FROM batches WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	for _, b := range bs {
		out[b.ID] = b
	}
	return out, nil
}
