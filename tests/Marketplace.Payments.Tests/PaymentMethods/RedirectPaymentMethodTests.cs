using System.Net;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary><c>ideal</c>, <c>bancontact</c> and <c>paypal</c> payment methods: Stripe's hashes for them, and nothing vaulted.</summary>
public sealed class RedirectPaymentMethodTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ing", "INGBNL2A")]
    [InlineData("rabobank", "RABONL2U")]
    [InlineData("n26", "NTSBDEB1")]
    public async Task Ideal_WithABank_ShowsTheBankAndItsBic(string bank, string bic)
    {
        var method = await service.PaymentMethodsFor(TestContexts.NewPlatform()).CreateAsync(
            new PaymentMethodCreateOptions { Type = "ideal", Ideal = new PaymentMethodIdealOptions { Bank = bank } }, cancellationToken: Cancellation);

        Assert.Equal("ideal", method.Type);
        Assert.Equal(bank, method.Ideal.Bank);
        Assert.Equal(bic, method.Ideal.Bic);
        Assert.Null(method.Card);
    }

    [Fact]
    public async Task Ideal_WithAnUnknownBank_IsAnInvalidRequestAndCreatesNothing()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);

        var error = await Http.ErrorAsync(
            await Http.PostAsync(client, "/v1/payment_methods", ("type", "ideal"), ("ideal[bank]", "bank_of_nowhere")), HttpStatusCode.BadRequest);
        var list = await Http.OkAsync(await client.GetAsync("/v1/payment_methods?type=ideal", Cancellation));

        Assert.Equal("ideal[bank]", error.Text("param"));
        Assert.Empty(list.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task EachRedirectType_HasOnlyItsOwnHash_WithTheFieldsStripeNetKnows()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var ideal = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_methods", ("type", "ideal")));
        var bancontact = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_methods", ("type", "bancontact")));
        var paypal = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_methods", ("type", "paypal")));

        Assert.Equal(
            ["allow_redisplay", "billing_details", "created", "customer", "customer_account", "id", "ideal", "livemode", "metadata", "object", "type"],
            StripeModel.Keys(ideal));
        Assert.Equal(["bank", "bic"], StripeModel.Keys(ideal.GetProperty("ideal")));
        Assert.Contains("bancontact", StripeModel.Keys(bancontact));
        Assert.Empty(StripeModel.Keys(bancontact.GetProperty("bancontact")));
        Assert.Equal(["country", "payer_email", "payer_id"], StripeModel.Keys(paypal.GetProperty("paypal")));
        Assert.Subset(StripeModel.Fields(typeof(Stripe.PaymentMethod)), StripeModel.Keys(paypal).ToHashSet());
        Assert.Subset(StripeModel.Fields(typeof(PaymentMethodIdeal)), StripeModel.Keys(ideal.GetProperty("ideal")).ToHashSet());
        Assert.Subset(StripeModel.Fields(typeof(PaymentMethodPaypal)), StripeModel.Keys(paypal.GetProperty("paypal")).ToHashSet());
    }

    [Fact]
    public async Task List_ByType_FindsOnlyThatType()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());
        var paypal = await methods.CreateAsync(new PaymentMethodCreateOptions { Type = "paypal" }, cancellationToken: Cancellation);
        await methods.CreateAsync(new PaymentMethodCreateOptions { Type = "bancontact" }, cancellationToken: Cancellation);

        var listed = await methods.ListAsync(new PaymentMethodListOptions { Type = "paypal" }, cancellationToken: Cancellation);

        Assert.Equal([paypal.Id], listed.Data.Select(m => m.Id));
    }
}
