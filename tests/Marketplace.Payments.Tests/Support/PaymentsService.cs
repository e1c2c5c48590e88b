using Marketplace.Api.Context;
using Marketplace.Payments.Authentication;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// The Payments service's real host on a throw-away database and virtual host, one per test class. Its outbox relay
/// is paused (it polls once an hour and nothing wakes it), so every event a test causes stays in
/// <c>outbox_messages</c> to be read; each test acts for a fresh platform, so tests never see each other's rows.
/// </summary>
public sealed class PaymentsService : IAsyncLifetime
{
    public const string VaultKey = "test-payments-vault-key-0123456789";

    readonly ServiceFactory<Program> _factory = new ServiceFactory<Program>("payments")
        .WithSetting("Messaging:Outbox:IdlePollInterval", "01:00:00")
        .WithSetting("Payments:VaultKey", VaultKey);

    WebApplicationFactory<Program>? _host;

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    /// <summary>Everything the host logged, every level included.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The service's issuer of hosted authentication challenges, on its configured public address.</summary>
    public AuthenticationChallenges Challenges => Host.Services.GetRequiredService<AuthenticationChallenges>();

    /// <summary>Raw HTTP as the gateway forwards it, signed for <paramref name="context"/>.</summary>
    public HttpClient ClientFor(RequestContext context) => Host.CreateDefaultClient(new GatewayContextHandler(_factory.Signer, context));

    /// <summary>Raw HTTP that did not come through the gateway: no signed context.</summary>
    public HttpClient UnsignedClient() => Host.CreateClient();

    /// <summary>Stripe.net 53.1.0 talking to the service for <paramref name="context"/>, without retries so each call is one request.</summary>
    public Stripe.CustomerService CustomersFor(RequestContext context) => new(StripeFor(context));

    public Stripe.PaymentMethodService PaymentMethodsFor(RequestContext context) => new(StripeFor(context));

    public Stripe.SetupIntentService SetupIntentsFor(RequestContext context) => new(StripeFor(context));

    public Stripe.PaymentIntentService PaymentIntentsFor(RequestContext context) => new(StripeFor(context));

    public Stripe.MandateService MandatesFor(RequestContext context) => new(StripeFor(context));

    /// <summary>A browser's view of the hosted pages: no signed context, redirects not followed.</summary>
    public HttpClient PageClient() => Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    WebApplicationFactory<Program> Host => _host ?? throw new InvalidOperationException("Not started.");

    Stripe.StripeClient StripeFor(RequestContext context)
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
        _host = _factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(Logs);
            logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        }));
        _host.StartServer();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
