using Microsoft.Playwright;
using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>
/// Saving a card that needs 3D Secure, as a platform does with Stripe.net and a payer does in a browser (Debian's
/// Chromium, driven by Playwright): the setup intent's redirect opens the hosted challenge through the gateway, and
/// the payer's choice comes back to the platform's return URL and to the intent.
/// </summary>
public sealed class SetupIntentBrowserTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A3DSCard_SetUpForACustomer_IsAuthenticatedInChromium_AndThenSucceeds()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var customer = await stripe.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "jenny@example.com" }, cancellationToken: Cancellation);
        var returnUrl = $"{RunningPlatform.Gateway}alive?setup-return";
        var waiting = await stripe.V1.SetupIntents.CreateAsync(new SetupIntentCreateOptions
        {
            Customer = customer.Id,
            PaymentMethod = "pm_card_authenticationRequiredOnSetup",
            Confirm = true,
            ReturnUrl = returnUrl,
        }, cancellationToken: Cancellation);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(waiting.NextAction.RedirectToUrl.Url);
        var heading = await page.InnerTextAsync("h1");
        await page.ClickAsync("#complete");
        await page.WaitForURLAsync("**/alive?setup-return*");

        Assert.Equal(("requires_action", "redirect_to_url"), (waiting.Status, waiting.NextAction.Type));
        Assert.Equal("3D Secure 2 Test Page", heading);
        Assert.Equal($"{returnUrl}&setup_intent={waiting.Id}&setup_intent_client_secret={waiting.ClientSecret}&redirect_status=succeeded", page.Url);
        var succeeded = await UntilAsync(() => stripe.V1.SetupIntents.GetAsync(waiting.Id, cancellationToken: Cancellation), i => i.Status != "requires_action");
        Assert.Equal("succeeded", succeeded.Status);
        var method = await stripe.V1.PaymentMethods.GetAsync(succeeded.PaymentMethodId, cancellationToken: Cancellation);
        Assert.Equal(customer.Id, method.CustomerId);
        var announced = await UntilAsync(
            () => stripe.V1.Events.ListAsync(new EventListOptions { Type = "setup_intent.*", Limit = 100 }, cancellationToken: Cancellation),
            events => events.Data.Count(e => ((SetupIntent)e.Data.Object).Id == waiting.Id) == 3);
        // Created and requires_action are written in one transaction, possibly in the same millisecond: compared as a set.
        Assert.Equal(
            ["setup_intent.created", "setup_intent.requires_action", "setup_intent.succeeded"],
            announced.Data.Where(e => ((SetupIntent)e.Data.Object).Id == waiting.Id).Select(e => e.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnIdealSetup_FailedOnTheBankPage_AsksForAnotherPaymentMethod()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var method = await stripe.V1.PaymentMethods.CreateAsync(
            new PaymentMethodCreateOptions { Type = "ideal", Ideal = new PaymentMethodIdealOptions { Bank = "ing" } }, cancellationToken: Cancellation);
        var waiting = await stripe.V1.SetupIntents.CreateAsync(new SetupIntentCreateOptions
        {
            PaymentMethod = method.Id,
            Confirm = true,
            ReturnUrl = $"{RunningPlatform.Gateway}alive?ideal-return",
        }, cancellationToken: Cancellation);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(waiting.NextAction.RedirectToUrl.Url);
        await page.ClickAsync("text=Fail test payment");
        await page.WaitForURLAsync("**/alive?ideal-return*");

        Assert.EndsWith("redirect_status=failed", page.Url, StringComparison.Ordinal);
        var failed = await UntilAsync(() => stripe.V1.SetupIntents.GetAsync(waiting.Id, cancellationToken: Cancellation), i => i.Status != "requires_action");
        Assert.Equal(("requires_payment_method", "setup_intent_authentication_failure"), (failed.Status, failed.LastSetupError.Code));
    }

    static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition)
    {
        var value = await probe();
        for (var attempt = 0; attempt < 150 && !condition(value); attempt++)
        {
            await Task.Delay(200, Cancellation);
            value = await probe();
        }

        return value;
    }
}
