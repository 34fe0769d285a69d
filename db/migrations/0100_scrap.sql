-- Scrap (报废, issue 19): a document with reasons per line that waits for
-- approval above the company's threshold and, once posted, is the stock
-- adjustment (kind SCRAP) that expensed its goods to 6711.
ALTER TABLE company_settings
    ADD COLUMN scrap_approval_threshold numeric(18,2) NOT NULL DEFAULT 5000.00 CHECK (scrap_approval_threshold >= 0),
    ADD COLUMN slow_mover_days integer NOT NULL DEFAULT 180 CHECK (slow_mover_days BETWEEN 1 AND 3650);

-- Slow movers: a category's own number of idle days (NULL: the company's).
ALTER TABLE categories ADD COLUMN slow_mover_days integer CHECK (slow_mover_days BETWEEN 1 AND 3650);

INSERT INTO numbering_rules (kind, table_name, prefix) VALUES ('SCRAP', 'scraps', 'BF-');

CREATE TABLE scraps (
    id                bigserial PRIMARY KEY,
    number            text NOT NULL CONSTRAINT scraps_number_key UNIQUE,
    status            text NOT NULL CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'POSTED', 'REJECTED')),
    scrap_date        date NOT NULL,
    note              text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
    receipt_id        bigint REFERENCES goods_receipts(id),
    count_number      text CHECK (char_length(count_number) <= 40),
    value             numeric(18,2) NOT NULL DEFAULT 0,
    stock_document_id bigint REFERENCES stock_documents(id) CONSTRAINT scraps_stock_document_key UNIQUE,
    created_by        bigint REFERENCES users(id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    submitted_at      timestamptz,
    decided_by        bigint REFERENCES users(id),
    decided_at        timestamptz,
    reject_reason     text CHECK (char_length(reject_reason) <= 500),
    CHECK ((status = 'POSTED') = (stock_document_id IS NOT NULL))
);
CREATE INDEX scraps_date ON scraps (scrap_date, id);
CREATE INDEX scraps_status ON scraps (status, id);

CREATE TABLE scrap_lines (
    scrap_id     bigint NOT NULL REFERENCES scraps(id),
    line_no      integer NOT NULL,
    product_id   bigint NOT NULL REFERENCES products(id),
    warehouse_id bigint NOT NULL REFERENCES warehouses(id),
    location_id  bigint REFERENCES locations(id),
    quantity     numeric(18,4) NOT NULL CHECK (quantity > 0),
    reason       text NOT NULL CHECK (reason IN ('DAMAGED', 'EXPIRED', 'OBSOLETE', 'OTHER')),
    note         text NOT NULL DEFAULT '' CHECK (char_length(note) <= 200),
    value        numeric(18,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (scrap_id, line_no)
);
CREATE INDEX scrap_lines_product ON scrap_lines (product_id);
