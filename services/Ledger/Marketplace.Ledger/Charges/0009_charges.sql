-- The charges the Ledger journaled, with their Connect shape: a refund is journaled against its charge's shape, and
-- never for more than remains of it. Written with the charge's posting.
CREATE TABLE charges (
    id                     text        PRIMARY KEY,
    platform_id            text        NOT NULL,
    on_account             text        NOT NULL,
    amount                 bigint      NOT NULL CHECK (amount > 0),
    currency               text        NOT NULL,
    destination            text,
    transfer_amount        bigint,
    application_fee_amount bigint,
    application_fee_id     text,
    amount_refunded        bigint      NOT NULL DEFAULT 0,
    created                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT charges_refunded_within_amount CHECK (amount_refunded BETWEEN 0 AND amount)
);
