-- Inventory lines name their product: a stock document's inventory debit
-- or credit is one line per product (the cost of goods, GRNI and other
-- counter-accounts stay one line per account), so the inventory account
-- ties out to the stock ledger product by product and a line drills down
-- to its goods. Lines before this migration have no product.
ALTER TABLE journal_lines ADD COLUMN product_id bigint REFERENCES products(id);
