-- Bins and putaway (issue 19): stock by bin, zones, bin moves (移库).

-- A bin's zone (such as COLD, BULK) and the zone a product is put away in.
-- The putaway zone is a product's, not its category's: goods of one
-- category often need different places (a heavy and a small item of one
-- range), and a product's own setting is what the clerk sees when receiving.
ALTER TABLE locations ADD COLUMN zone text NOT NULL DEFAULT '' CHECK (zone ~ '^[A-Za-z0-9._-]{0,20}$');
ALTER TABLE products ADD COLUMN putaway_zone text NOT NULL DEFAULT '' CHECK (putaway_zone ~ '^[A-Za-z0-9._-]{0,20}$');
CREATE INDEX locations_zone ON locations (warehouse_id, zone);

-- Stock by bin: per product, warehouse and bin (NULL: received but not put
-- away) the quantity, kept in the transaction of every stock move. A
-- move with a bin changes that bin; an outflow without one takes what is
-- not put away first, then the bins holding least first. The bins of a
-- product and warehouse add up to its stock_balances on_hand (booksCheck);
-- a bin's value is its quantity at the warehouse's moving average.
CREATE TABLE stock_bin_balances (
    product_id   bigint NOT NULL,
    warehouse_id bigint NOT NULL,
    location_id  bigint REFERENCES locations(id),
    quantity     numeric(18,4) NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    CONSTRAINT stock_bin_balances_key UNIQUE NULLS NOT DISTINCT (product_id, warehouse_id, location_id),
    FOREIGN KEY (product_id, warehouse_id) REFERENCES stock_balances (product_id, warehouse_id)
);
CREATE INDEX stock_bin_balances_location ON stock_bin_balances (location_id, product_id) WHERE location_id IS NOT NULL;

-- Backfill from the moves: each bin its moves' sum (when positive), capped
-- so the bins never hold more than the warehouse (bins in id order); what
-- is left is not put away.
INSERT INTO stock_bin_balances (product_id, warehouse_id, location_id, quantity)
WITH per_bin AS (
    SELECT m.product_id, m.warehouse_id, m.location_id, sum(m.quantity) AS q
    FROM stock_moves m WHERE m.location_id IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(m.quantity) > 0
), capped AS (
    SELECT p.product_id, p.warehouse_id, p.location_id,
        greatest(least(p.q, b.on_hand - coalesce(sum(p.q) OVER (PARTITION BY p.product_id, p.warehouse_id ORDER BY p.location_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)), 0) AS q
    FROM per_bin p JOIN stock_balances b ON b.product_id = p.product_id AND b.warehouse_id = p.warehouse_id
)
SELECT product_id, warehouse_id, location_id, q FROM capped WHERE q > 0
UNION ALL
SELECT b.product_id, b.warehouse_id, NULL, b.on_hand - coalesce((SELECT sum(c.q) FROM capped c
        WHERE c.product_id = b.product_id AND c.warehouse_id = b.warehouse_id), 0)
FROM stock_balances b
WHERE b.on_hand - coalesce((SELECT sum(c.q) FROM capped c WHERE c.product_id = b.product_id AND c.warehouse_id = b.warehouse_id), 0) > 0;

-- Moves between bins of one warehouse: YK-000001.
CREATE TABLE bin_moves (
    id           bigserial PRIMARY KEY,
    number       text NOT NULL CONSTRAINT bin_moves_number_key UNIQUE,
    warehouse_id bigint NOT NULL REFERENCES warehouses(id),
    posting_date date NOT NULL,
    note         text NOT NULL DEFAULT '' CHECK (char_length(note) <= 200),
    created_by   bigint REFERENCES users(id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bin_moves_date ON bin_moves (posting_date, id);
CREATE TABLE bin_move_lines (
    move_id          bigint NOT NULL REFERENCES bin_moves(id),
    line_no          integer NOT NULL,
    product_id       bigint NOT NULL REFERENCES products(id),
    from_location_id bigint REFERENCES locations(id),
    to_location_id   bigint NOT NULL REFERENCES locations(id),
    quantity         numeric(18,4) NOT NULL CHECK (quantity > 0),
    value            numeric(18,2) NOT NULL,
    PRIMARY KEY (move_id, line_no),
    CHECK (from_location_id IS DISTINCT FROM to_location_id)
);
INSERT INTO numbering_rules (kind, table_name, prefix) VALUES ('BIN_MOVE', 'bin_moves', 'YK-');
