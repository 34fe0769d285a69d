-- The month-end summary, computed from the ledger in the transaction that
-- closes the period, so it states the books exactly as closed.
CREATE TABLE period_summaries (
    year        int NOT NULL,
    month       int NOT NULL,
    kpis        jsonb NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (year, month),
    FOREIGN KEY (year, month) REFERENCES fiscal_periods (year, month)
);
