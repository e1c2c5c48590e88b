using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Messaging.DeadLetters;

public static class DeadLetterApi
{
    const int DefaultLimit = 20;
    const int MaxLimit = 1000;

    /// <summary>
    /// <c>GET /internal/dead-letters/{queue}</c> shows the head of an <c>_error</c> queue;
    /// <c>POST /internal/dead-letters/{queue}/replay</c> moves messages back to their endpoint.
    /// Internal: on the service's own port only; the gateway routes <c>/v1</c> paths alone.
    /// </summary>
    public static IEndpointRouteBuilder MapDeadLetterApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/internal/dead-letters/{queue}");
        group.MapGet("", async Task<IResult> (string queue, int? limit, DeadLetterQueues queues, CancellationToken cancellationToken) =>
            await queues.PeekAsync(queue, Limit(limit), cancellationToken) is { } letters ? TypedResults.Ok(letters) : TypedResults.NotFound());
        group.MapPost("/replay", async Task<IResult> (string queue, int? limit, DeadLetterQueues queues, CancellationToken cancellationToken) =>
            await queues.ReplayAsync(queue, Limit(limit), cancellationToken) is { } replayed ? TypedResults.Ok(new { replayed }) : TypedResults.NotFound());
        return endpoints;
    }

    static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
}
