-- Procure to pay: suppliers with their products and prices, purchase
-- orders, goods receipts with inspection, supplier invoices matched three
-- ways, payments allocated to invoices, landed costs. Stock and money move
-- only through the posting engine; these tables are the documents.

-- Purchase price variance: the difference between what an invoice charges
-- and the order price at which the goods were received (Dr when dearer).
INSERT INTO accounts (code, name, name_en, type, parent_code, header, manual_posting) VALUES
 ('6404', '采购价格差异', 'Purchase price variance', 'EXPENSE', NULL, false, true);

-- Tolerances and thresholds purchasing works with; one row.
CREATE TABLE purchasing_settings (
    id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
    price_tolerance      numeric(6,4) NOT NULL DEFAULT 0.02 CHECK (price_tolerance >= 0 AND price_tolerance < 1),
    quantity_tolerance   numeric(6,4) NOT NULL DEFAULT 0 CHECK (quantity_tolerance >= 0 AND quantity_tolerance < 1),
    price_rise_threshold numeric(6,4) NOT NULL DEFAULT 0.05 CHECK (price_rise_threshold >= 0 AND price_rise_threshold < 10)
);
INSERT INTO purchasing_settings DEFAULT VALUES;

CREATE TABLE suppliers (
    id                 bigserial PRIMARY KEY,
    code               text NOT NULL CONSTRAINT suppliers_code_key UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$'),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    contacts           jsonb NOT NULL DEFAULT '[]',
    payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
    currency           text NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
    lead_time_days     integer NOT NULL DEFAULT 7 CHECK (lead_time_days BETWEEN 0 AND 3650),
    active             boolean NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suppliers_name ON suppliers (name);

-- What a supplier supplies, with the last price agreed (approved orders).
CREATE TABLE supplier_products (
    supplier_id     bigint NOT NULL REFERENCES suppliers(id),
    product_id      bigint NOT NULL REFERENCES products(id),
    supplier_sku    text NOT NULL DEFAULT '',
    last_price      numeric(18,6) CHECK (last_price >= 0),
    last_price_date date,
    lead_time_days  integer CHECK (lead_time_days BETWEEN 0 AND 3650),
    PRIMARY KEY (supplier_id, product_id)
);
CREATE INDEX supplier_products_product ON supplier_products (product_id);

-- Every price a supplier was given on an approved order: the price trend.
CREATE TABLE supplier_price_history (
    id                bigserial PRIMARY KEY,
    supplier_id       bigint NOT NULL REFERENCES suppliers(id),
    product_id        bigint NOT NULL REFERENCES products(id),
    price             numeric(18,6) NOT NULL,
    price_date        date NOT NULL,
    purchase_order_id bigint
);
CREATE INDEX supplier_price_history_key ON supplier_price_history (supplier_id, product_id, price_date, id);

CREATE TABLE purchase_orders (
    id              bigserial PRIMARY KEY,
    number          text NOT NULL CONSTRAINT purchase_orders_number_key UNIQUE,
    supplier_id     bigint NOT NULL REFERENCES suppliers(id),
    warehouse_id    bigint NOT NULL REFERENCES warehouses(id),
    status          text NOT NULL DEFAULT 'DRAFT' CHECK (status IN
                    ('DRAFT','SUBMITTED','APPROVED','PARTIALLY_RECEIVED','RECEIVED','CLOSED','CANCELLED')),
    order_date      date NOT NULL,
    expected_date   date NOT NULL,
    cost_centre     text NOT NULL DEFAULT '',
    notes           text NOT NULL DEFAULT '',
    budget_warnings text[] NOT NULL DEFAULT '{}',
    created_by      bigint REFERENCES users(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    submitted_at    timestamptz,
    approved_at     timestamptz,
    approved_by     bigint REFERENCES users(id),
    closed_at       timestamptz
);
CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id, order_date);
CREATE INDEX purchase_orders_status ON purchase_orders (status);

CREATE TABLE purchase_order_lines (
    id                bigserial PRIMARY KEY,
    purchase_order_id bigint NOT NULL REFERENCES purchase_orders(id),
    line_no           integer NOT NULL,
    product_id        bigint NOT NULL REFERENCES products(id),
    quantity          numeric(18,4) NOT NULL CHECK (quantity > 0),
    unit_price        numeric(18,6) NOT NULL CHECK (unit_price >= 0),
    vat_rate          numeric(6,4) NOT NULL,
    -- Running totals kept by receipts and invoices (locked with the order).
    received_qty      numeric(18,4) NOT NULL DEFAULT 0 CHECK (received_qty >= 0),
    rejected_qty      numeric(18,4) NOT NULL DEFAULT 0 CHECK (rejected_qty >= 0),
    invoiced_qty      numeric(18,4) NOT NULL DEFAULT 0 CHECK (invoiced_qty >= 0),
    received_value    numeric(18,2) NOT NULL DEFAULT 0,  -- credited to GRNI by receipts
    grni_cleared      numeric(18,2) NOT NULL DEFAULT 0,  -- debited to GRNI by invoices
    CONSTRAINT purchase_order_lines_no_key UNIQUE (purchase_order_id, line_no),
    CONSTRAINT purchase_order_lines_received CHECK (received_qty <= quantity),
    CONSTRAINT purchase_order_lines_invoiced CHECK (invoiced_qty <= quantity)
);
CREATE INDEX purchase_order_lines_product ON purchase_order_lines (product_id);

CREATE TABLE goods_receipts (
    id                bigserial PRIMARY KEY,
    number            text NOT NULL CONSTRAINT goods_receipts_number_key UNIQUE,
    purchase_order_id bigint NOT NULL REFERENCES purchase_orders(id),
    warehouse_id      bigint NOT NULL REFERENCES warehouses(id),
    receipt_date      date NOT NULL,
    notes             text NOT NULL DEFAULT '',
    journal_entry_id  bigint REFERENCES journal_entries(id),
    created_by        bigint REFERENCES users(id),
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goods_receipts_order ON goods_receipts (purchase_order_id);

CREATE TABLE goods_receipt_lines (
    receipt_id       bigint NOT NULL REFERENCES goods_receipts(id),
    line_no          integer NOT NULL,
    po_line_id       bigint NOT NULL REFERENCES purchase_order_lines(id),
    product_id       bigint NOT NULL REFERENCES products(id),
    location_id      bigint REFERENCES locations(id),
    inspected_qty    numeric(18,4) NOT NULL CHECK (inspected_qty > 0),
    accepted_qty     numeric(18,4) NOT NULL CHECK (accepted_qty >= 0),
    rejected_qty     numeric(18,4) NOT NULL CHECK (rejected_qty >= 0),
    rejection_reason text NOT NULL DEFAULT '',
    unit_price       numeric(18,6) NOT NULL,
    value            numeric(18,2) NOT NULL,
    PRIMARY KEY (receipt_id, line_no),
    CONSTRAINT goods_receipt_lines_split CHECK (accepted_qty + rejected_qty = inspected_qty)
);
CREATE INDEX goods_receipt_lines_po_line ON goods_receipt_lines (po_line_id);

-- Supplier invoices: for goods (matched to an order), or the payable side
-- of a landed cost or an operating cost. The AP control account 2202.01
-- equals the sum of total - paid over them (invariant 5).
CREATE TABLE supplier_invoices (
    id                    bigserial PRIMARY KEY,
    number                text NOT NULL CONSTRAINT supplier_invoices_number_key UNIQUE,
    supplier_invoice_no   text NOT NULL DEFAULT '',
    supplier_id           bigint NOT NULL REFERENCES suppliers(id),
    kind                  text NOT NULL CHECK (kind IN ('GOODS','LANDED_COST','OPERATING_COST')),
    purchase_order_id     bigint REFERENCES purchase_orders(id),
    invoice_date          date NOT NULL,
    due_date              date NOT NULL,
    status                text NOT NULL CHECK (status IN ('OPEN','ON_HOLD','PAID')),
    net_amount            numeric(18,2) NOT NULL,
    tax_amount            numeric(18,2) NOT NULL DEFAULT 0,
    total_amount          numeric(18,2) NOT NULL CHECK (total_amount >= 0),
    paid_amount           numeric(18,2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    match_issues          jsonb NOT NULL DEFAULT '[]',
    mismatch_approved_by  bigint REFERENCES users(id),
    mismatch_approved_at  timestamptz,
    journal_entry_id      bigint REFERENCES journal_entries(id),
    created_by            bigint REFERENCES users(id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT supplier_invoices_paid CHECK (paid_amount <= total_amount),
    CONSTRAINT supplier_invoices_no_key UNIQUE (supplier_id, supplier_invoice_no, kind)
);
CREATE INDEX supplier_invoices_supplier ON supplier_invoices (supplier_id, invoice_date);
CREATE INDEX supplier_invoices_order ON supplier_invoices (purchase_order_id);

CREATE TABLE supplier_invoice_lines (
    invoice_id   bigint NOT NULL REFERENCES supplier_invoices(id),
    line_no      integer NOT NULL,
    po_line_id   bigint NOT NULL REFERENCES purchase_order_lines(id),
    product_id   bigint NOT NULL REFERENCES products(id),
    quantity     numeric(18,4) NOT NULL CHECK (quantity > 0),
    unit_price   numeric(18,6) NOT NULL CHECK (unit_price >= 0),
    order_price  numeric(18,6) NOT NULL,
    net_amount   numeric(18,2) NOT NULL,
    tax_amount   numeric(18,2) NOT NULL,
    grni_cleared numeric(18,2) NOT NULL,
    variance     numeric(18,2) NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);
CREATE INDEX supplier_invoice_lines_po_line ON supplier_invoice_lines (po_line_id);

CREATE TABLE supplier_payments (
    id               bigserial PRIMARY KEY,
    number           text NOT NULL CONSTRAINT supplier_payments_number_key UNIQUE,
    supplier_id      bigint NOT NULL REFERENCES suppliers(id),
    payment_date     date NOT NULL,
    amount           numeric(18,2) NOT NULL CHECK (amount > 0),
    reference        text NOT NULL DEFAULT '',
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE supplier_payment_allocations (
    payment_id   bigint NOT NULL REFERENCES supplier_payments(id),
    invoice_id   bigint NOT NULL REFERENCES supplier_invoices(id),
    amount       numeric(18,2) NOT NULL CHECK (amount > 0),
    payment_date date NOT NULL,
    PRIMARY KEY (payment_id, invoice_id)
);
CREATE INDEX supplier_payment_allocations_invoice ON supplier_payment_allocations (invoice_id, payment_date);

CREATE TABLE landed_costs (
    id                  bigserial PRIMARY KEY,
    number              text NOT NULL CONSTRAINT landed_costs_number_key UNIQUE,
    kind                text NOT NULL CHECK (kind IN ('FREIGHT','DUTY','INSURANCE','OTHER')),
    basis               text NOT NULL CHECK (basis IN ('VALUE','QUANTITY')),
    posting_date        date NOT NULL,
    amount              numeric(18,2) NOT NULL CHECK (amount > 0),
    description         text NOT NULL DEFAULT '',
    supplier_invoice_id bigint REFERENCES supplier_invoices(id),
    journal_entry_id    bigint REFERENCES journal_entries(id),
    created_by          bigint REFERENCES users(id),
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE landed_cost_allocations (
    landed_cost_id  bigint NOT NULL REFERENCES landed_costs(id),
    receipt_id      bigint NOT NULL,
    line_no         integer NOT NULL,
    product_id      bigint NOT NULL REFERENCES products(id),
    warehouse_id    bigint NOT NULL REFERENCES warehouses(id),
    amount          numeric(18,2) NOT NULL,
    on_hand_amount  numeric(18,2) NOT NULL,
    sold_amount     numeric(18,2) NOT NULL,
    PRIMARY KEY (landed_cost_id, receipt_id, line_no),
    FOREIGN KEY (receipt_id, line_no) REFERENCES goods_receipt_lines (receipt_id, line_no)
);

-- A retried create/post with the same key returns the first result. The row
-- is inserted first (holding the key until commit) and filled at the end.
CREATE TABLE idempotency_keys (
    scope      text NOT NULL,
    key        text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    result_id  bigint,
    result_ids bigint[],                -- actions that create several documents
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
