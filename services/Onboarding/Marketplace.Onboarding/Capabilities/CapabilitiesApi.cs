using System.Collections.Frozen;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Requirements;
using Npgsql;

namespace Marketplace.Onboarding.Capabilities;

/// <summary>
/// <c>/v1/accounts/{id}/capabilities</c>: what an account may do (list, retrieve), and a platform asking for a
/// capability or giving one up (update, <c>requested</c>). A request goes through <see cref="AccountWrites"/>, as
/// <c>capabilities[…][requested]</c> on the account does: new requirements, verification and events follow alike.
/// </summary>
public static class CapabilitiesApi
{
    const string ObjectName = "capability";

    public static IEndpointRouteBuilder MapCapabilitiesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/accounts/{accountId}/capabilities").WithTags("capabilities");
        group.MapGet("", ListAsync).WithSummary("List the capabilities the account requested");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a capability (unrequested ones too)");
        group.MapPost("/{id}", UpdateAsync).WithSummary("Request a capability, or give it up (requested=false)")
            .WithParameters(new FormParameter("requested", "true to ask for the capability, false to give it up."));
        return endpoints;
    }

    static async Task<IResult> ListAsync(
        string accountId, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (await ReadAsync(request) is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is not { } account)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var view = await AccountView.LoadAsync(connection, null, account, cancellationToken);
        var capabilities = account.Record.Capabilities.Keys.Order(StringComparer.Ordinal).Select(name => Capability.Of(view, name)).ToList();
        return StripeJson.Result(new StripeList<Capability>(capabilities, false, $"/v1/accounts/{accountId}/capabilities"));
    }

    static async Task<IResult> RetrieveAsync(
        string accountId, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (await ReadAsync(request) is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is not { } account)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        return Offered(account, id)
            ? StripeJson.Result(Capability.Of(await AccountView.LoadAsync(connection, null, account, cancellationToken), id))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string accountId, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var requested = parameters.GetBoolean("requested");
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty);
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

        if (!Offered(account, id))
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (account.Record.Verification.Status == "rejected")
        {
            return StripeError.InvalidRequest("This account was rejected and cannot be updated.", "id", "account_invalid").ToResult();
        }

        var before = await AccountView.LoadAsync(connection, transaction, account, cancellationToken);
        var capabilities = new Dictionary<string, DateTimeOffset>(account.Record.Capabilities, StringComparer.Ordinal);
        if (requested == true)
        {
            capabilities.TryAdd(id, DateTimeOffset.UtcNow);
        }
        else if (requested == false)
        {
            capabilities.Remove(id);
        }

        var changed = account with { Record = account.Record with { Capabilities = capabilities } };
        var view = await AccountWrites.CommitAsync(transaction, before, changed, AccountsApi.Cause(context), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(Capability.Of(view, id));
    }

    /// <summary>A capability the account's country offers: the others do not exist for it.</summary>
    static bool Offered(StoredAccount account, string id) => CountrySpec.Find(account.Record.Country)?.Capabilities.Contains(id) == true;

    static async Task<StripeError?> ReadAsync(HttpRequest request)
    {
        var parameters = await ParameterReader.ReadAsync(request, request.HttpContext.RequestAborted);
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty);
        return parameters.Complete();
    }
}
