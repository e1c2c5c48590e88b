using System.Net.Http.Headers;
using Stripe;
using Stripe.Radar;
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
        var list = await new ValueListService(stripe).CreateAsync(
            new ValueListCreateOptions { Alias = "eu_countries", Name = "EU member states", ItemType = "country" }, cancellationToken: Cancellation);
        foreach (var country in new[] { "AT", "BE", "DE", "ES", "FR", "IT", "NL" })
        {
            await new ValueListItemService(stripe).CreateAsync(new ValueListItemCreateOptions { ValueList = list.Id, Value = country }, cancellationToken: Cancellation);
        }

        using var http = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.SecretKey);
        using var rule = await http.PostAsync("/v1/radar/rules",
            new FormUrlEncodedContent([new("rule", "Block if :card_country: NOT IN @eu_countries")]), Cancellation);
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync(Cancellation));

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
