-- Every payment assessed, with the attributes its rules saw, so that a repeated request is answered the same way,
-- a customer's history is known, and a candidate rule can be tested against the last 30 days (POST /v1/radar/rules/test).
CREATE TABLE assessments (
    id             text COLLATE "C" PRIMARY KEY,
    platform_id    text             NOT NULL,
    account_id     text             NOT NULL,
    payment_id     text             NOT NULL,
    created        timestamptz      NOT NULL,
    amount         bigint           NOT NULL,
    currency       text             NOT NULL,
    amount_in_eur  double precision NULL,
    customer_id    text             NULL,
    action         text             NOT NULL,
    risk_score     integer          NOT NULL,
    risk_level     text             NOT NULL,
    rule_id        text             NULL,
    -- The attributes as rules read them (name → value, metadata under "metadata").
    attributes     jsonb            NOT NULL,
    -- The PaymentAssessed answer, replayed as it was to a repeated request.
    response       jsonb            NOT NULL,
    CONSTRAINT assessments_payment UNIQUE (platform_id, payment_id)
);

CREATE INDEX assessments_by_customer ON assessments (platform_id, customer_id, created) WHERE customer_id IS NOT NULL;
CREATE INDEX assessments_by_created ON assessments (platform_id, created);
