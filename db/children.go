package db

import (
	"context"
	"fmt"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// Loading a page's children: the nested lists of a page of parents (a
// customer's orders, an order's shipments) are read for the whole page at
// once, a fixed number of statements per relation, never a set per parent
// row.

// childPages reads one page of children for each of several parents, the
// page's first/after applying to each parent's own list: one statement for
// every parent's total (GROUP BY) and one for the rows of every parent's
// page, numbered per parent by ROW_NUMBER() OVER (PARTITION BY parentCol).
// from is one table (with an alias or not) whose key is id; w holds the
// other conditions; parentOf names a row's parent. Every parent gets a
// page, empty when it has no children.
func childPages[T any](ctx context.Context, q Queryer, p jxc.PageArgs, parents []int64, parentCol, selectCols, from string,
	w *where, orderBy string, parentOf func(T) int64) (map[int64]*jxc.Page[T], error) {
	limit, offset, err := p.Window()
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*jxc.Page[T], len(parents))
	for _, id := range parents {
		out[id] = &jxc.Page[T]{Offset: offset, Items: []T{}}
	}
	if len(parents) == 0 {
		return out, nil
	}
	if w == nil {
		w = &where{}
	}
	w.add(parentCol+` = ANY(%s)`, pq.Array(parents))
	var totals []struct {
		Parent int64 `db:"parent"`
		N      int   `db:"n"`
	}
	if err := q.SelectContext(ctx, &totals, `SELECT `+parentCol+` AS parent, count(*) AS n FROM `+from+w.sql()+` GROUP BY `+parentCol,
		w.args...); err != nil {
		return nil, err
	}
	more := false
	for _, t := range totals {
		out[t.Parent].TotalCount = t.N
		more = more || t.N > offset
	}
	if limit == 0 || !more {
		return out, nil
	}
	args := append(append([]any{}, w.args...), offset, limit)
	query := fmt.Sprintf(`SELECT %[1]s FROM %[2]s WHERE id IN (
		SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY %[3]s ORDER BY %[4]s) AS rn FROM %[2]s%[5]s) r
		WHERE rn > $%[6]d AND rn <= $%[6]d + $%[7]d)
		ORDER BY %[3]s, %[4]s`, selectCols, from, parentCol, orderBy, w.sql(), len(args)-1, len(args))
	rows := []T{}
	if err := q.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, err
	}
	for _, r := range rows {
		pg := out[parentOf(r)]
		pg.Items = append(pg.Items, r)
	}
	return out, nil
}

// pagesItems returns every item of the pages, for filling them at once.
func pagesItems[T any](pages map[int64]*jxc.Page[T]) []T {
	var all []T
	for _, pg := range pages {
		all = append(all, pg.Items...)
	}
	return all
}
