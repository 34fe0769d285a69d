package db

import (
	"context"
	"strings"

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
		for _, f := range []struct {
			table, cond string
			keys, sums  []string
		}{
			{"account_daily", "day < $1", []string{"account_code", "day"}, []string{"debit", "credit", "entries"}},
			{"account_monthly", "month < date_trunc('month', $1::date)", []string{"account_code", "month"}, []string{"debit", "credit", "weighted"}},
			{"sales_kpi_daily", "day < $1", []string{"day"}, []string{"units", "rated", "satisfied", "lines_due", "lines_on_time"}},
		} {
			if _, err := tx.ExecContext(ctx, foldSQL(f.table, f.cond, f.keys, f.sums), before); err != nil {
				return err
			}
		}
		return nil
	})
}

// foldSQL deletes a table's stripes above 0 where cond holds and adds
// their sums to stripe 0, in one statement. Rows are locked in key order,
// the order postings lock them in.
func foldSQL(table, cond string, keys, sums []string) string {
	k := strings.Join(keys, ", ")
	var join, sumCols, added []string
	for _, c := range keys {
		join = append(join, "d."+c+" = x."+c)
	}
	for _, c := range sums {
		sumCols = append(sumCols, "sum("+c+")")
		added = append(added, c+" = a."+c+" + excluded."+c)
	}
	return `WITH gone AS (
			DELETE FROM ` + table + ` d USING (SELECT ` + k + `, stripe FROM ` + table + ` WHERE ` + cond + ` AND stripe > 0
				ORDER BY ` + k + `, stripe FOR UPDATE) x
			WHERE ` + strings.Join(join, " AND ") + ` AND d.stripe = x.stripe
			RETURNING d.*
		)
		INSERT INTO ` + table + ` AS a (` + k + `, stripe, ` + strings.Join(sums, ", ") + `)
		SELECT ` + k + `, 0, ` + strings.Join(sumCols, ", ") + ` FROM gone GROUP BY ` + k + ` ORDER BY ` + k + `
		ON CONFLICT (` + k + `, stripe) DO UPDATE SET ` + strings.Join(added, ", ")
}
