-- Payouts' read model of Onboarding's connected accounts (ConnectedAccountUpdated): what paying an account out needs
-- without asking Onboarding — whether it may be paid, in which currency, on which schedule, to which bank account.
-- Only the newest state is kept.
CREATE TABLE connected_accounts (
    id                          text COLLATE "C" PRIMARY KEY,
    platform_id                 text        NOT NULL,
    payouts_enabled             boolean     NOT NULL,
    default_currency            text        NOT NULL,
    -- settings.payouts.schedule: manual, daily, weekly (with its weekday) or monthly (with its day).
    payout_interval             text        NOT NULL,
    payout_delay_days           integer     NOT NULL,
    payout_weekly_anchor        text,
    payout_monthly_anchor       integer,
    -- The ba_… paid out in default_currency; never a bank number (Onboarding keeps those sealed).
    default_external_account_id text,
    -- Onboarding's time of the state held here; an older message arriving late changes nothing.
    updated                     timestamptz NOT NULL
);
