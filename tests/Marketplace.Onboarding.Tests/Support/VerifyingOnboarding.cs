using Marketplace.Api.Context;
using Marketplace.Contracts.Accounts;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Marketplace.Onboarding.Tests.Support;

/// <summary>
/// The Onboarding service with its outbox relay and verification saga running, on a throw-away database and virtual
/// host, with taps on what it announces (<see cref="ApiEventRaised"/>, <see cref="ConnectedAccountUpdated"/>) as
/// the Webhooks service, Payments and Payouts would receive them. Checks that wait take one second; the
/// threshold's deadline two.
/// </summary>
public sealed class VerifyingOnboarding : IAsyncLifetime
{
    public static readonly TimeSpan ThresholdGrace = TimeSpan.FromSeconds(2);

    readonly ServiceFactory<Program> _factory = new ServiceFactory<Program>("onboarding")
        .WithSetting("Onboarding:EncryptionKey", OnboardingService.EncryptionKey)
        .WithSetting("Onboarding:Verification:IdentityDelay", "00:00:01")
        .WithSetting("Onboarding:Verification:ThresholdGrace", ThresholdGrace.ToString());

    public NpgsqlDataSource Database => _factory.Database.DataSource;

    public EventTap<ApiEventRaised> Events { get; } = new();

    public EventTap<ConnectedAccountUpdated> Decisions { get; } = new();

    public HttpClient ClientFor(RequestContext context) => _factory.ClientFor(context);

    /// <summary>The service's bus, to publish what other services would (Payments' <see cref="ConnectedAccountTriggered"/>).</summary>
    public IBus Bus => _factory.Services.GetRequiredService<IBus>();

    /// <summary>A browser-like client for the hosted pages: no gateway context, cookies kept, redirects not followed.</summary>
    public HttpClient PageClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public Stripe.StripeClient StripeFor(RequestContext context) => StripeClients.For(_factory.ClientFor(context));

    public async ValueTask InitializeAsync()
    {
        await _factory.InitializeAsync();
        _factory.StartServer();
        await Events.StartAsync(_factory.Broker.ConnectionString);
        await Decisions.StartAsync(_factory.Broker.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        await Decisions.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
