-- Auxiliary accounting (辅助核算): every account says on which side its
-- balance normally stands and which dimensions each of its lines must
-- carry; journal lines carry those dimensions as columns, so balances and
-- sub-ledgers per customer, supplier, department, product, warehouse or
-- salesperson are sums over the lines. The chart is completed to the
-- 小企业会计准则 list.

ALTER TABLE accounts
    ADD COLUMN direction  text NOT NULL DEFAULT 'DEBIT' CHECK (direction IN ('DEBIT','CREDIT')),
    ADD COLUMN dimensions text[] NOT NULL DEFAULT '{}'
        CHECK (dimensions <@ ARRAY['CUSTOMER','SUPPLIER','DEPARTMENT','PRODUCT','WAREHOUSE','SALESPERSON']::text[]);

UPDATE accounts SET direction = CASE WHEN type IN ('ASSET','EXPENSE') THEN 'DEBIT' ELSE 'CREDIT' END;

-- The rest of the 小企业会计准则 chart. The standard numbers the profit and
-- loss class 5xxx; this chart has always numbered it 6xxx (6001 主营业务收入,
-- 6401 主营业务成本...), so the missing profit and loss accounts take the
-- chart's numbers: 5051→6051, 5111→6111, 5402→6402, 5403→6403, 5801→6801.
-- The cost class (4xxx) has the standard's numbers; its accounts hold work
-- in progress and show on the balance sheet with the assets.
INSERT INTO accounts (code, name, name_en, type, direction, parent_code, header, manual_posting) VALUES
 ('1012', '其他货币资金', 'Other monetary funds', 'ASSET', 'DEBIT', NULL, false, true),
 ('1101', '短期投资', 'Short-term investments', 'ASSET', 'DEBIT', NULL, false, true),
 ('1121', '应收票据', 'Notes receivable', 'ASSET', 'DEBIT', NULL, false, true),
 ('1131', '应收股利', 'Dividends receivable', 'ASSET', 'DEBIT', NULL, false, true),
 ('1132', '应收利息', 'Interest receivable', 'ASSET', 'DEBIT', NULL, false, true),
 ('1221', '其他应收款', 'Other receivables', 'ASSET', 'DEBIT', NULL, false, true),
 ('1401', '材料采购', 'Materials in purchase', 'ASSET', 'DEBIT', NULL, false, true),
 ('1403', '原材料', 'Raw materials', 'ASSET', 'DEBIT', NULL, false, true),
 ('1404', '材料成本差异', 'Materials cost variance', 'ASSET', 'DEBIT', NULL, false, true),
 ('1407', '商品进销差价', 'Purchase-sale price difference', 'ASSET', 'CREDIT', NULL, false, true),
 ('1408', '委托加工物资', 'Materials in outsourced processing', 'ASSET', 'DEBIT', NULL, false, true),
 ('1411', '周转材料', 'Revolving materials', 'ASSET', 'DEBIT', NULL, false, true),
 ('1421', '消耗性生物资产', 'Consumable biological assets', 'ASSET', 'DEBIT', NULL, false, true),
 ('1501', '长期债券投资', 'Long-term bond investments', 'ASSET', 'DEBIT', NULL, false, true),
 ('1511', '长期股权投资', 'Long-term equity investments', 'ASSET', 'DEBIT', NULL, false, true),
 ('1601', '固定资产', 'Fixed assets', 'ASSET', 'DEBIT', NULL, false, true),
 ('1602', '累计折旧', 'Accumulated depreciation', 'ASSET', 'CREDIT', NULL, false, true),
 ('1604', '在建工程', 'Construction in progress', 'ASSET', 'DEBIT', NULL, false, true),
 ('1605', '工程物资', 'Construction materials', 'ASSET', 'DEBIT', NULL, false, true),
 ('1606', '固定资产清理', 'Fixed assets in disposal', 'ASSET', 'DEBIT', NULL, false, true),
 ('1621', '生产性生物资产', 'Productive biological assets', 'ASSET', 'DEBIT', NULL, false, true),
 ('1622', '生产性生物资产累计折旧', 'Accumulated depreciation of productive biological assets', 'ASSET', 'CREDIT', NULL, false, true),
 ('1701', '无形资产', 'Intangible assets', 'ASSET', 'DEBIT', NULL, false, true),
 ('1702', '累计摊销', 'Accumulated amortisation', 'ASSET', 'CREDIT', NULL, false, true),
 ('1801', '长期待摊费用', 'Long-term prepaid expenses', 'ASSET', 'DEBIT', NULL, false, true),
 ('2001', '短期借款', 'Short-term borrowings', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2201', '应付票据', 'Notes payable', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2211', '应付职工薪酬', 'Employee benefits payable', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2231', '应付利息', 'Interest payable', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2232', '应付利润', 'Profit payable', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2241', '其他应付款', 'Other payables', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2401', '递延收益', 'Deferred income', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2501', '长期借款', 'Long-term borrowings', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('2701', '长期应付款', 'Long-term payables', 'LIABILITY', 'CREDIT', NULL, false, true),
 ('3002', '资本公积', 'Capital reserve', 'EQUITY', 'CREDIT', NULL, false, true),
 ('3101', '盈余公积', 'Surplus reserve', 'EQUITY', 'CREDIT', NULL, false, true),
 ('4001', '生产成本', 'Production cost', 'ASSET', 'DEBIT', NULL, false, true),
 ('4101', '制造费用', 'Manufacturing overhead', 'ASSET', 'DEBIT', NULL, false, true),
 ('4301', '研发支出', 'Research and development expenditure', 'ASSET', 'DEBIT', NULL, false, true),
 ('4401', '工程施工', 'Construction contracts in progress', 'ASSET', 'DEBIT', NULL, false, true),
 ('4403', '机械作业', 'Machinery operations', 'ASSET', 'DEBIT', NULL, false, true),
 ('6051', '其他业务收入', 'Other operating revenue', 'REVENUE', 'CREDIT', NULL, false, true),
 ('6111', '投资收益', 'Investment income', 'REVENUE', 'CREDIT', NULL, false, true),
 ('6402', '其他业务成本', 'Other operating costs', 'EXPENSE', 'DEBIT', NULL, false, true),
 ('6403', '税金及附加', 'Taxes and surcharges', 'EXPENSE', 'DEBIT', NULL, false, true),
 ('6801', '所得税费用', 'Income tax expense', 'EXPENSE', 'DEBIT', NULL, false, true)
ON CONFLICT (code) DO NOTHING;

-- The control accounts whose posting rules name the partner or the goods
-- require that dimension on every line.
UPDATE accounts SET dimensions = '{CUSTOMER}' WHERE code = '1122';
UPDATE accounts SET dimensions = '{SUPPLIER}' WHERE code IN ('2202.01', '2202.02');
UPDATE accounts SET dimensions = '{PRODUCT}' WHERE code = '1405';

ALTER TABLE journal_lines
    ADD COLUMN customer_id  bigint REFERENCES customers(id),
    ADD COLUMN supplier_id  bigint REFERENCES suppliers(id),
    ADD COLUMN department   text,
    ADD COLUMN warehouse_id bigint REFERENCES warehouses(id),
    ADD COLUMN salesperson  text;

-- Backfill what the lines already say: the partner code names a customer on
-- the lines of sales documents and of the customer accounts, a supplier on
-- those of purchasing documents and of the supplier accounts; the cost
-- centre is the department; an inventory line's warehouse is its product's
-- one warehouse among the entry's stock moves; the salesperson is the
-- customer's. Posted lines are otherwise immutable: the trigger is lifted
-- for this one backfill only.
ALTER TABLE journal_lines DISABLE TRIGGER journal_lines_immutable;

UPDATE journal_lines l SET customer_id = c.id
FROM journal_entries e, customers c
WHERE e.id = l.entry_id AND c.code = l.partner AND l.partner IS NOT NULL
  AND (e.source_type IN ('SHIPMENT','SALES_INVOICE','CUSTOMER_PAYMENT','CUSTOMER_CREDIT_APPLICATION','SALES_RETURN','CUSTOMER_REFUND')
       OR l.account_code IN ('1122','2203'));

UPDATE journal_lines l SET supplier_id = s.id
FROM journal_entries e, suppliers s
WHERE e.id = l.entry_id AND s.code = l.partner AND l.partner IS NOT NULL
  AND (e.source_type IN ('PURCHASE_RECEIPT','SUPPLIER_INVOICE','SUPPLIER_PAYMENT','LANDED_COST','OPERATING_COST')
       OR l.account_code IN ('2202.01','2202.02','1123'));

UPDATE journal_lines SET department = cost_centre WHERE cost_centre IS NOT NULL;

UPDATE journal_lines l SET warehouse_id = m.warehouse_id
FROM (SELECT journal_entry_id, product_id, min(warehouse_id) AS warehouse_id FROM stock_moves
      WHERE journal_entry_id IS NOT NULL GROUP BY journal_entry_id, product_id
      HAVING count(DISTINCT warehouse_id) = 1) m
WHERE l.entry_id = m.journal_entry_id AND l.product_id = m.product_id;

UPDATE journal_lines l SET salesperson = c.salesperson
FROM customers c WHERE c.id = l.customer_id AND c.salesperson <> '';

ALTER TABLE journal_lines ENABLE TRIGGER journal_lines_immutable;

-- Auxiliary balances and ledgers read one account's lines by dimension value
-- and date.
CREATE INDEX journal_lines_customer ON journal_lines (customer_id, account_code, posting_date) WHERE customer_id IS NOT NULL;
CREATE INDEX journal_lines_supplier ON journal_lines (supplier_id, account_code, posting_date) WHERE supplier_id IS NOT NULL;
