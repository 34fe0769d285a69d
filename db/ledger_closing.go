package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// Closing vouchers (结转损益) and the review step (审核). closePeriodBooks
// runs in CloseFiscalPeriod's transaction for each month it closes, after
// the posting window and the period rows are locked and before the month's
// status changes; reopenPeriodBooks runs in ReopenFiscalPeriod's for each
// month it reopens, after its status is OPEN again. Both post through the
// engine, so the voucher counter is their last lock, month by month in
// ascending order.

// closePeriodBooks refuses the close while (with the review step on) a
// voucher of the month is not reviewed, then posts the month's closing
// vouchers and records the mode the month closed under.
func closePeriodBooks(ctx context.Context, tx *Tx, set *jxc.CompanySettings, p *jxc.FiscalPeriod) error {
	if set.VoucherReview {
		if err := checkPeriodReviewed(ctx, tx, p); err != nil {
			return err
		}
	}
	mode := set.ProfitCarryForward
	if !mode.Valid() {
		mode = jxc.CarryMonthly
	}
	if mode.CarriesIn(p.Month) {
		if err := carryProfitAndLoss(ctx, tx, p); err != nil {
			return err
		}
	}
	if p.Month == 12 {
		if err := carryYearProfit(ctx, tx, p); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE fiscal_periods SET carried_forward = $3, closed_with_review = $4 WHERE year = $1 AND month = $2`,
		p.Year, p.Month, mode, set.VoucherReview)
	return err
}

// unreviewedShown is how many voucher numbers a refusal names.
const unreviewedShown = 5

func checkPeriodReviewed(ctx context.Context, tx *Tx, p *jxc.FiscalPeriod) error {
	var nos []string
	if err := tx.SelectContext(ctx, &nos, `SELECT e.voucher_no FROM journal_entries e
		WHERE e.posting_date BETWEEN $1 AND $2 AND e.source_type <> 'CLOSING'
		  AND NOT EXISTS (SELECT 1 FROM voucher_reviews v WHERE v.entry_id = e.id)
		ORDER BY e.voucher_seq`, p.StartDate(), p.EndDate()); err != nil {
		return err
	}
	if len(nos) == 0 {
		return nil
	}
	shown := nos[:min(len(nos), unreviewedShown)]
	list := strings.Join(shown, ", ")
	if len(nos) > len(shown) {
		list += ", …"
	}
	return jxc.FieldErrorf(jxc.ECONFLICT, "input.month", "{count} vouchers of {period} are not reviewed ({vouchers}); review them before closing the period",
		jxc.P{"count": len(nos), "period": jxc.PeriodLabel(p.Year, p.Month), "vouchers": list})
}

// carryProfitAndLoss posts the voucher that brings every income and expense
// account's balance for the year up to the month's end to zero against
// 3103. In monthly mode the earlier months are carried already, so that is
// the month's own income and expense.
func carryProfitAndLoss(ctx context.Context, tx *Tx, p *jxc.FiscalPeriod) error {
	var amounts []jxc.AccountAmount
	if err := tx.SelectContext(ctx, &amounts, `SELECT m.account_code, sum(m.debit) - sum(m.credit) AS net
		FROM account_monthly m JOIN accounts a ON a.code = m.account_code
		WHERE a.type IN ('REVENUE', 'EXPENSE') AND m.month BETWEEN $1 AND $2
		GROUP BY m.account_code HAVING sum(m.debit) <> sum(m.credit) ORDER BY m.account_code`,
		jxc.Date{Year: p.Year, Month: 1, Day: 1}, p.StartDate()); err != nil {
		return err
	}
	desc := jxc.T(jxc.ClosingProfitText, jxc.P{"period": jxc.PeriodLabel(p.Year, p.Month)})
	return postClosing(ctx, tx, p, jxc.CarryForwardLines(amounts, jxc.AccountCurrentYearProfit, desc), desc)
}

// carryYearProfit posts, at year end, the voucher that moves 3103's balance
// to 利润分配-未分配利润 (3104).
func carryYearProfit(ctx context.Context, tx *Tx, p *jxc.FiscalPeriod) error {
	var amounts []jxc.AccountAmount
	if err := tx.SelectContext(ctx, &amounts, `SELECT account_code, sum(debit) - sum(credit) AS net FROM account_monthly
		WHERE account_code = $1 AND month <= $2 GROUP BY account_code HAVING sum(debit) <> sum(credit)`,
		jxc.AccountCurrentYearProfit, p.StartDate()); err != nil {
		return err
	}
	desc := jxc.T(jxc.ClosingYearText, jxc.P{"year": p.Year})
	return postClosing(ctx, tx, p, jxc.CarryForwardLines(amounts, jxc.AccountRetainedEarnings, desc), desc)
}

func postClosing(ctx context.Context, tx *Tx, p *jxc.FiscalPeriod, lines []*jxc.JournalLine, desc jxc.Text) error {
	if len(lines) < 2 {
		return nil // nothing to carry
	}
	pd, err := post(ctx, tx, &jxc.ClosingEntry{Date: p.EndDate(), Description: desc, Lines: lines}, nil)
	if err != nil {
		return err
	}
	tx.Audit(jxc.RecordJournalEntry, *pd.EntryID, pd.VoucherNo, jxc.AuditPost)
	return nil
}

// reopenPeriodBooks reverses the month's closing vouchers (the latest
// first), dated on the month's last day, so that the month's income and
// expense stand uncarried again and a new close carries what is there then.
func reopenPeriodBooks(ctx context.Context, tx *Tx, p *jxc.FiscalPeriod) error {
	var ids []int64
	if err := tx.SelectContext(ctx, &ids, `SELECT e.id FROM journal_entries e
		WHERE e.source_type = 'CLOSING' AND e.reverses_id IS NULL AND e.posting_date BETWEEN $1 AND $2
		  AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_id = e.id)
		ORDER BY e.id DESC`, p.StartDate(), p.EndDate()); err != nil {
		return err
	}
	label := jxc.PeriodLabel(p.Year, p.Month)
	for _, id := range ids {
		orig, err := findEntry(ctx, tx, id)
		if err != nil {
			return err
		}
		desc := jxc.T(jxc.ClosingReversalText, jxc.P{"voucher": orig.VoucherNo, "period": label})
		pd, err := post(ctx, tx, &jxc.ClosingEntry{Date: p.EndDate(), Description: desc, Lines: jxc.MirrorLines(orig.Lines), ReversesID: &orig.ID}, &orig.ID)
		if err != nil {
			return err
		}
		tx.Audit(jxc.RecordJournalEntry, *pd.EntryID, pd.VoucherNo, jxc.AuditPost)
		tx.Audit(jxc.RecordJournalEntry, orig.ID, orig.VoucherNo, jxc.AuditReverse)
	}
	_, err := tx.ExecContext(ctx, `UPDATE fiscal_periods SET carried_forward = NULL, closed_with_review = false WHERE year = $1 AND month = $2`,
		p.Year, p.Month)
	return err
}

// ReviewVouchers implements jxc.VoucherReviewService. Lock order: the
// posting window (shared), the periods of the vouchers (shared, ascending),
// then the vouchers' review rows; a close takes the window exclusively, so
// it never sees a review half made.
func (s *LedgerService) ReviewVouchers(ctx context.Context, ids []int64) ([]*jxc.JournalEntry, error) {
	return s.changeReviews(ctx, "reviewVouchers", ids, true)
}

// UnreviewVouchers implements jxc.VoucherReviewService.
func (s *LedgerService) UnreviewVouchers(ctx context.Context, ids []int64) ([]*jxc.JournalEntry, error) {
	return s.changeReviews(ctx, "unreviewVouchers", ids, false)
}

func (s *LedgerService) changeReviews(ctx context.Context, op string, ids []int64, review bool) ([]*jxc.JournalEntry, error) {
	if err := jxc.ValidateVoucherIDs(ids); err != nil {
		return nil, err
	}
	var out []*jxc.JournalEntry
	_, err := s.db.Write(ctx, jxc.Op{Name: op}, func(tx *Tx) error {
		if _, err := loadPostingWindowSettings(ctx, tx, true); err != nil {
			return err
		}
		var entries []*jxc.JournalEntry
		if err := tx.SelectContext(ctx, &entries, `SELECT `+entryCols+` FROM journal_entries e WHERE e.id = ANY($1)`, pq.Array(ids)); err != nil {
			return err
		}
		byID := map[int64]*jxc.JournalEntry{}
		for _, e := range entries {
			byID[e.ID] = e
		}
		var periods []struct {
			Year   int    `db:"year"`
			Month  int    `db:"month"`
			Status string `db:"status"`
		}
		if err := tx.SelectContext(ctx, &periods, `SELECT year, month, status FROM fiscal_periods
			WHERE (year, month) IN (SELECT extract(year FROM posting_date)::int, extract(month FROM posting_date)::int FROM journal_entries WHERE id = ANY($1))
			ORDER BY year, month FOR SHARE`, pq.Array(ids)); err != nil {
			return err
		}
		closed := map[string]bool{}
		for _, p := range periods {
			closed[periodKey(p.Year, p.Month)] = p.Status == string(jxc.PeriodClosed)
		}
		u := jxc.UserFromContext(ctx)
		var es jxc.Errors
		for i, id := range ids {
			f := fmt.Sprintf("input.ids.%d", i)
			e := byID[id]
			switch {
			case e == nil:
				es.Add(jxc.ENOTFOUND, f, "no such voucher")
			case review && e.ReviewedAt != nil:
				es.Add(jxc.ECONFLICT, f, "voucher {voucher} is already reviewed", jxc.P{"voucher": e.VoucherNo})
			case !review && e.ReviewedAt == nil:
				es.Add(jxc.ECONFLICT, f, "voucher {voucher} is not reviewed", jxc.P{"voucher": e.VoucherNo})
			case !review && closed[periodKey(e.PostingDate.Year, int(e.PostingDate.Month))]:
				es.Add(jxc.EPERIODCLOSED, f, "voucher {voucher} lies in the closed period {period}; reopen the period to take its review back",
					jxc.P{"voucher": e.VoucherNo, "period": jxc.PeriodLabel(e.PostingDate.Year, int(e.PostingDate.Month))})
			case review:
				if err := jxc.CheckVoucherReview(u, f, e.VoucherNo, e.CreatedByID); err != nil {
					es = append(es, err)
				}
			}
		}
		if err := es.Err(); err != nil {
			return err
		}
		var err error
		if review {
			_, err = tx.ExecContext(ctx, `INSERT INTO voucher_reviews (entry_id, reviewed_by, reviewed_at) SELECT unnest($1::bigint[]), $2, $3`,
				pq.Array(ids), userID(ctx), tx.Now)
		} else {
			_, err = tx.ExecContext(ctx, `DELETE FROM voucher_reviews WHERE entry_id = ANY($1)`, pq.Array(ids))
		}
		if err != nil {
			return domainError(err, "input.ids")
		}
		action := map[bool]string{true: jxc.AuditReview, false: jxc.AuditUnreview}[review]
		for _, id := range ids {
			tx.Produced(jxc.RecordJournalEntry, id, byID[id].VoucherNo, action)
		}
		if err := tx.SelectContext(ctx, &out, `SELECT `+entryCols+` FROM journal_entries e WHERE e.id = ANY($1) ORDER BY e.posting_date, e.voucher_seq`, pq.Array(ids)); err != nil {
			return err
		}
		return fillEntries(ctx, tx, out)
	})
	return out, err
}

// withoutClosing takes the closing vouchers dated from..to (and their
// reversals) out of accounts' totals: an income statement shows the
// period's income and expense as earned and spent, not as carried to 3103.
func withoutClosing(ctx context.Context, q Queryer, accounts []*jxc.Account, from, to jxc.Date) error {
	var fromArg any
	if !from.IsZero() {
		fromArg = from
	}
	var rows []struct {
		Code   string          `db:"account_code"`
		Debit  decimal.Decimal `db:"debit"`
		Credit decimal.Decimal `db:"credit"`
	}
	if err := q.SelectContext(ctx, &rows, `SELECT l.account_code, sum(l.debit) AS debit, sum(l.credit) AS credit
		FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
		WHERE e.source_type = 'CLOSING' AND ($1::date IS NULL OR e.posting_date >= $1) AND e.posting_date <= $2
		GROUP BY l.account_code`, fromArg, to); err != nil {
		return err
	}
	byCode := map[string]*jxc.Account{}
	for _, a := range accounts {
		byCode[a.Code] = a
	}
	for _, r := range rows {
		if a := byCode[r.Code]; a != nil {
			a.Debit, a.Credit = a.Debit.Sub(r.Debit), a.Credit.Sub(r.Credit)
		}
	}
	return nil
}
