package db

import (
	"context"

	"github.com/jxcgraph/jxc"
)

// CompactTotals folds the striped rows of the per-day and per-month
// totals into stripe 0: the days before `before` and the months before
// its month. Stripes (0041) only spread the writes of the days being
// posted now; once a day is past, its up to eight rows per account would
// cost every later reader eight times the reading. Sums are unchanged, so
// it is safe at any time and idempotent; the event sequencer's leader runs
// it every minute (one replica), and a back-dated posting that lands on a
// folded day is folded again next time.
func (db *DB) CompactTotals(ctx context.Context, before jxc.Date) error {
	return db.WithTx(ctx, func(tx *Tx) error {
		// Rows are locked in key order, the order postings lock them in.
		for _, q := range []string{`WITH gone AS (
				DELETE FROM account_daily d USING (
					SELECT account_code, day, stripe FROM account_daily WHERE day < $1 AND stripe > 0
					ORDER BY account_code, day, stripe FOR UPDATE) x
				WHERE d.account_code = x.account_code AND d.day = x.day AND d.stripe = x.stripe
				RETURNING d.account_code, d.day, d.debit, d.credit, d.entries
			)
			INSERT INTO account_daily AS a (account_code, day, stripe, debit, credit, entries)
			SELECT account_code, day, 0, sum(debit), sum(credit), sum(entries) FROM gone GROUP BY account_code, day ORDER BY account_code, day
			ON CONFLICT (account_code, day, stripe) DO UPDATE SET debit = a.debit + excluded.debit, credit = a.credit + excluded.credit,
				entries = a.entries + excluded.entries`,
			`WITH gone AS (
				DELETE FROM account_monthly m USING (
					SELECT account_code, month, stripe FROM account_monthly WHERE month < date_trunc('month', $1::date) AND stripe > 0
					ORDER BY account_code, month, stripe FOR UPDATE) x
				WHERE m.account_code = x.account_code AND m.month = x.month AND m.stripe = x.stripe
				RETURNING m.account_code, m.month, m.debit, m.credit, m.weighted
			)
			INSERT INTO account_monthly AS a (account_code, month, stripe, debit, credit, weighted)
			SELECT account_code, month, 0, sum(debit), sum(credit), sum(weighted) FROM gone GROUP BY account_code, month ORDER BY account_code, month
			ON CONFLICT (account_code, month, stripe) DO UPDATE SET debit = a.debit + excluded.debit, credit = a.credit + excluded.credit,
				weighted = a.weighted + excluded.weighted`,
			`WITH gone AS (
				DELETE FROM sales_kpi_daily k USING (
					SELECT day, stripe FROM sales_kpi_daily WHERE day < $1 AND stripe > 0 ORDER BY day, stripe FOR UPDATE) x
				WHERE k.day = x.day AND k.stripe = x.stripe
				RETURNING k.day, k.units, k.rated, k.satisfied, k.lines_due, k.lines_on_time
			)
			INSERT INTO sales_kpi_daily AS k (day, stripe, units, rated, satisfied, lines_due, lines_on_time)
			SELECT day, 0, sum(units), sum(rated), sum(satisfied), sum(lines_due), sum(lines_on_time) FROM gone GROUP BY day ORDER BY day
			ON CONFLICT (day, stripe) DO UPDATE SET units = k.units + excluded.units, rated = k.rated + excluded.rated,
				satisfied = k.satisfied + excluded.satisfied, lines_due = k.lines_due + excluded.lines_due,
				lines_on_time = k.lines_on_time + excluded.lines_on_time`,
		} {
			if _, err := tx.ExecContext(ctx, q, before); err != nil {
				return err
			}
		}
		return nil
	})
}
