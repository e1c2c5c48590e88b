using Marketplace.Gateway.Authentication;
using Marketplace.Gateway.Idempotency;
using Marketplace.Gateway.RateLimits;

namespace Marketplace.Gateway.Proxy;

public static class ProxyApi
{
    /// <summary>
    /// Forwards every path of the route table (<c>ReverseProxy</c> in configuration) to the service that owns it,
    /// once the caller is authenticated (the route, i.e. the resource, is known here, which restricted keys need),
    /// within its rate limit, and an idempotent request's key is claimed.
    /// </summary>
    public static IEndpointRouteBuilder MapProxyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ForwarderErrorMiddleware>();
            proxy.UseMiddleware<ApiKeyAuthenticationMiddleware>();
            proxy.UseMiddleware<RateLimitMiddleware>();
            proxy.UseMiddleware<IdempotencyMiddleware>();

            // YARP's default proxy pipeline, which a custom one replaces.
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return endpoints;
    }
}
