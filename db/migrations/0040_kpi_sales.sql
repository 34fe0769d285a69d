-- What the remaining KPIs need, kept as cheap as the ledger's:
-- a promised delivery date per order (order fulfilment rate), and units
-- sold per product per day maintained with the stock moves that ship and
-- return goods (units sold and unit cost), so a year's figures read one
-- row per product and day, never the moves.
ALTER TABLE sales_orders ADD COLUMN promised_date date;
UPDATE sales_orders SET promised_date = posting_date + 7;
ALTER TABLE sales_orders ALTER COLUMN promised_date SET NOT NULL;
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_promise_after_order CHECK (promised_date >= posting_date);
CREATE INDEX sales_orders_promised ON sales_orders (promised_date);

CREATE TABLE units_sold_daily (
    product_id bigint NOT NULL REFERENCES products(id),
    day        date NOT NULL,
    units      numeric(18,4) NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, day)
);
CREATE INDEX units_sold_daily_day ON units_sold_daily (day);

CREATE FUNCTION units_sold_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.source_type IN ('SHIPMENT', 'SALES_RETURN') THEN
        INSERT INTO units_sold_daily AS u (product_id, day, units) VALUES (NEW.product_id, NEW.posting_date, -NEW.quantity)
        ON CONFLICT (product_id, day) DO UPDATE SET units = u.units + excluded.units;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER units_sold_track AFTER INSERT ON stock_moves
    FOR EACH ROW EXECUTE FUNCTION units_sold_track();

INSERT INTO units_sold_daily (product_id, day, units)
SELECT product_id, posting_date, -sum(quantity) FROM stock_moves
WHERE source_type IN ('SHIPMENT', 'SALES_RETURN') GROUP BY 1, 2;

CREATE INDEX shipments_delivered ON shipments (delivered_at) WHERE rating IS NOT NULL;
CREATE INDEX shipment_lines_order_line ON shipment_lines (order_line_id);
