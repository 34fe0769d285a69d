-- Every change of a stock balance (on hand, reserved, value) is announced
-- through the outbox by the database itself, whatever code path made it,
-- in the same transaction: a rolled-back change is never announced.
CREATE FUNCTION stock_balance_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.on_hand = OLD.on_hand AND NEW.reserved = OLD.reserved AND NEW.value = OLD.value THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' AND NEW.on_hand = 0 AND NEW.reserved = 0 AND NEW.value = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO outbox (topic, key, payload) VALUES ('stock', NEW.product_id || ':' || NEW.warehouse_id,
        jsonb_build_object('productId', NEW.product_id, 'warehouseId', NEW.warehouse_id,
            'onHand', NEW.on_hand::text, 'reserved', NEW.reserved::text, 'value', NEW.value::text));
    RETURN NULL;
END $$;

CREATE TRIGGER stock_balance_announce AFTER INSERT OR UPDATE ON stock_balances
    FOR EACH ROW EXECUTE FUNCTION stock_balance_announce();
