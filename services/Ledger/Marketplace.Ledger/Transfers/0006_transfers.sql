-- Transfers from a platform's available balance to one of its connected accounts.
CREATE TABLE transfers (
    id                  text        PRIMARY KEY,
    platform_id         text        NOT NULL,
    amount              bigint      NOT NULL CHECK (amount > 0),
    currency            text        NOT NULL,
    destination         text        NOT NULL,
    destination_payment text        NOT NULL,
    description         text,
    metadata            jsonb       NOT NULL DEFAULT '{}',
    transfer_group      text,
    source_transaction  text,
    balance_transaction text        NOT NULL,
    created             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX transfers_platform ON transfers (platform_id, id COLLATE "C");
