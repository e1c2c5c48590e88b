using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.BalanceTransactions;

public sealed class BalanceTransactionsApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATopup_IsATopupBalanceTransactionWithItsAmountFeeAndNet()
    {
        var platform = TestContexts.NewPlatform();
        await ledger.Journal.PostAsync(
            MovementRules.TopupSucceeded("tu_123", platform.PlatformId, 5_000, "usd", $"topup:{platform.PlatformId}", DateTimeOffset.UtcNow), Cancellation);
        var service = ledger.StripeFor(platform).V1.BalanceTransactions;

        var listed = Assert.Single((await service.ListAsync(cancellationToken: Cancellation)).Data);
        var retrieved = await service.GetAsync(listed.Id, cancellationToken: Cancellation);

        Assert.StartsWith("txn_", retrieved.Id, StringComparison.Ordinal);
        Assert.Equal(5_000, retrieved.Amount);
        Assert.Equal(0, retrieved.Fee);
        Assert.Equal(5_000, retrieved.Net);
        Assert.Equal("topup", retrieved.Type);
        Assert.Equal("topup", retrieved.ReportingCategory);
        Assert.Equal("available", retrieved.Status);
        Assert.Equal("tu_123", retrieved.SourceId);
        Assert.Empty(retrieved.FeeDetails);
    }

    [Fact]
    public async Task AnotherAccountsBalanceTransaction_IsMissing()
    {
        var owner = TestContexts.NewPlatform();
        await ledger.Journal.PostAsync(
            MovementRules.TopupSucceeded("tu_1", owner.PlatformId, 100, "usd", $"topup:{owner.PlatformId}", DateTimeOffset.UtcNow), Cancellation);
        var id = Assert.Single((await ledger.StripeFor(owner).V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation)).Data).Id;

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            ledger.StripeFor(TestContexts.NewPlatform()).V1.BalanceTransactions.GetAsync(id, cancellationToken: Cancellation));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.HttpStatusCode);
    }

    [Fact]
    public async Task TheList_FiltersByType()
    {
        var platform = TestContexts.NewPlatform();
        await ledger.Journal.PostAsync(
            MovementRules.TopupSucceeded("tu_2", platform.PlatformId, 100, "usd", $"topup:{platform.PlatformId}", DateTimeOffset.UtcNow), Cancellation);
        var service = ledger.StripeFor(platform).V1.BalanceTransactions;

        Assert.Single((await service.ListAsync(new BalanceTransactionListOptions { Type = "topup" }, cancellationToken: Cancellation)).Data);
        Assert.Empty((await service.ListAsync(new BalanceTransactionListOptions { Type = "charge" }, cancellationToken: Cancellation)).Data);
    }
}
