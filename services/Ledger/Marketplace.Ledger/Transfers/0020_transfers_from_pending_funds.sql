-- A transfer with source_transaction draws on its charge's funds while they are still pending (Stripe's rule): the
-- charge records when its account's pending share was released, so a transfer knows which balance to draw on, and
-- the release finds the transfers drawn on its charge.
ALTER TABLE charges ADD COLUMN released boolean NOT NULL DEFAULT false;

UPDATE charges SET released = true
WHERE EXISTS (SELECT 1 FROM journal_transactions t WHERE t.cause = 'release:' || charges.id || ':' || charges.on_account);

CREATE INDEX transfers_source_transaction ON transfers (source_transaction) WHERE source_transaction IS NOT NULL;
