using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Gateway.Idempotency;

public sealed class IdempotencyStore(NpgsqlDataSource dataSource, IOptions<IdempotencyOptions> options)
{
    /// <summary>
    /// Prefixed to the two writes on every idempotent request, which then commit without waiting for the WAL flush
    /// (one statement batch is one transaction, so the setting covers just that write). What it risks: a PostgreSQL
    /// crash can lose the last fraction of a second of records, and a retry of such a request runs again — which the
    /// service's own uniqueness on the idempotency key makes harmless. What it buys is in docs/benchmarks.md.
    /// </summary>
    const string AsynchronousCommit = "SET LOCAL synchronous_commit = off;";

    /// <summary>
    /// Claims the key for a request, or says why not. One statement decides, so two gateways racing for a new key
    /// cannot both acquire it: the insert wins, or the row whose lease has expired is taken over, or nothing changes.
    /// A row past its retention is treated as absent (the cleanup may not have removed it yet).
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(string platformId, string key, byte[] fingerprint, string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var acquired = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            {AsynchronousCommit}
            INSERT INTO idempotency_records AS r (platform_id, key, fingerprint, status, lease_expires, request_id)
            VALUES (@platformId, @key, @fingerprint, 'in_flight', now() + @lease, @requestId)
            ON CONFLICT (platform_id, key) DO UPDATE
                SET fingerprint = excluded.fingerprint, status = 'in_flight', lease_expires = excluded.lease_expires,
                    request_id = excluded.request_id, response_status = NULL, response_type = NULL, response_body = NULL,
                    created = now()
                WHERE r.created < now() - @retention
                   OR (r.status = 'in_flight' AND r.lease_expires < now() AND r.fingerprint = excluded.fingerprint)
            """,
            new { platformId, key, fingerprint, requestId, lease = options.Value.Lease, retention = options.Value.Retention },
            cancellationToken: cancellationToken));
        if (acquired == 1)
        {
            return new IdempotencyClaim.Acquired();
        }

        var existing = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            """
            SELECT fingerprint, status, response_status, response_type, response_body, request_id
            FROM idempotency_records WHERE platform_id = @platformId AND key = @key
            """,
            new { platformId, key }, cancellationToken: cancellationToken));
        return existing switch
        {
            _ when !existing.Fingerprint.AsSpan().SequenceEqual(fingerprint) => new IdempotencyClaim.Mismatch(),
            { Status: "completed" } => new IdempotencyClaim.Completed(
                new StoredResponse(existing.ResponseStatus!.Value, existing.ResponseType, existing.ResponseBody ?? [], existing.RequestId)),
            _ => new IdempotencyClaim.InFlight(),
        };
    }

    public async Task CompleteAsync(string platformId, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            {AsynchronousCommit}
            UPDATE idempotency_records
            SET status = 'completed', response_status = @Status, response_type = @ContentType, response_body = @Body
            WHERE platform_id = @platformId AND key = @key AND request_id = @RequestId
            """,
            new { platformId, key, response.Status, response.ContentType, response.Body, response.RequestId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Gives the key up, so that a retry runs the request again (it did not run, or its outcome is unknown).</summary>
    public async Task ReleaseAsync(string platformId, string key, string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_records WHERE platform_id = @platformId AND key = @key AND request_id = @requestId AND status = 'in_flight'",
            new { platformId, key, requestId }, cancellationToken: cancellationToken));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_records WHERE created < now() - @retention",
            new { retention = options.Value.Retention }, cancellationToken: cancellationToken));
    }

    sealed record Row(byte[] Fingerprint, string Status, int? ResponseStatus, string? ResponseType, byte[]? ResponseBody, string RequestId);
}
