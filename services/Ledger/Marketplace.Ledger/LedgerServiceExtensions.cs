using Marketplace.Data;
using Marketplace.Messaging;
using MassTransit;

namespace Marketplace.Ledger;

public static class LedgerServiceExtensions
{
    /// <summary>The Ledger service's composition root.</summary>
    public static IHostApplicationBuilder AddLedger(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("ledger", MessagingSchema.Assembly, typeof(LedgerServiceExtensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumers(typeof(LedgerServiceExtensions).Assembly));
        return builder;
    }
}
