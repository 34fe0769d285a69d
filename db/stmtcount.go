package db

import (
	"context"
	"sync/atomic"
)

// Counting statements: a test (or a debugging handler) asks how many
// statements one request ran, to prove that nested lists are loaded per
// page and not per parent row. The count is per context, so concurrent
// requests and background work do not mix in.

type statementCountKey struct{}

// StatementCount is the number of statements run under a context made by
// CountStatements.
type StatementCount struct{ n atomic.Int64 }

// Load returns the number counted so far.
func (c *StatementCount) Load() int64 { return c.n.Load() }

// CountStatements returns a context under which every statement the pool
// sends (queries and execs, prepared or not) is counted in the returned
// StatementCount.
func CountStatements(ctx context.Context) (context.Context, *StatementCount) {
	c := &StatementCount{}
	return context.WithValue(ctx, statementCountKey{}, c), c
}

func countStatement(ctx context.Context) {
	if c, ok := ctx.Value(statementCountKey{}).(*StatementCount); ok {
		c.n.Add(1)
	}
}
