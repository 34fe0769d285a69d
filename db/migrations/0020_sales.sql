-- Order to cash: customers, sales orders with reservations, replenishment
-- needs, shipments, invoices, payments and their allocations, returns
-- (credit notes) and refunds. Idempotency keys share idempotency_keys
-- (0030) with scope 'sales.<operation>:<user id>'. Stock and journal rows are
-- written only by the posting engine; these tables are the documents.

CREATE TABLE customers (
    id                 bigserial PRIMARY KEY,
    code               text NOT NULL CONSTRAINT customers_code_key UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$'),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    contacts           jsonb NOT NULL DEFAULT '[]',
    addresses          jsonb NOT NULL DEFAULT '[]',
    region             text NOT NULL DEFAULT '',
    salesperson        text NOT NULL DEFAULT '',
    channel            text NOT NULL DEFAULT 'DIRECT' CHECK (channel IN ('ONLINE','STORE','DISTRIBUTOR','DIRECT')),
    credit_limit       numeric(18,2) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
    preferences        text NOT NULL DEFAULT '',
    notes              text NOT NULL DEFAULT '',
    active             boolean NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_name ON customers (name);
CREATE INDEX customers_region ON customers (region);

CREATE TABLE sales_orders (
    id                 bigserial PRIMARY KEY,
    number             text GENERATED ALWAYS AS ('SO-' || lpad(id::text, 6, '0')) STORED,
    customer_id        bigint NOT NULL REFERENCES customers(id),
    channel            text NOT NULL CHECK (channel IN ('ONLINE','STORE','DISTRIBUTOR','DIRECT')),
    region             text NOT NULL DEFAULT '',
    warehouse_id       bigint REFERENCES warehouses(id),
    warehouse_override boolean NOT NULL DEFAULT false,
    posting_date       date NOT NULL,
    status             text NOT NULL DEFAULT 'DRAFT'
                       CHECK (status IN ('DRAFT','ON_HOLD','CONFIRMED','PARTIALLY_SHIPPED','SHIPPED','CLOSED','CANCELLED')),
    hold_reason        text,
    hold_released_by   bigint REFERENCES users(id),
    hold_released_at   timestamptz,
    confirmed_at       timestamptz,
    notes              text NOT NULL DEFAULT '',
    net_amount         numeric(18,2) NOT NULL DEFAULT 0,
    vat_amount         numeric(18,2) NOT NULL DEFAULT 0,
    total_amount       numeric(18,2) NOT NULL DEFAULT 0,
    created_by         bigint REFERENCES users(id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sales_orders_customer ON sales_orders (customer_id, posting_date);
CREATE INDEX sales_orders_status ON sales_orders (status);

CREATE TABLE sales_order_lines (
    id            bigserial PRIMARY KEY,
    order_id      bigint NOT NULL REFERENCES sales_orders(id),
    line_no       integer NOT NULL,
    product_id    bigint NOT NULL REFERENCES products(id),
    quantity      numeric(18,4) NOT NULL CHECK (quantity > 0),
    unit_price    numeric(18,6) NOT NULL CHECK (unit_price >= 0),
    discount_rate numeric(6,4) NOT NULL DEFAULT 0 CHECK (discount_rate >= 0 AND discount_rate < 1),
    vat_rate      numeric(6,4) NOT NULL CHECK (vat_rate >= 0 AND vat_rate < 1),
    net_amount    numeric(18,2) NOT NULL,
    vat_amount    numeric(18,2) NOT NULL,
    reserved      numeric(18,4) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    shipped       numeric(18,4) NOT NULL DEFAULT 0 CHECK (shipped >= 0),
    returned      numeric(18,4) NOT NULL DEFAULT 0 CHECK (returned >= 0),
    CONSTRAINT sales_order_lines_line_key UNIQUE (order_id, line_no),
    CONSTRAINT sales_order_lines_within_quantity CHECK (reserved + shipped <= quantity AND returned <= shipped)
);
CREATE INDEX sales_order_lines_product ON sales_order_lines (product_id);

-- Shortages found on confirmation, for purchasing to cover.
CREATE TABLE replenishment_needs (
    id                  bigserial PRIMARY KEY,
    product_id          bigint NOT NULL REFERENCES products(id),
    warehouse_id        bigint NOT NULL REFERENCES warehouses(id),
    quantity            numeric(18,4) NOT NULL CHECK (quantity > 0),
    sales_order_line_id bigint NOT NULL REFERENCES sales_order_lines(id),
    status              text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','COVERED','CANCELLED')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    covered_at          timestamptz
);
CREATE INDEX replenishment_needs_open ON replenishment_needs (status, product_id, warehouse_id);
CREATE UNIQUE INDEX replenishment_needs_one_open ON replenishment_needs (sales_order_line_id) WHERE status = 'OPEN';

CREATE TABLE sales_invoices (
    id               bigserial PRIMARY KEY,
    number           text GENERATED ALWAYS AS ('SI-' || lpad(id::text, 6, '0')) STORED,
    customer_id      bigint NOT NULL REFERENCES customers(id),
    posting_date     date NOT NULL,
    due_date         date NOT NULL,
    net_amount       numeric(18,2) NOT NULL,
    vat_amount       numeric(18,2) NOT NULL,
    total_amount     numeric(18,2) NOT NULL CHECK (total_amount >= 0),
    paid_amount      numeric(18,2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    credited_amount  numeric(18,2) NOT NULL DEFAULT 0 CHECK (credited_amount >= 0),
    status           text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','PARTIALLY_PAID','PAID')),
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sales_invoices_settled_within_total CHECK (paid_amount + credited_amount <= total_amount)
);
CREATE INDEX sales_invoices_customer ON sales_invoices (customer_id, due_date);

CREATE TABLE shipments (
    id               bigserial PRIMARY KEY,
    number           text GENERATED ALWAYS AS ('SH-' || lpad(id::text, 6, '0')) STORED,
    order_id         bigint NOT NULL REFERENCES sales_orders(id),
    customer_id      bigint NOT NULL REFERENCES customers(id),
    warehouse_id     bigint NOT NULL REFERENCES warehouses(id),
    status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SHIPPED','DELIVERED','CANCELLED')),
    posting_date     date,
    carrier          text NOT NULL DEFAULT '',
    tracking_number  text NOT NULL DEFAULT '',
    journal_entry_id bigint REFERENCES journal_entries(id),
    invoice_id       bigint REFERENCES sales_invoices(id),
    shipped_at       timestamptz,
    delivered_at     timestamptz,
    rating           integer CHECK (rating BETWEEN 1 AND 5),
    rating_comment   text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_order ON shipments (order_id);
CREATE INDEX shipments_customer ON shipments (customer_id, status);

CREATE TABLE shipment_lines (
    id                bigserial PRIMARY KEY,
    shipment_id       bigint NOT NULL REFERENCES shipments(id),
    line_no           integer NOT NULL,
    order_line_id     bigint NOT NULL REFERENCES sales_order_lines(id),
    product_id        bigint NOT NULL REFERENCES products(id),
    quantity          numeric(18,4) NOT NULL CHECK (quantity > 0),
    cost_value        numeric(18,2) NOT NULL DEFAULT 0 CHECK (cost_value >= 0),
    returned_quantity numeric(18,4) NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0),
    returned_value    numeric(18,2) NOT NULL DEFAULT 0 CHECK (returned_value >= 0),
    CONSTRAINT shipment_lines_line_key UNIQUE (shipment_id, line_no),
    CONSTRAINT shipment_lines_returned_within CHECK (returned_quantity <= quantity AND returned_value <= cost_value)
);

CREATE TABLE sales_invoice_lines (
    id               bigserial PRIMARY KEY,
    invoice_id       bigint NOT NULL REFERENCES sales_invoices(id),
    line_no          integer NOT NULL,
    shipment_line_id bigint NOT NULL CONSTRAINT sales_invoice_lines_shipment_line_key UNIQUE REFERENCES shipment_lines(id),
    product_id       bigint NOT NULL REFERENCES products(id),
    quantity         numeric(18,4) NOT NULL CHECK (quantity > 0),
    unit_price       numeric(18,6) NOT NULL,
    discount_rate    numeric(6,4) NOT NULL,
    vat_rate         numeric(6,4) NOT NULL,
    net_amount       numeric(18,2) NOT NULL,
    vat_amount       numeric(18,2) NOT NULL,
    CONSTRAINT sales_invoice_lines_line_key UNIQUE (invoice_id, line_no)
);

CREATE TABLE customer_payments (
    id               bigserial PRIMARY KEY,
    number           text GENERATED ALWAYS AS ('RC-' || lpad(id::text, 6, '0')) STORED,
    customer_id      bigint NOT NULL REFERENCES customers(id),
    posting_date     date NOT NULL,
    amount           numeric(18,2) NOT NULL CHECK (amount > 0),
    bank_account     text NOT NULL REFERENCES accounts(code),
    reference        text NOT NULL DEFAULT '',
    applied_amount   numeric(18,2) NOT NULL DEFAULT 0 CHECK (applied_amount >= 0),
    refunded_amount  numeric(18,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customer_payments_within_amount CHECK (applied_amount + refunded_amount <= amount)
);
CREATE INDEX customer_payments_customer ON customer_payments (customer_id, posting_date);

CREATE TABLE sales_returns (
    id               bigserial PRIMARY KEY,
    number           text GENERATED ALWAYS AS ('CN-' || lpad(id::text, 6, '0')) STORED,
    customer_id      bigint NOT NULL REFERENCES customers(id),
    shipment_id      bigint NOT NULL REFERENCES shipments(id),
    invoice_id       bigint NOT NULL REFERENCES sales_invoices(id),
    posting_date     date NOT NULL,
    reason           text NOT NULL DEFAULT '',
    net_amount       numeric(18,2) NOT NULL,
    vat_amount       numeric(18,2) NOT NULL,
    total_amount     numeric(18,2) NOT NULL CHECK (total_amount >= 0),
    cost_value       numeric(18,2) NOT NULL,
    applied_amount   numeric(18,2) NOT NULL DEFAULT 0 CHECK (applied_amount >= 0),
    refunded_amount  numeric(18,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sales_returns_within_total CHECK (applied_amount + refunded_amount <= total_amount)
);
CREATE INDEX sales_returns_customer ON sales_returns (customer_id, posting_date);

CREATE TABLE sales_return_lines (
    id               bigserial PRIMARY KEY,
    return_id        bigint NOT NULL REFERENCES sales_returns(id),
    line_no          integer NOT NULL,
    shipment_line_id bigint NOT NULL REFERENCES shipment_lines(id),
    product_id       bigint NOT NULL REFERENCES products(id),
    warehouse_id     bigint NOT NULL REFERENCES warehouses(id),
    quantity         numeric(18,4) NOT NULL CHECK (quantity > 0),
    cost_value       numeric(18,2) NOT NULL,
    net_amount       numeric(18,2) NOT NULL,
    vat_amount       numeric(18,2) NOT NULL,
    CONSTRAINT sales_return_lines_line_key UNIQUE (return_id, line_no)
);

-- What settles an invoice: part of a payment or of a credit note, dated so
-- that aging as of any day sees what was open then.
CREATE TABLE receivable_allocations (
    id               bigserial PRIMARY KEY,
    invoice_id       bigint NOT NULL REFERENCES sales_invoices(id),
    payment_id       bigint REFERENCES customer_payments(id),
    return_id        bigint REFERENCES sales_returns(id),
    amount           numeric(18,2) NOT NULL CHECK (amount > 0),
    posting_date     date NOT NULL,
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT receivable_allocations_one_source CHECK ((payment_id IS NULL) <> (return_id IS NULL))
);
CREATE INDEX receivable_allocations_invoice ON receivable_allocations (invoice_id, posting_date);
CREATE INDEX receivable_allocations_payment ON receivable_allocations (payment_id);

CREATE TABLE customer_refunds (
    id               bigserial PRIMARY KEY,
    number           text GENERATED ALWAYS AS ('RF-' || lpad(id::text, 6, '0')) STORED,
    customer_id      bigint NOT NULL REFERENCES customers(id),
    return_id        bigint REFERENCES sales_returns(id),
    payment_id       bigint REFERENCES customer_payments(id),
    posting_date     date NOT NULL,
    amount           numeric(18,2) NOT NULL CHECK (amount > 0),
    bank_account     text NOT NULL REFERENCES accounts(code),
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customer_refunds_one_source CHECK ((payment_id IS NULL) <> (return_id IS NULL))
);


-- 2203 advances from customers is kept by customer payments from now on:
-- manual entries may not touch it, so it always equals unapplied payments.
UPDATE accounts SET manual_posting = false WHERE code = '2203';
