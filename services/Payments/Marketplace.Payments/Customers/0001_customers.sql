-- Stripe's customer object, one row per customer of an account (the platform's own, or a connected account's).
-- Columns hold what a request can set; the fields no request can set yet are rendered as constants (Customer.cs).
CREATE TABLE customers (
    -- Ids are time-ordered base62 (PrefixedId): the "C" collation compares them by byte, which is creation order
    -- and what list pagination's keyset predicate relies on.
    id                text COLLATE "C" PRIMARY KEY,
    account_id        text        NOT NULL,
    -- Whole seconds, as the API shows it, so that created[lte]=<t> finds a customer rendered with created <t>.
    created           timestamptz NOT NULL,
    email             text        NULL,
    name              text        NULL,
    phone             text        NULL,
    description       text        NULL,
    business_name     text        NULL,
    individual_name   text        NULL,
    balance           bigint      NOT NULL DEFAULT 0,
    address           jsonb       NULL,
    shipping          jsonb       NULL,
    metadata          jsonb       NOT NULL DEFAULT '{}',
    preferred_locales text[]      NOT NULL DEFAULT '{}',
    invoice_prefix    text        NOT NULL,
    tax_exempt        text        NOT NULL DEFAULT 'none',
    -- The Idempotency-Key of the create, so that a replay behind the gateway's own check finds this row instead
    -- of inserting a second one (two NULLs never conflict).
    idempotency_key   text        NULL,
    -- Deleted customers stay, so that later objects naming them keep a referent; the API no longer shows them.
    deleted_at        timestamptz NULL,
    CONSTRAINT customers_idempotency UNIQUE (account_id, idempotency_key)
);

CREATE INDEX customers_by_account ON customers (account_id, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_by_email ON customers (account_id, email) WHERE deleted_at IS NULL;
