using Marketplace.Contracts.Diagnostics;
using Marketplace.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Marketplace.Messaging.Diagnostics;

public static class BackboneProbeApi
{
    /// <summary>
    /// <c>POST /internal/backbone-probes</c>: publishes a <see cref="BackboneProbeSent"/> through this service's outbox.
    /// Internal: the gateway routes only <c>/v1</c> paths, so this is reachable on the service's own port only.
    /// </summary>
    public static IEndpointRouteBuilder MapBackboneProbeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/internal/backbone-probes", async (NpgsqlDataSource dataSource, OutboxRelaySignal relay, IHostEnvironment environment, CancellationToken cancellationToken) =>
        {
            var probe = new BackboneProbeSent { ProbeId = Guid.NewGuid(), Origin = environment.ApplicationName, SentAt = DateTimeOffset.UtcNow };
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await transaction.PublishAsync(probe, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            relay.Notify();
            return TypedResults.Accepted($"/internal/backbone-probes/{probe.ProbeId}", new { probe_id = probe.ProbeId, origin = probe.Origin });
        });
        return endpoints;
    }
}
