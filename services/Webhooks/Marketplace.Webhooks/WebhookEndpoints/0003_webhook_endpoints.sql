-- The platforms' webhook endpoints. A deleted endpoint keeps its row (deleted set) for its deliveries and attempt log.
CREATE TABLE webhook_endpoints (
    id              text        PRIMARY KEY,
    platform_id     text        NOT NULL,
    url             text        NOT NULL,
    enabled_events  text[]      NOT NULL,
    connect         boolean     NOT NULL,  -- true: the events of the platform's connected accounts; false: its own
    description     text        NULL,
    metadata        jsonb       NOT NULL,
    api_version     text        NULL,
    secret          text        NOT NULL,  -- kept in clear because signing (HMAC) needs it; the API shows it only on create
    status          text        NOT NULL CHECK (status IN ('enabled', 'disabled')),
    failed_in_a_row integer     NOT NULL DEFAULT 0,  -- deliveries given up on since the last success
    created         timestamptz NOT NULL DEFAULT now(),
    deleted         timestamptz NULL
);

CREATE INDEX webhook_endpoints_by_platform ON webhook_endpoints (platform_id, (id COLLATE "C")) WHERE deleted IS NULL;
