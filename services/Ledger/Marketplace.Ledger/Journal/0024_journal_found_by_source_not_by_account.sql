-- Entries are found through their transaction (by cause, or by source for a transfer's releases), never by account
-- alone: a balance is a row of its own, and the reconciliation scans the whole journal. The account index cost two
-- index insertions per transfer, on pages every posting to a hot account shares; a partial index on the transactions'
-- source costs one, and only for transactions that have a source.
CREATE INDEX journal_transactions_source ON journal_transactions (source) WHERE source IS NOT NULL;
DROP INDEX journal_entries_account;
