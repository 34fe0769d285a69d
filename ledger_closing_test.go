package jxc

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCarryForwardLines(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct {
		name    string
		amounts []AccountAmount
		want    []string // account debit credit
	}{
		{"nothing to carry", nil, nil},
		{"zero balances carry nothing", []AccountAmount{{"6001", d("0")}}, nil},
		{"income and expense, in code order, then the target's credit and debit",
			[]AccountAmount{{"6602", d("300")}, {"6001", d("-1000")}, {"6401", d("400.50")}},
			[]string{"6001 1000 0", "6401 0 400.5", "6602 0 300", "3103 0 1000", "3103 700.5 0"}},
		{"a loss: only expense", []AccountAmount{{"6602", d("5")}}, []string{"6602 0 5", "3103 5 0"}},
		{"year end: 3103's credit balance to 3104", []AccountAmount{{"3103", d("-2100")}}, []string{"3103 2100 0", "3104 0 2100"}},
	}
	for _, c := range cases {
		target := AccountCurrentYearProfit
		if c.name[:4] == "year" {
			target = AccountRetainedEarnings
		}
		var got []string
		debit, credit := decimal.Zero, decimal.Zero
		for _, l := range CarryForwardLines(c.amounts, target, PlainText("x")) {
			got = append(got, fmt.Sprintf("%s %s %s", l.AccountCode, l.Debit, l.Credit))
			debit, credit = debit.Add(l.Debit), credit.Add(l.Credit)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) || !debit.Equal(credit) {
			t.Errorf("%s: got %v (debit %s credit %s), want %v", c.name, got, debit, credit, c.want)
		}
	}
	mirror := MirrorLines([]*JournalLine{{AccountCode: "6001", Debit: d("1")}, {AccountCode: "3103", Credit: d("1")}})
	if !mirror[0].Credit.Equal(d("1")) || !mirror[1].Debit.Equal(d("1")) {
		t.Errorf("mirror %+v %+v", mirror[0], mirror[1])
	}
}

func TestClosingTextsInChinese(t *testing.T) {
	if got := Render(LangZH, ClosingProfitText, P{"period": PeriodLabel(2026, 11)}); got != "结转 2026年11月 损益" {
		t.Errorf("closing voucher description %q", got)
	}
	if got := Render(LangEN, ClosingProfitText, P{"period": PeriodLabel(2026, 11)}); got != "Carry forward the profit and loss of 2026-11" {
		t.Errorf("in English %q", got)
	}
}
