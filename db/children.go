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
func childPages[T any, K comparable](ctx context.Context, q Queryer, p jxc.PageArgs, parents []K, parentCol, selectCols, from string,
	w *where, orderBy string, parentOf func(T) K) (map[K]*jxc.Page[T], error) {
	limit, offset, err := p.Window()
	if err != nil {
		return nil, err
	}
	out := make(map[K]*jxc.Page[T], len(parents))
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
		Parent K   `db:"parent"`
		N      int `db:"n"`
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
func pagesItems[T any, K comparable](pages map[K]*jxc.Page[T]) []T {
	var all []T
	for _, pg := range pages {
		all = append(all, pg.Items...)
	}
	return all
}

// fillRowProducts sets the product of each row (a document line, a sales
// figure), read for all of them at once; of gives a row's product id and
// where its product goes.
func fillRowProducts[R any](ctx context.Context, q Queryer, rows []R, of func(R) (int64, **jxc.Product)) error {
	if len(rows) == 0 {
		return nil
	}
	r := refLoader{}
	for _, row := range rows {
		id, _ := of(row)
		r.want(id, 0, nil)
	}
	if err := r.load(ctx, q); err != nil {
		return err
	}
	for _, row := range rows {
		id, p := of(row)
		*p = r.products[id]
	}
	return nil
}

// fillCustomers sets the customer of each document, read for all of them
// in one statement; of gives a document's customer id and where its
// customer goes.
func fillCustomers[D any](ctx context.Context, q Queryer, asOf jxc.Date, docs []D, of func(D) (int64, **jxc.Customer)) error {
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i], _ = of(d)
	}
	cs, err := customersByID(ctx, q, asOf, ids)
	if err != nil {
		return err
	}
	for _, d := range docs {
		id, c := of(d)
		*c = cs[id]
	}
	return nil
}

// fillChildren reads the children of a page of parents in one statement
// (query takes the parents' ids as $1 and orders the rows as the lists
// keep them) and puts each on its parent's list; list gives a parent's id
// and its list, parentOf a child's parent. A parent without children gets
// an empty list.
func fillChildren[P, C any](ctx context.Context, q Queryer, parents []P, list func(P) (int64, *[]C), query string, parentOf func(C) int64) ([]C, error) {
	ids := make([]int64, len(parents))
	byID := make(map[int64]*[]C, len(parents))
	for i, p := range parents {
		id, l := list(p)
		ids[i], byID[id] = id, l
		*l = []C{}
	}
	var rows []C
	if err := q.SelectContext(ctx, &rows, query, pq.Array(ids)); err != nil {
		return nil, err
	}
	for _, c := range rows {
		l := byID[parentOf(c)]
		*l = append(*l, c)
	}
	return rows, nil
}
