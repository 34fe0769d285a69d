package jxc

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Auxiliary accounting (辅助核算): an account names the dimensions every one
// of its lines must carry (the customer on receivables, the supplier on
// payables, the goods on inventory, a department on an expense...), and the
// balances and sub-ledgers of an account are read per dimension value.

// AccountDirection is the side an account's balance normally stands on (余额方向).
type AccountDirection string

// Directions.
const (
	DirectionDebit  AccountDirection = "DEBIT"
	DirectionCredit AccountDirection = "CREDIT"
)

// Valid reports whether d is a known direction.
func (d AccountDirection) Valid() bool { return d == DirectionDebit || d == DirectionCredit }

// DirectionOf is the normal side of an account type: debit for assets and
// expenses, credit for the others (contra accounts such as 1602 累计折旧 say
// otherwise in the chart).
func DirectionOf(t AccountType) AccountDirection {
	if t.DebitNormal() {
		return DirectionDebit
	}
	return DirectionCredit
}

// BalanceSide is where a balance stands: on the debit side, on the credit
// side, or nowhere (平) when it is zero.
type BalanceSide string

// Balance sides.
const (
	SideDebit  BalanceSide = "DEBIT"
	SideCredit BalanceSide = "CREDIT"
	SideFlat   BalanceSide = "FLAT"
)

// SideOf is the side a balance stands on, given as debit minus credit.
func SideOf(debitMinusCredit decimal.Decimal) BalanceSide {
	switch debitMinusCredit.Sign() {
	case 1:
		return SideDebit
	case -1:
		return SideCredit
	}
	return SideFlat
}

// Dimension is a kind of auxiliary accounting object a journal line names.
type Dimension string

// Dimensions a line may carry.
const (
	DimCustomer    Dimension = "CUSTOMER"
	DimSupplier    Dimension = "SUPPLIER"
	DimDepartment  Dimension = "DEPARTMENT"
	DimProduct     Dimension = "PRODUCT"
	DimWarehouse   Dimension = "WAREHOUSE"
	DimSalesperson Dimension = "SALESPERSON"
)

// AllDimensions lists every dimension in a fixed order.
var AllDimensions = []Dimension{DimCustomer, DimSupplier, DimDepartment, DimProduct, DimWarehouse, DimSalesperson}

// Valid reports whether d is a known dimension.
func (d Dimension) Valid() bool { return slices.Contains(AllDimensions, d) }

// Label is what a person calls the dimension.
func (d Dimension) Label() Texts {
	switch d {
	case DimCustomer:
		return Texts{ZH: "客户", EN: "customer"}
	case DimSupplier:
		return Texts{ZH: "供应商", EN: "supplier"}
	case DimDepartment:
		return Texts{ZH: "部门", EN: "department"}
	case DimProduct:
		return Texts{ZH: "商品", EN: "product"}
	case DimWarehouse:
		return Texts{ZH: "仓库", EN: "warehouse"}
	case DimSalesperson:
		return Texts{ZH: "业务员", EN: "salesperson"}
	}
	return Texts{ZH: string(d), EN: string(d)}
}

// LineField is the field of a manual journal line that carries the
// dimension (JournalLineInput).
func (d Dimension) LineField() string {
	switch d {
	case DimCustomer:
		return "customerId"
	case DimSupplier:
		return "supplierId"
	case DimDepartment:
		return "department"
	case DimProduct:
		return "productId"
	case DimWarehouse:
		return "warehouseId"
	case DimSalesperson:
		return "salesperson"
	}
	return strings.ToLower(string(d))
}

// ByID reports whether the dimension's values are records named by id
// (customers, suppliers, products, warehouses) rather than texts
// (departments, salespeople).
func (d Dimension) ByID() bool { return d != DimDepartment && d != DimSalesperson }

// DimensionSet is the dimensions an account requires, stored as a text[].
type DimensionSet []Dimension

// Has reports whether the set holds d.
func (s DimensionSet) Has(d Dimension) bool { return slices.Contains(s, d) }

// Normalized is the set without repeats, in AllDimensions order.
func (s DimensionSet) Normalized() DimensionSet {
	out := DimensionSet{}
	for _, d := range AllDimensions {
		if slices.Contains(s, d) {
			out = append(out, d)
		}
	}
	return out
}

// Scan implements sql.Scanner for a PostgreSQL text[] of plain words.
func (s *DimensionSet) Scan(src any) error {
	var txt string
	switch v := src.(type) {
	case nil:
		*s = DimensionSet{}
		return nil
	case []byte:
		txt = string(v)
	case string:
		txt = v
	default:
		return fmt.Errorf("dimensions: cannot scan %T", src)
	}
	txt = strings.Trim(txt, "{}")
	out := DimensionSet{}
	if txt != "" {
		for _, p := range strings.Split(txt, ",") {
			out = append(out, Dimension(strings.Trim(p, `"`)))
		}
	}
	*s = out
	return nil
}

// Value implements driver.Valuer: a text[] literal.
func (s DimensionSet) Value() (driver.Value, error) {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = string(d)
	}
	return "{" + strings.Join(parts, ",") + "}", nil
}

// ValidateDimensions returns every unknown dimension of an input.
func ValidateDimensions(es *Errors, field string, ds []Dimension) {
	for i, d := range ds {
		if !d.Valid() {
			es.Add(EINVALID, fmt.Sprintf("%s.%d", field, i), "unknown dimension {dimension}; use one of CUSTOMER, SUPPLIER, DEPARTMENT, PRODUCT, WAREHOUSE, SALESPERSON", P{"dimension": string(d)})
		}
	}
}

// HasDimension reports whether the line carries a value of d.
func (l *JournalLine) HasDimension(d Dimension) bool {
	switch d {
	case DimCustomer:
		return l.CustomerID != nil
	case DimSupplier:
		return l.SupplierID != nil
	case DimDepartment:
		return l.Department != nil && strings.TrimSpace(*l.Department) != ""
	case DimProduct:
		return l.ProductID != nil
	case DimWarehouse:
		return l.WarehouseID != nil
	case DimSalesperson:
		return l.Salesperson != nil && strings.TrimSpace(*l.Salesperson) != ""
	}
	return false
}

// CheckLineDimensions adds an error for every dimension the account
// requires that the line lacks, on the line's field for it (prefix is the
// line's input path, such as "input.lines.0.").
func CheckLineDimensions(es *Errors, prefix string, a *Account, l *JournalLine) {
	if a == nil {
		return
	}
	for _, d := range a.Dimensions {
		if !l.HasDimension(d) {
			es.Add(EINVALID, prefix+d.LineField(), "account {account} requires the {dimension} dimension on every line: give {field}",
				P{"account": a.Code, "dimension": d.Label(), "field": d.LineField()})
		}
	}
}

// AuxiliaryBalance is one dimension value's totals on an account over a
// date range (a row of 辅助核算余额表).
type AuxiliaryBalance struct {
	Dimension Dimension
	// ValueID is the record (customer, supplier, product, warehouse); nil
	// for text dimensions and for the lines that carry no value.
	ValueID *int64 `db:"value_id"`
	// Code is the text value (department, salesperson), or the record's
	// code; empty for the lines that carry no value.
	Code string `db:"value"`
	// Name is the record's name (empty for text dimensions).
	Name string `db:"name"`
	// Opening and Closing are on the account's direction (debit minus
	// credit for a debit account), signed.
	Opening decimal.Decimal `db:"opening"`
	Debit   decimal.Decimal `db:"debit"`
	Credit  decimal.Decimal `db:"credit"`
	Closing decimal.Decimal `db:"-"`
	// Direction is the account's direction; OpeningSide and ClosingSide say
	// where the balances actually stand.
	Direction   AccountDirection `db:"-"`
	OpeningSide BalanceSide      `db:"-"`
	ClosingSide BalanceSide      `db:"-"`
}

// AuxiliaryBalances is an account's balances per value of one dimension.
type AuxiliaryBalances struct {
	Account   *Account
	Dimension Dimension
	From, To  Date
	Rows      []*AuxiliaryBalance
	// Totals over every row: the account's own figures.
	Opening, Debit, Credit, Closing decimal.Decimal
}

// AuxiliaryLedgerLine is one line of a dimension value's sub-ledger
// (往来明细账 for a customer or supplier).
type AuxiliaryLedgerLine struct {
	Date        Date            `db:"posting_date"`
	EntryID     int64           `db:"entry_id"`
	LineNo      int             `db:"line_no"`
	VoucherNo   string          `db:"voucher_no"`
	SourceType  SourceType      `db:"source_type"`
	SourceID    *int64          `db:"source_id"`
	Description string          `db:"description"`
	Debit       decimal.Decimal `db:"debit"`
	Credit      decimal.Decimal `db:"credit"`
	// Balance is the running balance after the line on the account's direction.
	Balance decimal.Decimal `db:"balance"`
}

// AuxiliaryLedger is one dimension value's lines on an account over a range.
type AuxiliaryLedger struct {
	Account   *Account
	Dimension Dimension
	ValueID   *int64
	// Code is the record's code or the text value.
	Code     string
	Name     string
	From, To Date
	Opening  decimal.Decimal
	Closing  decimal.Decimal
	// Page is the page of lines asked for.
	Page *Page[*AuxiliaryLedgerLine]
	// Query is what was asked, for the next page.
	Query AuxiliaryQuery
}

// AuxiliaryLedgerOrder orders a sub-ledger's lines by posting date, entry
// and line; the running balance always runs in posting order.
type AuxiliaryLedgerOrder struct {
	Direction SortDirection
}

// AuxiliaryQuery names an account, a dimension, a value and a range.
type AuxiliaryQuery struct {
	AccountCode string
	Dimension   Dimension
	ValueID     *int64
	Value       *string
	From, To    Date
}

// Signed turns debit minus credit into a balance on the direction.
func (d AccountDirection) Signed(debitMinusCredit decimal.Decimal) decimal.Decimal {
	if d == DirectionCredit {
		return debitMinusCredit.Neg()
	}
	return debitMinusCredit
}

// RunAuxiliaryBalances fills closings, sides and totals.
func RunAuxiliaryBalances(b *AuxiliaryBalances) {
	dir := b.Account.Direction
	b.Opening, b.Debit, b.Credit, b.Closing = decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero
	for _, r := range b.Rows {
		r.Direction = dir
		move := dir.Signed(r.Debit.Sub(r.Credit))
		r.Closing = r.Opening.Add(move)
		r.OpeningSide, r.ClosingSide = SideOf(dir.Signed(r.Opening)), SideOf(dir.Signed(r.Closing))
		b.Opening, b.Debit, b.Credit, b.Closing = b.Opening.Add(r.Opening), b.Debit.Add(r.Debit), b.Credit.Add(r.Credit), b.Closing.Add(r.Closing)
	}
}

// PartnerKindOfSource is the kind of partner the partner code on a
// document's lines names: a customer on sales documents, a supplier on
// purchasing ones; "" for the others (manual entries name their records
// by id).
func PartnerKindOfSource(src SourceType) PartnerKind {
	switch src {
	case SourceShipment, SourceSalesInvoice, SourceCustomerPayment, SourceCreditApplied, SourceSalesReturn, SourceCustomerRefund:
		return PartnerCustomer
	case SourcePurchaseReceipt, SourceSupplierInvoice, SourceSupplierPayment, SourceLandedCost, SourceOperatingCost, SourceSupplierReturn:
		return PartnerSupplier
	}
	return ""
}
