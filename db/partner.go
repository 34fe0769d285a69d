package db

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

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
	m, err := s.Statements(ctx, kind, []int64{partnerID}, from, to)
	if err != nil {
		return nil, err
	}
	st, ok := m[partnerID]
	if !ok {
		return nil, jxc.Errorf(jxc.ENOTFOUND, "no such {what}", jxc.P{"what": jxc.Noun(partnerTable(kind)[:len(partnerTable(kind))-1])})
	}
	return st, nil
}

// Statements implements jxc.PartnerService: Statement for a page of
// partners of one kind at once, three statements in one snapshot whatever
// the number. Partners that do not exist are left out.
func (s *PartnerService) Statements(ctx context.Context, kind jxc.PartnerKind, partnerIDs []int64, from, to jxc.Date) (map[int64]*jxc.PartnerStatement, error) {
	out := map[int64]*jxc.PartnerStatement{}
	accounts := pq.Array(jxc.StatementAccounts(kind))
	sign := `debit - credit`
	if kind == jxc.PartnerSupplier {
		sign = `credit - debit`
	}
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		var partners []struct {
			ID   int64  `db:"id"`
			Code string `db:"code"`
			Name string `db:"name"`
		}
		if err := tx.SelectContext(ctx, &partners, `SELECT id, code, name FROM `+partnerTable(kind)+` WHERE id = ANY($1)`, pq.Array(partnerIDs)); err != nil {
			return err
		}
		byCode := map[string]*jxc.PartnerStatement{}
		codes := make([]string, len(partners))
		for i, p := range partners {
			st := &jxc.PartnerStatement{Kind: kind, PartnerID: p.ID, Code: p.Code, Name: p.Name, From: from, To: to, Lines: []*jxc.PartnerStatementLine{}}
			out[p.ID], byCode[p.Code], codes[i] = st, st, p.Code
		}
		var openings []struct {
			Partner string          `db:"partner"`
			Opening decimal.Decimal `db:"opening"`
		}
		if err := tx.SelectContext(ctx, &openings, `SELECT partner, sum(`+sign+`) AS opening FROM journal_lines
			WHERE partner = ANY($1) AND account_code = ANY($2) AND posting_date < $3 GROUP BY partner`, pq.Array(codes), accounts, from); err != nil {
			return err
		}
		for _, o := range openings {
			byCode[o.Partner].Opening = o.Opening
		}
		var lines []*struct {
			Partner string `db:"partner"`
			jxc.PartnerStatementLine
		}
		if err := tx.SelectContext(ctx, &lines, `SELECT l.partner, l.posting_date, l.entry_id, e.voucher_no, e.source_type, e.source_id, l.account_code,
				e.description, l.debit, l.credit
			FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
			WHERE l.partner = ANY($1) AND l.account_code = ANY($2) AND l.posting_date BETWEEN $3 AND $4
			ORDER BY l.partner, l.posting_date, l.entry_id, l.line_no`, pq.Array(codes), accounts, from, to); err != nil {
			return err
		}
		for _, l := range lines {
			st := byCode[l.Partner]
			st.Lines = append(st.Lines, &l.PartnerStatementLine)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, st := range out {
		jxc.RunStatement(st)
	}
	return out, nil
}

func partnerTable(kind jxc.PartnerKind) string {
	if kind == jxc.PartnerSupplier {
		return "suppliers"
	}
	return "customers"
}

// The automatic codes of new partners (a customer or supplier created
// without a code): the prefix and one more than the highest number any code
// of that form has, as wide as the widest of them (4 digits when there is
// none yet). Two writers, on one replica or two, may pick the same code at
// once: the insert skips a code taken meanwhile (the unique index on code
// decides, waiting for the other writer's commit) and the next free one is
// tried. No counter is kept: a code typed by hand in that form counts too.

const autoCodeTries = 10

// nextPartnerCode is the next free code of table (customers or suppliers)
// as the transaction sees it now.
func nextPartnerCode(ctx context.Context, tx *Tx, table, prefix string) (string, error) {
	var r struct {
		Max   decimal.NullDecimal `db:"max"`
		Width *int                `db:"width"`
	}
	if err := tx.GetContext(ctx, &r, `SELECT max(substr(code, $2)::numeric) AS max, max(length(code)) - $3 AS width
		FROM `+table+` WHERE code ~ $1`, "^"+regexp.QuoteMeta(prefix)+"[0-9]{1,30}$", len(prefix)+1, len(prefix)); err != nil {
		return "", err
	}
	n := decimal.NewFromInt(1)
	if r.Max.Valid {
		n = r.Max.Decimal.Add(n)
	}
	width := 4
	if r.Width != nil {
		width = *r.Width
	}
	digits := n.String()
	if len(digits) < width {
		digits = strings.Repeat("0", width-len(digits)) + digits
	}
	return prefix + digits, nil
}

// insertPartner inserts a partner with its code, or with the next free
// code when code is empty. insert runs the INSERT for a code; with
// skipTaken it ends in ON CONFLICT (code) DO NOTHING RETURNING id, so that
// a code taken meanwhile gives sql.ErrNoRows and the next one is tried.
func insertPartner(ctx context.Context, tx *Tx, table, prefix, who, code string, insert func(code string, skipTaken bool) (int64, error)) (int64, string, error) {
	if code != "" {
		id, err := insert(code, false)
		return id, code, err
	}
	for range autoCodeTries {
		c, err := nextPartnerCode(ctx, tx, table, prefix)
		if err != nil {
			return 0, "", err
		}
		id, err := insert(c, true)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		return id, c, err
	}
	return 0, "", jxc.FieldErrorf(jxc.ECONFLICT, "input.code", "no free {partner} code was found after {tries} tries; give a code",
		jxc.P{"partner": jxc.Noun(who), "tries": autoCodeTries})
}
