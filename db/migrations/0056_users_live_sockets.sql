-- An open websocket must follow its user's rights as they are now, on every
-- replica. Every change that can take rights away (a session ended, a token
-- revoked, a user deactivated, a password changed, roles changed) announces
-- the user's id on jxc_auth when it commits; each server re-checks the
-- sockets it holds for that user and closes those that lost their rights.
-- NOTIFY is transactional and folds duplicates, so a rolled-back change is
-- never announced and a role rewrite (delete + insert) is announced once.
CREATE FUNCTION auth_announce() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    -- users carry the id itself; the other tables carry user_id.
    PERFORM pg_notify('jxc_auth', coalesce(r->>'user_id', r->>'id'));
    RETURN NULL;
END $$;

CREATE TRIGGER sessions_auth_announce AFTER DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION auth_announce();
-- A session cut short; not one extended (a sliding expiry would announce
-- every request).
CREATE TRIGGER sessions_auth_announce_update AFTER UPDATE OF expires_at, user_id ON sessions
    FOR EACH ROW WHEN (NEW.expires_at < OLD.expires_at OR NEW.user_id <> OLD.user_id)
    EXECUTE FUNCTION auth_announce();

-- Not on last_used_at, which every use of a token writes.
CREATE TRIGGER api_tokens_auth_announce AFTER UPDATE OF revoked_at, user_id ON api_tokens
    FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.user_id <> NEW.user_id)
    EXECUTE FUNCTION auth_announce();
CREATE TRIGGER api_tokens_auth_announce_delete AFTER DELETE ON api_tokens
    FOR EACH ROW EXECUTE FUNCTION auth_announce();

CREATE TRIGGER users_auth_announce AFTER UPDATE OF active, password_hash ON users
    FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
    EXECUTE FUNCTION auth_announce();
CREATE TRIGGER users_auth_announce_delete AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION auth_announce();

CREATE TRIGGER user_roles_auth_announce AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION auth_announce();

-- The open websockets of every replica, so that the per-user caps on sockets
-- and subscriptions hold across replicas. Each replica refreshes seen_at of
-- its sockets; a row not seen for a while belongs to a replica that died and
-- no longer counts (the next socket of that user deletes it).
CREATE TABLE live_sockets (
    id            text PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    subscriptions int NOT NULL DEFAULT 0 CHECK (subscriptions >= 0),
    opened_at     timestamptz NOT NULL DEFAULT now(),
    seen_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_sockets_user ON live_sockets (user_id);
CREATE INDEX live_sockets_seen ON live_sockets (seen_at);
