package jxc

import (
	"context"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// Batches and expiry (批次/保质期): a batch-tracked product carries a batch
// on every stock move; each batch's balance per warehouse is kept with the
// moves and never goes negative. A batch holds quantity, not its own cost:
// valuation stays moving average per product and warehouse.

// AlertExpiringBatch is raised for stock of a batch expiring within the
// company's expiry alert days (default 30).
const AlertExpiringBatch = "EXPIRING_BATCH"

// RecordBatch is the audit record type of batch tracking settings.
const RecordBatch = "batch"

// Batch is one production lot of a product.
type Batch struct {
	ID             int64      `db:"id"`
	ProductID      int64      `db:"product_id"`
	Number         string     `db:"number"`
	ExpiryDate     *Date      `db:"expiry_date"`
	ProductionDate *Date      `db:"production_date"`
	SourceType     SourceType `db:"source_type"`
	SourceID       int64      `db:"source_id"`
	// SourceNumber is the number of the document it came from (GR000012).
	SourceNumber string `db:"source_number"`
}

// BatchStock is a batch's quantity in one warehouse.
type BatchStock struct {
	Batch
	WarehouseID int64           `db:"warehouse_id"`
	OnHand      decimal.Decimal `db:"on_hand"`
}

// BatchTake is a quantity taken from one batch (FEFO).
type BatchTake struct {
	BatchID    int64           `db:"batch_id"`
	Number     string          `db:"number"`
	ExpiryDate *Date           `db:"expiry_date"`
	Quantity   decimal.Decimal `db:"quantity"`
}

// BatchMove is one stock move of a batch, with the document that posted it
// and, for a shipment, the customer who received it.
type BatchMove struct {
	MoveID         int64           `db:"id"`
	WarehouseID    int64           `db:"warehouse_id"`
	PostingDate    Date            `db:"posting_date"`
	Quantity       decimal.Decimal `db:"quantity"`
	SourceType     SourceType      `db:"source_type"`
	SourceID       int64           `db:"source_id"`
	DocumentNumber string          `db:"document_number"`
	CustomerID     *int64          `db:"customer_id"`
	CustomerCode   *string         `db:"customer_code"`
	CustomerName   *string         `db:"customer_name"`
}

// BatchTrace is where a batch came from and where it went.
type BatchTrace struct {
	Batch *Batch
	Moves []*BatchMove
}

// BatchFilter narrows the stock by batch.
type BatchFilter struct {
	ProductID   *int64
	WarehouseID *int64
	// ExpiringWithinDays keeps batches expiring within that many days of today (expired included).
	ExpiringWithinDays *int
	// Search is part of the batch number or the product's SKU or name.
	Search *string
	// WithEmpty keeps batches with nothing on hand.
	WithEmpty bool
}

// ProductBatchTrackingInput sets a product's batch and expiry tracking.
type ProductBatchTrackingInput struct {
	ProductID     int64
	BatchTracked  bool
	ExpiryTracked bool
	ShelfLifeDays *int
}

// ProductTracking is how a product's batches are tracked.
type ProductTracking struct {
	ProductID     int64  `db:"id"`
	SKU           string `db:"sku"`
	BatchTracked  bool   `db:"batch_tracked"`
	ExpiryTracked bool   `db:"expiry_tracked"`
	ShelfLifeDays *int   `db:"shelf_life_days"`
}

var batchNumberRe = regexp.MustCompile(`^[A-Za-z0-9._/-]{1,40}$`)

// CheckBatchNumber adds an error when a batch number is not 1 to 40
// letters, digits or . _ / -.
func CheckBatchNumber(es *Errors, field, number string) {
	if !batchNumberRe.MatchString(strings.TrimSpace(number)) {
		es.Add(EINVALID, field, "batch number {value} must be 1 to 40 letters, digits or . _ / -", P{"value": number})
	}
}

// Validate returns every rule the input breaks on its own.
func (in ProductBatchTrackingInput) Validate() error {
	var es Errors
	if in.ExpiryTracked && !in.BatchTracked {
		es.Add(EINVALID, "input.expiryTracked", "only a batch-tracked product can track expiry dates")
	}
	if in.ShelfLifeDays != nil && (*in.ShelfLifeDays < 1 || *in.ShelfLifeDays > 36500) {
		es.Add(EINVALID, "input.shelfLifeDays", "shelf life must be 1 to 36500 days")
	}
	return es.Err()
}

// RuleBatchBalances: the batches of a batch-tracked product and warehouse
// sum to its stock balance, each batch to its moves (booksCheck).
const RuleBatchBalances BooksRule = "BATCH_BALANCES"

func init() { alertAudiences[AlertExpiringBatch] = Roles{RoleWarehouse, RolePurchasing, RoleSales} }

// BatchService keeps batches, their stock and traces (db.BatchService).
type BatchService interface {
	FindBatches(ctx context.Context, f BatchFilter) ([]*BatchStock, error)
	FindBatch(ctx context.Context, id int64) (*Batch, error)
	BatchTrace(ctx context.Context, id int64) (*BatchTrace, error)
	BatchTraceByNumber(ctx context.Context, productSKU, number string) (*BatchTrace, error)
	FEFOBatches(ctx context.Context, productID, warehouseID int64, qty decimal.Decimal) ([]BatchTake, error)
	ProductTracking(ctx context.Context, productID int64) (*ProductTracking, error)
	SetProductBatchTracking(ctx context.Context, in ProductBatchTrackingInput) (*ProductTracking, error)
	ExpiryAlertDays(ctx context.Context) (int, error)
	SetExpiryAlertDays(ctx context.Context, days int) (int, error)
	CheckExpiringBatches(ctx context.Context) ([]*Alert, error)
}
