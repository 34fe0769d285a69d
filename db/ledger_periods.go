package db

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jxcgraph/jxc"
)

// Fiscal periods: months close in order behind a lock date, and reopen
// (with every later month) for a stated reason.

// FindFiscalPeriods implements jxc.LedgerService: the year's twelve months,
// open unless closed.
func (s *LedgerService) FindFiscalPeriods(ctx context.Context, year int) ([]*jxc.FiscalPeriod, error) {
	if year < 1900 || year > 9999 {
		return nil, jxc.FieldErrorf(jxc.EINVALID, "year", "year must be 1900 to 9999")
	}
	var stored []*jxc.FiscalPeriod
	if err := s.db.SelectContext(ctx, &stored, `SELECT `+periodCols+` FROM fiscal_periods WHERE year = $1`, year); err != nil {
		return nil, err
	}
	out := make([]*jxc.FiscalPeriod, 12)
	for m := 1; m <= 12; m++ {
		out[m-1] = &jxc.FiscalPeriod{Year: year, Month: m, Status: jxc.PeriodOpen}
	}
	for _, p := range stored {
		out[p.Month-1] = p
	}
	return out, nil
}

func checkPeriod(year, month int) error {
	var es jxc.Errors
	if year < 1900 || year > 9999 {
		es.Add(jxc.EINVALID, "input.year", "year must be 1900 to 9999")
	}
	if month < 1 || month > 12 {
		es.Add(jxc.EINVALID, "input.month", "month must be 1 to 12")
	}
	return es.Err()
}

func periodKey(year, month int) string { return fmt.Sprintf("%04d-%02d", year, month) }

// lockPeriodsForChange takes the posting window exclusively (every posting
// holds it shared from its date check to commit, so this waits for them
// and none slips behind the new lock date), then the period rows of the
// range in ascending order.
func lockPeriodsForChange(ctx context.Context, tx *Tx, where string, year, month int) ([]*jxc.FiscalPeriod, error) {
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM posting_window FOR UPDATE`); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fiscal_periods (year, month) VALUES ($1, $2) ON CONFLICT DO NOTHING`, year, month); err != nil {
		return nil, err
	}
	var ps []*jxc.FiscalPeriod
	err := tx.SelectContext(ctx, &ps, `SELECT `+periodCols+` FROM fiscal_periods WHERE `+where+` ORDER BY year, month FOR UPDATE`, year, month)
	return ps, err
}

// CloseFiscalPeriod implements jxc.LedgerService. Periods close in order:
// every earlier month that has a period row (it was posted into, or
// closed before) must be closed, or closeEarlier closes them too, oldest
// first, each with its month-end summary. closed_at is read from the
// database clock after the locks are taken, so every entry dated on or
// before the new lock date was created before it.
func (s *LedgerService) CloseFiscalPeriod(ctx context.Context, year, month int, closeEarlier bool) (*jxc.FiscalPeriodChange, error) {
	if err := checkPeriod(year, month); err != nil {
		return nil, err
	}
	out := &jxc.FiscalPeriodChange{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "closeFiscalPeriod"}, func(tx *Tx) error {
		ps, err := lockPeriodsForChange(ctx, tx, `(year, month) <= ($1, $2)`, year, month)
		if err != nil {
			return err
		}
		target := ps[len(ps)-1]
		if target.Status == jxc.PeriodClosed {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.month", "the period {period} is already closed", jxc.P{"period": periodKey(year, month)})
		}
		var open []string
		var toClose []*jxc.FiscalPeriod
		for _, p := range ps {
			if p.Status == jxc.PeriodOpen {
				toClose = append(toClose, p)
				if p != target {
					open = append(open, periodKey(p.Year, p.Month))
				}
			}
		}
		if len(open) > 0 && !closeEarlier {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.closeEarlier", "periods close in order: {open} before {period} still open; close them first, or close them with it (closeEarlier)",
				jxc.P{"open": strings.Join(open, ", "), "period": periodKey(year, month)})
		}
		set, err := companySettings(ctx, tx)
		if err != nil {
			return err
		}
		for _, p := range toClose {
			key := periodKey(p.Year, p.Month)
			if err := tx.Before(ctx, jxc.RecordFiscalPeriod, key); err != nil {
				return err
			}
			tx.Audit(jxc.RecordFiscalPeriod, key, key, jxc.AuditClose)
			// Review, then the closing vouchers, while the month is open.
			if err := closePeriodBooks(ctx, tx, set, p); err != nil {
				return err
			}
			c := &jxc.FiscalPeriod{}
			if err := tx.GetContext(ctx, c, `UPDATE fiscal_periods SET status = 'CLOSED', closed_at = clock_timestamp(), closed_by = $3
				WHERE year = $1 AND month = $2 RETURNING `+periodCols, p.Year, p.Month, userID(ctx)); err != nil {
				return err
			}
			// Month end: the summary of the books as closed.
			if err := storePeriodSummary(ctx, tx, p.Year, p.Month); err != nil {
				return err
			}
			out.Changed = append(out.Changed, c)
		}
		out.Period = out.Changed[len(out.Changed)-1]
		out.LockDate, err = lockDate(ctx, tx)
		return err
	})
	return out, err
}

// ReopenFiscalPeriod implements jxc.LedgerService: the month and every
// later closed month open again (the lock date moves back before it), with
// the reason kept on each period and in the audit trail; their month-end
// summaries are marked stale until they close again.
func (s *LedgerService) ReopenFiscalPeriod(ctx context.Context, year, month int, reason string) (*jxc.FiscalPeriodChange, error) {
	var es jxc.Errors
	if err := checkPeriod(year, month); err != nil {
		es, _ = jxc.AsErrors(err)
	}
	if err := jxc.ValidateReopenReason(reason); err != nil {
		more, _ := jxc.AsErrors(err)
		es = append(es, more...)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	out := &jxc.FiscalPeriodChange{}
	_, err := s.db.Write(ctx, jxc.Op{Name: "reopenFiscalPeriod"}, func(tx *Tx) error {
		ps, err := lockPeriodsForChange(ctx, tx, `(year, month) >= ($1, $2)`, year, month)
		if err != nil {
			return err
		}
		// A month with no postings of its own is locked by a later close;
		// reopening it moves the lock date back before it all the same.
		if !slices.ContainsFunc(ps, func(p *jxc.FiscalPeriod) bool { return p.Status == jxc.PeriodClosed }) {
			return jxc.FieldErrorf(jxc.ECONFLICT, "input.month", "the period {period} is already open, and no later period is closed", jxc.P{"period": periodKey(year, month)})
		}
		for _, p := range ps {
			if p.Status != jxc.PeriodClosed {
				continue
			}
			key := periodKey(p.Year, p.Month)
			if err := tx.Before(ctx, jxc.RecordFiscalPeriod, key); err != nil {
				return err
			}
			tx.Audit(jxc.RecordFiscalPeriod, key, key, jxc.AuditReopen)
			c := &jxc.FiscalPeriod{}
			if err := tx.GetContext(ctx, c, `UPDATE fiscal_periods SET status = 'OPEN', closed_at = NULL, closed_by = NULL,
				reopened_at = $3, reopened_by = $4, reopen_reason = $5
				WHERE year = $1 AND month = $2 RETURNING `+periodCols, p.Year, p.Month, tx.Now, userID(ctx), reason); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE period_summaries SET stale = true WHERE year = $1 AND month = $2`, p.Year, p.Month); err != nil {
				return err
			}
			out.Changed = append(out.Changed, c)
		}
		// Every month is open again (the lock date is back before the
		// first): their closing vouchers are reversed, oldest month first.
		for _, c := range out.Changed {
			if err := reopenPeriodBooks(ctx, tx, c); err != nil {
				return err
			}
		}
		out.Period = &jxc.FiscalPeriod{}
		if err := tx.GetContext(ctx, out.Period, `SELECT `+periodCols+` FROM fiscal_periods WHERE year = $1 AND month = $2`, year, month); err != nil {
			return err
		}
		out.LockDate, err = lockDate(ctx, tx)
		return err
	})
	return out, err
}
