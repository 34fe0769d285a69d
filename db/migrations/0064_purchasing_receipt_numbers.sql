-- Goods receipts are numbered without gaps from now on (issue: a refused
-- receipt skipped its number): they count from their own counter row like
-- invoices, starting after the highest number already given.
INSERT INTO document_counters (kind, last_no) VALUES
  ('goods_receipts', coalesce((SELECT max(substring(number FROM 3)::bigint) FROM goods_receipts WHERE number ~ '^GR[0-9]+$'), 0))
ON CONFLICT (kind) DO NOTHING;
