package db

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/jxcgraph/jxc"
)

// journalLineOrders is journalLines' orderBy whitelist (lines read as l, entries as e).
var journalLineOrders = map[string]string{"DATE": "l.posting_date", "VOUCHER_NO": "e.voucher_no", "ACCOUNT": "l.account_code",
	"DEBIT": "l.debit", "CREDIT": "l.credit"}

// ledgerLineRow is one row of the journalLines page query.
type ledgerLineRow struct {
	jxc.JournalLine
	VoucherNo        string         `db:"voucher_no"`
	PostingDate      jxc.Date       `db:"posting_date"`
	EntryDescription string         `db:"entry_description"`
	SourceType       jxc.SourceType `db:"source_type"`
}

const journalLineListCols = `l.id, l.entry_id, l.line_no, l.account_code, l.debit, l.credit, l.cost_centre, l.partner, l.product_id, l.description,
	e.voucher_no, l.posting_date, e.description AS entry_description, e.source_type`

// FindJournalLines implements jxc.LedgerLineService: one page of lines in
// one query with their entries, then the page's accounts and products in
// one query each.
func (s *LedgerService) FindJournalLines(ctx context.Context, f jxc.JournalLineFilter, o *jxc.JournalLineOrder, p jxc.PageArgs) (*jxc.Page[*jxc.LedgerLine], error) {
	var w where
	if f.AccountCode != nil {
		w.add(`l.account_code = %s`, *f.AccountCode)
	}
	from, to := jxc.Date{Year: 1, Month: 1, Day: 1}, jxc.Date{Year: 9999, Month: 12, Day: 31}
	if f.Year != nil {
		if *f.Year < jxc.MinDateYear || *f.Year > jxc.MaxDateYear {
			return nil, jxc.FieldErrorf(jxc.EINVALID, "filter.year", "year must be between {min} and {max}",
				jxc.P{"min": jxc.MinDateYear, "max": jxc.MaxDateYear})
		}
		from, to = jxc.Date{Year: *f.Year, Month: time.January, Day: 1}, jxc.Date{Year: *f.Year, Month: time.December, Day: 31}
	}
	if f.DateFrom != nil && from.Before(*f.DateFrom) {
		from = *f.DateFrom
	}
	if f.DateTo != nil && f.DateTo.Before(to) {
		to = *f.DateTo
	}
	if f.Year != nil || f.DateFrom != nil || f.DateTo != nil {
		w.add(`l.posting_date BETWEEN %s AND %s`, from, to)
	}
	if f.SourceType != nil {
		w.add(`l.entry_id IN (SELECT id FROM journal_entries WHERE source_type = %s)`, string(*f.SourceType))
	}
	order := orderBy(o, journalLineOrders, "l.id", "l.posting_date ASC, l.id ASC")
	limit, offset, err := p.Window()
	if err != nil {
		return nil, err
	}
	var total int
	if err := s.db.GetContext(ctx, &total, `SELECT count(*) FROM journal_lines l`+w.sql(), w.args...); err != nil {
		return nil, err
	}
	var rows *jxc.Page[ledgerLineRow]
	if strings.Contains(order, "e.") {
		rows, err = pageOf[ledgerLineRow](ctx, s.db, limit, offset, total, journalLineListCols,
			"journal_lines l JOIN journal_entries e ON e.id = l.entry_id", &w, order)
	} else {
		// The page is cut from the lines alone, then joined: an offset deep
		// into a year otherwise joins every line it skips.
		rows = &jxc.Page[ledgerLineRow]{Offset: offset, TotalCount: total, Items: []ledgerLineRow{}}
		if limit > 0 && offset < total {
			args := append(append([]any{}, w.args...), limit, offset)
			q := fmt.Sprintf(`SELECT %s FROM (SELECT * FROM journal_lines l%s ORDER BY %s LIMIT $%d OFFSET $%d) l
				JOIN journal_entries e ON e.id = l.entry_id ORDER BY %s`, journalLineListCols, w.sql(), order, len(args)-1, len(args), order)
			err = s.db.SelectContext(ctx, &rows.Items, q, args...)
		}
	}
	if err != nil {
		return nil, err
	}
	out := &jxc.Page[*jxc.LedgerLine]{Offset: rows.Offset, TotalCount: rows.TotalCount, Items: make([]*jxc.LedgerLine, len(rows.Items))}
	codes, pids := []string{}, []int64{}
	for i, r := range rows.Items {
		out.Items[i] = &jxc.LedgerLine{JournalLine: r.JournalLine, Entry: &jxc.LedgerLineEntry{ID: r.EntryID, VoucherNo: r.VoucherNo,
			PostingDate: r.PostingDate, Description: r.EntryDescription, SourceType: r.SourceType}}
		codes = append(codes, r.AccountCode)
		if r.ProductID != nil {
			pids = append(pids, *r.ProductID)
		}
	}
	if len(out.Items) == 0 {
		return out, nil
	}
	var accts []*jxc.Account
	if err := s.db.SelectContext(ctx, &accts, `SELECT `+accountCols+` FROM accounts WHERE code = ANY($1)`, pq.Array(codes)); err != nil {
		return nil, err
	}
	byCode := map[string]*jxc.Account{}
	for _, a := range accts {
		byCode[a.Code] = a
	}
	products, err := productsByID(ctx, s.db, pids)
	if err != nil {
		return nil, err
	}
	for _, l := range out.Items {
		l.Account = byCode[l.AccountCode]
		if l.ProductID != nil {
			l.Product = products[*l.ProductID]
		}
	}
	return out, nil
}
