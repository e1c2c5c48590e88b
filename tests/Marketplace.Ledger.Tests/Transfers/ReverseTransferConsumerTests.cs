using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.Transfers;

public sealed class ReverseTransferConsumerTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReversalForARefundSentTwice_ReversesOnceAndNamesTheRefund_AndTooMuchIsRefused()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 1_000);
        var transfer = await ledger.StripeFor(platform).V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = 600, Currency = "usd", Destination = seller }, cancellationToken: Cancellation);
        await using var reversed = new BrokerWatch<TransferReversed>(ledger.TestBroker);
        await using var refused = new BrokerWatch<TransferReversalRefused>(ledger.TestBroker);
        await reversed.StartAsync(Cancellation);
        await refused.StartAsync(Cancellation);
        var refund = PrefixedId.New("re");

        var command = new ReverseTransfer { PlatformId = platform.PlatformId, TransferId = transfer.Id, SourceRefundId = refund, Amount = 400 };
        await SendAsync(command);
        await SendAsync(command);
        var answers = await Eventually.Until(() => reversed.ReadAsync(Cancellation), s => s.Count(r => r.SourceRefundId == refund) == 2);
        // Sent only now: the Ledger consumes concurrently, so an earlier send could have been reversed first.
        await SendAsync(command with { SourceRefundId = PrefixedId.New("re"), Amount = 201 });

        var reversal = Assert.Single(answers.Where(r => r.SourceRefundId == refund).Select(r => r.ReversalId).Distinct());
        var refusal = (await Eventually.Until(() => refused.ReadAsync(Cancellation), s => s.Any(r => r.TransferId == transfer.Id))).Single(r => r.TransferId == transfer.Id);
        Assert.Equal(TransferReversalRefused.ExceedsTransfer, refusal.Reason);
        var shown = await ledger.StripeFor(platform).V1.Transfers.Reversals.GetAsync(transfer.Id, reversal, cancellationToken: Cancellation);
        Assert.Equal((400L, refund), (shown.Amount, shown.SourceRefundId));
        Assert.Equal(200, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
    }

    async Task SendAsync(ReverseTransfer command)
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(command, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }
}
