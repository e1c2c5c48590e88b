using System.Text;
using Dapper;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>Every row of every table of a database, as PostgreSQL prints it: what a leak test searches for a secret in clear.</summary>
public static class DatabaseDump
{
    public static async Task<string> AllRowsAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var tables = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'
            """, cancellationToken: cancellationToken));
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.AppendLine(await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                $"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {table} t", cancellationToken: cancellationToken)));
        }

        return text.ToString();
    }
}
