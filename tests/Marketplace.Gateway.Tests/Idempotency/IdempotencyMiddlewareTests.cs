using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Marketplace.Api.Context;
using Marketplace.Gateway.Idempotency;
using Marketplace.Gateway.Platforms;
using Marketplace.Gateway.RequestIds;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Gateway.Tests.Idempotency;

public sealed class IdempotencyMiddlewareTests(GatewayFixture gateway)
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameKeyAndParameters_ReplaysTheFirstResponseWithoutReachingTheServiceAgain()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();

        using var first = await PostAsync(client, path, key, "email=a%40example.com");
        using var second = await PostAsync(client, path, key, "email=a%40example.com");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancellation), await second.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("true", second.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Equal(RequestIdOf(first), second.Headers.GetValues(IdempotencyMiddleware.OriginalRequestHeader).Single());
        Assert.NotEqual(RequestIdOf(first), RequestIdOf(second));
        Assert.False(first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Single(gateway.Service("payments").ReceivedAt(path));
    }

    [Fact]
    public async Task TheKey_IsPassedToTheServiceInTheSignedContext()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();

        using var response = await PostAsync(client, path, key, "name=x");

        Assert.Equal(key, gateway.Service("payments").Received(RequestIdOf(response))!.Context!.IdempotencyKey);
    }

    [Fact]
    public async Task SameKeyWithOtherParameters_IsAnIdempotencyErrorAndNotForwarded()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();
        using var first = await PostAsync(client, path, key, "email=a%40example.com");

        using var second = await PostAsync(client, path, key, "email=b%40example.com");

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var error = await ErrorOf(second);
        Assert.Equal("idempotency_error", error.GetProperty("type").GetString());
        Assert.Contains(key, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(gateway.Service("payments").ReceivedAt(path));
    }

    [Fact]
    public async Task SameKeyOnAnotherAccount_IsAnIdempotencyError()
    {
        var platform = await gateway.CreatePlatformAsync();
        var connected = Marketplace.Data.PrefixedId.New("acct");
        await gateway.Services.GetRequiredService<Accounts.AccountStore>().AddConnectedAccountAsync(connected, platform.PlatformId, Cancellation);
        using var client = gateway.CreateClient(platform.SecretKey);
        var path = $"/v1/customers/{Marketplace.Data.PrefixedId.New("cus")}";
        var key = NewKey();
        using var first = await PostAsync(client, path, key, "name=x");

        using var onConnected = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form("name=x") };
        onConnected.Headers.Add("Idempotency-Key", key);
        onConnected.Headers.Add("Stripe-Account", connected);
        using var second = await client.SendAsync(onConnected, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("idempotency_error", (await ErrorOf(second)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task SameKeyWhileTheFirstIsRunning_Is409AndTheFirstIsReplayedAfterwards()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();

        var slow = PostAsync(client, path, key, "name=x", delayMs: 1500);
        await Eventually(() => gateway.Service("payments").ReceivedAt(path).Count == 1);
        using var concurrent = await PostAsync(client, path, key, "name=x");
        using var first = await slow;
        using var afterwards = await PostAsync(client, path, key, "name=x");

        Assert.Equal(HttpStatusCode.Conflict, concurrent.StatusCode);
        var error = await ErrorOf(concurrent);
        Assert.Equal("idempotency_error", error.GetProperty("type").GetString());
        Assert.Equal("idempotency_key_in_use", error.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("true", afterwards.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Single(gateway.Service("payments").ReceivedAt(path));
    }

    [Fact]
    public async Task ManyConcurrentRequestsWithOneKey_ReachTheServiceOnce()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(client, path, key, "name=x", delayMs: 300)));

        Assert.Single(gateway.Service("payments").ReceivedAt(path));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK && !r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AServerError_IsNotRecordedSoTheRetryRunsAgain()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();

        using var failed = await PostAsync(client, path, key, "name=x", status: 500);
        using var retried = await PostAsync(client, path, key, "name=x");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(2, gateway.Service("payments").ReceivedAt(path).Count);
    }

    [Fact]
    public async Task AClientError_IsRecordedAndReplayed()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();

        using var declined = await PostAsync(client, path, key, "name=x", status: 402);
        using var retried = await PostAsync(client, path, key, "name=x");

        Assert.Equal(HttpStatusCode.PaymentRequired, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Single(gateway.Service("payments").ReceivedAt(path));
    }

    [Fact]
    public async Task ARequestWhoseGatewayDiedMidFlight_IsRunByTheRetryOnceItsLeaseExpires()
    {
        var platform = await gateway.CreatePlatformAsync();
        using var client = gateway.CreateClient(platform.SecretKey);
        var path = $"/v1/customers/{Marketplace.Data.PrefixedId.New("cus")}";
        var key = NewKey();
        var body = "name=x";
        // What a gateway leaves behind when it dies after claiming the key: an in-flight record, never completed.
        await using (var connection = await gateway.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(Cancellation))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO idempotency_records (platform_id, key, fingerprint, status, lease_expires, request_id)
                VALUES (@platformId, @key, @fingerprint, 'in_flight', @leaseExpires, 'req_dead')
                """,
                new
                {
                    platformId = platform.PlatformId,
                    key,
                    fingerprint = RequestFingerprint.FromSigningKey(Marketplace.Testing.TestSigningKey.Value).Of("POST", path, platform.PlatformId, Encoding.UTF8.GetBytes(body)),
                    leaseExpires = DateTime.UtcNow.AddSeconds(2),
                });
        }

        using var whileLeased = await PostAsync(client, path, key, body);
        await Task.Delay(TimeSpan.FromSeconds(2.5), Cancellation);
        using var afterLease = await PostAsync(client, path, key, body);
        using var replay = await PostAsync(client, path, key, body);

        Assert.Equal(HttpStatusCode.Conflict, whileLeased.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterLease.StatusCode);
        Assert.False(afterLease.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal("true", replay.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Single());
        Assert.Single(gateway.Service("payments").ReceivedAt(path));
    }

    [Fact]
    public async Task KeysBelongToTheirPlatform()
    {
        var path = $"/v1/customers/{Marketplace.Data.PrefixedId.New("cus")}";
        var key = NewKey();
        var results = new List<HttpResponseMessage>();
        foreach (var platform in new[] { await gateway.CreatePlatformAsync(), await gateway.CreatePlatformAsync() })
        {
            using var client = gateway.CreateClient(platform.SecretKey);
            results.Add(await PostAsync(client, path, key, "name=x"));
        }

        Assert.All(results, r => Assert.False(r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader)));
        Assert.Equal(2, gateway.Service("payments").ReceivedAt(path).Count);
        results.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task GetWithAKey_IsNotDeduplicated()
    {
        var (client, path) = await NewPlatformClientAsync();
        var key = NewKey();

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, Cancellation);
            Assert.Null(gateway.Service("payments").Received(RequestIdOf(response))!.Context!.IdempotencyKey);
        }

        Assert.Equal(2, gateway.Service("payments").ReceivedAt(path).Count);
    }

    [Fact]
    public async Task AKeyLongerThan255Characters_IsRefused()
    {
        var (client, path) = await NewPlatformClientAsync();

        using var response = await PostAsync(client, path, new string('k', 256), "name=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(gateway.Service("payments").ReceivedAt(path));
    }

    async Task<(HttpClient Client, string Path)> NewPlatformClientAsync()
    {
        NewPlatform platform = await gateway.CreatePlatformAsync();
        return (gateway.CreateClient(platform.SecretKey), $"/v1/customers/{Marketplace.Data.PrefixedId.New("cus")}");
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string key, string body, int? delayMs = null, int? status = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(body) };
        request.Headers.Add("Idempotency-Key", key);
        if (delayMs is { } delay)
        {
            request.Headers.Add(StubService.DelayHeader, delay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (status is { } code)
        {
            request.Headers.Add(StubService.StatusHeader, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await client.SendAsync(request, Cancellation);
    }

    static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    static string NewKey() => Guid.NewGuid().ToString();

    static string RequestIdOf(HttpResponseMessage response) => response.Headers.GetValues(RequestId.HeaderName).Single();

    static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        return body.RootElement.GetProperty("error").Clone();
    }

    static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, Cancellation);
        }

        Assert.True(condition());
    }
}
