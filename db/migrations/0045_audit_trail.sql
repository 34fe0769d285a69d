-- One write path: idempotency keys per user and operation, and the audit
-- trail every business write leaves in its own transaction.

-- Keys were scoped by a free-form text (sales put the user in it,
-- purchasing and finance did not, so one user's key answered another's
-- request). Now a key belongs to (user, operation); user 0 is a call
-- without a user (the demo loader, the bench generator). input_hash is the
-- sha256 of the request's input: the same key with another input is
-- refused. Rows written before this migration have no hash and replay as
-- before.
ALTER TABLE idempotency_keys RENAME COLUMN scope TO operation;
ALTER TABLE idempotency_keys ADD COLUMN user_id bigint NOT NULL DEFAULT 0;
ALTER TABLE idempotency_keys ADD COLUMN input_hash bytea;
UPDATE idempotency_keys
   SET user_id = substring(operation FROM ':([0-9]+)$')::bigint,
       operation = substring(operation FROM '^sales\.([A-Za-z]+):')
 WHERE operation ~ '^sales\.[A-Za-z]+:[0-9]+$';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (user_id, operation, key);
ALTER TABLE idempotency_keys ALTER COLUMN user_id DROP DEFAULT;

-- Who changed what, when and through which operation. record_id is text
-- because not every record has a numeric id (accounts are keyed by code,
-- fiscal periods by year-month, supplier products by supplier:product).
-- before/after hold the whole row of master data (secrets left out);
-- documents record the action only.
CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL,
    user_id         bigint REFERENCES users(id),
    via             text CHECK (via IN ('SESSION', 'TOKEN')),
    token_id        bigint,
    operation       text NOT NULL CHECK (length(operation) BETWEEN 1 AND 100),
    record_type     text NOT NULL CHECK (length(record_type) BETWEEN 1 AND 60),
    record_id       text NOT NULL,
    record_number   text NOT NULL DEFAULT '',
    action          text NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
    before          jsonb,
    after           jsonb,
    idempotency_key text,
    CHECK ((user_id IS NULL) = (via IS NULL)),
    CHECK (token_id IS NULL OR via = 'TOKEN')
);
-- A record's history, a user's changes, and a time window; newest first.
CREATE INDEX audit_log_record ON audit_log (record_type, record_id, id);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_at ON audit_log (at, id);

-- Audit rows never change, not even for the table's owner (triggers bind
-- owners too; only a superuser can switch them off).
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log rows are a record of what happened and never change'
        USING ERRCODE = 'JX003';
END $$;

CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
