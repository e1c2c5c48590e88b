using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>Refunds through the gateway with Stripe.net: the money comes back out of the right balances, and never more than was paid.</summary>
public sealed class RefundTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFullRefundReversingTheTransferAndTheFee_LeavesTheSellerWithNothing_AndThePlatformOutOnlyTheProcessingFee()
    {
        var (stripe, seller) = await MarketplaceAsync();
        var charge = await DestinationChargeAsync(stripe, seller);

        var refund = await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            Charge = charge.Id, ReverseTransfer = true, RefundApplicationFee = true, Reason = "requested_by_customer",
        }, cancellationToken: Cancellation);

        Assert.Equal(("succeeded", 10_000L), (refund.Status, refund.Amount));
        var processing = await ProcessingFeeAsync(stripe, charge);
        var platform = await BalanceAsync(stripe, "eur");
        var sellers = await BalanceAsync(stripe, "eur", seller.Id);
        Assert.Equal(-processing, platform.Pending + platform.Available);
        Assert.Equal(0, sellers.Pending + sellers.Available);
        var refunded = await stripe.V1.Charges.GetAsync(charge.Id, cancellationToken: Cancellation);
        Assert.Equal((true, 10_000L), (refunded.Refunded, refunded.AmountRefunded));
    }

    [Fact]
    public async Task APartialRefundReversingTheTransferAndTheFee_PullsBackTheirShareInProportion()
    {
        var (stripe, seller) = await MarketplaceAsync();
        var charge = await DestinationChargeAsync(stripe, seller);

        await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            Charge = charge.Id, Amount = 5_000, ReverseTransfer = true, RefundApplicationFee = true,
        }, cancellationToken: Cancellation);

        var processing = await ProcessingFeeAsync(stripe, charge);
        var platform = await BalanceAsync(stripe, "eur");
        var sellers = await BalanceAsync(stripe, "eur", seller.Id);
        Assert.Equal(615 - processing, platform.Pending + platform.Available);
        Assert.Equal(8_770 - 5_000 + 615, sellers.Pending + sellers.Available);
    }

    [Fact]
    public async Task ConcurrentRefunds_NeverRefundMoreThanWasPaid()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey, maxNetworkRetries: 0);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions { Amount = 1_000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            try
            {
                return (await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 300 },
                    cancellationToken: Cancellation)).Status;
            }
            catch (StripeException e)
            {
                return e.StripeError.Code;
            }
        }));

        Assert.Equal(3, outcomes.Count(o => o == "succeeded"));
        var charge = await stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal(900, charge.AmountRefunded);
        var refunds = await stripe.V1.Refunds.ListAsync(new RefundListOptions { Charge = charge.Id }, cancellationToken: Cancellation);
        Assert.Equal(900, refunds.Data.Where(r => r.Status == "succeeded").Sum(r => r.Amount));
        var processing = await ProcessingFeeAsync(stripe, charge);
        var platform = await BalanceAsync(stripe, "usd");
        Assert.Equal(1_000 - processing - 900, platform.Pending + platform.Available);
    }

    [Fact]
    public async Task RefundingMoreThanRemains_IsRefused_AndChangesNothing()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions { Amount = 1_000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true });
        await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 600 }, cancellationToken: Cancellation);

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Refunds.CreateAsync(
            new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 500 }, cancellationToken: Cancellation));

        Assert.Equal("invalid_request_error", refused.StripeError.Type);
        Assert.Equal(600, (await stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation)).AmountRefunded);
    }

    static async Task<Charge> DestinationChargeAsync(StripeClient stripe, Account seller)
    {
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 10_000, Currency = "eur", PaymentMethod = "pm_card_visa", Confirm = true, ApplicationFeeAmount = 1_230,
            TransferData = new PaymentIntentTransferDataOptions { Destination = seller.Id },
        });
        return await stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation);
    }

    static async Task<long> ProcessingFeeAsync(StripeClient stripe, Charge charge) =>
        (await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, cancellationToken: Cancellation)).Fee;
}
