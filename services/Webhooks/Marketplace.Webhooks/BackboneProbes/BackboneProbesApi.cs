using Dapper;
using Npgsql;

namespace Marketplace.Webhooks.BackboneProbes;

public static class BackboneProbesApi
{
    /// <summary><c>GET /internal/backbone-probes/{id}</c>: 200 with the probe once this service has consumed it, else 404.</summary>
    public static IEndpointRouteBuilder MapBackboneProbesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/internal/backbone-probes/{probeId:guid}", async Task<IResult> (Guid probeId, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var probe = await connection.QuerySingleOrDefaultAsync<ReceivedProbe>(new CommandDefinition(
                "SELECT probe_id, origin, sent_at, received_at FROM backbone_probes WHERE probe_id = @probeId",
                new { probeId }, cancellationToken: cancellationToken));
            return probe is null ? TypedResults.NotFound() : TypedResults.Ok(probe);
        });
        return endpoints;
    }

    sealed record ReceivedProbe(Guid ProbeId, string Origin, DateTime SentAt, DateTime ReceivedAt);
}
