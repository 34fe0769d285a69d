-- A partner's statement of account reads the lines of its control accounts
-- by partner code and date; without this index it scanned every line of
-- the accounts receivable or payable account.
CREATE INDEX journal_lines_partner ON journal_lines (partner, account_code, posting_date) WHERE partner IS NOT NULL;
