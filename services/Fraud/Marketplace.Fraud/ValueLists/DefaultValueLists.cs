using Dapper;
using Marketplace.Data;
using Npgsql;

namespace Marketplace.Fraud.ValueLists;

/// <summary>
/// The block lists every platform has, which the built-in rules name (<see cref="Rules.BuiltInRules"/>). They exist
/// from a platform's first value list request on; until then they are empty, which is what a rule sees of a list
/// that does not exist.
/// </summary>
public static class DefaultValueLists
{
    public const string CardFingerprints = "block_list_card_fingerprint";
    public const string Emails = "block_list_email";
    public const string IpAddresses = "block_list_ip_address";

    static readonly (string Alias, string Name, string ItemType)[] Lists =
    [
        (CardFingerprints, "Blocked card fingerprints", "card_fingerprint"),
        (Emails, "Blocked emails", "email"),
        (IpAddresses, "Blocked IP addresses", "ip_address"),
    ];

    /// <summary>Creates the platform's default lists that do not exist yet; concurrent callers create each once.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string platformId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await EnsureAsync(connection, null, platformId, cancellationToken);
    }

    /// <summary>The same, inside the caller's transaction.</summary>
    public static Task EnsureAsync(NpgsqlTransaction transaction, string platformId, CancellationToken cancellationToken) =>
        EnsureAsync(transaction.Connection!, transaction, platformId, cancellationToken);

    static async Task EnsureAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string platformId, CancellationToken cancellationToken)
    {
        var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM value_lists WHERE platform_id = @platformId AND is_default",
            new { platformId }, transaction, cancellationToken: cancellationToken));
        if (existing == Lists.Length)
        {
            return;
        }

        var created = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        foreach (var (alias, name, itemType) in Lists)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO value_lists (id, platform_id, alias, name, item_type, created, created_by, is_default)
                VALUES (@id, @platformId, @alias, @name, @itemType, @created, 'stripe', true)
                ON CONFLICT ON CONSTRAINT value_lists_alias DO NOTHING
                """,
                new { id = PrefixedId.New("rsl"), platformId, alias, name, itemType, created }, transaction, cancellationToken: cancellationToken));
        }
    }
}
