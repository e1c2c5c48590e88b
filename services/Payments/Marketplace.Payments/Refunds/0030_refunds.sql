-- Stripe's refund object. Its amount is reserved on the charge (charges.amount_refunded) in the transaction that
-- inserts it, so the refunds of a charge never add up to more than was captured; a refund that fails before the
-- Ledger posted it gives its reservation back.
CREATE TABLE refunds (
    id                          text COLLATE "C" PRIMARY KEY,
    account_id                  text        NOT NULL,
    platform_id                 text        NOT NULL,
    charge_id                   text        NOT NULL REFERENCES charges (id),
    payment_intent_id           text        NOT NULL,
    -- Whole seconds, as the API shows it.
    created                     timestamptz NOT NULL,
    amount                      bigint      NOT NULL CHECK (amount > 0),
    currency                    text        NOT NULL,
    -- pending until the Ledger posted it and the acquirer took it; then succeeded, or failed.
    status                      text        NOT NULL,
    reason                      text        NULL,
    failure_reason              text        NULL,
    reverse_transfer            boolean     NOT NULL,
    refund_application_fee      boolean     NOT NULL,
    -- Set by RefundPosted: from then on the refund's money has left the balances.
    balance_transaction_id      text        NULL,
    -- The acquirer's reference, set once the card network took the refund.
    acquirer_reference          text        NULL,
    metadata                    jsonb       NOT NULL DEFAULT '{}',
    -- The Idempotency-Key of the create, so that a retried request finds this refund instead of making a second one.
    idempotency_key             text        NULL,
    CONSTRAINT refunds_idempotency UNIQUE (account_id, idempotency_key)
);

CREATE INDEX refunds_by_account ON refunds (account_id, id);
CREATE INDEX refunds_by_charge ON refunds (charge_id, id);
CREATE INDEX refunds_by_payment_intent ON refunds (payment_intent_id, id);
