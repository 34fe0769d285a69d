-- The books: chart of accounts, fiscal periods, journal, stock ledger, and
-- the per-day balance tables that keep as-of queries independent of the
-- number of lines. Posted rows (journal entries and lines, stock moves) are
-- never updated or deleted: a trigger refuses it.

CREATE TABLE accounts (
    code           text PRIMARY KEY CHECK (code ~ '^[0-9]{4}(\.[0-9]{2}){0,3}$'),
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_en        text NOT NULL DEFAULT '',
    type           text NOT NULL CHECK (type IN ('ASSET','LIABILITY','EQUITY','REVENUE','EXPENSE')),
    parent_code    text REFERENCES accounts(code),
    header         boolean NOT NULL DEFAULT false,   -- groups sub-accounts, takes no postings
    manual_posting boolean NOT NULL DEFAULT true,    -- false: a control account only its sub-ledger posts to
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- The default chart (小企业会计准则). 3001/3103/3104 are the equity the
-- opening balances need; 1901 holds count variances until finance clears
-- them; 6301 takes count gains when it does.
INSERT INTO accounts (code, name, name_en, type, parent_code, header, manual_posting) VALUES
 ('1001', '库存现金', 'Cash on hand', 'ASSET', NULL, false, true),
 ('1002', '银行存款', 'Bank deposits', 'ASSET', NULL, false, true),
 ('1122', '应收账款', 'Accounts receivable', 'ASSET', NULL, false, false),
 ('1123', '预付账款', 'Advances to suppliers', 'ASSET', NULL, false, true),
 ('1402', '在途物资', 'Goods in transit', 'ASSET', NULL, false, false),
 ('1405', '库存商品', 'Inventory', 'ASSET', NULL, false, false),
 ('1901', '待处理财产损溢', 'Inventory adjustments pending', 'ASSET', NULL, false, true),
 ('2202', '应付账款', 'Accounts payable', 'LIABILITY', NULL, true, false),
 ('2202.01', '应付账款-货款', 'Trade payables', 'LIABILITY', '2202', false, false),
 ('2202.02', '应付账款-暂估应付', 'Goods received not invoiced', 'LIABILITY', '2202', false, false),
 ('2203', '预收账款', 'Advances from customers', 'LIABILITY', NULL, false, true),
 ('2221', '应交税费', 'Taxes payable', 'LIABILITY', NULL, true, true),
 ('2221.01', '应交增值税', 'VAT payable', 'LIABILITY', '2221', true, true),
 ('2221.01.01', '进项税额', 'Input VAT', 'LIABILITY', '2221.01', false, true),
 ('2221.01.02', '销项税额', 'Output VAT', 'LIABILITY', '2221.01', false, true),
 ('3001', '实收资本', 'Paid-in capital', 'EQUITY', NULL, false, true),
 ('3103', '本年利润', 'Current-year profit', 'EQUITY', NULL, false, true),
 ('3104', '利润分配-未分配利润', 'Retained earnings', 'EQUITY', NULL, false, true),
 ('6001', '主营业务收入', 'Revenue', 'REVENUE', NULL, false, true),
 ('6301', '营业外收入', 'Non-operating income', 'REVENUE', NULL, false, true),
 ('6401', '主营业务成本', 'Cost of goods sold', 'EXPENSE', NULL, false, true),
 ('6601', '销售费用', 'Selling expenses', 'EXPENSE', NULL, false, true),
 ('6602', '管理费用', 'Administrative expenses', 'EXPENSE', NULL, false, true),
 ('6603', '财务费用', 'Finance expenses (FX gain/loss)', 'EXPENSE', NULL, false, true),
 ('6711', '营业外支出', 'Scrap and other losses', 'EXPENSE', NULL, false, true);

-- Monthly periods, created as postings need them. closed_at is taken from
-- the database clock after the close has waited for every posting that
-- holds the period, so "posted after close" is decidable from the rows.
CREATE TABLE fiscal_periods (
    year      integer NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    month     integer NOT NULL CHECK (month BETWEEN 1 AND 12),
    status    text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
    closed_at timestamptz,
    closed_by bigint REFERENCES users(id),
    PRIMARY KEY (year, month)
);

CREATE TABLE journal_entries (
    id           bigserial PRIMARY KEY,
    posting_date date NOT NULL,
    description  text NOT NULL DEFAULT '',
    source_type  text NOT NULL,
    source_id    bigint,
    reverses_id  bigint CONSTRAINT journal_entries_reverses_key UNIQUE REFERENCES journal_entries(id),
    created_by   bigint REFERENCES users(id),
    -- the database clock on purpose: compared with fiscal_periods.closed_at
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_entries_date ON journal_entries (posting_date, id);
CREATE INDEX journal_entries_source ON journal_entries (source_type, source_id);

CREATE TABLE journal_lines (
    id           bigserial PRIMARY KEY,
    entry_id     bigint NOT NULL REFERENCES journal_entries(id),
    line_no      integer NOT NULL,
    account_code text NOT NULL REFERENCES accounts(code),
    debit        numeric(18,2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit       numeric(18,2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
    posting_date date NOT NULL,      -- the entry's, kept here for per-account queries
    cost_centre  text,
    partner      text,
    description  text NOT NULL DEFAULT '',
    CONSTRAINT journal_lines_one_side CHECK ((debit > 0) <> (credit > 0)),
    CONSTRAINT journal_lines_line_key UNIQUE (entry_id, line_no)
);
CREATE INDEX journal_lines_account ON journal_lines (account_code, posting_date);

-- Debits and credits per account per day, upserted with every posting.
CREATE TABLE account_daily (
    account_code text NOT NULL REFERENCES accounts(code),
    day          date NOT NULL,
    debit        numeric(18,2) NOT NULL DEFAULT 0,
    credit       numeric(18,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (account_code, day)
);
CREATE INDEX account_daily_day ON account_daily (day);

-- One row per product that has ever moved: the lock every stock posting of
-- the product takes first, and its latest move date (no back-dating).
CREATE TABLE product_stock (
    product_id     bigint PRIMARY KEY REFERENCES products(id),
    last_move_date date
);

-- Stock per product and warehouse; also the moving-average cost pool.
CREATE TABLE stock_balances (
    product_id   bigint NOT NULL REFERENCES products(id),
    warehouse_id bigint NOT NULL REFERENCES warehouses(id),
    on_hand      numeric(18,4) NOT NULL DEFAULT 0,
    reserved     numeric(18,4) NOT NULL DEFAULT 0,
    value        numeric(18,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, warehouse_id),
    CONSTRAINT stock_never_negative CHECK (on_hand >= 0),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand),
    CONSTRAINT stock_value_only_with_stock CHECK (value >= 0 AND (on_hand > 0 OR value = 0))
);
CREATE INDEX stock_balances_warehouse ON stock_balances (warehouse_id);

-- Opening stock and stock adjustments (count variance, scrap).
CREATE TABLE stock_documents (
    id               bigserial PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('OPENING_STOCK','COUNT_VARIANCE','SCRAP')),
    posting_date     date NOT NULL,
    description      text NOT NULL DEFAULT '',
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_by       bigint REFERENCES users(id),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stock_document_lines (
    document_id  bigint NOT NULL REFERENCES stock_documents(id),
    line_no      integer NOT NULL,
    product_id   bigint NOT NULL REFERENCES products(id),
    warehouse_id bigint NOT NULL REFERENCES warehouses(id),
    location_id  bigint REFERENCES locations(id),
    quantity     numeric(18,4) NOT NULL CHECK (quantity <> 0),
    unit_cost    numeric(18,6),
    value        numeric(18,2) NOT NULL,
    PRIMARY KEY (document_id, line_no)
);

CREATE TABLE stock_moves (
    id               bigserial PRIMARY KEY,
    product_id       bigint NOT NULL,
    warehouse_id     bigint NOT NULL,
    location_id      bigint REFERENCES locations(id),
    quantity         numeric(18,4) NOT NULL CHECK (quantity <> 0),
    value            numeric(18,2) NOT NULL,
    posting_date     date NOT NULL,
    source_type      text NOT NULL,
    source_id        bigint NOT NULL,
    journal_entry_id bigint REFERENCES journal_entries(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (product_id, warehouse_id) REFERENCES stock_balances (product_id, warehouse_id),
    CONSTRAINT stock_moves_value_sign CHECK (value = 0 OR sign(value) = sign(quantity))
);
CREATE INDEX stock_moves_balance ON stock_moves (product_id, warehouse_id, posting_date);
CREATE INDEX stock_moves_source ON stock_moves (source_type, source_id);
CREATE INDEX stock_moves_entry ON stock_moves (journal_entry_id);
CREATE INDEX stock_moves_date ON stock_moves (posting_date, id);

-- Quantity and value changes per product, warehouse and day: closing stock
-- value on any day, and the daily-average inventory the KPIs need.
CREATE TABLE stock_daily (
    product_id   bigint NOT NULL,
    warehouse_id bigint NOT NULL,
    day          date NOT NULL,
    qty_change   numeric(18,4) NOT NULL DEFAULT 0,
    value_change numeric(18,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, warehouse_id, day),
    FOREIGN KEY (product_id, warehouse_id) REFERENCES stock_balances (product_id, warehouse_id)
);
CREATE INDEX stock_daily_day ON stock_daily (day);

-- Posted rows never change (DOMAIN.md invariant 2).
CREATE FUNCTION refuse_posted_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are posted and never change; post a reversal instead', TG_TABLE_NAME
        USING ERRCODE = 'JX002';
END $$;

CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_posted_change();
CREATE TRIGGER journal_lines_immutable BEFORE UPDATE OR DELETE ON journal_lines
    FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();
CREATE TRIGGER journal_lines_no_truncate BEFORE TRUNCATE ON journal_lines
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_posted_change();
CREATE TRIGGER stock_moves_immutable BEFORE UPDATE OR DELETE ON stock_moves
    FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();
CREATE TRIGGER stock_moves_no_truncate BEFORE TRUNCATE ON stock_moves
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_posted_change();

-- Every entry balances (invariant 1), checked at commit so that the lines
-- of one entry can be inserted in any order.
CREATE FUNCTION check_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d numeric;
    c numeric;
BEGIN
    SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0) INTO d, c
      FROM journal_lines WHERE entry_id = NEW.entry_id;
    IF d <> c THEN
        RAISE EXCEPTION 'journal entry % does not balance: debits % credits %', NEW.entry_id, d, c
            USING ERRCODE = '23514', CONSTRAINT = 'journal_entry_balances';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER journal_entry_balances AFTER INSERT ON journal_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balances();
