-- Alerts belong to someone. Until now every signed-in user read and
-- acknowledged every alert, and the live stream sent all of them: a sales
-- user read budget figures in BUDGET_80 messages. An alert is now addressed
-- to its owner (owner_id, as before) and to the roles in audience; managers
-- see every alert. New alerts take their audience from their kind
-- (jxc.AlertAudience); existing ones are backfilled by the same table.
ALTER TABLE alerts ADD COLUMN audience text[] NOT NULL DEFAULT '{}';

UPDATE alerts SET audience = CASE kind
    WHEN 'CREDIT_HOLD' THEN ARRAY['FINANCE', 'SALES']
    WHEN 'BUDGET_80'   THEN ARRAY['FINANCE']
    WHEN 'BUDGET_100'  THEN ARRAY['FINANCE']
    WHEN 'LOW_STOCK'   THEN ARRAY['WAREHOUSE', 'PURCHASING']
    WHEN 'SHORTAGE'    THEN ARRAY['WAREHOUSE', 'PURCHASING', 'SALES']
    WHEN 'PRICE_RISE'  THEN ARRAY['PURCHASING']
    ELSE '{}'::text[]
END;

-- The alert list filters by role overlap (audience && the caller's roles).
CREATE INDEX alerts_audience ON alerts USING gin (audience);
