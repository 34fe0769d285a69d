package jxc

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// The stock events: opening stock and adjustments (count variances,
// scrap, samples), posted by the engine in posting.go.

// OpeningStock brings stock taken over from earlier books into the stock
// ledger: Dr Inventory, Cr Retained earnings (the equity the stock
// represented in the old books).
type OpeningStock struct {
	Date        Date
	Description string
	Lines       []OpeningStockLine
}

// OpeningStockLine is one product's opening quantity and unit cost.
type OpeningStockLine struct {
	ProductID   int64
	WarehouseID int64
	LocationID  *int64
	Quantity    decimal.Decimal
	UnitCost    decimal.Decimal
}

// Day implements Event.
func (e *OpeningStock) Day() Date { return e.Date }

// Source implements Event.
func (e *OpeningStock) Source() SourceType { return SourceOpeningStock }

// Validate implements Event.
func (e *OpeningStock) Validate() error {
	var es Errors
	checkDescription(&es, "input.description", e.Description, false)
	checkLineCount(&es, len(e.Lines), 1, 1000)
	amounts := make([]LineAmount, len(e.Lines))
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		CheckUnitCost(&es, f+"unitCost", l.UnitCost)
		amounts[i] = LineAmount{f + "quantity", l.Quantity, l.UnitCost}
	}
	CheckLineAmounts(&es, "input.lines", "unit cost", amounts)
	return es.Err()
}

// Needs implements Event.
func (e *OpeningStock) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l OpeningStockLine) StockKey { return StockKey{l.ProductID, l.WarehouseID} }),
		Accounts: []string{AccountInventory, AccountRetainedEarnings},
	}
}

// Rules implements Event.
func (e *OpeningStock) Rules(s *PostingState) (*Posting, error) {
	return receiveAll(s, PlainText(e.Description), "input.postingDate", e.Date, e.Lines, func(l OpeningStockLine) stockIn {
		return stockIn{StockKey{l.ProductID, l.WarehouseID}, l.LocationID, l.Quantity, RoundMoney(l.Quantity.Mul(l.UnitCost))}
	}, AccountRetainedEarnings, T("opening stock"), T("opening stock"))
}

// AdjustmentReason is why stock is adjusted.
type AdjustmentReason string

const (
	// ReasonCountVariance books a stock count's difference against 1901
	// (待处理财产损溢) until finance decides where it goes.
	ReasonCountVariance AdjustmentReason = "COUNT_VARIANCE"
	// ReasonScrap writes goods off to 6711 (scrap and other losses).
	ReasonScrap AdjustmentReason = "SCRAP"
)

// AdjustmentDirection says whether a line adds stock or takes it out.
type AdjustmentDirection string

const (
	Increase AdjustmentDirection = "INCREASE"
	Decrease AdjustmentDirection = "DECREASE"
)

// StockAdjustment changes stock outside purchasing and sales: a count
// variance or scrap. Decreases leave at moving-average cost; increases come
// in at the given unit cost, or at the current average when none is given.
type StockAdjustment struct {
	Date        Date
	Reason      AdjustmentReason
	Description string
	Lines       []AdjustmentLine
}

// AdjustmentLine is one product's change.
type AdjustmentLine struct {
	ProductID   int64
	WarehouseID int64
	LocationID  *int64
	Direction   AdjustmentDirection
	Quantity    decimal.Decimal
	UnitCost    *decimal.Decimal
}

// Day implements Event.
func (e *StockAdjustment) Day() Date { return e.Date }

// Source implements Event.
func (e *StockAdjustment) Source() SourceType { return SourceStockAdjustment }

func (e *StockAdjustment) counterAccount() string {
	if e.Reason == ReasonScrap {
		return AccountScrapLosses
	}
	return AccountInventoryAdjustments
}

// Validate implements Event.
func (e *StockAdjustment) Validate() error {
	var es Errors
	if e.Reason != ReasonCountVariance && e.Reason != ReasonScrap {
		es.Add(EINVALID, "input.reason", "unknown reason {reason}", P{"reason": string(e.Reason)})
	}
	checkDescription(&es, "input.description", e.Description, false)
	checkLineCount(&es, len(e.Lines), 1, 1000)
	var amounts []LineAmount
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		switch l.Direction {
		case Increase:
			if e.Reason == ReasonScrap {
				es.Add(EINVALID, f+"direction", "scrap only takes stock out")
			}
		case Decrease:
			if l.UnitCost != nil {
				es.Add(EINVALID, f+"unitCost", "a decrease leaves at moving-average cost; give a unit cost only for increases")
			}
		default:
			es.Add(EINVALID, f+"direction", "direction must be INCREASE or DECREASE")
		}
		CheckQuantity(&es, f+"quantity", l.Quantity)
		if l.UnitCost != nil {
			CheckUnitCost(&es, f+"unitCost", *l.UnitCost)
			amounts = append(amounts, LineAmount{f + "quantity", l.Quantity, *l.UnitCost})
		}
	}
	CheckLineAmounts(&es, "input.lines", "unit cost", amounts)
	return es.Err()
}

// Needs implements Event.
func (e *StockAdjustment) Needs() Needs {
	return Needs{
		Stock:    stockKeys(e.Lines, func(l AdjustmentLine) StockKey { return StockKey{l.ProductID, l.WarehouseID} }),
		Accounts: []string{AccountInventory, e.counterAccount()},
	}
}

// Rules implements Event.
func (e *StockAdjustment) Rules(s *PostingState) (*Posting, error) {
	var es Errors
	p := &Posting{Description: PlainText(e.Description)}
	var book lineBook
	counter := e.counterAccount()
	what := T("count variance")
	if e.Reason == ReasonScrap {
		what = T("scrap")
	}
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		if !s.checkDate(&es, "input.postingDate", l.ProductID, e.Date) {
			continue
		}
		k := StockKey{l.ProductID, l.WarehouseID}
		if l.Direction == Decrease {
			m := s.issue(&es, f+"quantity", k, l.LocationID, l.Quantity, e.Date)
			if m == nil {
				continue
			}
			p.Moves = append(p.Moves, m)
			book.debit(counter, m.Value.Neg(), what)
			book.stockCredit(l.ProductID, m.Value.Neg(), what)
			continue
		}
		var value decimal.Decimal
		b := s.Balances[k]
		switch {
		case l.UnitCost != nil:
			value = RoundMoney(l.Quantity.Mul(*l.UnitCost))
		case b.OnHand.Sign() > 0:
			value = DivRound(l.Quantity.Mul(b.Value), b.OnHand, MoneyPlaces)
		default:
			es.Add(EINVALID, f+"unitCost", "product {product} has no stock in this warehouse to take an average cost from: give a unit cost", P{"product": s.sku(l.ProductID)})
			continue
		}
		p.Moves = append(p.Moves, s.receive(k, l.LocationID, l.Quantity, value, e.Date))
		book.stockDebit(l.ProductID, value, what)
		book.credit(counter, value, what)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	p.Lines = book.lines
	return p, nil
}
