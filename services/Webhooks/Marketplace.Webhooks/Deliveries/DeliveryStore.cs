using Dapper;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// The SQL of <c>webhook_deliveries</c> and <c>webhook_delivery_attempts</c>, always inside the caller's transaction.
/// Deliveries to one endpoint about one object are sent one at a time, in the order of their events: a transaction
/// that starts or finishes such a delivery first takes a lock on the (endpoint, object) pair, so that whether a new
/// delivery must wait, and which waiting one goes next, is decided by one transaction at a time.
/// </summary>
public static class DeliveryStore
{
    /// <summary>
    /// Creates the delivery of an event to one endpoint: <c>pending</c>, with its first attempt queued through the
    /// outbox, or <c>waiting</c> when an earlier delivery about the same object to that endpoint is still open.
    /// </summary>
    public static async Task StartAsync(
        NpgsqlTransaction transaction, string eventId, string endpointId, string? objectId, CancellationToken cancellationToken)
    {
        await LockObjectAsync(transaction, endpointId, objectId, cancellationToken);
        var status = await transaction.Connection!.QuerySingleAsync<string>(new CommandDefinition(
            """
            INSERT INTO webhook_deliveries (event_id, endpoint_id, object_id, status)
            SELECT @eventId, @endpointId, @objectId,
                   CASE WHEN EXISTS (SELECT 1 FROM webhook_deliveries
                                     WHERE endpoint_id = @endpointId AND object_id = @objectId AND status IN ('waiting', 'pending'))
                        THEN 'waiting' ELSE 'pending' END
            RETURNING status
            """,
            new { eventId, endpointId, objectId }, transaction, cancellationToken: cancellationToken));

        if (status == DeliveryStatus.Pending)
        {
            await SendFirstAttemptAsync(transaction, eventId, endpointId, cancellationToken);
        }
    }

    /// <summary>
    /// What attempt <paramref name="attempt"/> needs, or null when there is nothing to attempt: the delivery is no
    /// longer pending (done, or canceled with its endpoint) or this attempt was already made (a duplicate command).
    /// </summary>
    public static Task<DeliveryTarget?> FindTargetAsync(
        NpgsqlTransaction transaction, string eventId, string endpointId, int attempt, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<DeliveryTarget>(new CommandDefinition(
            """
            SELECT w.url, w.secret, e.payload, d.object_id
            FROM webhook_deliveries d
            JOIN webhook_endpoints w ON w.id = d.endpoint_id
            JOIN events e ON e.id = d.event_id
            WHERE d.event_id = @eventId AND d.endpoint_id = @endpointId
              AND d.status = 'pending' AND d.attempts = @attempt - 1
              AND w.status = 'enabled' AND w.deleted IS NULL
            """,
            new { eventId, endpointId, attempt }, transaction, cancellationToken: cancellationToken));

    public static Task RecordAttemptAsync(
        NpgsqlTransaction transaction, DeliverWebhook command, DeliveryOutcome outcome, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO webhook_delivery_attempts (id, event_id, endpoint_id, attempt, status_code, error, duration_ms, created)
            VALUES (@id, @EventId, @EndpointId, @Attempt, @StatusCode, @Error, @durationMs, @started)
            """,
            new
            {
                id = PrefixedId.New("wda", outcome.Started),
                command.EventId,
                command.EndpointId,
                command.Attempt,
                outcome.StatusCode,
                outcome.Error,
                durationMs = (int)Math.Min(int.MaxValue, outcome.Duration.TotalMilliseconds),
                started = outcome.Started.UtcDateTime,
            },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Counts the failed attempt and schedules the next one through the outbox, unless the delivery was canceled meanwhile.</summary>
    public static async Task ScheduleRetryAsync(NpgsqlTransaction transaction, DeliverWebhook command, DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (await CountAttemptAsync(transaction, command, DeliveryStatus.Pending, cancellationToken))
        {
            await transaction.ScheduleSendAsync(DeliverWebhook.Address, command with { Attempt = command.Attempt + 1 }, due, cancellationToken);
        }
    }

    /// <summary>
    /// Ends the delivery as <paramref name="status"/> after its last attempt; false when it had been canceled meanwhile.
    /// Call with the endpoint locked (<c>WebhookEndpointStore.LockForOutcomeAsync</c>); this takes the object's lock.
    /// </summary>
    public static async Task<bool> FinishAsync(
        NpgsqlTransaction transaction, DeliverWebhook command, string? objectId, string status, CancellationToken cancellationToken)
    {
        await LockObjectAsync(transaction, command.EndpointId, objectId, cancellationToken);
        return await CountAttemptAsync(transaction, command, status, cancellationToken);
    }

    /// <summary>Sends the oldest delivery waiting behind a finished one about the same object, if there is one.</summary>
    public static async Task StartNextAsync(NpgsqlTransaction transaction, string endpointId, string? objectId, CancellationToken cancellationToken)
    {
        if (objectId is null)
        {
            return;
        }

        var next = await transaction.Connection!.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            UPDATE webhook_deliveries SET status = 'pending'
            WHERE endpoint_id = @endpointId
              AND event_id = (SELECT event_id FROM webhook_deliveries
                              WHERE endpoint_id = @endpointId AND object_id = @objectId AND status = 'waiting'
                              ORDER BY event_id COLLATE "C"
                              LIMIT 1)
            RETURNING event_id
            """,
            new { endpointId, objectId }, transaction, cancellationToken: cancellationToken));

        if (next is not null)
        {
            await SendFirstAttemptAsync(transaction, next, endpointId, cancellationToken);
        }
    }

    /// <summary>
    /// Cancels every open delivery of an endpoint being disabled or deleted (its scheduled attempts find nothing to do
    /// when they arrive). Call with the endpoint locked.
    /// </summary>
    public static Task CancelOpenAsync(NpgsqlTransaction transaction, string endpointId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE webhook_deliveries SET status = 'canceled', completed = now()
            WHERE endpoint_id = @endpointId AND status IN ('waiting', 'pending')
            """,
            new { endpointId }, transaction, cancellationToken: cancellationToken));

    static Task SendFirstAttemptAsync(NpgsqlTransaction transaction, string eventId, string endpointId, CancellationToken cancellationToken) =>
        transaction.SendAsync(DeliverWebhook.Address, new DeliverWebhook { EventId = eventId, EndpointId = endpointId, Attempt = 1 }, cancellationToken);

    /// <summary>Records that attempt <c>command.Attempt</c> was made and leaves the delivery <paramref name="status"/>.</summary>
    static async Task<bool> CountAttemptAsync(NpgsqlTransaction transaction, DeliverWebhook command, string status, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE webhook_deliveries
            SET attempts = @Attempt, status = @status,
                completed = CASE WHEN @status = 'pending' THEN NULL ELSE now() END
            WHERE event_id = @EventId AND endpoint_id = @EndpointId AND status = 'pending' AND attempts = @Attempt - 1
            """,
            new { command.EventId, command.EndpointId, command.Attempt, status }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>A transaction-scoped lock on one (endpoint, object) pair; a hash collision only serialises two pairs needlessly.</summary>
    static Task LockObjectAsync(NpgsqlTransaction transaction, string endpointId, string? objectId, CancellationToken cancellationToken) =>
        objectId is null
            ? Task.CompletedTask
            : transaction.Connection!.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended(@endpointId || ' ' || @objectId, 0))",
                new { endpointId, objectId }, transaction, cancellationToken: cancellationToken));
}
