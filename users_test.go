package jxc

import "testing"

func TestCheckSignInThrottle(t *testing.T) {
	cases := []struct {
		name string
		c    SignInCounts
		want bool // throttled
	}{
		{"first tries", SignInCounts{Pair: 4, User: 4, Addr: 4}, false},
		{"pair limit", SignInCounts{Pair: 5, User: 5, Addr: 5}, true},
		{"pair limit holds at a usual address", SignInCounts{Pair: 5, Usual: true}, true},
		{"user limit from elsewhere", SignInCounts{Pair: 0, User: 50}, true},
		{"user limit spares the usual address", SignInCounts{Pair: 0, User: 500, Usual: true}, false},
		{"address limit", SignInCounts{Addr: 200}, true},
		{"office NAT under the address limit", SignInCounts{Addr: 199}, false},
		{"address limit spares users for whom it is usual", SignInCounts{Addr: 1000, Usual: true}, false},
	}
	for _, c := range cases {
		err := CheckSignInThrottle(c.c)
		if (err != nil) != c.want || (err != nil && ErrorCode(err) != ETHROTTLED) {
			t.Errorf("%s: %v, want throttled=%v", c.name, err, c.want)
		}
	}
}
