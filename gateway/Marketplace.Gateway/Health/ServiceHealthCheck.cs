using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Marketplace.Gateway.Health;

/// <summary>
/// Healthy when every destination of one cluster of the route table (one service) answers its own <c>/health</c>
/// with 200. Addresses come from YARP's live view of the route table, so a reloaded table is checked as routed.
/// </summary>
public sealed class ServiceHealthCheck(string clusterId, IProxyStateLookup proxyState, IHttpClientFactory httpClientFactory) : IHealthCheck
{
    public const string HttpClientName = "service-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxyState.TryGetCluster(clusterId, out var cluster) || cluster.Destinations.IsEmpty)
        {
            return HealthCheckResult.Unhealthy($"The route table has no destination for '{clusterId}'.");
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        foreach (var destination in cluster.Destinations.Values)
        {
            // A destination's Health address, where YARP's own probes would go, stands in for its Address when set.
            var config = destination.Model.Config;
            var health = new Uri($"{(config.Health ?? config.Address).TrimEnd('/')}/health");
            try
            {
                using var response = await client.GetAsync(health, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return HealthCheckResult.Unhealthy($"{health} answered {(int)response.StatusCode}.");
                }
            }
            catch (HttpRequestException ex)
            {
                return HealthCheckResult.Unhealthy($"{health} is unreachable: {ex.Message}", ex);
            }
        }

        return HealthCheckResult.Healthy();
    }
}
