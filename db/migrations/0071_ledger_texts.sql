-- Texts the server stores for people are kept as what they were written
-- from as well: an English template with {name} placeholders and its
-- parameters (strings already formatted, or {"zh": ..., "en": ...} for a
-- value that reads differently per language). The plain text column keeps
-- the text in the company language, as it was at posting, and is what a
-- row without a template (older rows, texts a person typed) shows; a row
-- with a template is rendered for each reader in their language.
ALTER TABLE journal_entries
    ADD COLUMN description_template text,
    ADD COLUMN description_params jsonb;
ALTER TABLE journal_lines
    ADD COLUMN description_template text,
    ADD COLUMN description_params jsonb;
ALTER TABLE alerts
    ADD COLUMN message_template text,
    ADD COLUMN message_params jsonb;
-- A sales order's credit-hold reason likewise (its text stays in hold_reason).
ALTER TABLE sales_orders
    ADD COLUMN hold_reason_template text,
    ADD COLUMN hold_reason_params jsonb;
