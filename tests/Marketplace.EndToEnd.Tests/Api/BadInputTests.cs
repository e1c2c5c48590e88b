using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Api;

/// <summary>Hostile and broken requests through the gateway: each a clear 4xx, nothing stored, everything still healthy.</summary>
public sealed class BadInputTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, bool, HttpStatusCode> Requests => new()
    {
        { "a body over 1 MiB, idempotent", "application/x-www-form-urlencoded", "name=" + new string('x', 1_100_000), true, HttpStatusCode.RequestEntityTooLarge },
        { "a body over 1 MiB", "application/x-www-form-urlencoded", "name=" + new string('x', 1_100_000), false, HttpStatusCode.RequestEntityTooLarge },
        { "a malformed form", "application/x-www-form-urlencoded", "name=%zz", true, HttpStatusCode.BadRequest },
        { "malformed JSON", "application/json", """{"name": """, true, HttpStatusCode.BadRequest },
        { "a wrong content type", "text/plain", "name=x", true, HttpStatusCode.UnsupportedMediaType },
        { "an overflowing amount", "application/x-www-form-urlencoded", "balance=99999999999999999999", true, HttpStatusCode.BadRequest },
        { "10 000 metadata keys", "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 10_000).Select(i => $"metadata[k{i}]=v")), true, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task BadInput_IsAClear4xx_StoresNothing_AndLeavesTheStackHealthy(
        string what, string contentType, string body, bool idempotent, HttpStatusCode expected)
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        using var client = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.SecretKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await client.SendAsync(request, Cancellation);

        Assert.True(expected == response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Empty((await RunningPlatform.Stripe(platform.SecretKey).V1.Customers.ListAsync(cancellationToken: Cancellation)).Data);
        using var health = await client.GetAsync("/health", Cancellation);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task InvalidUtf8_IsRefused()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        using var client = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.SecretKey);
        using var content = new ByteArrayContent([(byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'=', 0xC3, 0x28]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await client.PostAsync("/v1/customers", content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await RunningPlatform.Stripe(platform.SecretKey).V1.Customers.ListAsync(cancellationToken: Cancellation)).Data);
    }
}
