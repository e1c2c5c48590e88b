-- When Onboarding last changed the terms the Ledger keeps (currency, delay_days): an older ConnectedAccountUpdated
-- arriving late changes nothing.
ALTER TABLE connected_accounts ADD COLUMN terms_updated timestamptz;
