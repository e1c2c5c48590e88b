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

    /// <summary>
    /// The platform's version as a SQL expression of the parameter <c>@platformId</c>, 0 for a platform that never
    /// changed its rules or lists: an assessment reads it with its other reads, in one round trip.
    /// </summary>
    public const string Sql = "coalesce((SELECT version FROM rule_set_versions WHERE platform_id = @platformId), 0)";
}
