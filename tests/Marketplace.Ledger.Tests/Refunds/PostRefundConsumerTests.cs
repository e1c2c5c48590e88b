using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.Refunds;

public sealed class PostRefundConsumerTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APartialRefundReversingTheTransferAndTheFee_MovesTheProportionsAndRecordsThem()
    {
        var (platform, seller, charge) = await DestinationChargeAsync();
        await using var answers = new BrokerWatch<RefundPosted>(ledger.TestBroker);
        await answers.StartAsync(Cancellation);
        var refundId = PrefixedId.New("re");

        await SendAsync(new PostRefund { RefundId = refundId, ChargeId = charge.ChargeId, Amount = 500, ReverseTransfer = true, RefundApplicationFee = true });

        var posted = await AnswerAsync(answers, refundId);
        // Half the transfer (500) back from the seller, half the 123 fee (61.5, to the even 62) back to it.
        Assert.Equal(877 - 500 + 62, await AvailableAndPendingAsync(seller));
        var stripe = ledger.StripeFor(platform);
        var fee = await stripe.V1.ApplicationFees.GetAsync(charge.ApplicationFeeId, cancellationToken: Cancellation);
        Assert.Equal((62L, posted.FeeRefundId), (fee.AmountRefunded, Assert.Single(fee.Refunds.Data).Id));
        var refundView = await stripe.V1.BalanceTransactions.GetAsync(posted.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((-500L, "refund", refundId), (refundView.Amount, refundView.Type, refundView.SourceId));
        Assert.Equal(500, await ScalarAsync("SELECT amount_refunded FROM charges WHERE id = @id", charge.ChargeId));
        await Journals.AssertConsistentAsync(ledger.Database, platform.PlatformId, seller);
    }

    [Fact]
    public async Task TheSameRefundSentThreeTimes_IsJournaledOnceAndAnsweredAlike()
    {
        var (_, _, charge) = await DestinationChargeAsync();
        await using var answers = new BrokerWatch<RefundPosted>(ledger.TestBroker);
        await answers.StartAsync(Cancellation);
        var command = new PostRefund { RefundId = PrefixedId.New("re"), ChargeId = charge.ChargeId, Amount = 300 };

        for (var i = 0; i < 3; i++)
        {
            await SendAsync(command);
        }

        var seen = await Eventually.Until(() => answers.ReadAsync(Cancellation), s => s.Count(a => a.RefundId == command.RefundId) == 3);
        Assert.Single(seen.Where(a => a.RefundId == command.RefundId).Select(a => a.BalanceTransactionId).Distinct());
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM journal_transactions WHERE source = @id", command.RefundId));
        Assert.Equal(300, await ScalarAsync("SELECT amount_refunded FROM charges WHERE id = @id", charge.ChargeId));
    }

    [Fact]
    public async Task RefundsBeyondTheChargeOrOfAnUnknownCharge_AreRefusedAndMoveNothing()
    {
        var (_, seller, charge) = await DestinationChargeAsync();
        await using var refusals = new BrokerWatch<RefundRefused>(ledger.TestBroker);
        await refusals.StartAsync(Cancellation);
        var (tooMuch, unknown) = (PrefixedId.New("re"), PrefixedId.New("re"));

        await SendAsync(new PostRefund { RefundId = tooMuch, ChargeId = charge.ChargeId, Amount = 1_001 });
        await SendAsync(new PostRefund { RefundId = unknown, ChargeId = PrefixedId.New("ch"), Amount = 1 });

        var seen = await Eventually.Until(() => refusals.ReadAsync(Cancellation), s => s.Count(r => r.RefundId == tooMuch || r.RefundId == unknown) == 2);
        Assert.Equal(RefundRefused.ExceedsCharge, seen.Single(r => r.RefundId == tooMuch).Reason);
        Assert.Equal(RefundRefused.UnknownCharge, seen.Single(r => r.RefundId == unknown).Reason);
        Assert.Equal(877, await AvailableAndPendingAsync(seller));
    }

    [Fact]
    public async Task AFeeAlreadyRefundedThroughTheApi_IsNotGivenBackTwiceByARefund()
    {
        var (platform, seller, charge) = await DestinationChargeAsync();
        await ledger.StripeFor(platform).V1.ApplicationFees.Refunds.CreateAsync(
            charge.ApplicationFeeId, new ApplicationFeeRefundCreateOptions(), cancellationToken: Cancellation);
        await using var answers = new BrokerWatch<RefundPosted>(ledger.TestBroker);
        await answers.StartAsync(Cancellation);
        var refundId = PrefixedId.New("re");

        await SendAsync(new PostRefund { RefundId = refundId, ChargeId = charge.ChargeId, Amount = 1_000, RefundApplicationFee = true });

        Assert.Null((await AnswerAsync(answers, refundId)).FeeRefundId);
        Assert.Equal(877 + 123, await AvailableAndPendingAsync(seller));
        Assert.Equal(123, (await ledger.StripeFor(platform).V1.ApplicationFees.GetAsync(charge.ApplicationFeeId, cancellationToken: Cancellation)).AmountRefunded);
    }

    [Fact]
    public async Task AFailedRefund_ComesBackToTheBalanceOnce_AndMayBeRefundedAgain()
    {
        var (platform, seller, charge) = await DestinationChargeAsync();
        await using var posted = new BrokerWatch<RefundPosted>(ledger.TestBroker);
        await using var returned = new BrokerWatch<FailedRefundReturned>(ledger.TestBroker);
        await posted.StartAsync(Cancellation);
        await returned.StartAsync(Cancellation);
        var refundId = PrefixedId.New("re");
        await SendAsync(new PostRefund { RefundId = refundId, ChargeId = charge.ChargeId, Amount = 400 });
        await AnswerAsync(posted, refundId);
        var afterRefund = await AvailableAndPendingAsync(platform.PlatformId);

        for (var i = 0; i < 2; i++)
        {
            await SendAsync(new ReturnFailedRefund { RefundId = refundId, ChargeId = charge.ChargeId, Amount = 400 });
        }

        var answers = await Eventually.Until(() => returned.ReadAsync(Cancellation), s => s.Count(a => a.RefundId == refundId) == 2);
        var failure = Assert.Single(answers.Where(a => a.RefundId == refundId).Select(a => a.BalanceTransactionId).Distinct());
        var view = await ledger.StripeFor(platform).V1.BalanceTransactions.GetAsync(failure, cancellationToken: Cancellation);
        Assert.Equal((400L, "refund_failure", "refund_failure", refundId), (view.Amount, view.Type, view.ReportingCategory, view.SourceId));
        Assert.Equal(afterRefund + 400, await AvailableAndPendingAsync(platform.PlatformId));
        Assert.Equal(0, await ScalarAsync("SELECT amount_refunded FROM charges WHERE id = @id", charge.ChargeId));
        await Journals.AssertConsistentAsync(ledger.Database, platform.PlatformId, seller);
    }

    [Fact]
    public async Task TheReturnOfARefundNeverJournaled_MovesNothing_AndSaysSo()
    {
        var (platform, _, charge) = await DestinationChargeAsync();
        await using var returned = new BrokerWatch<FailedRefundReturned>(ledger.TestBroker);
        await returned.StartAsync(Cancellation);
        var before = await AvailableAndPendingAsync(platform.PlatformId);
        var refundId = PrefixedId.New("re");

        await SendAsync(new ReturnFailedRefund { RefundId = refundId, ChargeId = charge.ChargeId, Amount = 400 });

        var answers = await Eventually.Until(() => returned.ReadAsync(Cancellation), s => s.Any(a => a.RefundId == refundId));
        Assert.Null(answers.Single(a => a.RefundId == refundId).BalanceTransactionId);
        Assert.Equal(before, await AvailableAndPendingAsync(platform.PlatformId));
    }

    async Task<(Marketplace.Api.Context.RequestContext Platform, string Seller, ChargeCaptured Charge)> DestinationChargeAsync()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        var charge = new ChargeCaptured(PrefixedId.New("ch"), platform.PlatformId, platform.PlatformId, 1_000, "usd",
            Destination: seller, ApplicationFeeAmount: 123, ApplicationFeeId: PrefixedId.New("fee"));
        await RecordedCharges.RecordAsync(ledger, charge);
        return (platform, seller, charge);
    }

    async Task SendAsync<T>(T command)
        where T : class
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(command, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }

    static async Task<RefundPosted> AnswerAsync(BrokerWatch<RefundPosted> answers, string refundId) =>
        (await Eventually.Until(() => answers.ReadAsync(Cancellation), seen => seen.Any(a => a.RefundId == refundId))).Single(a => a.RefundId == refundId);

    /// <summary>What the account holds, pending and available together (a refund draws on available before the charge's funds are released).</summary>
    async Task<long> AvailableAndPendingAsync(string owner) =>
        await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(owner, "usd"))
        + await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(owner, "usd"));

    async Task<long> ScalarAsync(string sql, string id)
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>(sql, new { id });
    }
}
