package jxc

import (
	"context"
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

// Stock counts (盘点): a count sheet freezes the book quantities of its
// lines when counting starts, takes the counters' entries, flags lines
// over the sheet's tolerance for a recount, and on approval posts the
// variances as a count-variance adjustment at moving-average cost.

// SourceStockCount is a posted count sheet's adjustment.
const SourceStockCount SourceType = "STOCK_COUNT"

// RecordStockCount is the audit record type of a count sheet.
const RecordStockCount = "stockCount"

// StockCountStatus is where a count sheet stands.
type StockCountStatus string

const (
	CountDraft     StockCountStatus = "DRAFT"
	CountCounting  StockCountStatus = "COUNTING"
	CountReview    StockCountStatus = "REVIEW"
	CountPosted    StockCountStatus = "POSTED"
	CountCancelled StockCountStatus = "CANCELLED"
)

// ABCClass ranks a product by its issue value: A the top 80 %, B the next
// 15 %, C the rest.
type ABCClass string

const (
	ClassA ABCClass = "A"
	ClassB ABCClass = "B"
	ClassC ABCClass = "C"
)

// Valid reports whether c is A, B or C.
func (c ABCClass) Valid() bool { return c == ClassA || c == ClassB || c == ClassC }

// ClassifyABC ranks products by their issue value (largest first, ties by
// id): a product whose cumulative share before it is below 80 % is A,
// below 95 % B, the rest C; products without value (or a total of 0) are
// C. Pure, so planning can reuse it with any values.
func ClassifyABC(values map[int64]decimal.Decimal) map[int64]ABCClass {
	type pv struct {
		id int64
		v  decimal.Decimal
	}
	var list []pv
	total := decimal.Zero
	out := make(map[int64]ABCClass, len(values))
	for id, v := range values {
		out[id] = ClassC
		if v.Sign() > 0 {
			list = append(list, pv{id, v})
			total = total.Add(v)
		}
	}
	if total.Sign() <= 0 {
		return out
	}
	sort.Slice(list, func(i, j int) bool {
		if c := list[i].v.Cmp(list[j].v); c != 0 {
			return c > 0
		}
		return list[i].id < list[j].id
	})
	a, b := total.Mul(decimal.RequireFromString("0.80")), total.Mul(decimal.RequireFromString("0.95"))
	cum := decimal.Zero
	for _, p := range list {
		switch {
		case cum.LessThan(a):
			out[p.id] = ClassA
		case cum.LessThan(b):
			out[p.id] = ClassB
		}
		cum = cum.Add(p.v)
	}
	return out
}

// StockCount is a count sheet.
type StockCount struct {
	ID               int64            `db:"id"`
	Number           string           `db:"number"`
	WarehouseID      int64            `db:"warehouse_id"`
	LocationID       *int64           `db:"location_id"`
	CategoryID       *int64           `db:"category_id"`
	ABCClass         *ABCClass        `db:"abc_class"`
	Status           StockCountStatus `db:"status"`
	Blind            bool             `db:"blind"`
	TolerancePercent decimal.Decimal  `db:"tolerance_percent"`
	ToleranceValue   decimal.Decimal  `db:"tolerance_value"`
	Description      string           `db:"description"`
	FreezeMoveID     *int64           `db:"freeze_move_id"`
	StartedAt        *time.Time       `db:"started_at"`
	SubmittedAt      *time.Time       `db:"submitted_at"`
	PostedAt         *time.Time       `db:"posted_at"`
	PostingDate      *Date            `db:"posting_date"`
	JournalEntryID   *int64           `db:"journal_entry_id"`
	VoucherNo        *string          `db:"voucher_no"`
	CreatedBy        *int64           `db:"created_by"`
	CreatedAt        time.Time        `db:"created_at"`
	// BookHidden: the sheet is blind and the reader only counts, so book
	// quantities, expected quantities and variances are left out.
	BookHidden bool              `db:"-"`
	Warehouse  *Warehouse        `db:"-"`
	Location   *Location         `db:"-"`
	Lines      []*StockCountLine `db:"-"`
}

// StockCountLine is one product (and bin) of a sheet.
type StockCountLine struct {
	ID         int64           `db:"id"`
	LineNo     int             `db:"line_no"`
	ProductID  int64           `db:"product_id"`
	LocationID *int64          `db:"location_id"`
	Round      int             `db:"round"`
	Recount    bool            `db:"recount"`
	Damaged    decimal.Decimal `db:"damaged"`
	Book       decimal.Decimal `db:"book_quantity"`
	// MovedSince is the net quantity of the moves on the key after the
	// freeze, up to the line's last count entry.
	MovedSince decimal.Decimal  `db:"moved_since"`
	Counted    *decimal.Decimal `db:"counted"`
	Entries    int              `db:"entries"`
	// AverageCost is the balance's moving average now.
	AverageCost decimal.Decimal `db:"average_cost"`
	// BookHidden and OverTolerance are set from the sheet when read.
	BookHidden    bool               `db:"-"`
	OverTolerance bool               `db:"-"`
	Product       *Product           `db:"-"`
	Location      *Location          `db:"-"`
	EntryList     []*StockCountEntry `db:"-"`
}

// Expected is what the books say the counter should have found when the
// count was entered: the frozen book plus the moves since.
func (l *StockCountLine) Expected() decimal.Decimal { return l.Book.Add(l.MovedSince) }

// Variance is counted less expected; nil while uncounted.
//
// Why not counted - book: the book is frozen when counting starts, but the
// warehouse keeps working. A shipment of 3 posted after the freeze and
// before the counter reached the shelf has taken 3 off the shelf and off
// the books; counting the shelf then finds book - 3. The variance takes the
// moves between the freeze and the count entry (MovedSince), so that
// shipment is no variance, and posting the variance on top of the balance
// of the time of posting leaves counted + the moves after the count.
func (l *StockCountLine) Variance() *decimal.Decimal {
	if l.Counted == nil {
		return nil
	}
	v := l.Counted.Sub(l.Expected())
	return &v
}

// VarianceValue is the variance at the current moving average, to the cent.
func (l *StockCountLine) VarianceValue() *decimal.Decimal {
	v := l.Variance()
	if v == nil {
		return nil
	}
	x := RoundMoney(v.Mul(l.AverageCost))
	return &x
}

// OverTolerance reports whether a counted line's variance is over the
// sheet's percent (of the expected quantity; any variance on an expected 0)
// or value tolerance.
func (c *StockCount) OverTolerance(l *StockCountLine) bool {
	v := l.Variance()
	if v == nil || v.IsZero() {
		return false
	}
	exp := l.Expected().Abs()
	if exp.IsZero() || v.Abs().Mul(decimal.NewFromInt(100)).GreaterThan(exp.Mul(c.TolerancePercent)) {
		return true
	}
	return l.VarianceValue().Abs().GreaterThan(c.ToleranceValue)
}

// StockCountEntry is what one counter counted of a line at one time.
type StockCountEntry struct {
	ID        int64           `db:"id"`
	LineID    int64           `db:"line_id"`
	Round     int             `db:"round"`
	Quantity  decimal.Decimal `db:"quantity"`
	CountedBy *int64          `db:"counted_by"`
	CountedAt time.Time       `db:"counted_at"`
	ViaScan   bool            `db:"via_scan"`
	// Counter is the counter's user name, when read with it.
	Counter string `db:"counter"`
}

// NewStockCount is a new count sheet's scope and settings.
type NewStockCount struct {
	WarehouseID      int64
	LocationID       *int64
	CategoryID       *int64
	ABCClass         *ABCClass
	Blind            bool
	TolerancePercent *decimal.Decimal
	ToleranceValue   *decimal.Decimal
	Description      string
}

// Validate checks the input on its own.
func (in NewStockCount) Validate() error {
	var es Errors
	checkDescription(&es, "input.description", in.Description, false)
	if in.ABCClass != nil && !in.ABCClass.Valid() {
		es.Add(EINVALID, "input.abcClass", "ABC class must be A, B or C")
	}
	if in.TolerancePercent != nil && (in.TolerancePercent.Sign() < 0 || in.TolerancePercent.GreaterThan(decimal.NewFromInt(1000))) {
		es.Add(EINVALID, "input.tolerancePercent", "tolerance percent must be between 0 and 1000")
	}
	if in.ToleranceValue != nil && in.ToleranceValue.Sign() < 0 {
		es.Add(EINVALID, "input.toleranceValue", "tolerance value must not be negative")
	}
	return es.Err()
}

// CountEntryInput is one count entry: a line's product (by id or barcode)
// and bin, and the quantity counted (1 for a scan).
type CountEntryInput struct {
	Number     string
	ProductID  *int64
	Barcode    *string
	LocationID *int64
	Quantity   *decimal.Decimal
	Damaged    *decimal.Decimal
}

// StockCountFilter narrows count sheets.
type StockCountFilter struct {
	Status      []StockCountStatus
	WarehouseID *int64
	Search      *string
}

// CountDue is a warehouse's ABC class that is due for a cycle count.
type CountDue struct {
	WarehouseID    int64      `db:"warehouse_id"`
	ABCClass       ABCClass   `db:"abc_class"`
	IntervalMonths int        `db:"interval_months"`
	LastCounted    *time.Time `db:"last_counted"`
	Products       int        `db:"products"`
	OpenNumber     *string    `db:"open_number"`
	Warehouse      *Warehouse `db:"-"`
}

// StockCountPosting is a count sheet's variances posted: a count-variance
// adjustment (1901 待处理财产损溢) whose moves and entry name the sheet.
type StockCountPosting struct{ StockAdjustment }

// Source implements Event.
func (e *StockCountPosting) Source() SourceType { return SourceStockCount }

// Audit actions of count sheets.
const (
	AuditStart   = "start"
	AuditCount   = "count"
	AuditRecount = "recount"
)

// StockCountService runs count sheets.
type StockCountService interface {
	CreateStockCount(ctx context.Context, in NewStockCount) (*StockCount, error)
	StartStockCount(ctx context.Context, number string) (*StockCount, error)
	AddCountEntry(ctx context.Context, in CountEntryInput) (*StockCountLine, error)
	RequestRecount(ctx context.Context, number string, lineNos []int) (*StockCount, error)
	SubmitStockCount(ctx context.Context, number string) (*StockCount, error)
	PostStockCount(ctx context.Context, number string, date *Date) (*StockCount, error)
	CancelStockCount(ctx context.Context, number string) (*StockCount, error)
	FindStockCount(ctx context.Context, number string) (*StockCount, error)
	FindStockCountByID(ctx context.Context, id int64) (*StockCount, error)
	FindStockCounts(ctx context.Context, f StockCountFilter, o Sorter, p PageArgs) (*Page[*StockCount], error)
	ABCClasses(ctx context.Context, warehouseID int64) (map[int64]ABCClass, error)
	CountsDue(ctx context.Context) ([]*CountDue, error)
	CreateDueCounts(ctx context.Context) ([]*StockCount, error)
	CountSchedule(ctx context.Context) (map[ABCClass]int, error)
	SetCountSchedule(ctx context.Context, class ABCClass, months int) (map[ABCClass]int, error)
}

// StockCountOrderField is what the count sheet list can be sorted by.
type StockCountOrderField string

// StockCountOrder sorts the count sheet list.
type StockCountOrder struct {
	Field     StockCountOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *StockCountOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}
