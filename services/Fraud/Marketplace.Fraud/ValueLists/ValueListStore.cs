using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Fraud.ValueLists;

/// <summary>
/// The SQL of <c>value_lists</c>, every statement scoped to the platform: another platform's list is not found,
/// exactly as one that does not exist. Writes run in the caller's transaction.
/// </summary>
internal static class ValueListStore
{
    /// <summary>How many of its newest items a list shows in <c>list_items</c>, as Stripe's do.</summary>
    public const int PreviewItems = 10;

    const string Columns = "id, alias, name, item_type, created, created_by, metadata::text AS metadata, is_default";

    /// <summary>False when the platform already has a list with that alias (nothing is written).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, string platformId, ValueListRow row, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO value_lists (id, platform_id, alias, name, item_type, created, created_by, metadata)
            VALUES (@Id, @platformId, @Alias, @Name, @ItemType, @Created, @CreatedBy, @Metadata::jsonb)
            ON CONFLICT ON CONSTRAINT value_lists_alias DO NOTHING
            """,
            new { row.Id, platformId, row.Alias, row.Name, row.ItemType, row.Created, row.CreatedBy, row.Metadata },
            transaction, cancellationToken: cancellationToken)) == 1;

    public static async Task<ValueListRow?> FindAsync(NpgsqlConnection connection, string platformId, string id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<ValueListRow>(new CommandDefinition(
            $"SELECT {Columns} FROM value_lists WHERE id = @id AND platform_id = @platformId",
            new { id, platformId }, cancellationToken: cancellationToken));

    /// <summary>The list, locked until the transaction ends, so that concurrent changes to it apply one after the other.</summary>
    public static async Task<ValueListRow?> LockAsync(NpgsqlTransaction transaction, string platformId, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<ValueListRow>(new CommandDefinition(
            $"SELECT {Columns} FROM value_lists WHERE id = @id AND platform_id = @platformId FOR UPDATE",
            new { id, platformId }, transaction, cancellationToken: cancellationToken));

    /// <summary>False when another list of the platform already has the new alias (nothing is written).</summary>
    public static async Task<bool> UpdateAsync(NpgsqlTransaction transaction, string platformId, ValueListRow row, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE value_lists SET alias = @Alias, name = @Name, metadata = @Metadata::jsonb
            WHERE id = @Id AND platform_id = @platformId
              AND NOT EXISTS (SELECT 1 FROM value_lists other WHERE other.platform_id = @platformId AND other.alias = @Alias AND other.id <> @Id)
            """,
            new { row.Id, platformId, row.Alias, row.Name, row.Metadata }, transaction, cancellationToken: cancellationToken)) == 1;

    public static Task DeleteAsync(NpgsqlTransaction transaction, string platformId, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM value_lists WHERE id = @id AND platform_id = @platformId",
            new { id, platformId }, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string platformId, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM value_lists WHERE id = @id AND platform_id = @platformId)",
            new { id, platformId }, cancellationToken: cancellationToken));

    /// <summary>The aliases among <paramref name="aliases"/> the platform has no list for.</summary>
    public static async Task<IReadOnlyList<string>> MissingAliasesAsync(
        NpgsqlConnection connection, string platformId, IReadOnlyList<string> aliases, CancellationToken cancellationToken)
    {
        var found = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT alias FROM value_lists WHERE platform_id = @platformId AND alias = ANY(@aliases)",
            new { platformId, aliases = aliases.ToArray() }, cancellationToken: cancellationToken));
        return [.. aliases.Except(found, StringComparer.Ordinal)];
    }

    /// <summary>One page of <c>GET /v1/radar/value_lists</c>: by exact alias, and by lists holding a value (<c>contains</c>).</summary>
    public static async Task<IReadOnlyList<ValueListRow>> ListAsync(
        NpgsqlConnection connection, string platformId, ListSql page, string? alias, string? contains, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("platformId", platformId);
        parameters.Add("alias", alias);
        parameters.Add("contains", contains);
        var rows = await connection.QueryAsync<ValueListRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM value_lists
            WHERE platform_id = @platformId AND (@alias::text IS NULL OR alias = @alias)
              AND (@contains::text IS NULL OR EXISTS (
                  SELECT 1 FROM value_list_items item WHERE item.value_list_id = value_lists.id AND lower(item.value) = lower(@contains)))
              AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The newest <see cref="PreviewItems"/> + 1 items of each list, for <c>list_items</c>.</summary>
    public static async Task<ILookup<string, ValueListItem>> PreviewItemsAsync(
        NpgsqlConnection connection, IReadOnlyList<string> listIds, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ValueListItemRow>(new CommandDefinition(
            """
            SELECT item.id, item.value_list_id, item.value, item.created, item.created_by
            FROM unnest(@listIds) AS list (id)
            CROSS JOIN LATERAL (
                SELECT * FROM value_list_items WHERE value_list_id = list.id ORDER BY id COLLATE "C" DESC LIMIT @limit
            ) item
            ORDER BY item.id COLLATE "C" DESC
            """,
            new { listIds = listIds.ToArray(), limit = PreviewItems + 1 }, cancellationToken: cancellationToken));
        return rows.ToLookup(row => row.ValueListId, row => row.ToItem());
    }
}
