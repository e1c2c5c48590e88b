using Dapper;
using Npgsql;

namespace Marketplace.Messaging.Outbox;

/// <summary>The SQL of <c>outbox_messages</c>: writes inside a caller's transaction, claims and deletes for the relay.</summary>
static class OutboxStore
{
    /// <summary>
    /// Adds a message to the transaction. A <c>queue:</c> destination is refused here, where the mistake is made:
    /// MassTransit would declare that queue as a classic one, RabbitMQ refuses that for our quorum queues, and the
    /// relay could never send the row. Send to <c>exchange:&lt;queue name&gt;</c>: every receive endpoint has an
    /// exchange of its queue's name bound to it.
    /// </summary>
    public static Task InsertAsync(NpgsqlTransaction transaction, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.DestinationAddress?.StartsWith("queue:", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new ArgumentException(
                $"Cannot send to '{message.DestinationAddress}': use 'exchange:{message.DestinationAddress["queue:".Length..]}' (queue: addresses would redeclare our quorum queues as classic ones).",
                nameof(message));
        }

        OutboxWrites.Mark(transaction);
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox_messages (message_id, message_type, destination_address, body, headers, correlation_id,
                conversation_id, initiator_id, source_address, scheduling_token_id, not_before)
            VALUES (@MessageId, @MessageType, @DestinationAddress, @Body::jsonb, @Headers::jsonb, @CorrelationId,
                @ConversationId, @InitiatorId, @SourceAddress, @SchedulingTokenId, coalesce(@NotBefore, now()))
            """,
            message, transaction, cancellationToken: cancellationToken));
    }

    public static Task<int> DeleteScheduledAsync(NpgsqlTransaction transaction, Guid schedulingTokenId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox_messages WHERE scheduling_token_id = @schedulingTokenId",
            new { schedulingTokenId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Locks up to <paramref name="limit"/> due rows; rows another relay holds are skipped, not waited for,
    /// so any number of relays (instances of the service) share the table without sending a row twice.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken) =>
        [.. await transaction.Connection!.QueryAsync<OutboxMessage>(new CommandDefinition(
            """
            SELECT sequence_number, message_id, message_type, destination_address, body::text AS body, headers::text AS headers,
                   correlation_id, conversation_id, initiator_id, source_address, scheduling_token_id, not_before, attempts
            FROM outbox_messages
            WHERE not_before <= now()
            ORDER BY not_before, sequence_number
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """,
            new { limit }, transaction, cancellationToken: cancellationToken))];

    public static Task DeleteAsync(NpgsqlTransaction transaction, long[] sequenceNumbers, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox_messages WHERE sequence_number = ANY(@sequenceNumbers)",
            new { sequenceNumbers }, transaction, cancellationToken: cancellationToken));

    /// <summary>Puts a row that failed to send back with a delay, so one poison message does not stall the rest.</summary>
    public static Task DeferAsync(NpgsqlTransaction transaction, long sequenceNumber, TimeSpan delay, string error, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox_messages
            SET attempts = attempts + 1, last_error = @error, not_before = now() + @delay
            WHERE sequence_number = @sequenceNumber
            """,
            new { sequenceNumber, delay, error }, transaction, cancellationToken: cancellationToken));
}
