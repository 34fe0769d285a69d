-- How many entries touched each account each day, kept with the per-day
-- totals: the journal filtered by account counts its entries from these
-- rows (a cost of days) instead of from the journal lines (a cost of
-- history). Entries before this migration are counted once, onto stripe 0.
ALTER TABLE account_daily ADD COLUMN entries bigint NOT NULL DEFAULT 0 CHECK (entries >= 0);
INSERT INTO account_daily AS a (account_code, day, stripe, debit, credit, entries)
SELECT account_code, posting_date, 0, 0, 0, count(DISTINCT entry_id) FROM journal_lines GROUP BY account_code, posting_date
ON CONFLICT (account_code, day, stripe) DO UPDATE SET entries = a.entries + excluded.entries;
