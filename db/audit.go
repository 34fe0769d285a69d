package db

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"

	"github.com/lib/pq"

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
func (s *AuditService) FindAuditEntries(ctx context.Context, f jxc.AuditFilter, p jxc.PageArgs) (*jxc.Page[*jxc.AuditEntry], error) {
	var w where
	if u := jxc.UserFromContext(ctx); u != nil && !u.HasAnyRole(jxc.RoleManager) {
		w.add(`user_id = %s`, u.ID)
	}
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
		rows, err := page[*auditLogRow](ctx, tx, p, auditCols, "audit_log", &w, "id DESC")
		if err != nil {
			return err
		}
		out = &jxc.Page[*jxc.AuditEntry]{Offset: rows.Offset, TotalCount: rows.TotalCount, Items: make([]*jxc.AuditEntry, len(rows.Items))}
		for i, r := range rows.Items {
			r.Changes = auditChanges(r.Before, r.After)
			out.Items[i] = &r.AuditEntry
		}
		return fillAuditUsers(ctx, tx, out.Items)
	})
	return out, err
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
	var users []*jxc.User
	if err := q.SelectContext(ctx, &users, `SELECT id, username, display_name, active, created_at FROM users WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return err
	}
	var roles []struct {
		UserID int64  `db:"user_id"`
		Role   string `db:"role"`
	}
	if err := q.SelectContext(ctx, &roles, `SELECT user_id, role FROM user_roles WHERE user_id = ANY($1) ORDER BY user_id, role`, pq.Array(ids)); err != nil {
		return err
	}
	byID := map[int64]*jxc.User{}
	for _, u := range users {
		byID[u.ID] = u
	}
	for _, r := range roles {
		if u := byID[r.UserID]; u != nil {
			u.Roles = append(u.Roles, jxc.Role(r.Role))
		}
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
