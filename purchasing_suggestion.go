package jxc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Purchase suggestions: what to reorder, and draft orders made from the
// selected ones.

// PurchaseSuggestion is a product to reorder.
type PurchaseSuggestion struct {
	ProductID         int64
	WarehouseID       int64
	Available         decimal.Decimal // on hand less reserved
	OnOrder           decimal.Decimal // open purchase order quantity not yet received
	ReplenishmentNeed decimal.Decimal // shortages recorded by sales confirmations
	ReorderPoint      decimal.Decimal
	Shortage          decimal.Decimal
	Quantity          decimal.Decimal
	SupplierID        *int64
	UnitPrice         *decimal.Decimal
	ExpectedDate      *Date
	// Reason says why, rendered for each reader (Reason.Render).
	Reason    Text
	Product   *Product
	Warehouse *Warehouse
	Supplier  *Supplier
}

// SuggestQuantity decides whether and how much to reorder: the position is
// available + on order - needs; under the reorder point (or short of needs)
// the shortage is what brings it back to the reorder point, and the order is
// the reorder quantity or the shortage, whichever is larger.
func SuggestQuantity(available, onOrder, need, reorderPoint, reorderQty decimal.Decimal) (shortage, qty decimal.Decimal, ok bool) {
	position := available.Add(onOrder).Sub(need)
	if position.GreaterThanOrEqual(reorderPoint) && position.Sign() >= 0 {
		return decimal.Zero, decimal.Zero, false
	}
	shortage = decimal.Max(reorderPoint, decimal.Zero).Sub(position)
	if reorderPoint.Sign() == 0 && position.Sign() < 0 {
		shortage = position.Neg()
	}
	qty = decimal.Max(reorderQty, shortage)
	if qty.Sign() <= 0 {
		return decimal.Zero, decimal.Zero, false
	}
	return shortage, qty, true
}

// SuggestionOrderInput turns selected suggestions into draft orders.
type SuggestionOrderInput struct {
	Lines          []SuggestionOrderLine
	OrderDate      Date
	CostCentre     *string
	IdempotencyKey *string
}

// SuggestionOrderLine is one selected suggestion, with optional overrides.
type SuggestionOrderLine struct {
	ProductID   int64
	WarehouseID int64
	Quantity    *decimal.Decimal
	SupplierID  *int64
	UnitPrice   *decimal.Decimal
}

// ValidateSuggestionOrderInput returns every rule the input breaks on its own.
func ValidateSuggestionOrderInput(in SuggestionOrderInput) error {
	var es Errors
	if len(in.Lines) == 0 || len(in.Lines) > 500 {
		es.Add(EINVALID, "input.lines", "select 1 to 500 suggestions")
	}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		if l.Quantity != nil {
			CheckQuantity(&es, f+"quantity", *l.Quantity)
		}
		if l.UnitPrice != nil {
			CheckUnitCost(&es, f+"unitPrice", *l.UnitPrice)
		}
	}
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

// SuggestedOrder is one draft order made from selected suggestions.
type SuggestedOrder struct {
	SupplierID  int64
	WarehouseID int64
	Positions   []int // the input lines it orders, by position
	Lines       []PurchaseOrderLineInput
}

// PlanSuggestedOrders groups the selected lines into one order per supplier
// and warehouse, in the order they first appear. Each line takes what the
// input leaves open from its current suggestion: the quantity, the
// supplier, and the supplier's price when it is the suggested supplier.
// It returns every line refused at once: selected twice, nothing to
// reorder and no quantity given, or no supplier known.
func PlanSuggestedOrders(in SuggestionOrderInput, suggestions []*PurchaseSuggestion) ([]*SuggestedOrder, error) {
	byKey := map[StockKey]*PurchaseSuggestion{}
	for _, sg := range suggestions {
		byKey[StockKey{ProductID: sg.ProductID, WarehouseID: sg.WarehouseID}] = sg
	}
	var es Errors
	var orders []*SuggestedOrder
	seen := map[StockKey]int{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		k := StockKey{ProductID: l.ProductID, WarehouseID: l.WarehouseID}
		if j, dup := seen[k]; dup {
			es.Add(EINVALID, f+"productId", "this product and warehouse are already selected on line {line}", P{"line": j + 1})
			continue
		}
		seen[k] = i
		qty, sup, price := l.Quantity, l.SupplierID, l.UnitPrice
		if sg := byKey[k]; sg != nil {
			if qty == nil {
				qty = &sg.Quantity
			}
			if sup == nil {
				sup = sg.SupplierID
			}
			if price == nil && sup != nil && sg.SupplierID != nil && *sup == *sg.SupplierID {
				price = sg.UnitPrice
			}
		}
		if qty == nil {
			es.Add(ENOTFOUND, f+"quantity", "the product needs no reordering in this warehouse now: give a quantity to order it anyway")
			continue
		}
		if sup == nil {
			es.Add(EINVALID, f+"supplierId", "no supplier is known for the product: choose one")
			continue
		}
		var o *SuggestedOrder
		for _, x := range orders {
			if x.SupplierID == *sup && x.WarehouseID == l.WarehouseID {
				o = x
			}
		}
		if o == nil {
			o = &SuggestedOrder{SupplierID: *sup, WarehouseID: l.WarehouseID}
			orders = append(orders, o)
		}
		o.Positions = append(o.Positions, i)
		o.Lines = append(o.Lines, PurchaseOrderLineInput{ProductID: l.ProductID, Quantity: *qty, UnitPrice: price})
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return orders, nil
}

// ReorderPosition is a product's stock position in a warehouse and its
// reorder settings.
type ReorderPosition struct {
	ProductID    int64           `db:"product_id"`
	WarehouseID  int64           `db:"warehouse_id"`
	Available    decimal.Decimal `db:"available"`
	OnOrder      decimal.Decimal `db:"on_order"`
	ReorderPoint decimal.Decimal `db:"reorder_point"`
	ReorderQty   decimal.Decimal `db:"reorder_qty"`
	LeadTime     int             `db:"lead_time_days"`
	Need         decimal.Decimal `db:"-"` // shortages recorded by sales confirmations
}

// SuggestReorder suggests reordering a position when SuggestQuantity says
// so, with the reason in words; ok is false when nothing needs ordering.
func SuggestReorder(p ReorderPosition) (sg *PurchaseSuggestion, ok bool) {
	shortage, qty, ok := SuggestQuantity(p.Available, p.OnOrder, p.Need, p.ReorderPoint, p.ReorderQty)
	if !ok {
		return nil, false
	}
	reason := T("available {available} + on order {onOrder} is under the reorder point {reorderPoint}",
		P{"available": p.Available, "onOrder": p.OnOrder, "reorderPoint": p.ReorderPoint})
	if p.Need.Sign() > 0 {
		reason = T("sales need {need}; available {available} + on order {onOrder} (reorder point {reorderPoint})",
			P{"need": p.Need, "available": p.Available, "onOrder": p.OnOrder, "reorderPoint": p.ReorderPoint})
	}
	return &PurchaseSuggestion{ProductID: p.ProductID, WarehouseID: p.WarehouseID, Available: p.Available, OnOrder: p.OnOrder,
		ReplenishmentNeed: p.Need, ReorderPoint: p.ReorderPoint, Shortage: shortage, Quantity: qty, Reason: reason}, true
}

// ChooseSupplier gives a suggestion its best supplier option (the first of
// options, if any) with that supplier's last price, and the date the goods
// would arrive ordered today: after the offer's lead time, else the
// supplier's, else the product's (productLead).
func (sg *PurchaseSuggestion) ChooseSupplier(options []*SupplierOption, productLead int, today Date) {
	lead := productLead
	if len(options) > 0 {
		b := options[0]
		sg.SupplierID, sg.Supplier, sg.UnitPrice = &b.Supplier.ID, b.Supplier, b.Offer.LastPrice
		lead = b.Supplier.LeadTimeDays
		if b.Offer.LeadTimeDays != nil {
			lead = *b.Offer.LeadTimeDays
		}
	}
	d := today.AddDays(lead)
	sg.ExpectedDate = &d
}
