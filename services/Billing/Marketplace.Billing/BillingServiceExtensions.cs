using Marketplace.Data;
using Marketplace.Messaging;
using MassTransit;

namespace Marketplace.Billing;

public static class BillingServiceExtensions
{
    /// <summary>The Billing service's composition root.</summary>
    public static IHostApplicationBuilder AddBilling(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("billing", MessagingSchema.Assembly, typeof(BillingServiceExtensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumers(typeof(BillingServiceExtensions).Assembly));
        return builder;
    }
}
