package graph

import (
	"context"
	"fmt"
	"log/slog"
	"testing"

	"github.com/lib/pq"
)

// A statement cut by its statement timeout is a TIMEOUT saying what to do,
// not an internal error.
func TestStatementTimeoutIsPresentedAsTimeout(t *testing.T) {
	present := presentError(slog.New(slog.DiscardHandler))
	err := fmt.Errorf("trial balance: %w", &pq.Error{Code: "57014", Message: "canceling statement due to statement timeout"})
	out := present(context.Background(), err)
	if out.Extensions["code"] != CodeTimeout {
		t.Fatalf("code %v, want %s: %s", out.Extensions["code"], CodeTimeout, out.Message)
	}
	if other := present(context.Background(), &pq.Error{Code: "XX000"}); other.Extensions["code"] != "INTERNAL" {
		t.Errorf("another driver error: %v", other.Extensions["code"])
	}
}
