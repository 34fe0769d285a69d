-- A transfer's shipment and receipts change what is on its way to the
-- receiving warehouse (a stock level's inTransitIn) without touching that
-- warehouse's balance: announce the receiving balance then too, in the same
-- transaction, so a stock levels screen sees the quantity in transit change
-- live. (A product the receiving warehouse has never held has no level row
-- to change until its first receipt.)
CREATE FUNCTION stock_transfer_in_transit_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.shipped_qty = OLD.shipped_qty AND NEW.received_qty = OLD.received_qty
       AND NEW.short_qty = OLD.short_qty THEN
        RETURN NULL;
    END IF;
    INSERT INTO outbox (topic, key, payload)
    SELECT 'stock', b.product_id || ':' || b.warehouse_id,
           jsonb_build_object('productId', b.product_id, 'warehouseId', b.warehouse_id,
               'onHand', b.on_hand::text, 'reserved', b.reserved::text, 'value', b.value::text)
    FROM stock_transfers t JOIN stock_balances b ON b.warehouse_id = t.to_warehouse_id AND b.product_id = NEW.product_id
    WHERE t.id = NEW.transfer_id;
    RETURN NULL;
END $$;

CREATE TRIGGER stock_transfer_in_transit_announce AFTER UPDATE ON stock_transfer_lines
    FOR EACH ROW EXECUTE FUNCTION stock_transfer_in_transit_announce();
