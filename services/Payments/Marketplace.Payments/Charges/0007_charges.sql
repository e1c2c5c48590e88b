-- Stripe's charge object: one attempt to move a payment intent's money. The payment saga writes it (authorised,
-- captured, failed, posted by the Ledger); refunds and disputes change what was refunded or disputed of it.
CREATE TABLE charges (
    id                        text COLLATE "C" PRIMARY KEY,
    -- The account the charge lives on: the platform, or the connected account of a direct charge.
    account_id                text        NOT NULL,
    platform_id               text        NOT NULL,
    payment_intent_id         text        NOT NULL,
    created                   timestamptz NOT NULL,
    amount                    bigint      NOT NULL CHECK (amount > 0),
    amount_captured           bigint      NOT NULL DEFAULT 0,
    amount_refunded           bigint      NOT NULL DEFAULT 0,
    currency                  text        NOT NULL,
    -- pending (in flight, or a SEPA debit not yet settled), succeeded (authorised or captured), failed.
    status                    text        NOT NULL,
    captured                  boolean     NOT NULL DEFAULT false,
    customer_id               text        NULL,
    payment_method_id         text        NULL,
    payment_method_details    jsonb       NULL,
    billing_details           jsonb       NOT NULL DEFAULT '{}',
    outcome                   jsonb       NULL,
    failure_code              text        NULL,
    failure_message           text        NULL,
    -- The acquirer's reference of the authorisation, to capture, void or refund it.
    authorization_id          text        NULL,
    -- Set when the Ledger has journaled the captured charge: from then on its money is in the balances.
    balance_transaction_id    text        NULL,
    application_fee_id        text        NULL,
    application_fee_amount    bigint      NULL,
    destination               text        NULL,
    transfer_amount           bigint      NULL,
    on_behalf_of              text        NULL,
    transfer_group            text        NULL,
    description               text        NULL,
    receipt_email             text        NULL,
    metadata                  jsonb       NOT NULL DEFAULT '{}',
    review_id                 text        NULL,
    -- What the acquirer said will happen to the payment later (a dispute, an early fraud warning, how refunds
    -- behave), acted out once the charge is posted.
    aftermath                 jsonb       NULL,
    disputed                  boolean     NOT NULL DEFAULT false,
    CONSTRAINT charges_captured_within_amount CHECK (amount_captured BETWEEN 0 AND amount),
    -- The last line against refunding more than was captured, whatever the refund path's own checks.
    CONSTRAINT charges_refunded_within_captured CHECK (amount_refunded BETWEEN 0 AND amount_captured)
);

CREATE INDEX charges_payment_intent ON charges (payment_intent_id);
CREATE INDEX charges_account_created ON charges (account_id, id);
