-- Stripe's payment intent: what the platform means to collect, and where the collection stands. Its attempts are
-- charges; the payment saga moves it from processing to where it rests (succeeded, requires_capture,
-- requires_action, requires_payment_method).
CREATE TABLE payment_intents (
    id                          text COLLATE "C" PRIMARY KEY,
    -- The account the intent lives on: the platform, or the connected account of a direct charge (Stripe-Account).
    account_id                  text        NOT NULL,
    platform_id                 text        NOT NULL,
    created                     timestamptz NOT NULL,
    amount                      bigint      NOT NULL CHECK (amount > 0),
    amount_capturable           bigint      NOT NULL DEFAULT 0,
    amount_received             bigint      NOT NULL DEFAULT 0,
    currency                    text        NOT NULL,
    status                      text        NOT NULL,
    capture_method              text        NOT NULL,
    confirmation_method         text        NOT NULL,
    customer_id                 text        NULL,
    payment_method_id           text        NULL,
    payment_method_types        text[]      NOT NULL,
    setup_future_usage          text        NULL,
    description                 text        NULL,
    receipt_email               text        NULL,
    statement_descriptor        text        NULL,
    statement_descriptor_suffix text        NULL,
    on_behalf_of                text        NULL,
    destination                 text        NULL,
    transfer_amount             bigint      NULL,
    application_fee_amount      bigint      NULL,
    transfer_group              text        NULL,
    latest_charge               text        NULL,
    last_payment_error          jsonb       NULL,
    next_action                 jsonb       NULL,
    review_id                   text        NULL,
    cancellation_reason         text        NULL,
    canceled_at                 timestamptz NULL,
    client_secret               text        NOT NULL,
    return_url                  text        NULL,
    -- The confirm's off_session: a payment the customer is not present for, which may not ask them for 3D Secure.
    off_session                 boolean     NOT NULL DEFAULT false,
    metadata                    jsonb       NOT NULL DEFAULT '{}',
    idempotency_key             text        NULL,
    CONSTRAINT payment_intents_idempotency UNIQUE (account_id, idempotency_key),
    CONSTRAINT payment_intents_capturable_within_amount CHECK (amount_capturable BETWEEN 0 AND amount),
    CONSTRAINT payment_intents_received_within_amount CHECK (amount_received BETWEEN 0 AND amount)
);

CREATE INDEX payment_intents_account ON payment_intents (account_id, id);
CREATE INDEX payment_intents_customer ON payment_intents (customer_id) WHERE customer_id IS NOT NULL;
