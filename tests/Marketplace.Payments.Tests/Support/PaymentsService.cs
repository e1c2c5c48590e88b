using Marketplace.Api.Context;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// The Payments service's real host on a throw-away database and virtual host, one per test class. Its outbox relay
/// is paused (it polls once an hour and nothing wakes it), so every event a test causes stays in
/// <c>outbox_messages</c> to be read; each test acts for a fresh platform, so tests never see each other's rows.
/// </summary>
public sealed class PaymentsService : IAsyncLifetime
{
    readonly ServiceFactory<Program> _factory = new ServiceFactory<Program>("payments")
        .WithSetting("Messaging:Outbox:IdlePollInterval", "01:00:00");

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    /// <summary>Raw HTTP as the gateway forwards it, signed for <paramref name="context"/>.</summary>
    public HttpClient ClientFor(RequestContext context) => _factory.ClientFor(context);

    /// <summary>Raw HTTP that did not come through the gateway: no signed context.</summary>
    public HttpClient UnsignedClient() => _factory.CreateClient();

    /// <summary>Stripe.net 53.1.0 talking to the service for <paramref name="context"/>, without retries so each call is one request.</summary>
    public Stripe.CustomerService CustomersFor(RequestContext context)
    {
        var http = ClientFor(context);
        var client = new Stripe.StripeClient(
            apiKey: "sk_test_x",
            httpClient: new Stripe.SystemNetHttpClient(http, maxNetworkRetries: 0),
            apiBase: http.BaseAddress!.ToString().TrimEnd('/'));
        return new Stripe.CustomerService(client);
    }

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
