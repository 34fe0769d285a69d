package jxc

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The posting engine turns a business event into the stock moves and journal
// lines it causes, given the current balances. It is pure: db.post loads and
// locks what an event Needs, calls Post, and writes the result in the same
// transaction. Every flow (opening stock, adjustments, manual entries, and
// later receipts, shipments, invoices) is an Event here, so no flow writes
// stock or journal rows any other way.

// Event is a business event that posts.
type Event interface {
	// Day is the posting date.
	Day() Date
	// Source is the kind of document the posting comes from.
	Source() SourceType
	// Validate returns every rule the event's input breaks on its own,
	// before anything is looked up.
	Validate() error
	// Needs names the balances and accounts the rules read, so the store
	// can lock and load them first.
	Needs() Needs
	// Rules computes the posting. They may update s as they go, so two
	// lines on the same balance see each other.
	Rules(s *PostingState) (*Posting, error)
}

// Needs is what an event reads.
type Needs struct {
	Stock    []StockKey
	Accounts []string
}

// PostingState is the part of the books an event reads.
type PostingState struct {
	// Balances holds every balance Needs named; a missing one is zero.
	Balances map[StockKey]StockBalance
	// LastMove is each product's latest stock move date (absent: never moved).
	LastMove map[int64]Date
	// Accounts holds every account Needs named that exists.
	Accounts map[string]*Account
	// SKUs names products in messages; optional.
	SKUs map[int64]string
}

// Posting is what an event writes.
type Posting struct {
	Date        Date
	Description string
	Moves       []*StockMove
	Lines       []*JournalLine
	ReversesID  *int64
}

// Post runs an event's rules and checks what they produce: every line
// one-sided in cents on a postable account, the entry balanced, and the
// inventory account moving by exactly the stock moves' value, product by
// product (every inventory line names its product).
func Post(ev Event, s *PostingState) (*Posting, error) {
	if err := ev.Validate(); err != nil {
		return nil, err
	}
	if s.Balances == nil {
		s.Balances = map[StockKey]StockBalance{}
	}
	if s.LastMove == nil {
		s.LastMove = map[int64]Date{}
	}
	p, err := ev.Rules(s)
	if err != nil {
		return nil, err
	}
	var es Errors
	debit, credit := decimal.Zero, decimal.Zero
	// Each product's inventory lines less its moves' value: zero for all.
	byProduct := map[int64]decimal.Decimal{}
	for i, l := range p.Lines {
		a := s.Accounts[l.AccountCode]
		switch {
		case a == nil:
			es.Add(ENOTFOUND, "", "account %s does not exist", l.AccountCode)
		case a.Header:
			es.Add(EINVALID, "", "account %s groups other accounts and takes no postings", a.Code)
		case !a.Active:
			es.Add(EINVALID, "", "account %s is inactive", a.Code)
		}
		if l.Debit.Sign() < 0 || l.Credit.Sign() < 0 || (l.Debit.Sign() > 0) == (l.Credit.Sign() > 0) ||
			!hasPlaces(l.Debit, MoneyPlaces) || !hasPlaces(l.Credit, MoneyPlaces) {
			return nil, fmt.Errorf("posting rules made line %d with debit %s and credit %s", i, l.Debit, l.Credit)
		}
		l.LineNo = i + 1
		debit, credit = debit.Add(l.Debit), credit.Add(l.Credit)
		if l.AccountCode == AccountInventory {
			if l.ProductID == nil {
				return nil, fmt.Errorf("posting rules made inventory line %d without its product", i)
			}
			byProduct[*l.ProductID] = byProduct[*l.ProductID].Add(l.Debit).Sub(l.Credit)
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	if !debit.Equal(credit) {
		return nil, fmt.Errorf("posting rules made an entry with debits %s and credits %s", debit, credit)
	}
	for _, m := range p.Moves {
		if m.Quantity.IsZero() || !hasPlaces(m.Value, MoneyPlaces) || m.Value.Sign()*m.Quantity.Sign() < 0 {
			return nil, fmt.Errorf("posting rules made a move of %s worth %s", m.Quantity, m.Value)
		}
		byProduct[m.ProductID] = byProduct[m.ProductID].Sub(m.Value)
	}
	for pid, diff := range byProduct {
		if !diff.IsZero() {
			return nil, fmt.Errorf("posting rules moved product %d's inventory by %s more in the ledger than in stock", pid, diff)
		}
	}
	p.Date = ev.Day()
	return p, nil
}

func (s *PostingState) sku(productID int64) string {
	if v := s.SKUs[productID]; v != "" {
		return v
	}
	return fmt.Sprintf("#%d", productID)
}

// checkDate refuses a stock posting dated before the product's latest move:
// a back-dated move would change the cost of every later issue, and the
// books do not re-value (DOMAIN.md).
func (s *PostingState) checkDate(es *Errors, field string, productID int64, d Date) bool {
	if last, ok := s.LastMove[productID]; ok && d.Before(last) {
		for _, e := range *es {
			if e.Field == field && strings.Contains(e.Message, " "+s.sku(productID)+" ") {
				return false // said once per product
			}
		}
		es.Add(ECONFLICT, field, "product %s has a stock move dated %s; a stock posting may not be dated before it (later moves are never re-valued)", s.sku(productID), last)
		return false
	}
	return true
}

func (s *PostingState) touch(productID int64, d Date) {
	if last, ok := s.LastMove[productID]; !ok || d.After(last) {
		s.LastMove[productID] = d
	}
}

// receive puts q worth value into a balance.
func (s *PostingState) receive(k StockKey, loc *int64, q, value decimal.Decimal, d Date) *StockMove {
	b := s.Balances[k]
	b.ProductID, b.WarehouseID = k.ProductID, k.WarehouseID
	b.OnHand = b.OnHand.Add(q)
	b.Value = b.Value.Add(value)
	s.Balances[k] = b
	s.touch(k.ProductID, d)
	return &StockMove{ProductID: k.ProductID, WarehouseID: k.WarehouseID, LocationID: loc, Quantity: q, Value: value, PostingDate: d}
}

// issue takes q out of a balance at its moving-average value, or refuses
// when less than q is available.
func (s *PostingState) issue(es *Errors, field string, k StockKey, loc *int64, q decimal.Decimal, d Date) *StockMove {
	b := s.Balances[k]
	if q.GreaterThan(b.Available()) {
		es.Add(ECONFLICT, field, "only %s of product %s is available in warehouse #%d (on hand %s, reserved %s); cannot take out %s",
			b.Available().StringFixed(QuantityPlaces), s.sku(k.ProductID), k.WarehouseID,
			b.OnHand.StringFixed(QuantityPlaces), b.Reserved.StringFixed(QuantityPlaces), q.StringFixed(QuantityPlaces))
		return nil
	}
	value := b.IssueValue(q)
	b.ProductID, b.WarehouseID = k.ProductID, k.WarehouseID
	b.OnHand = b.OnHand.Sub(q)
	b.Value = b.Value.Sub(value)
	s.Balances[k] = b
	s.touch(k.ProductID, d)
	return &StockMove{ProductID: k.ProductID, WarehouseID: k.WarehouseID, LocationID: loc, Quantity: q.Neg(), Value: value.Neg(), PostingDate: d}
}

// lineBook adds up journal lines per account and side, in first-seen order.
type lineBook struct {
	lines []*JournalLine
	at    map[string]int
}

func (b *lineBook) add(account string, debit, credit decimal.Decimal, description string) {
	b.addFor(account, 0, debit, credit, description)
}

// addFor adds to the line of one product (0: none) on the account's side.
func (b *lineBook) addFor(account string, productID int64, debit, credit decimal.Decimal, description string) {
	if debit.IsZero() && credit.IsZero() {
		return
	}
	key := account + "/D"
	if credit.Sign() != 0 {
		key = account + "/C"
	}
	if productID != 0 {
		key += "/" + strconv.FormatInt(productID, 10)
	}
	if b.at == nil {
		b.at = map[string]int{}
	}
	if i, ok := b.at[key]; ok {
		b.lines[i].Debit = b.lines[i].Debit.Add(debit)
		b.lines[i].Credit = b.lines[i].Credit.Add(credit)
		return
	}
	b.at[key] = len(b.lines)
	l := &JournalLine{AccountCode: account, Debit: debit, Credit: credit, Description: description}
	if productID != 0 {
		l.ProductID = &productID
	}
	b.lines = append(b.lines, l)
}

// stockDebit and stockCredit book the inventory account for one product:
// inventory lines are kept per product.
func (b *lineBook) stockDebit(productID int64, amount decimal.Decimal, description string) {
	b.addFor(AccountInventory, productID, amount, decimal.Zero, description)
}

func (b *lineBook) stockCredit(productID int64, amount decimal.Decimal, description string) {
	b.addFor(AccountInventory, productID, decimal.Zero, amount, description)
}

func (b *lineBook) debit(account string, amount decimal.Decimal, description string) {
	b.add(account, amount, decimal.Zero, description)
}

func (b *lineBook) credit(account string, amount decimal.Decimal, description string) {
	b.add(account, decimal.Zero, amount, description)
}

func stockKeys[L any](lines []L, key func(L) StockKey) []StockKey {
	out := make([]StockKey, 0, len(lines))
	for _, l := range lines {
		out = append(out, key(l))
	}
	slices.SortFunc(out, func(a, b StockKey) int {
		if a.Less(b) {
			return -1
		} else if b.Less(a) {
			return 1
		}
		return 0
	})
	return slices.Compact(out)
}

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
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.", i)
		CheckQuantity(&es, f+"quantity", l.Quantity)
		CheckUnitCost(&es, f+"unitCost", l.UnitCost)
	}
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
	var es Errors
	p := &Posting{Description: e.Description}
	var book lineBook
	for _, l := range e.Lines {
		if !s.checkDate(&es, "input.postingDate", l.ProductID, e.Date) {
			continue
		}
		value := RoundMoney(l.Quantity.Mul(l.UnitCost))
		p.Moves = append(p.Moves, s.receive(StockKey{l.ProductID, l.WarehouseID}, l.LocationID, l.Quantity, value, e.Date))
		book.stockDebit(l.ProductID, value, "opening stock")
		book.credit(AccountRetainedEarnings, value, "opening stock")
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	p.Lines = book.lines
	return p, nil
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
		es.Add(EINVALID, "input.reason", "unknown reason %q", e.Reason)
	}
	checkDescription(&es, "input.description", e.Description, false)
	checkLineCount(&es, len(e.Lines), 1, 1000)
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
		}
	}
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
	p := &Posting{Description: e.Description}
	var book lineBook
	counter := e.counterAccount()
	what := "count variance"
	if e.Reason == ReasonScrap {
		what = "scrap"
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
			es.Add(EINVALID, f+"unitCost", "product %s has no stock in this warehouse to take an average cost from: give a unit cost", s.sku(l.ProductID))
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

// ManualEntry is a journal entry a finance user writes by hand. It may not
// touch control accounts, which only their sub-ledgers post to.
type ManualEntry struct {
	Date        Date
	Description string
	Lines       []ManualLine
}

// ManualLine is one debit or credit of a manual entry.
type ManualLine struct {
	AccountCode string
	Debit       decimal.Decimal
	Credit      decimal.Decimal
	CostCentre  *string
	Partner     *string
	Description string
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
		checkDescription(&es, f+"description", l.Description, false)
		debit, credit = debit.Add(l.Debit), credit.Add(l.Credit)
	}
	if !debit.Equal(credit) {
		es.Add(EINVALID, "input.lines", "debits total %s but credits total %s: an entry must balance (difference %s)",
			debit.StringFixed(2), credit.StringFixed(2), debit.Sub(credit).Abs().StringFixed(2))
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
	p := &Posting{Description: e.Description}
	for i, l := range e.Lines {
		f := fmt.Sprintf("input.lines.%d.accountCode", i)
		a := s.Accounts[l.AccountCode]
		switch {
		case a == nil:
			es.Add(ENOTFOUND, f, "account %s does not exist", l.AccountCode)
			continue
		case a.Header:
			es.Add(EINVALID, f, "account %s groups other accounts and takes no postings; use one of its sub-accounts", a.Code)
		case !a.Active:
			es.Add(EINVALID, f, "account %s is inactive", a.Code)
		case !a.ManualPosting:
			es.Add(EINVALID, f, "account %s (%s) is a control account kept by its sub-ledger; post the business document instead of a manual entry", a.Code, a.NameEn)
		}
		p.Lines = append(p.Lines, &JournalLine{AccountCode: l.AccountCode, Debit: l.Debit, Credit: l.Credit,
			CostCentre: l.CostCentre, Partner: l.Partner, Description: l.Description})
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
		es.Add(ECONFLICT, "input.id", "entry %d was already reversed by entry %d", e.Original.ID, *e.Original.ReversedByID)
	}
	if e.Original.HasStockMoves {
		es.Add(ECONFLICT, "input.id", "entry %d moved stock; correct it with a stock adjustment so stock and ledger stay equal", e.Original.ID)
	}
	if e.Date.Before(e.Original.PostingDate) {
		es.Add(EINVALID, "input.postingDate", "a reversal may not be dated before the entry it reverses (%s)", e.Original.PostingDate)
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
	desc := e.Description
	if desc == "" {
		desc = fmt.Sprintf("Reversal of entry %d: %s", e.Original.ID, e.Original.Description)
		if len([]rune(desc)) > 500 {
			desc = string([]rune(desc)[:500])
		}
	}
	p := &Posting{Description: desc, ReversesID: &e.Original.ID}
	for _, l := range e.Original.Lines {
		if a := s.Accounts[l.AccountCode]; a != nil && !a.ManualPosting {
			es.Add(ECONFLICT, "input.id", "entry %d posts to control account %s; reverse the business document instead", e.Original.ID, a.Code)
			continue
		}
		p.Lines = append(p.Lines, &JournalLine{AccountCode: l.AccountCode, Debit: l.Credit, Credit: l.Debit,
			CostCentre: l.CostCentre, Partner: l.Partner, ProductID: l.ProductID, Description: l.Description})
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return p, nil
}
