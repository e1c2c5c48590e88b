-- The rate a balance transaction's amounts were converted at into its currency (settlement in the owner's default
-- currency); null when nothing was converted.
ALTER TABLE balance_transactions ADD COLUMN exchange_rate numeric;
