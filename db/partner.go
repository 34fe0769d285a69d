package db

import (
	"context"
	"database/sql"
	"errors"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// PartnerService implements jxc.PartnerService: what customers and
// suppliers share, read from the ledger.
type PartnerService struct{ db *DB }

// NewPartnerService returns the partner core on db.
func NewPartnerService(db *DB) *PartnerService { return &PartnerService{db: db} }

var _ jxc.PartnerService = (*PartnerService)(nil)

// Statement implements jxc.PartnerService: the lines of the partner's
// control accounts (jxc.StatementAccounts) that carry its code, with the
// balance brought forward from before the range, all in one snapshot.
func (s *PartnerService) Statement(ctx context.Context, kind jxc.PartnerKind, partnerID int64, from, to jxc.Date) (*jxc.PartnerStatement, error) {
	st := &jxc.PartnerStatement{Kind: kind, PartnerID: partnerID, From: from, To: to, Lines: []*jxc.PartnerStatementLine{}}
	table := "customers"
	if kind == jxc.PartnerSupplier {
		table = "suppliers"
	}
	accounts := pq.Array(jxc.StatementAccounts(kind))
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		err := tx.QueryRowxContext(ctx, `SELECT code, name FROM `+table+` WHERE id = $1`, partnerID).Scan(&st.Code, &st.Name)
		if errors.Is(err, sql.ErrNoRows) {
			return jxc.Errorf(jxc.ENOTFOUND, "no %s with id %d", table[:len(table)-1], partnerID)
		}
		if err != nil {
			return err
		}
		sign := `debit - credit`
		if kind == jxc.PartnerSupplier {
			sign = `credit - debit`
		}
		if err := tx.GetContext(ctx, &st.Opening, `SELECT coalesce(sum(`+sign+`), 0) FROM journal_lines
			WHERE partner = $1 AND account_code = ANY($2) AND posting_date < $3`, st.Code, accounts, from); err != nil {
			return err
		}
		return tx.SelectContext(ctx, &st.Lines, `SELECT l.posting_date, l.entry_id, e.source_type, e.source_id, l.account_code,
				coalesce(nullif(l.description, ''), e.description) AS description, l.debit, l.credit
			FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
			WHERE l.partner = $1 AND l.account_code = ANY($2) AND l.posting_date BETWEEN $3 AND $4
			ORDER BY l.posting_date, l.entry_id, l.line_no`, st.Code, accounts, from, to)
	})
	if err != nil {
		return nil, err
	}
	jxc.RunStatement(st)
	return st, nil
}
