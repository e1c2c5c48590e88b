using System.Text.RegularExpressions;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Fraud.Objects;
using Marketplace.Fraud.Rules;
using Npgsql;

namespace Marketplace.Fraud.ValueLists;

/// <summary>
/// Stripe's <c>/v1/radar/value_lists</c>: create, retrieve, update, delete and list a platform's value lists
/// (Stripe.net's <c>Radar.ValueListService</c>). Every change bumps the platform's rule set version, so that the
/// next assessment reads the lists as they now are.
/// </summary>
public static partial class ValueListsApi
{
    const string ObjectName = "radar.value_list";
    const string ListUrl = "/v1/radar/value_lists";
    const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapValueListsApi(this IEndpointRouteBuilder endpoints)
    {
        var lists = endpoints.MapGroup(ListUrl).WithTags("radar.value_lists");
        lists.MapPost("", CreateAsync).WithSummary("Create a value list").WithParameters(ValueListParameters.Create);
        lists.MapGet("", ListAsync).WithSummary("List value lists, newest first").WithParameters(ValueListParameters.List);
        lists.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a value list");
        lists.MapPost("/{id}", UpdateAsync).WithSummary("Update a value list").WithParameters(ValueListParameters.Update);
        lists.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a value list that no rule uses");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var alias = ReadAlias(parameters, required: true);
        var name = parameters.GetRequiredString("name", MaxNameLength);
        var itemType = parameters.GetEnum("item_type", ValueListItemTypes.All) ?? ValueListItemTypes.Default;
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (!metadata.TryApply(new Dictionary<string, string>(), out var values, out var invalid))
        {
            return invalid.ToResult();
        }

        await DefaultValueLists.EnsureAsync(dataSource, context.PlatformId, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var row = new ValueListRow
        {
            Id = PrefixedId.New("rsl", now),
            Alias = alias!,
            Name = name,
            ItemType = itemType,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
            CreatedBy = CreatedBy(context),
            Metadata = StripeJson.Serialize(values),
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (!await ValueListStore.InsertAsync(transaction, context.PlatformId, row, cancellationToken))
        {
            return AliasTaken(row.Alias).ToResult();
        }

        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(row.ToValueList([]));
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await ValueListStore.FindAsync(connection, context.PlatformId, id, cancellationToken) is not { } row)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var items = await ValueListStore.PreviewItemsAsync(connection, [row.Id], cancellationToken);
        return StripeJson.Result(row.ToValueList([.. items[row.Id]]));
    }

    static async Task<IResult> UpdateAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var alias = ReadAlias(parameters, required: false);
        var name = parameters.GetString("name", MaxNameLength);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (await ValueListStore.LockAsync(transaction, context.PlatformId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (alias is not null && alias != current.Alias)
        {
            if (current.IsDefault)
            {
                return StripeError.InvalidRequest($"The alias of the default list {current.Alias} cannot be changed.", "alias").ToResult();
            }

            if (await RuleStore.NamesValueListAsync(connection, context.PlatformId, current.Alias, cancellationToken))
            {
                return StripeError.InvalidRequest($"The alias {current.Alias} is used by a rule; change or delete the rule first.", "alias").ToResult();
            }
        }

        if (!metadata.TryApply(current.MetadataValues, out var values, out var invalid))
        {
            return invalid.ToResult();
        }

        var updated = current with { Alias = alias ?? current.Alias, Name = string.IsNullOrEmpty(name) ? current.Name : name, Metadata = StripeJson.Serialize(values) };
        if (!await ValueListStore.UpdateAsync(transaction, context.PlatformId, updated, cancellationToken))
        {
            return AliasTaken(updated.Alias).ToResult();
        }

        var items = await ValueListStore.PreviewItemsAsync(connection, [id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(updated.ToValueList([.. items[id]]));
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
        // Locks the platform's version row first: a rule created concurrently naming this list waits, then fails its check.
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (await ValueListStore.LockAsync(transaction, context.PlatformId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (current.IsDefault)
        {
            return StripeError.InvalidRequest($"The default list {current.Alias} cannot be deleted; remove its items instead.", "id").ToResult();
        }

        if (await RuleStore.NamesValueListAsync(connection, context.PlatformId, current.Alias, cancellationToken))
        {
            return StripeError.InvalidRequest($"The value list {current.Alias} is used by a rule; change or delete the rule first.", "id").ToResult();
        }

        await ValueListStore.DeleteAsync(transaction, context.PlatformId, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(new DeletedObject(id, ObjectName));
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var alias = parameters.GetString("alias", 100);
        var contains = parameters.GetString("contains", ValueListItemTypes.MaxValueLength);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await DefaultValueLists.EnsureAsync(dataSource, context.PlatformId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (query.Cursor is { } cursor && !await ValueListStore.ExistsAsync(connection, context.PlatformId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await ValueListStore.ListAsync(connection, context.PlatformId, query.ToSql(), alias, contains, cancellationToken);
        var items = await ValueListStore.PreviewItemsAsync(connection, [.. rows.Select(row => row.Id)], cancellationToken);
        return StripeJson.Result(query.ToPage([.. rows.Select(row => row.ToValueList([.. items[row.Id]]))], ListUrl));
    }

    static string? ReadAlias(ParameterReader parameters, bool required)
    {
        var alias = required ? parameters.GetRequiredString("alias", 100) : parameters.GetString("alias", 100);
        if (!string.IsNullOrEmpty(alias) && !AliasPattern().IsMatch(alias))
        {
            parameters.Fail(StripeError.InvalidRequest($"Invalid alias: '{alias}'. An alias has only letters, digits and underscores.", "alias"));
        }

        return string.IsNullOrEmpty(alias) ? null : alias;
    }

    static StripeError AliasTaken(string alias) =>
        StripeError.InvalidRequest($"A value list with the alias {alias} already exists.", "alias");

    /// <summary>Stripe shows who created a list; through the API that is the key's kind, not a dashboard user.</summary>
    internal static string CreatedBy(RequestContext context) => context.KeyKind == ApiKeyKind.Restricted ? "restricted_key" : "secret_key";

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex AliasPattern();
}
