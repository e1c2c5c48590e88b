using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Gateway.Accounts;
using Marketplace.Gateway.ApiKeys;
using Marketplace.Gateway.RequestIds;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests.Authentication;

public sealed class ApiKeyAuthenticationTests(GatewayFixture gateway)
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoKey_Is401AndNotForwarded()
    {
        using var client = gateway.CreateClient(apiKey: null);

        using var response = await client.GetAsync("/v1/customers", Cancellation);

        var error = await ErrorOf(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("You did not provide an API key.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(gateway.Service("payments").Received(RequestIdOf(response)));
    }

    [Fact]
    public async Task HostedOnboardingPage_IsForwardedWithoutAKey_AndWithoutAContext()
    {
        using var client = gateway.CreateClient(apiKey: null);

        var token = Guid.NewGuid().ToString("N");

        using var response = await client.GetAsync($"/connect/onboarding/{token}", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(gateway.Service("onboarding").ReceivedAt($"/connect/onboarding/{token}"));
        Assert.Null(seen.Context);
    }

    [Fact]
    public async Task UnknownKey_Is401NamingTheKeyRedacted()
    {
        var unknown = ApiKeySecret.New(ApiKeyKind.Secret);
        using var client = gateway.CreateClient(unknown);

        using var response = await client.GetAsync("/v1/customers", Cancellation);

        var message = (await ErrorOf(response, HttpStatusCode.Unauthorized)).GetProperty("message").GetString()!;
        Assert.Equal($"Invalid API Key provided: {ApiKeySecret.Redact(unknown)}", message);
        Assert.DoesNotContain(unknown[8..^4], message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretKeyAsBearer_IsForwardedWithTheSignedPlatformContext()
    {
        var platform = await gateway.CreatePlatformAsync();
        using var client = gateway.CreateClient(platform.SecretKey);

        using var response = await client.GetAsync("/v1/customers", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = gateway.Service("payments").Received(RequestIdOf(response))!;
        Assert.NotNull(seen.Context);
        Assert.Equal(platform.PlatformId, seen.Context.PlatformId);
        Assert.Equal(platform.PlatformId, seen.Context.AccountId);
        Assert.Equal(ApiKeyKind.Secret, seen.Context.KeyKind);
        Assert.True(seen.Context.Permissions.AllowsEverything);
        Assert.Equal(RequestIdOf(response), seen.Context.RequestId);
    }

    [Fact]
    public async Task SecretKeyAsBasicUser_IsAccepted()
    {
        var platform = await gateway.CreatePlatformAsync();
        using var client = gateway.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(platform.SecretKey + ":")));

        using var response = await client.GetAsync("/v1/customers", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(platform.PlatformId, gateway.Service("payments").Received(RequestIdOf(response))!.Context!.PlatformId);
    }

    [Fact]
    public async Task RevokedKey_Is401ApiKeyExpired()
    {
        var platform = await gateway.CreatePlatformAsync();
        var keys = gateway.Services.GetRequiredService<ApiKeyStore>();
        var secret = ApiKeySecret.New(ApiKeyKind.Secret);
        var key = await keys.CreateAsync(platform.PlatformId, secret, KeyPermissions.All, null, Cancellation);
        using var client = gateway.CreateClient(secret);
        using (var before = await client.GetAsync("/v1/customers", Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True(await keys.RevokeAsync(key.Id, Cancellation));
        using var after = await client.GetAsync("/v1/customers", Cancellation);

        var error = await ErrorOf(after, HttpStatusCode.Unauthorized);
        Assert.Equal("api_key_expired", error.GetProperty("code").GetString());
        Assert.Contains(key.Redacted, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/v1/customers")]
    [InlineData("GET", "/v1/payment_intents/search?query=status:'succeeded'")]
    [InlineData("GET", "/v1/payment_intents/search/")]
    public async Task PublishableKey_OnASecretOnlyCall_Is401SecretKeyRequired(string method, string path)
    {
        var platform = await gateway.CreatePlatformAsync();
        using var client = gateway.CreateClient(platform.PublishableKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancellation);

        var error = await ErrorOf(response, HttpStatusCode.Unauthorized);
        Assert.Equal("secret_key_required", error.GetProperty("code").GetString());
        Assert.Null(gateway.Service("payments").Received(RequestIdOf(response)));
    }

    [Theory]
    [InlineData("POST", "/v1/payment_methods")]
    [InlineData("POST", "/v1/tokens")]
    [InlineData("GET", "/v1/payment_intents/pi_123")]
    [InlineData("POST", "/v1/payment_intents/pi_123/confirm")]
    public async Task PublishableKey_OnWhatStripeAllowsIt_IsForwardedAsPublishable(string method, string path)
    {
        var platform = await gateway.CreatePlatformAsync();
        using var client = gateway.CreateClient(platform.PublishableKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApiKeyKind.Publishable, gateway.Service("payments").Received(RequestIdOf(response))!.Context!.KeyKind);
    }

    [Fact]
    public async Task RestrictedKey_MayDoWhatItsGrantsSayAndNothingElse()
    {
        var platform = await gateway.CreatePlatformAsync();
        var secret = ApiKeySecret.New(ApiKeyKind.Restricted);
        var grants = KeyPermissions.Restricted(new Dictionary<string, ResourceAccess> { ["customers"] = ResourceAccess.Read });
        await gateway.Services.GetRequiredService<ApiKeyStore>().CreateAsync(platform.PlatformId, secret, grants, null, Cancellation);
        using var client = gateway.CreateClient(secret);

        using var read = await client.GetAsync("/v1/customers", Cancellation);
        using var write = await client.PostAsync("/v1/customers", new FormUrlEncodedContent([]), Cancellation);
        using var other = await client.GetAsync("/v1/charges", Cancellation);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("customers=read", gateway.Service("payments").Received(RequestIdOf(read))!.Context!.Permissions.ToString());
        Assert.Contains("'customers' write permission", (await ErrorOf(write, HttpStatusCode.Forbidden)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("'charges' read permission", (await ErrorOf(other, HttpStatusCode.Forbidden)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StripeAccount_OfOwnConnectedAccount_ActsAsThatAccount()
    {
        var platform = await gateway.CreatePlatformAsync();
        var connected = Marketplace.Data.PrefixedId.New("acct");
        await gateway.Services.GetRequiredService<AccountStore>().AddConnectedAccountAsync(connected, platform.PlatformId, Cancellation);
        using var client = gateway.CreateClient(platform.SecretKey);
        client.DefaultRequestHeaders.Add("Stripe-Account", connected);

        using var response = await client.GetAsync("/v1/customers", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var context = gateway.Service("payments").Received(RequestIdOf(response))!.Context!;
        Assert.Equal(platform.PlatformId, context.PlatformId);
        Assert.Equal(connected, context.AccountId);
    }

    [Fact]
    public async Task StripeAccount_OfAnotherPlatform_IsRefusedExactlyLikeAnAccountThatDoesNotExist()
    {
        var platform = await gateway.CreatePlatformAsync();
        var other = await gateway.CreatePlatformAsync();
        var othersConnected = Marketplace.Data.PrefixedId.New("acct");
        await gateway.Services.GetRequiredService<AccountStore>().AddConnectedAccountAsync(othersConnected, other.PlatformId, Cancellation);
        var missing = Marketplace.Data.PrefixedId.New("acct");

        var errors = new List<JsonElement>();
        foreach (var account in new[] { other.PlatformId, othersConnected, missing })
        {
            using var client = gateway.CreateClient(platform.SecretKey);
            client.DefaultRequestHeaders.Add("Stripe-Account", account);
            using var response = await client.GetAsync("/v1/customers", Cancellation);
            Assert.Null(gateway.Service("payments").Received(RequestIdOf(response)));
            errors.Add(await ErrorOf(response, HttpStatusCode.Forbidden));
        }

        Assert.All(errors, e => Assert.Equal("account_invalid", e.GetProperty("code").GetString()));
        var shapes = errors.Select((e, i) => e.GetProperty("message").GetString()!.Replace(new[] { other.PlatformId, othersConnected, missing }[i], "ACCOUNT", StringComparison.Ordinal));
        Assert.Single(shapes.Distinct());
    }

    [Fact]
    public async Task ContextHeadersAClientSends_AreReplacedAndTheKeyIsNotForwarded()
    {
        var platform = await gateway.CreatePlatformAsync();
        var victim = await gateway.CreatePlatformAsync();
        using var client = gateway.CreateClient(platform.SecretKey);
        client.DefaultRequestHeaders.Add(GatewayContextHeaders.Platform, victim.PlatformId);
        client.DefaultRequestHeaders.Add(GatewayContextHeaders.Account, victim.PlatformId);
        client.DefaultRequestHeaders.Add(GatewayContextHeaders.Signature, "t=1,v1=00");

        using var response = await client.GetAsync("/v1/customers", Cancellation);

        var seen = gateway.Service("payments").Received(RequestIdOf(response))!;
        Assert.Equal(platform.PlatformId, seen.Context!.AccountId);
        Assert.Equal(platform.PlatformId, seen.Headers[GatewayContextHeaders.Platform]);
        Assert.False(seen.Headers.ContainsKey("Authorization"));
    }

    static string RequestIdOf(HttpResponseMessage response) => response.Headers.GetValues(RequestId.HeaderName).Single();

    static async Task<JsonElement> ErrorOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var error = body.RootElement.GetProperty("error").Clone();
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        return error;
    }
}
