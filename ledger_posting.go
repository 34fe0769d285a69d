package jxc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// The ledger's own events: manual journal entries and reversals, posted by
// the engine in posting.go.

// ManualEntry is a journal entry a finance user writes by hand. It may not
// touch control accounts, which only their sub-ledgers post to.
type ManualEntry struct {
	Date        Date
	Description string
	Lines       []ManualLine
	// Attachments is the count of paper documents attached to the voucher
	// (附单据数); nil: 0.
	Attachments *int
}

// ManualLine is one debit or credit of a manual entry.
type ManualLine struct {
	AccountCode string
	Debit       decimal.Decimal
	Credit      decimal.Decimal
	CostCentre  *string
	Partner     *string
	Description string
	// The auxiliary dimensions the line names (辅助核算); an account that
	// requires one refuses a line without it. Department falls back to
	// the cost centre.
	CustomerID  *int64
	SupplierID  *int64
	ProductID   *int64
	WarehouseID *int64
	Department  *string
	Salesperson *string
}

// Day implements Event.
func (e *ManualEntry) Day() Date { return e.Date }

// Source implements Event.
func (e *ManualEntry) Source() SourceType { return SourceManualEntry }

// Validate implements Event.
func (e *ManualEntry) Validate() error {
	var es Errors
	checkDescription(&es, "input.description", e.Description, true)
	checkLineCount(&es, len(e.Lines), 2, 500)
	if e.Attachments != nil && (*e.Attachments < 0 || *e.Attachments > 999) {
		es.Add(EINVALID, "input.attachments", "the attached-documents count must be 0 to {max}", P{"max": 999})
	}
	debit, credit := decimal.Zero, decimal.Zero
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		if l.AccountCode == "" {
			es.Add(EINVALID, f+"accountCode", "account is required")
		}
		CheckMoney(&es, f+"debit", l.Debit)
		CheckMoney(&es, f+"credit", l.Credit)
		if l.Debit.Sign() > 0 && l.Credit.Sign() > 0 {
			es.Add(EINVALID, f+"credit", "a line carries a debit or a credit, not both")
		} else if l.Debit.Sign() == 0 && l.Credit.Sign() == 0 {
			es.Add(EINVALID, f+"debit", "a line needs a debit or a credit above 0")
		}
		checkOptText(&es, f+"costCentre", "cost centre", l.CostCentre, 0, 50)
		checkOptText(&es, f+"partner", "partner", l.Partner, 0, 100)
		checkOptText(&es, f+"department", "department", l.Department, 0, 50)
		checkOptText(&es, f+"salesperson", "salesperson", l.Salesperson, 0, 100)
		checkDescription(&es, f+"description", l.Description, false)
		debit, credit = debit.Add(l.Debit), credit.Add(l.Credit)
	}
	CheckDerivedAmount(&es, "input.lines", "the entry's total debit", debit)
	CheckDerivedAmount(&es, "input.lines", "the entry's total credit", credit)
	if !debit.Equal(credit) {
		es.Add(EINVALID, "input.lines", "debits total {debit} but credits total {credit}: an entry must balance (difference {difference})",
			P{"debit": debit, "credit": credit, "difference": debit.Sub(credit).Abs()})
	}
	return es.Err()
}

// Needs implements Event.
func (e *ManualEntry) Needs() Needs {
	n := Needs{}
	for _, l := range e.Lines {
		n.Accounts = append(n.Accounts, l.AccountCode)
	}
	return n
}

// Rules implements Event.
func (e *ManualEntry) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: PlainText(e.Description), Attachments: e.Attachments}
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.accountCode", i)
		a := s.Accounts[l.AccountCode]
		switch {
		case a == nil:
			es.Add(ENOTFOUND, f, "account {account} does not exist", P{"account": l.AccountCode})
			continue
		case a.Header:
			es.Add(EINVALID, f, "account {account} groups other accounts and takes no postings; use one of its sub-accounts", P{"account": a.Label()})
		case !a.Active:
			es.Add(EINVALID, f, "account {account} is inactive", P{"account": a.Label()})
		case !a.ManualPosting:
			es.Add(EINVALID, f, "account {account} is a control account kept by its sub-ledger; post the business document instead of a manual entry", P{"account": a.Label()})
		}
		dept := l.Department
		if dept == nil || strings.TrimSpace(*dept) == "" {
			dept = l.CostCentre
		}
		jl := &JournalLine{AccountCode: l.AccountCode, Debit: l.Debit, Credit: l.Credit,
			CostCentre: l.CostCentre, Partner: l.Partner, Description: l.Description,
			CustomerID: l.CustomerID, SupplierID: l.SupplierID, ProductID: l.ProductID, WarehouseID: l.WarehouseID,
			Department: dept, Salesperson: l.Salesperson}
		if a != nil {
			CheckLineDimensions(&es, fmt.Sprintf("input.lines.%d.", i), a, jl)
		}
		p.Lines = append(p.Lines, jl)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// Reversal posts the mirror image of an entry: every debit becomes a credit.
// Entries that moved stock or touched a control account are corrected
// through their documents instead, so the sub-ledgers stay equal to the ledger.
type Reversal struct {
	Date        Date
	Description string
	Original    *JournalEntry
	// Document is the number of the document that posted Original (empty
	// for a manual entry): its entry is undone through it, never alone.
	Document string
}

// documentUndo is, per kind of document that posts, what a person calls it
// and how it is undone (DOMAIN.md: a correction goes through the document:
// a cancellation, a credit note, a return, a refund).
var documentUndo = map[SourceType][2]Noun{
	SourceOperatingCost:   {Noun("operating cost"), Noun("cancel the operating cost (cancelOperatingCost)")},
	SourceSalesInvoice:    {Noun("sales invoice"), Noun("credit it with a sales return and its credit note (createSalesReturn)")},
	SourceShipment:        {Noun("shipment"), Noun("take the goods back with a sales return (createSalesReturn)")},
	SourceSalesReturn:     {Noun("credit note"), Noun("invoice the customer again (createSalesInvoice)")},
	SourceCustomerPayment: {Noun("customer payment"), Noun("refund it (refundCustomer)")},
	SourceCreditApplied:   {Noun("credit application"), Noun("the credit stays applied; refund what the customer is owed (refundCustomer)")},
	SourceCustomerRefund:  {Noun("customer refund"), Noun("record the money returned as a customer payment (recordCustomerPayment)")},
	SourcePurchaseReceipt: {Noun("goods receipt"), Noun("take the goods out with a stock adjustment (postStockAdjustment)")},
	SourceSupplierInvoice: {Noun("supplier invoice"), Noun("post the supplier's credit as a supplier invoice of the difference")},
	SourceSupplierPayment: {Noun("supplier payment"), Noun("record the supplier's refund as a manual bank entry against payables")},
	SourceLandedCost:      {Noun("landed cost"), Noun("post the supplier's credit as a landed cost correction")},
	SourceSupplierReturn:  {Noun("supplier return"), Noun("receive the goods again (postGoodsReceipt) or post a supplier invoice of the difference")},
	SourceOpeningStock:    {Noun("opening stock"), Noun("post a stock adjustment the other way (postStockAdjustment)")},
	SourceStockAdjustment: {Noun("stock adjustment"), Noun("post a stock adjustment the other way (postStockAdjustment)")},
	SourceStockTransfer:   {Noun("stock transfer"), Noun("settle the shortfall or receive the rest (settleTransferShortfall, receiveStockTransfer)")},
	SourceStockCount:      {Noun("stock count"), Noun("count the stock again and post a new count sheet (createStockCount)")},
	SourceClosing:         {Noun("closing voucher"), Noun("reopen its period (reopenFiscalPeriod): that reverses it")},
}

// DocumentKind is what a person calls the document kind src names, in
// their language.
func DocumentKind(src SourceType) Localized {
	if u, ok := documentUndo[src]; ok {
		return u[0]
	}
	return Texts{ZH: string(src), EN: strings.ToLower(strings.ReplaceAll(string(src), "_", " "))}
}

// PostsItsOwnEntries reports whether entries of src belong to a business
// document (everything but manual entries and their reversals).
func PostsItsOwnEntries(src SourceType) bool {
	return src != SourceManualEntry && src != SourceReversal && src != ""
}

// Day implements Event.
func (e *Reversal) Day() Date { return e.Date }

// Source implements Event.
func (e *Reversal) Source() SourceType { return SourceReversal }

// Validate implements Event.
func (e *Reversal) Validate() error {
	var es Errors
	checkDescription(&es, "input.description", e.Description, false)
	if e.Original == nil {
		es.Add(ENOTFOUND, "input.id", "no such journal entry")
		return es.Err()
	}
	if e.Original.ReversedByID != nil {
		es.Add(ECONFLICT, "input.id", "entry {voucher} was already reversed by entry {reversal}", P{"voucher": e.Original.VoucherNo, "reversal": Deref(e.Original.ReversedByVoucherNo)})
	}
	if src := e.Original.SourceType; PostsItsOwnEntries(src) && e.Original.ReversesID != nil {
		es.Add(ECONFLICT, "input.id", "entry {voucher} cancelled {kind} {document}; a cancelled document stays cancelled: post it again as a new document",
			P{"voucher": e.Original.VoucherNo, "kind": DocumentKind(src), "document": e.Document})
	} else if PostsItsOwnEntries(src) {
		how := Noun("correct it through that document")
		if u, ok := documentUndo[src]; ok {
			how = u[1]
		}
		es.Add(ECONFLICT, "input.id", "entry {voucher} belongs to {kind} {document}, which would still count it: a document's entry is undone through the document: {how}",
			P{"voucher": e.Original.VoucherNo, "kind": DocumentKind(src), "document": e.Document, "how": how})
	} else if e.Original.HasStockMoves {
		es.Add(ECONFLICT, "input.id", "entry {voucher} moved stock; correct it with a stock adjustment so stock and ledger stay equal", P{"voucher": e.Original.VoucherNo})
	}
	if e.Date.Before(e.Original.PostingDate) {
		es.Add(EINVALID, "input.postingDate", "a reversal may not be dated before the entry it reverses ({date})", P{"date": e.Original.PostingDate.String()})
	}
	return es.Err()
}

// Needs implements Event.
func (e *Reversal) Needs() Needs {
	n := Needs{}
	for _, l := range e.Original.Lines {
		n.Accounts = append(n.Accounts, l.AccountCode)
	}
	return n
}

// Rules implements Event.
func (e *Reversal) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	desc := PlainText(e.Description)
	if e.Description == "" {
		// The original's description in each language, cut so that the
		// whole text fits the 500 characters of a description.
		orig := e.Original.Text()
		desc = T("Reversal of entry {voucher}: {description}", P{"voucher": e.Original.VoucherNo,
			"description": Texts{ZH: cutRunes(orig.Render(LangZH), 450), EN: cutRunes(orig.Render(LangEN), 450)}})
	}
	p := &Posting{Description: desc, ReversesID: &e.Original.ID}
	for _, l := range e.Original.Lines {
		if a := s.Accounts[l.AccountCode]; a != nil && !a.ManualPosting {
			es.Add(ECONFLICT, "input.id", "entry {voucher} posts to control account {account}; reverse the business document instead", P{"voucher": e.Original.VoucherNo, "account": a.Label()})
			continue
		}
		p.Lines = append(p.Lines, &JournalLine{AccountCode: l.AccountCode, Debit: l.Credit, Credit: l.Debit,
			CostCentre: l.CostCentre, Partner: l.Partner, ProductID: l.ProductID, Description: l.Description,
			CustomerID: l.CustomerID, SupplierID: l.SupplierID, Department: l.Department, WarehouseID: l.WarehouseID, Salesperson: l.Salesperson,
			DescriptionTemplate: l.DescriptionTemplate, DescriptionParams: l.DescriptionParams})
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// cutRunes keeps the first n characters of a text.
func cutRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
