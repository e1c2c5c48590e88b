-- Payments' read model of Onboarding's connected accounts (ConnectedAccountUpdated): what a charge to or on behalf
-- of an account needs to know without asking Onboarding. Only the newest state is kept.
CREATE TABLE connected_accounts (
    id              text COLLATE "C" PRIMARY KEY,
    platform_id     text        NOT NULL,
    charges_enabled boolean     NOT NULL,
    -- Each requested capability and its status: {"card_payments": "active", "transfers": "pending"}.
    capabilities    jsonb       NOT NULL,
    -- Onboarding's time of the state held here; an older message arriving late changes nothing.
    updated         timestamptz NOT NULL
);
