-- Alerts for people, budgets with their consumption ledger, operating costs.

-- Alerts of every kind (BUDGET_80, BUDGET_100, PRICE_RISE, LOW_STOCK here;
-- CREDIT_HOLD, SHORTAGE from sales). Inserted with an outbox event in the
-- same transaction by db.RaiseAlert.
CREATE TABLE alerts (
    id              bigserial PRIMARY KEY,
    kind            text NOT NULL CHECK (kind ~ '^[A-Z0-9_]{1,40}$'),
    subject         text NOT NULL,          -- what it is about, e.g. 'budgetLine:3', 'product:12'
    message         text NOT NULL,
    owner_id        bigint REFERENCES users(id),  -- null: for everyone whose role sees the kind
    payload         jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    acknowledged    boolean NOT NULL DEFAULT false,
    acknowledged_by bigint REFERENCES users(id),
    acknowledged_at timestamptz
);
CREATE INDEX alerts_kind ON alerts (kind, created_at DESC);
CREATE INDEX alerts_subject ON alerts (subject) WHERE NOT acknowledged;
CREATE INDEX alerts_owner ON alerts (owner_id, created_at DESC);

CREATE TABLE budget_lines (
    id           bigserial PRIMARY KEY,
    year         integer NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    month        integer NOT NULL CHECK (month BETWEEN 1 AND 12),
    cost_centre  text NOT NULL CHECK (length(cost_centre) BETWEEN 1 AND 50),
    account_code text NOT NULL REFERENCES accounts(code),
    category_id  bigint REFERENCES categories(id),
    amount       numeric(18,2) NOT NULL CHECK (amount > 0),
    owner_id     bigint REFERENCES users(id),
    policy       text NOT NULL CHECK (policy IN ('WARN','BLOCK')),
    description  text NOT NULL DEFAULT '',
    alerted_80   boolean NOT NULL DEFAULT false,
    alerted_100  boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT budget_lines_key UNIQUE NULLS NOT DISTINCT (year, month, cost_centre, account_code, category_id)
);

-- The budget's own ledger: every commitment, release and actual, signed,
-- written in the transaction of the document that causes it. A line's
-- consumption is the sum of the rows matching its period, cost centre,
-- account (and category when the line names one).
CREATE TABLE budget_entries (
    id           bigserial PRIMARY KEY,
    year         integer NOT NULL,
    month        integer NOT NULL,
    cost_centre  text NOT NULL,
    account_code text NOT NULL,
    category_id  bigint,
    kind         text NOT NULL CHECK (kind IN ('ACTUAL','COMMITMENT')),
    amount       numeric(18,2) NOT NULL,
    source_type  text NOT NULL,
    source_id    bigint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_entries_key ON budget_entries (year, month, cost_centre, account_code);
CREATE INDEX budget_entries_source ON budget_entries (source_type, source_id);

CREATE TABLE operating_costs (
    id                  bigserial PRIMARY KEY,
    number              text NOT NULL CONSTRAINT operating_costs_number_key UNIQUE,
    category            text NOT NULL CHECK (category IN ('LABOUR','OVERHEAD','FREIGHT','RENT','OTHER')),
    posting_date        date NOT NULL,
    cost_centre         text NOT NULL,
    account_code        text NOT NULL REFERENCES accounts(code),
    amount              numeric(18,2) NOT NULL CHECK (amount > 0),
    pay_from            text NOT NULL CHECK (pay_from IN ('BANK','PAYABLE')),
    supplier_id         bigint REFERENCES suppliers(id),
    supplier_invoice_id bigint REFERENCES supplier_invoices(id),
    description         text NOT NULL DEFAULT '',
    budget_warnings     text[] NOT NULL DEFAULT '{}',
    journal_entry_id    bigint REFERENCES journal_entries(id),
    created_by          bigint REFERENCES users(id),
    created_at          timestamptz NOT NULL DEFAULT now()
);
