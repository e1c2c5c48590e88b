using Marketplace.Api.Context;
using Marketplace.Api.Forms;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Ledger.Balances;

public static class BalanceApi
{
    /// <summary><c>GET /v1/balance</c>: the acting account's balance — the platform's, or a connected account's through <c>Stripe-Account</c>.</summary>
    public static IEndpointRouteBuilder MapBalanceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/balance", RetrieveAsync).WithTags("balance").WithSummary("Retrieve the balance of the account acted on");
        return endpoints;
    }

    static async Task<IResult> RetrieveAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return StripeJson.Result(await BalanceReader.ReadAsync(connection, null, context.AccountId, cancellationToken));
    }
}
