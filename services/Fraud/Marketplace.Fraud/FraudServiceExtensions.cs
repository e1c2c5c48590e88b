using Marketplace.Data;
using Marketplace.Messaging;
using MassTransit;

namespace Marketplace.Fraud;

public static class FraudServiceExtensions
{
    /// <summary>The Fraud service's composition root.</summary>
    public static IHostApplicationBuilder AddFraud(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("fraud", MessagingSchema.Assembly, typeof(FraudServiceExtensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumers(typeof(FraudServiceExtensions).Assembly));
        return builder;
    }
}
