package graph

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The scalars parse whatever a client sends: never a panic, and what they
// accept writes back to an equal value.

func FuzzUnmarshalDecimal(f *testing.F) {
	for _, s := range []string{"0", "1250.00", "-3.5", "+7", "1e9999", "0.0000001", "", " 1", "1.2.3", "NaN", "99999999999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := UnmarshalDecimal(s)
		if err != nil {
			if !strings.Contains(err.Error(), "decimal") {
				t.Fatalf("error does not say what is wrong: %v", err)
			}
			return
		}
		var b strings.Builder
		MarshalDecimal(d).MarshalGQL(&b)
		var back string
		if err := json.Unmarshal([]byte(b.String()), &back); err != nil {
			t.Fatalf("marshalled %q is not a JSON string: %v", b.String(), err)
		}
		if !decimal.RequireFromString(back).Equal(d) {
			t.Fatalf("%q -> %s -> %s", s, d, back)
		}
	})
}

func FuzzUnmarshalDate(f *testing.F) {
	for _, s := range []string{"2026-11-23", "2026-02-29", "2024-02-29", "0000-01-01", "2026-13-01", "26-1-1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := UnmarshalDate(s)
		if err != nil {
			return
		}
		var b strings.Builder
		MarshalDate(d).MarshalGQL(&b)
		if b.String() != `"`+s+`"` {
			t.Fatalf("%q written back as %s", s, b.String())
		}
	})
}

func FuzzUnmarshalInt64ID(f *testing.F) {
	for _, s := range []string{"1", "0", "-1", "9223372036854775807", "9223372036854775808", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := UnmarshalInt64ID(s)
		if err != nil {
			return
		}
		if id <= 0 {
			t.Fatalf("accepted non-positive id %d from %q", id, s)
		}
	})
}

func TestDecimalRefusesFloats(t *testing.T) {
	if _, err := UnmarshalDecimal(1.5); err == nil {
		t.Fatal("a float was accepted")
	}
	if _, err := UnmarshalDecimal(json.Number("1.5")); err == nil {
		t.Fatal("a JSON number with a fraction was accepted")
	}
	if d, err := UnmarshalDecimal(json.Number("42")); err != nil || !d.Equal(decimal.NewFromInt(42)) {
		t.Fatalf("integer: %v %v", d, err)
	}
}
