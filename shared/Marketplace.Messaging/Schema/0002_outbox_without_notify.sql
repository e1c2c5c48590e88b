-- NOTIFY takes a database-wide lock at commit, which serialised every transaction that wrote outbox rows
-- (measured: 1,234 vs 2,800 single-message commits/s with 32 writers). Relays now poll, and a consumer's
-- commit wakes its own process's relay directly (OutboxRelaySignal).
DROP TRIGGER outbox_messages_inserted ON outbox_messages;
DROP FUNCTION outbox_messages_notify();
