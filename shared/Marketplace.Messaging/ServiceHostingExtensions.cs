using System.Reflection;
using Marketplace.Data;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Messaging;

public static class ServiceHostingExtensions
{
    /// <summary>
    /// What every Marketplace app stands on: its database <paramref name="database"/> (migrations: the backbone's
    /// tables, then the <c>.sql</c> files embedded in <paramref name="serviceAssembly"/>) and the bus, with every
    /// consumer of <paramref name="serviceAssembly"/> registered, on queues named after the service
    /// (<c>ledger-settle-topup</c>). <paramref name="configureBus"/> adds sagas and the rest.
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceService(
        this IHostApplicationBuilder builder,
        string database,
        Assembly serviceAssembly,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        builder.AddServiceDatabase(database, MessagingSchema.Assembly, serviceAssembly);
        builder.AddMessaging(
            bus =>
            {
                bus.AddConsumers(serviceAssembly);
                configureBus?.Invoke(bus);
            },
            endpointPrefix: database);
        return builder;
    }
}
