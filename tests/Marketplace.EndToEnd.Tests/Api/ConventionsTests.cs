using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Api;

/// <summary>Stripe's conventions, proven on customers through the real gateway with the official SDK.</summary>
public sealed class ConventionsTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameIdempotencyKey_ReplaysTheFirstCustomer()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };

        var first = await customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options, Cancellation);
        var second = await customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options, Cancellation);

        Assert.Equal(first.Id, second.Id);
        Assert.Single((await customers.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task SameIdempotencyKeyWithOtherParameters_IsAnIdempotencyError()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };
        await customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options, Cancellation);

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options, Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("idempotency_error", error.StripeError.Type);
    }

    [Fact]
    public async Task ConcurrentCreatesWithOneKey_MakeOneCustomer_AndTheSdkRetriesAny409()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.SecretKey, maxNetworkRetries: 5).V1.Customers;
        var options = new RequestOptions { IdempotencyKey = Guid.NewGuid().ToString() };

        var created = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            customers.CreateAsync(new CustomerCreateOptions { Email = "same@example.com" }, options, Cancellation)));

        Assert.Single(created.Select(c => c.Id).Distinct());
        Assert.Single((await customers.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task Pagination_WalksEveryCustomerOnceNewestFirst()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await customers.CreateAsync(new CustomerCreateOptions { Name = $"c{i}" }, cancellationToken: Cancellation)).Id);
        }

        var seen = new List<string>();
        await foreach (var customer in customers.ListAutoPagingAsync(new CustomerListOptions { Limit = 3 }, cancellationToken: Cancellation))
        {
            seen.Add(customer.Id);
        }

        ids.Reverse();
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task MetadataBeyondItsLimits_IsRefusedNamingTheParameter()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;
        var tooMany = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", _ => "v");

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            customers.CreateAsync(new CustomerCreateOptions { Metadata = tooMany }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("metadata", error.StripeError.Param);
        Assert.Empty((await customers.ListAsync(cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task Expand_OfAnUnknownField_IsRefused()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;
        var created = await customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);

        var expanded = await customers.GetAsync(created.Id, new CustomerGetOptions { Expand = ["test_clock"] }, cancellationToken: Cancellation);
        var error = await Assert.ThrowsAsync<StripeException>(() =>
            customers.GetAsync(created.Id, new CustomerGetOptions { Expand = ["no_such_field"] }, cancellationToken: Cancellation));

        Assert.Equal(created.Id, expanded.Id);
        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("expand", error.StripeError.Param);
    }

    [Fact]
    public async Task UnknownParameter_IsRefusedNamingIt()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        using var client = Client(platform.SecretKey);

        using var response = await client.PostAsync("/v1/customers",
            new StringContent("email=a%40example.com&colour=blue", Encoding.UTF8, "application/x-www-form-urlencoded"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("colour", body.RootElement.GetProperty("error").GetProperty("param").GetString());
        Assert.Equal("parameter_unknown", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ABurstBeyondTheKeysRate_Gets429WithShouldRetry()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var key = await RunningPlatform.AdminAsync("keys", "create", "--platform", platform.Id, "--kind", "secret", "--rate-limit", "5");
        using var client = Client(key.GetProperty("secret").GetString()!);

        var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("/v1/customers", Cancellation)));

        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var refused = burst.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("true", refused.Headers.GetValues("Stripe-Should-Retry").Single());
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("rate_limit", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in burst)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task TheMergedApiReference_DescribesCustomers()
    {
        using var client = new HttpClient { BaseAddress = RunningPlatform.Gateway };

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi.json", Cancellation));
        var page = await client.GetStringAsync("/docs", Cancellation);

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/v1/customers", out var customers));
        Assert.True(customers.TryGetProperty("post", out _));
        Assert.Contains("/v1/customers", page, StringComparison.Ordinal);
    }

    static HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
