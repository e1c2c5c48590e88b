using Marketplace.Data;
using Marketplace.Messaging;
using MassTransit;

namespace Marketplace.Payments;

public static class PaymentsServiceExtensions
{
    /// <summary>The Payments service's composition root.</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("payments", MessagingSchema.Assembly, typeof(PaymentsServiceExtensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumers(typeof(PaymentsServiceExtensions).Assembly));
        return builder;
    }
}
