-- Stripe's setup_intent object, one row per intent of an account. body is the object as the API renders it; the
-- columns beside it are what lists filter on and what the service needs that the object does not show.
CREATE TABLE setup_intents (
    id                text COLLATE "C" PRIMARY KEY,
    account_id        text        NOT NULL,
    -- The platform the account belongs to, for the events a consumer raises without a request.
    platform_id       text        NOT NULL,
    -- Whole seconds, as the API shows it.
    created           timestamptz NOT NULL,
    customer_id       text        NULL,
    payment_method_id text        NULL,
    -- The challenge the intent waits for in requires_action: a completion of any other one is stale and ignored.
    challenge_id      text        NULL,
    body              jsonb       NOT NULL,
    -- The Idempotency-Key of the create, so that a replay finds this row instead of inserting a second one.
    idempotency_key   text        NULL,
    CONSTRAINT setup_intents_idempotency UNIQUE (account_id, idempotency_key)
);

CREATE INDEX setup_intents_by_account ON setup_intents (account_id, id);
CREATE INDEX setup_intents_by_customer ON setup_intents (account_id, customer_id, id) WHERE customer_id IS NOT NULL;
