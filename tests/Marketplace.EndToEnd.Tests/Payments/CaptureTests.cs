using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>Manual capture through the gateway: authorise now, capture all or part later, or cancel and release.</summary>
public sealed class CaptureTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAuthorisedIntent_WaitsForCapture_WithNothingInTheBalance()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);

        var intent = await Authorised(stripe, 5_000);

        Assert.Equal(("requires_capture", 5_000L, 0L), (intent.Status, intent.AmountCapturable, intent.AmountReceived));
        var charge = await stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal(("succeeded", false, true), (charge.Status, charge.Captured, charge.Paid));
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "usd"));
    }

    [Fact]
    public async Task APartialCapture_JournalsOnlyWhatWasCaptured()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await Authorised(stripe, 5_000);

        var captured = await stripe.V1.PaymentIntents.CaptureAsync(intent.Id, new PaymentIntentCaptureOptions { AmountToCapture = 3_500 },
            cancellationToken: Cancellation);

        Assert.Equal(("succeeded", 3_500L, 0L), (captured.Status, captured.AmountReceived, captured.AmountCapturable));
        var charge = await stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal((true, 3_500L), (charge.Captured, charge.AmountCaptured));
        var transaction = await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal(3_500, transaction.Amount);
        Assert.Equal((3_500 - transaction.Fee, 0L), await BalanceAsync(stripe, "usd"));
    }

    [Fact]
    public async Task CapturingMoreThanWasAuthorised_IsRefused_AndTheIntentStillWaits()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await Authorised(stripe, 5_000);

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.CaptureAsync(intent.Id,
            new PaymentIntentCaptureOptions { AmountToCapture = 5_001 }, cancellationToken: Cancellation));

        Assert.Equal(("invalid_request_error", "amount_to_capture"), (refused.StripeError.Type, refused.StripeError.Param));
        Assert.Equal("requires_capture", (await stripe.V1.PaymentIntents.GetAsync(intent.Id, cancellationToken: Cancellation)).Status);
    }

    [Fact]
    public async Task CancelingAnAuthorisedIntent_ReleasesIt_AndCaptureIsThenRefused()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await Authorised(stripe, 5_000);

        var canceled = await stripe.V1.PaymentIntents.CancelAsync(intent.Id,
            new PaymentIntentCancelOptions { CancellationReason = "requested_by_customer" }, cancellationToken: Cancellation);
        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.CaptureAsync(intent.Id, cancellationToken: Cancellation));

        Assert.Equal(("canceled", "requested_by_customer"), (canceled.Status, canceled.CancellationReason));
        Assert.NotNull(canceled.CanceledAt);
        Assert.Equal("payment_intent_unexpected_state", refused.StripeError.Code);
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "usd"));
    }

    [Fact]
    public async Task CancelingAnUnconfirmedIntent_CancelsAtOnce()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd" }, cancellationToken: Cancellation);

        var canceled = await stripe.V1.PaymentIntents.CancelAsync(intent.Id, cancellationToken: Cancellation);

        Assert.Equal("canceled", canceled.Status);
        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.ConfirmAsync(intent.Id,
            new PaymentIntentConfirmOptions { PaymentMethod = "pm_card_visa" }, cancellationToken: Cancellation));
        Assert.Equal("payment_intent_unexpected_state", refused.StripeError.Code);
    }

    static Task<PaymentIntent> Authorised(StripeClient stripe, long amount) => CreateAsync(stripe, new PaymentIntentCreateOptions
    {
        Amount = amount, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true, CaptureMethod = "manual",
    });
}
