using Dapper;
using Npgsql;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>Short-hands for the assertions that read database rows.</summary>
static class Sql
{
    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, object? parameters = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, object? parameters = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
