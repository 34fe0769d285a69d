package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// where builds a WHERE clause with numbered parameters. Conditions are
// constants written here, never user text; only values travel as arguments.
type where struct {
	conds []string
	args  []any
}

// add appends a condition in which each %s stands for the next argument.
func (w *where) add(cond string, args ...any) {
	ph := make([]any, len(args))
	for i, a := range args {
		w.args = append(w.args, a)
		ph[i] = fmt.Sprintf("$%d", len(w.args))
	}
	w.conds = append(w.conds, fmt.Sprintf(cond, ph...))
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// page runs a count and a page query over the same FROM ... WHERE and
// returns the page window; scan reads the rows of the page query.
func page[T any](ctx context.Context, q Queryer, p jxc.PageArgs, selectCols, from string, w *where, orderBy string) (*jxc.Page[T], error) {
	limit, offset, err := p.Window()
	if err != nil {
		return nil, err
	}
	var total int
	if err := q.GetContext(ctx, &total, `SELECT count(*) FROM `+from+w.sql(), w.args...); err != nil {
		return nil, err
	}
	return pageOf[T](ctx, q, limit, offset, total, selectCols, from, w, orderBy)
}

// pageOf reads one page when the total is already known (counted from a
// maintained table rather than by counting the rows).
func pageOf[T any](ctx context.Context, q Queryer, limit, offset, total int, selectCols, from string, w *where, orderBy string) (*jxc.Page[T], error) {
	out := &jxc.Page[T]{Offset: offset, TotalCount: total}
	if limit == 0 || offset >= out.TotalCount {
		out.Items = []T{}
		return out, nil
	}
	args := append(append([]any{}, w.args...), limit, offset)
	query := fmt.Sprintf(`SELECT %s FROM %s%s ORDER BY %s LIMIT $%d OFFSET $%d`, selectCols, from, w.sql(), orderBy, len(args)-1, len(args))
	if err := q.SelectContext(ctx, &out.Items, query, args...); err != nil {
		return nil, err
	}
	return out, nil
}

func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.TrimSpace(s)) + "%"
}

func itoa(i int) string { return fmt.Sprint(i) }

// pageRows reads one page of rows (page) and turns them into the page's
// documents with fill, which loads what the rows refer to for all at once.
func pageRows[R, T any](ctx context.Context, q Queryer, p jxc.PageArgs, selectCols, from string, w *where, orderBy string,
	fill func(context.Context, Queryer, []R) ([]T, error)) (*jxc.Page[T], error) {
	pg, err := page[R](ctx, q, p, selectCols, from, w, orderBy)
	if err != nil {
		return nil, err
	}
	items, err := fill(ctx, q, pg.Items)
	if err != nil {
		return nil, err
	}
	return &jxc.Page[T]{Items: items, Offset: pg.Offset, TotalCount: pg.TotalCount}, nil
}

// anyOf adds "col is one of vs" to w, unless vs is empty (no condition).
func anyOf[S ~string](w *where, col string, vs []S) {
	if len(vs) == 0 {
		return
	}
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	w.add(col+` = ANY(%s)`, pq.Array(ss))
}

// getByID reads the row of table with id, locked FOR UPDATE when lock, or
// ENOTFOUND on "id" naming what.
func getByID[T any](ctx context.Context, q Queryer, cols, table, what string, id int64, lock bool) (*T, error) {
	out := new(T)
	query := `SELECT ` + cols + ` FROM ` + table + ` WHERE id = $1`
	if lock {
		query += ` FOR UPDATE`
	}
	err := q.GetContext(ctx, out, query, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("id", what, id)
	} else if err != nil {
		return nil, err
	}
	return out, nil
}

// rowsByID reads the rows of table with the ids, fills what they refer to
// (fill) and returns them by id.
func rowsByID[T any](ctx context.Context, q Queryer, cols, table string, ids []int64, fill func(context.Context, Queryer, []T) error,
	id func(T) int64) (map[int64]T, error) {
	var rows []T
	if err := q.SelectContext(ctx, &rows, `SELECT `+cols+` FROM `+table+` WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	if err := fill(ctx, q, rows); err != nil {
		return nil, err
	}
	out := make(map[int64]T, len(rows))
	for _, r := range rows {
		out[id(r)] = r
	}
	return out, nil
}

// theOne returns the one row a read by id found, or ENOTFOUND on field
// naming what.
func theOne[T any](rows []T, err error, field, what string, id int64) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	if len(rows) == 0 {
		return zero, notFound(field, what, id)
	}
	return rows[0], nil
}

// notFound is the error for a record that does not exist: "no such
// <what>" (never its id: the reader knows which one they asked for).
func notFound(field, what string, _ int64) error {
	return jxc.FieldErrorf(jxc.ENOTFOUND, field, "no such {what}", jxc.P{"what": jxc.Noun(what)})
}

// orderBy returns the ORDER BY of a list sorted as o asks: cols is the
// list's whitelist, the SQL expression of each value of its <X>OrderField
// enum (only these constants ever reach SQL), idCol breaks ties in the same
// direction so that the order is total and a cursor (a position in it)
// names the same row on every page. def is the list's order when o gives
// none or names no field of cols.
func orderBy(o jxc.Sorter, cols map[string]string, idCol, def string) string {
	if o == nil {
		return def
	}
	field, dir, ok := o.SortBy()
	expr, known := cols[field]
	if !ok || !known {
		return def
	}
	d := dir.SQL()
	return expr + " " + d + " NULLS LAST, " + idCol + " " + d
}
