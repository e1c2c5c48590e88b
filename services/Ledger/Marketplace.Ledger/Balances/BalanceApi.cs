using Dapper;
using Marketplace.Api.Context;
using Marketplace.Api.Forms;
using Marketplace.Api.Objects;
using Marketplace.Ledger.PostingRules;
using Npgsql;

namespace Marketplace.Ledger.Balances;

public static class BalanceApi
{
    /// <summary>Shown, as on Stripe, when an account has never held money: a zero balance in this currency.</summary>
    const string DefaultCurrency = "usd";

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
        var rows = (await connection.QueryAsync<(string Currency, string Bucket, long Balance)>(new CommandDefinition(
            "SELECT currency, bucket, balance FROM ledger_accounts WHERE owner = @owner ORDER BY currency COLLATE \"C\"",
            new { owner = context.AccountId }, cancellationToken: cancellationToken))).ToList();
        var currencies = rows.Select(r => r.Currency).Distinct(StringComparer.Ordinal).DefaultIfEmpty(DefaultCurrency).ToList();

        IReadOnlyList<BalanceAmount> In(string bucket) =>
        [
            .. currencies.Select(currency =>
            {
                var amount = rows.Where(r => r.Currency == currency && r.Bucket == bucket).Sum(r => r.Balance);
                return new BalanceAmount(amount, currency, new Dictionary<string, long> { ["card"] = amount });
            }),
        ];

        return StripeJson.Result(new Balance(In(LedgerAccounts.Available), In(LedgerAccounts.ConnectReserved), In(LedgerAccounts.Pending)));
    }
}
