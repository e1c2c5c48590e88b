using Marketplace.Api.Events;
using System.Collections.Frozen;
using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Secrets;
using Npgsql;

namespace Marketplace.Onboarding.Persons;

/// <summary>
/// <c>/v1/accounts/{id}/persons</c>: the representative, owners, directors and executives of a company account.
/// Each change goes through <see cref="AccountWrites"/>, since persons are part of what the account must provide
/// and of what verification checks.
/// </summary>
public static class PersonsApi
{
    const string ObjectName = "person";

    public static IEndpointRouteBuilder MapPersonsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/accounts/{accountId}/persons").WithTags("persons");
        group.MapPost("", CreateAsync).WithSummary("Create a person");
        group.MapGet("", ListAsync).WithSummary("List persons");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a person");
        group.MapPost("/{id}", UpdateAsync).WithSummary("Update a person");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a person");
        return endpoints;
    }

    static Task<IResult> CreateAsync(
        string accountId, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken) =>
        WriteAsync(accountId, null, request, context, dataSource, sealer, cancellationToken);

    static Task<IResult> UpdateAsync(
        string accountId, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken) =>
        WriteAsync(accountId, id, request, context, dataSource, sealer, cancellationToken);

    static async Task<IResult> WriteAsync(
        string accountId, string? id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, context, accountId, cancellationToken) is not { } account)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var before = await AccountView.LoadAsync(connection, transaction, account, cancellationToken);
        var current = id is null ? null : before.Persons.FirstOrDefault(p => p.Id == id);
        if (id is not null && current is null)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var record = PersonChanges.Apply(parameters, current?.Record ?? new PersonRecord(), sealer, withRelationship: true);
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var now = DateTimeOffset.UtcNow;
        var person = current is null
            ? new StoredPerson(PrefixedId.New("person", now), accountId, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), record)
            : current with { Record = record };
        if (current is null)
        {
            await PersonStore.InsertAsync(transaction, person, cancellationToken);
        }
        else
        {
            await PersonStore.UpdateAsync(transaction, person, cancellationToken);
        }

        var after = await AccountWrites.CommitAsync(transaction, before, account, AccountsApi.Cause(context), cancellationToken);
        var json = StripeJson.Serialize(after.RenderPerson(person));
        var previous = current is null ? null : PreviousAttributes.Between(StripeJson.Serialize(before.RenderPerson(current)), json);
        if (current is null || previous is not null)
        {
            await AccountEvents.PublishAsync(
                transaction, account, current is null ? AccountEvents.PersonCreated : AccountEvents.PersonUpdated, json, previous,
                AccountsApi.Cause(context), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Json(json);
    }

    static async Task<IResult> RetrieveAsync(
        string accountId, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is not { } account)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var view = await AccountView.LoadAsync(connection, null, account, cancellationToken);
        return view.Persons.FirstOrDefault(p => p.Id == id) is { } person
            ? Json(StripeJson.Serialize(view.RenderPerson(person)))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> DeleteAsync(
        string accountId, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, context, accountId, cancellationToken) is not { } account)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var before = await AccountView.LoadAsync(connection, transaction, account, cancellationToken);
        if (before.Persons.FirstOrDefault(p => p.Id == id) is not { } person)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        await PersonStore.MarkDeletedAsync(transaction, id, cancellationToken);
        await AccountEvents.PublishAsync(
            transaction, account, AccountEvents.PersonDeleted, StripeJson.Serialize(before.RenderPerson(person)), null, AccountsApi.Cause(context), cancellationToken);
        await AccountWrites.CommitAsync(transaction, before, account, AccountsApi.Cause(context), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json($$"""{"id":"{{id}}","object":"person","deleted":true}""");
    }

    /// <summary>Newest first, filtered by <c>relationship[representative]</c>, <c>[owner]</c>, <c>[director]</c> or <c>[executive]</c>.</summary>
    static async Task<IResult> ListAsync(
        string accountId, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var relationship = parameters.GetObject("relationship");
        var filters = new Dictionary<string, bool?>
        {
            ["representative"] = relationship?.GetBoolean("representative"),
            ["owner"] = relationship?.GetBoolean("owner"),
            ["director"] = relationship?.GetBoolean("director"),
            ["executive"] = relationship?.GetBoolean("executive"),
        };
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is not { } account)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var view = await AccountView.LoadAsync(connection, null, account, cancellationToken);
        bool Matches(PersonRelationship r) =>
            (filters["representative"] is not { } rep || (r.Representative ?? false) == rep)
            && (filters["owner"] is not { } owner || (r.Owner ?? false) == owner)
            && (filters["director"] is not { } director || (r.Director ?? false) == director)
            && (filters["executive"] is not { } executive || (r.Executive ?? false) == executive);
        var all = view.Persons.Where(p => Matches(p.Record.Relationship)).OrderByDescending(p => p.Id, StringComparer.Ordinal).ToList();
        var page = query.Cursor is { } cursor && query.Direction == ListDirection.Older ? all.SkipWhile(p => p.Id != cursor).Skip(1) : all;
        var rows = page.Take(query.Limit + 1).ToList();
        return StripeJson.Result(new StripeList<Person>(
            [.. rows.Take(query.Limit).Select(view.RenderPerson)], rows.Count > query.Limit, $"/v1/accounts/{accountId}/persons"));
    }

    static IResult Json(string json) => Results.Content(json, "application/json", Encoding.UTF8);
}
