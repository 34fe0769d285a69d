-- Per-month totals beside the per-day ones, written by the same statement.
-- A period's KPIs read its whole months here and only the days of the
-- months it starts or ends inside from account_daily, so a year's KPIs
-- read about a dozen rows per account whatever the history. weighted is
-- the sum of (debit - credit) x the day's number (days since 2000-01-01):
-- with it, an average balance over whole months needs no per-day rows.
CREATE TABLE account_monthly (
    account_code text NOT NULL REFERENCES accounts(code),
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    stripe       smallint NOT NULL DEFAULT 0 CHECK (stripe BETWEEN 0 AND 7),
    debit        numeric(18,2) NOT NULL DEFAULT 0,
    credit       numeric(18,2) NOT NULL DEFAULT 0,
    weighted     numeric NOT NULL DEFAULT 0,
    PRIMARY KEY (account_code, month, stripe)
);
INSERT INTO account_monthly (account_code, month, stripe, debit, credit, weighted)
SELECT account_code, date_trunc('month', day)::date, 0, sum(debit), sum(credit), sum((debit - credit) * (day - date '2000-01-01'))
FROM account_daily GROUP BY account_code, date_trunc('month', day);
