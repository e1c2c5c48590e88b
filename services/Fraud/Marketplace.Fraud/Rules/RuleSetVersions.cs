using Dapper;
using Npgsql;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// The version of a platform's rule set (its rules, value lists and items together), bumped in the transaction of
/// every change to them. Bumping locks the platform's row until that transaction ends, which also serialises
/// concurrent changes to one platform's rules and lists.
/// </summary>
internal static class RuleSetVersions
{
    public static Task BumpAsync(NpgsqlTransaction transaction, string platformId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO rule_set_versions (platform_id, version) VALUES (@platformId, 1)
            ON CONFLICT (platform_id) DO UPDATE SET version = rule_set_versions.version + 1
            """,
            new { platformId }, transaction, cancellationToken: cancellationToken));

    /// <summary>0 for a platform that never changed its rules or lists.</summary>
    public static async Task<long> ReadAsync(NpgsqlConnection connection, string platformId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT version FROM rule_set_versions WHERE platform_id = @platformId",
            new { platformId }, cancellationToken: cancellationToken)) ?? 0;
}
