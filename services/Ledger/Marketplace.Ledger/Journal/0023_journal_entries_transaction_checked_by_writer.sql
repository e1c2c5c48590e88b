-- The journal writer inserts a transaction and its entries in one statement batch of one database transaction, from
-- one posting, and the journal is append-only: an entry cannot name a transaction that is not there. The foreign key
-- checked it again, one lookup and one row lock per entry.
ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_transaction_id_fkey;
