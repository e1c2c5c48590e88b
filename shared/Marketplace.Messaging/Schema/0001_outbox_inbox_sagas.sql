-- The messaging backbone's tables; every service database has them (see docs/decisions/0002-postgres-messaging-backbone.md).

-- Outgoing messages, written in the business transaction and relayed to RabbitMQ when due.
-- A scheduled message is an outbox row whose not_before lies in the future.
CREATE TABLE outbox_messages (
    sequence_number     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id          uuid        NOT NULL UNIQUE,
    message_type        text        NOT NULL,
    destination_address text        NULL,      -- NULL: publish to the message type's exchange
    body                jsonb       NOT NULL,
    headers             jsonb       NOT NULL DEFAULT '{}',
    correlation_id      uuid        NULL,
    conversation_id     uuid        NULL,
    initiator_id        uuid        NULL,
    source_address      text        NULL,
    scheduling_token_id uuid        NULL,      -- cancels a scheduled message; also sent as MT-Scheduling-TokenId
    not_before          timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    attempts            integer     NOT NULL DEFAULT 0,
    last_error          text        NULL
);

CREATE INDEX outbox_messages_due ON outbox_messages (not_before, sequence_number);
CREATE INDEX outbox_messages_scheduling_token ON outbox_messages (scheduling_token_id) WHERE scheduling_token_id IS NOT NULL;

-- Messages already consumed, per consumer: inserted in the consumer's transaction so a redelivery finds it.
CREATE TABLE inbox_messages (
    message_id  uuid        NOT NULL,
    consumer_id text        NOT NULL,
    consumed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer_id)
);

CREATE INDEX inbox_messages_consumed_at ON inbox_messages (consumed_at);

-- MassTransit saga instances, one row per (saga type, correlation id), optimistic on version.
CREATE TABLE saga_instances (
    saga_type      text        NOT NULL,
    correlation_id uuid        NOT NULL,
    current_state  text        NULL,
    data           jsonb       NOT NULL,
    version        integer     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (saga_type, correlation_id)
);

-- Wakes the relays (LISTEN outbox_messages) when a transaction that wrote outbox rows commits;
-- Postgres delivers notifications only on commit, so a rolled-back write wakes nobody.
CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_messages', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_messages_inserted AFTER INSERT ON outbox_messages
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
