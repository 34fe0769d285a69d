-- An operating cost is undone by cancelling it: the cancellation reverses
-- its journal entry and its budget actual in one transaction, so the
-- document, the ledger and the budget agree (a bare reversal of the entry
-- left the cost and its budget actual counting). The cancellation entry
-- belongs to the cost (source OPERATING_COST, reverses_id its entry).
ALTER TABLE operating_costs
    ADD COLUMN status                text NOT NULL DEFAULT 'POSTED' CHECK (status IN ('POSTED', 'CANCELLED')),
    ADD COLUMN cancelled_on          date,
    ADD COLUMN cancellation_reason   text,
    ADD COLUMN cancellation_entry_id bigint REFERENCES journal_entries(id),
    ADD CONSTRAINT operating_costs_cancelled CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL AND cancellation_entry_id IS NOT NULL));
