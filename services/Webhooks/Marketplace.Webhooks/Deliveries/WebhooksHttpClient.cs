using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Webhooks.Deliveries;

public static class WebhooksHttpClient
{
    /// <summary>
    /// The <see cref="WebhookSender"/>'s client. The service defaults give every client a standard resilience handler
    /// (retries, its own timeouts) and service discovery; both are removed here: a delivery attempt is exactly one
    /// request, timed by <see cref="WebhookDeliveryOptions.Timeout"/>, and a platform's URL must never resolve to one of
    /// our own services by name. Redirects are not followed (Stripe counts them as failures) and no cookies are kept.
    /// </summary>
    public static IServiceCollection AddWebhookSender(this IServiceCollection services)
    {
        services.AddHttpClient<WebhookSender>()
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) => handlers.Clear())
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .ConfigureHttpClient(static client =>
            {
                // The attempt's own timer is the one timeout (HttpClient's 100 s default would cut a longer configured one).
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Marketplace/1.0 (+webhooks)");
            });
        return services;
    }
}
