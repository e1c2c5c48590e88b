using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Fraud.Objects;
using Marketplace.Fraud.Rules;
using Npgsql;

namespace Marketplace.Fraud.ValueLists;

/// <summary>
/// Stripe's <c>/v1/radar/value_list_items</c>: add, retrieve, remove and list the values of a platform's lists
/// (Stripe.net's <c>Radar.ValueListItemService</c>).
/// </summary>
public static class ValueListItemsApi
{
    const string ObjectName = "radar.value_list_item";
    const string ListUrl = "/v1/radar/value_list_items";

    public static IEndpointRouteBuilder MapValueListItemsApi(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup(ListUrl).WithTags("radar.value_list_items");
        items.MapPost("", CreateAsync).WithSummary("Add a value to a value list").WithParameters(ValueListParameters.CreateItem);
        items.MapGet("", ListAsync).WithSummary("List a value list's items, newest first").WithParameters(ValueListParameters.ListItems);
        items.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a value list item");
        items.MapDelete("/{id}", DeleteAsync).WithSummary("Remove a value from its list");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var value = parameters.GetRequiredString("value", ValueListItemTypes.MaxValueLength);
        var listId = parameters.GetRequiredString("value_list");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (await ValueListStore.LockAsync(transaction, context.PlatformId, listId, cancellationToken) is not { } list)
        {
            return StripeError.ResourceMissing("radar.value_list", listId, "value_list").ToResult();
        }

        if (ValueListItemTypes.Normalize(list.ItemType, value, out var problem) is not { } normalized)
        {
            return StripeError.InvalidRequest(problem!, "value").ToResult();
        }

        var now = DateTimeOffset.UtcNow;
        var row = new ValueListItemRow
        {
            Id = PrefixedId.New("rsli", now),
            ValueListId = list.Id,
            Value = normalized,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
            CreatedBy = ValueListsApi.CreatedBy(context),
        };
        if (!await ValueListItemStore.InsertAsync(transaction, context.PlatformId, row, cancellationToken))
        {
            return StripeError.InvalidRequest($"The value list {list.Alias} already contains {normalized}.", "value").ToResult();
        }

        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(row.ToItem());
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ValueListItemStore.FindAsync(connection, context.PlatformId, id, cancellationToken) is { } row
            ? StripeJson.Result(row.ToItem())
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> DeleteAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (await ValueListItemStore.DeleteAsync(transaction, context.PlatformId, id, cancellationToken) is null)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(new DeletedObject(id, ObjectName));
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var listId = parameters.GetRequiredString("value_list");
        var value = parameters.GetString("value", ValueListItemTypes.MaxValueLength);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await ValueListStore.ExistsAsync(connection, context.PlatformId, listId, cancellationToken))
        {
            return StripeError.ResourceMissing("radar.value_list", listId, "value_list").ToResult();
        }

        if (query.Cursor is { } cursor && !await ValueListItemStore.ExistsAsync(connection, context.PlatformId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await ValueListItemStore.ListAsync(connection, context.PlatformId, listId, query.ToSql(), value, cancellationToken);
        return StripeJson.Result(query.ToPage(rows, $"{ListUrl}?value_list={listId}"));
    }
}
