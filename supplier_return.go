package jxc

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Returns to suppliers (采购退货): goods of a goods receipt going back to
// the supplier. The goods leave stock at the current moving average; the
// part of the order line not yet invoiced comes off GRNI at the receipt
// price, the invoiced part is a debit note (红字/折让) for price x qty plus
// VAT that reduces payables; the difference between what stock gives up
// and what the supplier owes back goes to price variance 6404.

// SourceSupplierReturn posts a return (its goods out and its debit note)
// and the refund of its debit note.
const SourceSupplierReturn SourceType = "SUPPLIER_RETURN"

// RecordSupplierReturn is the audit record type of a supplier return.
const RecordSupplierReturn = "supplierReturn"

// SupplierReturnStatus is where a return stands.
type SupplierReturnStatus string

const (
	SupplierReturnDraft     SupplierReturnStatus = "DRAFT"
	SupplierReturnPosted    SupplierReturnStatus = "POSTED"
	SupplierReturnCancelled SupplierReturnStatus = "CANCELLED"
)

// SupplierReturn is a return of received goods and its debit note.
type SupplierReturn struct {
	ID             int64                 `db:"id"`
	Number         string                `db:"number"`
	SupplierID     int64                 `db:"supplier_id"`
	ReceiptID      int64                 `db:"receipt_id"`
	WarehouseID    int64                 `db:"warehouse_id"`
	Status         SupplierReturnStatus  `db:"status"`
	Reason         string                `db:"reason"`
	PostingDate    *Date                 `db:"posting_date"`
	StockValue     decimal.Decimal       `db:"stock_value"`
	GRNIAmount     decimal.Decimal       `db:"grni_amount"`
	NetAmount      decimal.Decimal       `db:"net_amount"`
	VATAmount      decimal.Decimal       `db:"vat_amount"`
	TotalAmount    decimal.Decimal       `db:"total_amount"`
	Variance       decimal.Decimal       `db:"variance"`
	AppliedAmount  decimal.Decimal       `db:"applied_amount"`
	RefundedAmount decimal.Decimal       `db:"refunded_amount"`
	JournalEntryID *int64                `db:"journal_entry_id"`
	CreatedAt      time.Time             `db:"created_at"`
	PostedAt       *time.Time            `db:"posted_at"`
	ReceiptNumber  string                `db:"receipt_number"`
	SupplierCode   string                `db:"supplier_code"`
	SupplierName   string                `db:"supplier_name"`
	Lines          []*SupplierReturnLine `db:"-"`
}

// OpenCredit is the debit note's amount neither applied nor refunded.
func (r *SupplierReturn) OpenCredit() decimal.Decimal {
	return r.TotalAmount.Sub(r.AppliedAmount).Sub(r.RefundedAmount)
}

// SupplierReturnLine is one receipt line's goods going back.
type SupplierReturnLine struct {
	ReturnID      int64           `db:"return_id"`
	LineNo        int             `db:"line_no"`
	ReceiptID     int64           `db:"receipt_id"`
	ReceiptLineNo int             `db:"receipt_line_no"`
	OrderLineID   int64           `db:"po_line_id"`
	ProductID     int64           `db:"product_id"`
	Quantity      decimal.Decimal `db:"quantity"`
	UnitPrice     decimal.Decimal `db:"unit_price"`
	GRNIQty       decimal.Decimal `db:"grni_qty"`
	InvoicedQty   decimal.Decimal `db:"invoiced_qty"`
	InvoicePrice  decimal.Decimal `db:"invoice_price"`
	VATRate       decimal.Decimal `db:"vat_rate"`
	StockValue    decimal.Decimal `db:"stock_value"`
	GRNIAmount    decimal.Decimal `db:"grni_amount"`
	NetAmount     decimal.Decimal `db:"net_amount"`
	VATAmount     decimal.Decimal `db:"vat_amount"`
	SKU           string          `db:"sku"`
	ProductName   string          `db:"product_name"`
	// Unit is the order line's unit by name (the stock unit's name for a
	// line in it); Quantity is in it, StockQuantity = Quantity x UnitFactor.
	Unit          string          `db:"unit"`
	UnitFactor    decimal.Decimal `db:"unit_factor"`
	StockQuantity decimal.Decimal `db:"stock_quantity"`
}

// StockQty is the line's quantity in the stock unit: what leaves stock.
func (l *SupplierReturnLine) StockQty() decimal.Decimal {
	return factorOrOne(l.UnitFactor).Mul(l.Quantity)
}

// SupplierReturnInput drafts a return of goods of one receipt.
type SupplierReturnInput struct {
	ReceiptID      int64
	Reason         *string
	Lines          []SupplierReturnLineInput
	IdempotencyKey *string
}

// SupplierReturnLineInput is how much of a receipt line goes back.
type SupplierReturnLineInput struct {
	ReceiptLineNo int
	Quantity      decimal.Decimal
}

// ValidateSupplierReturnInput returns every rule the input breaks on its own.
func ValidateSupplierReturnInput(in SupplierReturnInput) error {
	var es Errors
	checkOptText(&es, "input.reason", "reason", in.Reason, 0, 500)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	checkLineCount(&es, len(in.Lines), 1, 500)
	seen := map[int]int{}
	for i, l := range in.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if j, dup := seen[l.ReceiptLineNo]; dup {
			es.Add(EINVALID, f+"receiptLineNo", "receipt line {line} is already returned on line {other} of this return", P{"line": l.ReceiptLineNo, "other": j + 1})
		}
		seen[l.ReceiptLineNo] = i
	}
	return es.Err()
}

// CheckReturnableQuantity refuses more than a receipt line may still give
// back: what it accepted less what posted returns took and what other
// drafts hold is not checked here (drafts reserve nothing).
func CheckReturnableQuantity(es *Errors, field, receipt string, l *GoodsReceiptLine, returned, q decimal.Decimal) {
	left := l.AcceptedQty.Sub(returned)
	if q.GreaterThan(left) {
		es.Add(ECONFLICT, field, "only {allowed} of line {line} of receipt {receipt} may still go back to the supplier; cannot return {requested}",
			P{"allowed": left, "line": l.LineNo, "receipt": receipt, "requested": q})
	}
}

// SupplierReturnPostingLine is one line going out, split by the rules'
// caller into the part not yet invoiced (GRNI) and the invoiced part (the
// debit note), with their amounts.
type SupplierReturnPostingLine struct {
	Field       string
	ProductID   int64
	WarehouseID int64
	Quantity    decimal.Decimal
	GRNIAmount  decimal.Decimal
	Net, VAT    decimal.Decimal

	// Set by the rules: the stock value at the moving average.
	StockValue decimal.Decimal
}

// SupplierReturnSplit splits q of an order line into the part still in
// GRNI (received, not invoiced) and the invoiced part, and prices the GRNI
// part at the order price: the return that takes the last uninvoiced unit
// clears exactly what GRNI holds of the line, so GRNI per line stays exact
// (invariant 5).
func SupplierReturnSplit(l *PurchaseOrderLine, q decimal.Decimal) (grniQty, invoicedQty, grni decimal.Decimal) {
	open := decimal.Max(l.ReceivedQty.Sub(l.InvoicedQty), decimal.Zero)
	grniQty = decimal.Min(q, open)
	invoicedQty = q.Sub(grniQty)
	switch {
	case grniQty.IsZero():
		grni = decimal.Zero
	case grniQty.Equal(open):
		grni = l.ReceivedValue.Sub(l.GRNICleared)
	default:
		grni = RoundMoney(grniQty.Mul(l.UnitPrice))
	}
	return grniQty, invoicedQty, grni
}

// DebitNoteAmounts prices the invoiced part of a return at the invoice
// price with its VAT.
func DebitNoteAmounts(q, price, vatRate decimal.Decimal) (net, vat decimal.Decimal) {
	net = RoundMoney(q.Mul(price))
	return net, RoundMoney(net.Mul(vatRate))
}

// SupplierReturnPosting takes the goods out at the moving average (Cr
// Inventory), Dr GRNI for the part not yet invoiced, Dr AP for the debit
// note (net + VAT) and Cr input VAT, and the difference to price variance.
type SupplierReturnPosting struct {
	Date        Date
	Description Text
	Partner     string
	Lines       []*SupplierReturnPostingLine

	// Set by the rules.
	StockValue, GRNI, Net, VAT, Total, Variance decimal.Decimal
}

// Day implements Event.
func (e *SupplierReturnPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *SupplierReturnPosting) Source() SourceType { return SourceSupplierReturn }

// Validate implements Event.
func (e *SupplierReturnPosting) Validate() error {
	var es Errors
	checkLineCount(&es, len(e.Lines), 1, 500)
	for _, l := range e.Lines {
		CheckQuantity(&es, l.Field+"quantity", l.Quantity)
		if l.GRNIAmount.Sign() < 0 || l.Net.Sign() < 0 || l.VAT.Sign() < 0 {
			return fmt.Errorf("supplier return line with GRNI %s, net %s, VAT %s", l.GRNIAmount, l.Net, l.VAT)
		}
	}
	return es.Err()
}

// Needs implements Event.
func (e *SupplierReturnPosting) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l *SupplierReturnPostingLine) StockKey { return StockKey{l.ProductID, l.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountGRNI, AccountPayable, AccountInputVAT, AccountPriceVariance},
	}
}

// Rules implements Event.
func (e *SupplierReturnPosting) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: e.Description}
	var book lineBook
	e.StockValue, e.GRNI, e.Net, e.VAT = decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero
	for _, l := range e.Lines {
		if !s.checkDate(&es, "input.postingDate", l.ProductID, e.Date) {
			continue
		}
		m := s.issue(&es, l.Field+"quantity", StockKey{l.ProductID, l.WarehouseID}, nil, l.Quantity, e.Date)
		if m == nil {
			continue
		}
		p.Moves = append(p.Moves, m)
		l.StockValue = m.Value.Neg()
		e.StockValue = e.StockValue.Add(l.StockValue)
		e.GRNI, e.Net, e.VAT = e.GRNI.Add(l.GRNIAmount), e.Net.Add(l.Net), e.VAT.Add(l.VAT)
		book.stockCredit(l.ProductID, l.StockValue, T("goods returned to the supplier"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	e.Total = e.Net.Add(e.VAT)
	e.Variance = e.StockValue.Sub(e.GRNI).Sub(e.Net)
	book.debit(AccountGRNI, e.GRNI, T("goods returned before invoicing"))
	book.debit(AccountPayable, e.Total, T("debit note"))
	book.credit(AccountInputVAT, e.VAT, T("input VAT on the debit note"))
	debitOrCredit(&book, AccountPriceVariance, e.Variance, T("return at the current average cost: price variance"))
	p.Lines = tag(book.lines, "", e.Partner)
	return p, nil
}

// DebitNoteRefundPosting is money the supplier pays back on a debit note:
// Dr Bank, Cr AP.
type DebitNoteRefundPosting struct {
	Date        Date
	Description Text
	Partner     string
	Amount      decimal.Decimal
	BankAccount string
}

// Day implements Event.
func (e *DebitNoteRefundPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *DebitNoteRefundPosting) Source() SourceType { return SourceSupplierReturn }

// Validate implements Event.
func (e *DebitNoteRefundPosting) Validate() error {
	var es Errors
	checkPositiveAmount(&es, "input.amount", e.Amount)
	return es.Err()
}

func (e *DebitNoteRefundPosting) bank() string {
	if e.BankAccount == "" {
		return AccountBank
	}
	return e.BankAccount
}

// Needs implements Event.
func (e *DebitNoteRefundPosting) Needs() Needs {
	return Needs{Accounts: []string{AccountPayable, e.bank()}}
}

// Rules implements Event.
func (e *DebitNoteRefundPosting) Rules(s *PostingState) (*Posting, error) {
	var book lineBook
	book.debit(e.bank(), e.Amount, T("supplier refund of a debit note"))
	book.credit(AccountPayable, e.Amount, T("supplier refund of a debit note"))
	return &Posting{Description: e.Description, Lines: tag(book.lines, "", e.Partner)}, nil
}

// RuleSupplierReturnMismatch: a supplier return's settlement or a receipt
// line's returned quantity disagrees with what was written for it.
const RuleSupplierReturnMismatch BooksRule = "SUPPLIER_RETURN_MISMATCH"

// SupplierReturnFilter narrows the return list.
type SupplierReturnFilter struct {
	SupplierID *int64
	ReceiptID  *int64
	Status     []SupplierReturnStatus
	DateFrom   *Date
	DateTo     *Date
	// Search is part of the number, the receipt's number or the supplier's code or name.
	Search *string
}

// SupplierReturnService writes and reads supplier returns; returns are
// named by their number.
type SupplierReturnService interface {
	CreateSupplierReturn(ctx context.Context, in SupplierReturnInput) (*SupplierReturn, error)
	PostSupplierReturn(ctx context.Context, number string, date *Date) (*SupplierReturn, error)
	CancelSupplierReturn(ctx context.Context, number string) (*SupplierReturn, error)
	ApplyDebitNote(ctx context.Context, number, invoiceNumber string, amount *decimal.Decimal) (*SupplierReturn, error)
	RefundDebitNote(ctx context.Context, number string, amount decimal.Decimal, date *Date) (*SupplierReturn, error)
	FindSupplierReturns(ctx context.Context, f SupplierReturnFilter, o Sorter, p PageArgs) (*Page[*SupplierReturn], error)
	FindSupplierReturnByNumber(ctx context.Context, number string) (*SupplierReturn, error)
}

// SupplierReturnOrderField is what the supplier return list can be sorted by.
type SupplierReturnOrderField string

// SupplierReturnOrder sorts the supplier return list.
type SupplierReturnOrder struct {
	Field     SupplierReturnOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *SupplierReturnOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}
