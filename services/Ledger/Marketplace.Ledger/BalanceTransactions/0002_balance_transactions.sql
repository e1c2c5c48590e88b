-- Each account's view of the journal, as Stripe shows it: one balance transaction per movement of an owner's
-- balance, with its fee and net. Written in the same transaction as the journal entries it describes.
CREATE TABLE balance_transactions (
    id                     text        PRIMARY KEY,
    journal_transaction_id text        NOT NULL REFERENCES journal_transactions (id),
    owner                  text        NOT NULL,
    currency               text        NOT NULL,
    amount                 bigint      NOT NULL,
    fee                    bigint      NOT NULL,
    net                    bigint      NOT NULL,
    -- What the fee is (Stripe's fee_details[].type): stripe_fee, application_fee; null when there is none.
    fee_type               text,
    type                   text        NOT NULL,
    reporting_category     text        NOT NULL,
    source                 text,
    description            text,
    -- The status is derived: pending until available_on, available from then.
    available_on           timestamptz NOT NULL,
    created                timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX balance_transactions_owner ON balance_transactions (owner, id COLLATE "C");
