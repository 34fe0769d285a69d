-- The Golden Tax (金税) fields of invoices, entered or imported (the system
-- does not issue invoices through the tax system): 发票代码 (10 or 12
-- digits, none on a 20-digit 全电 invoice), 发票号码 (8 or 20 digits), the
-- kind (专票/普票, paper or electronic: only special invoices make input VAT
-- deductible), the buyer's tax ID (统一社会信用代码) and the issue date. The
-- VAT report reads them; the rules are checked in the service with messages
-- naming the field, the CHECKs only keep stray writes out.
ALTER TABLE sales_invoices
    ADD COLUMN vat_invoice_code   text CHECK (vat_invoice_code ~ '^([0-9]{10}|[0-9]{12})$'),
    ADD COLUMN vat_invoice_number text CHECK (vat_invoice_number ~ '^([0-9]{8}|[0-9]{20})$'),
    ADD COLUMN vat_invoice_kind   text CHECK (vat_invoice_kind IN ('SPECIAL','ORDINARY','E_SPECIAL','E_ORDINARY')),
    ADD COLUMN vat_buyer_tax_id   text CHECK (vat_buyer_tax_id ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    ADD COLUMN vat_issue_date     date;

ALTER TABLE supplier_invoices
    ADD COLUMN vat_invoice_code   text CHECK (vat_invoice_code ~ '^([0-9]{10}|[0-9]{12})$'),
    ADD COLUMN vat_invoice_number text CHECK (vat_invoice_number ~ '^([0-9]{8}|[0-9]{20})$'),
    ADD COLUMN vat_invoice_kind   text CHECK (vat_invoice_kind IN ('SPECIAL','ORDINARY','E_SPECIAL','E_ORDINARY')),
    ADD COLUMN vat_buyer_tax_id   text CHECK (vat_buyer_tax_id ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    ADD COLUMN vat_issue_date     date;

-- A customer's tax ID, the buyer's tax ID of its invoices unless one is given.
ALTER TABLE customers ADD COLUMN tax_id text CHECK (tax_id ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');

-- The report reads a month's invoices by date.
CREATE INDEX sales_invoices_posting_date ON sales_invoices (posting_date);
CREATE INDEX supplier_invoices_invoice_date ON supplier_invoices (invoice_date);
CREATE INDEX sales_returns_posting_date ON sales_returns (posting_date);
