using Microsoft.Playwright;
using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Onboarding;

/// <summary>An account link opened in a real browser (Debian's Chromium, driven by Playwright) through the gateway.</summary>
public sealed class HostedOnboardingBrowserTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnExpressAccountsLink_OpensInChromium_CollectsEveryStepInFrench_AndTheAccountGetsVerified()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "express", Country = "FR" }, cancellationToken: Cancellation);
        var link = await stripe.V1.AccountLinks.CreateAsync(new AccountLinkCreateOptions
        {
            Account = account.Id,
            Type = "account_onboarding",
            CollectionOptions = new AccountLinkCollectionOptionsOptions { Fields = "eventually_due" },
            RefreshUrl = $"{RunningPlatform.Gateway}alive?refresh",
            ReturnUrl = $"{RunningPlatform.Gateway}alive?return",
        }, cancellationToken: Cancellation);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });
        await page.GotoAsync(link.Url);

        var headings = new List<string> { await page.InnerTextAsync("h1") };
        await page.SelectOptionAsync("#business_type", "individual");
        await page.FillAsync("#business_profile_mcc", "5734");
        await page.FillAsync("#business_profile_url", "https://seller.example");
        await page.ClickAsync("#continue");

        headings.Add(await page.InnerTextAsync("h1"));
        await page.FillAsync("#individual_first_name", "Jenny");
        await page.FillAsync("#individual_last_name", "Rosen");
        await page.FillAsync("#individual_email", "jenny@example.com");
        await page.FillAsync("#individual_phone", "+33612345678");
        await page.FillAsync("#individual_dob_day", "1");
        await page.FillAsync("#individual_dob_month", "1");
        await page.FillAsync("#individual_dob_year", "1902");
        await page.FillAsync("#individual_address_line1", "address_full_match");
        await page.FillAsync("#individual_address_city", "Paris");
        await page.FillAsync("#individual_address_postal_code", "75001");
        await page.SetInputFilesAsync("#document", new FilePayload { Name = "passport.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47] });
        await page.ClickAsync("#continue");

        headings.Add(await page.InnerTextAsync("h1"));
        await page.FillAsync("#iban", "FR14 2004 1010 0505 0001 3M02 607");
        await page.ClickAsync("#continue");
        var ibanError = await page.InnerTextAsync("[role=alert]");
        await page.FillAsync("#iban", "FR14 2004 1010 0505 0001 3M02 606");
        await page.ClickAsync("#continue");

        headings.Add(await page.InnerTextAsync("h1"));
        await page.CheckAsync("#tos_accept");
        await page.ClickAsync("#continue");
        await page.WaitForURLAsync("**/alive?return");

        Assert.Equal(["Votre activité", "Vérifiez votre identité", "Où verser vos paiements ?", "Conditions d'utilisation"], headings);
        Assert.Contains("IBAN", ibanError, StringComparison.Ordinal);
        var verified = await stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation);
        for (var attempt = 0; attempt < 150 && !verified.ChargesEnabled; attempt++)
        {
            await Task.Delay(200, Cancellation);
            verified = await stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation);
        }

        Assert.True(verified.DetailsSubmitted);
        Assert.True(verified.ChargesEnabled, verified.RawJsonElement?.ToString());
        Assert.True(verified.PayoutsEnabled);
        Assert.Empty(verified.Requirements.EventuallyDue);
        Assert.NotNull(verified.TosAcceptance.Ip);
        Assert.NotNull(verified.TosAcceptance.Date);

        // The link was spent by the first visit: opening it again goes to refresh_url.
        var again = await browser.NewPageAsync();
        await again.GotoAsync(link.Url);
        Assert.EndsWith("/alive?refresh", again.Url, StringComparison.Ordinal);
    }
}
