-- Stock transfers (调拨) between two warehouses, with the goods in transit
-- (1402) between shipping and receiving. A transfer is numbered by its
-- numbering rule (TR-000001). Each line keeps what was shipped and at what
-- value, what was received and what was settled as a shortfall; what is
-- still in transit is shipped less received less short, in quantity and
-- value, and the books check holds 1402 to the sum of it.
INSERT INTO numbering_rules (kind, table_name, prefix) VALUES ('STOCK_TRANSFER', 'stock_transfers', 'TR-');

CREATE TABLE stock_transfers (
    id                bigserial PRIMARY KEY,
    number            text NOT NULL CONSTRAINT stock_transfers_number_key UNIQUE,
    from_warehouse_id bigint NOT NULL REFERENCES warehouses(id),
    to_warehouse_id   bigint NOT NULL REFERENCES warehouses(id),
    status            text NOT NULL DEFAULT 'DRAFT'
                      CHECK (status IN ('DRAFT', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED')),
    transfer_date     date NOT NULL,
    shipped_date      date,
    carrier           text NOT NULL DEFAULT '' CHECK (char_length(carrier) <= 100),
    notes             text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 500),
    ship_entry_id     bigint REFERENCES journal_entries(id) DEFERRABLE INITIALLY DEFERRED,
    created_by        bigint REFERENCES users(id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    shipped_at        timestamptz,
    closed_at         timestamptz,
    CHECK (from_warehouse_id <> to_warehouse_id)
);
CREATE INDEX stock_transfers_date ON stock_transfers (transfer_date, id);
CREATE INDEX stock_transfers_open ON stock_transfers (status) WHERE status IN ('SHIPPED', 'PARTIALLY_RECEIVED');
CREATE TRIGGER stock_transfers_number BEFORE INSERT ON stock_transfers FOR EACH ROW EXECUTE FUNCTION fill_document_number();

CREATE TABLE stock_transfer_lines (
    transfer_id      bigint NOT NULL REFERENCES stock_transfers(id),
    line_no          integer NOT NULL,
    product_id       bigint NOT NULL REFERENCES products(id),
    from_location_id bigint REFERENCES locations(id),
    to_location_id   bigint REFERENCES locations(id),
    quantity         numeric(18,4) NOT NULL CHECK (quantity > 0),
    shipped_qty      numeric(18,4) NOT NULL DEFAULT 0,
    shipped_value    numeric(18,2) NOT NULL DEFAULT 0,
    received_qty     numeric(18,4) NOT NULL DEFAULT 0,
    received_value   numeric(18,2) NOT NULL DEFAULT 0,
    short_qty        numeric(18,4) NOT NULL DEFAULT 0,
    short_value      numeric(18,2) NOT NULL DEFAULT 0,
    short_reason     text CHECK (short_reason IN ('LOSS', 'CARRIER_CLAIM')),
    PRIMARY KEY (transfer_id, line_no),
    CHECK (received_qty >= 0 AND short_qty >= 0 AND received_qty + short_qty <= shipped_qty),
    CHECK (received_value >= 0 AND short_value >= 0 AND received_value + short_value <= shipped_value)
);
CREATE INDEX stock_transfer_lines_product ON stock_transfer_lines (product_id);

-- Every posting of a transfer after its shipment: a receipt or a settled
-- shortfall, with its entry; the quantities and values per line.
CREATE TABLE stock_transfer_events (
    id               bigserial PRIMARY KEY,
    transfer_id      bigint NOT NULL REFERENCES stock_transfers(id),
    kind             text NOT NULL CHECK (kind IN ('RECEIPT', 'SHORTFALL')),
    event_date       date NOT NULL,
    reason           text CHECK (reason IN ('LOSS', 'CARRIER_CLAIM')),
    carrier          text NOT NULL DEFAULT '',
    journal_entry_id bigint REFERENCES journal_entries(id) DEFERRABLE INITIALLY DEFERRED,
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_transfer_events_transfer ON stock_transfer_events (transfer_id, id);
CREATE TABLE stock_transfer_event_lines (
    event_id bigint NOT NULL REFERENCES stock_transfer_events(id),
    line_no  integer NOT NULL,
    quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
    value    numeric(18,2) NOT NULL CHECK (value >= 0),
    PRIMARY KEY (event_id, line_no)
);
