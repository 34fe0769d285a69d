package jxc

import (
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Landed costs: freight, duty and insurance spread over receipt lines.

// RuleReceiptLayers: per product and warehouse, what remains of the
// receipt lines is at most what is on hand (booksCheck).
const RuleReceiptLayers BooksRule = "RECEIPT_LAYERS"

// LandedCostKind is what a landed cost is for.
type LandedCostKind string

// Landed cost kinds.
const (
	LandedFreight   LandedCostKind = "FREIGHT"
	LandedDuty      LandedCostKind = "DUTY"
	LandedInsurance LandedCostKind = "INSURANCE"
	LandedOther     LandedCostKind = "OTHER"
)

// Label names the kind for people, in both languages.
func (k LandedCostKind) Label() Texts {
	switch k {
	case LandedFreight:
		return Texts{ZH: "运费", EN: "freight"}
	case LandedDuty:
		return Texts{ZH: "关税", EN: "duty"}
	case LandedInsurance:
		return Texts{ZH: "保险费", EN: "insurance"}
	}
	return Texts{ZH: "其他", EN: "other"}
}

// AllocationBasis is how a landed cost is spread over receipt lines.
type AllocationBasis string

// Allocation bases.
const (
	ByValue    AllocationBasis = "VALUE"
	ByQuantity AllocationBasis = "QUANTITY"
)

// Label names the basis for people, in both languages.
func (b AllocationBasis) Label() Texts {
	if b == ByQuantity {
		return Texts{ZH: "数量", EN: "quantity"}
	}
	return Texts{ZH: "金额", EN: "value"}
}

// PayFrom is where an operating or landed cost is paid from.
type PayFrom string

// Where costs are paid from.
const (
	PayFromBank    PayFrom = "BANK"
	PayFromPayable PayFrom = "PAYABLE"
)

// LandedCost is freight, duty or insurance spread over receipt lines.
type LandedCost struct {
	ID                int64           `db:"id"`
	Number            string          `db:"number"`
	Kind              LandedCostKind  `db:"kind"`
	Basis             AllocationBasis `db:"basis"`
	PostingDate       Date            `db:"posting_date"`
	Amount            decimal.Decimal `db:"amount"`
	Description       string          `db:"description"`
	SupplierInvoiceID *int64          `db:"supplier_invoice_id"`
	JournalEntryID    *int64          `db:"journal_entry_id"`
	// VoucherNo is the journal entry's voucher number.
	VoucherNo   *string                 `db:"voucher_no"`
	CreatedAt   time.Time               `db:"created_at"`
	Allocations []*LandedCostAllocation `db:"-"`
}

// LandedCostAllocation is one receipt line's share.
type LandedCostAllocation struct {
	ReceiptID     int64           `db:"receipt_id"`
	ReceiptNumber string          `db:"receipt_number"`
	LineNo        int             `db:"line_no"`
	ProductID     int64           `db:"product_id"`
	WarehouseID   int64           `db:"warehouse_id"`
	Amount        decimal.Decimal `db:"amount"`
	OnHandAmount  decimal.Decimal `db:"on_hand_amount"`
	SoldAmount    decimal.Decimal `db:"sold_amount"`
	Product       *Product        `db:"-"`
}

// LandedCostInput posts a landed cost over the lines of some receipts.
type LandedCostInput struct {
	Kind              LandedCostKind
	Basis             AllocationBasis
	PostingDate       Date
	Amount            decimal.Decimal
	ReceiptIDs        []int64
	Description       *string
	PayFrom           PayFrom
	SupplierID        *int64 // the forwarder, broker or insurer, when PayFrom is PAYABLE
	SupplierInvoiceNo *string
	IdempotencyKey    *string
}

// ValidateLandedCostInput returns every rule the input breaks on its own.
func ValidateLandedCostInput(in LandedCostInput) error {
	var es Errors
	switch in.Kind {
	case LandedFreight, LandedDuty, LandedInsurance, LandedOther:
	default:
		es.Add(EINVALID, "input.kind", "unknown landed cost kind {kind}", P{"kind": string(in.Kind)})
	}
	if in.Basis != ByValue && in.Basis != ByQuantity {
		es.Add(EINVALID, "input.basis", "basis must be VALUE or QUANTITY")
	}
	checkPositiveAmount(&es, "input.amount", in.Amount)
	if len(in.ReceiptIDs) == 0 || len(in.ReceiptIDs) > 100 {
		es.Add(EINVALID, "input.receiptIds", "name 1 to 100 receipts to spread the cost over")
	}
	checkOptText(&es, "input.description", "description", in.Description, 0, 500)
	checkPayFrom(&es, in.PayFrom, in.SupplierID, in.SupplierInvoiceNo)
	checkIdempotencyKey(&es, in.IdempotencyKey)
	return es.Err()
}

func checkPayFrom(es *Errors, p PayFrom, supplierID *int64, invoiceNo *string) {
	switch p {
	case PayFromBank:
		if supplierID != nil {
			es.Add(EINVALID, "input.supplierId", "a supplier is given only when the cost is payable (payFrom PAYABLE)")
		}
	case PayFromPayable:
		if supplierID == nil {
			es.Add(EINVALID, "input.supplierId", "a payable cost needs the supplier who bills it")
		}
		if invoiceNo == nil || *invoiceNo == "" {
			es.Add(EINVALID, "input.supplierInvoiceNumber", "a payable cost needs the supplier's invoice number")
		}
	default:
		es.Add(EINVALID, "input.payFrom", "payFrom must be BANK or PAYABLE")
	}
	checkOptText(es, "input.supplierInvoiceNumber", "supplier's invoice number", invoiceNo, 0, 100)
}

// LandedCostTarget is a receipt line a landed cost is spread over.
type LandedCostTarget struct {
	Receipt *GoodsReceipt
	Line    *GoodsReceiptLine
}

// LandedCostPlan is how a landed cost spreads over receipt lines.
type LandedCostPlan struct {
	Input    LandedCostInput
	Supplier *Supplier
	// Targets are the lines that get a share, each with its amount; lines
	// whose share rounds to zero are left out.
	Targets []LandedCostTarget
	Amounts []decimal.Decimal
}

// PlanLandedCost spreads a landed cost over the accepted lines of receipts
// (by the input's position, nil where no such receipt exists) by value or
// quantity. sup is the supplier the input names (nil when none or missing).
// It returns every refusal at once: receipts missing or listed twice, a
// missing supplier, and receipts with nothing to spread the cost by.
func PlanLandedCost(receipts []*GoodsReceipt, sup *Supplier, in LandedCostInput) (*LandedCostPlan, error) {
	var es Errors
	var found []*GoodsReceipt
	for i, r := range receipts {
		f := fmt.Sprintf("input.receiptIds.%d", i)
		if r == nil {
			es.Add(ENOTFOUND, f, "no such goods receipt")
			continue
		}
		if slices.ContainsFunc(found, func(x *GoodsReceipt) bool { return x.ID == r.ID }) {
			es.Add(EINVALID, f, "receipt {receipt} is listed twice", P{"receipt": r.Number})
			continue
		}
		found = append(found, r)
	}
	if in.SupplierID != nil && sup == nil {
		es.Add(ENOTFOUND, "input.supplierId", "no such supplier")
	}
	var targets []LandedCostTarget
	var weights []decimal.Decimal
	total := decimal.Zero
	for _, r := range found {
		for _, l := range r.Lines {
			if l.AcceptedQty.Sign() == 0 {
				continue
			}
			w := l.AcceptedQty
			if in.Basis == ByValue {
				w = l.Value
			}
			targets, weights, total = append(targets, LandedCostTarget{r, l}), append(weights, w), total.Add(w)
		}
	}
	if len(es) == 0 && total.Sign() <= 0 {
		es.Add(EINVALID, "input.receiptIds", "the receipts have no accepted goods with a {basis} to spread the cost by", P{"basis": in.Basis.Label()})
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	p := &LandedCostPlan{Input: in, Supplier: sup}
	for i, a := range AllocateByWeight(in.Amount, weights) {
		if a.Sign() != 0 {
			p.Targets, p.Amounts = append(p.Targets, targets[i]), append(p.Amounts, a)
		}
	}
	return p, nil
}

// Posting raises the value of what is still on hand and charges what is
// gone to cost of goods sold, against the bank or, paid later, the
// supplier's payable. remaining is what is left on hand of each receipt
// line, by (receipt id, line number); a line not in it has nothing left.
func (p *LandedCostPlan) Posting(number string, remaining map[[2]int64]decimal.Decimal) *LandedCostPosting {
	in := p.Input
	desc := T("Landed cost {number} ({kind})", P{"number": number, "kind": in.Kind.Label()})
	if in.Description != nil && *in.Description != "" {
		desc = T("Landed cost {number} ({kind}): {text}", P{"number": number, "kind": in.Kind.Label(), "text": *in.Description})
	}
	ev := &LandedCostPosting{Date: in.PostingDate, Description: desc, CreditAccount: AccountBank}
	if in.PayFrom == PayFromPayable {
		ev.CreditAccount, ev.Partner = AccountPayable, p.Supplier.Code
	}
	for i, t := range p.Targets {
		left := decimal.Min(remaining[[2]int64{t.Receipt.ID, int64(t.Line.LineNo)}], t.Line.AcceptedQty)
		ev.Shares = append(ev.Shares, &LandedCostShare{ProductID: t.Line.ProductID, WarehouseID: t.Receipt.WarehouseID,
			ReceivedQty: t.Line.AcceptedQty, RemainingQty: left, Amount: p.Amounts[i]})
	}
	return ev
}
