-- Finds an object's balance transactions (the source filter, and a charge's own for ChargePosted) without
-- scanning every balance transaction of the platform.
CREATE INDEX balance_transactions_source ON balance_transactions (source);
