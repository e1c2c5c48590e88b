using System.Collections.Concurrent;
using Dapper;
using Marketplace.Fraud.Rules.Language;
using Npgsql;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// Each platform's rules, compiled once and kept until the platform changes its rules or lists: every assessment
/// reads the platform's version (one indexed row, <see cref="RuleSetVersions.Sql"/>) and recompiles only when it moved. So rules are never
/// interpreted per payment, and an instance never decides with rules another instance has already changed.
/// </summary>
public sealed class RuleSetCache
{
    readonly ConcurrentDictionary<string, LoadedRuleSet> _sets = new(StringComparer.Ordinal);

    /// <param name="version">The platform's version, read in the caller's transaction.</param>
    public async Task<LoadedRuleSet> GetAsync(NpgsqlConnection connection, string platformId, long version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_sets.TryGetValue(platformId, out var cached) && cached.Version == version)
        {
            return cached;
        }

        // Read after the version: a change committed in between makes the set newer than its label, and it is
        // loaded once more at the next payment; never older.
        var loaded = await LoadAsync(connection, platformId, version, cancellationToken);
        _sets[platformId] = loaded;
        return loaded;
    }

    static async Task<LoadedRuleSet> LoadAsync(NpgsqlConnection connection, string platformId, long version, CancellationToken cancellationToken)
    {
        var own = await RuleStore.EnabledAsync(connection, platformId, cancellationToken);
        var parsed = own.Select(rule => (rule.Id, Parsed: RulesApi.Reparse(rule))).ToList();
        var compiled = BuiltInRules.Compiled.Concat(parsed.Select(rule => CompiledRule.Compile(rule.Id, rule.Parsed)));

        var aliases = BuiltInRules.ValueListAliases
            .Concat(parsed.SelectMany(rule => rule.Parsed.ValueListAliases))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var lists = await LoadListsAsync(connection, platformId, aliases, cancellationToken);
        return new LoadedRuleSet(version, new RuleSet(compiled), lists);
    }

    /// <summary>The platform's value lists named <paramref name="aliases"/>, with every item, as rules read them.</summary>
    internal static async Task<ValueListSet> LoadListsAsync(
        NpgsqlConnection connection, string platformId, IReadOnlyList<string> aliases, CancellationToken cancellationToken)
    {
        var items = await connection.QueryAsync<(string Alias, string ItemType, string? Value)>(new CommandDefinition(
            """
            SELECT list.alias, list.item_type, item.value
            FROM value_lists list LEFT JOIN value_list_items item ON item.value_list_id = list.id
            WHERE list.platform_id = @platformId AND list.alias = ANY(@aliases)
            """,
            new { platformId, aliases = aliases.ToArray() }, cancellationToken: cancellationToken));
        return new ValueListSet(items
            .GroupBy(row => (row.Alias, row.ItemType))
            .ToDictionary(
                group => group.Key.Alias,
                group => new ValueListContents(group.Key.ItemType, group.Where(row => row.Value is not null).Select(row => row.Value!)),
                StringComparer.Ordinal));
    }
}
