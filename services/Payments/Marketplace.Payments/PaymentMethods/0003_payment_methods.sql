-- Stripe's payment_method object, one row per method of an account. card holds the rendered card hash (brand,
-- last4, fingerprint, checks…), which shows nothing secret; the number itself is sealed in vault_cards.
CREATE TABLE payment_methods (
    id              text COLLATE "C" PRIMARY KEY,
    account_id      text        NOT NULL,
    -- Whole seconds, as the API shows it.
    created         timestamptz NOT NULL,
    type            text        NOT NULL,
    customer_id     text        NULL,
    billing_details jsonb       NOT NULL,
    card            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    vault_card_id   text        NOT NULL REFERENCES vault_cards (id),
    -- The Idempotency-Key of the create, so that a replay finds this row instead of inserting a second one.
    idempotency_key text        NULL,
    CONSTRAINT payment_methods_idempotency UNIQUE (account_id, idempotency_key)
);

CREATE INDEX payment_methods_by_account ON payment_methods (account_id, id);
CREATE INDEX payment_methods_by_customer ON payment_methods (account_id, customer_id, id) WHERE customer_id IS NOT NULL;
