using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Webhooks.Events;

/// <summary>
/// <c>GET /v1/events/{id}</c> and <c>GET /v1/events</c>: the events of the account the request acts on — the
/// platform's own, or with <c>Stripe-Account</c> that connected account's.
/// </summary>
public static class EventsApi
{
    static readonly IReadOnlySet<string> NothingExpandable = new HashSet<string>();

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var events = endpoints.MapGroup("/v1/events").WithTags("events");
        events.MapGet("", ListAsync).WithSummary("List events, newest first (type, types[], created, delivery_success)");
        events.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve an event");
        return endpoints;
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, NothingExpandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EventStore.FindAsync(connection, context, id, cancellationToken) is { } found
            ? StripeJson.Result(found)
            : StripeError.ResourceMissing("event", id).ToResult();
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var filter = EventFilter.Read(parameters);
        ExpansionTree.Read(parameters, NothingExpandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await EventStore.ListAsync(connection, context, filter, cancellationToken);
        return StripeJson.Result(filter.Page.ToPage(rows, "/v1/events"));
    }
}
