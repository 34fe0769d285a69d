package db

import (
	"context"
	"database/sql/driver"
	"errors"

	"github.com/lib/pq"
)

// stmtCacheSize bounds the statements one connection keeps prepared. The
// services use a few hundred distinct statements; a query built with its
// values inlined would not be reused, and past the bound runs unprepared.
const stmtCacheSize = 256

// cachingConnector wraps lib/pq's connector so that each connection keeps
// its parameterised statements prepared: PostgreSQL parses and plans a
// statement once per connection instead of at every execution (what pgx
// calls its statement cache; lib/pq has none). A posting is 20 to 60 small
// statements, so parsing and planning were a third of the database's work
// in the bench generator.
type cachingConnector struct{ pq driver.Connector }

// Connect implements driver.Connector.
func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.pq.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(pqConn)
	if !ok {
		return conn, nil // not lib/pq's connection: no cache
	}
	return &cachingConn{pqConn: pc, stmts: map[string]driver.Stmt{}}, nil
}

// Driver implements driver.Connector.
func (c cachingConnector) Driver() driver.Driver { return c.pq.Driver() }

// pqConn is what lib/pq's connection offers database/sql.
type pqConn interface {
	driver.Conn
	driver.ConnPrepareContext
	driver.ConnBeginTx
	driver.ExecerContext
	driver.QueryerContext
	driver.NamedValueChecker
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// cachingConn is one connection with its prepared statements. database/sql
// uses a connection from one goroutine at a time, so the map needs no lock.
type cachingConn struct {
	pqConn
	stmts map[string]driver.Stmt
}

func (c *cachingConn) prepared(ctx context.Context, query string) (driver.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= stmtCacheSize {
		return nil, nil
	}
	st, err := c.pqConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

// forget drops a statement the server no longer accepts (its table
// changed under it, or the session lost it); the next use prepares anew.
func (c *cachingConn) forget(query string, err error) {
	var pe *pq.Error
	if errors.As(err, &pe) && (pe.Code == "0A000" || pe.Code == "26000") {
		delete(c.stmts, query)
	}
}

// ExecContext implements driver.ExecerContext.
func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return withStmt(c, ctx, query, args, c.pqConn.ExecContext, func(st driver.Stmt) (driver.Result, error) {
		return st.(driver.StmtExecContext).ExecContext(ctx, args)
	})
}

// QueryContext implements driver.QueryerContext.
func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return withStmt(c, ctx, query, args, c.pqConn.QueryContext, func(st driver.Stmt) (driver.Rows, error) {
		return st.(driver.StmtQueryContext).QueryContext(ctx, args)
	})
}

// withStmt runs a query with parameters through the connection's prepared
// statement, preparing it on first use; without parameters, or past the
// cache's bound, directly.
func withStmt[R any](c *cachingConn, ctx context.Context, query string, args []driver.NamedValue,
	direct func(context.Context, string, []driver.NamedValue) (R, error), prepared func(driver.Stmt) (R, error)) (R, error) {
	countStatement(ctx)
	if len(args) == 0 {
		return direct(ctx, query, args)
	}
	st, err := c.prepared(ctx, query)
	if err != nil {
		var zero R
		return zero, err
	}
	if st == nil {
		return direct(ctx, query, args)
	}
	r, err := prepared(st)
	if err != nil {
		c.forget(query, err)
	}
	return r, err
}

// Close implements driver.Conn: the statements go with the session.
func (c *cachingConn) Close() error {
	c.stmts = nil
	return c.pqConn.Close()
}
