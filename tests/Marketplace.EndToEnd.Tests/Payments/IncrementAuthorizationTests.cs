using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>An incremental authorisation through the gateway: the authorised card payment grows, and its capture journals the new total.</summary>
public sealed class IncrementAuthorizationTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnIncrementedAuthorisation_CapturesAndJournalsTheNewTotal()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await AuthorisedAsync(stripe, 5_000);

        var incremented = await stripe.V1.PaymentIntents.IncrementAuthorizationAsync(intent.Id,
            new PaymentIntentIncrementAuthorizationOptions { Amount = 7_500 }, cancellationToken: Cancellation);
        var captured = await stripe.V1.PaymentIntents.CaptureAsync(intent.Id, cancellationToken: Cancellation);

        Assert.Equal((7_500L, 7_500L), (incremented.Amount, incremented.AmountCapturable));
        Assert.Equal(("succeeded", 7_500L), (captured.Status, captured.AmountReceived));
        var charge = await stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal((7_500L, 7_500L), (charge.Amount, charge.AmountCaptured));
        var transaction = await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal(7_500, transaction.Amount);
        Assert.Equal((7_500 - transaction.Fee, 0L), await BalanceAsync(stripe, "usd"));
    }

    [Fact]
    public async Task AnIncrementBelowTheCurrentAmount_IsRefused_AndTheAuthorisationIsUnchanged()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await AuthorisedAsync(stripe, 5_000);

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.IncrementAuthorizationAsync(intent.Id,
            new PaymentIntentIncrementAuthorizationOptions { Amount = 4_000 }, cancellationToken: Cancellation));

        Assert.Equal(("invalid_request_error", "amount"), (refused.StripeError.Type, refused.StripeError.Param));
        var unchanged = await stripe.V1.PaymentIntents.GetAsync(intent.Id, cancellationToken: Cancellation);
        Assert.Equal(("requires_capture", 5_000L, 5_000L), (unchanged.Status, unchanged.Amount, unchanged.AmountCapturable));
    }

    static async Task<PaymentIntent> AuthorisedAsync(StripeClient stripe, long amount)
    {
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = amount,
            Currency = "usd",
            PaymentMethod = "pm_card_visa",
            CaptureMethod = "manual",
            Confirm = true,
            PaymentMethodOptions = new PaymentIntentPaymentMethodOptionsOptions
            {
                Card = new PaymentIntentPaymentMethodOptionsCardOptions { RequestIncrementalAuthorization = "if_available" },
            },
        });
        Assert.Equal("requires_capture", intent.Status);
        return intent;
    }
}
