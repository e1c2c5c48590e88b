-- Every batch's journal_set_balances (0021) finds and locks each account its entries name, in the batch's own
-- transaction, and fails the batch if one is missing; accounts are never deleted. The foreign key checked the same
-- thing again, one lookup per entry: a seventh of the writer's throughput (decision 0020).
ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_owner_currency_bucket_fkey;
