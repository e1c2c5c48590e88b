using Dapper;
using Npgsql;

namespace Marketplace.Payments.Search;

/// <summary>
/// The one statement behind every <c>…/search</c>: the account's rows the query matches, newest first, after the page's
/// cursor, one more than the limit (the extra row says there is more).
/// </summary>
internal static class SearchSql
{
    /// <param name="select">The searched table and its columns: <c>SELECT … FROM charges</c>.</param>
    /// <param name="scope">A further condition on the rows that may be found at all (deleted ones left out).</param>
    public static async Task<IReadOnlyList<TRow>> RowsAsync<TRow>(
        NpgsqlDataSource dataSource, string select, string accountId, SearchRequest search, CancellationToken cancellationToken, string scope = "true")
    {
        ArgumentNullException.ThrowIfNull(search);
        var parameters = new DynamicParameters(search.Query!.Parameters);
        parameters.Add("accountId", accountId);
        parameters.Add("before", search.After);
        parameters.Add("limit", search.Limit + 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(
            $"""
            {select}
            WHERE account_id = @accountId AND {scope} AND (@before::text IS NULL OR id < @before) AND {search.Query.Where}
            ORDER BY id DESC
            LIMIT @limit
            """,
            parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
