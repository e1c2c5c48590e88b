using Dapper;
using Marketplace.Api.Context;
using Npgsql;

namespace Marketplace.Webhooks.Events;

/// <summary>The SQL of <c>events</c>. Reads are scoped to the account a request acts on.</summary>
public static class EventStore
{
    /// <summary>Events are read with their live count of open deliveries (<c>pending_webhooks</c>).</summary>
    const string Columns =
        """
        e.id, e.platform_id, e.account_id, e.type, e.object_id, e.data_object, e.previous_attributes, e.request_id,
        e.idempotency_key, e.created,
        (SELECT count(*) FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status IN ('waiting', 'pending')) AS pending_webhooks
        """;

    /// <summary>Stores the event once; false when its id is already stored (the same fact published twice).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, EventRecord record, string payload, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO events (id, platform_id, account_id, type, object_id, data_object, previous_attributes, request_id,
                                idempotency_key, created, payload)
            VALUES (@Id, @PlatformId, @AccountId, @Type, @ObjectId, @DataObject, @PreviousAttributes, @RequestId,
                    @IdempotencyKey, @Created, @payload)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                record.Id,
                record.PlatformId,
                record.AccountId,
                record.Type,
                record.ObjectId,
                record.DataObject,
                record.PreviousAttributes,
                record.RequestId,
                record.IdempotencyKey,
                record.Created,
                payload,
            },
            transaction, cancellationToken: cancellationToken)) == 1;

    public static async Task<ApiEvent?> FindAsync(NpgsqlConnection connection, RequestContext context, string id, CancellationToken cancellationToken)
    {
        var events = await QueryAsync(connection, new CommandDefinition(
            $"SELECT {Columns} FROM events e WHERE e.id = @id AND e.platform_id = @PlatformId AND e.account_id = @AccountId",
            new { id, context.PlatformId, context.AccountId }, cancellationToken: cancellationToken));
        return events.SingleOrDefault();
    }

    /// <summary>One page of <paramref name="filter"/>, as <c>ListQuery</c> pages (its extra row included).</summary>
    public static async Task<IReadOnlyList<ApiEvent>> ListAsync(
        NpgsqlConnection connection, RequestContext context, EventFilter filter, CancellationToken cancellationToken)
    {
        var page = filter.Page.ToSql("e.id", "e.created");
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("platformId", context.PlatformId);
        parameters.Add("accountId", context.AccountId);
        var conditions = new List<string> { page.Where };
        if (filter.TypePattern is { } pattern)
        {
            conditions.Add("e.type LIKE @typePattern");
            parameters.Add("typePattern", pattern);
        }

        if (filter.Types is { } types)
        {
            conditions.Add("e.type = ANY (@types)");
            parameters.Add("types", types.ToArray());
        }

        if (filter.DeliverySuccess is { } deliverySuccess)
        {
            // Stripe: true lists events whose every delivery succeeded; false, events with one that has not (yet).
            conditions.Add(
                $"{(deliverySuccess ? "NOT " : "")}EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status <> 'succeeded')");
        }

        return await QueryAsync(connection, new CommandDefinition(
            $"""
            SELECT {Columns} FROM events e
            WHERE e.platform_id = @platformId AND e.account_id = @accountId AND {string.Join(" AND ", conditions)}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
    }

    static async Task<IReadOnlyList<ApiEvent>> QueryAsync(NpgsqlConnection connection, CommandDefinition command) =>
        [.. await connection.QueryAsync<EventRecord, long, ApiEvent>(
            command, static (record, pending) => record.ToEvent(pending), splitOn: "pending_webhooks")];
}
