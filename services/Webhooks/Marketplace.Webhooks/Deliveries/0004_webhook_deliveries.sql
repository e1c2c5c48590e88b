-- One delivery per (event, endpoint) the event was sent to, and its life:
--   waiting   behind an earlier delivery about the same object to the same endpoint, not yet sent;
--   pending   being attempted (a DeliverWebhook command is queued or scheduled for its next attempt);
--   succeeded an attempt got a 2xx;  failed  the last attempt failed;  canceled  its endpoint was disabled or deleted.
CREATE TABLE webhook_deliveries (
    event_id    text        NOT NULL REFERENCES events (id),
    endpoint_id text        NOT NULL REFERENCES webhook_endpoints (id),
    object_id   text        NULL,
    status      text        NOT NULL CHECK (status IN ('waiting', 'pending', 'succeeded', 'failed', 'canceled')),
    attempts    integer     NOT NULL DEFAULT 0,
    created     timestamptz NOT NULL DEFAULT now(),
    completed   timestamptz NULL,
    PRIMARY KEY (event_id, endpoint_id)
);

-- The open deliveries of an endpoint about one object, oldest event first: what a new one waits behind.
CREATE INDEX webhook_deliveries_open ON webhook_deliveries (endpoint_id, object_id, (event_id COLLATE "C"))
    WHERE status IN ('waiting', 'pending');

-- Every HTTP request made, successful or not.
CREATE TABLE webhook_delivery_attempts (
    id          text        PRIMARY KEY,
    event_id    text        NOT NULL,
    endpoint_id text        NOT NULL,
    attempt     integer     NOT NULL,
    status_code integer     NULL,      -- null when no response came back
    error       text        NULL,      -- why the attempt failed, when it did
    duration_ms integer     NOT NULL,
    created     timestamptz NOT NULL,  -- when the request was sent
    FOREIGN KEY (event_id, endpoint_id) REFERENCES webhook_deliveries (event_id, endpoint_id)
);

CREATE INDEX webhook_delivery_attempts_by_endpoint ON webhook_delivery_attempts (endpoint_id, (id COLLATE "C"));
