-- Books that keep their dates: every event on its own business date, a
-- posting window, and periods that close in order and lock what is behind
-- them.

-- A delivery is dated by the day the customer received it, which may be
-- earlier than the moment it was recorded (a history entered later); the
-- satisfaction KPI counts a rating on that day. Deliveries recorded before
-- this migration take the company-time day of their clock time (UTC+8, as
-- the KPI trigger did). The rule "not before the shipment" holds for new
-- deliveries; older rows are left as they were recorded.
ALTER TABLE shipments ADD COLUMN delivered_on date;
UPDATE shipments SET delivered_on = ((delivered_at AT TIME ZONE 'UTC') + interval '8 hours')::date WHERE delivered_at IS NOT NULL;
ALTER TABLE shipments ADD CONSTRAINT shipments_delivered_after_shipping
    CHECK (delivered_on IS NULL OR posting_date IS NULL OR delivered_on >= posting_date) NOT VALID;

CREATE OR REPLACE FUNCTION sales_kpi_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.rating IS NULL AND NEW.rating IS NOT NULL THEN
        PERFORM sales_kpi_add(coalesce(NEW.delivered_on, ((coalesce(NEW.delivered_at, now()) AT TIME ZONE 'UTC') + interval '8 hours')::date),
            0, 1, CASE WHEN NEW.rating >= 4 THEN 1 ELSE 0 END, 0, 0);
    END IF;
    RETURN NULL;
END $$;

-- The posting window, one row: postings are refused after the end of the
-- month horizon_months after today, and outside first_year..last_year.
-- This is the ledger's own setting (not a general company settings table)
-- so it stands on its own. A database holding books from before 2000
-- keeps them postable by starting at their first year.
CREATE TABLE posting_window (
    one            boolean PRIMARY KEY DEFAULT true CHECK (one),
    horizon_months integer NOT NULL DEFAULT 1 CHECK (horizon_months BETWEEN 0 AND 24),
    first_year     integer NOT NULL DEFAULT 2000 CHECK (first_year >= 1900),
    last_year      integer NOT NULL DEFAULT 2099 CHECK (last_year <= 9998),
    CHECK (first_year <= last_year)
);
INSERT INTO posting_window (first_year, last_year)
SELECT least(2000, coalesce(min(extract(year FROM posting_date))::int, 2000)),
       greatest(2099, least(9998, coalesce(max(extract(year FROM posting_date))::int, 2099)))
FROM journal_entries;

-- Reopening a closed period states why; the reason, who and when stay on
-- the period (and in the audit trail's after row).
ALTER TABLE fiscal_periods ADD COLUMN reopened_at timestamptz;
ALTER TABLE fiscal_periods ADD COLUMN reopened_by bigint REFERENCES users(id);
ALTER TABLE fiscal_periods ADD COLUMN reopen_reason text NOT NULL DEFAULT '' CHECK (length(reopen_reason) <= 500);

-- The month-end summary states the books as closed; once its period is
-- reopened it may no longer, until the period closes again.
ALTER TABLE period_summaries ADD COLUMN stale boolean NOT NULL DEFAULT false;
