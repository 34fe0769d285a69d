package jxc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Posting rules of procure to pay (DOMAIN.md): receipts, supplier invoices,
// supplier payments, landed costs and operating costs. Like the books'
// events they are pure; the purchasing store computes their input from the
// documents it has locked and calls db.post.

// Source types of purchasing postings.
const (
	SourcePurchaseReceipt SourceType = "PURCHASE_RECEIPT"
	SourceSupplierInvoice SourceType = "SUPPLIER_INVOICE"
	SourceSupplierPayment SourceType = "SUPPLIER_PAYMENT"
	SourceLandedCost      SourceType = "LANDED_COST"
	SourceOperatingCost   SourceType = "OPERATING_COST"
)

// AccountPriceVariance takes the difference between an invoice and the
// order price the goods were received at (added by purchasing's migration).
const AccountPriceVariance = "6404"

// ReceiptPosting puts the accepted quantity of a goods receipt into stock at
// the order price: Dr Inventory, Cr GRNI, qty x order price per line. The
// moving average follows from adding value and quantity to the balance.
type ReceiptPosting struct {
	Date        Date
	Description Text
	Partner     string // the supplier's code, on the journal lines
	CostCentre  string
	Lines       []ReceiptPostingLine
}

// ReceiptPostingLine is one accepted quantity at its order price.
type ReceiptPostingLine struct {
	Field       string // input path of the line, for errors: "input.lines.N."
	ProductID   int64
	WarehouseID int64
	LocationID  *int64
	Quantity    decimal.Decimal
	UnitPrice   decimal.Decimal
	// StockQuantity is Quantity in the stock unit when the order line is in
	// another unit (UnitPrice is per the line's unit); nil: the same.
	StockQuantity *decimal.Decimal
}

// Day implements Event.
func (e *ReceiptPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *ReceiptPosting) Source() SourceType { return SourcePurchaseReceipt }

// Validate implements Event.
func (e *ReceiptPosting) Validate() error {
	var es Errors
	checkLineCount(&es, len(e.Lines), 1, 1000)
	amounts := make([]LineAmount, len(e.Lines))
	for i, l := range e.Lines {
		CheckQuantity(&es, l.Field+"acceptedQuantity", l.Quantity)
		CheckUnitCost(&es, l.Field+"unitPrice", l.UnitPrice)
		amounts[i] = LineAmount{l.Field + "acceptedQuantity", l.Quantity, l.UnitPrice}
		if l.StockQuantity != nil {
			CheckQuantity(&es, l.Field+"acceptedQuantity", *l.StockQuantity)
		}
	}
	CheckLineAmounts(&es, "input.lines", "order price", amounts)
	return es.Err()
}

// Needs implements Event.
func (e *ReceiptPosting) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l ReceiptPostingLine) StockKey { return StockKey{l.ProductID, l.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountGRNI},
	}
}

// Rules implements Event.
func (e *ReceiptPosting) Rules(s *PostingState) (*Posting, error) {
	p, err := receiveAll(s, e.Description, "input.receiptDate", e.Date, e.Lines, func(l ReceiptPostingLine) stockIn {
		q := l.Quantity
		if l.StockQuantity != nil {
			q = *l.StockQuantity
		}
		return stockIn{StockKey{l.ProductID, l.WarehouseID}, l.LocationID, q, RoundMoney(l.Quantity.Mul(l.UnitPrice))}
	}, AccountGRNI, T("goods received"), T("goods received not invoiced"))
	if err != nil {
		return nil, err
	}
	p.Lines = tag(p.Lines, e.CostCentre, e.Partner)
	return p, nil
}

// tag puts the cost centre and partner on every line that has none.
func tag(lines []*JournalLine, costCentre, partner string) []*JournalLine {
	for _, l := range lines {
		if l.CostCentre == nil && costCentre != "" {
			l.CostCentre = &costCentre
		}
		if l.Partner == nil && partner != "" {
			l.Partner = &partner
		}
	}
	return lines
}

// InvoicePostingLine is one invoiced order line with the order line's
// running totals before this invoice, from which the GRNI to clear follows.
type InvoicePostingLine struct {
	Quantity  decimal.Decimal
	UnitPrice decimal.Decimal // invoice price, net of VAT
	VATRate   decimal.Decimal
	// The order line as it stands before this invoice.
	OrderPrice    decimal.Decimal
	ReceivedQty   decimal.Decimal
	ReceivedValue decimal.Decimal
	InvoicedQty   decimal.Decimal
	GRNICleared   decimal.Decimal

	// Set by the rules.
	Net, Tax, GRNI, Variance decimal.Decimal
}

// GRNIToClear is what invoicing q of an order line takes out of GRNI: q at
// the order price, except that the invoice which brings invoiced up to
// received clears exactly what is left, so GRNI per line returns to zero to
// the cent (invariant 5) whatever rounding the receipts did.
func (l *InvoicePostingLine) GRNIToClear() decimal.Decimal {
	if l.InvoicedQty.Add(l.Quantity).Equal(l.ReceivedQty) {
		return l.ReceivedValue.Sub(l.GRNICleared)
	}
	return RoundMoney(l.Quantity.Mul(l.OrderPrice))
}

// InvoicePosting posts a supplier invoice for goods: Dr GRNI at the order
// price, Dr (or Cr) purchase price variance for the difference, Dr input
// VAT, Cr trade payables for the total.
type InvoicePosting struct {
	Date        Date
	Description Text
	Partner     string
	CostCentre  string
	Lines       []*InvoicePostingLine

	// Set by the rules.
	Net, Tax, Total decimal.Decimal
}

// Day implements Event.
func (e *InvoicePosting) Day() Date { return e.Date }

// Source implements Event.
func (e *InvoicePosting) Source() SourceType { return SourceSupplierInvoice }

// Validate implements Event.
func (e *InvoicePosting) Validate() error {
	var es Errors
	checkLineCount(&es, len(e.Lines), 1, 1000)
	amounts := make([]LineAmount, len(e.Lines))
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		CheckUnitCost(&es, f+"unitPrice", l.UnitPrice)
		amounts[i] = LineAmount{f + "quantity", l.Quantity, l.UnitPrice}
	}
	CheckLineAmounts(&es, "input.lines", "unit price", amounts)
	return es.Err()
}

// Needs implements Event.
func (e *InvoicePosting) Needs() Needs {
	return Needs{Accounts: []string{AccountGRNI, AccountPriceVariance, AccountInputVAT, AccountPayable}}
}

// Rules implements Event.
func (e *InvoicePosting) Rules(s *PostingState) (*Posting, error) {
	p := &Posting{Description: e.Description}
	var book lineBook
	e.Net, e.Tax = decimal.Zero, decimal.Zero
	for _, l := range e.Lines {
		l.Net = RoundMoney(l.Quantity.Mul(l.UnitPrice))
		l.Tax = RoundMoney(l.Net.Mul(l.VATRate))
		l.GRNI = l.GRNIToClear()
		l.Variance = l.Net.Sub(l.GRNI)
		e.Net, e.Tax = e.Net.Add(l.Net), e.Tax.Add(l.Tax)
		debitOrCredit(&book, AccountGRNI, l.GRNI, T("goods received, now invoiced"))
		debitOrCredit(&book, AccountPriceVariance, l.Variance, T("purchase price variance"))
		book.debit(AccountInputVAT, l.Tax, T("input VAT"))
	}
	e.Total = e.Net.Add(e.Tax)
	book.credit(AccountPayable, e.Total, T("supplier invoice"))
	p.Lines = netLines(tag(book.lines, e.CostCentre, e.Partner))
	return p, nil
}

// debitOrCredit books a signed amount: a debit when positive, a credit when negative.
func debitOrCredit(b *lineBook, account string, amount decimal.Decimal, description Text) {
	if amount.Sign() >= 0 {
		b.debit(account, amount, description)
	} else {
		b.credit(account, amount.Neg(), description)
	}
}

// netLines nets an account's debit and credit lines into one (a variance
// that is dearer on one line and cheaper on another), dropping zeros.
func netLines(lines []*JournalLine) []*JournalLine {
	var out []*JournalLine
	at := map[string]*JournalLine{}
	for _, l := range lines {
		if o, ok := at[l.AccountCode]; ok {
			n := o.Debit.Sub(o.Credit).Add(l.Debit).Sub(l.Credit)
			o.Debit, o.Credit = decimal.Max(n, decimal.Zero), decimal.Max(n.Neg(), decimal.Zero)
			continue
		}
		at[l.AccountCode] = l
		out = append(out, l)
	}
	kept := out[:0]
	for _, l := range out {
		if !l.Debit.IsZero() || !l.Credit.IsZero() {
			kept = append(kept, l)
		}
	}
	return kept
}

// PaymentPosting pays suppliers: Dr trade payables, Cr bank.
type PaymentPosting struct {
	Date        Date
	Description Text
	Partner     string
	Amount      decimal.Decimal
	BankAccount string // 1002 unless told otherwise
}

// Day implements Event.
func (e *PaymentPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *PaymentPosting) Source() SourceType { return SourceSupplierPayment }

// Validate implements Event.
func (e *PaymentPosting) Validate() error {
	var es Errors
	checkPositiveAmount(&es, "input.amount", e.Amount)
	return es.Err()
}

func (e *PaymentPosting) bank() string {
	if e.BankAccount == "" {
		return AccountBank
	}
	return e.BankAccount
}

// Needs implements Event.
func (e *PaymentPosting) Needs() Needs { return Needs{Accounts: []string{AccountPayable, e.bank()}} }

// Rules implements Event.
func (e *PaymentPosting) Rules(s *PostingState) (*Posting, error) {
	var book lineBook
	book.debit(AccountPayable, e.Amount, T("supplier payment"))
	book.credit(e.bank(), e.Amount, T("supplier payment"))
	return &Posting{Description: e.Description, Lines: tag(book.lines, "", e.Partner)}, nil
}

// LandedCostShare is one receipt line's share of a landed cost.
type LandedCostShare struct {
	ProductID   int64
	WarehouseID int64
	ReceivedQty decimal.Decimal // the receipt line's accepted quantity
	// RemainingQty is what is still on hand of this receipt line (its
	// layer, consumed oldest first by issues); the rest has been sold.
	RemainingQty decimal.Decimal
	Amount       decimal.Decimal

	// Set by the rules: the part for goods still on hand raises their
	// value; the part for goods already gone goes to cost of goods sold.
	OnHand, Sold decimal.Decimal
}

// LandedCostPosting spreads freight, duty or insurance over receipt lines:
// Dr Inventory for the share of goods still on hand (raising the moving
// average), Dr COGS for the share of goods already sold, Cr payables or bank.
type LandedCostPosting struct {
	Date          Date
	Description   Text
	Partner       string
	CreditAccount string // trade payables or bank
	Shares        []*LandedCostShare
}

// Day implements Event.
func (e *LandedCostPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *LandedCostPosting) Source() SourceType { return SourceLandedCost }

// Validate implements Event.
func (e *LandedCostPosting) Validate() error {
	var es Errors
	if len(e.Shares) == 0 {
		es.Add(EINVALID, "input.receiptIds", "a landed cost needs at least one receipt line to spread over")
	}
	for _, s := range e.Shares {
		if s.Amount.Sign() < 0 || s.ReceivedQty.Sign() <= 0 || s.RemainingQty.Sign() < 0 || s.RemainingQty.GreaterThan(s.ReceivedQty) {
			return fmt.Errorf("landed cost share %s over %s of which %s remain", s.Amount, s.ReceivedQty, s.RemainingQty)
		}
	}
	return es.Err()
}

// Needs implements Event.
func (e *LandedCostPosting) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Shares, func(l *LandedCostShare) StockKey { return StockKey{l.ProductID, l.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountCOGS, e.CreditAccount},
	}
}

// Rules implements Event. The goods of the receipt line still on hand are
// what remains of that line (issues consume receipts oldest first), never
// more than the balance holds: freight on goods already sold goes to cost
// of goods sold, not onto later receipts' stock. Their share is added to the balance's value by moving the whole
// balance out at its value and back in at value + share: stock moves
// always carry a quantity, and the pair nets to a pure revaluation.
func (e *LandedCostPosting) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: e.Description}
	var book lineBook
	total := decimal.Zero
	for _, sh := range e.Shares {
		total = total.Add(sh.Amount)
		k := StockKey{sh.ProductID, sh.WarehouseID}
		b := s.Balances[k]
		onHandQty := decimal.Min(sh.RemainingQty, b.OnHand)
		switch {
		case onHandQty.Sign() <= 0:
			sh.OnHand = decimal.Zero
		case onHandQty.Equal(sh.ReceivedQty):
			sh.OnHand = sh.Amount
		default:
			sh.OnHand = DivRound(sh.Amount.Mul(onHandQty), sh.ReceivedQty, MoneyPlaces)
		}
		sh.Sold = sh.Amount.Sub(sh.OnHand)
		if sh.OnHand.Sign() > 0 {
			if !s.checkDate(&es, "input.postingDate", sh.ProductID, e.Date) {
				continue
			}
			out := &StockMove{ProductID: k.ProductID, WarehouseID: k.WarehouseID, Quantity: b.OnHand.Neg(), Value: b.Value.Neg(), PostingDate: e.Date}
			in := &StockMove{ProductID: k.ProductID, WarehouseID: k.WarehouseID, Quantity: b.OnHand, Value: b.Value.Add(sh.OnHand), PostingDate: e.Date}
			b.ProductID, b.WarehouseID = k.ProductID, k.WarehouseID
			b.Value = b.Value.Add(sh.OnHand)
			s.Balances[k] = b
			s.touch(k.ProductID, e.Date)
			p.Moves = append(p.Moves, out, in)
			book.stockDebit(sh.ProductID, sh.OnHand, T("landed cost on goods on hand"))
		}
		book.debit(AccountCOGS, sh.Sold, T("landed cost on goods already sold"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	book.credit(e.CreditAccount, total, T("landed cost"))
	p.Lines = tag(book.lines, "", e.Partner)
	return p, nil
}

// AllocateByWeight splits amount over weights in proportion, rounded to
// cents; the last line with weight takes the remainder so the shares add
// up to the amount exactly. Weights must not all be zero.
func AllocateByWeight(amount decimal.Decimal, weights []decimal.Decimal) []decimal.Decimal {
	total := decimal.Zero
	last := -1
	for i, w := range weights {
		total = total.Add(w)
		if w.Sign() > 0 {
			last = i
		}
	}
	out := make([]decimal.Decimal, len(weights))
	if last < 0 {
		return out
	}
	left := amount
	for i, w := range weights {
		if w.Sign() <= 0 {
			continue
		}
		if i == last {
			out[i] = left
			break
		}
		out[i] = DivRound(amount.Mul(w), total, MoneyPlaces)
		left = left.Sub(out[i])
	}
	return out
}

// OperatingCostPosting books labour, overhead, freight or rent: Dr the
// expense account with its cost centre, Cr payables or bank.
type OperatingCostPosting struct {
	Date           Date
	Description    Text
	ExpenseAccount string
	CostCentre     string
	Amount         decimal.Decimal
	CreditAccount  string
	Partner        string
	// Cancels is the cost's entry when this posting cancels the cost: the
	// mirror image (Dr the credit account, Cr the expense), reversing it.
	Cancels *int64
}

// Day implements Event.
func (e *OperatingCostPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *OperatingCostPosting) Source() SourceType { return SourceOperatingCost }

// Validate implements Event.
func (e *OperatingCostPosting) Validate() error {
	var es Errors
	checkPositiveAmount(&es, "input.amount", e.Amount)
	return es.Err()
}

// Needs implements Event.
func (e *OperatingCostPosting) Needs() Needs {
	return Needs{Accounts: []string{e.ExpenseAccount, e.CreditAccount}}
}

// Rules implements Event.
func (e *OperatingCostPosting) Rules(s *PostingState) (*Posting, error) {
	if a := s.Accounts[e.ExpenseAccount]; a != nil && a.Type != AccountExpense {
		return nil, FieldErrorf(EINVALID, "input.accountCode", "account {account} is not an expense account", P{"account": a.Label()})
	}
	cc := e.CostCentre
	var book lineBook
	if e.Cancels != nil {
		book.debit(e.CreditAccount, e.Amount, e.Description)
		book.credit(e.ExpenseAccount, e.Amount, e.Description)
		book.lines[1].CostCentre = &cc
		return &Posting{Description: e.Description, Lines: tag(book.lines, "", e.Partner), ReversesID: e.Cancels}, nil
	}
	book.debit(e.ExpenseAccount, e.Amount, e.Description)
	book.credit(e.CreditAccount, e.Amount, e.Description)
	book.lines[0].CostCentre = &cc
	return &Posting{Description: e.Description, Lines: tag(book.lines, "", e.Partner)}, nil
}
