-- Per-day totals were one row per account and day (and one per day for the
-- sales KPIs): every posting of a day waited on the same rows, so writes
-- queued behind each other. Each backend now adds to one of eight stripes
-- of a day's row; readers already sum, so they read eight small rows
-- instead of one, still a cost of days, not of documents.
ALTER TABLE account_daily ADD COLUMN stripe smallint NOT NULL DEFAULT 0 CHECK (stripe BETWEEN 0 AND 7);
ALTER TABLE account_daily DROP CONSTRAINT account_daily_pkey;
ALTER TABLE account_daily ADD PRIMARY KEY (account_code, day, stripe);

ALTER TABLE sales_kpi_daily ADD COLUMN stripe smallint NOT NULL DEFAULT 0 CHECK (stripe BETWEEN 0 AND 7);
ALTER TABLE sales_kpi_daily DROP CONSTRAINT sales_kpi_daily_pkey;
ALTER TABLE sales_kpi_daily ADD PRIMARY KEY (day, stripe);

CREATE OR REPLACE FUNCTION sales_kpi_add(d date, u numeric, r int, s int, due int, ontime int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO sales_kpi_daily AS k (day, stripe, units, rated, satisfied, lines_due, lines_on_time)
    VALUES (d, (pg_backend_pid() % 8)::smallint, u, r, s, due, ontime)
    ON CONFLICT (day, stripe) DO UPDATE SET units = k.units + excluded.units, rated = k.rated + excluded.rated,
        satisfied = k.satisfied + excluded.satisfied, lines_due = k.lines_due + excluded.lines_due,
        lines_on_time = k.lines_on_time + excluded.lines_on_time;
$$;
