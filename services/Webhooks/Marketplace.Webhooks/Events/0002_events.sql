-- Every event the platforms' services raised (Marketplace.Contracts.ApiEvents.ApiEventRaised), once per id.
CREATE TABLE events (
    id                  text        PRIMARY KEY,
    platform_id         text        NOT NULL,
    account_id          text        NOT NULL,  -- the platform itself, or the connected account the event is about
    type                text        NOT NULL,
    object_id           text        NULL,      -- data.object.id: deliveries about one object keep the events' order
    data_object         text        NOT NULL,  -- text, not jsonb: the object stays exactly as its owner rendered it
    previous_attributes text        NULL,
    request_id          text        NULL,
    idempotency_key     text        NULL,
    created             timestamptz NOT NULL,
    payload             text        NOT NULL   -- the rendering every delivery of the event sends and signs, byte for byte
);

-- Lists are per account, newest first by id (ids sort by creation time in the "C" collation).
CREATE INDEX events_by_account ON events (platform_id, account_id, (id COLLATE "C"));
