using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Gateway.Accounts;

/// <summary>Which platform each account belongs to: the one question the gateway asks of accounts.</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    /// <summary>A new platform, inside the caller's transaction: an account that is its own platform.</summary>
    internal static async Task<string> InsertPlatformAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var id = PrefixedId.New("acct");
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO accounts (id, platform_id) VALUES (@id, @id)", new { id }, transaction, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>
    /// An operator's connected account for <paramref name="platformId"/> (until Onboarding creates them): recorded here
    /// at once, and announced as <see cref="ConnectedAccountCreated"/> — as Onboarding will — so that every service that
    /// keeps accounts (the Ledger's transfers) learns of it. Repeating it changes and announces nothing.
    /// </summary>
    public async Task AddConnectedAccountAsync(string accountId, string platformId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO accounts (id, platform_id) VALUES (@accountId, @platformId) ON CONFLICT (id) DO NOTHING",
            new { accountId, platformId }, transaction, cancellationToken: cancellationToken));
        if (added == 1)
        {
            await transaction.PublishAsync(
                new ConnectedAccountCreated { AccountId = accountId, PlatformId = platformId, Created = DateTimeOffset.UtcNow }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> PlatformOfAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT platform_id FROM accounts WHERE id = @accountId", new { accountId }, cancellationToken: cancellationToken));
    }
}
