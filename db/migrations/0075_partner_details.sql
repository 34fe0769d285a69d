-- Partner master data: tax IDs in either form (an 18-character unified
-- social credit code, or an old tax registration number of 15 to 20
-- letters and digits), a customer's invoicing details (开票信息) and both
-- sides' bank details; a supplier's tax ID, address and notes; the minimum
-- order quantity of a supplier's price and whether the price is in use.
ALTER TABLE customers DROP CONSTRAINT IF EXISTS customers_tax_id_check;
ALTER TABLE customers
    ADD CONSTRAINT customers_tax_id_check CHECK (tax_id ~ '^[0-9A-Z]{15,20}$'),
    ADD COLUMN invoicing    jsonb,
    ADD COLUMN bank_name    text NOT NULL DEFAULT '' CHECK (char_length(bank_name) <= 100),
    ADD COLUMN bank_account text NOT NULL DEFAULT '' CHECK (char_length(bank_account) <= 50);

ALTER TABLE suppliers
    ADD COLUMN tax_id       text CHECK (tax_id ~ '^[0-9A-Z]{15,20}$'),
    ADD COLUMN bank_name    text NOT NULL DEFAULT '' CHECK (char_length(bank_name) <= 100),
    ADD COLUMN bank_account text NOT NULL DEFAULT '' CHECK (char_length(bank_account) <= 50),
    ADD COLUMN address      text NOT NULL DEFAULT '' CHECK (char_length(address) <= 300),
    ADD COLUMN notes        text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 2000);

ALTER TABLE supplier_products
    ADD COLUMN min_order_qty numeric(18,4) CHECK (min_order_qty > 0),
    ADD COLUMN active        boolean NOT NULL DEFAULT true;
