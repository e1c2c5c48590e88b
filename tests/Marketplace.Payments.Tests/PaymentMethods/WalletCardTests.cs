using System.Text.Json;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary>Wallet cards from our test ids (<c>pm_card_visa_applePay</c>, <c>tok_…_googlePay</c>): <c>card.wallet</c> in Stripe's shape.</summary>
public sealed class WalletCardTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplePayTestId_GivesTheCardWithAnApplePayWallet()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var method = await Http.OkAsync(await client.GetAsync("/v1/payment_methods/pm_card_visa_applePay", Cancellation));

        var card = method.GetProperty("card");
        var wallet = card.GetProperty("wallet");
        Assert.Equal("4242", card.Text("last4"));
        Assert.Equal(["apple_pay", "dynamic_last4", "type"], StripeModel.Keys(wallet));
        Assert.Equal("apple_pay", wallet.Text("type"));
        Assert.Equal(JsonValueKind.Object, wallet.GetProperty("apple_pay").ValueKind);
        Assert.Matches("^[0-9]{4}$", wallet.Text("dynamic_last4"));
        Assert.Subset(StripeModel.Fields(typeof(Stripe.PaymentMethodCardWallet)), StripeModel.Keys(wallet).ToHashSet());
    }

    [Fact]
    public async Task GooglePayToken_GivesTheCardWithAGooglePayWallet_ThroughStripeNet()
    {
        var method = await service.PaymentMethodsFor(TestContexts.NewPlatform()).CreateAsync(new Stripe.PaymentMethodCreateOptions
        {
            Type = "card",
            Card = new Stripe.PaymentMethodCardOptions { Token = "tok_mastercard_googlePay" },
        }, cancellationToken: Cancellation);

        Assert.Equal("mastercard", method.Card.Brand);
        Assert.Equal("google_pay", method.Card.Wallet.Type);
        Assert.NotNull(method.Card.Wallet.GooglePay);
        Assert.Null(method.Card.Wallet.ApplePay);
    }

    [Fact]
    public async Task SameCardTwice_ShowsTheSameDynamicLast4()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var first = await Http.OkAsync(await client.GetAsync("/v1/payment_methods/pm_card_visa_googlePay", Cancellation));
        var second = await Http.OkAsync(await client.GetAsync("/v1/payment_methods/pm_card_visa_googlePay", Cancellation));

        Assert.NotEqual(first.Id(), second.Id());
        Assert.Equal(
            first.GetProperty("card").GetProperty("wallet").Text("dynamic_last4"),
            second.GetProperty("card").GetProperty("wallet").Text("dynamic_last4"));
    }

    [Fact]
    public async Task PlainTestCard_HasNoWallet()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var method = await Http.OkAsync(await client.GetAsync("/v1/payment_methods/pm_card_visa", Cancellation));

        Assert.Equal(JsonValueKind.Null, method.GetProperty("card").GetProperty("wallet").ValueKind);
    }

    [Fact]
    public async Task UnknownCardWithAWalletSuffix_IsNotFound()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var response = await client.GetAsync("/v1/payment_methods/pm_card_nonsense_applePay", Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
