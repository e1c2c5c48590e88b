using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.Transfers;

public sealed class TransferReversalsApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APartialThenAFullReversal_ReturnTheTransferredFundsAndShowOnBothSides()
    {
        var (platform, seller, transfer) = await TransferAsync(funds: 10_000, amount: 2_500);
        var stripe = ledger.StripeFor(platform);

        var partial = await stripe.V1.Transfers.Reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 1_000 }, cancellationToken: Cancellation);
        var rest = await stripe.V1.Transfers.Reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions(), cancellationToken: Cancellation);

        Assert.StartsWith("trr_", partial.Id, StringComparison.Ordinal);
        Assert.Equal((1_000L, 1_500L, transfer.Id), (partial.Amount, rest.Amount, partial.TransferId));
        Assert.Equal(10_000, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
        var reversed = await stripe.V1.Transfers.GetAsync(transfer.Id, cancellationToken: Cancellation);
        Assert.Equal((2_500L, true), (reversed.AmountReversed, reversed.Reversed));
        Assert.Equal([rest.Id, partial.Id], reversed.Reversals.Data.Select(r => r.Id));
        var platformView = await stripe.V1.BalanceTransactions.GetAsync(partial.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((1_000L, "transfer_refund", "transfer_reversal"), (platformView.Amount, platformView.Type, platformView.ReportingCategory));
        var sellerViews = await ledger.StripeFor(platform.OnConnectedAccount(seller)).V1.BalanceTransactions.ListAsync(
            new BalanceTransactionListOptions { Type = "payment_refund" }, cancellationToken: Cancellation);
        Assert.Equal([rest.DestinationPaymentRefundId, partial.DestinationPaymentRefundId], sellerViews.Data.Select(v => v.SourceId));
        Assert.Equal([-1_500L, -1_000L], sellerViews.Data.Select(v => v.Amount));
    }

    [Fact]
    public async Task AReversalBeyondTheRemainingAmount_IsRefusedAndMovesNothing()
    {
        var (platform, seller, transfer) = await TransferAsync(funds: 1_000, amount: 500);
        var stripe = ledger.StripeFor(platform);
        await stripe.V1.Transfers.Reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 400 }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Transfers.Reversals.CreateAsync(
            transfer.Id, new TransferReversalCreateOptions { Amount = 101 }, cancellationToken: Cancellation));

        Assert.Equal(("invalid_request_error", "amount"), (error.StripeError.Type, error.StripeError.Param));
        Assert.Equal(100, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
        Assert.Equal(400, (await stripe.V1.Transfers.GetAsync(transfer.Id, cancellationToken: Cancellation)).AmountReversed);
    }

    [Fact]
    public async Task TenConcurrentReversals_NeverReverseMoreThanWasTransferred()
    {
        var (platform, seller, transfer) = await TransferAsync(funds: 1_000, amount: 1_000);
        var stripe = ledger.StripeFor(platform);

        // Ten clients, as ten requests arriving at once would be.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var client = ledger.ClientFor(platform);
            using var response = await client.PostAsync(
                new Uri($"/v1/transfers/{transfer.Id}/reversals", UriKind.Relative), new FormUrlEncodedContent([new("amount", "300")]), Cancellation);
            return response.IsSuccessStatusCode;
        }));

        Assert.Equal(3, attempts.Count(made => made));
        Assert.Equal(900, (await stripe.V1.Transfers.GetAsync(transfer.Id, cancellationToken: Cancellation)).AmountReversed);
        Assert.Equal(100, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
        await Journals.AssertConsistentAsync(ledger.Database, platform.PlatformId, seller);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyAfterTheTransferIsFullyReversed_AnswersWithTheSameReversal()
    {
        var (platform, seller, transfer) = await TransferAsync(funds: 1_000, amount: 600);
        var stripe = ledger.StripeFor(platform);
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };

        var first = await stripe.V1.Transfers.Reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions(), options, Cancellation);
        var second = await stripe.V1.Transfers.Reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions(), options, Cancellation);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
    }

    [Fact]
    public async Task AnotherPlatformsTransfer_CannotBeReversedOrListed()
    {
        var (_, seller, transfer) = await TransferAsync(funds: 1_000, amount: 600);
        var intruder = ledger.StripeFor(TestContexts.NewPlatform());

        var reverse = await Assert.ThrowsAsync<StripeException>(() => intruder.V1.Transfers.Reversals.CreateAsync(
            transfer.Id, new TransferReversalCreateOptions(), cancellationToken: Cancellation));
        var list = await Assert.ThrowsAsync<StripeException>(() => intruder.V1.Transfers.Reversals.ListAsync(transfer.Id, cancellationToken: Cancellation));

        Assert.Equal(("resource_missing", "resource_missing"), (reverse.StripeError.Code, list.StripeError.Code));
        Assert.Equal(600, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
    }

    [Fact]
    public async Task AReversalsMetadata_CanBeUpdatedAndItIsListed()
    {
        var (platform, _, transfer) = await TransferAsync(funds: 1_000, amount: 600);
        var stripe = ledger.StripeFor(platform);
        var reversal = await stripe.V1.Transfers.Reversals.CreateAsync(
            transfer.Id, new TransferReversalCreateOptions { Amount = 100, Metadata = new() { ["order"] = "o_1" } }, cancellationToken: Cancellation);

        var updated = await stripe.V1.Transfers.Reversals.UpdateAsync(
            transfer.Id, reversal.Id, new TransferReversalUpdateOptions { Metadata = new() { ["order"] = "", ["reason"] = "returned" } }, cancellationToken: Cancellation);
        var listed = await stripe.V1.Transfers.Reversals.ListAsync(transfer.Id, cancellationToken: Cancellation);

        Assert.Equal(new Dictionary<string, string> { ["reason"] = "returned" }, updated.Metadata);
        Assert.Equal(reversal.Id, Assert.Single(listed.Data).Id);
    }

    async Task<(Marketplace.Api.Context.RequestContext Platform, string Seller, Transfer Transfer)> TransferAsync(long funds, long amount)
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds);
        var transfer = await ledger.StripeFor(platform).V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = amount, Currency = "usd", Destination = seller }, cancellationToken: Cancellation);
        return (platform, seller, transfer);
    }
}
