package jxc_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }
func dp(s string) *decimal.Decimal {
	v := d(s)
	return &v
}

var day = jxc.Date{Year: 2026, Month: 3, Day: 10}

func chart() map[string]*jxc.Account {
	m := map[string]*jxc.Account{}
	for _, a := range []jxc.Account{
		{Code: "1002", Type: jxc.AccountAsset, ManualPosting: true, Active: true},
		{Code: "1405", Type: jxc.AccountAsset, Active: true},
		{Code: "1901", Type: jxc.AccountAsset, ManualPosting: true, Active: true},
		{Code: "2202", Type: jxc.AccountLiability, Header: true, Active: true},
		{Code: "3001", Type: jxc.AccountEquity, ManualPosting: true, Active: true},
		{Code: "3104", Type: jxc.AccountEquity, ManualPosting: true, Active: true},
		{Code: "6602", Type: jxc.AccountExpense, ManualPosting: true, Active: true},
		{Code: "6711", Type: jxc.AccountExpense, ManualPosting: true, Active: true},
		{Code: "6603", Type: jxc.AccountExpense, ManualPosting: true, Active: false},
	} {
		a := a
		m[a.Code] = &a
	}
	return m
}

func TestDivRoundIsExactHalfUp(t *testing.T) {
	for _, c := range []struct{ num, den, want string }{
		{"10", "3", "3.33"},
		{"20", "3", "6.67"},
		{"1", "200", "0.01"},   // exactly half a cent rounds up
		{"-1", "200", "-0.01"}, // mirror image for negatives
		{"0.99", "200", "0.00"},
		{"499999999999999999999", "100000000000000000000000", "0.00"}, // 0.00499999...: a 16-place division would round this up
		{"6.67", "2", "3.34"},
		{"35.175", "1", "35.18"},
	} {
		if got := jxc.DivRound(d(c.num), d(c.den), 2); !got.Equal(d(c.want)) {
			t.Errorf("DivRound(%s, %s) = %s, want %s", c.num, c.den, got, c.want)
		}
	}
}

// post runs an event and fails the test on error.
func post(t *testing.T, s *jxc.PostingState, ev jxc.Event) *jxc.Posting {
	t.Helper()
	p, err := jxc.Post(ev, s)
	if err != nil {
		t.Fatalf("post %T: %v", ev, err)
	}
	return p
}

func receive(q, cost string) *jxc.StockAdjustment {
	return &jxc.StockAdjustment{Date: day, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{
		{ProductID: 1, WarehouseID: 1, Direction: jxc.Increase, Quantity: d(q), UnitCost: dp(cost)}}}
}

func issue(q string) *jxc.StockAdjustment {
	return &jxc.StockAdjustment{Date: day, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
		{ProductID: 1, WarehouseID: 1, Direction: jxc.Decrease, Quantity: d(q)}}}
}

func TestMovingAverageByValue(t *testing.T) {
	k := jxc.StockKey{ProductID: 1, WarehouseID: 1}
	for _, c := range []struct {
		name  string
		steps []jxc.Event
		// value of each step's move, and the pool after the last step
		values   []string
		qty, val string
	}{
		{
			name: "three receipts at different prices, partial issues, the last takes what is left",
			steps: []jxc.Event{
				receive("3", "10"),        // 30.00
				receive("2", "10.333333"), // 20.666666 -> 20.67; pool 5 / 50.67
				receive("7", "9.99"),      // 69.93; pool 12 / 120.60
				issue("5"),                // 5 x 120.60 / 12 = 50.25; pool 7 / 70.35
				issue("1"),                // 70.35 / 7 = 10.05; pool 6 / 60.30
				issue("3.5"),              // 3.5 x 60.30 / 6 = 35.175 -> 35.18 half-up; pool 2.5 / 25.12
				issue("2.5"),              // empties: takes the remaining 25.12
			},
			values: []string{"30.00", "20.67", "69.93", "-50.25", "-10.05", "-35.18", "-25.12"},
			qty:    "0", val: "0",
		},
		{
			name:   "thirds: the issue that empties stock takes the remaining cent",
			steps:  []jxc.Event{receive("3", "3.333333"), issue("1"), issue("1"), issue("1")},
			values: []string{"10.00", "-3.33", "-3.34", "-3.33"}, // 3.333333x3 = 9.999999 -> 10.00; 6.67/2 = 3.335 -> 3.34
			qty:    "0", val: "0",
		},
		{
			name:   "fractional quantities",
			steps:  []jxc.Event{receive("0.0003", "1.5"), receive("2.5", "0.07"), issue("0.0001")},
			values: []string{"0.00", "0.18", "0.00"}, // 0.00045 -> 0.00; 0.175 -> 0.18; 0.0001 x 0.18 / 2.5003 -> 0.00
			qty:    "2.5002", val: "0.18",
		},
		{
			name:   "receipt at the average when no unit cost is given",
			steps:  []jxc.Event{receive("4", "2.5"), &jxc.StockAdjustment{Date: day, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{{ProductID: 1, WarehouseID: 1, Direction: jxc.Increase, Quantity: d("1")}}}},
			values: []string{"10.00", "2.50"},
			qty:    "5", val: "12.50",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &jxc.PostingState{Accounts: chart()}
			for i, ev := range c.steps {
				p := post(t, s, ev)
				if len(p.Moves) != 1 || !p.Moves[0].Value.Equal(d(c.values[i])) {
					t.Fatalf("step %d: moves %+v, want value %s", i, p.Moves[0], c.values[i])
				}
			}
			b := s.Balances[k]
			if !b.OnHand.Equal(d(c.qty)) || !b.Value.Equal(d(c.val)) {
				t.Fatalf("pool %s / %s, want %s / %s", b.OnHand, b.Value, c.qty, c.val)
			}
			if b.OnHand.IsZero() != b.Value.IsZero() {
				t.Fatalf("value %s with on hand %s", b.Value, b.OnHand)
			}
		})
	}
}

type line struct{ acct, debit, credit string }

func lines(p *jxc.Posting) []line {
	var out []line
	for _, l := range p.Lines {
		out = append(out, line{l.AccountCode, l.Debit.StringFixed(2), l.Credit.StringFixed(2)})
	}
	return out
}

func TestPostingRules(t *testing.T) {
	pool := func() *jxc.PostingState {
		return &jxc.PostingState{Accounts: chart(), Balances: map[jxc.StockKey]jxc.StockBalance{
			{ProductID: 1, WarehouseID: 1}: {ProductID: 1, WarehouseID: 1, OnHand: d("10"), Value: d("100.00")},
		}}
	}
	for _, c := range []struct {
		name  string
		ev    jxc.Event
		lines []line
		moves []string // quantity/value
	}{
		{"opening stock: Dr inventory per product, Cr retained earnings",
			&jxc.OpeningStock{Date: day, Lines: []jxc.OpeningStockLine{
				{ProductID: 1, WarehouseID: 2, Quantity: d("3"), UnitCost: d("1.005")}, // 3.015 -> 3.02
				{ProductID: 2, WarehouseID: 2, Quantity: d("1"), UnitCost: d("7")}}},
			[]line{{"1405", "3.02", "0.00"}, {"3104", "0.00", "10.02"}, {"1405", "7.00", "0.00"}},
			[]string{"3/3.02", "1/7"}},
		{"count variance down: Dr 1901, Cr inventory at average",
			&jxc.StockAdjustment{Date: day, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{{ProductID: 1, WarehouseID: 1, Direction: jxc.Decrease, Quantity: d("3")}}},
			[]line{{"1901", "30.00", "0.00"}, {"1405", "0.00", "30.00"}},
			[]string{"-3/-30"}},
		{"count variance up: Dr inventory, Cr 1901",
			&jxc.StockAdjustment{Date: day, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{{ProductID: 1, WarehouseID: 1, Direction: jxc.Increase, Quantity: d("2"), UnitCost: dp("12.5")}}},
			[]line{{"1405", "25.00", "0.00"}, {"1901", "0.00", "25.00"}},
			[]string{"2/25"}},
		{"scrap: Dr 6711, Cr inventory",
			&jxc.StockAdjustment{Date: day, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{{ProductID: 1, WarehouseID: 1, Direction: jxc.Decrease, Quantity: d("10")}}},
			[]line{{"6711", "100.00", "0.00"}, {"1405", "0.00", "100.00"}},
			[]string{"-10/-100"}},
		{"manual entry keeps its lines",
			&jxc.ManualEntry{Date: day, Description: "rent", Lines: []jxc.ManualLine{{AccountCode: "6602", Debit: d("500")}, {AccountCode: "1002", Credit: d("500")}}},
			[]line{{"6602", "500.00", "0.00"}, {"1002", "0.00", "500.00"}},
			nil},
		{"reversal swaps sides",
			&jxc.Reversal{Date: day, Original: &jxc.JournalEntry{ID: 7, PostingDate: day, Lines: []*jxc.JournalLine{
				{AccountCode: "6602", Debit: d("500")}, {AccountCode: "1002", Credit: d("500")}}}},
			[]line{{"6602", "0.00", "500.00"}, {"1002", "500.00", "0.00"}},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := post(t, pool(), c.ev)
			got := lines(p)
			// Inventory lines name their product, and each product's lines
			// add up to its moves.
			perProduct := map[int64]decimal.Decimal{}
			for _, l := range p.Lines {
				if (l.AccountCode == jxc.AccountInventory) != (l.ProductID != nil) {
					t.Fatalf("line %d on %s has product %v", l.LineNo, l.AccountCode, l.ProductID)
				}
				if l.ProductID != nil {
					perProduct[*l.ProductID] = perProduct[*l.ProductID].Add(l.Debit).Sub(l.Credit)
				}
			}
			for _, m := range p.Moves {
				perProduct[m.ProductID] = perProduct[m.ProductID].Sub(m.Value)
			}
			for pid, diff := range perProduct {
				if !diff.IsZero() {
					t.Fatalf("product %d: inventory lines differ from its moves by %s", pid, diff)
				}
			}
			if len(got) != len(c.lines) {
				t.Fatalf("lines %v, want %v", got, c.lines)
			}
			for i := range got {
				if got[i] != c.lines[i] {
					t.Fatalf("lines %v, want %v", got, c.lines)
				}
			}
			if len(p.Moves) != len(c.moves) {
				t.Fatalf("%d moves, want %d", len(p.Moves), len(c.moves))
			}
			for i, m := range p.Moves {
				if got := m.Quantity.String() + "/" + m.Value.String(); got != c.moves[i] {
					t.Errorf("move %d: %s, want %s", i, got, c.moves[i])
				}
			}
		})
	}
}

func TestPostingRefusals(t *testing.T) {
	state := func() *jxc.PostingState {
		return &jxc.PostingState{Accounts: chart(),
			Balances: map[jxc.StockKey]jxc.StockBalance{
				{ProductID: 1, WarehouseID: 1}: {ProductID: 1, WarehouseID: 1, OnHand: d("10"), Reserved: d("4"), Value: d("100")},
			},
			LastMove: map[int64]jxc.Date{1: day},
			SKUs:     map[int64]string{1: "TV-55"},
		}
	}
	type want struct{ code, field string }
	for _, c := range []struct {
		name string
		ev   jxc.Event
		want []want
	}{
		{"issuing more than available (reserved counts)",
			&jxc.StockAdjustment{Date: day, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{{ProductID: 1, WarehouseID: 1, Direction: jxc.Decrease, Quantity: d("7")}}},
			[]want{{jxc.ECONFLICT, "input.lines.0.quantity"}}},
		{"back-dated before the product's latest move",
			&jxc.StockAdjustment{Date: day.AddDays(-1), Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{{ProductID: 1, WarehouseID: 1, Direction: jxc.Decrease, Quantity: d("1")}}},
			[]want{{jxc.ECONFLICT, "input.postingDate"}}},
		{"bad quantities and costs, all at once",
			&jxc.OpeningStock{Date: day, Lines: []jxc.OpeningStockLine{
				{ProductID: 2, WarehouseID: 1, Quantity: d("0"), UnitCost: d("1")},
				{ProductID: 2, WarehouseID: 1, Quantity: d("1.00001"), UnitCost: d("1.0000001")},
				{ProductID: 2, WarehouseID: 1, Quantity: d("-1"), UnitCost: d("-1")}}},
			[]want{{jxc.EINVALID, "input.lines.0.quantity"}, {jxc.EINVALID, "input.lines.1.quantity"}, {jxc.EINVALID, "input.lines.1.unitCost"},
				{jxc.EINVALID, "input.lines.2.quantity"}, {jxc.EINVALID, "input.lines.2.unitCost"}}},
		{"scrap cannot increase; unit cost only on increases; increase with no stock needs a cost",
			&jxc.StockAdjustment{Date: day, Reason: jxc.ReasonScrap, Lines: []jxc.AdjustmentLine{
				{ProductID: 1, WarehouseID: 1, Direction: jxc.Increase, Quantity: d("1")},
				{ProductID: 1, WarehouseID: 1, Direction: jxc.Decrease, Quantity: d("1"), UnitCost: dp("2")}}},
			[]want{{jxc.EINVALID, "input.lines.0.direction"}, {jxc.EINVALID, "input.lines.1.unitCost"}}},
		{"increase without unit cost into an empty pool",
			&jxc.StockAdjustment{Date: day, Reason: jxc.ReasonCountVariance, Lines: []jxc.AdjustmentLine{{ProductID: 2, WarehouseID: 1, Direction: jxc.Increase, Quantity: d("1")}}},
			[]want{{jxc.EINVALID, "input.lines.0.unitCost"}}},
		{"unbalanced manual entry with a 3-decimal amount",
			&jxc.ManualEntry{Date: day, Description: "x", Lines: []jxc.ManualLine{{AccountCode: "6602", Debit: d("100")}, {AccountCode: "1002", Credit: d("90.001")}}},
			[]want{{jxc.EINVALID, "input.lines.1.credit"}, {jxc.EINVALID, "input.lines"}}},
		{"manual entry lines: both sides, neither side, no description",
			&jxc.ManualEntry{Date: day, Lines: []jxc.ManualLine{{AccountCode: "6602", Debit: d("1"), Credit: d("1")}, {AccountCode: "1002"}}},
			[]want{{jxc.EINVALID, "input.description"}, {jxc.EINVALID, "input.lines.0.credit"}, {jxc.EINVALID, "input.lines.1.debit"}}},
		{"manual entry on unknown, header, inactive and control accounts",
			&jxc.ManualEntry{Date: day, Description: "x", Lines: []jxc.ManualLine{
				{AccountCode: "9999", Debit: d("1")}, {AccountCode: "2202", Debit: d("1")}, {AccountCode: "6603", Debit: d("1")}, {AccountCode: "1405", Credit: d("3")}}},
			[]want{{jxc.ENOTFOUND, "input.lines.0.accountCode"}, {jxc.EINVALID, "input.lines.1.accountCode"}, {jxc.EINVALID, "input.lines.2.accountCode"}, {jxc.EINVALID, "input.lines.3.accountCode"}}},
		{"reversing an entry that moved stock, already reversed, dated before it",
			&jxc.Reversal{Date: day.AddDays(-1), Original: &jxc.JournalEntry{ID: 3, PostingDate: day, HasStockMoves: true, ReversedByID: jxc.Ptr(int64(4))}},
			[]want{{jxc.ECONFLICT, "input.id"}, {jxc.ECONFLICT, "input.id"}, {jxc.EINVALID, "input.postingDate"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := state()
			_, err := jxc.Post(c.ev, s)
			es, ok := jxc.AsErrors(err)
			if !ok {
				t.Fatalf("want domain errors, got %v", err)
			}
			if len(es) != len(c.want) {
				t.Fatalf("got %d errors %v, want %v", len(es), es, c.want)
			}
			for i, w := range c.want {
				if es[i].Code != w.code || es[i].Field != w.field {
					t.Errorf("error %d: %s %s (%s), want %s %s", i, es[i].Code, es[i].Field, es[i].Message, w.code, w.field)
				}
			}
		})
	}
}
