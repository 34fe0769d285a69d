package jxc_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jxcgraph/jxc"
)

// checkErrors fails unless err carries exactly the domain errors want, in
// order, each written "CODE field" (field may be empty); a want entry may
// add " ~ text" to require text in the message. No want means no error.
func checkErrors(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		if len(want) > 0 {
			t.Fatalf("no error, want %v", want)
		}
		return
	}
	es, ok := jxc.AsErrors(err)
	if !ok {
		t.Fatalf("error %v is not a domain error", err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Code+" "+e.Field)
	}
	keys := make([]string, len(want))
	for i, w := range want {
		keys[i], _, _ = strings.Cut(w, " ~ ")
	}
	if !slices.Equal(got, keys) {
		t.Fatalf("errors %v, want %v (%v)", got, keys, err)
	}
	for i, w := range want {
		if _, text, ok := strings.Cut(w, " ~ "); ok && !strings.Contains(es[i].Message, text) {
			t.Errorf("error %d: message %q does not say %q", i, es[i].Message, text)
		}
	}
}
