package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jxcgraph/jxc"
)

// KPIService implements jxc.KPIService on the daily account balances.
type KPIService struct{ db *DB }

// NewKPIService returns the KPI service on db.
func NewKPIService(db *DB) *KPIService { return &KPIService{db: db} }

var _ jxc.KPIService = (*KPIService)(nil)

// Report implements jxc.KPIService. Both periods are read in one
// snapshot, so they agree with each other.
func (s *KPIService) Report(ctx context.Context, from, to jxc.Date, compareFrom, compareTo *jxc.Date) (*jxc.KPIReport, error) {
	var es jxc.Errors
	if err := jxc.ValidatePeriodRange(from, to, "from", "to"); err != nil {
		e, _ := jxc.AsErrors(err)
		es = append(es, e...)
	}
	if (compareFrom == nil) != (compareTo == nil) {
		es.Add(jxc.EINVALID, "compareTo", "give both compareFrom and compareTo, or neither")
	} else if compareFrom != nil {
		if err := jxc.ValidatePeriodRange(*compareFrom, *compareTo, "compareFrom", "compareTo"); err != nil {
			e, _ := jxc.AsErrors(err)
			es = append(es, e...)
		}
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	out := &jxc.KPIReport{}
	err := s.db.WithReadTx(ctx, func(tx *Tx) error {
		f, err := ledgerFigures(ctx, tx, from, to)
		if err != nil {
			return err
		}
		k := jxc.ComputeKPIs(*f)
		out.Current = &k
		if compareFrom == nil {
			return nil
		}
		f, err = ledgerFigures(ctx, tx, *compareFrom, *compareTo)
		if err != nil {
			return err
		}
		c := jxc.ComputeKPIs(*f)
		out.Comparison = &c
		out.SalesGrowth = jxc.Growth(k.Sales, c.Sales)
		return nil
	})
	return out, err
}

// ledgerFigures reads a period's totals and daily-average balances. The
// mean of the daily closing balances over N days is the opening balance
// plus each day's change weighted by the days it stays in the period, so
// one pass over the per-day rows (never the journal lines) suffices.
func ledgerFigures(ctx context.Context, q Queryer, from, to jxc.Date) (*jxc.LedgerFigures, error) {
	var r struct {
		Revenue   decimal.Decimal `db:"revenue"`
		COGS      decimal.Decimal `db:"cogs"`
		NetIncome decimal.Decimal `db:"net_income"`
		InvOpen   decimal.Decimal `db:"inv_open"`
		InvWeight decimal.Decimal `db:"inv_weight"`
		AROpen    decimal.Decimal `db:"ar_open"`
		ARWeight  decimal.Decimal `db:"ar_weight"`
		APOpen    decimal.Decimal `db:"ap_open"`
		APWeight  decimal.Decimal `db:"ap_weight"`
	}
	err := q.GetContext(ctx, &r, `
		WITH rows AS (
			SELECT d.day, d.debit - d.credit AS net, a.type,
				CASE WHEN d.account_code = $3 OR d.account_code LIKE $3 || '.%' THEN 'inv'
				     WHEN d.account_code = $4 OR d.account_code LIKE $4 || '.%' THEN 'ar'
				     WHEN d.account_code = $5 OR d.account_code LIKE $5 || '.%' THEN 'ap'
				     WHEN d.account_code = $6 OR d.account_code LIKE $6 || '.%' THEN 'rev'
				     WHEN d.account_code = $7 OR d.account_code LIKE $7 || '.%' THEN 'cogs' END AS k,
				($2::date - d.day) + 1 AS weight
			FROM account_daily d JOIN accounts a ON a.code = d.account_code
			WHERE d.day <= $2
		)
		SELECT
			coalesce(-sum(net) FILTER (WHERE k = 'rev' AND day >= $1), 0) AS revenue,
			coalesce(sum(net) FILTER (WHERE k = 'cogs' AND day >= $1), 0) AS cogs,
			coalesce(-sum(net) FILTER (WHERE type IN ('REVENUE', 'EXPENSE') AND day >= $1), 0) AS net_income,
			coalesce(sum(net) FILTER (WHERE k = 'inv' AND day < $1), 0) AS inv_open,
			coalesce(sum(net * weight) FILTER (WHERE k = 'inv' AND day >= $1), 0) AS inv_weight,
			coalesce(sum(net) FILTER (WHERE k = 'ar' AND day < $1), 0) AS ar_open,
			coalesce(sum(net * weight) FILTER (WHERE k = 'ar' AND day >= $1), 0) AS ar_weight,
			coalesce(-sum(net) FILTER (WHERE k = 'ap' AND day < $1), 0) AS ap_open,
			coalesce(-sum(net * weight) FILTER (WHERE k = 'ap' AND day >= $1), 0) AS ap_weight
		FROM rows`,
		from, to, jxc.AccountInventory, jxc.AccountReceivable, jxc.AccountPayable, jxc.AccountRevenue, jxc.AccountCOGS)
	if err != nil {
		return nil, err
	}
	f := &jxc.LedgerFigures{From: from, To: to, Revenue: r.Revenue, COGS: r.COGS, NetIncome: r.NetIncome}
	n := decimal.NewFromInt(int64(f.Days()))
	avg := func(open, weighted decimal.Decimal) decimal.Decimal {
		return open.Add(jxc.DivRound(weighted, n, jxc.MoneyPlaces))
	}
	f.AvgInventory = avg(r.InvOpen, r.InvWeight)
	f.AvgAR = avg(r.AROpen, r.ARWeight)
	f.AvgAP = avg(r.APOpen, r.APWeight)

	// The sales side, from its per-day table: units, deliveries rated in the
	// period (company time), order lines promised in the period.
	var s struct {
		Units     decimal.Decimal `db:"units"`
		Rated     int             `db:"rated"`
		Satisfied int             `db:"satisfied"`
		Due       int             `db:"due"`
		OnTime    int             `db:"on_time"`
	}
	err = q.GetContext(ctx, &s, `SELECT coalesce(sum(units), 0) AS units, coalesce(sum(rated), 0) AS rated,
		coalesce(sum(satisfied), 0) AS satisfied, coalesce(sum(lines_due), 0) AS due, coalesce(sum(lines_on_time), 0) AS on_time
		FROM sales_kpi_daily WHERE day BETWEEN $1 AND $2`,
		from, to)
	if err != nil {
		return nil, err
	}
	f.UnitsSold, f.RatedDeliveries, f.SatisfiedDeliveries, f.LinesDue, f.LinesOnTime = s.Units, s.Rated, s.Satisfied, s.Due, s.OnTime
	return f, nil
}

// storePeriodSummary computes and stores the month-end summary in the
// transaction that closes the period.
func storePeriodSummary(ctx context.Context, tx *Tx, year, month int) error {
	from := jxc.Date{Year: year, Month: time.Month(month), Day: 1}
	to := from.AddDays(32)
	to = jxc.Date{Year: to.Year, Month: to.Month, Day: 1}.AddDays(-1)
	f, err := ledgerFigures(ctx, tx, from, to)
	if err != nil {
		return err
	}
	b, err := json.Marshal(jxc.ComputeKPIs(*f))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO period_summaries (year, month, kpis, computed_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (year, month) DO UPDATE SET kpis = excluded.kpis, computed_at = excluded.computed_at`, year, month, string(b), tx.Now)
	return err
}

// PeriodSummary implements jxc.KPIService.
func (s *KPIService) PeriodSummary(ctx context.Context, year, month int) (*jxc.PeriodSummary, error) {
	var row struct {
		KPIs       []byte    `db:"kpis"`
		ComputedAt time.Time `db:"computed_at"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT kpis, computed_at FROM period_summaries WHERE year = $1 AND month = $2`, year, month)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	out := &jxc.PeriodSummary{Year: year, Month: month, ComputedAt: row.ComputedAt.UTC().Format(time.RFC3339)}
	return out, json.Unmarshal(row.KPIs, &out.KPIs)
}
