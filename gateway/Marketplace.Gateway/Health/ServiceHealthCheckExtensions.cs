using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Gateway.Health;

public static class ServiceHealthCheckExtensions
{
    /// <summary>Long enough for a healthy service's own checks, short enough that the gateway's /health stays prompt.</summary>
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// One health check per cluster of the route table, named after it, so that the gateway's <c>/health</c> reports
    /// every service.
    /// </summary>
    public static IServiceCollection AddServiceHealthChecks(this IServiceCollection services, IConfigurationSection routeTable)
    {
        // A health probe must report the service as it is: the default resilience handler's retries would hide a
        // failure and outlast the timeout. Its removal is marked experimental, but it is the documented way out.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(ServiceHealthCheck.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        var checks = services.AddHealthChecks();
        foreach (var cluster in routeTable.GetSection("Clusters").GetChildren())
        {
            var clusterId = cluster.Key;
            checks.Add(new HealthCheckRegistration(
                clusterId,
                provider => ActivatorUtilities.CreateInstance<ServiceHealthCheck>(provider, clusterId),
                HealthStatus.Unhealthy,
                tags: null,
                Timeout));
        }

        return services;
    }
}
