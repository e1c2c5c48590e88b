using Marketplace.Api.Money;

namespace Marketplace.Ledger.Fx;

public static class FxRatesApi
{
    /// <summary>
    /// For operators (not routed by the gateway): <c>GET /internal/ledger/fx-rates</c> converts 1.00 USD into every
    /// currency at the rates in force; <c>POST</c> with <c>{"rates":{"eur":0.91}}</c> (units per US dollar) sets rates.
    /// </summary>
    public static IEndpointRouteBuilder MapFxRatesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/internal/ledger/fx-rates", async (RatesUpdate update, FxRates rates, CancellationToken cancellationToken) =>
        {
            if (update.Rates is not { Count: > 0 } given || given.Any(r => !Currencies.IsSupported(r.Key) || r.Value <= 0))
            {
                return Results.BadRequest(new { error = "rates: a map of supported lowercase currency codes to positive units per US dollar" });
            }

            await rates.SetAsync(given, cancellationToken);
            return Results.NoContent();
        });
        return endpoints;
    }

    sealed record RatesUpdate(Dictionary<string, decimal>? Rates);
}
