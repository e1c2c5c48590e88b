-- The first response to each (platform, Idempotency-Key), replayed to every retry for the retention
-- period. A row is 'in_flight' while its first request runs; its lease lets a retry take over when
-- the gateway that held it died mid-request (the service's own uniqueness on the key keeps that safe).
CREATE TABLE idempotency_records (
    platform_id      text        NOT NULL,
    key              text        NOT NULL,
    -- SHA-256 of method, path, acting account and body: "the same request" means the same bytes.
    fingerprint      bytea       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('in_flight', 'completed')),
    lease_expires    timestamptz NOT NULL,
    request_id       text        NOT NULL,
    response_status  integer,
    response_type    text,
    response_body    bytea,
    created          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (platform_id, key)
);

CREATE INDEX idempotency_records_created ON idempotency_records (created);
