using Dapper;
using Marketplace.Api.Context;
using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Funds;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.Transfers;

/// <summary>
/// Transfers that name their charge (<c>source_transaction</c>): from its pending funds at once, available with the
/// charge; never for more than remains of it; serialized with each other and with the charge's release.
/// </summary>
public sealed class SourceTransactionTransferTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // 10,000 at the standard card fee (2.9 % + 30): the platform's pending share is 9,680.
    const long ChargeAmount = 10_000;
    const long PlatformShare = 9_680;

    [Fact]
    public async Task WhileTheChargeIsPending_TheTransferGoesAhead_AndItsFundsBecomeAvailableWithTheCharge()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        var charge = await ChargeAsync(platform);
        var stripe = ledger.StripeFor(platform);

        var transfer = await stripe.V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = 7_000, Currency = "usd", Destination = seller, SourceTransaction = charge, TransferGroup = "order_7",
        }, cancellationToken: Cancellation);

        Assert.Equal(charge, transfer.SourceTransactionId);
        Assert.Equal((PlatformShare - 7_000, 0L), await PendingAndAvailableAsync(platform.PlatformId));
        Assert.Equal((7_000L, 0L), await PendingAndAvailableAsync(seller));
        var chargeView = await ChargeViewAsync(stripe, charge);
        var sellerView = Assert.Single((await ledger.StripeFor(platform.OnConnectedAccount(seller)).V1.BalanceTransactions.ListAsync(cancellationToken: Cancellation)).Data);
        Assert.Equal(("pending", chargeView.AvailableOn, transfer.DestinationPaymentId), (sellerView.Status, sellerView.AvailableOn, sellerView.SourceId));
        var platformView = await stripe.V1.BalanceTransactions.GetAsync(transfer.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((-7_000L, "transfer", "pending"), (platformView.Amount, platformView.Type, platformView.Status));

        await ReleaseAsync(platform, charge);

        Assert.Equal((0L, PlatformShare - 7_000), await PendingAndAvailableAsync(platform.PlatformId));
        Assert.Equal((0L, 7_000L), await PendingAndAvailableAsync(seller));
        await Journals.AssertConsistentAsync(ledger.Database, platform.PlatformId, seller);
    }

    [Fact]
    public async Task AfterTheChargeWasReleased_TheTransferDrawsOnTheAvailableBalance()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        var charge = await ChargeAsync(platform);
        await ReleaseAsync(platform, charge);

        await ledger.StripeFor(platform).V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = 7_000, Currency = "usd", Destination = seller, SourceTransaction = charge,
        }, cancellationToken: Cancellation);

        Assert.Equal((0L, PlatformShare - 7_000), await PendingAndAvailableAsync(platform.PlatformId));
        Assert.Equal((0L, 7_000L), await PendingAndAvailableAsync(seller));
        await Journals.AssertConsistentAsync(ledger.Database, platform.PlatformId, seller);
    }

    [Fact]
    public async Task TransfersBeyondWhatRemainsOfTheCharge_AreRefused_AndMoveNothing()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 50_000);
        var charge = await ChargeAsync(platform);
        var transfers = ledger.StripeFor(platform).V1.Transfers;
        await transfers.CreateAsync(new TransferCreateOptions { Amount = 6_000, Currency = "usd", Destination = seller, SourceTransaction = charge },
            cancellationToken: Cancellation);

        var beyond = await Assert.ThrowsAsync<StripeException>(() => transfers.CreateAsync(
            new TransferCreateOptions { Amount = 4_001, Currency = "usd", Destination = seller, SourceTransaction = charge }, cancellationToken: Cancellation));
        var otherCurrency = await Assert.ThrowsAsync<StripeException>(() => transfers.CreateAsync(
            new TransferCreateOptions { Amount = 100, Currency = "eur", Destination = seller, SourceTransaction = charge }, cancellationToken: Cancellation));
        var (stranger, strangersSeller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 1_000);
        var strangers = await Assert.ThrowsAsync<StripeException>(() => ledger.StripeFor(stranger).V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = 100, Currency = "usd", Destination = strangersSeller, SourceTransaction = charge }, cancellationToken: Cancellation));

        Assert.Equal(("balance_insufficient", "amount"), (beyond.StripeError.Code, beyond.StripeError.Param));
        Assert.Contains("(4000)", beyond.Message, StringComparison.Ordinal);
        Assert.Equal(("invalid_request_error", "currency"), (otherCurrency.StripeError.Type, otherCurrency.StripeError.Param));
        Assert.Equal(("resource_missing", "source_transaction"), (strangers.StripeError.Code, strangers.StripeError.Param));
        Assert.Equal((6_000L, 0L), await PendingAndAvailableAsync(seller));
        Assert.Equal((PlatformShare - 6_000, 50_000L), await PendingAndAvailableAsync(platform.PlatformId));
    }

    [Fact]
    public async Task NoSuchCharge_IsAResourceMissingErrorOnSourceTransaction()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 1_000);

        var error = await Assert.ThrowsAsync<StripeException>(() => ledger.StripeFor(platform).V1.Transfers.CreateAsync(
            new TransferCreateOptions { Amount = 100, Currency = "usd", Destination = seller, SourceTransaction = "ch_missing" }, cancellationToken: Cancellation));

        Assert.Equal(("resource_missing", "source_transaction"), (error.StripeError.Code, error.StripeError.Param));
        Assert.Equal((0L, 1_000L), await PendingAndAvailableAsync(platform.PlatformId));
    }

    [Fact]
    public async Task TenConcurrentTransfersRacingTheRelease_TakeNoMoreThanTheCharge_AndLeaveNothingPending()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        var charge = await ChargeAsync(platform);
        var transfers = ledger.StripeFor(platform).V1.Transfers;

        var attempts = Enumerable.Range(0, 10).Select(async _ =>
        {
            try
            {
                await transfers.CreateAsync(new TransferCreateOptions { Amount = 3_000, Currency = "usd", Destination = seller, SourceTransaction = charge },
                    cancellationToken: Cancellation);
                return true;
            }
            catch (StripeException)
            {
                return false;
            }
        }).ToList();
        await ReleaseAsync(platform, charge, waitForIt: false);
        var made = (await Task.WhenAll(attempts)).Count(ok => ok);
        await Eventually.Until(() => PendingAndAvailableAsync(seller), b => b.Pending == 0);
        await Eventually.Until(() => PendingAndAvailableAsync(platform.PlatformId), b => b.Pending == 0);

        // 10,000 allows three; a transfer after the release draws on the platform's available share (9,680) instead.
        Assert.Equal(3, made);
        Assert.Equal((0L, 9_000L), await PendingAndAvailableAsync(seller));
        Assert.Equal((0L, PlatformShare - 9_000), await PendingAndAvailableAsync(platform.PlatformId));
        await Journals.AssertConsistentAsync(ledger.Database, platform.PlatformId, seller);
    }

    async Task<(long Pending, long Available)> PendingAndAvailableAsync(string owner) =>
        (await Journals.BalanceAsync(ledger.Database, LedgerAccounts.PendingOf(owner, "usd")),
            await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(owner, "usd")));

    static async Task<BalanceTransaction> ChargeViewAsync(StripeClient stripe, string charge) =>
        Assert.Single((await stripe.V1.BalanceTransactions.ListAsync(new BalanceTransactionListOptions { Source = charge }, cancellationToken: Cancellation)).Data);

    /// <summary>A platform charge journaled as Payments asks for it; its release is two days away.</summary>
    async Task<string> ChargeAsync(RequestContext platform)
    {
        var chargeId = Marketplace.Data.PrefixedId.New("ch");
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.PublishAsync(new PostCharge
            {
                ChargeId = chargeId, PlatformId = platform.PlatformId, OnAccount = platform.PlatformId, Amount = ChargeAmount, Currency = "usd",
            }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        await Eventually.Until(() => PendingAndAvailableAsync(platform.PlatformId), b => b.Pending == PlatformShare);
        return chargeId;
    }

    /// <summary>The charge's release for the platform, sent now rather than at its <c>available_on</c>.</summary>
    async Task ReleaseAsync(RequestContext platform, string charge, bool waitForIt = true)
    {
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.SendAsync(ReleasePendingFunds.Address,
                new ReleasePendingFunds { ChargeId = charge, PlatformId = platform.PlatformId, Owner = platform.PlatformId }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        if (waitForIt)
        {
            await Eventually.Until(async () =>
            {
                await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
                return await connection.ExecuteScalarAsync<bool>("SELECT released FROM charges WHERE id = @charge", new { charge });
            }, released => released);
        }
    }
}
