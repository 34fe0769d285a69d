-- Sales documents open by their business number (/sales/invoices/SI-000047):
-- the number lookup is an exact match, so each number is indexed. Shipments,
-- returns and refunds are also read by the document they belong to.
-- (The numbers' unique indexes came with 0062 for invoices and with the
-- numbering rules, 0080, for the others.)
CREATE INDEX IF NOT EXISTS shipments_invoice ON shipments (invoice_id);
CREATE INDEX IF NOT EXISTS sales_returns_invoice ON sales_returns (invoice_id);
CREATE INDEX IF NOT EXISTS sales_returns_shipment ON sales_returns (shipment_id);
CREATE INDEX IF NOT EXISTS customer_refunds_payment ON customer_refunds (payment_id);
CREATE INDEX IF NOT EXISTS customer_refunds_return ON customer_refunds (return_id);
CREATE INDEX IF NOT EXISTS receivable_allocations_invoice ON receivable_allocations (invoice_id);
