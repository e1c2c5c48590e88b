using Dapper;
using Marketplace.Api.Context;
using Marketplace.Data;
using Npgsql;

namespace Marketplace.Gateway.ApiKeys;

public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    const string Columns = "id, platform_id, kind, redacted, permissions, rate_limit_per_second, revoked";

    public async Task<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE secret_hash = @hash",
            new { hash = ApiKeySecret.Hash(secret) }, cancellationToken: cancellationToken));
        return row?.ToApiKey();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string platformId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE platform_id = @platformId ORDER BY id COLLATE \"C\"",
            new { platformId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToApiKey())];
    }

    /// <summary>Stores <paramref name="secret"/> (hashed) as a key of the platform; the caller shows the secret once.</summary>
    public async Task<ApiKey> CreateAsync(
        string platformId, string secret, KeyPermissions permissions, int? rateLimitPerSecond, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await InsertAsync(connection, null, platformId, secret, permissions, rateLimitPerSecond, cancellationToken);
    }

    /// <summary>The insert of <see cref="CreateAsync"/>, for callers that create a key inside their own transaction.</summary>
    internal static async Task<ApiKey> InsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string platformId,
        string secret,
        KeyPermissions permissions,
        int? rateLimitPerSecond,
        CancellationToken cancellationToken)
    {
        var kind = ApiKeySecret.KindOf(secret) ?? throw new ArgumentException("Not a test-mode API key.", nameof(secret));
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"""
            INSERT INTO api_keys (id, platform_id, kind, secret_hash, redacted, permissions, rate_limit_per_second)
            VALUES (@id, @platformId, @kind, @hash, @redacted, @permissions, @rateLimitPerSecond)
            RETURNING {Columns}
            """,
            new
            {
                id = PrefixedId.New("key"),
                platformId,
                kind = KindName(kind),
                hash = ApiKeySecret.Hash(secret),
                redacted = ApiKeySecret.Redact(secret),
                permissions = kind == ApiKeyKind.Restricted ? permissions.ToString() : null,
                rateLimitPerSecond,
            },
            transaction,
            cancellationToken: cancellationToken));
        return row.ToApiKey();
    }

    /// <summary>True when the key existed and was not yet revoked.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked = now() WHERE id = @keyId AND revoked IS NULL",
            new { keyId }, cancellationToken: cancellationToken)) == 1;
    }

    static string KindName(ApiKeyKind kind) => kind.ToString().ToLowerInvariant();

    sealed record Row(string Id, string PlatformId, string Kind, string Redacted, string? Permissions, int? RateLimitPerSecond, DateTime? Revoked)
    {
        public ApiKey ToApiKey() => new(
            Id,
            PlatformId,
            Enum.Parse<ApiKeyKind>(Kind, ignoreCase: true),
            Redacted,
            Permissions is null ? KeyPermissions.All : KeyPermissions.Parse(Permissions) ?? KeyPermissions.Restricted(new Dictionary<string, ResourceAccess>()),
            RateLimitPerSecond,
            Revoked is { } revoked ? new DateTimeOffset(revoked, TimeSpan.Zero) : null);
    }
}
