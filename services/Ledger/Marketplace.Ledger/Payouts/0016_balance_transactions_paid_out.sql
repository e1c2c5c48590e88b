-- The automatic payout that paid a balance transaction out (Stripe's balance_transactions?payout= filter).
ALTER TABLE balance_transactions ADD COLUMN payout text;

CREATE INDEX balance_transactions_payout ON balance_transactions (payout) WHERE payout IS NOT NULL;
