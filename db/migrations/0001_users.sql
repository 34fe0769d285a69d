-- Users, roles, sessions, API tokens and the sign-in throttle. Sessions and
-- throttling live here, not in a process, so any replica can serve any request.
CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{2,40}$'),
    display_name  text NOT NULL DEFAULT '',
    password_hash text NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
    user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('ADMIN','MANAGER','SALES','PURCHASING','WAREHOUSE','FINANCE','ANALYST')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
    id          text PRIMARY KEY,          -- sha256 of the cookie secret
    user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    address     text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       text NOT NULL,
    token_hash   text NOT NULL UNIQUE,      -- sha256 of the secret
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
    id        bigserial PRIMARY KEY,
    username  text NOT NULL,
    address   text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_user ON login_failures (username, at);
CREATE INDEX login_failures_addr ON login_failures (address, at);

-- Settings of the installation (demo data loaded, company name, ...).
CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
