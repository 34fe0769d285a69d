-- Batches and expiry (批次/保质期): batch-tracked products carry a batch on
-- every stock move; a batch's balance per warehouse is kept with the moves.
ALTER TABLE products
    ADD COLUMN batch_tracked    boolean NOT NULL DEFAULT false,
    ADD COLUMN expiry_tracked   boolean NOT NULL DEFAULT false,
    ADD COLUMN shelf_life_days  integer CHECK (shelf_life_days BETWEEN 1 AND 36500),
    ADD CONSTRAINT products_expiry_needs_batch CHECK (NOT expiry_tracked OR batch_tracked);

CREATE TABLE batches (
    id              bigserial PRIMARY KEY,
    product_id      bigint NOT NULL REFERENCES products(id),
    number          text NOT NULL CHECK (number ~ '^[A-Za-z0-9._/-]{1,40}$'),
    expiry_date     date,
    production_date date,
    -- Where it came from: the first document that brought it into stock.
    source_type     text NOT NULL,
    source_id       bigint NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT batches_number_key UNIQUE (product_id, number),
    CONSTRAINT batches_dates CHECK (production_date IS NULL OR expiry_date IS NULL OR production_date <= expiry_date)
);
CREATE INDEX batches_expiry ON batches (expiry_date, id);

CREATE TABLE batch_balances (
    product_id   bigint NOT NULL,
    warehouse_id bigint NOT NULL,
    batch_id     bigint NOT NULL REFERENCES batches(id),
    on_hand      numeric(18,4) NOT NULL DEFAULT 0 CONSTRAINT batch_balances_on_hand_check CHECK (on_hand >= 0),
    PRIMARY KEY (product_id, warehouse_id, batch_id),
    FOREIGN KEY (product_id, warehouse_id) REFERENCES stock_balances (product_id, warehouse_id)
);
CREATE INDEX batch_balances_batch ON batch_balances (batch_id);

ALTER TABLE stock_moves ADD COLUMN batch_id bigint REFERENCES batches(id);
CREATE INDEX stock_moves_batch ON stock_moves (batch_id) WHERE batch_id IS NOT NULL;

-- Expiring-soon alerts look this many days ahead.
ALTER TABLE company_settings ADD COLUMN expiry_alert_days integer NOT NULL DEFAULT 30 CHECK (expiry_alert_days BETWEEN 1 AND 3650);
