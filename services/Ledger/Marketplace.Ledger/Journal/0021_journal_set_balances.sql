-- The journal writer remembers the balances it wrote and sends a batch on accounts it knows without reading them
-- first (decision 0020). This sets a batch's new balances only if every account it decided on still holds what the
-- writer expected, and fails the transaction otherwise: another instance moved one, someone edited one by hand, or
-- an earlier batch the writer built this one on rolled back. Accounts the batch read without changing are locked
-- and compared too, because a refusal or a coverage check was decided on them.
--
-- Rows are locked in the order every writer locks in. A row an uncommitted transaction has updated is waited for and
-- compared as it is after that transaction ends (READ COMMITTED re-reads a locked row's newest version).
CREATE FUNCTION journal_set_balances(owners text[], currencies text[], buckets text[], expected bigint[], balances bigint[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    matched integer;
BEGIN
    -- Compared after locking, not in the WHERE: a row that fails a WHERE on its last committed version is skipped
    -- without waiting for the transaction that is changing it.
    SELECT count(*) FILTER (WHERE locked.balance = locked.expected) INTO matched FROM (
        SELECT a.balance, v.expected
        FROM ledger_accounts a
        JOIN unnest(owners, currencies, buckets, expected) AS v (owner, currency, bucket, expected)
          ON (a.owner, a.currency, a.bucket) = (v.owner, v.currency, v.bucket)
        ORDER BY a.owner COLLATE "C", a.currency COLLATE "C", a.bucket COLLATE "C"
        FOR NO KEY UPDATE OF a
    ) locked;

    IF matched <> cardinality(owners) THEN
        RAISE EXCEPTION 'ledger balances moved since the journal writer read them (% of % as expected)', matched, cardinality(owners)
            USING ERRCODE = 'serialization_failure';
    END IF;

    UPDATE ledger_accounts a SET balance = v.balance
    FROM unnest(owners, currencies, buckets, expected, balances) AS v (owner, currency, bucket, expected, balance)
    WHERE (a.owner, a.currency, a.bucket) = (v.owner, v.currency, v.bucket) AND v.balance <> v.expected;
END;
$$;
