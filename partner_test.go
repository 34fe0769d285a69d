package jxc_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

func TestRunStatement(t *testing.T) {
	d := decimal.RequireFromString
	lines := func() []*jxc.PartnerStatementLine {
		return []*jxc.PartnerStatementLine{
			{Debit: d("1130"), Credit: d("0")},  // invoice
			{Debit: d("0"), Credit: d("1000")},  // payment
			{Debit: d("0"), Credit: d("200.5")}, // credit note
		}
	}
	for _, tc := range []struct {
		kind     jxc.PartnerKind
		opening  string
		balances []string
	}{
		{jxc.PartnerCustomer, "100", []string{"1230", "230", "29.5"}},
		{jxc.PartnerSupplier, "100", []string{"-1030", "-30", "170.5"}},
		{jxc.PartnerCustomer, "0", []string{"1130", "130", "-70.5"}},
	} {
		st := &jxc.PartnerStatement{Kind: tc.kind, Opening: d(tc.opening), Lines: lines()}
		jxc.RunStatement(st)
		for i, l := range st.Lines {
			if !l.Balance.Equal(d(tc.balances[i])) {
				t.Errorf("%s from %s: line %d balance %s, want %s", tc.kind, tc.opening, i, l.Balance, tc.balances[i])
			}
		}
		if !st.Closing.Equal(d(tc.balances[2])) || !st.Debit.Equal(d("1130")) || !st.Credit.Equal(d("1200.5")) {
			t.Errorf("%s: closing %s, debit %s, credit %s", tc.kind, st.Closing, st.Debit, st.Credit)
		}
	}
}

func TestStatementRange(t *testing.T) {
	today := jxc.Date{Year: 2026, Month: 12, Day: 3}
	day := func(y, m, dd int) *jxc.Date { v := jxc.Date{Year: y, Month: time.Month(m), Day: dd}; return &v }
	for _, tc := range []struct {
		from, to *jxc.Date
		want     [2]string
		field    string
	}{
		{nil, nil, [2]string{"2026-01-01", "2026-12-03"}, ""},
		{nil, day(2025, 6, 30), [2]string{"2025-01-01", "2025-06-30"}, ""},
		{day(2026, 11, 1), nil, [2]string{"2026-11-01", "2026-12-03"}, ""},
		{day(2026, 11, 2), day(2026, 11, 1), [2]string{"2026-11-02", "2026-11-01"}, "from"},
	} {
		f, to, err := jxc.StatementRange(tc.from, tc.to, today)
		if f.String() != tc.want[0] || to.String() != tc.want[1] {
			t.Errorf("range %v..%v = %s..%s, want %s..%s", tc.from, tc.to, f, to, tc.want[0], tc.want[1])
		}
		var e *jxc.Error
		if tc.field == "" && err != nil || tc.field != "" && (!errors.As(err, &e) || e.Field != tc.field || e.Code != jxc.EINVALID) {
			t.Errorf("range %v..%v: error %v, want field %q", tc.from, tc.to, err, tc.field)
		}
	}
}
