-- The people of a company account (representative, owners, directors, executives). An individual account's person
-- lives in the account's own record, as Stripe renders it inside the account.
CREATE TABLE persons (
    id         text COLLATE "C" PRIMARY KEY,
    account_id text        NOT NULL REFERENCES accounts (id),
    created    timestamptz NOT NULL,
    -- PersonRecord: the id number and SSN digits inside it are sealed (Secrets/SecretSealer), never plain.
    record     jsonb       NOT NULL,
    deleted_at timestamptz NULL
);

CREATE INDEX persons_by_account ON persons (account_id, id) WHERE deleted_at IS NULL;
