package jxc

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Shipments: what leaves the warehouse against an order.

// ShipmentStatus is where a delivery stands.
type ShipmentStatus string

const (
	ShipmentPending   ShipmentStatus = "PENDING"
	ShipmentShipped   ShipmentStatus = "SHIPPED"
	ShipmentDelivered ShipmentStatus = "DELIVERED"
	ShipmentCancelled ShipmentStatus = "CANCELLED"
)

// Shipment is a delivery of an order from its warehouse. It is created
// PENDING with the reserved quantities when the order is confirmed;
// shipping posts what leaves, and what is left reserved moves to a new
// pending shipment.
type Shipment struct {
	ID             int64          `db:"id"`
	Number         string         `db:"number"`
	OrderID        int64          `db:"order_id"`
	CustomerID     int64          `db:"customer_id"`
	WarehouseID    int64          `db:"warehouse_id"`
	Status         ShipmentStatus `db:"status"`
	PostingDate    *Date          `db:"posting_date"`
	Carrier        string         `db:"carrier"`
	TrackingNumber string         `db:"tracking_number"`
	JournalEntryID *int64         `db:"journal_entry_id"`
	InvoiceID      *int64         `db:"invoice_id"`
	ShippedAt      *time.Time     `db:"shipped_at"`
	DeliveredAt    *time.Time     `db:"delivered_at"`
	// DeliveredOn is the business date of the delivery, which the
	// satisfaction KPI counts its rating by; DeliveredAt is when it was
	// recorded.
	DeliveredOn   *Date     `db:"delivered_on"`
	Rating        *int      `db:"rating"`
	RatingComment string    `db:"rating_comment"`
	CreatedAt     time.Time `db:"created_at"`
	Lines         []*ShipmentLine
	Order         *SalesOrder `db:"-"`
	Customer      *Customer   `db:"-"`
	Warehouse     *Warehouse  `db:"-"`
}

// ShipmentLine is one order line's quantity on a shipment, with the cost it
// left at once shipped.
type ShipmentLine struct {
	ID            int64           `db:"id"`
	ShipmentID    int64           `db:"shipment_id"`
	LineNo        int             `db:"line_no"`
	OrderLineID   int64           `db:"order_line_id"`
	ProductID     int64           `db:"product_id"`
	Quantity      decimal.Decimal `db:"quantity"`
	CostValue     decimal.Decimal `db:"cost_value"`
	ReturnedQty   decimal.Decimal `db:"returned_quantity"`
	ReturnedValue decimal.Decimal `db:"returned_value"`
	// Unit and UnitFactor are the order line's: the quantities are in it.
	Unit       string          `db:"unit"`
	UnitFactor decimal.Decimal `db:"unit_factor"`
	Product    *Product        `db:"-"`
}

// ShipInput posts a pending shipment.
type ShipInput struct {
	ShipmentID     int64
	PostingDate    *Date
	Carrier        *string
	TrackingNumber *string
	// Lines ship part of the shipment; nil ships all of it.
	Lines          []ShipLineInput
	IdempotencyKey *string
}

// ShipLineInput is how much of one shipment line leaves.
type ShipLineInput struct {
	ShipmentLineID int64
	Quantity       decimal.Decimal
	// BatchNumber names the batch a batch-tracked product leaves from;
	// without it the earliest expiring batches go first (FEFO).
	BatchNumber *string
}

// ValidateShipInput returns every rule the input breaks on its own.
func ValidateShipInput(in ShipInput) error {
	var es Errors
	checkOptText(&es, "input.carrier", "carrier", in.Carrier, 0, 100)
	checkOptText(&es, "input.trackingNumber", "tracking number", in.TrackingNumber, 0, 100)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	if in.Lines != nil {
		checkLineCount(&es, len(in.Lines), 1, 500)
	}
	checkShipmentLines(&es, in.Lines, func(l ShipLineInput) (int64, decimal.Decimal) { return l.ShipmentLineID, l.Quantity })
	return es.Err()
}

// checkShipmentLines checks the quantities given against shipment lines,
// each line named once: what leaves (shipping) and what comes back (returns).
func checkShipmentLines[L any](es *Errors, lines []L, line func(L) (id int64, q decimal.Decimal)) {
	id := func(l L) int64 { id, _ := line(l); return id }
	checkEachOnce(es, "input.lines", lines, id, "shipmentLineId", "this shipment line is listed twice (also at line {earlier})", func(f string, l L) {
		_, q := line(l)
		CheckQuantity(es, f+"quantity", q)
	})
}

// DeliveryInput confirms that a shipment arrived, with the customer's rating.
type DeliveryInput struct {
	ShipmentID int64
	// DeliveredOn is the day the customer received it; today when nil.
	DeliveredOn   *Date
	Rating        *int
	RatingComment *string
}

// ValidateDeliveryInput returns every rule the input breaks on its own.
func ValidateDeliveryInput(in DeliveryInput) error {
	var es Errors
	if in.Rating != nil && (*in.Rating < 1 || *in.Rating > 5) {
		es.Add(EINVALID, "input.rating", "a rating is 1 to 5")
	}
	checkOptText(&es, "input.ratingComment", "comment", in.RatingComment, 0, 1000)
	return es.Err()
}

// ShippingPlan is what shipping a pending shipment writes.
type ShippingPlan struct {
	// Lines are the shipment lines that leave, in line order, each with
	// the quantity that ships.
	Lines []ShippedLine
	// Unshipped are the shipment lines of which nothing leaves; they are
	// taken off this shipment.
	Unshipped []int64
	// Remainder is what stays reserved per order line; it moves to a new
	// pending shipment.
	Remainder map[int64]decimal.Decimal
	// Keys are the stock balances the shipment takes from, one per line
	// that leaves; Release is the change to their reservation (negative).
	Keys    []StockKey
	Release map[StockKey]decimal.Decimal
	// Issue posts what leaves at moving-average cost; the caller adds the
	// customer's code as Partner.
	Issue *ShipmentIssue
}

// ShippedLine is one shipment line that leaves, and how much of it.
type ShippedLine struct {
	Line     *ShipmentLine
	Quantity decimal.Decimal
}

// PlanShipping decides what of a shipment leaves on date, given its order
// and the input (nil lines ship all of it). es are the input's own errors
// (ValidateShipInput); every violation found here is added to them. A
// shipment that is not pending is refused alone.
func PlanShipping(sh *Shipment, o *SalesOrder, date Date, in ShipInput, es Errors) (*ShippingPlan, error) {
	if sh.Status != ShipmentPending {
		return nil, FieldErrorf(ECONFLICT, "input.shipmentId", "shipment {shipment} is {status}; only a pending shipment ships", P{"shipment": sh.Number, "status": StatusText(sh.Status)})
	}
	if date.Before(o.PostingDate) {
		es.Add(EINVALID, "input.postingDate", "a shipment may not be dated before its order ({date})", P{"date": o.PostingDate})
	}
	qty := map[int64]decimal.Decimal{}
	if in.Lines == nil {
		for _, l := range sh.Lines {
			qty[l.ID] = l.Quantity
		}
	}
	byID := map[int64]*ShipmentLine{}
	for _, l := range sh.Lines {
		byID[l.ID] = l
	}
	for i, li := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		l := byID[li.ShipmentLineID]
		if l == nil {
			es.Add(ENOTFOUND, f+"shipmentLineId", "shipment {shipment} has no such line", P{"shipment": sh.Number})
			continue
		}
		if li.Quantity.GreaterThan(l.Quantity) {
			es.Add(ECONFLICT, f+"quantity", "only {reserved} is reserved on line {line} of this shipment; cannot ship {requested}",
				P{"reserved": l.Quantity, "line": l.LineNo, "requested": li.Quantity})
			continue
		}
		qty[l.ID] = li.Quantity
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	if len(qty) == 0 {
		return nil, FieldErrorf(EINVALID, "input.lines", "nothing to ship")
	}
	p := &ShippingPlan{Remainder: map[int64]decimal.Decimal{}, Release: map[StockKey]decimal.Decimal{},
		Issue: &ShipmentIssue{Date: date, Description: T("Shipment {number} of order {order}", P{"number": sh.Number, "order": o.Number})}}
	for _, l := range sh.Lines {
		q, ok := qty[l.ID]
		if !ok {
			p.Unshipped = append(p.Unshipped, l.ID)
			q = decimal.Zero
		}
		if rest := l.Quantity.Sub(q); rest.Sign() > 0 {
			p.Remainder[l.OrderLineID] = rest
		}
		if !ok {
			continue
		}
		k := StockKey{ProductID: l.ProductID, WarehouseID: sh.WarehouseID}
		p.Keys = append(p.Keys, k)
		p.Release[k] = p.Release[k].Sub(q)
		p.Issue.Lines = append(p.Issue.Lines, ShipmentIssueLine{ProductID: l.ProductID, WarehouseID: sh.WarehouseID, Quantity: q})
		p.Lines = append(p.Lines, ShippedLine{Line: l, Quantity: q})
	}
	return p, nil
}
