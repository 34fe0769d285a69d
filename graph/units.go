package graph

import (
	"context"

	"github.com/jxcgraph/jxc"
)

// unitSet reads one product's units.
func (r *Resolver) unitSet(ctx context.Context, productID int64) (*jxc.UnitSet, error) {
	sets, err := r.UnitService.ProductUnits(ctx, []int64{productID})
	if err != nil {
		return nil, err
	}
	if s := sets[productID]; s != nil {
		return s, nil
	}
	return &jxc.UnitSet{ProductID: productID, Units: []*jxc.ProductUnit{}}, nil
}
