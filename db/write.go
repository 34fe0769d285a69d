package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// The one write path. Every business write runs through Write (or
// WriteMany for an operation that makes several documents), which
//
//  1. claims the idempotency key, scoped per (user, operation), first in
//     the transaction: a replay with the same input returns the first
//     result without running fn, the same key with another input is
//     refused with EKEYREUSED, a concurrent retry waits on the key's row;
//  2. runs fn in one transaction (WithTx, with its retries);
//  3. writes the audit rows fn registered with tx.Produced and tx.Audit,
//     in that same transaction; an operation that registers none fails,
//     so no write goes unrecorded;
//  4. fills the key with the ids of the records fn produced.
//
// Who comes from jxc.AuthFromContext; calls without one (the demo loader,
// the bench generator) record no user.

// auditRow is one audit row registered during a write.
type auditRow struct {
	recordType, recordID, number, action string
	before, after                        json.RawMessage
}

// writeState is what a write registers on its transaction.
type writeState struct {
	rows    []auditRow
	results []int64
	// befores are master records as they were before the change, by
	// record type and id (tx.Before).
	befores map[string]json.RawMessage
}

// Produced registers the record the operation produced or changed: an
// audit row, and the record's id as the operation's result (what the
// idempotency key keeps and a replay returns). Master data gets its row
// as it is at the end of the transaction as the after value, and, when
// tx.Before was called for it, the row before.
func (tx *Tx) Produced(recordType string, id int64, number, action string) {
	tx.Audit(recordType, id, number, action)
	tx.w.results = append(tx.w.results, id)
}

// Audit registers one more audit row, for a record the operation touched
// besides the one it produced. id is the record's key (a number, or text
// for accounts and periods); number is what a person reads (SO-000012, a
// SKU); master data may leave it empty to have it filled from the row.
func (tx *Tx) Audit(recordType string, id any, number, action string) {
	tx.w.rows = append(tx.w.rows, auditRow{recordType: recordType, recordID: fmt.Sprint(id), number: number, action: action})
}

// Before keeps a master record's row as it is now, as the before value of
// its audit row. Call it before changing the record; it reads without
// locking, so it changes no lock order.
func (tx *Tx) Before(ctx context.Context, recordType string, id any) error {
	q, ok := masterRows[recordType]
	if !ok {
		return fmt.Errorf("audit: %s is not master data", recordType)
	}
	var row json.RawMessage
	var number string
	err := tx.QueryRowxContext(ctx, q, fmt.Sprint(id)).Scan(&row, &number)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if tx.w.befores == nil {
		tx.w.befores = map[string]json.RawMessage{}
	}
	tx.w.befores[recordType+"/"+fmt.Sprint(id)] = row
	return nil
}

// masterRows reads a master record as JSON and its number, by its key as
// text. Secrets (password hashes) are left out.
var masterRows = map[string]string{
	jxc.RecordUser: `SELECT to_jsonb(t) - 'password_hash' || jsonb_build_object('roles',
		(SELECT coalesce(jsonb_agg(role ORDER BY role), '[]') FROM user_roles WHERE user_id = t.id)), t.username
		FROM users t WHERE id = $1::bigint`,
	jxc.RecordAPIToken:  `SELECT to_jsonb(t) - 'token_hash' - 'last_used_at', t.name FROM api_tokens t WHERE id = $1::bigint`,
	jxc.RecordCategory:  `SELECT to_jsonb(t), t.code FROM categories t WHERE id = $1::bigint`,
	jxc.RecordProduct:   `SELECT to_jsonb(t) || jsonb_build_object('barcodes', (SELECT coalesce(jsonb_agg(barcode ORDER BY position), '[]') FROM product_barcodes WHERE product_id = t.id)), t.sku FROM products t WHERE id = $1::bigint`,
	jxc.RecordWarehouse: `SELECT to_jsonb(t), t.code FROM warehouses t WHERE id = $1::bigint`,
	jxc.RecordLocation:  `SELECT to_jsonb(t), t.code FROM locations t WHERE id = $1::bigint`,
	jxc.RecordAccount:   `SELECT to_jsonb(t), t.code FROM accounts t WHERE code = $1`,
	jxc.RecordCustomer:  `SELECT to_jsonb(t), t.code FROM customers t WHERE id = $1::bigint`,
	jxc.RecordSupplier:  `SELECT to_jsonb(t), t.code FROM suppliers t WHERE id = $1::bigint`,
	jxc.RecordSupplierProduct: `SELECT to_jsonb(t), s.code || ' ' || p.sku FROM supplier_products t
		JOIN suppliers s ON s.id = t.supplier_id JOIN products p ON p.id = t.product_id
		WHERE t.supplier_id = split_part($1, ':', 1)::bigint AND t.product_id = split_part($1, ':', 2)::bigint`,
	jxc.RecordPurchasingSettings: `SELECT to_jsonb(t) - 'id', 'settings' FROM purchasing_settings t WHERE $1 <> ''`,
	jxc.RecordCompanySettings:    `SELECT to_jsonb(t) - 'id', 'settings' FROM company_settings t WHERE $1 <> ''`,
	jxc.RecordNumberingRule:      `SELECT to_jsonb(t) - 'table_name', t.kind FROM numbering_rules t WHERE kind = $1`,
	jxc.RecordBudgetLine: `SELECT to_jsonb(t) - 'alerted_80' - 'alerted_100', t.year || '-' || lpad(t.month::text, 2, '0') || ' ' || t.cost_centre || ' ' || t.account_code
		FROM budget_lines t WHERE id = $1::bigint`,
	jxc.RecordPostingWindow: `SELECT to_jsonb(t) - 'one', 'posting window' FROM posting_window t WHERE $1 <> ''`,
	jxc.RecordFiscalPeriod: `SELECT to_jsonb(t), t.year || '-' || lpad(t.month::text, 2, '0') FROM fiscal_periods t
		WHERE year = split_part($1, '-', 1)::int AND month = split_part($1, '-', 2)::int`,
}

type leanKey struct{}

// withLeanCommit marks a context whose writes commit without waiting for
// the WAL flush (the demo loader; see SalesService.write).
func withLeanCommit(ctx context.Context) context.Context {
	return context.WithValue(ctx, leanKey{}, true)
}

// Write runs one business write (see the top of this file) and returns the
// id of the record it produced: the first tx.Produced, or the first
// result's on a replay.
func (db *DB) Write(ctx context.Context, op jxc.Op, fn func(tx *Tx) error) (int64, error) {
	ids, err := db.WriteMany(ctx, op, fn)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	return ids[0], nil
}

// WriteMany is Write for an operation that produces several records: it
// returns the id of each, in the order fn produced them.
func (db *DB) WriteMany(ctx context.Context, op jxc.Op, fn func(tx *Tx) error) ([]int64, error) {
	name := jxc.OperationFromContext(ctx)
	if name == "" {
		name = op.Name
	}
	w := writer{op: op, name: name}
	if a := jxc.AuthFromContext(ctx); a != nil && a.User != nil && a.User.ID > 0 {
		w.userID, w.via = &a.User.ID, jxc.ViaSession
		if a.TokenID != 0 {
			w.via, w.tokenID = jxc.ViaToken, &a.TokenID
		}
	}
	if op.Key != nil {
		b, err := json.Marshal(op.Input)
		if err != nil {
			return nil, fmt.Errorf("hash the input of %s: %w", name, err)
		}
		h := sha256.Sum256(b)
		w.hash = h[:]
	}
	lean, _ := ctx.Value(leanKey{}).(bool)
	var ids []int64
	err := db.WithTx(ctx, func(tx *Tx) error {
		if lean {
			if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
				return err
			}
		}
		prior, replay, err := w.claim(ctx, tx)
		if err != nil || replay {
			ids = prior
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if len(tx.w.rows) == 0 {
			return fmt.Errorf("%s wrote no audit row: register what it did with tx.Produced", name)
		}
		if err := w.writeAudit(ctx, tx); err != nil {
			return err
		}
		ids = tx.w.results
		return w.fill(ctx, tx, ids)
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// writer is one call of Write: the operation and who makes it.
type writer struct {
	op      jxc.Op
	name    string
	userID  *int64
	via     jxc.AuditVia
	tokenID *int64
	hash    []byte
}

func (w *writer) keyUser() int64 {
	if w.userID == nil {
		return 0
	}
	return *w.userID
}

// claim takes the idempotency key. When the key was used before, it
// returns the first result (replay=true), or EKEYREUSED when the input
// differs from the first one's.
func (w *writer) claim(ctx context.Context, tx *Tx) (ids []int64, replay bool, err error) {
	if w.op.Key == nil {
		return nil, false, nil
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO idempotency_keys (user_id, operation, key, input_hash) VALUES ($1, $2, $3, $4)
		ON CONFLICT DO NOTHING`, w.keyUser(), w.name, *w.op.Key, w.hash)
	if err != nil {
		return nil, false, err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil, false, nil
	}
	var prior struct {
		ID   *int64        `db:"result_id"`
		IDs  pq.Int64Array `db:"result_ids"`
		Hash []byte        `db:"input_hash"`
	}
	if err := tx.GetContext(ctx, &prior, `SELECT result_id, result_ids, input_hash FROM idempotency_keys
		WHERE user_id = $1 AND operation = $2 AND key = $3`, w.keyUser(), w.name, *w.op.Key); err != nil {
		return nil, false, err
	}
	if prior.Hash != nil && string(prior.Hash) != string(w.hash) {
		return nil, false, jxc.FieldErrorf(jxc.EKEYREUSED, "input.idempotencyKey",
			"idempotency key {key} was already used for another {operation} request with a different input; use a new key for a new request", jxc.P{"key": *w.op.Key, "operation": w.name})
	}
	switch {
	case prior.ID != nil:
		return []int64{*prior.ID}, true, nil
	case prior.IDs != nil:
		return []int64(prior.IDs), true, nil
	}
	return nil, false, fmt.Errorf("idempotency key %s/%s has no result", w.name, *w.op.Key)
}

// fill keeps the results with the key.
func (w *writer) fill(ctx context.Context, tx *Tx, ids []int64) error {
	if w.op.Key == nil {
		return nil
	}
	var one *int64
	if len(ids) == 1 {
		one = &ids[0]
	}
	_, err := tx.ExecContext(ctx, `UPDATE idempotency_keys SET result_id = $4, result_ids = $5
		WHERE user_id = $1 AND operation = $2 AND key = $3`, w.keyUser(), w.name, *w.op.Key, one, pq.Array(ids))
	return err
}

// writeAudit inserts the registered rows in one statement; master data
// gets its before and after values first.
func (w *writer) writeAudit(ctx context.Context, tx *Tx) error {
	n := len(tx.w.rows)
	types, ids, numbers, actions, befores, afters := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, r := range tx.w.rows {
		if q, ok := masterRows[r.recordType]; ok {
			var number string
			err := tx.QueryRowxContext(ctx, q, r.recordID).Scan(&r.after, &number)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if r.number == "" {
				r.number = number
			}
			r.before = tx.w.befores[r.recordType+"/"+r.recordID]
		}
		types[i], ids[i], numbers[i], actions[i] = r.recordType, r.recordID, r.number, r.action
		befores[i], afters[i] = string(r.before), string(r.after)
	}
	var via *string
	if w.userID != nil {
		via = (*string)(&w.via)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, user_id, via, token_id, operation, idempotency_key,
			record_type, record_id, record_number, action, before, after)
		SELECT $1, $2, $3, $4, $5, $6, t.rt, t.rid, t.num, t.act, nullif(t.b, '')::jsonb, nullif(t.a, '')::jsonb
		FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]) WITH ORDINALITY AS t(rt, rid, num, act, b, a, o)
		ORDER BY t.o`,
		tx.Now, w.userID, via, w.tokenID, w.name, w.op.Key,
		pq.Array(types), pq.Array(ids), pq.Array(numbers), pq.Array(actions), pq.Array(befores), pq.Array(afters))
	return err
}

// writeAndRead runs one write (Write) whose fn returns the id of the record
// it produced, and reads that record with find: in the same transaction, or,
// on a replay, the record the first call produced.
func writeAndRead[T any](ctx context.Context, db *DB, op jxc.Op, find func(context.Context, Queryer, int64) (T, error), fn func(tx *Tx) (int64, error)) (T, error) {
	var out T
	found := false
	rid, err := db.Write(ctx, op, func(tx *Tx) error {
		found = false
		id, err := fn(tx)
		if err != nil {
			return err
		}
		out, err = find(ctx, tx, id)
		found = err == nil
		return err
	})
	if err == nil && !found { // a replay
		out, err = find(ctx, db, rid)
	}
	return out, err
}
