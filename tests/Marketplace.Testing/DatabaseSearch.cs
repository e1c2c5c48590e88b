using Dapper;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// Which tables of a database hold a text in clear in some row, as PostgreSQL prints the row: what a leak test asks
/// of a secret. The database searches itself, so a database of any size is searched (a dump of a long-running
/// stack's rows into one string exceeds what PostgreSQL can return).
/// </summary>
public static class DatabaseSearch
{
    public static async Task<IReadOnlyList<string>> TablesContainingAsync(
        NpgsqlDataSource database, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var tables = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'
            """, cancellationToken: cancellationToken));
        var containing = new List<string>();
        foreach (var table in tables)
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    $"SELECT EXISTS (SELECT FROM {table} t WHERE strpos(t::text, @text) > 0)", new { text }, cancellationToken: cancellationToken)))
            {
                containing.Add(table);
            }
        }

        return containing;
    }
}
