package jxc

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Pick, pack, dispatch (拣货/装箱/发运): a pick list gathers pending
// shipments of one warehouse and says what to take from which bin, in the
// bins' route order; confirming it ships what was picked (the shipment
// posting). Shipped goods are packed into parcels and dispatched with a
// carrier and tracking number; the carrier reports the delivery status.

// PickListStatus is where a pick list stands.
type PickListStatus string

const (
	PickListOpen      PickListStatus = "OPEN"
	PickListConfirmed PickListStatus = "CONFIRMED"
	PickListCancelled PickListStatus = "CANCELLED"
)

// DeliveryStatus is where a dispatched shipment is, as its carrier reports.
type DeliveryStatus string

const (
	DeliveryDispatched DeliveryStatus = "DISPATCHED"
	DeliveryInTransit  DeliveryStatus = "IN_TRANSIT"
	DeliveryDelivered  DeliveryStatus = "DELIVERED"
	DeliveryFailed     DeliveryStatus = "FAILED"
)

// Valid reports whether s is one of the delivery statuses.
func (s DeliveryStatus) Valid() bool {
	switch s {
	case DeliveryDispatched, DeliveryInTransit, DeliveryDelivered, DeliveryFailed:
		return true
	}
	return false
}

// Audit: the pick list record and the dispatch actions.
const (
	RecordPickList = "pickList"
	AuditPick      = "pick"
	AuditPack      = "pack"
	AuditDispatch  = "dispatch"
	AuditTrack     = "track"
)

// PickList is one picking run over one or more shipments of a warehouse.
type PickList struct {
	ID          int64          `db:"id"`
	Number      string         `db:"number"`
	WarehouseID int64          `db:"warehouse_id"`
	Status      PickListStatus `db:"status"`
	CreatedBy   *int64         `db:"created_by"`
	CreatedAt   time.Time      `db:"created_at"`
	ConfirmedAt *time.Time     `db:"confirmed_at"`
	Lines       []*PickListLine
	ShipmentIDs []int64     `db:"-"`
	Shipments   []*Shipment `db:"-"`
	Warehouse   *Warehouse  `db:"-"`
}

// PickListLine is what to take of one shipment line from one bin.
// LocationID nil: stock not in any bin. (A batch-tracked product's line
// will name its batch, chosen first-expiry-first-out, once batches exist.)
type PickListLine struct {
	ID             int64           `db:"id"`
	PickListID     int64           `db:"pick_list_id"`
	Seq            int             `db:"seq"`
	ShipmentLineID *int64          `db:"shipment_line_id"`
	ShipmentID     int64           `db:"shipment_id"`
	ProductID      int64           `db:"product_id"`
	LocationID     *int64          `db:"location_id"`
	BatchID        *int64          `db:"batch_id"`
	Quantity       decimal.Decimal `db:"quantity"`
	Picked         decimal.Decimal `db:"picked"`
	Product        *Product        `db:"-"`
	Location       *Location       `db:"-"`
	Batch          *Batch          `db:"-"`
	ShipmentNumber string          `db:"shipment_number"`
}

// Parcel is one package of a shipment.
type Parcel struct {
	ID         int64           `db:"id"`
	ShipmentID int64           `db:"shipment_id"`
	ParcelNo   int             `db:"parcel_no"`
	WeightKg   decimal.Decimal `db:"weight_kg"`
	LengthCm   decimal.Decimal `db:"length_cm"`
	WidthCm    decimal.Decimal `db:"width_cm"`
	HeightCm   decimal.Decimal `db:"height_cm"`
	Contents   string          `db:"contents"`
}

// TrackingEvent is one delivery status change of a shipment.
type TrackingEvent struct {
	ID         int64          `db:"id"`
	ShipmentID int64          `db:"shipment_id"`
	Status     DeliveryStatus `db:"status"`
	At         time.Time      `db:"at"`
	Note       string         `db:"note"`
	RecordedAt time.Time      `db:"recorded_at"`
}

// ShipmentTracking is a shipment's packing, dispatch and delivery.
type ShipmentTracking struct {
	ShipmentID     int64            `db:"id"`
	ShipmentNumber string           `db:"number"`
	OrderID        int64            `db:"order_id"`
	Carrier        string           `db:"carrier"`
	TrackingNumber string           `db:"tracking_number"`
	DispatchedAt   *time.Time       `db:"dispatched_at"`
	Status         *DeliveryStatus  `db:"delivery_status"`
	Parcels        []*Parcel        `db:"-"`
	Events         []*TrackingEvent `db:"-"`
}

// DeliveryUpdate is what is announced live when a delivery status changes.
type DeliveryUpdate struct {
	ShipmentNumber string         `json:"shipmentNumber"`
	TrackingNumber string         `json:"trackingNumber"`
	Status         DeliveryStatus `json:"status"`
	At             time.Time      `json:"at"`
	Note           string         `json:"note"`
}

// CreatePickListInput makes a pick list for pending shipments, by number.
type CreatePickListInput struct {
	ShipmentNumbers []string
}

// RecordPickInput adds a picked (scanned) quantity to a pick list line.
type RecordPickInput struct {
	PickListNumber string
	LineID         int64
	Quantity       decimal.Decimal
}

// ParcelInput is one parcel to pack.
type ParcelInput struct {
	WeightKg decimal.Decimal
	LengthCm decimal.Decimal
	WidthCm  decimal.Decimal
	HeightCm decimal.Decimal
	Contents *string
}

// PackShipmentInput sets a shipped shipment's parcels (replacing earlier ones).
type PackShipmentInput struct {
	ShipmentNumber string
	Parcels        []ParcelInput
}

// DispatchShipmentInput hands a shipped shipment to a carrier.
type DispatchShipmentInput struct {
	ShipmentNumber string
	Carrier        string
	TrackingNumber string
	At             *time.Time
}

// DeliveryStatusInput is a carrier's status report for a tracking number.
type DeliveryStatusInput struct {
	TrackingNumber string
	Status         DeliveryStatus
	At             time.Time
	Note           *string
}

// PickListFilter narrows the pick lists.
type PickListFilter struct {
	Status []PickListStatus
	Query  *string
}

// DispatchService is pick, pack and dispatch.
type DispatchService interface {
	CreatePickList(ctx context.Context, in CreatePickListInput) (*PickList, error)
	RecordPick(ctx context.Context, in RecordPickInput) (*PickList, error)
	ConfirmPickList(ctx context.Context, number string) (*PickList, error)
	PackShipment(ctx context.Context, in PackShipmentInput) (*ShipmentTracking, error)
	DispatchShipment(ctx context.Context, in DispatchShipmentInput) (*ShipmentTracking, error)
	UpdateDeliveryStatus(ctx context.Context, in DeliveryStatusInput) (*ShipmentTracking, error)
	FindPickList(ctx context.Context, number string) (*PickList, error)
	FindPickLists(ctx context.Context, f PickListFilter, o *PickListOrder, p PageArgs) (*Page[*PickList], error)
	ShipmentTracking(ctx context.Context, shipmentNumber string) (*ShipmentTracking, error)
	TrackingByOrder(ctx context.Context, orderID int64) ([]*ShipmentTracking, error)
	DeliveryChanges(ctx context.Context, trackingNumber *string) (<-chan DeliveryUpdate, error)
}

// ValidateCreatePickList checks the input on its own.
func ValidateCreatePickList(in CreatePickListInput) error {
	var es Errors
	if len(in.ShipmentNumbers) == 0 {
		es.Add(EINVALID, "input.shipmentNumbers", "give at least one shipment")
	}
	if len(in.ShipmentNumbers) > 200 {
		es.Add(EINVALID, "input.shipmentNumbers", "at most {max} shipments on one pick list", P{"max": 200})
	}
	seen := map[string]int{}
	for i, n := range in.ShipmentNumbers {
		n = strings.TrimSpace(n)
		if j, ok := seen[n]; ok {
			es.Add(EINVALID, fmt.Sprintf("input.shipmentNumbers.%d", i), "shipment {shipment} is given twice (also at {earlier})", P{"shipment": n, "earlier": j + 1})
		}
		seen[n] = i
	}
	return es.Err()
}

// PickBinStock is a product's quantity in one bin (LocationID nil: in no bin).
type PickBinStock struct {
	ProductID  int64           `db:"product_id"`
	LocationID *int64          `db:"location_id"`
	Route      *int            `db:"pick_sequence"`
	Code       string          `db:"code"`
	Quantity   decimal.Decimal `db:"quantity"`
}

// PickNeed is one shipment line to pick.
type PickNeed struct {
	ShipmentLineID int64
	ProductID      int64
	SKU            string
	Quantity       decimal.Decimal
}

// PlannedPick is one line of a new pick list.
type PlannedPick struct {
	ShipmentLineID int64
	ProductID      int64
	LocationID     *int64
	// BatchID is the batch to take, of a batch-tracked product (FEFO).
	BatchID   *int64
	Quantity  decimal.Decimal
	route     *int
	code, sku string
}

// PlanPicks takes each need from the bins holding the product, walking them
// in route order (pick_sequence, then bin code; bins without a sequence
// after those with one) and sharing a bin's stock among the needs; what no
// bin holds is picked from unassigned stock, last. The lines come in the
// order the picker walks: by route, then bin, product, shipment line.
// bins gives, per product, its positive bin quantities.
func PlanPicks(needs []PickNeed, bins map[int64][]PickBinStock) []PlannedPick {
	left := map[int64][]PickBinStock{}
	for p, bs := range bins {
		cp := make([]PickBinStock, 0, len(bs))
		for _, b := range bs {
			if b.LocationID != nil && b.Quantity.Sign() > 0 {
				cp = append(cp, b)
			}
		}
		sort.SliceStable(cp, func(i, j int) bool { return binLess(cp[i].Route, cp[i].Code, cp[j].Route, cp[j].Code) })
		left[p] = cp
	}
	var out []PlannedPick
	for _, n := range needs {
		rest := n.Quantity
		bs := left[n.ProductID]
		for i := range bs {
			if rest.Sign() <= 0 {
				break
			}
			if bs[i].Quantity.Sign() <= 0 {
				continue
			}
			q := decimal.Min(rest, bs[i].Quantity)
			bs[i].Quantity = bs[i].Quantity.Sub(q)
			rest = rest.Sub(q)
			out = append(out, PlannedPick{ShipmentLineID: n.ShipmentLineID, ProductID: n.ProductID, LocationID: bs[i].LocationID,
				Quantity: q, route: bs[i].Route, code: bs[i].Code, sku: n.SKU})
		}
		if rest.Sign() > 0 {
			out = append(out, PlannedPick{ShipmentLineID: n.ShipmentLineID, ProductID: n.ProductID, Quantity: rest, sku: n.SKU})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.LocationID == nil) != (b.LocationID == nil) {
			return b.LocationID == nil
		}
		if a.LocationID != nil && *a.LocationID != *b.LocationID {
			return binLess(a.route, a.code, b.route, b.code)
		}
		if a.sku != b.sku {
			return a.sku < b.sku
		}
		return a.ShipmentLineID < b.ShipmentLineID
	})
	return out
}

func binLess(ra *int, ca string, rb *int, cb string) bool {
	switch {
	case ra != nil && rb != nil && *ra != *rb:
		return *ra < *rb
	case (ra == nil) != (rb == nil):
		return ra != nil
	}
	return ca < cb
}

// CheckPick refuses a pick that is not positive or takes the line beyond
// its quantity.
func CheckPick(list *PickList, l *PickListLine, q decimal.Decimal) error {
	if list.Status != PickListOpen {
		return FieldErrorf(ECONFLICT, "input.pickListNumber", "pick list {list} is {status}; only an open pick list is picked", P{"list": list.Number, "status": StatusText(list.Status)})
	}
	if q.Sign() <= 0 || q.Exponent() < -4 {
		return FieldErrorf(EINVALID, "input.quantity", "picked quantity must be > 0 with at most 4 decimals")
	}
	if l.Picked.Add(q).GreaterThan(l.Quantity) {
		return FieldErrorf(ECONFLICT, "input.quantity", "line {line} asks for {quantity} and {picked} is picked; cannot pick {requested} more",
			P{"line": l.Seq, "quantity": l.Quantity, "picked": l.Picked, "requested": q})
	}
	return nil
}

// ValidatePack checks the parcels.
func ValidatePack(in PackShipmentInput) error {
	var es Errors
	if len(in.Parcels) == 0 {
		es.Add(EINVALID, "input.parcels", "give at least one parcel")
	}
	if len(in.Parcels) > 100 {
		es.Add(EINVALID, "input.parcels", "at most {max} parcels per shipment", P{"max": 100})
	}
	for i, p := range in.Parcels {
		f := fmt.Sprintf("input.parcels.%d.", i)
		checkMeasure(&es, f+"weightKg", p.WeightKg, 3)
		checkMeasure(&es, f+"lengthCm", p.LengthCm, 1)
		checkMeasure(&es, f+"widthCm", p.WidthCm, 1)
		checkMeasure(&es, f+"heightCm", p.HeightCm, 1)
		checkOptText(&es, f+"contents", "contents", p.Contents, 0, 500)
	}
	return es.Err()
}

func checkMeasure(es *Errors, field string, d decimal.Decimal, places int32) {
	if d.Sign() <= 0 || d.Exponent() < -places || d.GreaterThanOrEqual(decimal.New(1, 7)) {
		es.Add(EINVALID, field, "must be > 0 and below 10000000 with at most {places} decimals", P{"places": places})
	}
}

// ValidateDispatch checks the carrier and tracking number.
func ValidateDispatch(in DispatchShipmentInput) error {
	var es Errors
	checkText(&es, "input.carrier", "carrier", in.Carrier, 1, 100)
	checkText(&es, "input.trackingNumber", "tracking number", in.TrackingNumber, 1, 100)
	return es.Err()
}

// NextDeliveryStatus checks a carrier's status change: a dispatched or
// in-transit shipment goes in transit (again, at each hub), is delivered
// or fails; a failed delivery is tried again (in transit) or delivered;
// a delivered shipment stays delivered. The status time may not be before
// the dispatch.
func NextDeliveryStatus(number string, from *DeliveryStatus, to DeliveryStatus, dispatchedAt *time.Time, at time.Time) error {
	if !to.Valid() {
		return FieldErrorf(EINVALID, "input.status", "unknown delivery status {status}", P{"status": string(to)})
	}
	if from == nil || dispatchedAt == nil {
		return FieldErrorf(ECONFLICT, "input.trackingNumber", "shipment {shipment} is not dispatched", P{"shipment": number})
	}
	ok := false
	switch *from {
	case DeliveryDispatched:
		ok = to == DeliveryInTransit || to == DeliveryDelivered || to == DeliveryFailed
	case DeliveryInTransit:
		ok = to == DeliveryInTransit || to == DeliveryDelivered || to == DeliveryFailed
	case DeliveryFailed:
		ok = to == DeliveryInTransit || to == DeliveryDelivered
	}
	if !ok {
		return FieldErrorf(ECONFLICT, "input.status", "shipment {shipment} is {from}; it cannot become {to}",
			P{"shipment": number, "from": StatusText(*from), "to": StatusText(to)})
	}
	if at.Before(*dispatchedAt) {
		return FieldErrorf(EINVALID, "input.at", "the status time may not be before the dispatch ({at})", P{"at": dispatchedAt.UTC().Format(time.RFC3339)})
	}
	return nil
}

func init() {
	for k, t := range map[string]Texts{
		"OPEN":       {ZH: "待拣货", EN: "open"},
		"DISPATCHED": {ZH: "已发运", EN: "dispatched"},
		"IN_TRANSIT": {ZH: "运输中", EN: "in transit"},
		"FAILED":     {ZH: "投递失败", EN: "failed"},
	} {
		if _, ok := statusTexts[k]; !ok {
			statusTexts[k] = t
		}
	}
}

// ValidateDeliveryStatus checks a carrier's report on its own.
func ValidateDeliveryStatus(in DeliveryStatusInput) error {
	var es Errors
	checkText(&es, "input.trackingNumber", "tracking number", in.TrackingNumber, 1, 100)
	checkOptText(&es, "input.note", "note", in.Note, 0, 500)
	if in.At.IsZero() {
		es.Add(EINVALID, "input.at", "the status time is required")
	}
	if !in.Status.Valid() {
		es.Add(EINVALID, "input.status", "unknown delivery status {status}", P{"status": string(in.Status)})
	}
	return es.Err()
}

// PickListOrderField is what the pick list list can be sorted by.
type PickListOrderField string

// PickListOrder sorts the pick lists.
type PickListOrder struct {
	Field     PickListOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *PickListOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}
