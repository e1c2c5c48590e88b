-- Challenges a payer completes in a browser: 3D Secure for a card, the simulated bank page of a redirect method.
-- The id is the page's only credential (/payments/authenticate/{id}), so it is random, never derived from anything.
CREATE TABLE authentication_challenges (
    id            text COLLATE "C" PRIMARY KEY,
    -- The intent the payer returns to (pi_… or seti_…) and the attempt being authenticated (ch_… or the seti_… itself).
    subject       text        NOT NULL,
    reference     text        NOT NULL,
    -- three_d_secure, ideal, bancontact or paypal.
    kind          text        NOT NULL,
    return_url    text        NULL,
    -- The intent's client secret, which Stripe adds to the return URL's query.
    client_secret text        NOT NULL,
    created       timestamptz NOT NULL,
    -- Both set once, by the payer's one choice.
    completed_at  timestamptz NULL,
    succeeded     boolean     NULL
);

CREATE INDEX authentication_challenges_by_reference ON authentication_challenges (reference);
