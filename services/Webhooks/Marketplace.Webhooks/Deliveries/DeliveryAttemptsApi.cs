using Dapper;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Webhooks.WebhookEndpoints;
using Npgsql;

namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// <c>GET /v1/webhook_endpoints/{id}/delivery_attempts</c>, our extension (Stripe has no such API; see
/// <see cref="DeliveryAttempt"/>): every request made to the endpoint, newest first, in Stripe's list envelope.
/// </summary>
public static class DeliveryAttemptsApi
{
    public static IEndpointRouteBuilder MapDeliveryAttemptsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/webhook_endpoints/{id}/delivery_attempts", ListAsync)
            .WithTags("webhook_endpoints").WithSummary("List an endpoint's delivery attempts, newest first (a Marketplace extension)");
        return endpoints;
    }

    static async Task<IResult> ListAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (PlatformOnly.Refuse(context) is { } refused)
        {
            return refused.ToResult();
        }

        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await WebhookEndpointStore.FindAsync(connection, context.PlatformId, id, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("webhook_endpoint", id).ToResult();
        }

        var page = query.ToSql("a.id", "a.created");
        var sqlParameters = new DynamicParameters(page.Parameters);
        sqlParameters.Add("endpointId", id);
        var rows = await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            $"""
            SELECT a.id, a.attempt, a.created, a.duration_ms, a.error, a.event_id, e.type AS event_type, a.status_code, a.endpoint_id
            FROM webhook_delivery_attempts a
            JOIN events e ON e.id = a.event_id
            WHERE a.endpoint_id = @endpointId AND {page.Where}
            ORDER BY {page.OrderBy}
            LIMIT @limit
            """,
            sqlParameters, cancellationToken: cancellationToken));
        return StripeJson.Result(query.ToPage([.. rows.Select(row => row.ToObject())], $"/v1/webhook_endpoints/{id}/delivery_attempts"));
    }

    sealed record AttemptRow(
        string Id, int Attempt, DateTime Created, int DurationMs, string? Error, string EventId, string EventType, int? StatusCode, string EndpointId)
    {
        public DeliveryAttempt ToObject() => new()
        {
            Id = Id,
            Attempt = Attempt,
            Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
            DurationMs = DurationMs,
            Error = Error,
            Event = EventId,
            EventType = EventType,
            StatusCode = StatusCode,
            WebhookEndpoint = EndpointId,
        };
    }
}
