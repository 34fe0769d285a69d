-- Stock counts (盘点, issue 19): count sheets with their lines and the
-- counters' entries, and the cycle-count schedule per ABC class.
INSERT INTO numbering_rules (kind, table_name, prefix) VALUES ('STOCK_COUNT', 'stock_counts', 'PD-');

CREATE TABLE stock_counts (
    id                bigserial PRIMARY KEY,
    number            text NOT NULL CONSTRAINT stock_counts_number_key UNIQUE,
    warehouse_id      bigint NOT NULL REFERENCES warehouses(id),
    location_id       bigint REFERENCES locations(id),
    category_id       bigint REFERENCES categories(id),
    abc_class         text CHECK (abc_class IN ('A', 'B', 'C')),
    status            text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'COUNTING', 'REVIEW', 'POSTED', 'CANCELLED')),
    blind             boolean NOT NULL DEFAULT false,
    tolerance_percent numeric(7,4) NOT NULL DEFAULT 5 CHECK (tolerance_percent >= 0),
    tolerance_value   numeric(18,2) NOT NULL DEFAULT 500 CHECK (tolerance_value >= 0),
    description       text NOT NULL DEFAULT '' CHECK (char_length(description) <= 200),
    -- The point in the stock move history the book quantities were frozen
    -- at: every move with a larger id came after the freeze.
    freeze_move_id    bigint,
    started_at        timestamptz,
    submitted_at      timestamptz,
    posted_at         timestamptz,
    posting_date      date,
    journal_entry_id  bigint REFERENCES journal_entries(id),
    created_by        bigint REFERENCES users(id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_counts_status ON stock_counts (status, warehouse_id);
CREATE INDEX stock_counts_created ON stock_counts (created_at, id);
CREATE TRIGGER stock_counts_number BEFORE INSERT ON stock_counts FOR EACH ROW EXECUTE FUNCTION fill_document_number();

-- One line per product and bin (NULL: no bin) of a sheet. book_quantity is
-- the quantity on the key at the freeze; round counts the recounts (the
-- entries of the current round are the line's count).
CREATE TABLE stock_count_lines (
    id            bigserial PRIMARY KEY,
    count_id      bigint NOT NULL REFERENCES stock_counts(id),
    line_no       integer NOT NULL,
    product_id    bigint NOT NULL REFERENCES products(id),
    location_id   bigint REFERENCES locations(id),
    book_quantity numeric(18,4) NOT NULL DEFAULT 0,
    round         integer NOT NULL DEFAULT 1,
    recount       boolean NOT NULL DEFAULT false,
    damaged       numeric(18,4) NOT NULL DEFAULT 0 CHECK (damaged >= 0),
    CONSTRAINT stock_count_lines_line UNIQUE (count_id, line_no)
);
CREATE UNIQUE INDEX stock_count_lines_key ON stock_count_lines (count_id, product_id, coalesce(location_id, 0));

-- What one counter counted of a line at one time; a line's count is the
-- sum of its current round's entries, so counters never overwrite each
-- other. move_mark is the last stock move id when the entry was made.
CREATE TABLE stock_count_entries (
    id          bigserial PRIMARY KEY,
    line_id     bigint NOT NULL REFERENCES stock_count_lines(id),
    round       integer NOT NULL,
    quantity    numeric(18,4) NOT NULL CHECK (quantity >= 0),
    move_mark   bigint NOT NULL,
    counted_by  bigint REFERENCES users(id),
    counted_at  timestamptz NOT NULL DEFAULT now(),
    via_scan    boolean NOT NULL DEFAULT false
);
CREATE INDEX stock_count_entries_line ON stock_count_entries (line_id, round);

-- Cycle counts: how often each ABC class is counted, in months.
CREATE TABLE count_schedule (
    abc_class       text PRIMARY KEY CHECK (abc_class IN ('A', 'B', 'C')),
    interval_months integer NOT NULL CHECK (interval_months BETWEEN 1 AND 60),
    updated_at      timestamptz,
    updated_by      bigint REFERENCES users(id)
);
INSERT INTO count_schedule (abc_class, interval_months) VALUES ('A', 1), ('B', 3), ('C', 12);
