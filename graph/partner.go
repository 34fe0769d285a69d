package graph

import (
	"context"
	"strings"
	"time"

	"github.com/jxcgraph/jxc"
)

// statement reads a partner's statement of account over the range, today
// and 1 January of its year when left out; the statements of a page of
// partners are read together.
func statement[P comparable](ctx context.Context, r *Resolver, kind jxc.PartnerKind, obj P, id func(P) int64, from, to *jxc.Date) (jxc.PartnerStatement, error) {
	f, t, err := jxc.StatementRange(from, to, jxc.Today(time.Now()))
	if err != nil {
		return jxc.PartnerStatement{}, err
	}
	args := statementArgs{kind: kind, from: f, to: t}
	st, err := load(ctx, r.loadersFor(ctx).statements, obj, func(p P) childKey[statementArgs] { return childKey[statementArgs]{id(p), args} })
	if err != nil {
		return jxc.PartnerStatement{}, err
	}
	if st == nil {
		return jxc.PartnerStatement{}, jxc.Errorf(jxc.ENOTFOUND, "no such {what}", jxc.P{"what": jxc.Noun(strings.ToLower(string(kind)))})
	}
	return *st, nil
}
