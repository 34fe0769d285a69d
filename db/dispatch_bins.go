package db

import (
	"context"

	"github.com/shopspring/decimal"
)

// binTake names a bin an outflow takes from: what a pick list line picked
// there (location 0: stock in no bin). A confirmed pick list ships each
// shipment with its picks named, so the stock leaves the bins it was
// picked from (keepBinBalances), not the bins the default order would
// empty.
type binTake struct {
	ProductID, WarehouseID, LocationID int64
	Quantity                           decimal.Decimal
}

type binPlan struct{ takes []*binTake }

type binPlanKey struct{}

// withBinTakes names the bins the next posting's outflows without a bin
// take from first.
func withBinTakes(ctx context.Context, takes []*binTake) context.Context {
	return context.WithValue(ctx, binPlanKey{}, &binPlan{takes: takes})
}

// namedBinTakes takes need of product and warehouse from the bins the
// context names, as far as they hold it, and returns what is left of need.
// The plan's quantities go down as they are taken.
func namedBinTakes(ctx context.Context, bins map[binKey]decimal.Decimal, changed map[binKey]bool, productID, warehouseID int64, need decimal.Decimal) decimal.Decimal {
	p, _ := ctx.Value(binPlanKey{}).(*binPlan)
	if p == nil {
		return need
	}
	for _, t := range p.takes {
		if need.Sign() <= 0 {
			break
		}
		if t.ProductID != productID || t.WarehouseID != warehouseID || t.Quantity.Sign() <= 0 {
			continue
		}
		k := binKey{productID, warehouseID, t.LocationID}
		q := decimal.Min(need, t.Quantity, bins[k])
		if q.Sign() <= 0 {
			continue
		}
		bins[k], changed[k] = bins[k].Sub(q), true
		t.Quantity = t.Quantity.Sub(q)
		need = need.Sub(q)
	}
	return need
}
