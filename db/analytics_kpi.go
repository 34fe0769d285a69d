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
	// Whole months inside the period, and everything before it, come from
	// the month rows; the days of the months the period starts or ends
	// inside come from the day rows. A row's wnet is its change weighted by
	// the days it counts in the period's average: net x (to - day + 1) for
	// a day; for a month, (to - epoch + 1) x net - weighted (0044).
	fromMonth := monthStart(from)
	wholeFrom := fromMonth
	if wholeFrom != from {
		wholeFrom = nextMonth(fromMonth)
	}
	wholeEnd := monthStart(to) // whole months are [wholeFrom, wholeEnd)
	if nextMonth(wholeEnd).AddDays(-1) == to {
		wholeEnd = nextMonth(wholeEnd)
	}
	if wholeEnd.Before(wholeFrom) {
		wholeEnd = wholeFrom
	}
	err := q.GetContext(ctx, &r, `
		WITH rows AS (
			SELECT d.account_code, d.day < $1 AS before, d.debit - d.credit AS net, (d.debit - d.credit) * (($2::date - d.day) + 1) AS wnet
			FROM account_daily d
			WHERE d.day BETWEEN $8 AND $2 AND NOT (d.day >= $9 AND d.day < $10)
			UNION ALL
			SELECT m.account_code, m.month < $1, m.debit - m.credit, (m.debit - m.credit) * (($2::date - date '2000-01-01') + 1) - m.weighted
			FROM account_monthly m
			WHERE m.month < $8 OR (m.month >= $9 AND m.month < $10)
			UNION ALL
			-- Closing vouchers (and their reversals) carry income and
			-- expense to 3103: taken out again, the period shows its business.
			SELECT l.account_code, false, l.credit - l.debit, 0
			FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
			WHERE e.source_type = 'CLOSING' AND e.posting_date BETWEEN $1 AND $2
		), classed AS (
			SELECT r.before, r.net, r.wnet, a.type,
				CASE WHEN r.account_code = $3 OR r.account_code LIKE $3 || '.%' THEN 'inv'
				     WHEN r.account_code = $4 OR r.account_code LIKE $4 || '.%' THEN 'ar'
				     WHEN r.account_code = $5 OR r.account_code LIKE $5 || '.%' THEN 'ap'
				     WHEN r.account_code = $6 OR r.account_code LIKE $6 || '.%' THEN 'rev'
				     WHEN r.account_code = $7 OR r.account_code LIKE $7 || '.%' THEN 'cogs' END AS k
			FROM rows r JOIN accounts a ON a.code = r.account_code
		)
		SELECT
			coalesce(-sum(net) FILTER (WHERE k = 'rev' AND NOT before), 0) AS revenue,
			coalesce(sum(net) FILTER (WHERE k = 'cogs' AND NOT before), 0) AS cogs,
			coalesce(-sum(net) FILTER (WHERE type IN ('REVENUE', 'EXPENSE') AND NOT before), 0) AS net_income,
			coalesce(sum(net) FILTER (WHERE k = 'inv' AND before), 0) AS inv_open,
			coalesce(sum(wnet) FILTER (WHERE k = 'inv' AND NOT before), 0) AS inv_weight,
			coalesce(sum(net) FILTER (WHERE k = 'ar' AND before), 0) AS ar_open,
			coalesce(sum(wnet) FILTER (WHERE k = 'ar' AND NOT before), 0) AS ar_weight,
			coalesce(-sum(net) FILTER (WHERE k = 'ap' AND before), 0) AS ap_open,
			coalesce(-sum(wnet) FILTER (WHERE k = 'ap' AND NOT before), 0) AS ap_weight
		FROM classed`,
		from, to, jxc.AccountInventory, jxc.AccountReceivable, jxc.AccountPayable, jxc.AccountRevenue, jxc.AccountCOGS,
		fromMonth, wholeFrom, wholeEnd)
	if err != nil {
		return nil, err
	}
	f := &jxc.LedgerFigures{From: from, To: to, Revenue: r.Revenue, COGS: r.COGS, NetIncome: r.NetIncome}
	// The sum of the daily closing balances: the opening balance on each
	// day plus each change for the days it stays (never a rounded mean).
	n := decimal.NewFromInt(int64(f.Days()))
	f.InventoryDays = r.InvOpen.Mul(n).Add(r.InvWeight)
	f.ARDays = r.AROpen.Mul(n).Add(r.ARWeight)
	f.APDays = r.APOpen.Mul(n).Add(r.APWeight)
	return f, addSalesFigures(ctx, q, f)
}

// addSalesFigures adds the sales side, from its per-day table: units,
// deliveries rated in the period (company time), order lines promised in
// the period.
func addSalesFigures(ctx context.Context, q Queryer, f *jxc.LedgerFigures) error {
	var s struct {
		Units     decimal.Decimal `db:"units"`
		Rated     int             `db:"rated"`
		Satisfied int             `db:"satisfied"`
		Due       int             `db:"due"`
		OnTime    int             `db:"on_time"`
	}
	err := q.GetContext(ctx, &s, `SELECT coalesce(sum(units), 0) AS units, coalesce(sum(rated), 0) AS rated,
		coalesce(sum(satisfied), 0) AS satisfied, coalesce(sum(lines_due), 0) AS due, coalesce(sum(lines_on_time), 0) AS on_time
		FROM sales_kpi_daily WHERE day BETWEEN $1 AND $2`,
		f.From, f.To)
	if err != nil {
		return err
	}
	f.UnitsSold, f.RatedDeliveries, f.SatisfiedDeliveries, f.LinesDue, f.LinesOnTime = s.Units, s.Rated, s.Satisfied, s.Due, s.OnTime
	return nil
}

func monthStart(d jxc.Date) jxc.Date { return jxc.Date{Year: d.Year, Month: d.Month, Day: 1} }

// nextMonth is the first day of the month after the one m starts.
func nextMonth(m jxc.Date) jxc.Date {
	if m.Month == time.December {
		return jxc.Date{Year: m.Year + 1, Month: time.January, Day: 1}
	}
	return jxc.Date{Year: m.Year, Month: m.Month + 1, Day: 1}
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
		ON CONFLICT (year, month) DO UPDATE SET kpis = excluded.kpis, computed_at = excluded.computed_at, stale = false`, year, month, string(b), tx.Now)
	return err
}

// PeriodSummary implements jxc.KPIService.
func (s *KPIService) PeriodSummary(ctx context.Context, year, month int) (*jxc.PeriodSummary, error) {
	var row struct {
		KPIs       []byte    `db:"kpis"`
		ComputedAt time.Time `db:"computed_at"`
		Stale      bool      `db:"stale"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT kpis, computed_at, stale FROM period_summaries WHERE year = $1 AND month = $2`, year, month)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	out := &jxc.PeriodSummary{Year: year, Month: month, ComputedAt: row.ComputedAt.UTC().Format(time.RFC3339), Stale: row.Stale}
	return out, json.Unmarshal(row.KPIs, &out.KPIs)
}
