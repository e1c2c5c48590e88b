using System.Net;
using Dapper;
using Marketplace.Api.Context;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Onboarding.Tests.AccountSessions;

/// <summary>
/// Account sessions through Stripe.net's AccountSessionService, and the embedded onboarding their client secret opens
/// in a frame of the platform's page — driven over HTTP as a browser would, without cookies (a frame of another site
/// gets none).
/// </summary>
public sealed class AccountSessionTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithEmbeddedOnboarding_AnswersAClientSecretThatExpires_InStripesShape()
    {
        var platform = TestContexts.NewPlatform();
        var account = await ExpressAccountAsync(platform);

        var session = await SessionAsync(platform, account, externalAccountCollection: null);

        Assert.Equal(account, session.Account);
        Assert.StartsWith("accs_secret__", session.ClientSecret, StringComparison.Ordinal);
        Assert.InRange(session.ExpiresAt - DateTime.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));
        var onboarding = session.RawJsonElement!.Value.GetProperty("components").GetProperty("account_onboarding");
        Assert.True(onboarding.GetProperty("enabled").GetBoolean());
        Assert.True(onboarding.GetProperty("features").GetProperty("external_account_collection").GetBoolean());
        Assert.Subset(StripeModelFields.Of(typeof(AccountSession)), StripeModelFields.Of(session.RawJsonElement!.Value));
        Assert.Subset(StripeModelFields.Of(typeof(AccountSessionComponentsAccountOnboardingFeatures)), StripeModelFields.Of(onboarding.GetProperty("features")));
    }

    [Fact]
    public async Task Create_IsRefusedWithoutAnEnabledComponent_ForAnUnofferedOne_OrForAnotherPlatformsAccount()
    {
        var platform = TestContexts.NewPlatform();
        var account = await ExpressAccountAsync(platform);
        using var client = service.ClientFor(platform);
        using var stranger = service.ClientFor(TestContexts.NewPlatform());

        var withoutComponents = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/account_sessions", ("account", account)), HttpStatusCode.BadRequest);
        var disabled = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/account_sessions",
            ("account", account), ("components[account_onboarding][enabled]", "false")), HttpStatusCode.BadRequest);
        var unoffered = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/account_sessions",
            ("account", account), ("components[payments][enabled]", "true")), HttpStatusCode.BadRequest);
        var theirs = await Http.ErrorAsync(await Http.PostAsync(stranger, "/v1/account_sessions",
            ("account", account), ("components[account_onboarding][enabled]", "true")), HttpStatusCode.NotFound);

        Assert.Equal(("parameter_missing", "components"), (withoutComponents.Text("code"), withoutComponents.Text("param")));
        Assert.Equal("components", disabled.Text("param"));
        Assert.Equal(("parameter_unknown", "components[payments]"), (unoffered.Text("code"), unoffered.Text("param")));
        Assert.Equal(("resource_missing", "account"), (theirs.Text("code"), theirs.Text("param")));
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account_sessions WHERE account_id = @account", new { account }));
    }

    [Fact]
    public async Task EmbeddedOnboarding_CollectsEachStepWithoutCookies_LeavesTheBankAccountToThePlatform_AndSaysWhenDone()
    {
        var platform = TestContexts.NewPlatform();
        var account = await ExpressAccountAsync(platform);
        var session = await SessionAsync(platform, account, externalAccountCollection: false);
        var path = $"/connect/onboarding/embedded/{session.ClientSecret}";
        using var frame = service.PageClient(cookies: false);

        var business = await PageAsync(frame, path);
        var afterBusiness = await SubmitAsync(frame, path, ("step", "business"), ("business_type", "individual"),
            ("business_profile[mcc]", "5734"), ("business_profile[url]", "https://seller.example"));
        await SubmitAsync(frame, path,
            ("step", "identity"), ("individual[first_name]", "Jenny"), ("individual[last_name]", "Rosen"), ("individual[email]", "jenny@example.com"),
            ("individual[phone]", "+33612345678"), ("individual[dob][day]", "1"), ("individual[dob][month]", "2"), ("individual[dob][year]", "1990"),
            ("individual[address][line1]", "address_full_match"), ("individual[address][city]", "Paris"), ("individual[address][postal_code]", "75001"));
        var terms = await PageAsync(frame, path);
        await SubmitAsync(frame, path, ("step", "terms"), ("tos_accept", "true"));
        var done = await PageAsync(frame, path);

        Assert.Contains("name=\"business_profile[mcc]\"", business, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, path), (afterBusiness.StatusCode, afterBusiness.Headers.Location!.OriginalString));
        Assert.Contains("tos_accept", terms, StringComparison.Ordinal);
        Assert.DoesNotContain("external_account", terms, StringComparison.Ordinal);
        Assert.Contains("id=\"completed\"", done, StringComparison.Ordinal);
        Assert.Contains("account_onboarding.exit", done, StringComparison.Ordinal);
        using var client = service.ClientFor(platform);
        var requirements = (await Http.OkAsync(await client.GetAsync($"/v1/accounts/{account}", Cancellation))).GetProperty("requirements");
        Assert.Equal(["external_account"], requirements.GetProperty("currently_due").Strings());
    }

    [Fact]
    public async Task AnExpiredOrUnknownClientSecret_OpensNothing()
    {
        var platform = TestContexts.NewPlatform();
        var session = await SessionAsync(platform, await ExpressAccountAsync(platform), externalAccountCollection: null);
        await using (var connection = await service.Database.OpenConnectionAsync(Cancellation))
        {
            await connection.ExecuteAsync("UPDATE account_sessions SET expires_at = now() - interval '1 second' WHERE account_id = @account", new { account = session.Account });
        }

        using var frame = service.PageClient(cookies: false);
        var expired = await frame.GetAsync($"/connect/onboarding/embedded/{session.ClientSecret}", Cancellation);
        var unknown = await frame.GetAsync("/connect/onboarding/embedded/accs_secret__guessed", Cancellation);
        var posted = await SubmitAsync(frame, $"/connect/onboarding/embedded/{session.ClientSecret}", ("step", "business"), ("business_type", "individual"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (expired.StatusCode, unknown.StatusCode, posted.StatusCode));
        using var client = service.ClientFor(platform);
        var account = await Http.OkAsync(await client.GetAsync($"/v1/accounts/{session.Account}", Cancellation));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, account.GetProperty("business_type").ValueKind);
    }

    async Task<string> ExpressAccountAsync(RequestContext platform)
    {
        using var client = service.ClientFor(platform);
        return (await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "express"), ("country", "FR")))).Id();
    }

    async Task<AccountSession> SessionAsync(RequestContext platform, string account, bool? externalAccountCollection) =>
        await new AccountSessionService(service.StripeFor(platform)).CreateAsync(new AccountSessionCreateOptions
        {
            Account = account,
            Components = new AccountSessionComponentsOptions
            {
                AccountOnboarding = new AccountSessionComponentsAccountOnboardingOptions
                {
                    Enabled = true,
                    Features = externalAccountCollection is { } collect
                        ? new AccountSessionComponentsAccountOnboardingFeaturesOptions { ExternalAccountCollection = collect }
                        : null,
                },
            },
        }, cancellationToken: Cancellation);

    static async Task<string> PageAsync(HttpClient frame, string path)
    {
        var response = await frame.GetAsync(path, Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        return html;
    }

    static async Task<HttpResponseMessage> SubmitAsync(HttpClient frame, string path, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await frame.PostAsync(path, form, Cancellation);
    }
}
