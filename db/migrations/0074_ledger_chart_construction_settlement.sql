-- 4402 工程结算, the standard's contra account of 4401 工程施工: the balance
-- sheet's 存货 line maps it (0065), so the chart has it too; without it the
-- line's mapping named an account the chart lacked and could not be saved.
INSERT INTO accounts (code, name, name_en, type, direction, parent_code, header, manual_posting) VALUES
 ('4402', '工程结算', 'Contract billings', 'ASSET', 'CREDIT', NULL, false, true)
ON CONFLICT (code) DO NOTHING;
