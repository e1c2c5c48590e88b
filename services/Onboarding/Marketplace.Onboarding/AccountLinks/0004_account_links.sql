-- Stripe's account links: single-use, expiring URLs to the hosted onboarding page. Only hashes of the link's token
-- and of the browser session it opens are stored, so that the table cannot be replayed into a page.
CREATE TABLE account_links (
    token_hash         text PRIMARY KEY,
    account_id         text        NOT NULL REFERENCES accounts (id),
    -- account_onboarding or account_update.
    type               text        NOT NULL,
    -- Which requirements the page collects: currently_due or eventually_due.
    fields             text        NOT NULL,
    refresh_url        text        NOT NULL,
    return_url         text        NOT NULL,
    created            timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    -- Set by the first visit, which opens a session: the link itself never opens a page again.
    session_hash       text        NULL UNIQUE,
    session_expires_at timestamptz NULL,
    completed_at       timestamptz NULL
);
