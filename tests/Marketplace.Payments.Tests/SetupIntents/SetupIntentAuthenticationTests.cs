using System.Net;
using Marketplace.Payments.Tests.Support;
using Stripe;

namespace Marketplace.Payments.Tests.SetupIntents;

/// <summary>
/// Setups that wait for the payer: 3D Secure cards and the bank pages of iDEAL, Bancontact and PayPal. The payer's
/// choice on the hosted page travels as ChallengeCompleted through the outbox, RabbitMQ and the inbox, as in production.
/// The relay sends the events on too, so they are checked where it is paused (SetupIntentEventTests) and end to end.
/// </summary>
public sealed class SetupIntentAuthenticationTests(RelayingPaymentsService service) : IClassFixture<RelayingPaymentsService>
{
    const string ReturnUrl = "https://shop.example/setup-done";

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pm_card_authenticationRequiredOnSetup")]
    [InlineData("pm_card_authenticationRequired")]
    [InlineData("pm_card_threeDSecure2Required")]
    public async Task A3DSCard_RequiresAction_ThenSucceedsWhenThePayerCompletesTheChallenge(string card)
    {
        var context = TestContexts.NewPlatform();
        var intents = service.SetupIntentsFor(context);
        var customer = await CustomerAsync(context);

        var waiting = await intents.CreateAsync(
            new SetupIntentCreateOptions { Customer = customer, PaymentMethod = card, Confirm = true, ReturnUrl = ReturnUrl }, cancellationToken: Cancellation);
        var redirect = await SubmitAsync(waiting, "succeeded");
        var done = await Eventually.Until(() => intents.GetAsync(waiting.Id, cancellationToken: Cancellation), i => i.Status != "requires_action");

        Assert.Equal(("requires_action", "redirect_to_url", ReturnUrl), (waiting.Status, waiting.NextAction.Type, waiting.NextAction.RedirectToUrl.ReturnUrl));
        Assert.StartsWith("http://127.0.0.1:8080/payments/authenticate/authc_", waiting.NextAction.RedirectToUrl.Url, StringComparison.Ordinal);
        Assert.Equal($"{ReturnUrl}?setup_intent={waiting.Id}&setup_intent_client_secret={waiting.ClientSecret}&redirect_status=succeeded", redirect);
        Assert.Equal("succeeded", done.Status);
        Assert.Null(done.NextAction);
        Assert.True(await Rows.SetUpForOffSessionAsync(service.Database, waiting.PaymentMethodId));
        Assert.Equal(customer, (await service.PaymentMethodsFor(context).GetAsync(waiting.PaymentMethodId, cancellationToken: Cancellation)).CustomerId);
    }

    [Fact]
    public async Task FailingTheChallenge_LeavesTheIntentRequiringAPaymentMethod_WithStripesAuthenticationFailure()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.SetupIntentsFor(context);
        var waiting = await intents.CreateAsync(
            new SetupIntentCreateOptions { Customer = await CustomerAsync(context), PaymentMethod = "pm_card_authenticationRequiredOnSetup", Confirm = true, ReturnUrl = ReturnUrl },
            cancellationToken: Cancellation);

        var redirect = await SubmitAsync(waiting, "failed");
        var failed = await Eventually.Until(() => intents.GetAsync(waiting.Id, cancellationToken: Cancellation), i => i.Status != "requires_action");

        Assert.EndsWith("redirect_status=failed", redirect, StringComparison.Ordinal);
        Assert.Equal("requires_payment_method", failed.Status);
        Assert.Null(failed.PaymentMethodId);
        Assert.Equal(("setup_intent_authentication_failure", "invalid_request_error"), (failed.LastSetupError.Code, failed.LastSetupError.Type));
        Assert.Equal(waiting.PaymentMethodId, failed.LastSetupError.PaymentMethod.Id);
        Assert.False(await Rows.SetUpForOffSessionAsync(service.Database, waiting.PaymentMethodId));
    }

    [Fact]
    public async Task ACardDeclinedAfterAuthentication_FailsWithTheDecline()
    {
        var intents = service.SetupIntentsFor(TestContexts.NewPlatform());
        var waiting = await intents.CreateAsync(
            new SetupIntentCreateOptions { PaymentMethod = "pm_card_threeDSecureRequiredChargeDeclined", Confirm = true, ReturnUrl = ReturnUrl },
            cancellationToken: Cancellation);

        await SubmitAsync(waiting, "succeeded");
        var failed = await Eventually.Until(() => intents.GetAsync(waiting.Id, cancellationToken: Cancellation), i => i.Status != "requires_action");

        Assert.Equal(("requires_payment_method", "card_declined"), (failed.Status, failed.LastSetupError.Code));
    }

    [Theory]
    [InlineData("ideal")]
    [InlineData("bancontact")]
    [InlineData("paypal")]
    public async Task ARedirectMethod_SendsThePayerToItsPage_AndSucceedsWhenAuthorized(string type)
    {
        var context = TestContexts.NewPlatform();
        var intents = service.SetupIntentsFor(context);
        var method = await service.PaymentMethodsFor(context).CreateAsync(new PaymentMethodCreateOptions { Type = type }, cancellationToken: Cancellation);
        var waiting = await intents.CreateAsync(
            new SetupIntentCreateOptions { PaymentMethod = method.Id, Confirm = true, ReturnUrl = ReturnUrl }, cancellationToken: Cancellation);

        using var page = service.PageClient();
        var html = await page.GetStringAsync(new Uri(waiting.NextAction.RedirectToUrl.Url).AbsolutePath, Cancellation);
        await SubmitAsync(waiting, "succeeded");
        var done = await Eventually.Until(() => intents.GetAsync(waiting.Id, cancellationToken: Cancellation), i => i.Status != "requires_action");

        Assert.Contains("Authorize test payment", html, StringComparison.Ordinal);
        Assert.Equal("succeeded", done.Status);
    }

    [Fact]
    public async Task AStaleChallenge_IsIgnored_AfterACancelOrANewConfirm()
    {
        var intents = service.SetupIntentsFor(TestContexts.NewPlatform());
        var options = new SetupIntentCreateOptions { PaymentMethod = "pm_card_authenticationRequired", Confirm = true, ReturnUrl = ReturnUrl };
        var reconfirmed = await intents.CreateAsync(options, cancellationToken: Cancellation);
        var canceled = await intents.CreateAsync(options, cancellationToken: Cancellation);

        var newer = await intents.ConfirmAsync(reconfirmed.Id, new SetupIntentConfirmOptions { ReturnUrl = ReturnUrl }, cancellationToken: Cancellation);
        await intents.CancelAsync(canceled.Id, cancellationToken: Cancellation);
        await SubmitAsync(reconfirmed, "succeeded");
        await SubmitAsync(canceled, "succeeded");
        await SubmitAsync(newer, "failed");
        var afterNewer = await Eventually.Until(() => intents.GetAsync(reconfirmed.Id, cancellationToken: Cancellation), i => i.Status != "requires_action");

        Assert.NotEqual(reconfirmed.NextAction.RedirectToUrl.Url, newer.NextAction.RedirectToUrl.Url);
        Assert.Equal("requires_payment_method", afterNewer.Status);
        Assert.Equal("canceled", (await intents.GetAsync(canceled.Id, cancellationToken: Cancellation)).Status);
    }

    /// <summary>Submits the payer's choice on the intent's challenge page; the URL the browser is sent to.</summary>
    async Task<string> SubmitAsync(SetupIntent intent, string outcome)
    {
        using var page = service.PageClient();
        var response = await Http.PostAsync(page, new Uri(intent.NextAction.RedirectToUrl.Url).AbsolutePath, ("outcome", outcome));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    async Task<string> CustomerAsync(Marketplace.Api.Context.RequestContext context) =>
        (await new CustomerService(service.StripeFor(context)).CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation)).Id;
}
