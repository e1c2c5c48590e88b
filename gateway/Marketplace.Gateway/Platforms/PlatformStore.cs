using Marketplace.Api.Context;
using Marketplace.Gateway.Accounts;
using Marketplace.Gateway.ApiKeys;
using Npgsql;

namespace Marketplace.Gateway.Platforms;

/// <summary>Creates platform accounts together with their first keys, all or nothing.</summary>
public sealed class PlatformStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A new platform with a secret key (<paramref name="secretKey"/>, or a new one) and a publishable key. Null when
    /// <paramref name="secretKey"/> is already some platform's key: creating the same platform twice is a no-op.
    /// </summary>
    public async Task<NewPlatform?> CreateAsync(string? secretKey, CancellationToken cancellationToken)
    {
        var secret = secretKey ?? ApiKeySecret.New(ApiKeyKind.Secret);
        if (ApiKeySecret.KindOf(secret) != ApiKeyKind.Secret)
        {
            throw new ArgumentException($"A platform's first key must be a secret key ({ApiKeySecret.Prefix(ApiKeyKind.Secret)}…).", nameof(secretKey));
        }

        var publishable = ApiKeySecret.New(ApiKeyKind.Publishable);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var platformId = await AccountStore.InsertPlatformAsync(transaction, cancellationToken);
        try
        {
            await ApiKeyStore.InsertAsync(connection, transaction, platformId, secret, KeyPermissions.All, null, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }

        await ApiKeyStore.InsertAsync(connection, transaction, platformId, publishable, KeyPermissions.All, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NewPlatform(platformId, secret, publishable);
    }
}
