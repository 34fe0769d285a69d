package jxc

import "testing"

func TestSlowMoverBucketsAndActions(t *testing.T) {
	for _, c := range []struct {
		days int
		want SlowMoverBucket
	}{{30, IdleUnder90}, {89, IdleUnder90}, {90, Idle90To180}, {179, Idle90To180}, {180, Idle180To365}, {365, Idle180To365}, {366, IdleOver365}} {
		if got := BucketOf(c.days); got != c.want {
			t.Errorf("BucketOf(%d) = %s, want %s", c.days, got, c.want)
		}
	}
	n := func(i int) *int { return &i }
	for _, c := range []struct {
		idle  int
		since *int
		want  SlowMoverAction
	}{
		{400, n(10), ActionScrap},
		{366, nil, ActionScrap},
		{200, n(200), ActionDiscount},
		{200, n(180), ActionReturnToSupplier},
		{200, nil, ActionDiscount},
		{365, n(30), ActionReturnToSupplier},
	} {
		if got := SuggestedSlowMoverAction(c.idle, c.since); got != c.want {
			t.Errorf("SuggestedSlowMoverAction(%d, %v) = %s, want %s", c.idle, c.since, got, c.want)
		}
	}
}
