-- API keys, stored as SHA-256 hashes: the key itself is shown once, when created. A fast hash is
-- enough because keys are 190-bit random strings, not passwords: nothing can be guessed from it.
CREATE TABLE api_keys (
    id                   text        PRIMARY KEY,
    platform_id          text        NOT NULL REFERENCES accounts (id),
    kind                 text        NOT NULL CHECK (kind IN ('secret', 'publishable', 'restricted')),
    secret_hash          bytea       NOT NULL UNIQUE,
    -- The key as the dashboard shows it after creation: prefix and last four characters.
    redacted             text        NOT NULL,
    -- A restricted key's grants ("customers=write,events=read"); null for secret and publishable keys.
    permissions          text,
    -- Requests per second for this key; null takes the gateway's default.
    rate_limit_per_second integer    CHECK (rate_limit_per_second > 0),
    created              timestamptz NOT NULL DEFAULT now(),
    revoked              timestamptz
);

CREATE INDEX api_keys_platform_id ON api_keys (platform_id);
