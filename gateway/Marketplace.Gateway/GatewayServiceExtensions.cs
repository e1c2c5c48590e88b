using Marketplace.Data;
using Marketplace.Gateway.Health;
using Marketplace.Messaging;

namespace Marketplace.Gateway;

public static class GatewayServiceExtensions
{
    /// <summary>The gateway's composition root.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("gateway", MessagingSchema.Assembly, typeof(GatewayServiceExtensions).Assembly);
        builder.AddMessaging();

        var routeTable = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.AddReverseProxy().LoadFromConfig(routeTable);
        builder.Services.AddServiceHealthChecks(routeTable);
        return builder;
    }
}
