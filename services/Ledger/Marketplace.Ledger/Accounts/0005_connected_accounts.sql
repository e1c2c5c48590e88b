-- The Ledger's read model of which connected account belongs to which platform (fed by Onboarding's
-- ConnectedAccountCreated): a platform may move money only to its own accounts.
CREATE TABLE connected_accounts (
    id          text PRIMARY KEY,
    platform_id text NOT NULL
);
