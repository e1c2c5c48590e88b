using System.Net;
using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Gateway.Tests.Authentication;

public sealed class ConnectedAccountCreatedTests(GatewayFixture gateway)
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAccountOnboardingAnnounces_BecomesUsableThroughStripeAccountByItsPlatformOnly()
    {
        var platform = await gateway.CreatePlatformAsync();
        var other = await gateway.CreatePlatformAsync();
        var account = Marketplace.Data.PrefixedId.New("acct");
        // As Onboarding would: the event through an outbox (here the gateway's own database, which is where the relay runs).
        await using (var connection = await gateway.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            await transaction.PublishAsync(new ConnectedAccountCreated { AccountId = account, PlatformId = platform.PlatformId, Created = DateTimeOffset.UtcNow }, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 100 && status != HttpStatusCode.OK; attempt++)
        {
            status = await GetAsAsync(platform.SecretKey, account);
            await Task.Delay(100, Cancellation);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsAsync(other.SecretKey, account));
    }

    async Task<HttpStatusCode> GetAsAsync(string key, string account)
    {
        using var client = gateway.CreateClient(key);
        client.DefaultRequestHeaders.Add("Stripe-Account", account);
        using var response = await client.GetAsync("/v1/customers", Cancellation);
        return response.StatusCode;
    }
}
