package jxc

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/shopspring/decimal"
)

// CompanyCurrency is the functional currency every posting is in.
const CompanyCurrency = "CNY"

// SupplierContact is a person to talk to at a supplier.
type SupplierContact struct {
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// Supplier is a company we buy from.
type Supplier struct {
	ID               int64              `db:"id"`
	Code             string             `db:"code"`
	Name             string             `db:"name"`
	Contacts         []SupplierContact  `db:"-"`
	PaymentTermsDays int                `db:"payment_terms_days"`
	Currency         string             `db:"currency"`
	LeadTimeDays     int                `db:"lead_time_days"`
	Active           bool               `db:"active"`
	CreatedAt        time.Time          `db:"created_at"`
	Products         []*SupplierProduct `db:"-"`
	// TaxID is the supplier's 统一社会信用代码 or old tax registration number.
	TaxID       *string `db:"tax_id"`
	BankName    string  `db:"bank_name"`
	BankAccount string  `db:"bank_account"`
	Address     string  `db:"address"`
	Notes       string  `db:"notes"`
}

// SupplierProduct is a product a supplier supplies, with its last price.
type SupplierProduct struct {
	SupplierID    int64            `db:"supplier_id"`
	ProductID     int64            `db:"product_id"`
	SupplierSKU   string           `db:"supplier_sku"`
	LastPrice     *decimal.Decimal `db:"last_price"`
	LastPriceDate *Date            `db:"last_price_date"`
	LeadTimeDays  *int             `db:"lead_time_days"`
	// MinOrderQty is the least the supplier takes per order; nil: any.
	MinOrderQty *decimal.Decimal `db:"min_order_qty"`
	// Active is false for a price no longer in use: orders do not take it
	// and the supplier is not offered for the product.
	Active   bool      `db:"active"`
	Product  *Product  `db:"-"`
	Supplier *Supplier `db:"-"`
}

// SupplierInput creates a supplier.
type SupplierInput struct {
	Code             string
	Name             string
	Contacts         []SupplierContact
	PaymentTermsDays *int
	Currency         *string
	LeadTimeDays     *int
	SupplierDetails
}

// SupplierDetails are the supplier's tax ID, bank, address and notes; nil
// fields are left out (on update: stay as they are; a tax ID "" clears it).
type SupplierDetails struct {
	TaxID   *string
	Address *string
	Notes   *string
	BankDetails
}

// SupplierUpdate changes a supplier; nil fields stay as they are.
// Contacts, when given, replace the list.
type SupplierUpdate struct {
	ID               int64
	Name             *string
	Contacts         []SupplierContact
	PaymentTermsDays *int
	Currency         *string
	LeadTimeDays     *int
	Active           *bool
	SupplierDetails
}

// SupplierProductInput says that a supplier supplies a product.
type SupplierProductInput struct {
	SupplierID   int64
	ProductID    int64
	SupplierSKU  *string
	Price        *decimal.Decimal
	LeadTimeDays *int
	// MinOrderQty sets the least quantity per order; 0 clears it.
	MinOrderQty *decimal.Decimal
	// Active false takes the price out of use, true puts it back.
	Active *bool
}

// SupplierFilter narrows the supplier list.
type SupplierFilter struct {
	Search    *string
	ProductID *int64
	Active    *bool
}

var currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)

func checkSupplierFields(es *Errors, name *string, contacts []SupplierContact, terms *int, currency *string, lead *int) {
	checkOptText(es, "input.name", "name", name, 1, 200)
	checkContactCount(es, "supplier", len(contacts))
	for i, c := range contacts {
		f := fmt.Sprintf("input.contacts.%d.", i)
		checkContact(es, f, c.Name, c.Phone, c.Email)
		checkText(es, f+"role", "role", c.Role, 0, 100)
	}
	if terms != nil && (*terms < 0 || *terms > 365) {
		es.Add(EINVALID, "input.paymentTermsDays", "payment terms must be 0 to 365 days")
	}
	if currency != nil && !currencyPattern.MatchString(*currency) {
		es.Add(EINVALID, "input.currency", "currency must be an ISO 4217 code such as CNY")
	}
	if lead != nil && (*lead < 0 || *lead > 3650) {
		es.Add(EINVALID, "input.leadTimeDays", "lead time must be 0 to 3650 days")
	}
}

// ValidateSupplierInput returns every rule the input breaks.
func ValidateSupplierInput(in SupplierInput) error {
	var es Errors
	if in.Code != "" { // empty: the next free code is given
		checkCode(&es, "input.code", "code", in.Code)
	}
	checkText(&es, "input.name", "name", in.Name, 1, 200)
	checkSupplierFields(&es, nil, in.Contacts, in.PaymentTermsDays, in.Currency, in.LeadTimeDays)
	checkSupplierDetails(&es, in.SupplierDetails)
	return es.Err()
}

// ValidateSupplierUpdate returns every rule the update breaks.
func ValidateSupplierUpdate(in SupplierUpdate) error {
	var es Errors
	checkSupplierFields(&es, in.Name, in.Contacts, in.PaymentTermsDays, in.Currency, in.LeadTimeDays)
	checkSupplierDetails(&es, in.SupplierDetails)
	return es.Err()
}

func checkSupplierDetails(es *Errors, d SupplierDetails) {
	if t := NormalizedTaxID(d.TaxID); t != nil {
		CheckPartnerTaxID(es, "input.taxId", *t)
	}
	checkOptText(es, "input.address", "address", d.Address, 0, 300)
	checkOptText(es, "input.notes", "notes", d.Notes, 0, 2000)
	checkBank(es, d.BankDetails)
}

// ValidateSupplierProductInput returns every rule the input breaks.
func ValidateSupplierProductInput(in SupplierProductInput) error {
	var es Errors
	checkOptText(&es, "input.supplierSku", "supplier SKU", in.SupplierSKU, 0, 100)
	if in.Price != nil {
		CheckUnitCost(&es, "input.price", *in.Price)
	}
	if in.LeadTimeDays != nil && (*in.LeadTimeDays < 0 || *in.LeadTimeDays > 3650) {
		es.Add(EINVALID, "input.leadTimeDays", "lead time must be 0 to 3650 days")
	}
	if q := in.MinOrderQty; q != nil && (q.Sign() < 0 || !hasPlaces(*q, 4) || q.GreaterThanOrEqual(decimal.New(1, 14))) {
		es.Add(EINVALID, "input.minOrderQty", "the minimum order quantity must be 0 or more with at most 4 decimals")
	}
	return es.Err()
}

// PurchasingSettings are the tolerances purchasing works with.
type PurchasingSettings struct {
	PriceTolerance     decimal.Decimal `db:"price_tolerance"`
	QuantityTolerance  decimal.Decimal `db:"quantity_tolerance"`
	PriceRiseThreshold decimal.Decimal `db:"price_rise_threshold"`
}

// ValidatePurchasingSettings returns every rule the settings break.
func ValidatePurchasingSettings(s PurchasingSettings) error {
	var es Errors
	for _, f := range []struct {
		name string
		v    decimal.Decimal
		max  int64
	}{{"input.priceTolerance", s.PriceTolerance, 1}, {"input.quantityTolerance", s.QuantityTolerance, 1}, {"input.priceRiseThreshold", s.PriceRiseThreshold, 10}} {
		if f.v.Sign() < 0 || f.v.GreaterThanOrEqual(decimal.NewFromInt(f.max)) || !hasPlaces(f.v, 4) {
			es.Add(EINVALID, f.name, "must be a fraction from 0 to below {max} with at most 4 decimals, such as 0.05", P{"max": f.max})
		}
	}
	return es.Err()
}

// PriceRose reports whether newPrice is above last by more than threshold
// (a fraction), and by how much as a fraction.
func PriceRose(last, newPrice, threshold decimal.Decimal) (bool, decimal.Decimal) {
	if last.Sign() <= 0 {
		return false, decimal.Zero
	}
	rise := DivRound(newPrice.Sub(last), last, 4)
	return rise.GreaterThan(threshold), rise
}

// SupplierScorecard rates a supplier from its history.
type SupplierScorecard struct {
	SupplierID          int64
	Since               Date
	Receipts            int
	OnTimeReceipts      int
	OnTimeRate          *decimal.Decimal // null without receipts
	AverageLeadTimeDays *decimal.Decimal
	LeadTimeSpreadDays  *decimal.Decimal // standard deviation
	InspectedQuantity   decimal.Decimal
	RejectedQuantity    decimal.Decimal
	RejectionRate       *decimal.Decimal
	// Quality returns: goods sent back to the supplier (posted supplier
	// returns) after they were accepted, in stock units and at the receipt
	// price, against what was accepted in the window.
	QualityReturns   int
	ReturnedQuantity decimal.Decimal
	ReturnRate       *decimal.Decimal // returned / accepted quantity in stock units; null without receipts
	ReturnValueRate  *decimal.Decimal // returned / accepted value at the receipt price; null without receipts
	Score            decimal.Decimal  // 0..100, higher is better
	PriceTrends      []*PriceTrend
	Supplier         *Supplier
}

// PriceTrend is a supplier's prices for one product over the window.
type PriceTrend struct {
	ProductID     int64
	Points        int
	FirstPrice    decimal.Decimal
	LastPrice     decimal.Decimal
	MinPrice      decimal.Decimal
	MaxPrice      decimal.Decimal
	ChangePercent decimal.Decimal
	Product       *Product
}

// SupplierOption is a supplier of a product with its offer and scorecard,
// best first in lists.
type SupplierOption struct {
	Supplier  *Supplier
	Offer     *SupplierProduct
	Scorecard *SupplierScorecard
}

// QualityLoss is the part of what a supplier delivered that failed:
// rejected at inspection plus sent back later (returns), at most 1; nil
// when neither is known.
func QualityLoss(rejection, returns *decimal.Decimal) *decimal.Decimal {
	if rejection == nil && returns == nil {
		return nil
	}
	l := decimal.Zero
	for _, r := range []*decimal.Decimal{rejection, returns} {
		if r != nil {
			l = l.Add(*r)
		}
	}
	if l.GreaterThan(decimal.NewFromInt(1)) {
		l = decimal.NewFromInt(1)
	}
	return &l
}

// ScoreSupplier combines on-time rate and rejection rate (or the quality
// loss, see QualityLoss) into 0..100: 60 % on time, 40 % quality. A
// supplier without history scores 50.
func ScoreSupplier(onTime, rejection *decimal.Decimal) decimal.Decimal {
	if onTime == nil && rejection == nil {
		return decimal.NewFromInt(50)
	}
	ot, rj := decimal.New(5, -1), decimal.Zero
	if onTime != nil {
		ot = *onTime
	}
	if rejection != nil {
		rj = *rejection
	}
	s := ot.Mul(decimal.NewFromInt(60)).Add(decimal.NewFromInt(1).Sub(rj).Mul(decimal.NewFromInt(40)))
	return s.Round(2)
}

// PurchasingService is procure to pay.
type PurchasingService interface {
	CreateSupplier(ctx context.Context, in SupplierInput) (*Supplier, error)
	UpdateSupplier(ctx context.Context, in SupplierUpdate) (*Supplier, error)
	SetSupplierProduct(ctx context.Context, in SupplierProductInput) (*SupplierProduct, error)
	FindSuppliers(ctx context.Context, f SupplierFilter, o *SupplierOrder, p PageArgs) (*Page[*Supplier], error)
	FindSupplierByID(ctx context.Context, id int64) (*Supplier, error)
	// Scorecards rates a page of suppliers at once.
	Scorecards(ctx context.Context, supplierIDs []int64, since Date) (map[int64]*SupplierScorecard, error)
	ProductSuppliers(ctx context.Context, productID int64, since Date) ([]*SupplierOption, error)

	Settings(ctx context.Context) (*PurchasingSettings, error)
	UpdateSettings(ctx context.Context, s PurchasingSettings) (*PurchasingSettings, error)

	CreatePurchaseOrder(ctx context.Context, in PurchaseOrderInput) (*PurchaseOrder, error)
	SubmitPurchaseOrder(ctx context.Context, id int64) (*PurchaseOrder, error)
	ApprovePurchaseOrder(ctx context.Context, id int64) (*ApprovalResult, error)
	CancelPurchaseOrder(ctx context.Context, id int64) (*PurchaseOrder, error)
	ClosePurchaseOrder(ctx context.Context, id int64) (*PurchaseOrder, error)
	FindPurchaseOrders(ctx context.Context, f PurchaseOrderFilter, o *PurchaseOrderOrder, p PageArgs) (*Page[*PurchaseOrder], error)
	FindPurchaseOrderByID(ctx context.Context, id int64) (*PurchaseOrder, error)
	FindOrderLineByBarcode(ctx context.Context, orderID int64, barcode string) (*PurchaseOrderLine, error)

	Suggestions(ctx context.Context, warehouseID *int64) ([]*PurchaseSuggestion, error)
	CreateOrdersFromSuggestions(ctx context.Context, in SuggestionOrderInput) ([]*PurchaseOrder, error)

	PostGoodsReceipt(ctx context.Context, in GoodsReceiptInput) (*GoodsReceipt, error)
	// FindGoodsReceiptsByOrder reads the receipts of a page of orders at once.
	FindGoodsReceiptsByOrder(ctx context.Context, orderIDs []int64) (map[int64][]*GoodsReceipt, error)
	FindGoodsReceiptByID(ctx context.Context, id int64) (*GoodsReceipt, error)

	PostSupplierInvoice(ctx context.Context, in SupplierInvoiceInput) (*SupplierInvoice, error)
	ApproveInvoiceMismatch(ctx context.Context, id int64) (*SupplierInvoice, error)
	FindSupplierInvoices(ctx context.Context, f SupplierInvoiceFilter, o *SupplierInvoiceOrder, p PageArgs) (*Page[*SupplierInvoice], error)
	FindSupplierInvoiceByID(ctx context.Context, id int64) (*SupplierInvoice, error)

	PostSupplierPayment(ctx context.Context, in SupplierPaymentInput) (*SupplierPayment, error)
	FindSupplierPayments(ctx context.Context, f SupplierPaymentFilter, o *SupplierPaymentOrder, p PageArgs) (*Page[*SupplierPayment], error)
	PayablesAging(ctx context.Context, asOf Date) (*PayablesAging, error)

	PostLandedCost(ctx context.Context, in LandedCostInput) (*LandedCost, error)
	FindLandedCostByID(ctx context.Context, id int64) (*LandedCost, error)
}

// SupplierInvoiceFilter narrows the supplier invoice list.
type SupplierInvoiceFilter struct {
	SupplierID      *int64
	PurchaseOrderID *int64
	Status          []SupplierInvoiceStatus
	Kind            *SupplierInvoiceKind
	DateFrom        *Date
	DateTo          *Date
	// Search is part of our number, the supplier's invoice number, or the supplier's code or name.
	Search *string
}

// SupplierPaymentFilter narrows the supplier payment list.
type SupplierPaymentFilter struct {
	SupplierID *int64
	DateFrom   *Date
	DateTo     *Date
	// Search is part of the number, the reference, or the supplier's code or name.
	Search *string
}

// Invariant 5 for payables, checked by booksCheck.
const (
	RuleAPMismatch     BooksRule = "AP_MISMATCH"
	RuleGRNIMismatch   BooksRule = "GRNI_MISMATCH"
	RuleInvoiceBalance BooksRule = "SUPPLIER_INVOICE_BALANCE"
)
