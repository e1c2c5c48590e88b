-- The Ledger's refund_failure balance transaction of a refund that failed at the network after it was journaled:
-- its money is back in the balance.
ALTER TABLE refunds ADD COLUMN failure_balance_transaction_id text NULL;
