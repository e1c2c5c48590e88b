-- Stripe Identity's verification sessions, one row per session of an account (platform or connected account).
CREATE TABLE verification_sessions (
    id          text COLLATE "C" PRIMARY KEY,
    platform_id text        NOT NULL,
    account_id  text        NOT NULL,
    created     timestamptz NOT NULL,
    -- VerificationSessionRecord: what the session asks for, where it stands, and what was verified (never an ID number).
    record      jsonb       NOT NULL,
    -- The hosted page's token (also the client secret's secret part), as its SHA-256; cleared once used.
    token_hash  text        NULL UNIQUE
);

CREATE INDEX verification_sessions_by_account ON verification_sessions (account_id, id);
