-- What the sales-side KPIs need, kept as cheap as the ledger's: one row
-- per day, maintained by the database in the transaction that changes the
-- documents, so a year's figures read 365 rows however many orders,
-- shipments and lines the year had.
--   units          shipped less returned (units sold, unit cost)
--   rated          deliveries rated 1-5, by delivery day (company time)
--   satisfied      of those, rated 4 or 5
--   lines_due      order lines promised for that day (orders confirmed or
--                  on hold, not drafts, not cancelled)
--   lines_on_time  of those, shipped complete by the promised date
ALTER TABLE sales_orders ADD COLUMN promised_date date;
UPDATE sales_orders SET promised_date = posting_date + 7;
ALTER TABLE sales_orders ALTER COLUMN promised_date SET NOT NULL;
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_promise_after_order CHECK (promised_date >= posting_date);
CREATE INDEX shipment_lines_order_line ON shipment_lines (order_line_id);

CREATE TABLE sales_kpi_daily (
    day           date PRIMARY KEY,
    units         numeric(18,4) NOT NULL DEFAULT 0,
    rated         integer NOT NULL DEFAULT 0,
    satisfied     integer NOT NULL DEFAULT 0,
    lines_due     integer NOT NULL DEFAULT 0,
    lines_on_time integer NOT NULL DEFAULT 0
);

CREATE FUNCTION sales_kpi_add(d date, u numeric, r int, s int, due int, ontime int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO sales_kpi_daily AS k (day, units, rated, satisfied, lines_due, lines_on_time) VALUES (d, u, r, s, due, ontime)
    ON CONFLICT (day) DO UPDATE SET units = k.units + excluded.units, rated = k.rated + excluded.rated,
        satisfied = k.satisfied + excluded.satisfied, lines_due = k.lines_due + excluded.lines_due,
        lines_on_time = k.lines_on_time + excluded.lines_on_time;
$$;

-- Units: the moves that ship goods out and take returns back.
CREATE FUNCTION sales_kpi_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.source_type IN ('SHIPMENT', 'SALES_RETURN') THEN
        PERFORM sales_kpi_add(NEW.posting_date, -NEW.quantity, 0, 0, 0, 0);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER sales_kpi_units AFTER INSERT ON stock_moves FOR EACH ROW EXECUTE FUNCTION sales_kpi_units();

-- Ratings: counted once, when a delivery is first rated.
CREATE FUNCTION sales_kpi_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.rating IS NULL AND NEW.rating IS NOT NULL THEN
        PERFORM sales_kpi_add(((coalesce(NEW.delivered_at, now()) AT TIME ZONE 'UTC') + interval '8 hours')::date,
            0, 1, CASE WHEN NEW.rating >= 4 THEN 1 ELSE 0 END, 0, 0);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER sales_kpi_rating AFTER UPDATE OF rating ON shipments FOR EACH ROW EXECUTE FUNCTION sales_kpi_rating();

-- Lines due: an order's lines count from the moment it leaves draft until
-- it is cancelled.
CREATE FUNCTION sales_kpi_due() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was boolean := OLD.status NOT IN ('DRAFT', 'CANCELLED');
    now_due boolean := NEW.status NOT IN ('DRAFT', 'CANCELLED');
    n int;
BEGIN
    IF was = now_due THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO n FROM sales_order_lines WHERE order_id = NEW.id;
    PERFORM sales_kpi_add(NEW.promised_date, 0, 0, 0, CASE WHEN now_due THEN n ELSE -n END, 0);
    RETURN NULL;
END $$;
CREATE TRIGGER sales_kpi_due AFTER UPDATE OF status ON sales_orders FOR EACH ROW EXECUTE FUNCTION sales_kpi_due();

-- On time: when a line becomes shipped complete, its last shipment's
-- posting date (its stock moves are already written) against the promise.
CREATE FUNCTION sales_kpi_on_time() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    promised date;
    last_shipped date;
BEGIN
    IF OLD.shipped < NEW.quantity AND NEW.shipped >= NEW.quantity THEN
        SELECT o.promised_date INTO promised FROM sales_orders o WHERE o.id = NEW.order_id;
        SELECT max(m.posting_date) INTO last_shipped
            FROM shipment_lines sl JOIN stock_moves m ON m.source_type = 'SHIPMENT' AND m.source_id = sl.shipment_id AND m.product_id = sl.product_id
            WHERE sl.order_line_id = NEW.id;
        IF last_shipped IS NOT NULL AND last_shipped <= promised THEN
            PERFORM sales_kpi_add(promised, 0, 0, 0, 0, 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER sales_kpi_on_time AFTER UPDATE OF shipped ON sales_order_lines FOR EACH ROW EXECUTE FUNCTION sales_kpi_on_time();

-- What happened before this migration.
INSERT INTO sales_kpi_daily (day, units)
SELECT posting_date, -sum(quantity) FROM stock_moves WHERE source_type IN ('SHIPMENT', 'SALES_RETURN') GROUP BY 1;
SELECT sales_kpi_add(((delivered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, 0, 1, CASE WHEN rating >= 4 THEN 1 ELSE 0 END, 0, 0)
FROM shipments WHERE rating IS NOT NULL;
SELECT sales_kpi_add(o.promised_date, 0, 0, 0, 1,
    CASE WHEN l.shipped >= l.quantity AND (SELECT max(m.posting_date) FROM shipment_lines sl
        JOIN stock_moves m ON m.source_type = 'SHIPMENT' AND m.source_id = sl.shipment_id AND m.product_id = sl.product_id
        WHERE sl.order_line_id = l.id) <= o.promised_date THEN 1 ELSE 0 END)
FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id WHERE o.status NOT IN ('DRAFT', 'CANCELLED');
