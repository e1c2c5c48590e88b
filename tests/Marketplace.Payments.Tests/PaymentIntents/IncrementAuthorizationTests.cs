using System.Net;
using Marketplace.Api.Context;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.PaymentIntents;

/// <summary>
/// <c>POST /v1/payment_intents/{id}/increment_authorization</c> through the real saga: a manually captured card payment
/// confirmed with <c>request_incremental_authorization=if_available</c> grows, and its capture journals the new total.
/// </summary>
public sealed class IncrementAuthorizationTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Increment_ThenCapture_GrowsIntentAndChargeAndJournalsTheNewTotal()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);
        var authorized = await AuthorizeAsync(context, incremental: "if_available");
        var charge = await service.ChargesFor(context).GetAsync(authorized.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal("available", charge.PaymentMethodDetails.Card.IncrementalAuthorization.Status);
        Assert.Equal("if_available", authorized.PaymentMethodOptions.Card.RequestIncrementalAuthorization);

        var incremented = await intents.IncrementAuthorizationAsync(authorized.Id, new Stripe.PaymentIntentIncrementAuthorizationOptions
        {
            Amount = 1500, Description = "Room and minibar", Metadata = new() { ["folio"] = "7" },
        }, cancellationToken: Cancellation);

        Assert.Equal(("requires_capture", 1500L, 1500L), (incremented.Status, incremented.Amount, incremented.AmountCapturable));
        Assert.Equal(("Room and minibar", "7"), (incremented.Description, incremented.Metadata["folio"]));
        var grown = await service.ChargesFor(context).GetAsync(charge.Id, cancellationToken: Cancellation);
        Assert.Equal((1500L, 1500L), (grown.Amount, grown.PaymentMethodDetails.Card.AmountAuthorized));
        await Eventually.Until(
            () => service.Events.Count(e => e.AccountId == context.AccountId && e.Type == "payment_intent.amount_capturable_updated"
                && e.ObjectJson.Contains("\"amount_capturable\":1500", StringComparison.Ordinal)),
            count => count == 1);

        var captured = await intents.CaptureAsync(authorized.Id, cancellationToken: Cancellation);

        Assert.Equal(("succeeded", 1500L), (captured.Status, captured.AmountReceived));
        Assert.Equal(1500, Assert.Single(service.Ledger.Charges, c => c.ChargeId == charge.Id).Amount);
    }

    [Theory]
    [InlineData(1000, "amount")]
    [InlineData(900, "amount")]
    public async Task Increment_NotAboveTheCurrentAmount_IsRefusedAndChangesNothing(long amount, string param)
    {
        var context = TestContexts.NewPlatform();
        var authorized = await AuthorizeAsync(context, incremental: "if_available");

        var error = await RefusedAsync(context, authorized.Id, amount);

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request_error", param), (error.HttpStatusCode, error.StripeError.Type, error.StripeError.Param));
        await AssertUnchangedAsync(context, authorized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("never")]
    public async Task Increment_WhenNotRequestedAtConfirm_IsRefusedAndChangesNothing(string? incremental)
    {
        var context = TestContexts.NewPlatform();
        var authorized = await AuthorizeAsync(context, incremental);
        var charge = await service.ChargesFor(context).GetAsync(authorized.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal("unavailable", charge.PaymentMethodDetails.Card.IncrementalAuthorization.Status);

        var error = await RefusedAsync(context, authorized.Id, 1500);

        Assert.Equal((HttpStatusCode.BadRequest, "payment_intent_unexpected_state"), (error.HttpStatusCode, error.StripeError.Code));
        await AssertUnchangedAsync(context, authorized);
    }

    [Fact]
    public async Task Increment_OfAnIntentNotAwaitingCapture_IsRefused()
    {
        var context = TestContexts.NewPlatform();
        var intent = await service.PaymentIntentsFor(context).CreateAsync(
            new Stripe.PaymentIntentCreateOptions { Amount = 1000, Currency = "usd", CaptureMethod = "manual" }, cancellationToken: Cancellation);

        var error = await RefusedAsync(context, intent.Id, 1500);

        Assert.Equal(("payment_intent_unexpected_state", "requires_payment_method"), (error.StripeError.Code, error.StripeError.PaymentIntent.Status));
    }

    [Fact]
    public async Task Increment_WithApplicationFeeOnAPlainCharge_IsRefusedOnTheFee()
    {
        var context = TestContexts.NewPlatform();
        var authorized = await AuthorizeAsync(context, incremental: "if_available");

        var error = await Assert.ThrowsAsync<Stripe.StripeException>(() => service.PaymentIntentsFor(context).IncrementAuthorizationAsync(authorized.Id,
            new Stripe.PaymentIntentIncrementAuthorizationOptions { Amount = 1500, ApplicationFeeAmount = 100 }, cancellationToken: Cancellation));

        Assert.Equal("application_fee_amount", error.StripeError.Param);
        await AssertUnchangedAsync(context, authorized);
    }

    async Task<Stripe.PaymentIntent> AuthorizeAsync(RequestContext context, string? incremental)
    {
        var intent = await service.PaymentIntentsFor(context).CreateAsync(new Stripe.PaymentIntentCreateOptions
        {
            Amount = 1000,
            Currency = "usd",
            CaptureMethod = "manual",
            PaymentMethod = "pm_card_visa",
            Confirm = true,
            PaymentMethodOptions = incremental is null ? null : new Stripe.PaymentIntentPaymentMethodOptionsOptions
            {
                Card = new Stripe.PaymentIntentPaymentMethodOptionsCardOptions { RequestIncrementalAuthorization = incremental },
            },
        }, cancellationToken: Cancellation);
        Assert.Equal("requires_capture", intent.Status);
        return intent;
    }

    Task<Stripe.StripeException> RefusedAsync(RequestContext context, string id, long amount) =>
        Assert.ThrowsAsync<Stripe.StripeException>(() => service.PaymentIntentsFor(context).IncrementAuthorizationAsync(
            id, new Stripe.PaymentIntentIncrementAuthorizationOptions { Amount = amount }, cancellationToken: Cancellation));

    async Task AssertUnchangedAsync(RequestContext context, Stripe.PaymentIntent before)
    {
        var after = await service.PaymentIntentsFor(context).GetAsync(before.Id, cancellationToken: Cancellation);
        Assert.Equal((before.Status, before.Amount, before.AmountCapturable), (after.Status, after.Amount, after.AmountCapturable));
        Assert.Equal(before.Amount, (await service.ChargesFor(context).GetAsync(before.LatestChargeId, cancellationToken: Cancellation)).Amount);
    }
}
