package db

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"

	"github.com/jxcgraph/jxc"
)

// AuditService implements jxc.AuditService: reads of the audit trail that
// db.Write leaves.
type AuditService struct{ db *DB }

// NewAuditService returns the audit trail on db.
func NewAuditService(db *DB) *AuditService { return &AuditService{db: db} }

var _ jxc.AuditService = (*AuditService)(nil)

const auditCols = `id, at, user_id, via, token_id, operation, record_type, record_id, record_number, action, idempotency_key, before, after`

type auditLogRow struct {
	jxc.AuditEntry
	Before []byte `db:"before"`
	After  []byte `db:"after"`
}

// FindAuditEntries implements jxc.AuditService, newest first. Admins and
// managers see every row; any other caller only the rows of their own
// changes. Calls without a user (the server's own jobs) see every row.
func (s *AuditService) FindAuditEntries(ctx context.Context, f jxc.AuditFilter, o *jxc.AuditEntryOrder, p jxc.PageArgs) (*jxc.Page[*jxc.AuditEntry], error) {
	w := auditScope(ctx)
	if f.RecordType != nil {
		w.add(`record_type = %s`, *f.RecordType)
	}
	if f.RecordID != nil {
		w.add(`record_id = %s`, *f.RecordID)
	}
	if f.UserID != nil {
		w.add(`user_id = %s`, *f.UserID)
	}
	if f.From != nil {
		w.add(`at >= %s`, *f.From)
	}
	if f.To != nil {
		w.add(`at < %s`, *f.To)
	}
	var out *jxc.Page[*jxc.AuditEntry]
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		rows, err := page[*auditLogRow](ctx, tx, p, auditCols, "audit_log", w, orderBy(o, auditOrders, "id", "id DESC"))
		if err != nil {
			return err
		}
		out = auditPage(rows)
		return fillAuditUsers(ctx, tx, out.Items)
	})
	return out, err
}

// FindAuditTrails implements jxc.AuditService: the auditTrail field of a
// page of records of one type, read at once (one snapshot, a fixed number
// of statements), each record's page newest first.
func (s *AuditService) FindAuditTrails(ctx context.Context, recordType string, recordIDs []string, o jxc.Sorter, p jxc.PageArgs) (map[string]*jxc.Page[*jxc.AuditEntry], error) {
	w := auditScope(ctx)
	w.add(`record_type = %s`, recordType)
	out := map[string]*jxc.Page[*jxc.AuditEntry]{}
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		pages, err := childPages(ctx, tx, p, recordIDs, "record_id", auditCols, "audit_log", w, orderBy(o, auditOrders, "id", "id DESC"),
			func(r *auditLogRow) string { return r.RecordID })
		if err != nil {
			return err
		}
		var all []*jxc.AuditEntry
		for id, rows := range pages {
			out[id] = auditPage(rows)
			all = append(all, out[id].Items...)
		}
		return fillAuditUsers(ctx, tx, all)
	})
	return out, err
}

// auditScope is the rows the caller may read: admins and managers every
// row, anyone else the rows of their own changes, the server's own jobs
// (no user) every row.
func auditScope(ctx context.Context) *where {
	var w where
	if u := jxc.UserFromContext(ctx); u != nil && !u.HasAnyRole(jxc.RoleManager) {
		w.add(`user_id = %s`, u.ID)
	}
	return &w
}

// auditPage turns a page of rows into entries with their changes.
func auditPage(rows *jxc.Page[*auditLogRow]) *jxc.Page[*jxc.AuditEntry] {
	out := &jxc.Page[*jxc.AuditEntry]{Offset: rows.Offset, TotalCount: rows.TotalCount, Items: make([]*jxc.AuditEntry, len(rows.Items))}
	for i, r := range rows.Items {
		r.Changes = auditChanges(r.Before, r.After)
		out.Items[i] = &r.AuditEntry
	}
	return out
}

// fillAuditUsers loads the authors of a page of entries in two statements.
func fillAuditUsers(ctx context.Context, q Queryer, es []*jxc.AuditEntry) error {
	var ids []int64
	seen := map[int64]bool{}
	for _, e := range es {
		if e.UserID != nil && !seen[*e.UserID] {
			seen[*e.UserID] = true
			ids = append(ids, *e.UserID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	_, byID, err := usersWithRoles(ctx, q, ids)
	if err != nil {
		return err
	}
	for _, e := range es {
		if e.UserID != nil {
			e.User = byID[*e.UserID]
		}
	}
	return nil
}

// auditChanges lists the fields whose values differ between two rows as
// JSON objects, by name; updated_at, which every change moves, is left out.
func auditChanges(before, after json.RawMessage) []jxc.AuditChange {
	out := []jxc.AuditChange{}
	if len(after) == 0 && len(before) == 0 {
		return out
	}
	var b, a map[string]json.RawMessage
	_ = json.Unmarshal(before, &b)
	_ = json.Unmarshal(after, &a)
	names := map[string]bool{}
	for k := range b {
		names[k] = true
	}
	for k := range a {
		names[k] = true
	}
	sorted := make([]string, 0, len(names))
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if k == "updated_at" || bytes.Equal(b[k], a[k]) {
			continue
		}
		out = append(out, jxc.AuditChange{Field: k, Before: jsonText(b[k]), After: jsonText(a[k])})
	}
	return out
}

// jsonText is a JSON value as a person reads it: a string without its
// quotes, anything else as written; nil for null or absent.
func jsonText(v json.RawMessage) *string {
	if len(v) == 0 || string(v) == "null" {
		return nil
	}
	var s string
	if v[0] == '"' && json.Unmarshal(v, &s) == nil {
		return &s
	}
	t := string(v)
	return &t
}
