using System.Net;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>A card the issuer declines: the request answers with Stripe's card error, and the intent asks for another method.</summary>
public sealed class SetupIntentDeclineTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pm_card_chargeDeclined", "card_declined", "generic_decline", "Your card was declined.")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds", "Your card has insufficient funds.")]
    [InlineData("pm_card_chargeDeclinedExpiredCard", "expired_card", null, "Your card has expired.")]
    public async Task Confirm_WithADecliningCard_IsACardError_AndTheIntentRequiresAPaymentMethod(string card, string code, string? declineCode, string message)
    {
        var context = TestContexts.NewPlatform();
        var customer = await service.CustomersFor(context).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var intents = service.SetupIntentsFor(context);
        var created = await intents.CreateAsync(new SetupIntentCreateOptions { Customer = customer.Id, PaymentMethod = card }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() => intents.ConfirmAsync(created.Id, cancellationToken: Cancellation));
        var after = await intents.GetAsync(created.Id, cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.PaymentRequired, error.HttpStatusCode);
        Assert.Equal(("card_error", code, declineCode, message), (error.StripeError.Type, error.StripeError.Code, error.StripeError.DeclineCode, error.StripeError.Message));
        Assert.Equal(created.Id, error.StripeError.SetupIntent.Id);
        Assert.Equal("requires_payment_method", after.Status);
        Assert.Null(after.PaymentMethodId);
        Assert.Equal((code, declineCode, message, "card_error"),
            (after.LastSetupError.Code, after.LastSetupError.DeclineCode, after.LastSetupError.Message, after.LastSetupError.Type));
        Assert.Equal(created.PaymentMethodId, after.LastSetupError.PaymentMethod.Id);
        Assert.Null((await service.PaymentMethodsFor(context).GetAsync(created.PaymentMethodId, cancellationToken: Cancellation)).CustomerId);
        Assert.False(await Rows.SetUpForOffSessionAsync(service.Database, created.PaymentMethodId));
        Assert.Equal(["setup_intent.created", "setup_intent.setup_failed"], (await Rows.EventsAsync(service.Database, context.AccountId, created.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task AfterADecline_ConfirmingWithAGoodCard_Succeeds_AndClearsTheError()
    {
        var intents = service.SetupIntentsFor(TestContexts.NewPlatform());
        var created = await intents.CreateAsync(new SetupIntentCreateOptions { PaymentMethod = "pm_card_chargeDeclinedLostCard" }, cancellationToken: Cancellation);
        await Assert.ThrowsAsync<StripeException>(() => intents.ConfirmAsync(created.Id, cancellationToken: Cancellation));

        var retried = await intents.ConfirmAsync(created.Id, new SetupIntentConfirmOptions { PaymentMethod = "pm_card_visa" }, cancellationToken: Cancellation);

        Assert.Equal("succeeded", retried.Status);
        Assert.Null(retried.LastSetupError);
    }

    [Fact]
    public async Task ACardThatAttachesButFailsCharges_CanBeSetUp()
    {
        var intent = await service.SetupIntentsFor(TestContexts.NewPlatform()).CreateAsync(
            new SetupIntentCreateOptions { PaymentMethod = "pm_card_chargeCustomerFail", Confirm = true }, cancellationToken: Cancellation);

        Assert.Equal("succeeded", intent.Status);
    }
}
