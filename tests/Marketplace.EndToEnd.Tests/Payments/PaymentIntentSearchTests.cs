using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary><c>GET /v1/payment_intents/search</c> through the gateway with Stripe.net, over payments the saga has finished.</summary>
public sealed class PaymentIntentSearchTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_FindsPaymentsByStatusMetadataAndAmount()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var paid = await PayAsync(stripe, 4_200, "pm_card_visa", "A-1");
        var declined = await PayAsync(stripe, 900, "pm_card_chargeDeclined", "A-2");
        var waiting = (await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 1_500, Currency = "usd", Metadata = new() { ["order"] = "A-3" },
        })).Id;

        Assert.Equal([paid], await SearchAsync(stripe, "status:'succeeded'"));
        Assert.Equal([waiting, declined], await SearchAsync(stripe, "status:'requires_payment_method'"));
        Assert.Equal([declined], await SearchAsync(stripe, "metadata['order']:'A-2'"));
        Assert.Equal([waiting, paid], await SearchAsync(stripe, "amount>1000"));
        Assert.Equal([paid], await SearchAsync(stripe, "amount>=4200 AND currency:'usd' AND -status:'canceled'"));
    }

    [Fact]
    public async Task Search_WithAMalformedQuery_IsAnInvalidRequestOnQuery()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);

        var refused = await Assert.ThrowsAsync<StripeException>(() => SearchAsync(stripe, "amount>lots"));

        Assert.Equal(("invalid_request_error", "query"), (refused.StripeError.Type, refused.StripeError.Param));
    }

    static async Task<string> PayAsync(StripeClient stripe, long amount, string paymentMethod, string order)
    {
        try
        {
            return (await CreateAsync(stripe, new PaymentIntentCreateOptions
            {
                Amount = amount, Currency = "usd", PaymentMethod = paymentMethod, Confirm = true, Metadata = new() { ["order"] = order },
            })).Id;
        }
        catch (StripeException declined) when (declined.StripeError?.PaymentIntent is { } intent)
        {
            return intent.Id;
        }
    }

    static async Task<IReadOnlyList<string>> SearchAsync(StripeClient stripe, string query) =>
        [.. (await stripe.V1.PaymentIntents.SearchAsync(new PaymentIntentSearchOptions { Query = query, Limit = 100 }, cancellationToken: Cancellation))
            .Data.Select(i => i.Id)];
}
