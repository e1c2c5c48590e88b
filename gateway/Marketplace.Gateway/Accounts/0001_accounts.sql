-- Every account the gateway can act for, and the platform that owns it: a platform's own account
-- (platform_id = id) and its connected accounts (fed by Onboarding's events). Stripe-Account is
-- honoured only for an account whose platform_id is the caller's platform.
CREATE TABLE accounts (
    id          text        PRIMARY KEY,
    platform_id text        NOT NULL REFERENCES accounts (id),
    created     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX accounts_platform_id ON accounts (platform_id);
