package db

import "github.com/jxcgraph/jxc"

// budgetBooksRules: documents and their entries agree. A document's entry
// is reversed only by the document's own cancellation (an operating cost's,
// today the one document that cancels after posting), and a cost counts in
// its budget's actuals exactly while it is posted.
var budgetBooksRules = []BooksCheckRule{
	{jxc.RuleDocumentEntryMismatch, jxc.T("documents and their entries disagree (a document's entry reversed while the document counts, a cancelled cost still counting)"), `
		SELECT 'journal_entries', e.id::text, format('entry of %s %s is reversed by entry %s while the document still counts', e.source_type, e.source_id, r.id)
		FROM journal_entries e JOIN journal_entries r ON r.reverses_id = e.id
		WHERE e.source_type NOT IN ('MANUAL_ENTRY', 'REVERSAL', 'CLOSING')
		  AND NOT EXISTS (SELECT 1 FROM operating_costs c WHERE e.source_type = 'OPERATING_COST' AND c.id = e.source_id
			AND c.status = 'CANCELLED' AND c.journal_entry_id = e.id AND c.cancellation_entry_id = r.id)
		UNION ALL
		SELECT 'operating_costs', c.number, format('%s: entry reversed %s, budget actual %s of amount %s', c.status,
			coalesce((SELECT r.id = c.cancellation_entry_id FROM journal_entries r WHERE r.reverses_id = c.journal_entry_id), false),
			coalesce(b.actual, 0), c.amount)
		FROM operating_costs c LEFT JOIN (SELECT source_id, sum(amount) AS actual FROM budget_entries
			WHERE source_type = 'OPERATING_COST' AND kind = 'ACTUAL' GROUP BY source_id) b ON b.source_id = c.id
		WHERE (c.status = 'CANCELLED' AND (coalesce(b.actual, 0) <> 0 OR NOT EXISTS (SELECT 1 FROM journal_entries r
				WHERE r.id = c.cancellation_entry_id AND r.reverses_id = c.journal_entry_id)))
		   OR (c.status = 'POSTED' AND coalesce(b.actual, 0) <> c.amount)
		ORDER BY 1, 2 LIMIT 100`},
}
