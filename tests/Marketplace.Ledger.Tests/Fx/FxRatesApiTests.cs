using System.Net;
using System.Net.Http.Json;
using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Ledger.Tests.Fx;

public sealed class FxRatesApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheShippedRates_AreInForceAtStart_AndAnOperatorsUpdateAppliesAtOnce()
    {
        var rates = ledger.Services.GetRequiredService<FxRates>();
        var shipped = await rates.ConverterAsync(Cancellation);
        using var client = ledger.CreateClient();

        using var updated = await client.PostAsJsonAsync("/internal/ledger/fx-rates", new { rates = new Dictionary<string, decimal> { ["gbp"] = 0.5m } }, Cancellation);
        using var refused = await client.PostAsJsonAsync("/internal/ledger/fx-rates", new { rates = new Dictionary<string, decimal> { ["gbp"] = -1m } }, Cancellation);
        var after = await rates.ConverterAsync(Cancellation);

        Assert.Equal(14_969, shipped.Convert(10_000, "usd", "jpy").Amount); // ¥15,120 at the shipped rate, less the default 1 % markup
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(4_950, after.Convert(10_000, "usd", "gbp").Amount);
    }
}
