-- Stripe's review: opened when a Review rule decides a payment, on the account the payment is on.
CREATE TABLE reviews (
    id             text COLLATE "C" PRIMARY KEY,
    platform_id    text        NOT NULL,
    account_id     text        NOT NULL,
    assessment_id  text        NOT NULL UNIQUE REFERENCES assessments (id),
    charge         text        NULL,
    payment_intent text        NULL,
    created        timestamptz NOT NULL,
    open           boolean     NOT NULL,
    opened_reason  text        NOT NULL,
    -- Stripe's reason: the opened_reason while open, then the closed_reason.
    reason         text        NOT NULL,
    closed_reason  text        NULL,
    ip_address     text        NULL,
    ip_country     text        NULL
);

CREATE INDEX reviews_by_account ON reviews (platform_id, account_id, id);
