-- One request could tie the server up (issue 14): every GraphQL operation
-- is now priced before it runs and paid from its caller's leaky bucket.
-- The bucket is a row so that every replica charges the same one; a charge
-- is one INSERT ... ON CONFLICT DO UPDATE ... RETURNING. `available` is
-- what was left at `updated_at`; what has dripped back since is computed
-- from the clock at the next charge, so an idle bucket costs no writes.
CREATE TABLE querycost_buckets (
    key         text PRIMARY KEY,                   -- user:<id> or addr:<ip>
    available   double precision NOT NULL,          -- points left at updated_at
    updated_at  timestamptz NOT NULL DEFAULT now(),
    granted     boolean NOT NULL DEFAULT true       -- whether the last charge was taken
);
