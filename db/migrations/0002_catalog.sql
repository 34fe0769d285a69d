-- Master data: categories, products with barcodes, warehouses with bins.
CREATE TABLE categories (
    id      bigserial PRIMARY KEY,
    code    text NOT NULL CONSTRAINT categories_code_key UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$'),
    name    text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_en text NOT NULL DEFAULT '',
    active  boolean NOT NULL DEFAULT true
);

CREATE TABLE products (
    id             bigserial PRIMARY KEY,
    sku            text NOT NULL CONSTRAINT products_sku_key UNIQUE CHECK (sku ~ '^[A-Za-z0-9._-]{1,40}$'),
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_en        text NOT NULL DEFAULT '',
    unit           text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    category_id    bigint REFERENCES categories(id),
    sell_price     numeric(18,2) NOT NULL DEFAULT 0 CHECK (sell_price >= 0),
    vat_rate       numeric(6,4) NOT NULL DEFAULT 0.13 CHECK (vat_rate >= 0 AND vat_rate < 1),
    safety_stock   numeric(18,4) NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
    reorder_point  numeric(18,4) NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    reorder_qty    numeric(18,4) NOT NULL DEFAULT 0 CHECK (reorder_qty >= 0),
    lead_time_days integer NOT NULL DEFAULT 0 CHECK (lead_time_days BETWEEN 0 AND 3650),
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_category ON products (category_id);
CREATE INDEX products_name ON products (name);

-- A barcode belongs to one product across the whole catalogue.
CREATE TABLE product_barcodes (
    barcode    text PRIMARY KEY CHECK (barcode ~ '^[0-9A-Za-z-]{4,40}$'),
    product_id bigint NOT NULL REFERENCES products(id),
    position   integer NOT NULL
);
CREATE INDEX product_barcodes_product ON product_barcodes (product_id, position);

CREATE TABLE warehouses (
    id      bigserial PRIMARY KEY,
    code    text NOT NULL CONSTRAINT warehouses_code_key UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$'),
    name    text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    region  text NOT NULL DEFAULT '',
    address text NOT NULL DEFAULT '',
    active  boolean NOT NULL DEFAULT true
);

-- Bin locations inside a warehouse.
CREATE TABLE locations (
    id           bigserial PRIMARY KEY,
    warehouse_id bigint NOT NULL REFERENCES warehouses(id),
    code         text NOT NULL CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$'),
    name         text NOT NULL DEFAULT '',
    active       boolean NOT NULL DEFAULT true,
    CONSTRAINT locations_code_key UNIQUE (warehouse_id, code)
);
