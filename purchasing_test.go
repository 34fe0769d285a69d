package jxc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func pd(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func purchasingState() *PostingState {
	accts := map[string]*Account{}
	for _, c := range []string{AccountInventory, AccountGRNI, AccountPayable, AccountInputVAT, AccountPriceVariance, AccountBank, AccountCOGS} {
		accts[c] = &Account{Code: c, Active: true, Type: AccountAsset}
	}
	accts["6602"] = &Account{Code: "6602", Active: true, Type: AccountExpense}
	return &PostingState{Accounts: accts, Balances: map[StockKey]StockBalance{}}
}

func sides(p *Posting) map[string]string {
	out := map[string]string{}
	for _, l := range p.Lines {
		if l.Debit.Sign() > 0 {
			out[l.AccountCode] = "D" + l.Debit.StringFixed(2)
		} else {
			out[l.AccountCode] = "C" + l.Credit.StringFixed(2)
		}
	}
	return out
}

func TestInvoicePostingClearsGRNIAndBooksVariance(t *testing.T) {
	for _, tc := range []struct {
		name string
		line InvoicePostingLine
		want map[string]string
	}{
		{"at order price", InvoicePostingLine{Quantity: pd("10"), UnitPrice: pd("5"), VATRate: pd("0.13"), OrderPrice: pd("5"),
			ReceivedQty: pd("10"), ReceivedValue: pd("50")},
			map[string]string{AccountGRNI: "D50.00", AccountInputVAT: "D6.50", AccountPayable: "C56.50"}},
		{"dearer", InvoicePostingLine{Quantity: pd("10"), UnitPrice: pd("5.5"), VATRate: pd("0.13"), OrderPrice: pd("5"),
			ReceivedQty: pd("10"), ReceivedValue: pd("50")},
			map[string]string{AccountGRNI: "D50.00", AccountPriceVariance: "D5.00", AccountInputVAT: "D7.15", AccountPayable: "C62.15"}},
		{"cheaper", InvoicePostingLine{Quantity: pd("10"), UnitPrice: pd("4"), VATRate: pd("0"), OrderPrice: pd("5"),
			ReceivedQty: pd("10"), ReceivedValue: pd("50")},
			map[string]string{AccountGRNI: "D50.00", AccountPriceVariance: "C10.00", AccountPayable: "C40.00"}},
		{"part of what was received", InvoicePostingLine{Quantity: pd("1"), UnitPrice: pd("3.333333"), VATRate: pd("0"), OrderPrice: pd("3.333333"),
			ReceivedQty: pd("3"), ReceivedValue: pd("9.99")},
			map[string]string{AccountGRNI: "D3.33", AccountPayable: "C3.33"}},
		{"the last part clears what is left", InvoicePostingLine{Quantity: pd("1"), UnitPrice: pd("3.333333"), VATRate: pd("0"), OrderPrice: pd("3.333333"),
			ReceivedQty: pd("3"), ReceivedValue: pd("9.99"), InvoicedQty: pd("2"), GRNICleared: pd("6.67")},
			map[string]string{AccountGRNI: "D3.32", AccountPriceVariance: "D0.01", AccountPayable: "C3.33"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := tc.line
			p, err := Post(&InvoicePosting{Date: Date{2026, 1, 5}, Lines: []*InvoicePostingLine{&l}}, purchasingState())
			if err != nil {
				t.Fatal(err)
			}
			got := sides(p)
			if len(got) != len(tc.want) {
				t.Fatalf("lines %v, want %v", got, tc.want)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Fatalf("lines %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func TestReceiptRaisesTheMovingAverageAndRefusesBackDating(t *testing.T) {
	s := purchasingState()
	k := StockKey{1, 1}
	s.Balances[k] = StockBalance{ProductID: 1, WarehouseID: 1, OnHand: pd("2"), Value: pd("80")}
	s.LastMove = map[int64]Date{1: {2026, 1, 10}}
	ev := &ReceiptPosting{Date: Date{2026, 1, 10}, Lines: []ReceiptPostingLine{{ProductID: 1, WarehouseID: 1, Quantity: pd("18"), UnitPrice: pd("48")}}}
	p, err := Post(ev, s)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Moves[0].Value.Equal(pd("864")) || !s.Balances[k].AverageCost().Equal(pd("47.2")) {
		t.Fatalf("move %s, average %s", p.Moves[0].Value, s.Balances[k].AverageCost())
	}
	ev.Date = Date{2026, 1, 9}
	_, err = Post(ev, s)
	if es, _ := AsErrors(err); len(es) != 1 || es[0].Code != ECONFLICT || es[0].Field != "input.receiptDate" {
		t.Fatalf("a receipt dated before the product's last move: %v", err)
	}
}

func TestLandedCostSplitsOnHandAndSold(t *testing.T) {
	s := purchasingState()
	s.Balances[StockKey{1, 1}] = StockBalance{ProductID: 1, WarehouseID: 1, OnHand: pd("6"), Reserved: pd("6"), Value: pd("594.55")}
	ev := &LandedCostPosting{Date: Date{2026, 1, 5}, CreditAccount: AccountBank,
		Shares: []*LandedCostShare{{ProductID: 1, WarehouseID: 1, ReceivedQty: pd("10"), RemainingQty: pd("6"), Amount: pd("53.65")}}}
	p, err := Post(ev, s)
	if err != nil {
		t.Fatal(err)
	}
	sh := ev.Shares[0]
	if !sh.OnHand.Equal(pd("32.19")) || !sh.Sold.Equal(pd("21.46")) {
		t.Fatalf("on hand %s sold %s", sh.OnHand, sh.Sold)
	}
	// Reserved stock is revalued too: the pair of moves bypasses availability.
	if got := s.Balances[StockKey{1, 1}]; !got.Value.Equal(pd("626.74")) || !got.OnHand.Equal(pd("6")) {
		t.Fatalf("balance %+v", got)
	}
	if w := sides(p); w[AccountInventory] != "D32.19" || w[AccountCOGS] != "D21.46" || w[AccountBank] != "C53.65" {
		t.Fatalf("lines %v", w)
	}
}

// Freight on a receipt whose goods are gone goes to cost of goods sold
// even though later receipts left stock on hand (issue 15 item 5), and
// what remains of the receipt, not the balance, sets the split.
func TestLandedCostFollowsTheReceiptNotTheBalance(t *testing.T) {
	for _, c := range []struct{ remaining, onHand, sold, value string }{
		{"0", "0", "20", "200"},  // receipt A (10 @ 10) sold, B (10 @ 20) on hand
		{"5", "10", "10", "310"}, // half of A left beside B: 15 on hand worth 300
		{"10", "20", "0", "220"}, // A untouched
	} {
		s := purchasingState()
		onHand, value := pd("10"), pd("200")
		if c.remaining == "5" {
			onHand, value = pd("15"), pd("300")
		}
		if c.remaining == "10" {
			value = pd("200")
		}
		s.Balances[StockKey{1, 1}] = StockBalance{ProductID: 1, WarehouseID: 1, OnHand: onHand, Value: value}
		ev := &LandedCostPosting{Date: Date{2026, 1, 5}, CreditAccount: AccountBank,
			Shares: []*LandedCostShare{{ProductID: 1, WarehouseID: 1, ReceivedQty: pd("10"), RemainingQty: pd(c.remaining), Amount: pd("20")}}}
		if _, err := Post(ev, s); err != nil {
			t.Fatal(err)
		}
		sh := ev.Shares[0]
		if !sh.OnHand.Equal(pd(c.onHand)) || !sh.Sold.Equal(pd(c.sold)) || !s.Balances[StockKey{1, 1}].Value.Equal(pd(c.value)) {
			t.Errorf("remaining %s: on hand %s sold %s, stock value %s; want %s %s %s", c.remaining, sh.OnHand, sh.Sold,
				s.Balances[StockKey{1, 1}].Value, c.onHand, c.sold, c.value)
		}
	}
}

func TestAllocateByWeightAddsUpExactly(t *testing.T) {
	got := AllocateByWeight(pd("100"), []decimal.Decimal{pd("1"), pd("1"), pd("1"), pd("0")})
	if !got[0].Equal(pd("33.33")) || !got[1].Equal(pd("33.33")) || !got[2].Equal(pd("33.34")) || !got[3].IsZero() {
		t.Fatalf("shares %v", got)
	}
}

func TestSuggestQuantity(t *testing.T) {
	for _, tc := range []struct {
		avail, onOrder, need, rp, rq string
		ok                           bool
		qty                          string
	}{
		{"2", "0", "0", "10", "20", true, "20"},  // reorder quantity is larger
		{"2", "0", "0", "40", "20", true, "38"},  // the shortage is larger
		{"2", "10", "0", "10", "20", false, "0"}, // on order covers it
		{"5", "0", "12", "0", "0", true, "7"},    // sales need more than there is
		{"10", "0", "0", "10", "20", false, "0"}, // at the reorder point is enough
		{"0", "0", "3", "10", "20", true, "20"},  // needs and reorder point together
		{"1", "0", "0", "0", "20", false, "0"},   // no reorder point, no need
	} {
		_, qty, ok := SuggestQuantity(d(tc.avail), d(tc.onOrder), d(tc.need), d(tc.rp), d(tc.rq))
		if ok != tc.ok || (ok && !qty.Equal(d(tc.qty))) {
			t.Errorf("%+v: got %s %v", tc, qty, ok)
		}
	}
}

func TestCheckBudget(t *testing.T) {
	line := func(policy BudgetPolicy, actual string, a80 bool) *BudgetLine {
		return &BudgetLine{ID: 1, Year: 2026, Month: 1, CostCentre: "OPS", AccountCode: "6602", Amount: pd("1000"), Policy: policy, Actual: d(actual), Alerted80: a80}
	}
	charge := func(a string) []BudgetCharge {
		return []BudgetCharge{{Year: 2026, Month: 1, CostCentre: "OPS", AccountCode: "6602", Amount: d(a)}}
	}
	v := CheckBudget([]*BudgetLine{line(BudgetBlock, "900", true)}, charge("1250"), "input.amount")
	if len(v.Blocked) != 1 || !strings.Contains(v.Blocked[0].Message, "exceeded by 1,150") || v.Blocked[0].Field != "input.amount" {
		t.Fatalf("BLOCK: %+v", v.Blocked)
	}
	v = CheckBudget([]*BudgetLine{line(BudgetWarn, "900", true)}, charge("200"), "x")
	if len(v.Blocked) != 0 || len(v.Warnings) != 1 || len(v.Thresholds) != 1 || v.Thresholds[0].Kind != AlertBudget100 {
		t.Fatalf("WARN: %+v", v)
	}
	v = CheckBudget([]*BudgetLine{line(BudgetWarn, "0", false)}, charge("1000"), "x")
	if len(v.Thresholds) != 2 {
		t.Fatalf("0 -> 100 %% crosses both thresholds: %+v", v.Thresholds)
	}
	other := charge("999")
	other[0].CostCentre = "SALES"
	if v := CheckBudget([]*BudgetLine{line(BudgetBlock, "900", false)}, other, "x"); len(v.Blocked)+len(v.Thresholds) != 0 {
		t.Fatalf("another cost centre's charge counted: %+v", v)
	}
}

func TestThreeWayMatch(t *testing.T) {
	po := &PurchaseOrderLine{UnitPrice: pd("48"), Quantity: pd("20"), ReceivedQty: pd("18")}
	tol := MatchTolerance{Price: pd("0.02")}
	if got := ThreeWayMatch(1, "X", SupplierInvoiceLineInput{Quantity: pd("18"), UnitPrice: pd("48.96")}, po, tol); len(got) != 0 {
		t.Fatalf("within 2 %%: %+v", got)
	}
	got := ThreeWayMatch(1, "X", SupplierInvoiceLineInput{Quantity: pd("20"), UnitPrice: pd("48.97")}, po, tol)
	if len(got) != 2 || got[0].Kind != MatchPrice || got[1].Kind != MatchQuantity {
		t.Fatalf("price and quantity: %+v", got)
	}
}

func TestFormatMoney(t *testing.T) {
	for in, want := range map[string]string{"1250": "1,250.00", "-1234567.5": "-1,234,567.50", "0.1": "0.10", "100": "100.00"} {
		if got := FormatMoney(d(in)); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
