-- Company settings for printed forms and defaults (issue 18): tax ID
-- (纳税人识别号), address, phone, bank and account, the default VAT rate of a
-- new product, the company's time zone and currency.
ALTER TABLE company_settings
    ADD COLUMN tax_id           text NOT NULL DEFAULT '' CHECK (tax_id = '' OR tax_id ~ '^[0-9A-Z]{15,20}$'),
    ADD COLUMN address          text NOT NULL DEFAULT '' CHECK (char_length(address) <= 200),
    ADD COLUMN phone            text NOT NULL DEFAULT '' CHECK (char_length(phone) <= 40),
    ADD COLUMN bank_name        text NOT NULL DEFAULT '' CHECK (char_length(bank_name) <= 100),
    ADD COLUMN bank_account     text NOT NULL DEFAULT '' CHECK (char_length(bank_account) <= 40),
    ADD COLUMN default_vat_rate numeric(6,4) NOT NULL DEFAULT 0.13 CHECK (default_vat_rate >= 0 AND default_vat_rate < 1),
    ADD COLUMN time_zone        text NOT NULL DEFAULT 'Asia/Shanghai',
    ADD COLUMN currency         text NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$');

-- Numbering rules: per document kind the prefix, an optional year or
-- year-and-month part and the padding of the running number of new
-- documents. Existing numbers never change; the defaults are the numbers
-- given so far (SO-000123, PO000012).
CREATE TABLE numbering_rules (
    kind       text PRIMARY KEY,
    table_name text NOT NULL CONSTRAINT numbering_rules_table_key UNIQUE,
    prefix     text NOT NULL CONSTRAINT numbering_rules_prefix_key UNIQUE
               CHECK (prefix ~ '^[A-Za-z][A-Za-z0-9_-]{0,9}$' AND prefix !~ '[0-9]$'),
    date_part  text NOT NULL DEFAULT 'NONE' CHECK (date_part IN ('NONE', 'YEAR', 'YEAR_MONTH')),
    padding    integer NOT NULL DEFAULT 6 CHECK (padding BETWEEN 4 AND 10),
    updated_at timestamptz,
    updated_by bigint REFERENCES users(id)
);
INSERT INTO numbering_rules (kind, table_name, prefix) VALUES
    ('SALES_ORDER', 'sales_orders', 'SO-'),
    ('SHIPMENT', 'shipments', 'SH-'),
    ('SALES_INVOICE', 'sales_invoices', 'SI-'),
    ('CUSTOMER_PAYMENT', 'customer_payments', 'RC-'),
    ('SALES_RETURN', 'sales_returns', 'CN-'),
    ('CUSTOMER_REFUND', 'customer_refunds', 'RF-'),
    ('PURCHASE_ORDER', 'purchase_orders', 'PO'),
    ('PURCHASE_RECEIPT', 'goods_receipts', 'GR'),
    ('SUPPLIER_INVOICE', 'supplier_invoices', 'PI'),
    ('SUPPLIER_PAYMENT', 'supplier_payments', 'SP'),
    ('LANDED_COST', 'landed_costs', 'LC'),
    ('OPERATING_COST', 'operating_costs', 'OC');

-- The number of a new document of a table from its running number: the
-- rule's prefix, the company's year (or year and month) when the rule
-- has one, and the running number padded with zeros (never cut).
CREATE FUNCTION document_number(tbl text, seq bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT r.prefix
        || CASE r.date_part
               WHEN 'YEAR' THEN to_char((now() AT TIME ZONE s.time_zone)::date, 'YYYY')
               WHEN 'YEAR_MONTH' THEN to_char((now() AT TIME ZONE s.time_zone)::date, 'YYYYMM')
               ELSE '' END
        || lpad(seq::text, greatest(r.padding, length(seq::text)), '0')
    FROM numbering_rules r, company_settings s
    WHERE r.table_name = tbl
$$;

-- The sales documents made their numbers from the id in a generated
-- column; they are now written, by this trigger when the insert gives
-- none, so every insert keeps working.
CREATE FUNCTION fill_document_number() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.number IS NULL THEN
        NEW.number := document_number(TG_TABLE_NAME, NEW.id);
    END IF;
    RETURN NEW;
END
$$;

ALTER TABLE sales_orders ALTER COLUMN number DROP EXPRESSION;
ALTER TABLE shipments ALTER COLUMN number DROP EXPRESSION;
ALTER TABLE customer_payments ALTER COLUMN number DROP EXPRESSION;
ALTER TABLE sales_returns ALTER COLUMN number DROP EXPRESSION;
ALTER TABLE customer_refunds ALTER COLUMN number DROP EXPRESSION;
ALTER TABLE sales_orders ALTER COLUMN number SET NOT NULL;
ALTER TABLE shipments ALTER COLUMN number SET NOT NULL;
ALTER TABLE customer_payments ALTER COLUMN number SET NOT NULL;
ALTER TABLE sales_returns ALTER COLUMN number SET NOT NULL;
ALTER TABLE customer_refunds ALTER COLUMN number SET NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS sales_orders_number_key ON sales_orders (number);
CREATE UNIQUE INDEX IF NOT EXISTS shipments_number_key ON shipments (number);
CREATE UNIQUE INDEX IF NOT EXISTS customer_payments_number_key ON customer_payments (number);
CREATE UNIQUE INDEX IF NOT EXISTS sales_returns_number_key ON sales_returns (number);
CREATE UNIQUE INDEX IF NOT EXISTS customer_refunds_number_key ON customer_refunds (number);

CREATE TRIGGER sales_orders_number BEFORE INSERT ON sales_orders FOR EACH ROW EXECUTE FUNCTION fill_document_number();
CREATE TRIGGER shipments_number BEFORE INSERT ON shipments FOR EACH ROW EXECUTE FUNCTION fill_document_number();
CREATE TRIGGER customer_payments_number BEFORE INSERT ON customer_payments FOR EACH ROW EXECUTE FUNCTION fill_document_number();
CREATE TRIGGER sales_returns_number BEFORE INSERT ON sales_returns FOR EACH ROW EXECUTE FUNCTION fill_document_number();
CREATE TRIGGER customer_refunds_number BEFORE INSERT ON customer_refunds FOR EACH ROW EXECUTE FUNCTION fill_document_number();
