using System.Net;
using System.Net.Http.Json;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Adjustments;

public sealed class AdjustmentsApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOperatorsAdjustment_PostsOnceAndShowsAsAnAdjustmentBalanceTransaction()
    {
        var platform = TestContexts.NewPlatform();
        using var client = ledger.CreateClient();
        var adjustment = new { account = platform.PlatformId, currency = "usd", amount = -250, reason = "Duplicate top-up credited by the bank", key = Guid.NewGuid().ToString() };

        using var first = await client.PostAsJsonAsync("/internal/ledger/adjustments", adjustment, Cancellation);
        using var again = await client.PostAsJsonAsync("/internal/ledger/adjustments", adjustment, Cancellation);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancellation), await again.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(-250, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
        var view = Assert.Single((await ledger.StripeFor(platform).V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation)).Data);
        Assert.Equal((-250L, "adjustment", "other_adjustment", adjustment.reason), (view.Amount, view.Type, view.ReportingCategory, view.Description));
    }

    [Theory]
    [InlineData("usd", 0, "a reason")]
    [InlineData("xyz", 100, "a reason")]
    [InlineData("usd", 100, "")]
    public async Task AnAdjustmentMissingWhatItNeeds_IsRefusedAndPostsNothing(string currency, long amount, string reason)
    {
        var owner = Marketplace.Data.PrefixedId.New("acct");
        using var client = ledger.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/internal/ledger/adjustments", new { account = owner, currency, amount, reason, key = Guid.NewGuid().ToString() }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(owner, currency)));
    }
}
