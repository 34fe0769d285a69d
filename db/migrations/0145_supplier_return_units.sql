-- Supplier return lines are in the unit of their order line (a box of 12):
-- quantity stays in that unit, the stock moved is quantity x unit_factor.
-- unit '' is the stock unit (factor 1).
ALTER TABLE supplier_return_lines ADD COLUMN unit text NOT NULL DEFAULT '';
ALTER TABLE supplier_return_lines ADD COLUMN unit_factor numeric(18,4) NOT NULL DEFAULT 1 CHECK (unit_factor > 0);
ALTER TABLE supplier_return_lines ADD COLUMN stock_quantity numeric(18,4) GENERATED ALWAYS AS (quantity * unit_factor) STORED;
UPDATE supplier_return_lines l SET unit = ol.unit, unit_factor = ol.unit_factor FROM purchase_order_lines ol WHERE ol.id = l.po_line_id;
