using System.Net;
using Dapper;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Onboarding.Tests.HostedOnboarding;

/// <summary>Account links and the hosted onboarding page they open, driven over HTTP as a browser would.</summary>
public sealed class HostedOnboardingTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    const string ReturnUrl = "https://platform.example/return";
    const string RefreshUrl = "https://platform.example/refresh";

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountLink_OpensOneSession_ThenSendsEveryLaterVisitToRefreshUrl()
    {
        var (_, link) = await ExpressAccountWithLinkAsync();
        using var browser = service.PageClient();
        using var otherBrowser = service.PageClient();

        var first = await browser.GetAsync(Path(link), Cancellation);
        var again = await otherBrowser.GetAsync(Path(link), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/connect/onboarding/session", first.Headers.Location!.OriginalString);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(RefreshUrl, again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ExpiredAccountLink_SendsTheBrowserToRefreshUrl()
    {
        var (_, link) = await ExpressAccountWithLinkAsync();
        await using (var connection = await service.Database.OpenConnectionAsync(Cancellation))
        {
            await connection.ExecuteAsync("UPDATE account_links SET expires_at = now() - interval '1 second'");
        }

        using var browser = service.PageClient();
        var visit = await browser.GetAsync(Path(link), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.Equal(RefreshUrl, visit.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HostedFlow_InFrench_CollectsEachStep_ValidatesAsTheApiDoes_AndReturnsToTheReturnUrl()
    {
        var (accountId, link) = await ExpressAccountWithLinkAsync();
        using var browser = service.PageClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        await browser.GetAsync(Path(link), Cancellation);

        var business = await PageAsync(browser);
        var afterBusiness = await SubmitAsync(browser, ("step", "business"), ("business_type", "individual"),
            ("business_profile[mcc]", "5734"), ("business_profile[url]", "https://seller.example"));
        var identity = await PageAsync(browser);
        var badDob = await SubmitAsync(browser, Identity("31"));
        var afterIdentity = await SubmitAsync(browser, Identity("1"));
        var bank = await PageAsync(browser);
        var badIban = await SubmitAsync(browser, ("step", "bank"), ("external_account[account_number]", "FR1420041010050500013M02607"));
        await SubmitAsync(browser, ("step", "bank"), ("external_account[account_number]", Onboard.FrenchIban));
        var terms = await PageAsync(browser);
        await SubmitAsync(browser, ("step", "terms"), ("tos_accept", "true"));
        var done = await browser.GetAsync("/connect/onboarding/session", Cancellation);

        Assert.Contains("Votre activité", business, StringComparison.Ordinal);
        Assert.Contains("name=\"business_profile[mcc]\"", business, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterBusiness.StatusCode);
        Assert.Contains("Vérifiez votre identité", identity, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badDob.StatusCode);
        Assert.Contains("role=\"alert\"", await badDob.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterIdentity.StatusCode);
        Assert.Contains("IBAN", bank, StringComparison.Ordinal);
        Assert.Contains("IBAN", await badIban.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain("FR1420041010050500013M02607", await badIban.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("tos_accept", terms, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ReturnUrl, done.Headers.Location!.OriginalString);
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        var record = await connection.ExecuteScalarAsync<string>("SELECT record::text FROM accounts WHERE id = @accountId", new { accountId });
        var verification = System.Text.Json.JsonDocument.Parse(record!).RootElement.GetProperty("verification");
        Assert.True(verification.GetProperty("details_submitted").GetBoolean());
        Assert.Equal("pending", verification.Text("status"));
        var again = await browser.GetAsync("/connect/onboarding/session", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task AccountLink_ForAnotherPlatformsAccount_IsMissing()
    {
        var (accountId, _) = await ExpressAccountWithLinkAsync();
        using var stranger = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await Http.PostAsync(stranger, "/v1/account_links",
            ("account", accountId), ("type", "account_onboarding"), ("refresh_url", RefreshUrl), ("return_url", ReturnUrl)), HttpStatusCode.NotFound);

        Assert.Equal(("resource_missing", "account"), (error.Text("code"), error.Text("param")));
    }

    static (string, string)[] Identity(string day) =>
    [
        ("step", "identity"), ("individual[first_name]", "Jenny"), ("individual[last_name]", "Rosen"), ("individual[email]", "jenny@example.com"),
        ("individual[phone]", "+33612345678"), ("individual[dob][day]", day), ("individual[dob][month]", "2"), ("individual[dob][year]", "1990"),
        ("individual[address][line1]", "address_full_match"), ("individual[address][city]", "Paris"), ("individual[address][postal_code]", "75001"),
    ];

    async Task<(string AccountId, string Url)> ExpressAccountWithLinkAsync()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "express"), ("country", "FR")));
        var link = await Http.OkAsync(await Http.PostAsync(client, "/v1/account_links",
            ("account", account.Id()), ("type", "account_onboarding"), ("refresh_url", RefreshUrl), ("return_url", ReturnUrl)));
        Assert.Equal("account_link", link.Text("object"));
        Assert.Equal(300, link.GetProperty("expires_at").GetInt64() - link.GetProperty("created").GetInt64());
        return (account.Id(), link.Text("url")!);
    }

    static string Path(string url) => new Uri(url).PathAndQuery;

    static async Task<string> PageAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/connect/onboarding/session", Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}: {html}");
        return html;
    }

    static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await browser.PostAsync("/connect/onboarding/session", form, Cancellation);
    }
}
