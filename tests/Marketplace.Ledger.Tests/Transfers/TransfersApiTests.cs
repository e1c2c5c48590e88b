using Marketplace.Api.Context;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.Transfers;

public sealed class TransfersApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATransferToAnAnnouncedConnectedAccount_MovesAvailableFundsAndShowsOnBothSides()
    {
        var (platform, seller) = await PlatformWithSellerAsync(funds: 10_000, announce: true);
        var stripe = ledger.StripeFor(platform);

        var transfer = await stripe.V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = 2_500, Currency = "usd", Destination = seller, TransferGroup = "order_1" }, cancellationToken: Cancellation);

        Assert.StartsWith("tr_", transfer.Id, StringComparison.Ordinal);
        Assert.StartsWith("py_", transfer.DestinationPaymentId, StringComparison.Ordinal);
        Assert.Equal(seller, transfer.DestinationId);
        Assert.Equal(7_500, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
        Assert.Equal(2_500, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
        var platformView = await stripe.V1.BalanceTransactions.GetAsync(transfer.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((-2_500L, "transfer"), (platformView.Amount, platformView.Type));
        var sellerView = Assert.Single((await ledger.StripeFor(platform.OnConnectedAccount(seller)).V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation)).Data);
        Assert.Equal((2_500L, "payment", transfer.DestinationPaymentId), (sellerView.Amount, sellerView.Type, sellerView.SourceId));
        Assert.Equal(transfer.Id, (await stripe.V1.Transfers.GetAsync(transfer.Id, cancellationToken: Cancellation)).Id);
    }

    [Fact]
    public async Task ATransfer_AnnouncesBothSidesBalanceTransactionsToTheOtherServices()
    {
        var (platform, seller) = await PlatformWithSellerAsync(funds: 1_000);
        await using var announced = new BrokerWatch<Marketplace.Contracts.Ledger.BalanceTransactionCreated>(ledger.TestBroker);
        await announced.StartAsync(Cancellation);

        var transfer = await ledger.StripeFor(platform).V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = 250, Currency = "usd", Destination = seller }, cancellationToken: Cancellation);

        var seen = await Eventually.Until(() => announced.ReadAsync(Cancellation), s => s.Count(b => b.Source == transfer.Id || b.Source == transfer.DestinationPaymentId) == 2);
        Assert.Equal(
            [(platform.PlatformId, -250L, "transfer", transfer.BalanceTransactionId), (seller, 250L, "payment", null)],
            seen.Where(b => b.Source == transfer.Id || b.Source == transfer.DestinationPaymentId).OrderBy(b => b.Amount)
                .Select(b => (b.AccountId, b.Net, b.Type, b.Type == "transfer" ? b.BalanceTransactionId : null)));
    }

    [Fact]
    public async Task ATransferBeyondTheAvailableBalance_IsRefusedAndMovesNothing()
    {
        var (platform, seller) = await PlatformWithSellerAsync(funds: 100);

        var error = await Assert.ThrowsAsync<StripeException>(() => ledger.StripeFor(platform).V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = 101, Currency = "usd", Destination = seller }, cancellationToken: Cancellation));

        Assert.Equal("balance_insufficient", error.StripeError.Code);
        Assert.Equal(100, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
        Assert.Empty((await ledger.StripeFor(platform).V1.Transfers.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task ATransferToAnotherPlatformsAccount_IsRefusedAsNoSuchDestination()
    {
        var (platform, _) = await PlatformWithSellerAsync(funds: 1_000);
        var (_, othersSeller) = await PlatformWithSellerAsync(funds: 0);

        var error = await Assert.ThrowsAsync<StripeException>(() => ledger.StripeFor(platform).V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = 10, Currency = "usd", Destination = othersSeller }, cancellationToken: Cancellation));

        Assert.Equal("destination", error.StripeError.Param);
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(othersSeller, "usd")));
    }

    [Fact]
    public async Task TheSameIdempotencyKey_MakesOneTransfer()
    {
        var (platform, seller) = await PlatformWithSellerAsync(funds: 1_000);
        var stripe = ledger.StripeFor(platform);
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };
        var create = new TransferCreateOptions { Amount = 300, Currency = "usd", Destination = seller };

        var first = await stripe.V1.Transfers.CreateAsync(create, options, Cancellation);
        var second = await stripe.V1.Transfers.CreateAsync(create, options, Cancellation);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(700, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
    }

    Task<(RequestContext Platform, string Seller)> PlatformWithSellerAsync(long funds, bool announce = false) =>
        Sellers.PlatformWithSellerAsync(ledger, funds, announce);
}
