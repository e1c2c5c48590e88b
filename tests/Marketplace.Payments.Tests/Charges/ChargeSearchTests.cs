using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Payments.Tests.Charges;

/// <summary><c>GET /v1/charges/search</c> with Stripe's search query language, through Stripe.net's <c>ChargeService.SearchAsync</c>.</summary>
public sealed class ChargeSearchTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_ByStatusAmountAndCurrency_FindsTheAccountsMatchingCharges_NewestFirst()
    {
        var context = TestContexts.NewPlatform();
        var small = await PayAsync(context, 500, "usd", "pm_card_visa");
        var large = await PayAsync(context, 5000, "usd", "pm_card_visa");
        var euros = await PayAsync(context, 5000, "eur", "pm_card_visa");
        var declined = await PayAsync(context, 700, "usd", "pm_card_chargeDeclined");
        var charges = service.ChargesFor(context);

        Assert.Equal([declined], await SearchAsync(charges, "status:'failed'"));
        Assert.Equal([euros, large], await SearchAsync(charges, "amount>1000"));
        Assert.Equal([large], await SearchAsync(charges, "amount:5000 AND currency:'usd'"));
        Assert.Equal([declined, small], await SearchAsync(charges, "currency:'usd' AND amount<1000"));
        Assert.Empty(await SearchAsync(service.ChargesFor(TestContexts.NewPlatform()), "amount>0"));
    }

    [Fact]
    public async Task Search_PagesThroughNextPage_AndAnUnknownFieldIsAClearError()
    {
        var context = TestContexts.NewPlatform();
        var first = await PayAsync(context, 1000, "usd", "pm_card_visa");
        var second = await PayAsync(context, 1000, "usd", "pm_card_visa");
        var charges = service.ChargesFor(context);

        var page = await charges.SearchAsync(new ChargeSearchOptions { Query = "amount:1000", Limit = 1 }, cancellationToken: Cancellation);
        var next = await charges.SearchAsync(new ChargeSearchOptions { Query = "amount:1000", Limit = 1, Page = page.NextPage }, cancellationToken: Cancellation);
        var unknown = await Assert.ThrowsAsync<StripeException>(() =>
            charges.SearchAsync(new ChargeSearchOptions { Query = "colour:'red'" }, cancellationToken: Cancellation));

        Assert.Equal([second], page.Data.Select(c => c.Id));
        Assert.True(page.HasMore);
        Assert.Equal([first], next.Data.Select(c => c.Id));
        Assert.False(next.HasMore);
        Assert.Equal(("invalid_request_error", "query"), (unknown.StripeError.Type, unknown.StripeError.Param));
    }

    async Task<string> PayAsync(Marketplace.Api.Context.RequestContext context, long amount, string currency, string paymentMethod)
    {
        var intents = service.PaymentIntentsFor(context);
        var intent = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = amount, Currency = currency }, cancellationToken: Cancellation);
        try
        {
            intent = await intents.ConfirmAsync(intent.Id, new PaymentIntentConfirmOptions { PaymentMethod = paymentMethod }, cancellationToken: Cancellation);
        }
        catch (StripeException declined) when (declined.StripeError.PaymentIntent is { } failed)
        {
            intent = failed;
        }

        return intent.LatestChargeId;
    }

    static async Task<List<string>> SearchAsync(ChargeService charges, string query) =>
        [.. (await charges.SearchAsync(new ChargeSearchOptions { Query = query }, cancellationToken: Cancellation)).Data.Select(c => c.Id)];
}
