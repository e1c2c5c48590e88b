-- The order transactions were journaled in: ids are time-ordered only to the millisecond, and a batch shares one.
-- A batch inserts its transactions in the order the writer applied them, so position replays the journal exactly.
ALTER TABLE journal_transactions ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY;
