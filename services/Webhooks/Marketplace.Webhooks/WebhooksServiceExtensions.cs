using Marketplace.Data;
using Marketplace.Messaging;
using MassTransit;

namespace Marketplace.Webhooks;

public static class WebhooksServiceExtensions
{
    /// <summary>The Webhooks service's composition root.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("webhooks", MessagingSchema.Assembly, typeof(WebhooksServiceExtensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumers(typeof(WebhooksServiceExtensions).Assembly));
        return builder;
    }
}
