-- Who bears a connected account's losses (controller.losses.payments): 'application' makes the platform liable for a
-- negative balance, which the Ledger then covers from the platform's balance into connect_reserved.
ALTER TABLE connected_accounts ADD COLUMN losses_payments text NOT NULL DEFAULT 'application'
    CHECK (losses_payments IN ('application', 'stripe'));
