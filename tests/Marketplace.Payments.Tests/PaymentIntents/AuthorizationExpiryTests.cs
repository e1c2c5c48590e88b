using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.PaymentIntents;

/// <summary>An authorisation left uncaptured past its validity is released, and its intent canceled, as Stripe does after seven days.</summary>
public sealed class AuthorizationExpiryTests(ExpiringAuthorizationsPaymentsService service) : IClassFixture<ExpiringAuthorizationsPaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUncapturedPayment_IsCanceledAutomatically_WithChargeExpiredAndPaymentIntentCanceled()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);
        var authorized = await AuthorizeAsync(intents);

        var canceled = await Eventually.Until(() => intents.GetAsync(authorized.Id, cancellationToken: Cancellation), i => i.Status == "canceled",
            TimeSpan.FromSeconds(30));
        var capture = await Assert.ThrowsAsync<Stripe.StripeException>(() => intents.CaptureAsync(authorized.Id, cancellationToken: Cancellation));

        Assert.Equal("automatic", canceled.CancellationReason);
        Assert.Equal("payment_intent_unexpected_state", capture.StripeError.Code);
        var events = await Eventually.Until(
            () => service.Events.Where(e => e.AccountId == context.AccountId).Select(e => e.Type).ToList(),
            types => types.Contains("charge.expired") && types.Contains("payment_intent.canceled"));
        Assert.Single(events, type => type == "charge.expired");
    }

    [Fact]
    public async Task APaymentCapturedInTime_IsNotCanceledWhenTheValidityRunsOut()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);
        var authorized = await AuthorizeAsync(intents);

        var captured = await intents.CaptureAsync(authorized.Id, cancellationToken: Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(4), Cancellation);
        var later = await intents.GetAsync(authorized.Id, cancellationToken: Cancellation);

        Assert.Equal("succeeded", captured.Status);
        Assert.Equal("succeeded", later.Status);
        Assert.DoesNotContain(service.Events, e => e.AccountId == context.AccountId && e.Type == "charge.expired");
    }

    static async Task<Stripe.PaymentIntent> AuthorizeAsync(Stripe.PaymentIntentService intents)
    {
        var intent = await intents.CreateAsync(new Stripe.PaymentIntentCreateOptions
        {
            Amount = 1000, Currency = "usd", CaptureMethod = "manual", PaymentMethod = "pm_card_visa", Confirm = true,
        }, cancellationToken: Cancellation);
        Assert.Equal("requires_capture", intent.Status);
        return intent;
    }
}
