package jxc

import "testing"

// TestIssueValueVanishesWithQuantity: value and quantity vanish together,
// both ways (issue 15, item 9).
func TestIssueValueVanishesWithQuantity(t *testing.T) {
	tests := []struct {
		name                 string
		onHand, value, issue string
		want                 string
	}{
		// 10000 @ 0.0001 is 1.00; 9999.9999 of it rounds to 1.00 and would
		// leave 0.0001 on hand at no value: it takes 0.99.
		{"the issue's numbers", "10000", "1.00", "9999.9999", "0.99"},
		{"the issue that empties takes everything", "10000", "1.00", "10000", "1.00"},
		{"a pool of one cent keeps it while stock remains", "3", "0.01", "2", "0.00"},
		{"an ordinary issue rounds half-up", "3", "10.00", "1", "3.33"},
		{"half a cent rounds up when a cent remains", "2", "0.03", "1", "0.02"},
		{"stock at no cost stays at no cost", "5", "0", "4", "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := StockBalance{OnHand: d(tc.onHand), Value: d(tc.value)}
			got := b.IssueValue(d(tc.issue))
			if !got.Equal(d(tc.want)) {
				t.Fatalf("issue %s of %s worth %s takes %s, want %s", tc.issue, tc.onHand, tc.value, got, tc.want)
			}
			left, worth := b.OnHand.Sub(d(tc.issue)), b.Value.Sub(got)
			if left.IsZero() != worth.IsZero() && b.Value.Sign() > 0 {
				t.Fatalf("leaves %s at %s", left, worth)
			}
		})
	}
}
