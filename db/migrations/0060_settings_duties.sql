-- Separation of duties, configurable per company (issue 14, item 6): which
-- controls are on and the amount above which a purchase order needs a
-- second person. One row; every control is on in a new company.
CREATE TABLE company_settings (
    id                            boolean PRIMARY KEY DEFAULT true CHECK (id),
    credit_limit_raise_by_finance boolean NOT NULL DEFAULT true,
    mismatch_approval_by_other    boolean NOT NULL DEFAULT true,
    order_approval_by_other       boolean NOT NULL DEFAULT true,
    order_self_approval_limit     numeric(18,2) NOT NULL DEFAULT 50000 CHECK (order_self_approval_limit >= 0),
    opening_stock_by_finance      boolean NOT NULL DEFAULT true,
    posting_accounts_protected    boolean NOT NULL DEFAULT true,
    below_cost_sale_by_manager    boolean NOT NULL DEFAULT true,
    updated_at                    timestamptz,
    updated_by                    bigint REFERENCES users(id)
);
INSERT INTO company_settings DEFAULT VALUES;
