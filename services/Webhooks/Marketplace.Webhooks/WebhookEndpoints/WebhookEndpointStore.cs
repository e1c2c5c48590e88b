using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>The SQL of <c>webhook_endpoints</c>. Every read is scoped to the platform that owns the endpoints.</summary>
public static class WebhookEndpointStore
{
    const string Columns =
        "id, platform_id, url, enabled_events, connect, description, metadata::text AS metadata, api_version, secret, status, created";

    public static Task InsertAsync(NpgsqlConnection connection, WebhookEndpointRecord endpoint, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO webhook_endpoints (id, platform_id, url, enabled_events, connect, description, metadata, api_version, secret, status, created)
            VALUES (@Id, @PlatformId, @Url, @EnabledEvents, @Connect, @Description, @Metadata::jsonb, @ApiVersion, @Secret, @Status, @Created)
            """,
            endpoint, cancellationToken: cancellationToken));

    /// <summary>The platform's endpoint, unless deleted; <paramref name="transaction"/> given, it is locked for an update.</summary>
    public static Task<WebhookEndpointRecord?> FindAsync(
        NpgsqlConnection connection, string platformId, string id, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<WebhookEndpointRecord>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM webhook_endpoints
            WHERE id = @id AND platform_id = @platformId AND deleted IS NULL
            {(transaction is null ? "" : "FOR NO KEY UPDATE")}
            """,
            new { id, platformId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes what an update may change. Enabling a disabled endpoint starts its count of failures afresh.</summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, WebhookEndpointRecord endpoint, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE webhook_endpoints
            SET url = @Url, enabled_events = @EnabledEvents, description = @Description, metadata = @Metadata::jsonb,
                failed_in_a_row = CASE WHEN status <> @Status THEN 0 ELSE failed_in_a_row END,
                status = @Status
            WHERE id = @Id
            """,
            endpoint, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> DeleteAsync(NpgsqlTransaction transaction, string platformId, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_endpoints SET deleted = now() WHERE id = @id AND platform_id = @platformId AND deleted IS NULL",
            new { id, platformId }, transaction, cancellationToken: cancellationToken)) == 1;

    public static async Task<IReadOnlyList<WebhookEndpointRecord>> ListAsync(
        NpgsqlConnection connection, string platformId, ListQuery query, CancellationToken cancellationToken)
    {
        var page = query.ToSql();
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("platformId", platformId);
        return [.. await connection.QueryAsync<WebhookEndpointRecord>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM webhook_endpoints
            WHERE platform_id = @platformId AND deleted IS NULL AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// The enabled endpoints of <paramref name="platformId"/> that subscribe to <paramref name="type"/>: Connect endpoints
    /// for a connected account's events, the others for the platform's own. They are share-locked, in id order, until
    /// the caller commits, so that disabling or deleting one waits for the deliveries being created for it (and then
    /// cancels them) instead of missing them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LockSubscribersAsync(
        NpgsqlTransaction transaction, string platformId, bool connect, string type, CancellationToken cancellationToken) =>
        [.. await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            """
            SELECT id FROM webhook_endpoints
            WHERE platform_id = @platformId AND deleted IS NULL AND status = 'enabled' AND connect = @connect
              AND (@type = ANY (enabled_events) OR '*' = ANY (enabled_events))
            ORDER BY id COLLATE "C"
            FOR SHARE
            """,
            new { platformId, connect, type }, transaction, cancellationToken: cancellationToken))];

    /// <summary>
    /// Locks the endpoint for a delivery's outcome and returns whether it is still enabled. Taken before the
    /// delivery's own locks, in the same order as <see cref="LockSubscribersAsync"/> and the API's updates.
    /// </summary>
    public static async Task<bool> LockForOutcomeAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM webhook_endpoints WHERE id = @id AND deleted IS NULL FOR NO KEY UPDATE",
            new { id }, transaction, cancellationToken: cancellationToken)) == WebhookEndpointStatus.Enabled;

    /// <summary>Counts a delivery given up on; at <paramref name="threshold"/> in a row the endpoint is disabled. Returns whether it was.</summary>
    public static async Task<bool> CountFailedDeliveryAsync(
        NpgsqlTransaction transaction, string id, int threshold, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleAsync<string>(new CommandDefinition(
            """
            UPDATE webhook_endpoints
            SET failed_in_a_row = failed_in_a_row + 1,
                status = CASE WHEN failed_in_a_row + 1 >= @threshold THEN 'disabled' ELSE status END
            WHERE id = @id
            RETURNING status
            """,
            new { id, threshold }, transaction, cancellationToken: cancellationToken)) == WebhookEndpointStatus.Disabled;

    public static Task CountSucceededDeliveryAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_endpoints SET failed_in_a_row = 0 WHERE id = @id AND failed_in_a_row <> 0",
            new { id }, transaction, cancellationToken: cancellationToken));
}
