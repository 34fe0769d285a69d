-- Stock documents get a business number people read and search by, like
-- every other document: OS-000001 for opening stock, ADJ-000004 for a
-- stock adjustment (count variance or scrap), from the document's id.
-- Existing documents are numbered the same way.
ALTER TABLE stock_documents ADD COLUMN number text;
UPDATE stock_documents SET number = CASE WHEN kind = 'OPENING_STOCK' THEN 'OS-' ELSE 'ADJ-' END || lpad(id::text, 6, '0');
ALTER TABLE stock_documents ALTER COLUMN number SET NOT NULL;
CREATE UNIQUE INDEX stock_documents_number ON stock_documents (number);
CREATE INDEX stock_documents_posting_date ON stock_documents (posting_date, id);
-- The landed costs of a receipt (its document page) are found by receipt.
CREATE INDEX landed_cost_allocations_receipt ON landed_cost_allocations (receipt_id, landed_cost_id);
CREATE INDEX goods_receipts_date ON goods_receipts (receipt_date, id);
