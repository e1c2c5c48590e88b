using Marketplace.Api;
using Marketplace.Api.Documentation;
using Marketplace.Messaging;
using Marketplace.Webhooks.Deliveries;

namespace Marketplace.Webhooks;

public static class WebhooksServiceExtensions
{
    /// <summary>The Webhooks service's composition root.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("webhooks", typeof(WebhooksServiceExtensions).Assembly);
        builder.Services.AddStripeApi();
        builder.Services.AddStripeApiDocument("webhooks");
        builder.Services.AddOptions<WebhookDeliveryOptions>()
            .BindConfiguration(WebhookDeliveryOptions.Section)
            .Validate(options => options.Timeout > TimeSpan.Zero, "Webhooks:Timeout must be positive.")
            .Validate(options => options.DisableAfterFailedDeliveries >= 1, "Webhooks:DisableAfterFailedDeliveries must be at least 1.")
            .Validate(options => options.EffectiveRetryDelays.All(delay => delay >= TimeSpan.Zero), "Webhooks:RetryDelays cannot be negative.")
            .ValidateOnStart();
        builder.Services.AddWebhookSender();
        return builder;
    }
}
