-- The journal: append-only transactions of entries that sum to zero per currency, and one balance row
-- per ledger account (owner × currency × bucket) kept in step with its entries in the same transaction.

CREATE TABLE ledger_accounts (
    owner    text   NOT NULL,   -- acct_… (platform or connected account), or a system account name
    currency text   NOT NULL,   -- lowercase ISO code
    bucket   text   NOT NULL,   -- pending, available, reserved, or a system bucket
    balance  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (owner, currency, bucket)
);

CREATE TABLE journal_transactions (
    id      text        PRIMARY KEY,
    -- What caused it (the source object id and the command's idempotency key): a cause posts once.
    cause   text        NOT NULL UNIQUE,
    type    text        NOT NULL,
    source  text,
    created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE journal_entries (
    transaction_id text   NOT NULL REFERENCES journal_transactions (id),
    line           smallint NOT NULL,
    owner          text   NOT NULL,
    currency       text   NOT NULL,
    bucket         text   NOT NULL,
    amount         bigint NOT NULL,
    PRIMARY KEY (transaction_id, line),
    FOREIGN KEY (owner, currency, bucket) REFERENCES ledger_accounts (owner, currency, bucket)
);

CREATE INDEX journal_entries_account ON journal_entries (owner, currency, bucket);

-- Append-only, enforced: a correction is a new transaction, never an edit.
CREATE FUNCTION journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER journal_transactions_append_only BEFORE UPDATE OR DELETE ON journal_transactions
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
