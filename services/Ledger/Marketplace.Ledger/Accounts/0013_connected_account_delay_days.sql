-- How many days a connected account's charges stay pending (its payout schedule's delay_days); null: the Ledger's default.
ALTER TABLE connected_accounts ADD COLUMN delay_days integer CHECK (delay_days BETWEEN 0 AND 365);
