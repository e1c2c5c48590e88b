using Microsoft.Playwright;
using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Onboarding;

/// <summary>
/// Embedded onboarding in a real browser: a platform's page (another origin) frames the form an account session's
/// client secret opens, through the gateway; the seller completes it inside the frame, and the page hears the end.
/// </summary>
public sealed class EmbeddedOnboardingBrowserTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAccountSession_OpensOnboardingInAFrameOfThePlatformsPage_WhichHearsItEnd_AndTheAccountGetsVerified()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express", Country = "FR" }, cancellationToken: Cancellation);
        var session = await stripe.V1.AccountSessions.CreateAsync(new AccountSessionCreateOptions
        {
            Account = account.Id,
            Components = new AccountSessionComponentsOptions { AccountOnboarding = new AccountSessionComponentsAccountOnboardingOptions { Enabled = true } },
        }, cancellationToken: Cancellation);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-GB" });
        await page.SetContentAsync(
            "<script>window.exited = null; addEventListener('message', e => { window.exited = e.data && e.data.type; });</script>"
            + $"<iframe id=\"onboarding\" style=\"width:40rem;height:50rem\" src=\"{RunningPlatform.Gateway}connect/onboarding/embedded/{session.ClientSecret}\"></iframe>");
        var frame = page.FrameLocator("#onboarding");

        await Heading(frame, "About your business");
        await frame.Locator("#business_type").SelectOptionAsync("individual");
        await frame.Locator("#business_profile_mcc").FillAsync("5734");
        await frame.Locator("#business_profile_url").FillAsync("https://seller.example");
        await frame.Locator("#continue").ClickAsync();

        await Heading(frame, "Verify your identity");
        await frame.Locator("#individual_first_name").FillAsync("Jenny");
        await frame.Locator("#individual_last_name").FillAsync("Rosen");
        await frame.Locator("#individual_email").FillAsync("jenny@example.com");
        await frame.Locator("#individual_phone").FillAsync("+33612345678");
        await frame.Locator("#individual_dob_day").FillAsync("1");
        await frame.Locator("#individual_dob_month").FillAsync("1");
        await frame.Locator("#individual_dob_year").FillAsync("1902");
        await frame.Locator("#individual_address_line1").FillAsync("address_full_match");
        await frame.Locator("#individual_address_city").FillAsync("Paris");
        await frame.Locator("#individual_address_postal_code").FillAsync("75001");
        await frame.Locator("#continue").ClickAsync();

        await Heading(frame, "Where should we send your payouts?");
        await frame.Locator("#iban").FillAsync("FR14 2004 1010 0505 0001 3M02 606");
        await frame.Locator("#continue").ClickAsync();

        await Heading(frame, "Terms of service");
        await frame.Locator("#tos_accept").CheckAsync();
        await frame.Locator("#continue").ClickAsync();
        await page.WaitForFunctionAsync("() => window.exited === 'account_onboarding.exit'");

        Assert.Contains("complete", await frame.Locator("#completed").InnerTextAsync(), StringComparison.Ordinal);
        var verified = await stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation);
        for (var attempt = 0; attempt < 150 && !verified.ChargesEnabled; attempt++)
        {
            await Task.Delay(200, Cancellation);
            verified = await stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation);
        }

        Assert.True(verified.ChargesEnabled, verified.RawJsonElement?.ToString());
        Assert.True(verified.PayoutsEnabled);
    }

    /// <summary>Waits for the frame to show the step (a click's navigation inside a frame is not awaited by the click).</summary>
    static Task Heading(IFrameLocator frame, string text) =>
        Assertions.Expect(frame.Locator("h1")).ToHaveTextAsync(text);
}
