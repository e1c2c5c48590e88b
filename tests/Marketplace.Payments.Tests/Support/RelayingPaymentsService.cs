using Marketplace.Api.Context;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// The Payments host with its outbox relay and consumers running, for the tests of what it consumes: a message
/// written to its outbox travels through RabbitMQ and back into its own consumers, as one from another service would.
/// </summary>
public sealed class RelayingPaymentsService : IAsyncLifetime
{
    readonly ServiceFactory<Program> _factory = new ServiceFactory<Program>("payments")
        .WithSetting("Payments:VaultKey", PaymentsService.VaultKey);

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    /// <summary>Stripe.net talking to the service for <paramref name="context"/>, without retries so each call is one request.</summary>
    public Stripe.StripeClient StripeFor(RequestContext context)
    {
        var http = _factory.ClientFor(context);
        return new Stripe.StripeClient(
            apiKey: "sk_test_x", httpClient: new Stripe.SystemNetHttpClient(http, maxNetworkRetries: 0), apiBase: http.BaseAddress!.ToString().TrimEnd('/'));
    }

    public Stripe.SetupIntentService SetupIntentsFor(RequestContext context) => new(StripeFor(context));

    public Stripe.PaymentMethodService PaymentMethodsFor(RequestContext context) => new(StripeFor(context));

    /// <summary>A browser's view of the hosted pages: no signed context, redirects not followed.</summary>
    public HttpClient PageClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
