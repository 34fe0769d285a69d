-- The company's name, as the printed 对账单 and 记账凭证 head it (核算单位).
ALTER TABLE company_settings
    ADD COLUMN company_name text NOT NULL DEFAULT '' CHECK (char_length(company_name) <= 100);
