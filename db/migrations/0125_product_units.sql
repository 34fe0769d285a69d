-- Units of measure: a product's stock unit (products.unit) has its own
-- rounding rule (decimal places a quantity in it may have), and the product
-- may have more units, each a multiple of the stock unit (箱 = 12 个), with
-- an optional barcode of its own. One unit may be the default purchase
-- unit and one the default sales unit; NULL means the stock unit.
ALTER TABLE products ADD COLUMN unit_places integer NOT NULL DEFAULT 4 CHECK (unit_places BETWEEN 0 AND 4);
ALTER TABLE products ADD COLUMN purchase_unit text;
ALTER TABLE products ADD COLUMN sales_unit text;

CREATE TABLE product_units (
    product_id bigint NOT NULL REFERENCES products(id),
    code       text NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    name_en    text NOT NULL DEFAULT '',
    factor     numeric(18,4) NOT NULL CHECK (factor > 0),
    places     integer NOT NULL DEFAULT 0 CHECK (places BETWEEN 0 AND 4),
    barcode    text CONSTRAINT product_units_barcode_key UNIQUE CHECK (barcode ~ '^[0-9A-Za-z-]{4,40}$'),
    position   integer NOT NULL,
    PRIMARY KEY (product_id, code)
);

-- Order lines are in one of the product's units: '' is the stock unit
-- (factor 1, every line before units). quantity, received, invoiced,
-- reserved and shipped stay in the line's unit; the stock quantity is
-- quantity x factor.
ALTER TABLE purchase_order_lines ADD COLUMN unit text NOT NULL DEFAULT '';
ALTER TABLE purchase_order_lines ADD COLUMN unit_factor numeric(18,4) NOT NULL DEFAULT 1 CHECK (unit_factor > 0);
ALTER TABLE purchase_order_lines ADD COLUMN stock_quantity numeric(18,4) GENERATED ALWAYS AS (quantity * unit_factor) STORED;
ALTER TABLE sales_order_lines ADD COLUMN unit text NOT NULL DEFAULT '';
ALTER TABLE sales_order_lines ADD COLUMN unit_factor numeric(18,4) NOT NULL DEFAULT 1 CHECK (unit_factor > 0);
ALTER TABLE sales_order_lines ADD COLUMN unit_places integer NOT NULL DEFAULT 4 CHECK (unit_places BETWEEN 0 AND 4);
ALTER TABLE sales_order_lines ADD COLUMN stock_quantity numeric(18,4) GENERATED ALWAYS AS (quantity * unit_factor) STORED;
