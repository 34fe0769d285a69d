-- Month-end and year-end closing (issue 16, part 4): the company chooses
-- whether income and expense are carried to 本年利润 (3103) every month or
-- once a year, and whether vouchers are reviewed (审核) before their period
-- closes. The journal stays immutable: a review is a row of its own, and the
-- attached-documents count (附单据数) of a manual voucher is written with it.
ALTER TABLE company_settings
    ADD COLUMN profit_carry_forward text NOT NULL DEFAULT 'MONTHLY' CHECK (profit_carry_forward IN ('MONTHLY', 'YEARLY')),
    ADD COLUMN voucher_review boolean NOT NULL DEFAULT false;

-- The mode a period was closed under (NULL: open, or closed before closing
-- vouchers existed), so the books check knows which closed months must have
-- nothing left on income and expense.
-- closed_with_review: the period closed with the review step on, so every
-- voucher in it was reviewed (and stays so while it is closed).
ALTER TABLE fiscal_periods
    ADD COLUMN carried_forward text CHECK (carried_forward IN ('MONTHLY', 'YEARLY')),
    ADD COLUMN closed_with_review boolean NOT NULL DEFAULT false;

-- NULL: the count follows from the source (1 with a business document, else 0).
ALTER TABLE journal_entries ADD COLUMN attachments integer CHECK (attachments BETWEEN 0 AND 999);

CREATE TABLE voucher_reviews (
    entry_id    bigint PRIMARY KEY REFERENCES journal_entries(id),
    reviewed_by bigint REFERENCES users(id),
    reviewed_at timestamptz NOT NULL
);
