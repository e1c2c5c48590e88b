using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>
/// The B2B correction: a card saved at the first order is charged again later, off session, for the difference (a
/// parcel that weighed more than was paid for).
/// </summary>
public sealed class StoredCardTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACardSavedAtTheFirstOrder_IsChargedOffSessionForTheDifference()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var customer = await stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "buyer@example.com" }, cancellationToken: Cancellation);
        var order = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 5_000, Currency = "eur", Customer = customer.Id, PaymentMethod = "pm_card_fr", SetupFutureUsage = "off_session", Confirm = true,
        });
        var saved = await stripe.V1.PaymentMethods.GetAsync(order.PaymentMethodId, cancellationToken: Cancellation);

        var correction = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 700, Currency = "eur", Customer = customer.Id, PaymentMethod = saved.Id, OffSession = true, Confirm = true,
            Description = "Parcel weighed 1.2 kg more than paid for",
        });

        Assert.Equal(("succeeded", customer.Id), (order.Status, saved.CustomerId));
        Assert.Equal(("succeeded", 700L, saved.Id), (correction.Status, correction.AmountReceived, correction.PaymentMethodId));
        var charges = await stripe.V1.Charges.ListAsync(new ChargeListOptions { Customer = customer.Id }, cancellationToken: Cancellation);
        Assert.Equal([700L, 5_000L], charges.Data.Select(c => c.AmountCaptured));
        var total = await BalanceAsync(stripe, "eur");
        Assert.True(total.Pending is > 5_000 and < 5_700, $"pending {total.Pending}");
    }

    [Fact]
    public async Task AStoredCardWhoseIssuerAlwaysAsksForAuthentication_FailsOffSession_WithAuthenticationRequired()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var customer = await stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "buyer@example.com" }, cancellationToken: Cancellation);
        var card = await stripe.V1.PaymentMethods.AttachAsync("pm_card_authenticationRequired",
            new PaymentMethodAttachOptions { Customer = customer.Id }, cancellationToken: Cancellation);

        var declined = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 700, Currency = "eur", Customer = customer.Id, PaymentMethod = card.Id, OffSession = true, Confirm = true,
        }, cancellationToken: Cancellation));

        Assert.Equal(("card_error", "authentication_required"), (declined.StripeError.Type, declined.StripeError.Code));
        Assert.Equal("requires_payment_method", declined.StripeError.PaymentIntent.Status);
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "eur"));
    }
}
