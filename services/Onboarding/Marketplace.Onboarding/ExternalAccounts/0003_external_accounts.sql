-- Bank accounts that payouts go to. The rendered fields (masked last4, fingerprint…) are in record; the full
-- account number or IBAN only in sealed_number, encrypted with the key from configuration (Secrets/SecretSealer).
CREATE TABLE external_accounts (
    id            text COLLATE "C" PRIMARY KEY,
    account_id    text        NOT NULL REFERENCES accounts (id),
    created       timestamptz NOT NULL,
    record        jsonb       NOT NULL,
    sealed_number text        NOT NULL,
    deleted_at    timestamptz NULL
);

CREATE INDEX external_accounts_by_account ON external_accounts (account_id, id) WHERE deleted_at IS NULL;
