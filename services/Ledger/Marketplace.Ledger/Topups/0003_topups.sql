-- Top-ups: a platform funding its own balance from its bank, through the (simulated) bank rail.
CREATE TABLE topups (
    id                         text        PRIMARY KEY,
    account_id                 text        NOT NULL,
    amount                     bigint      NOT NULL CHECK (amount > 0),
    currency                   text        NOT NULL,
    description                text,
    metadata                   jsonb       NOT NULL DEFAULT '{}',
    statement_descriptor       text,
    transfer_group             text,
    status                     text        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled', 'reversed')),
    failure_code               text,
    failure_message            text,
    balance_transaction        text,
    expected_availability_date timestamptz NOT NULL,
    idempotency_key            text,
    created                    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, idempotency_key)
);

CREATE INDEX topups_account ON topups (account_id, id COLLATE "C");
