using Dapper;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Ledger.BalanceTransactions;

public static class BalanceTransactionsApi
{
    const string ListUrl = "/v1/balance_transactions";

    /// <summary><c>GET /v1/balance_transactions</c> (newest first; <c>type</c>, <c>source</c>, <c>currency</c>, <c>created</c>) and <c>/{id}</c>, for the account acted on.</summary>
    public static IEndpointRouteBuilder MapBalanceTransactionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ListUrl).WithTags("balance_transactions");
        group.MapGet("", ListAsync).WithSummary("List balance transactions, newest first (type, source, currency, payout, created)");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a balance transaction");
        return endpoints;
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BalanceTransactionRow>(new CommandDefinition(
            $"SELECT {BalanceTransactionRow.Columns} FROM balance_transactions WHERE id = @id AND owner = @owner",
            new { id, owner = context.AccountId }, cancellationToken: cancellationToken));
        return row is null
            ? StripeError.ResourceMissing("balance transaction", id).ToResult()
            : StripeJson.Result(row.ToObject(time.GetUtcNow()));
    }

    static async Task<IResult> ListAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var type = parameters.GetString("type");
        var source = parameters.GetString("source");
        var currency = parameters.GetString("currency");
        var payout = parameters.GetString("payout");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var page = query.ToSql();
        var sql = $"""
            SELECT {BalanceTransactionRow.Columns} FROM balance_transactions
            WHERE owner = @owner AND (@type::text IS NULL OR type = @type) AND (@source::text IS NULL OR source = @source)
              AND (@currency::text IS NULL OR currency = lower(@currency)) AND (@payout::text IS NULL OR payout = @payout) AND {page.Where}
            ORDER BY {page.OrderBy} LIMIT @limit
            """;
        var arguments = new DynamicParameters(page.Parameters);
        arguments.AddDynamicParams(new { owner = context.AccountId, type, source, currency, payout });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<BalanceTransactionRow>(new CommandDefinition(sql, arguments, cancellationToken: cancellationToken))).ToList();
        var now = time.GetUtcNow();
        return StripeJson.Result(query.ToPage(rows.Select(r => r.ToObject(now)).ToList(), ListUrl));
    }
}
