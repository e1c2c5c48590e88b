using Marketplace.Api.Context;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Ledger.Tests.ApplicationFees;

public sealed class ApplicationFeesApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADestinationChargeWithAFee_BecomesAnApplicationFeeNamedInChargePosted()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        await using var answers = new BrokerWatch<ChargePosted>(ledger.TestBroker);
        await answers.StartAsync(Cancellation);
        var chargeId = PrefixedId.New("ch");

        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.PublishAsync(new PostCharge
            {
                ChargeId = chargeId, PlatformId = platform.PlatformId, OnAccount = platform.PlatformId, Amount = 1_000, Currency = "usd",
                Destination = seller, ApplicationFeeAmount = 123,
            }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        var posted = (await Eventually.Until(() => answers.ReadAsync(Cancellation), seen => seen.Any(a => a.ChargeId == chargeId))).Single(a => a.ChargeId == chargeId);
        var stripe = ledger.StripeFor(platform);
        var fee = await stripe.V1.ApplicationFees.GetAsync(posted.ApplicationFeeId, cancellationToken: Cancellation);
        Assert.StartsWith("fee_", fee.Id, StringComparison.Ordinal);
        Assert.Equal((seller, 123L, 0L, false, chargeId, chargeId), (fee.AccountId, fee.Amount, fee.AmountRefunded, fee.Refunded, fee.ChargeId, fee.OriginatingTransactionId));
        var earned = await stripe.V1.BalanceTransactions.GetAsync(fee.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((123L, "application_fee", fee.Id), (earned.Amount, earned.Type, earned.SourceId));
        Assert.Equal(fee.Id, Assert.Single((await stripe.V1.ApplicationFees.ListAsync(new ApplicationFeeListOptions { Charge = chargeId }, cancellationToken: Cancellation)).Data).Id);
    }

    [Fact]
    public async Task APartialThenAFullRefund_GiveTheFeeBackToTheConnectedAccount()
    {
        var (platform, seller, fee) = await FeeAsync(amount: 300);
        var stripe = ledger.StripeFor(platform);

        var partial = await stripe.V1.ApplicationFees.Refunds.CreateAsync(fee, new ApplicationFeeRefundCreateOptions { Amount = 100 }, cancellationToken: Cancellation);
        var rest = await stripe.V1.ApplicationFees.Refunds.CreateAsync(fee, new ApplicationFeeRefundCreateOptions(), cancellationToken: Cancellation);

        Assert.StartsWith("fr_", partial.Id, StringComparison.Ordinal);
        Assert.Equal((100L, 200L, fee), (partial.Amount, rest.Amount, partial.FeeId));
        var refunded = await stripe.V1.ApplicationFees.GetAsync(fee, cancellationToken: Cancellation);
        Assert.Equal((300L, true), (refunded.AmountRefunded, refunded.Refunded));
        Assert.Equal([rest.Id, partial.Id], refunded.Refunds.Data.Select(r => r.Id));
        Assert.Equal(-300, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
        Assert.Equal(300, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
        var platformView = await stripe.V1.BalanceTransactions.GetAsync(partial.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal((-100L, "application_fee_refund", "platform_earning_refund"), (platformView.Amount, platformView.Type, platformView.ReportingCategory));
        await Journals.AssertConsistentAsync(ledger.Database, platform.PlatformId, seller);
    }

    [Fact]
    public async Task TenConcurrentRefunds_NeverGiveBackMoreThanTheFee()
    {
        var (platform, seller, fee) = await FeeAsync(amount: 1_000);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var client = ledger.ClientFor(platform);
            using var response = await client.PostAsync(
                new Uri($"/v1/application_fees/{fee}/refunds", UriKind.Relative), new FormUrlEncodedContent([new("amount", "300")]), Cancellation);
            return response.IsSuccessStatusCode;
        }));

        Assert.Equal(3, attempts.Count(made => made));
        Assert.Equal(900, (await ledger.StripeFor(platform).V1.ApplicationFees.GetAsync(fee, cancellationToken: Cancellation)).AmountRefunded);
        Assert.Equal(900, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
    }

    [Fact]
    public async Task ARefundBeyondTheFee_IsRefusedAndMovesNothing()
    {
        var (platform, seller, fee) = await FeeAsync(amount: 100);

        var error = await Assert.ThrowsAsync<StripeException>(() => ledger.StripeFor(platform).V1.ApplicationFees.Refunds.CreateAsync(
            fee, new ApplicationFeeRefundCreateOptions { Amount = 101 }, cancellationToken: Cancellation));

        Assert.Equal(("invalid_request_error", "amount"), (error.StripeError.Type, error.StripeError.Param));
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
    }

    [Fact]
    public async Task AnotherPlatformsFee_CannotBeSeenOrRefunded()
    {
        var (_, seller, fee) = await FeeAsync(amount: 100);
        var intruder = ledger.StripeFor(TestContexts.NewPlatform());

        var read = await Assert.ThrowsAsync<StripeException>(() => intruder.V1.ApplicationFees.GetAsync(fee, cancellationToken: Cancellation));
        var refund = await Assert.ThrowsAsync<StripeException>(() => intruder.V1.ApplicationFees.Refunds.CreateAsync(
            fee, new ApplicationFeeRefundCreateOptions(), cancellationToken: Cancellation));

        Assert.Equal(("resource_missing", "resource_missing"), (read.StripeError.Code, refund.StripeError.Code));
        Assert.Empty((await intruder.V1.ApplicationFees.ListAsync(cancellationToken: Cancellation)).Data);
        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")));
    }

    [Fact]
    public async Task ADirectChargesFee_IsCollectedFromTheAccountTheChargeIsOn()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        var charge = new ChargeCaptured(PrefixedId.New("ch"), platform.PlatformId, seller, 1_000, "usd", ApplicationFeeAmount: 50, ApplicationFeeId: PrefixedId.New("fee"));
        await PostAsync(charge);

        var fee = await ledger.StripeFor(platform).V1.ApplicationFees.GetAsync(charge.ApplicationFeeId, cancellationToken: Cancellation);

        Assert.Equal((seller, 50L, (string?)null), (fee.AccountId, fee.Amount, fee.OriginatingTransactionId));
    }

    async Task<(RequestContext Platform, string Seller, string Fee)> FeeAsync(long amount)
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 0);
        var charge = new ChargeCaptured(PrefixedId.New("ch"), platform.PlatformId, platform.PlatformId, amount * 2, "usd",
            Destination: seller, ApplicationFeeAmount: amount, ApplicationFeeId: PrefixedId.New("fee"));
        await PostAsync(charge);
        return (platform, seller, charge.ApplicationFeeId!);
    }

    Task PostAsync(ChargeCaptured charge) => RecordedCharges.RecordAsync(ledger, charge);
}
