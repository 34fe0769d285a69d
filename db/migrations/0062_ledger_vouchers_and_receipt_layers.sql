-- Journal vouchers (记账凭证) are numbered 1..n within each month without
-- gaps (记-2026-11-0001 ...), and invoices are numbered without gaps per
-- kind. A sequence cannot do it: nextval is never rolled back, so a
-- refused posting left a hole. A counter row, updated in the posting's
-- transaction, is rolled back with it.
CREATE TABLE voucher_counters (
    month   date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    last_no integer NOT NULL CHECK (last_no >= 0)
);

ALTER TABLE journal_entries ADD COLUMN voucher_seq integer CHECK (voucher_seq > 0);
-- Existing entries get their numbers in date, id order. Posted rows never
-- change; this one-time numbering is the exception, made by the owner.
ALTER TABLE journal_entries DISABLE TRIGGER journal_entries_immutable;
UPDATE journal_entries e SET voucher_seq = n.seq
  FROM (SELECT id, row_number() OVER (PARTITION BY date_trunc('month', posting_date) ORDER BY posting_date, id) AS seq
          FROM journal_entries) n
 WHERE n.id = e.id;
ALTER TABLE journal_entries ENABLE TRIGGER journal_entries_immutable;
ALTER TABLE journal_entries ALTER COLUMN voucher_seq SET NOT NULL;
-- The number a person reads: 记-YYYY-MM-NNNN (more digits past 9999).
ALTER TABLE journal_entries ADD COLUMN voucher_no text GENERATED ALWAYS AS (
    '记-' || lpad(extract(year FROM posting_date)::integer::text, 4, '0')
    || '-' || lpad(extract(month FROM posting_date)::integer::text, 2, '0')
    || '-' || lpad(voucher_seq::text, greatest(4, length(voucher_seq::text)), '0')) STORED;
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_voucher_key UNIQUE (voucher_no);
INSERT INTO voucher_counters (month, last_no)
SELECT date_trunc('month', posting_date)::date, max(voucher_seq) FROM journal_entries GROUP BY 1;
-- Every posting of a month waits on its counter row from taking the number
-- to commit, so the entry row (and its number) is written last: its lines
-- and stock moves go first, under the id taken from the sequence, and
-- their references to it are checked at commit.
ALTER TABLE journal_lines ALTER CONSTRAINT journal_lines_entry_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE stock_moves ALTER CONSTRAINT stock_moves_journal_entry_id_fkey DEFERRABLE INITIALLY DEFERRED;

-- Document numbers of the kinds that must have no gaps (invoices) come
-- from a counter per kind; other kinds keep numbers made from their ids.
CREATE TABLE document_counters (
    kind    text PRIMARY KEY,
    last_no bigint NOT NULL CHECK (last_no >= 0)
);
-- Sales invoice numbers were made from the id; they are now written.
ALTER TABLE sales_invoices ALTER COLUMN number DROP EXPRESSION;
ALTER TABLE sales_invoices ALTER COLUMN number SET NOT NULL;
ALTER TABLE sales_invoices ADD CONSTRAINT sales_invoices_number_key UNIQUE (number);
-- Supplier invoices shared the prefix SI with sales invoices; new ones are
-- PI (old numbers stay as they are), counted from 1.
INSERT INTO document_counters (kind, last_no) VALUES
  ('sales_invoices', coalesce((SELECT max(substring(number FROM 4)::bigint) FROM sales_invoices WHERE number ~ '^SI-[0-9]+$'), 0)),
  ('supplier_invoices', coalesce((SELECT max(substring(number FROM 3)::bigint) FROM supplier_invoices WHERE number ~ '^PI[0-9]+$'), 0));

-- What remains on hand of each receipt line, consumed oldest first by
-- issues (FIFO layers, for landed costs only: the valuation stays the
-- moving average). A landed cost on a receipt lands on stock only for the
-- part of that receipt still on hand; the rest goes to cost of goods sold.
CREATE TABLE receipt_layers (
    receipt_id    bigint NOT NULL,
    line_no       integer NOT NULL,
    product_id    bigint NOT NULL,
    warehouse_id  bigint NOT NULL,
    receipt_date  date NOT NULL,
    accepted_qty  numeric(18,4) NOT NULL,
    remaining_qty numeric(18,4) NOT NULL,
    PRIMARY KEY (receipt_id, line_no),
    FOREIGN KEY (receipt_id, line_no) REFERENCES goods_receipt_lines (receipt_id, line_no),
    FOREIGN KEY (product_id, warehouse_id) REFERENCES stock_balances (product_id, warehouse_id),
    CONSTRAINT receipt_layers_remaining CHECK (remaining_qty >= 0 AND remaining_qty <= accepted_qty)
);
CREATE INDEX receipt_layers_fifo ON receipt_layers (product_id, warehouse_id, receipt_date, receipt_id, line_no);
-- Existing receipts: what is on hand is taken to be the latest receipts'
-- (what the landed cost assumed until now), oldest consumed first.
INSERT INTO receipt_layers (receipt_id, line_no, product_id, warehouse_id, receipt_date, accepted_qty, remaining_qty)
SELECT x.receipt_id, x.line_no, x.product_id, x.warehouse_id, x.receipt_date, x.accepted_qty,
       greatest(0, least(x.accepted_qty, coalesce(b.on_hand, 0) - x.newer))
  FROM (SELECT l.receipt_id, l.line_no, l.product_id, r.warehouse_id, r.receipt_date, l.accepted_qty,
               coalesce(sum(l.accepted_qty) OVER (PARTITION BY l.product_id, r.warehouse_id
                   ORDER BY r.receipt_date DESC, l.receipt_id DESC, l.line_no DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS newer
          FROM goods_receipt_lines l JOIN goods_receipts r ON r.id = l.receipt_id
         WHERE l.accepted_qty > 0) x
  JOIN stock_balances b ON b.product_id = x.product_id AND b.warehouse_id = x.warehouse_id;
