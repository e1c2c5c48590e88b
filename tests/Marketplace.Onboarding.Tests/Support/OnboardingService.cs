using Marketplace.Api.Context;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Onboarding.Tests.Support;

/// <summary>
/// The Onboarding service's real host on a throw-away database and virtual host, one per test class. Its outbox relay
/// is paused (it polls once an hour and nothing wakes it), so every message a request writes stays in
/// <c>outbox_messages</c> to be read, and no verification runs; each test acts for a fresh platform.
/// </summary>
public sealed class OnboardingService : IAsyncLifetime
{
    public const string EncryptionKey = "test-onboarding-encryption-key-0123456789";

    readonly ServiceFactory<Program> _factory = new ServiceFactory<Program>("onboarding")
        .WithSetting("Messaging:Outbox:IdlePollInterval", "01:00:00")
        .WithSetting("Onboarding:EncryptionKey", EncryptionKey);

    WebApplicationFactory<Program>? _host;

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    /// <summary>Everything the host logged, every level included.</summary>
    public LogCapture Logs { get; } = new();

    public HttpClient ClientFor(RequestContext context) => Host.CreateDefaultClient(new GatewayContextHandler(_factory.Signer, context));

    /// <summary>A browser-like client for the hosted pages: no gateway context, cookies kept (unless said), redirects not followed.</summary>
    public HttpClient PageClient(bool cookies = true) =>
        Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    /// <summary>Stripe.net 53.1.0 talking to the service for <paramref name="context"/>, without retries.</summary>
    public Stripe.StripeClient StripeFor(RequestContext context) => StripeClients.For(ClientFor(context));

    WebApplicationFactory<Program> Host => _host ?? throw new InvalidOperationException("Not started.");

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
