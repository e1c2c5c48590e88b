using System.Collections.Frozen;
using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Accounts;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.Secrets;
using Npgsql;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Stripe's connected account endpoints: <c>/v1/accounts</c> (create, retrieve, update, list, delete, reject) and
/// <c>GET /v1/account</c>. A platform sees only the accounts it created: any other is missing, as one that never
/// existed, whatever the request.
/// </summary>
public static class AccountsApi
{
    const string ObjectName = "account";
    const string ListUrl = "/v1/accounts";

    static readonly FrozenSet<string> Expandable = FrozenSet<string>.Empty;

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/account", RetrieveCurrentAsync).WithTags("accounts").WithSummary("Retrieve the account the request acts on");
        var accounts = endpoints.MapGroup(ListUrl).WithTags("accounts");
        accounts.MapPost("", CreateAsync).WithSummary("Create a connected account");
        accounts.MapGet("", ListAsync).WithSummary("List connected accounts, newest first");
        accounts.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a connected account");
        accounts.MapPost("/{id}", UpdateAsync).WithSummary("Update a connected account");
        accounts.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a connected account");
        accounts.MapPost("/{id}/reject", RejectAsync).WithSummary("Reject a connected account");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var (record, bankAccount) = AccountChanges.ReadCreate(parameters, sealer, now);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (context.IsConnectedAccount)
        {
            return StripeError.Permission("A connected account cannot create accounts; use the platform's key without Stripe-Account.").ToResult();
        }

        var account = new StoredAccount(PrefixedId.New("acct", now), context.PlatformId, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), record);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.InsertAsync(transaction, account, context.IdempotencyKey, cancellationToken) is { } first)
        {
            // A replay of a create that already happened answers with that account, as it is now.
            return Json((await AccountView.LoadAsync(connection, transaction, first, cancellationToken)).Render());
        }

        // In the creating transaction: the gateway and the Ledger learn of the account if and only if it exists.
        await transaction.PublishAsync(
            new ConnectedAccountCreated
            {
                AccountId = account.Id,
                PlatformId = account.PlatformId,
                Created = account.Created,
                DefaultCurrency = record.DefaultCurrency,
                DelayDays = record.PayoutSchedule.DelayDays,
                LossesPayments = record.Controller.Losses.Payments,
            }, cancellationToken);
        if (bankAccount is not null)
        {
            var added = await ExternalAccountsApi.InsertAsync(transaction, account, bankAccount, [], true, cancellationToken);
            await ExternalAccountsApi.PublishAddedAsync(transaction, account, added, Cause(context), cancellationToken);
        }

        var view = await AccountWrites.CommitAsync(transaction, null, account, Cause(context), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return Json(view.Render());
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AccountStore.FindAsync(connection, context, id, cancellationToken) is { } account
            ? Json((await AccountView.LoadAsync(connection, null, account, cancellationToken)).Render())
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    /// <summary>The connected account named by <c>Stripe-Account</c>, or the platform's own account without it.</summary>
    static async Task<IResult> RetrieveCurrentAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (!context.IsConnectedAccount)
        {
            return Json(PlatformAccount.For(context.PlatformId));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AccountStore.FindAsync(connection, context, context.AccountId, cancellationToken) is { } account
            ? Json((await AccountView.LoadAsync(connection, null, account, cancellationToken)).Render())
            : StripeError.ResourceMissing(ObjectName, context.AccountId).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, context, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var (record, bankAccount) = AccountChanges.Apply(parameters, current.Record, sealer, DateTimeOffset.UtcNow);
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (current.Record.Verification.Status == "rejected")
        {
            return StripeError.InvalidRequest("This account was rejected and cannot be updated.", "id", "account_invalid").ToResult();
        }

        var before = await AccountView.LoadAsync(connection, transaction, current, cancellationToken);
        var changed = current with { Record = record };
        if (bankAccount is not null)
        {
            var added = await ExternalAccountsApi.InsertAsync(transaction, changed, bankAccount, before.BankAccounts, true, cancellationToken);
            await ExternalAccountsApi.PublishAddedAsync(transaction, changed, added, Cause(context), cancellationToken);
        }

        var view = await AccountWrites.CommitAsync(transaction, before, changed, Cause(context), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return Json(view.Render());
    }

    /// <summary>Stripe's <c>POST /v1/accounts/{id}/reject</c>: the platform ends the account for fraud, its terms, or another reason.</summary>
    static async Task<IResult> RejectAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var reason = parameters.GetRequiredEnum("reason", "fraud", "terms_of_service", "other");
        ExpansionTree.Read(parameters, Expandable);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, context, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var before = await AccountView.LoadAsync(connection, transaction, current, cancellationToken);
        var changed = current with
        {
            Record = current.Record with { Verification = current.Record.Verification with { Status = "rejected", RejectedReason = "rejected." + reason } },
        };
        var view = await AccountWrites.CommitAsync(transaction, before, changed, Cause(context), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(view.Render());
    }

    static async Task<IResult> DeleteAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, context, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        await AccountStore.MarkDeletedAsync(transaction, id, cancellationToken);
        // The read models elsewhere must stop charging and paying it out: announce it disabled.
        var last = (await AccountView.LoadAsync(connection, transaction, current, cancellationToken)).Render();
        await transaction.PublishAsync(AccountDecisions.Of(current, last) with
        {
            ChargesEnabled = false,
            PayoutsEnabled = false,
            Capabilities = last.Capabilities.ToDictionary(c => c.Key, _ => "inactive"),
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(new DeletedAccount(id));
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        ExpansionTree.Read(parameters, Expandable, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (query.Cursor is { } cursor && !await AccountStore.ExistsAsync(connection, context, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await AccountStore.ListAsync(connection, context, query.ToSql(), cancellationToken);
        var accounts = new List<Account>(rows.Count);
        foreach (var row in rows)
        {
            accounts.Add((await AccountView.LoadAsync(connection, null, row, cancellationToken)).Render());
        }

        return StripeJson.Result(query.ToPage(accounts, ListUrl));
    }

    internal static ChangeCause Cause(RequestContext context) => new(context.RequestId, context.IdempotencyKey);

    /// <summary>Answers with JSON rendered once, so that the response and an event can carry the same text.</summary>
    static IResult Json(Account account) => Results.Content(StripeJson.Serialize(account), "application/json", Encoding.UTF8);
}
