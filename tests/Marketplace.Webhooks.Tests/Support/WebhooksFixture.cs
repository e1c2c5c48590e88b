using System.Net;
using System.Text.Json;
using Dapper;
using Marketplace.Api.Context;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Webhooks.Tests.Support;

/// <summary>
/// The Webhooks service on a database and virtual host of its own, with a delivery schedule short enough to watch:
/// three attempts one and two seconds apart, a two-second timeout, endpoints disabled after two deliveries in a row
/// given up on. Tests keep apart by using a fresh platform each.
/// </summary>
public sealed class WebhooksFixture : IAsyncLifetime
{
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    public const int DisableAfterFailedDeliveries = 2;

    public WebhooksFixture()
        : this(Configure(new ServiceFactory<Program>("webhooks")))
    {
    }

    /// <summary>The helpers on another host, such as one of two started in turn on the same servers.</summary>
    internal WebhooksFixture(ServiceFactory<Program> factory) => Factory = factory;

    public ServiceFactory<Program> Factory { get; }

    /// <summary>The test schedule on any factory, such as one for a restarted host.</summary>
    public static ServiceFactory<Program> Configure(ServiceFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        for (var i = 0; i < RetryDelays.Length; i++)
        {
            factory.WithSetting($"Webhooks:RetryDelays:{i}", RetryDelays[i].ToString("c"));
        }

        return factory
            .WithSetting("Webhooks:Timeout", Timeout.ToString("c"))
            .WithSetting("Webhooks:DisableAfterFailedDeliveries", DisableAfterFailedDeliveries.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask InitializeAsync()
    {
        await Factory.InitializeAsync();
        _ = Factory.Services; // starts the host: migrations, bus and relay
    }

    public HttpClient Http(RequestContext context) => Factory.ClientFor(context);

    public static Stripe.StripeClient Stripe(HttpClient http) =>
        new(apiKey: "sk_test_x", httpClient: new Stripe.SystemNetHttpClient(http, maxNetworkRetries: 0), apiBase: http.BaseAddress!.ToString().TrimEnd('/'));

    /// <summary>What an owning service does: publishes the event through its outbox, in a transaction of its own.</summary>
    public async Task RaiseAsync(ApiEventRaised raised)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await Factory.Database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await transaction.PublishAsync(raised, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The event once the service has recorded it, read through Stripe.net as <paramref name="context"/>.</summary>
    public async Task<Stripe.Event> RecordedAsync(RequestContext context, string eventId)
    {
        using var http = Http(context);
        await Eventually.Until(
            async () => (await http.GetAsync($"/v1/events/{eventId}", TestContext.Current.CancellationToken)).StatusCode,
            status => status == HttpStatusCode.OK);
        return await new Stripe.EventService(Stripe(http)).GetAsync(eventId, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async Task<Stripe.WebhookEndpoint> CreateEndpointAsync(RequestContext platform, string url, List<string>? enabledEvents = null, bool connect = false)
    {
        using var http = Http(platform);
        return await new Stripe.WebhookEndpointService(Stripe(http)).CreateAsync(
            new Stripe.WebhookEndpointCreateOptions { Url = url, EnabledEvents = enabledEvents ?? ["*"], Connect = connect },
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public async Task<Stripe.WebhookEndpoint> EndpointAsync(RequestContext platform, string id)
    {
        using var http = Http(platform);
        return await new Stripe.WebhookEndpointService(Stripe(http)).GetAsync(id, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>The endpoint's delivery attempts, newest first, as <c>GET /v1/webhook_endpoints/{id}/delivery_attempts</c> lists them.</summary>
    public async Task<IReadOnlyList<JsonElement>> AttemptsAsync(RequestContext platform, string endpointId)
    {
        using var http = Http(platform);
        using var page = JsonDocument.Parse(await http.GetStringAsync(
            $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?limit=100", TestContext.Current.CancellationToken));
        return [.. page.RootElement.GetProperty("data").EnumerateArray().Select(attempt => attempt.Clone())];
    }

    /// <summary>The event's <c>pending_webhooks</c> as the API shows it now.</summary>
    public async Task<long> PendingWebhooksAsync(RequestContext context, string eventId)
    {
        using var http = Http(context);
        return (await new Stripe.EventService(Stripe(http)).GetAsync(eventId, cancellationToken: TestContext.Current.CancellationToken)).PendingWebhooks;
    }

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await Factory.Database.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
