using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Fraud.Rules;

/// <summary>The SQL of <c>rules</c>, every statement scoped to the platform; deleted rules are not found.</summary>
internal static class RuleStore
{
    const string Columns = "id, action, predicate, description, enabled, created";

    public static Task InsertAsync(
        NpgsqlTransaction transaction, string platformId, Rule rule, IReadOnlyList<string> aliases, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO rules (id, platform_id, action, predicate, description, enabled, created, value_list_aliases)
            VALUES (@Id, @platformId, @Action, @Predicate, @Description, @Enabled, @Created, @aliases)
            """,
            new { rule.Id, platformId, rule.Action, rule.Predicate, rule.Description, rule.Enabled, rule.Created, aliases = aliases.ToArray() },
            transaction, cancellationToken: cancellationToken));

    public static async Task<Rule?> FindAsync(NpgsqlConnection connection, string platformId, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RuleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM rules WHERE id = @id AND platform_id = @platformId AND deleted_at IS NULL",
            new { id, platformId }, cancellationToken: cancellationToken));
        return row?.ToRule();
    }

    public static async Task<Rule?> LockAsync(NpgsqlTransaction transaction, string platformId, string id, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<RuleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM rules WHERE id = @id AND platform_id = @platformId AND deleted_at IS NULL FOR UPDATE",
            new { id, platformId }, transaction, cancellationToken: cancellationToken));
        return row?.ToRule();
    }

    public static Task UpdateAsync(
        NpgsqlTransaction transaction, string platformId, Rule rule, IReadOnlyList<string> aliases, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE rules SET action = @Action, predicate = @Predicate, description = @Description, enabled = @Enabled,
                value_list_aliases = @aliases
            WHERE id = @Id AND platform_id = @platformId
            """,
            new { rule.Id, platformId, rule.Action, rule.Predicate, rule.Description, rule.Enabled, aliases = aliases.ToArray() },
            transaction, cancellationToken: cancellationToken));

    public static Task MarkDeletedAsync(NpgsqlTransaction transaction, string platformId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE rules SET deleted_at = now() WHERE id = @id AND platform_id = @platformId",
            new { id, platformId }, transaction, cancellationToken: cancellationToken));

    /// <summary>True when a rule of the platform (enabled or not, deleted ones aside) names the value list <paramref name="alias"/>.</summary>
    public static async Task<bool> NamesValueListAsync(NpgsqlConnection connection, string platformId, string alias, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM rules WHERE platform_id = @platformId AND deleted_at IS NULL AND @alias = ANY(value_list_aliases))",
            new { platformId, alias }, cancellationToken: cancellationToken));

    /// <summary>True when <paramref name="id"/> names a rule of the platform, deleted ones included, so that a page cursor stays usable.</summary>
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string platformId, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM rules WHERE id = @id AND platform_id = @platformId)",
            new { id, platformId }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<Rule>> ListAsync(NpgsqlConnection connection, string platformId, ListSql page, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("platformId", platformId);
        var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM rules
            WHERE platform_id = @platformId AND deleted_at IS NULL AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToRule())];
    }

    /// <summary>The platform's enabled rules in creation order, as the rule set compiles them.</summary>
    public static async Task<IReadOnlyList<Rule>> EnabledAsync(NpgsqlConnection connection, string platformId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM rules WHERE platform_id = @platformId AND deleted_at IS NULL AND enabled ORDER BY id COLLATE \"C\"",
            new { platformId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToRule())];
    }
}
