package graph

import (
	"context"

	"github.com/jxcgraph/jxc"
)

// auditTrail is a record's auditTrail field: the audit trail narrowed to
// the record.
func (r *Resolver) auditTrail(ctx context.Context, recordType, recordID string, first *int, after *string) (AuditEntryConnection, error) {
	p, err := r.AuditService.FindAuditEntries(ctx, jxc.AuditFilter{RecordType: &recordType, RecordID: &recordID}, pageArgs(first, after))
	return auditConnection(p, err)
}

func auditConnection(p *jxc.Page[*jxc.AuditEntry], err error) (AuditEntryConnection, error) {
	return connection(p, err,
		func(c string, n *jxc.AuditEntry) *AuditEntryEdge { return &AuditEntryEdge{Cursor: c, Node: n} },
		func(e []*AuditEntryEdge, n []*jxc.AuditEntry, pi *PageInfo, t int) AuditEntryConnection {
			return AuditEntryConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: t}
		})
}
