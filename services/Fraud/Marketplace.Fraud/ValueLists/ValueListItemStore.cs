using Dapper;
using Marketplace.Api.Lists;
using Npgsql;

namespace Marketplace.Fraud.ValueLists;

/// <summary>The SQL of <c>value_list_items</c>, scoped to the platform like <see cref="ValueListStore"/>.</summary>
internal static class ValueListItemStore
{
    const string Columns = "id, value_list_id, value, created, created_by";

    /// <summary>False when the list already holds the value (nothing is written).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction transaction, string platformId, ValueListItemRow row, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO value_list_items (id, platform_id, value_list_id, value, created, created_by)
            VALUES (@Id, @platformId, @ValueListId, @Value, @Created, @CreatedBy)
            ON CONFLICT ON CONSTRAINT value_list_items_value DO NOTHING
            """,
            new { row.Id, platformId, row.ValueListId, row.Value, row.Created, row.CreatedBy }, transaction, cancellationToken: cancellationToken)) == 1;

    public static async Task<ValueListItemRow?> FindAsync(NpgsqlConnection connection, string platformId, string id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<ValueListItemRow>(new CommandDefinition(
            $"SELECT {Columns} FROM value_list_items WHERE id = @id AND platform_id = @platformId",
            new { id, platformId }, cancellationToken: cancellationToken));

    public static async Task<ValueListItemRow?> DeleteAsync(NpgsqlTransaction transaction, string platformId, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<ValueListItemRow>(new CommandDefinition(
            $"DELETE FROM value_list_items WHERE id = @id AND platform_id = @platformId RETURNING {Columns}",
            new { id, platformId }, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string platformId, string id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM value_list_items WHERE id = @id AND platform_id = @platformId)",
            new { id, platformId }, cancellationToken: cancellationToken));

    /// <summary>One page of a list's items, by exact value when given.</summary>
    public static async Task<IReadOnlyList<ValueListItem>> ListAsync(
        NpgsqlConnection connection, string platformId, string valueListId, ListSql page, string? value, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(page.Parameters);
        parameters.Add("platformId", platformId);
        parameters.Add("valueListId", valueListId);
        parameters.Add("value", value);
        var rows = await connection.QueryAsync<ValueListItemRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM value_list_items
            WHERE platform_id = @platformId AND value_list_id = @valueListId AND (@value::text IS NULL OR value = @value) AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToItem())];
    }
}
