-- Stripe's dispute object: a chargeback (or an inquiry, which moves no money) of a settled charge, one per charge.
CREATE TABLE disputes (
    id                                  text COLLATE "C" PRIMARY KEY,
    account_id                          text        NOT NULL,
    platform_id                         text        NOT NULL,
    charge_id                           text        NOT NULL REFERENCES charges (id),
    payment_intent_id                   text        NOT NULL,
    -- Whole seconds, as the API shows it.
    created                             timestamptz NOT NULL,
    amount                              bigint      NOT NULL CHECK (amount > 0),
    currency                            text        NOT NULL,
    reason                              text        NOT NULL,
    status                              text        NOT NULL,
    -- An inquiry (warning_* statuses): nothing is withdrawn unless it is lost.
    inquiry                             boolean     NOT NULL,
    card_brand                          text        NULL,
    -- The evidence's text and file fields by their Stripe names; absent fields are null in the API.
    evidence                            jsonb       NOT NULL DEFAULT '{}',
    evidence_due_by                     timestamptz NOT NULL,
    submission_count                    integer     NOT NULL DEFAULT 0,
    -- Set by the Ledger's answers: the money withdrawn (amount and dispute fee), and given back when won.
    withdrawal_balance_transaction_id   text        NULL,
    reinstatement_balance_transaction_id text       NULL,
    metadata                            jsonb       NOT NULL DEFAULT '{}',
    -- The acquirer reports one dispute per charge; a redelivered ChargeSettled finds it here.
    CONSTRAINT disputes_one_per_charge UNIQUE (charge_id)
);

CREATE INDEX disputes_by_account ON disputes (account_id, id);
CREATE INDEX disputes_by_payment_intent ON disputes (payment_intent_id, id);
