-- Sign-in throttling that an outsider cannot turn into a lockout of a person
-- at their usual address: failures are counted per (user name, address)
-- first, then per user name and per address over an hour, and the slower
-- limits skip the addresses a user signed in from lately. Both live here so
-- every replica throttles alike.
CREATE INDEX login_failures_pair ON login_failures (username, address, at);
CREATE INDEX login_failures_at ON login_failures (at);

-- Where each user name signed in successfully, and when last.
CREATE TABLE sign_in_addresses (
    username        text NOT NULL,
    address         text NOT NULL,
    last_success_at timestamptz NOT NULL,
    PRIMARY KEY (username, address)
);
