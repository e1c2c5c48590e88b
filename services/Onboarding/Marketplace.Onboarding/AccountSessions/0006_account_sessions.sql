-- Stripe's account sessions: a client secret that opens the embedded components (here, embedded onboarding) of one
-- account until it expires. Only the secret's SHA-256 is stored.
CREATE TABLE account_sessions (
    secret_hash                 text PRIMARY KEY,
    account_id                  text        NOT NULL REFERENCES accounts (id),
    platform_id                 text        NOT NULL,
    -- components[account_onboarding]: whether it is enabled, and whether it collects bank accounts.
    onboarding_enabled          boolean     NOT NULL,
    external_account_collection boolean     NOT NULL,
    created                     timestamptz NOT NULL,
    expires_at                  timestamptz NOT NULL
);
