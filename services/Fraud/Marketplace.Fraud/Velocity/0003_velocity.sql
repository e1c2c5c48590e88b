-- Velocity counters: how many payments a card, an email or an IP address made, per minute bucket. An assessment
-- adds one to the current bucket (an advisory lock per key serialises concurrent payments of one card, so each sees
-- its exact count) and sums the buckets of the last hour and day: windows slide by the minute. Keys are SHA-256 hashes, so
-- the table holds no email or IP address in clear. Buckets older than a day are deleted (VelocityCleanup).
CREATE TABLE velocity_counts (
    platform_id text        NOT NULL,
    dimension   text        NOT NULL,
    key_hash    text        NOT NULL,
    bucket      timestamptz NOT NULL,
    count       integer     NOT NULL,
    PRIMARY KEY (platform_id, dimension, key_hash, bucket)
);

CREATE INDEX velocity_counts_by_bucket ON velocity_counts (bucket);
