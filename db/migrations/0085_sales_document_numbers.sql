-- Sales documents open by their business number (/sales/invoices/SI-000047):
-- the number lookup is an exact match, so each number is indexed. Shipments,
-- returns and refunds are also read by the document they belong to.
CREATE UNIQUE INDEX sales_orders_number ON sales_orders (number);
CREATE UNIQUE INDEX shipments_number ON shipments (number);
CREATE UNIQUE INDEX sales_invoices_number ON sales_invoices (number);
CREATE UNIQUE INDEX customer_payments_number ON customer_payments (number);
CREATE UNIQUE INDEX sales_returns_number ON sales_returns (number);
CREATE UNIQUE INDEX customer_refunds_number ON customer_refunds (number);
CREATE INDEX IF NOT EXISTS shipments_invoice ON shipments (invoice_id);
CREATE INDEX IF NOT EXISTS sales_returns_invoice ON sales_returns (invoice_id);
CREATE INDEX IF NOT EXISTS sales_returns_shipment ON sales_returns (shipment_id);
CREATE INDEX IF NOT EXISTS customer_refunds_payment ON customer_refunds (payment_id);
CREATE INDEX IF NOT EXISTS customer_refunds_return ON customer_refunds (return_id);
CREATE INDEX IF NOT EXISTS receivable_allocations_invoice ON receivable_allocations (invoice_id);
