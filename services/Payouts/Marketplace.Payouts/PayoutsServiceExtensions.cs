using Marketplace.Data;
using Marketplace.Messaging;
using MassTransit;

namespace Marketplace.Payouts;

public static class PayoutsServiceExtensions
{
    /// <summary>The Payouts service's composition root.</summary>
    public static IHostApplicationBuilder AddPayouts(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("payouts", MessagingSchema.Assembly, typeof(PayoutsServiceExtensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumers(typeof(PayoutsServiceExtensions).Assembly));
        return builder;
    }
}
