using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Webhooks.Deliveries;
using Npgsql;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>
/// <c>/v1/webhook_endpoints</c>: create, retrieve, update, delete and list the platform's endpoints. The secret is
/// in the create response only. Disabling or deleting an endpoint cancels its deliveries still open.
/// </summary>
public static class WebhookEndpointsApi
{
    static readonly IReadOnlySet<string> NothingExpandable = new HashSet<string>();

    public static IEndpointRouteBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/webhook_endpoints").WithTags("webhook_endpoints");
        group.MapPost("", CreateAsync).WithSummary("Create a webhook endpoint (url, enabled_events[], connect, description, metadata); the secret is shown once");
        group.MapGet("", ListAsync).WithSummary("List webhook endpoints");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a webhook endpoint");
        group.MapPost("/{id}", UpdateAsync).WithSummary("Update a webhook endpoint (url, enabled_events[], disabled, description, metadata)");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a webhook endpoint");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (PlatformOnly.Refuse(context) is { } refused)
        {
            return refused.ToResult();
        }

        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var url = WebhookEndpointParameters.ReadUrl(parameters, required: true);
        var enabledEvents = WebhookEndpointParameters.ReadEnabledEvents(parameters, required: true);
        var connect = parameters.GetBoolean("connect") ?? false;
        var description = parameters.Unset("description") ? null : parameters.GetString("description");
        var metadata = MetadataUpdate.Read(parameters);
        var apiVersion = WebhookEndpointParameters.ReadApiVersion(parameters);
        ExpansionTree.Read(parameters, NothingExpandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (!metadata.TryApply(new Dictionary<string, string>(), out var metadataValues, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var endpoint = new WebhookEndpointRecord
        {
            Id = PrefixedId.New("we"),
            PlatformId = context.PlatformId,
            Url = url!,
            EnabledEvents = [.. enabledEvents!],
            Connect = connect,
            Description = description,
            Metadata = JsonSerializer.Serialize(metadataValues),
            ApiVersion = apiVersion,
            Secret = WebhookSecret.New(),
            Status = WebhookEndpointStatus.Enabled,
            Created = DateTime.UtcNow,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await WebhookEndpointStore.InsertAsync(connection, endpoint, cancellationToken);
        return StripeJson.Result(endpoint.ToObject(withSecret: true));
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (PlatformOnly.Refuse(context) is { } refused)
        {
            return refused.ToResult();
        }

        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, NothingExpandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await WebhookEndpointStore.FindAsync(connection, context.PlatformId, id, cancellationToken) is { } endpoint
            ? StripeJson.Result(endpoint.ToObject())
            : Missing(id);
    }

    static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (PlatformOnly.Refuse(context) is { } refused)
        {
            return refused.ToResult();
        }

        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var url = WebhookEndpointParameters.ReadUrl(parameters, required: false);
        var enabledEvents = WebhookEndpointParameters.ReadEnabledEvents(parameters, required: false);
        var disabled = parameters.GetBoolean("disabled");
        var clearDescription = parameters.Unset("description");
        var description = clearDescription ? null : parameters.GetString("description");
        var metadata = MetadataUpdate.Read(parameters);
        ExpansionTree.Read(parameters, NothingExpandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await WebhookEndpointStore.FindAsync(connection, context.PlatformId, id, cancellationToken, transaction) is not { } current)
        {
            return Missing(id);
        }

        if (!metadata.TryApply(current.MetadataValues, out var metadataValues, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var updated = current with
        {
            Url = url ?? current.Url,
            EnabledEvents = enabledEvents is null ? current.EnabledEvents : [.. enabledEvents],
            Description = clearDescription ? null : description ?? current.Description,
            Metadata = JsonSerializer.Serialize(metadataValues),
            Status = disabled switch
            {
                true => WebhookEndpointStatus.Disabled,
                false => WebhookEndpointStatus.Enabled,
                null => current.Status,
            },
        };
        await WebhookEndpointStore.UpdateAsync(transaction, updated, cancellationToken);
        if (updated.Status == WebhookEndpointStatus.Disabled)
        {
            await DeliveryStore.CancelOpenAsync(transaction, id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(updated.ToObject());
    }

    static async Task<IResult> DeleteAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (PlatformOnly.Refuse(context) is { } refused)
        {
            return refused.ToResult();
        }

        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await WebhookEndpointStore.DeleteAsync(transaction, context.PlatformId, id, cancellationToken))
        {
            return Missing(id);
        }

        await DeliveryStore.CancelOpenAsync(transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(new DeletedWebhookEndpoint(id));
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (PlatformOnly.Refuse(context) is { } refused)
        {
            return refused.ToResult();
        }

        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        ExpansionTree.Read(parameters, NothingExpandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await WebhookEndpointStore.ListAsync(connection, context.PlatformId, query, cancellationToken);
        return StripeJson.Result(query.ToPage([.. rows.Select(row => row.ToObject())], "/v1/webhook_endpoints"));
    }

    static IResult Missing(string id) => StripeError.ResourceMissing("webhook_endpoint", id).ToResult();
}
