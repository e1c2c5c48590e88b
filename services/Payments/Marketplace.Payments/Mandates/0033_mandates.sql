-- Stripe's mandate object: a payer's permission to debit a payment method, recorded when a SEPA Direct Debit is
-- confirmed (or set up) with mandate_data, and reused by the method's later debits.
CREATE TABLE mandates (
    id                  text COLLATE "C" PRIMARY KEY,
    account_id          text        NOT NULL,
    platform_id         text        NOT NULL,
    payment_method_id   text        NOT NULL REFERENCES payment_methods (id),
    -- The connected account the payments settle for: a mandate given for one is not another's.
    on_behalf_of        text        NULL,
    -- Whole seconds, as the API shows it.
    created             timestamptz NOT NULL,
    type                text        NOT NULL CHECK (type IN ('multi_use')),
    status              text        NOT NULL CHECK (status IN ('active', 'inactive')),
    -- Stripe's customer_acceptance hash as the API shows it: when, and online (IP, user agent) or offline.
    customer_acceptance jsonb       NOT NULL,
    -- The reference the scheme and the payer's bank statement know the mandate by.
    reference           text        NOT NULL UNIQUE,
    -- The unguessable part of the mandate page's address, the page's only credential.
    page_token          text        NOT NULL UNIQUE
);

-- A debit without mandate_data runs under the method's newest active mandate.
CREATE INDEX mandates_active_by_payment_method ON mandates (payment_method_id, created DESC) WHERE status = 'active';
