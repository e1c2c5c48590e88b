using Marketplace.Gateway.Authentication;

namespace Marketplace.Gateway.Proxy;

public static class ProxyApi
{
    /// <summary>
    /// Forwards every path of the route table (<c>ReverseProxy</c> in configuration) to the service that owns it,
    /// once the caller is authenticated: the route (the resource) is known here, which restricted keys need.
    /// </summary>
    public static IEndpointRouteBuilder MapProxyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ForwarderErrorMiddleware>();
            proxy.UseMiddleware<ApiKeyAuthenticationMiddleware>();

            // YARP's default proxy pipeline, which a custom one replaces.
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return endpoints;
    }
}
