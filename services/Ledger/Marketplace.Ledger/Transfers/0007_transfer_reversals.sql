-- Reversals of transfers: money back from the connected account to the platform, up to what was transferred.
ALTER TABLE transfers ADD COLUMN amount_reversed bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT transfers_reversed_within_amount CHECK (amount_reversed BETWEEN 0 AND amount);

CREATE TABLE transfer_reversals (
    id                         text        PRIMARY KEY,
    transfer_id                text        NOT NULL REFERENCES transfers (id),
    amount                     bigint      NOT NULL CHECK (amount > 0),
    currency                   text        NOT NULL,
    -- The refund of the transfer's payment on the connected account (pyr_…), and the platform's balance transaction.
    destination_payment_refund text        NOT NULL,
    balance_transaction        text        NOT NULL,
    metadata                   jsonb       NOT NULL DEFAULT '{}',
    created                    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX transfer_reversals_transfer ON transfer_reversals (transfer_id, id COLLATE "C");
