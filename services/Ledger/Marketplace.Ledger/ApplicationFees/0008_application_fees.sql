-- Application fees the platform collected on charges (written with the charge's posting), and their refunds.
CREATE TABLE application_fees (
    id                      text        PRIMARY KEY,
    platform_id             text        NOT NULL,
    -- The connected account the fee was collected from.
    account                 text        NOT NULL,
    amount                  bigint      NOT NULL CHECK (amount > 0),
    amount_refunded         bigint      NOT NULL DEFAULT 0,
    currency                text        NOT NULL,
    charge                  text        NOT NULL,
    -- The platform's charge when the fee came from a destination charge.
    originating_transaction text,
    balance_transaction     text        NOT NULL,
    created                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT application_fees_refunded_within_amount CHECK (amount_refunded BETWEEN 0 AND amount)
);

CREATE INDEX application_fees_platform ON application_fees (platform_id, id COLLATE "C");

CREATE TABLE fee_refunds (
    id                  text        PRIMARY KEY,
    fee                 text        NOT NULL REFERENCES application_fees (id),
    amount              bigint      NOT NULL CHECK (amount > 0),
    currency            text        NOT NULL,
    balance_transaction text        NOT NULL,
    metadata            jsonb       NOT NULL DEFAULT '{}',
    created             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX fee_refunds_fee ON fee_refunds (fee, id COLLATE "C");
-- One fee per charge, found by it (the answer to a repeated PostCharge names the first posting's fee).
CREATE UNIQUE INDEX application_fees_charge ON application_fees (charge);
