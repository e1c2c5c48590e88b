using Marketplace.Api.Events;
using System.Collections.Frozen;
using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Secrets;
using Npgsql;

namespace Marketplace.Onboarding.ExternalAccounts;

/// <summary>
/// <c>/v1/accounts/{id}/external_accounts</c>: the bank accounts a connected account is paid out to. Responses and
/// events show the last four digits and the fingerprint only.
/// </summary>
public static class ExternalAccountsApi
{
    const string ObjectName = "external account";

    public static IEndpointRouteBuilder MapExternalAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/accounts/{accountId}/external_accounts").WithTags("external_accounts");
        group.MapPost("", CreateAsync).WithSummary("Add a bank account");
        group.MapGet("", ListAsync).WithSummary("List bank accounts");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a bank account");
        group.MapPost("/{id}", UpdateAsync).WithSummary("Update a bank account");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a bank account");
        return endpoints;
    }

    /// <summary>
    /// Stores <paramref name="added"/> for <paramref name="account"/>. It becomes the default for its currency when
    /// asked, or when the currency has none yet; the previous default then stops being one — or, given as the
    /// account's own <c>external_account</c> (<paramref name="replacesDefault"/>), is deleted, as Stripe does. Returns
    /// the new bank account and the ones it replaced.
    /// </summary>
    internal static async Task<(BankAccount Added, IReadOnlyList<BankAccount> Replaced)> InsertAsync(
        NpgsqlTransaction transaction, StoredAccount account, NewBankAccount added, IReadOnlyList<BankAccount> existing, bool replacesDefault,
        CancellationToken cancellationToken)
    {
        var sameCurrency = existing.Where(b => b.Currency == added.Currency).ToList();
        var isDefault = added.DefaultForCurrency || sameCurrency.Count == 0;
        var replaced = new List<BankAccount>();
        if (isDefault)
        {
            foreach (var previous in sameCurrency.Where(b => b.DefaultForCurrency))
            {
                if (replacesDefault)
                {
                    await ExternalAccountStore.MarkDeletedAsync(transaction, previous.Id, cancellationToken);
                    replaced.Add(previous);
                }
                else
                {
                    await ExternalAccountStore.UpdateAsync(transaction, previous with { DefaultForCurrency = false }, cancellationToken);
                }
            }
        }

        var bankAccount = added.ToBankAccount(PrefixedId.New("ba"), account.Id, isDefault);
        await ExternalAccountStore.InsertAsync(transaction, bankAccount, added.SealedNumber, cancellationToken);
        return (bankAccount, replaced);
    }

    /// <summary>Announces a bank account given with the account (create, update, hosted page), and the default it replaced.</summary>
    internal static async Task PublishAddedAsync(
        NpgsqlTransaction transaction, StoredAccount account, (BankAccount Added, IReadOnlyList<BankAccount> Replaced) change, ChangeCause cause,
        CancellationToken cancellationToken)
    {
        foreach (var replaced in change.Replaced)
        {
            await AccountEvents.PublishAsync(
                transaction, account, AccountEvents.ExternalAccountDeleted, StripeJson.Serialize(replaced), null, cause, cancellationToken);
        }

        await AccountEvents.PublishAsync(
            transaction, account, AccountEvents.ExternalAccountCreated, StripeJson.Serialize(change.Added), null, cause, cancellationToken);
    }

    static async Task<IResult> CreateAsync(
        string accountId, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountStore.LockAsync(transaction, context, accountId, cancellationToken) is not { } account)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var defaultForCurrency = parameters.GetBoolean("default_for_currency") ?? false;
        var metadata = MetadataUpdate.Read(parameters);
        var added = BankAccountParameters.Read(parameters, account.Record.Country, account.Record.DefaultCurrency, sealer, required: true, defaultForCurrency);
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        metadata.TryApply(added!.Metadata, out var applied, out var invalid);
        if (invalid is not null)
        {
            return invalid.ToResult();
        }

        var before = await AccountView.LoadAsync(connection, transaction, account, cancellationToken);
        var (bankAccount, _) = await InsertAsync(transaction, account, added with { Metadata = applied! }, before.BankAccounts, false, cancellationToken);
        var json = StripeJson.Serialize(bankAccount);
        await AccountEvents.PublishAsync(transaction, account, AccountEvents.ExternalAccountCreated, json, null, AccountsApi.Cause(context), cancellationToken);
        await AccountWrites.CommitAsync(transaction, before, account, AccountsApi.Cause(context), cancellationToken);
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
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var bankAccounts = await ExternalAccountStore.ListAsync(connection, null, accountId, cancellationToken);
        return bankAccounts.FirstOrDefault(b => b.Id == id) is { } bankAccount
            ? Json(StripeJson.Serialize(bankAccount))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string accountId, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var defaultForCurrency = parameters.GetBoolean("default_for_currency");
        var holderName = parameters.GetString("account_holder_name", 200);
        var holderType = parameters.GetEnum("account_holder_type", "individual", "company");
        var metadata = MetadataUpdate.Read(parameters);
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

        var before = await AccountView.LoadAsync(connection, transaction, account, cancellationToken);
        if (before.BankAccounts.FirstOrDefault(b => b.Id == id) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (defaultForCurrency == false && current.DefaultForCurrency)
        {
            return StripeError.InvalidRequest(
                "A currency always has a default bank account: make another one the default instead.", "default_for_currency").ToResult();
        }

        if (!metadata.TryApply(current.Metadata, out var applied, out var invalid))
        {
            return invalid.ToResult();
        }

        var updated = current with
        {
            AccountHolderName = holderName ?? current.AccountHolderName,
            AccountHolderType = holderType ?? current.AccountHolderType,
            DefaultForCurrency = defaultForCurrency ?? current.DefaultForCurrency,
            Metadata = applied,
        };
        if (updated.DefaultForCurrency && !current.DefaultForCurrency)
        {
            foreach (var previous in before.BankAccounts.Where(b => b.Currency == current.Currency && b.DefaultForCurrency))
            {
                await ExternalAccountStore.UpdateAsync(transaction, previous with { DefaultForCurrency = false }, cancellationToken);
            }
        }

        var json = StripeJson.Serialize(updated);
        if (PreviousAttributes.Between(StripeJson.Serialize(current), json) is { } previousAttributes)
        {
            await ExternalAccountStore.UpdateAsync(transaction, updated, cancellationToken);
            await AccountEvents.PublishAsync(
                transaction, account, AccountEvents.ExternalAccountUpdated, json, previousAttributes, AccountsApi.Cause(context), cancellationToken);
            await AccountWrites.CommitAsync(transaction, before, account, AccountsApi.Cause(context), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Json(json);
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
        if (before.BankAccounts.FirstOrDefault(b => b.Id == id) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (current.DefaultForCurrency && before.BankAccounts.Count(b => b.Currency == current.Currency) > 1)
        {
            return StripeError.InvalidRequest(
                "You cannot delete the default bank account for a currency while others exist: make another one the default first.", "id").ToResult();
        }

        await ExternalAccountStore.MarkDeletedAsync(transaction, id, cancellationToken);
        await AccountEvents.PublishAsync(
            transaction, account, AccountEvents.ExternalAccountDeleted, StripeJson.Serialize(current), null, AccountsApi.Cause(context), cancellationToken);
        await AccountWrites.CommitAsync(transaction, before, account, AccountsApi.Cause(context), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json($$"""{"id":"{{id}}","object":"bank_account","deleted":true}""");
    }

    static async Task<IResult> ListAsync(
        string accountId, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var kind = parameters.GetEnum("object", "bank_account", "card");
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        // An account has a handful of bank accounts: the page is cut in memory from all of them, newest first.
        var all = kind == "card" ? [] : await ExternalAccountStore.ListAsync(connection, null, accountId, cancellationToken);
        var page = query.Cursor is { } cursor
            ? query.Direction == ListDirection.Older
                ? all.SkipWhile(b => b.Id != cursor).Skip(1)
                : all.TakeWhile(b => b.Id != cursor).Reverse().Take(query.Limit + 1).Reverse()
            : all;
        var rows = page.Take(query.Limit + 1).ToList();
        var hasMore = rows.Count > query.Limit;
        return StripeJson.Result(new StripeList<BankAccount>([.. rows.Take(query.Limit)], hasMore, $"/v1/accounts/{accountId}/external_accounts"));
    }

    static IResult Json(string json) => Results.Content(json, "application/json", Encoding.UTF8);
}
