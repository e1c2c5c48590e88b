using Dapper;
using Marketplace.Data;
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

    /// <summary>Records a connected account of <paramref name="platformId"/>; repeating it changes nothing.</summary>
    public async Task AddConnectedAccountAsync(string accountId, string platformId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO accounts (id, platform_id) VALUES (@accountId, @platformId) ON CONFLICT (id) DO NOTHING",
            new { accountId, platformId }, cancellationToken: cancellationToken));
    }

    public async Task<string?> PlatformOfAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT platform_id FROM accounts WHERE id = @accountId", new { accountId }, cancellationToken: cancellationToken));
    }
}
