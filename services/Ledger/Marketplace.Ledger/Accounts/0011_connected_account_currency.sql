-- The currency a connected account settles in (its default_currency): what it is paid in whatever the charge's currency.
ALTER TABLE connected_accounts ADD COLUMN default_currency text;
