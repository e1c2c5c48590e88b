using Marketplace.Api.Context;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Fraud.Tests.Support;

/// <summary>
/// The Fraud service's real host on a throw-away database and virtual host, one per test class; each test acts for
/// a fresh platform, so tests never see each other's rules, lists or counters.
/// </summary>
public sealed class FraudService : IAsyncLifetime
{
    readonly ServiceFactory<Program> _factory = new("fraud");

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    public IServiceProvider Services => _factory.Services;

    public TestBroker Broker => _factory.Broker;

    /// <summary>Raw HTTP as the gateway forwards it, signed for <paramref name="context"/>.</summary>
    public HttpClient ClientFor(RequestContext context) => _factory.ClientFor(context);

    /// <summary>Stripe.net 53.1.0 talking to the service for <paramref name="context"/>, without retries so each call is one request.</summary>
    public Stripe.StripeClient StripeFor(RequestContext context)
    {
        var http = ClientFor(context);
        return new Stripe.StripeClient(
            apiKey: "sk_test_x",
            httpClient: new Stripe.SystemNetHttpClient(http, maxNetworkRetries: 0),
            apiBase: http.BaseAddress!.ToString().TrimEnd('/'));
    }

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
