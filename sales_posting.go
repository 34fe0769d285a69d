package jxc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// The sales events of the posting engine. Each turns one sales document
// into its stock moves and journal lines; db/sales*.go calls db.post with
// them in the document's transaction.
//
// Sales returns debit 6001 revenue directly rather than a contra account:
// 小企业会计准则 books a sales return as a reduction of the current
// period's revenue (冲减当期销售收入), so revenue in the ledger is already
// net of returns and the KPIs read it as is.

func withPartner(lines []*JournalLine, partner string) []*JournalLine {
	if partner == "" {
		return lines
	}
	for _, l := range lines {
		p := partner
		l.Partner = &p
	}
	return lines
}

func checkPostingAmount(es *Errors, field string, m decimal.Decimal) {
	CheckMoney(es, field, m)
}

// ShipmentIssue is goods leaving for a customer: Dr COGS, Cr Inventory at
// moving-average cost. The store releases the lines' reservation under the
// same row locks before posting, so the stock issued is the stock reserved.
type ShipmentIssue struct {
	Date        Date
	Description Text
	Partner     string
	Lines       []ShipmentIssueLine
}

// ShipmentIssueLine is one product leaving a warehouse.
type ShipmentIssueLine struct {
	ProductID   int64
	WarehouseID int64
	Quantity    decimal.Decimal
}

// Day implements Event.
func (e *ShipmentIssue) Day() Date { return e.Date }

// Source implements Event.
func (e *ShipmentIssue) Source() SourceType { return SourceShipment }

// Validate implements Event.
func (e *ShipmentIssue) Validate() error {
	var es Errors
	checkLineCount(&es, len(e.Lines), 1, 500)
	for i, l := range e.Lines {
		CheckQuantity(&es, fmt.Sprintf("input.lines.%d.quantity", i), l.Quantity)
	}
	return es.Err()
}

// Needs implements Event.
func (e *ShipmentIssue) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l ShipmentIssueLine) StockKey { return StockKey{l.ProductID, l.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountCOGS},
	}
}

// Rules implements Event. Moves come out in line order, one per line.
func (e *ShipmentIssue) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: e.Description}
	var book lineBook
	for i, l := range e.Lines {
		if !s.checkDate(&es, "input.postingDate", l.ProductID, e.Date) {
			continue
		}
		m := s.issue(&es, fmt.Sprintf("input.lines.%d.quantity", i), StockKey{l.ProductID, l.WarehouseID}, nil, l.Quantity, e.Date)
		if m == nil {
			continue
		}
		p.Moves = append(p.Moves, m)
		book.debit(AccountCOGS, m.Value.Neg(), T("cost of goods shipped"))
		book.stockCredit(l.ProductID, m.Value.Neg(), T("cost of goods shipped"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	p.Lines = withPartner(book.lines, e.Partner)
	return p, nil
}

// SalesInvoicePosting bills a customer: Dr AR, Cr Revenue (net), Cr Output VAT.
type SalesInvoicePosting struct {
	Date        Date
	Description Text
	Partner     string
	Net         decimal.Decimal
	VAT         decimal.Decimal
}

// Day implements Event.
func (e *SalesInvoicePosting) Day() Date { return e.Date }

// Source implements Event.
func (e *SalesInvoicePosting) Source() SourceType { return SourceSalesInvoice }

// Validate implements Event.
func (e *SalesInvoicePosting) Validate() error {
	var es Errors
	checkPostingAmount(&es, "input.net", e.Net)
	checkPostingAmount(&es, "input.vat", e.VAT)
	return es.Err()
}

// Needs implements Event.
func (e *SalesInvoicePosting) Needs() Needs {
	return Needs{Accounts: []string{AccountReceivable, AccountRevenue, AccountOutputVAT}}
}

// Rules implements Event.
func (e *SalesInvoicePosting) Rules(s *PostingState) (*Posting, error) {
	var book lineBook
	book.debit(AccountReceivable, e.Net.Add(e.VAT), T("sales invoice"))
	book.credit(AccountRevenue, e.Net, T("sales invoice"))
	book.credit(AccountOutputVAT, e.VAT, T("output VAT"))
	return &Posting{Description: e.Description, Lines: withPartner(book.lines, e.Partner)}, nil
}

// CustomerPaymentPosting is money received: Dr Bank (or cash), Cr AR for what
// settles invoices, Cr 2203 advances from customers for the rest.
type CustomerPaymentPosting struct {
	Date        Date
	Description Text
	Partner     string
	BankAccount string
	Amount      decimal.Decimal
	Applied     decimal.Decimal
}

// Day implements Event.
func (e *CustomerPaymentPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *CustomerPaymentPosting) Source() SourceType { return SourceCustomerPayment }

// Validate implements Event.
func (e *CustomerPaymentPosting) Validate() error {
	var es Errors
	checkPostingAmount(&es, "input.amount", e.Amount)
	checkPostingAmount(&es, "input.allocations", e.Applied)
	if e.Applied.GreaterThan(e.Amount) {
		es.Add(EINVALID, "input.allocations", "allocations total {allocated}, more than the payment of {amount}", P{"allocated": e.Applied, "amount": e.Amount})
	}
	return es.Err()
}

// Needs implements Event.
func (e *CustomerPaymentPosting) Needs() Needs {
	return Needs{Accounts: []string{e.BankAccount, AccountReceivable, AccountCustomerAdvances}}
}

// Rules implements Event.
func (e *CustomerPaymentPosting) Rules(s *PostingState) (*Posting, error) {
	var book lineBook
	book.debit(e.BankAccount, e.Amount, T("customer payment"))
	book.credit(AccountReceivable, e.Applied, T("customer payment"))
	book.credit(AccountCustomerAdvances, e.Amount.Sub(e.Applied), T("unapplied customer payment"))
	return &Posting{Description: e.Description, Lines: withPartner(book.lines, e.Partner)}, nil
}

// CreditApplication applies a payment's unapplied credit to invoices:
// Dr 2203 advances from customers, Cr AR.
type CreditApplication struct {
	Date        Date
	Description Text
	Partner     string
	Amount      decimal.Decimal
}

// Day implements Event.
func (e *CreditApplication) Day() Date { return e.Date }

// Source implements Event.
func (e *CreditApplication) Source() SourceType { return SourceCreditApplied }

// Validate implements Event.
func (e *CreditApplication) Validate() error {
	var es Errors
	checkPostingAmount(&es, "input.allocations", e.Amount)
	return es.Err()
}

// Needs implements Event.
func (e *CreditApplication) Needs() Needs {
	return Needs{Accounts: []string{AccountCustomerAdvances, AccountReceivable}}
}

// Rules implements Event.
func (e *CreditApplication) Rules(s *PostingState) (*Posting, error) {
	var book lineBook
	book.debit(AccountCustomerAdvances, e.Amount, T("customer credit applied"))
	book.credit(AccountReceivable, e.Amount, T("customer credit applied"))
	return &Posting{Description: e.Description, Lines: withPartner(book.lines, e.Partner)}, nil
}

// ReturnPosting takes goods back and credits the customer: Dr Inventory, Cr
// COGS at the cost the goods left with; Dr Revenue and Output VAT, Cr AR
// for the credit note.
type ReturnPosting struct {
	Date        Date
	Description Text
	Partner     string
	Lines       []ReturnPostingLine
	Net         decimal.Decimal
	VAT         decimal.Decimal
}

// ReturnPostingLine is one product coming back at a cost.
type ReturnPostingLine struct {
	ProductID   int64
	WarehouseID int64
	Quantity    decimal.Decimal
	Value       decimal.Decimal
}

// Day implements Event.
func (e *ReturnPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *ReturnPosting) Source() SourceType { return SourceSalesReturn }

// Validate implements Event.
func (e *ReturnPosting) Validate() error {
	var es Errors
	checkLineCount(&es, len(e.Lines), 1, 500)
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		checkPostingAmount(&es, f+"value", l.Value)
	}
	checkPostingAmount(&es, "input.net", e.Net)
	checkPostingAmount(&es, "input.vat", e.VAT)
	return es.Err()
}

// Needs implements Event.
func (e *ReturnPosting) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l ReturnPostingLine) StockKey { return StockKey{l.ProductID, l.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountCOGS, AccountRevenue, AccountOutputVAT, AccountReceivable},
	}
}

// Rules implements Event.
func (e *ReturnPosting) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: e.Description}
	var book lineBook
	for _, l := range e.Lines {
		if !s.checkDate(&es, "input.postingDate", l.ProductID, e.Date) {
			continue
		}
		p.Moves = append(p.Moves, s.receive(StockKey{l.ProductID, l.WarehouseID}, nil, l.Quantity, l.Value, e.Date))
		book.stockDebit(l.ProductID, l.Value, T("goods returned"))
		book.credit(AccountCOGS, l.Value, T("goods returned"))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	book.debit(AccountRevenue, e.Net, T("credit note"))
	book.debit(AccountOutputVAT, e.VAT, T("credit note VAT"))
	book.credit(AccountReceivable, e.Net.Add(e.VAT), T("credit note"))
	p.Lines = withPartner(book.lines, e.Partner)
	return p, nil
}

// RefundPosting pays credit back: Dr AR (a credit note) or Dr 2203 (an
// unapplied payment), Cr Bank.
type RefundPosting struct {
	Date        Date
	Description Text
	Partner     string
	BankAccount string
	Amount      decimal.Decimal
	FromAdvance bool
}

// Day implements Event.
func (e *RefundPosting) Day() Date { return e.Date }

// Source implements Event.
func (e *RefundPosting) Source() SourceType { return SourceCustomerRefund }

// Validate implements Event.
func (e *RefundPosting) Validate() error {
	var es Errors
	checkPostingAmount(&es, "input.amount", e.Amount)
	return es.Err()
}

func (e *RefundPosting) from() string {
	if e.FromAdvance {
		return AccountCustomerAdvances
	}
	return AccountReceivable
}

// Needs implements Event.
func (e *RefundPosting) Needs() Needs {
	return Needs{Accounts: []string{e.from(), e.BankAccount}}
}

// Rules implements Event.
func (e *RefundPosting) Rules(s *PostingState) (*Posting, error) {
	var book lineBook
	book.debit(e.from(), e.Amount, T("refund to customer"))
	book.credit(e.BankAccount, e.Amount, T("refund to customer"))
	return &Posting{Description: e.Description, Lines: withPartner(book.lines, e.Partner)}, nil
}
