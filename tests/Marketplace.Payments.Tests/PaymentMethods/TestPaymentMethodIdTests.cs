using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.PaymentMethods;

/// <summary>The rarer test ids resolve to the cards Stripe's testing page names for them.</summary>
public sealed class TestPaymentMethodIdTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pm_card_authenticationRequiredOnSetup", "3155")]
    [InlineData("pm_card_authenticationRequired", "3184")]
    [InlineData("pm_card_authenticationRequiredSetupForOffSession", "0446")]
    [InlineData("pm_card_threeDSecure2Required", "3220")]
    [InlineData("pm_card_threeDSecureRequiredChargeDeclined", "1629")]
    [InlineData("pm_card_amex_threeDSecureNotSupported", "0005")]
    [InlineData("pm_card_avsZipFail", "0036")]
    [InlineData("pm_card_createIssuerFraudRecord", "5423")]
    public async Task TestId_ResolvesToStripesCard(string id, string last4)
    {
        var method = await service.PaymentMethodsFor(TestContexts.NewPlatform()).GetAsync(id, cancellationToken: Cancellation);

        Assert.Equal(last4, method.Card.Last4);
    }

    [Fact]
    public async Task AlreadySetUpCard_CountsAsSetUpForOffSession_AndAnotherDoesNot()
    {
        var methods = service.PaymentMethodsFor(TestContexts.NewPlatform());

        var alreadySetUp = await methods.GetAsync("pm_card_authenticationRequiredSetupForOffSession", cancellationToken: Cancellation);
        var unlessSetUp = await methods.GetAsync("pm_card_authenticationRequiredOnSetup", cancellationToken: Cancellation);

        Assert.True(await Rows.SetUpForOffSessionAsync(service.Database, alreadySetUp.Id));
        Assert.False(await Rows.SetUpForOffSessionAsync(service.Database, unlessSetUp.Id));
    }
}
