using System.Net;
using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Gateway.ApiKeys;
using Marketplace.Gateway.RateLimits;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests.RateLimits;

public sealed class RateLimitMiddlewareTests(GatewayFixture gateway)
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABurstBeyondTheKeysRate_Gets429RateLimitWithShouldRetry_AndTheKeyRecovers()
    {
        var platform = await gateway.CreatePlatformAsync();
        var secret = ApiKeySecret.New(ApiKeyKind.Secret);
        await gateway.Services.GetRequiredService<ApiKeyStore>().CreateAsync(platform.PlatformId, secret, KeyPermissions.All, 5, Cancellation);
        using var client = gateway.CreateClient(secret);

        var burst = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync("/v1/customers", Cancellation)));

        // 5 per second with two seconds of burst: about ten pass at once, the rest are refused.
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(burst.Count(r => r.StatusCode == HttpStatusCode.OK), 10, 12);
        var first = refused[0];
        Assert.Equal("true", first.Headers.GetValues(RateLimitMiddleware.ShouldRetryHeader).Single());
        Assert.NotNull(first.Headers.RetryAfter);
        using (var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Cancellation)))
        {
            Assert.Equal("rate_limit", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        }

        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        using var later = await client.GetAsync("/v1/customers", Cancellation);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        foreach (var response in burst)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task OneKeysBurst_DoesNotLimitAnotherKey()
    {
        var platform = await gateway.CreatePlatformAsync();
        var keys = gateway.Services.GetRequiredService<ApiKeyStore>();
        var limited = ApiKeySecret.New(ApiKeyKind.Secret);
        await keys.CreateAsync(platform.PlatformId, limited, KeyPermissions.All, 1, Cancellation);
        using var limitedClient = gateway.CreateClient(limited);
        using var otherClient = gateway.CreateClient(platform.SecretKey);

        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => limitedClient.GetAsync("/v1/customers", Cancellation)));
        using var other = await otherClient.GetAsync("/v1/customers", Cancellation);

        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        foreach (var response in burst)
        {
            response.Dispose();
        }
    }
}
