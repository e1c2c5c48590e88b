using System.Net;
using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Api;

/// <summary>API keys and Stripe-Account through the real gateway, with the official SDK.</summary>
public sealed class AuthenticationTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecretKey_CreatesAndReadsACustomer()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;

        var created = await customers.CreateAsync(new CustomerCreateOptions { Email = "jenny@example.com" }, cancellationToken: Cancellation);
        var read = await customers.GetAsync(created.Id, cancellationToken: Cancellation);

        Assert.StartsWith("cus_", created.Id, StringComparison.Ordinal);
        Assert.Equal("jenny@example.com", read.Email);
        Assert.False(read.Livemode);
    }

    [Fact]
    public async Task UnknownKey_IsRefusedWith401()
    {
        var customers = RunningPlatform.Stripe("sk_test_" + Guid.NewGuid().ToString("N")).V1.Customers;

        var error = await Assert.ThrowsAsync<StripeException>(() => customers.ListAsync(cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatusCode);
        Assert.StartsWith("Invalid API Key provided: sk_test_", error.StripeError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedWithApiKeyExpired()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var key = await RunningPlatform.AdminAsync("keys", "create", "--platform", platform.Id, "--kind", "secret");
        var customers = RunningPlatform.Stripe(key.GetProperty("secret").GetString()!).V1.Customers;
        await customers.ListAsync(cancellationToken: Cancellation);

        await RunningPlatform.AdminAsync("keys", "revoke", key.GetProperty("id").GetString()!);

        // The gateway caches a key lookup for two seconds: revocation is seen within that.
        StripeException? refused = null;
        for (var attempt = 0; attempt < 40 && refused is null; attempt++)
        {
            try
            {
                await customers.ListAsync(cancellationToken: Cancellation);
                await Task.Delay(100, Cancellation);
            }
            catch (StripeException exception)
            {
                refused = exception;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.HttpStatusCode);
        Assert.Equal("api_key_expired", refused.StripeError.Code);
    }

    [Fact]
    public async Task PublishableKey_CannotCreateACustomer()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var customers = RunningPlatform.Stripe(platform.PublishableKey).V1.Customers;

        var error = await Assert.ThrowsAsync<StripeException>(() => customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatusCode);
        Assert.Equal("secret_key_required", error.StripeError.Code);
    }

    [Fact]
    public async Task RestrictedKey_ReadsButCannotWriteWithAReadGrant()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var key = await RunningPlatform.AdminAsync("keys", "create", "--platform", platform.Id, "--kind", "restricted", "--permissions", "customers=read");
        var customers = RunningPlatform.Stripe(key.GetProperty("secret").GetString()!).V1.Customers;

        var list = await customers.ListAsync(cancellationToken: Cancellation);
        var error = await Assert.ThrowsAsync<StripeException>(() => customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation));

        Assert.Empty(list.Data);
        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatusCode);
    }

    [Fact]
    public async Task StripeAccount_OfAnotherPlatformsAccount_IsRefusedAndItsCustomersStayHidden()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var other = await RunningPlatform.CreatePlatformAsync();
        var othersCustomer = await RunningPlatform.Stripe(other.SecretKey).V1.Customers.CreateAsync(new CustomerCreateOptions(), cancellationToken: Cancellation);
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;

        var asOther = await Assert.ThrowsAsync<StripeException>(() =>
            customers.GetAsync(othersCustomer.Id, requestOptions: new RequestOptions { StripeAccount = other.Id }, cancellationToken: Cancellation));
        var directly = await Assert.ThrowsAsync<StripeException>(() => customers.GetAsync(othersCustomer.Id, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.Forbidden, asOther.HttpStatusCode);
        Assert.Equal("account_invalid", asOther.StripeError.Code);
        Assert.Equal(HttpStatusCode.NotFound, directly.HttpStatusCode);
        Assert.Equal("resource_missing", directly.StripeError.Code);
    }

    [Fact]
    public async Task StripeAccount_OfOwnConnectedAccount_KeepsItsCustomersApart()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var connected = "acct_" + Guid.NewGuid().ToString("N")[..22];
        await RunningPlatform.AdminAsync("accounts", "connect", "--platform", platform.Id, "--account", connected);
        var customers = RunningPlatform.Stripe(platform.SecretKey).V1.Customers;
        var onConnected = new RequestOptions { StripeAccount = connected };

        var created = await customers.CreateAsync(new CustomerCreateOptions { Name = "Seller's buyer" }, onConnected, Cancellation);

        Assert.Equal("Seller's buyer", (await customers.GetAsync(created.Id, requestOptions: onConnected, cancellationToken: Cancellation)).Name);
        var onPlatform = await Assert.ThrowsAsync<StripeException>(() => customers.GetAsync(created.Id, cancellationToken: Cancellation));
        Assert.Equal(HttpStatusCode.NotFound, onPlatform.HttpStatusCode);
    }
}
