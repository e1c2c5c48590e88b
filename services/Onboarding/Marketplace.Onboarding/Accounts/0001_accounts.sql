-- Stripe's account object, one row per connected account of a platform. What requests set and what verification
-- decided is one JSON document (AccountRecord): the object is deeply nested and always read and written whole, under
-- the row lock. Requirements, capabilities' statuses and charges_enabled are computed from it when rendered.
CREATE TABLE accounts (
    -- Time-ordered base62 ids (PrefixedId) compared by byte: creation order, which list pagination relies on.
    id              text COLLATE "C" PRIMARY KEY,
    platform_id     text        NOT NULL,
    -- Whole seconds, as the API shows it.
    created         timestamptz NOT NULL,
    record          jsonb       NOT NULL,
    -- The Idempotency-Key of the create, so that a replay behind the gateway's own check finds this row.
    idempotency_key text        NULL,
    -- Deleted accounts stay, so that messages and ledgers naming them keep a referent; the API no longer shows them.
    deleted_at      timestamptz NULL,
    CONSTRAINT accounts_idempotency UNIQUE (platform_id, idempotency_key)
);

CREATE INDEX accounts_by_platform ON accounts (platform_id, id) WHERE deleted_at IS NULL;
