using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Fraud.Objects;
using Marketplace.Fraud.Rules.Language;
using Npgsql;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// <c>/v1/radar/rules</c>: a platform's own Radar rules — create, retrieve, update, delete, list — in Stripe's style
/// (Stripe offers rules only in its dashboard). Rules belong to the platform (<see cref="RequestContext.PlatformId"/>)
/// and decide the payments of the platform and of its connected accounts.
/// </summary>
public static class RulesApi
{
    const string ObjectName = "radar.rule";
    const string ListUrl = "/v1/radar/rules";

    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder endpoints)
    {
        var rules = endpoints.MapGroup(ListUrl).WithTags("radar.rules");
        rules.MapPost("", CreateAsync).WithSummary("Create a Radar rule").WithParameters(RuleParameters.Create);
        rules.MapPost("/test", TestAsync)
            .WithSummary("Test a candidate rule against the platform's payments of the last 30 days, before it goes live")
            .WithParameters(RuleParameters.Test);
        rules.MapGet("", ListAsync).WithSummary("List the platform's rules, newest first (built-in rules are not listed)").WithParameters(RuleParameters.List);
        rules.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a rule, built-in ones included");
        rules.MapPost("/{id}", UpdateAsync).WithSummary("Update a rule").WithParameters(RuleParameters.Update);
        rules.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a rule");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var parsed = RuleText.Read(parameters, required: true);
        var description = parameters.GetString("description", 500);
        var enabled = parameters.GetBoolean("enabled") ?? true;
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The version row is locked first, so that a concurrent delete of a list this rule names waits for this rule.
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (await RuleText.CheckValueListsAsync(connection, context.PlatformId, parsed!, cancellationToken) is { } missing)
        {
            return missing.ToResult();
        }

        var now = DateTimeOffset.UtcNow;
        var rule = new Rule
        {
            Id = PrefixedId.New("rule", now),
            Action = parsed!.Action.ToApiName(),
            Predicate = parsed.Predicate,
            Description = string.IsNullOrEmpty(description) ? null : description,
            Enabled = enabled,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()),
        };
        await RuleStore.InsertAsync(transaction, context.PlatformId, rule, parsed.ValueListAliases, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(rule);
    }

    static async Task<IResult> TestAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var parsed = RuleText.Read(parameters, required: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await RuleText.CheckValueListsAsync(connection, context.PlatformId, parsed!, cancellationToken) is { } missing)
        {
            return missing.ToResult();
        }

        return StripeJson.Result(await RuleTester.TestAsync(connection, context.PlatformId, parsed!, DateTimeOffset.UtcNow, cancellationToken));
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (BuiltInRules.Find(id) is { } builtIn)
        {
            return StripeJson.Result(builtIn);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RuleStore.FindAsync(connection, context.PlatformId, id, cancellationToken) is { } rule
            ? StripeJson.Result(rule)
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> UpdateAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var parsed = RuleText.Read(parameters, required: false);
        var description = parameters.GetString("description", 500);
        var enabled = parameters.GetBoolean("enabled");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (BuiltInRules.Find(id) is not null)
        {
            return StripeError.InvalidRequest($"The built-in rule {id} cannot be changed; write an Allow rule to make exceptions to it.", "id").ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (await RuleStore.LockAsync(transaction, context.PlatformId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (parsed is not null && await RuleText.CheckValueListsAsync(connection, context.PlatformId, parsed, cancellationToken) is { } missing)
        {
            return missing.ToResult();
        }

        var updated = current with
        {
            Action = parsed?.Action.ToApiName() ?? current.Action,
            Predicate = parsed?.Predicate ?? current.Predicate,
            Description = description is null ? current.Description : description.Length == 0 ? null : description,
            Enabled = enabled ?? current.Enabled,
        };
        var aliases = parsed?.ValueListAliases ?? Reparse(updated).ValueListAliases;
        await RuleStore.UpdateAsync(transaction, context.PlatformId, updated, aliases, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(updated);
    }

    static async Task<IResult> DeleteAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (BuiltInRules.Find(id) is not null)
        {
            return StripeError.InvalidRequest($"The built-in rule {id} cannot be deleted; write an Allow rule to make exceptions to it.", "id").ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RuleSetVersions.BumpAsync(transaction, context.PlatformId, cancellationToken);
        if (await RuleStore.LockAsync(transaction, context.PlatformId, id, cancellationToken) is null)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        await RuleStore.MarkDeletedAsync(transaction, context.PlatformId, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(new DeletedObject(id, ObjectName));
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (query.Cursor is { } cursor && !await RuleStore.ExistsAsync(connection, context.PlatformId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await RuleStore.ListAsync(connection, context.PlatformId, query.ToSql(), cancellationToken);
        return StripeJson.Result(query.ToPage(rows, ListUrl));
    }

    /// <summary>A stored rule parsed again; stored rules parsed when they were written.</summary>
    internal static ParsedRule Reparse(Rule rule) =>
        RuleParser.TryParsePredicate(ActionOf(rule.Action), rule.Predicate, out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException($"Stored rule {rule.Id} does not parse: {error}");

    internal static RuleAction ActionOf(string apiName) => apiName switch
    {
        "request_3ds" => RuleAction.RequestThreeDSecure,
        "allow" => RuleAction.Allow,
        "block" => RuleAction.Block,
        "review" => RuleAction.Review,
        _ => throw new ArgumentOutOfRangeException(nameof(apiName), apiName, "Unknown rule action."),
    };
}
