package graph

import (
	"context"

	"github.com/jxcgraph/jxc"
)

// auditTrail is a record's auditTrail field: the audit trail narrowed to
// the record.
func (r *Resolver) auditTrail(ctx context.Context, recordType, recordID string, first *int, after *string, orderBy *jxc.AuditEntryOrder) (AuditEntryConnection, error) {
	k := key[string, auditArgs]{parent: recordID, args: auditArgs{recordType: recordType, page: pageKeyOf(first, after, orderBy)}}
	return auditConnection(r.loadersFor(ctx).auditTrails.Load(ctx, k))
}

func auditConnection(p *jxc.Page[*jxc.AuditEntry], err error) (AuditEntryConnection, error) {
	return connection(p, err,
		func(c string, n *jxc.AuditEntry) *AuditEntryEdge { return &AuditEntryEdge{Cursor: c, Node: n} },
		func(e []*AuditEntryEdge, n []*jxc.AuditEntry, pi *PageInfo, t int) AuditEntryConnection {
			return AuditEntryConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: t}
		})
}
