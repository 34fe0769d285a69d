-- Returns to suppliers (采购退货, issue 19): goods of a receipt going back
-- to the supplier. Posted, the goods leave stock at the current moving
-- average; what was not yet invoiced reduces GRNI (the order line's
-- received quantity and value), what was invoiced is the debit note
-- (红字/折让) that reduces payables: applied to the supplier's open
-- invoices, kept as credit, or refunded. AP 2202.01 equals the open
-- supplier invoices less the open debit notes (invariant 5).
CREATE TABLE supplier_returns (
    id               bigserial PRIMARY KEY,
    number           text NOT NULL CONSTRAINT supplier_returns_number_key UNIQUE,
    supplier_id      bigint NOT NULL REFERENCES suppliers(id),
    receipt_id       bigint NOT NULL REFERENCES goods_receipts(id),
    warehouse_id     bigint NOT NULL REFERENCES warehouses(id),
    status           text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','POSTED','CANCELLED')),
    reason           text NOT NULL DEFAULT '' CHECK (char_length(reason) <= 500),
    posting_date     date,
    stock_value      numeric(18,2) NOT NULL DEFAULT 0, -- credited to inventory at the moving average
    grni_amount      numeric(18,2) NOT NULL DEFAULT 0, -- debited to GRNI (not yet invoiced)
    net_amount       numeric(18,2) NOT NULL DEFAULT 0, -- debit note net (invoiced part)
    vat_amount       numeric(18,2) NOT NULL DEFAULT 0, -- debit note input VAT
    total_amount     numeric(18,2) NOT NULL DEFAULT 0 CHECK (total_amount >= 0), -- debit note: net + VAT, debited to AP
    variance         numeric(18,2) NOT NULL DEFAULT 0, -- to 6404: stock value less GRNI less net
    applied_amount   numeric(18,2) NOT NULL DEFAULT 0 CHECK (applied_amount >= 0),
    refunded_amount  numeric(18,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    posted_by        bigint REFERENCES users(id),
    posted_at        timestamptz,
    CONSTRAINT supplier_returns_settled CHECK (applied_amount + refunded_amount <= total_amount)
);
CREATE INDEX supplier_returns_supplier ON supplier_returns (supplier_id, id);
CREATE INDEX supplier_returns_receipt ON supplier_returns (receipt_id);

CREATE TABLE supplier_return_lines (
    return_id        bigint NOT NULL REFERENCES supplier_returns(id),
    line_no          integer NOT NULL,
    receipt_line_no  integer NOT NULL,
    receipt_id       bigint NOT NULL,
    po_line_id       bigint NOT NULL REFERENCES purchase_order_lines(id),
    product_id       bigint NOT NULL REFERENCES products(id),
    quantity         numeric(18,4) NOT NULL CHECK (quantity > 0),
    unit_price       numeric(18,6) NOT NULL, -- the receipt's order price
    grni_qty         numeric(18,4) NOT NULL DEFAULT 0, -- part not yet invoiced
    invoiced_qty     numeric(18,4) NOT NULL DEFAULT 0, -- part on the debit note
    invoice_price    numeric(18,6) NOT NULL DEFAULT 0,
    vat_rate         numeric(6,4) NOT NULL DEFAULT 0,
    stock_value      numeric(18,2) NOT NULL DEFAULT 0,
    grni_amount      numeric(18,2) NOT NULL DEFAULT 0,
    net_amount       numeric(18,2) NOT NULL DEFAULT 0,
    vat_amount       numeric(18,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (return_id, line_no),
    FOREIGN KEY (receipt_id, receipt_line_no) REFERENCES goods_receipt_lines (receipt_id, line_no)
);
CREATE INDEX supplier_return_lines_receipt ON supplier_return_lines (receipt_id, receipt_line_no);

-- What posted returns took back of each receipt line and order line.
ALTER TABLE goods_receipt_lines ADD COLUMN returned_qty numeric(18,4) NOT NULL DEFAULT 0
    CONSTRAINT goods_receipt_lines_returned CHECK (returned_qty >= 0 AND returned_qty <= accepted_qty);
ALTER TABLE purchase_order_lines ADD COLUMN returned_qty numeric(18,4) NOT NULL DEFAULT 0 CHECK (returned_qty >= 0);

-- A debit note applied to a supplier invoice: the invoice's paid amount
-- is its payment allocations plus these.
CREATE TABLE debit_note_allocations (
    id           bigserial PRIMARY KEY,
    return_id    bigint NOT NULL REFERENCES supplier_returns(id),
    invoice_id   bigint NOT NULL REFERENCES supplier_invoices(id),
    amount       numeric(18,2) NOT NULL CHECK (amount > 0),
    applied_date date NOT NULL,
    created_by   bigint REFERENCES users(id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX debit_note_allocations_invoice ON debit_note_allocations (invoice_id);
CREATE INDEX debit_note_allocations_return ON debit_note_allocations (return_id);

-- Money the supplier paid back on a debit note: Dr Bank, Cr AP.
CREATE TABLE debit_note_refunds (
    id               bigserial PRIMARY KEY,
    return_id        bigint NOT NULL REFERENCES supplier_returns(id),
    amount           numeric(18,2) NOT NULL CHECK (amount > 0),
    refund_date      date NOT NULL,
    bank_account     text NOT NULL,
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX debit_note_refunds_return ON debit_note_refunds (return_id);

INSERT INTO numbering_rules (kind, table_name, prefix) VALUES ('SUPPLIER_RETURN', 'supplier_returns', 'PR-');

-- The return list reads returns with their receipt and supplier.
CREATE VIEW supplier_returns_list AS
SELECT r.*, g.number AS receipt_number, s.code AS supplier_code, s.name AS supplier_name
  FROM supplier_returns r JOIN goods_receipts g ON g.id = r.receipt_id JOIN suppliers s ON s.id = r.supplier_id;
