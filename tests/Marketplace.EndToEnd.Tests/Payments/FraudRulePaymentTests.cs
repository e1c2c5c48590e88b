using Marketplace.EndToEnd.Tests.Fraud;
using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>A platform's own Radar rule deciding real payments: the payment saga asks Fraud before the card goes to the network.</summary>
public sealed class FraudRulePaymentTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheEuRule_BlocksAUsCardPayment_AndLetsAFrenchOneThrough()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var stripe = RunningPlatform.Stripe(platform.SecretKey);
        await EuRule.InstallAsync(platform);

        var blocked = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 4_000, Currency = "eur", PaymentMethod = "pm_card_us", Confirm = true,
        }, cancellationToken: Cancellation));
        var french = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 4_000, Currency = "eur", PaymentMethod = "pm_card_fr", Confirm = true, Expand = ["latest_charge"],
        });

        Assert.Equal(("card_declined", "fraudulent"), (blocked.StripeError.Code, blocked.StripeError.DeclineCode));
        var charge = await stripe.V1.Charges.GetAsync(blocked.StripeError.Charge, cancellationToken: Cancellation);
        Assert.Equal(("blocked", "rule", "not_sent_to_network"), (charge.Outcome.Type, charge.Outcome.Reason, charge.Outcome.NetworkStatus));
        Assert.Equal("succeeded", french.Status);
        Assert.Equal(("authorized", "FR"), (french.LatestCharge.Outcome.Type, french.LatestCharge.PaymentMethodDetails.Card.Country));
        var total = await BalanceAsync(stripe, "eur");
        Assert.True(total.Pending is > 0 and < 4_000, $"pending {total.Pending}");
    }
}
