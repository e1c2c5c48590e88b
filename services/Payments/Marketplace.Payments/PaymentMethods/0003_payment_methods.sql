-- Stripe's payment_method object, one row per method of an account. card and sepa_debit hold the rendered hash of
-- the method's type (brand, last4, fingerprint…), which shows nothing secret; the number or IBAN itself is sealed
-- in vault_entries.
CREATE TABLE payment_methods (
    id              text COLLATE "C" PRIMARY KEY,
    account_id      text        NOT NULL,
    -- Whole seconds, as the API shows it.
    created         timestamptz NOT NULL,
    type            text        NOT NULL,
    customer_id     text        NULL,
    billing_details jsonb       NOT NULL,
    card            jsonb       NULL,
    sepa_debit      jsonb       NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    vault_entry_id  text        NOT NULL REFERENCES vault_entries (id),
    -- The Idempotency-Key of the create, so that a replay finds this row instead of inserting a second one.
    idempotency_key text        NULL,
    CONSTRAINT payment_methods_idempotency UNIQUE (account_id, idempotency_key)
);

CREATE INDEX payment_methods_by_account ON payment_methods (account_id, id);
CREATE INDEX payment_methods_by_customer ON payment_methods (account_id, customer_id, id) WHERE customer_id IS NOT NULL;
