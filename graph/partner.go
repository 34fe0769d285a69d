package graph

import (
	"context"
	"time"

	"github.com/jxcgraph/jxc"
)

// statement reads a partner's statement of account over the range, today
// and 1 January of its year when left out.
func (r *Resolver) statement(ctx context.Context, kind jxc.PartnerKind, id int64, from, to *jxc.Date) (jxc.PartnerStatement, error) {
	f, t, err := jxc.StatementRange(from, to, jxc.Today(time.Now()))
	if err != nil {
		return jxc.PartnerStatement{}, err
	}
	st, err := r.PartnerService.Statement(ctx, kind, id, f, t)
	if err != nil {
		return jxc.PartnerStatement{}, err
	}
	return *st, nil
}
