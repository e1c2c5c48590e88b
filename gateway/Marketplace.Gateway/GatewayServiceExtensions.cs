using Marketplace.Gateway.Health;
using Marketplace.Messaging;

namespace Marketplace.Gateway;

public static class GatewayServiceExtensions
{
    /// <summary>The gateway's composition root.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddMarketplaceService("gateway", typeof(GatewayServiceExtensions).Assembly);

        var routeTable = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.AddReverseProxy().LoadFromConfig(routeTable);
        builder.Services.AddServiceHealthChecks(routeTable);
        return builder;
    }
}
