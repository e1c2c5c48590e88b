-- Stripe's radar.early_fraud_warning, one per charge: a repeated report of the same charge is the same warning.
CREATE TABLE early_fraud_warnings (
    id             text COLLATE "C" PRIMARY KEY,
    platform_id    text        NOT NULL,
    account_id     text        NOT NULL,
    charge         text        NOT NULL,
    payment_intent text        NULL,
    fraud_type     text        NOT NULL,
    actionable     boolean     NOT NULL,
    created        timestamptz NOT NULL,
    CONSTRAINT early_fraud_warnings_charge UNIQUE (platform_id, charge)
);

CREATE INDEX early_fraud_warnings_by_account ON early_fraud_warnings (platform_id, account_id, id);
