using Marketplace.Api;
using Marketplace.Messaging;

namespace Marketplace.Webhooks;

public static class WebhooksServiceExtensions
{
    /// <summary>The Webhooks service's composition root.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("webhooks", typeof(WebhooksServiceExtensions).Assembly);
        builder.Services.AddStripeApi();
        return builder;
    }
}
