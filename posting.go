package jxc

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// The posting engine turns a business event into the stock moves and journal
// lines it causes, given the current balances. It is pure: db.post loads and
// locks what an event Needs, calls Post, and writes the result in the same
// transaction. Every flow is an Event (opening stock and adjustments in
// stock_posting.go, manual entries and reversals in ledger_posting.go,
// <module>_posting.go for the rest), so no flow writes stock or journal rows
// any other way.

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
	// Warehouses names warehouses in messages ("BJ01 北京大兴仓"); optional.
	Warehouses map[int64]string
}

// Posting is what an event writes.
type Posting struct {
	Date Date
	// Description is the entry's text (a template with params, or a text
	// a person typed).
	Description Text
	Moves       []*StockMove
	Lines       []*JournalLine
	ReversesID  *int64
	// Attachments is the attached-documents count stored with the entry
	// (nil: it follows from the source).
	Attachments *int
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
			es.Add(ENOTFOUND, "", "account {account} does not exist", P{"account": l.AccountCode})
		case a.Header:
			es.Add(EINVALID, "", "account {account} groups other accounts and takes no postings", P{"account": a.Code})
		case !a.Active:
			es.Add(EINVALID, "", "account {account} is inactive", P{"account": a.Code})
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
	return "?" // not named by the caller: never a database id
}

// warehouse names a warehouse in messages by its code and name.
func (s *PostingState) warehouse(warehouseID int64) string {
	if v := s.Warehouses[warehouseID]; v != "" {
		return v
	}
	return "?"
}

// checkDate refuses a stock posting dated before the product's latest move:
// a back-dated move would change the cost of every later issue, and the
// books do not re-value (DOMAIN.md).
func (s *PostingState) checkDate(es *Errors, field string, productID int64, d Date) bool {
	if last, ok := s.LastMove[productID]; ok && d.Before(last) {
		for _, e := range *es {
			if e.Field == field && e.Params["product"] == s.sku(productID) {
				return false // said once per product
			}
		}
		es.Add(ECONFLICT, field, "product {product} has a stock move dated {lastMove}; a stock posting may not be dated before it (later moves are never re-valued)", P{"product": s.sku(productID), "lastMove": last})
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

// stockIn is one line coming into stock: q worth value into a balance.
type stockIn struct {
	key      StockKey
	loc      *int64
	q, value decimal.Decimal
}

// receiveAll is the posting of lines coming into stock at their value
// against one account: Dr Inventory per product, Cr counter. dateField
// names the date in errors; the lines are left for the caller to tag.
func receiveAll[L any](s *PostingState, description Text, dateField string, d Date, lines []L, in func(L) stockIn, counter string, stockText, counterText Text) (*Posting, error) {
	var es Errors
	p := &Posting{Description: description}
	var book lineBook
	for _, l := range lines {
		r := in(l)
		if !s.checkDate(&es, dateField, r.key.ProductID, d) {
			continue
		}
		p.Moves = append(p.Moves, s.receive(r.key, r.loc, r.q, r.value, d))
		book.stockDebit(r.key.ProductID, r.value, stockText)
		book.credit(counter, r.value, counterText)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	p.Lines = book.lines
	return p, nil
}

// issue takes q out of a balance at its moving-average value, or refuses
// when less than q is available.
func (s *PostingState) issue(es *Errors, field string, k StockKey, loc *int64, q decimal.Decimal, d Date) *StockMove {
	b := s.Balances[k]
	if q.GreaterThan(b.Available()) {
		es.Add(ECONFLICT, field, "only {available} of product {product} is available in warehouse {warehouse} (on hand {onHand}, reserved {reserved}); cannot take out {requested}",
			P{"available": b.Available(), "product": s.sku(k.ProductID), "warehouse": s.warehouse(k.WarehouseID),
				"onHand": b.OnHand, "reserved": b.Reserved, "requested": q})
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

func (b *lineBook) add(account string, debit, credit decimal.Decimal, description Text) {
	b.addFor(account, 0, debit, credit, description)
}

// addFor adds to the line of one product (0: none) on the account's side.
func (b *lineBook) addFor(account string, productID int64, debit, credit decimal.Decimal, description Text) {
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
	l := &JournalLine{AccountCode: account, Debit: debit, Credit: credit}
	l.SetText(description)
	if productID != 0 {
		l.ProductID = &productID
	}
	b.lines = append(b.lines, l)
}

// stockDebit and stockCredit book the inventory account for one product:
// inventory lines are kept per product.
func (b *lineBook) stockDebit(productID int64, amount decimal.Decimal, description Text) {
	b.addFor(AccountInventory, productID, amount, decimal.Zero, description)
}

func (b *lineBook) stockCredit(productID int64, amount decimal.Decimal, description Text) {
	b.addFor(AccountInventory, productID, decimal.Zero, amount, description)
}

func (b *lineBook) debit(account string, amount decimal.Decimal, description Text) {
	b.add(account, amount, decimal.Zero, description)
}

func (b *lineBook) credit(account string, amount decimal.Decimal, description Text) {
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
