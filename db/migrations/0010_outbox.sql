-- The event outbox. A business transaction inserts its events here; they are
-- announced only when it commits (NOTIFY is transactional), so rolled-back
-- work is never announced. One sequencer (whichever replica holds the
-- advisory lock) numbers committed events in order, so `seq` is a gap-free
-- resume point for subscribers on every replica.
CREATE SEQUENCE outbox_seq;

CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    seq        bigint UNIQUE,             -- set by the sequencer after commit
    topic      text NOT NULL,             -- e.g. 'stock', 'receivable', 'alert'
    key        text NOT NULL,             -- what changed, e.g. '12:3' (product:warehouse)
    payload    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_unsequenced ON outbox (id) WHERE seq IS NULL;
CREATE INDEX outbox_created ON outbox (created_at);

CREATE FUNCTION outbox_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('jxc_outbox', '');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_announce AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_announce();
