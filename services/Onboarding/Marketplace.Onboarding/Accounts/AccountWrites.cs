using Marketplace.Api.Events;
using Marketplace.Api.Objects;
using Marketplace.Messaging.Outbox;
using Marketplace.Onboarding.Capabilities;
using Marketplace.Onboarding.Verification;
using Npgsql;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Ends every write to an account, whether a request or a verification step made it: decides whether verification
/// starts (every field due is in, or a checked field changed), stores the record, and announces what changed —
/// <c>account.updated</c> with its previous attributes, <c>capability.updated</c> per capability whose status
/// moved, <c>ConnectedAccountUpdated</c> when a field other services decide on changed — all in the caller's
/// transaction, so the announcements exist if and only if the change does.
/// </summary>
internal static class AccountWrites
{
    /// <summary>The account as it is after the change; <paramref name="before"/> is null for a create.</summary>
    public static async Task<AccountView> CommitAsync(
        NpgsqlTransaction transaction, AccountView? before, StoredAccount changed, ChangeCause cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(changed);
        var view = await AccountView.LoadAsync(transaction.Connection!, transaction, changed, cancellationToken);
        var (persons, bankAccounts) = (view.Persons, view.BankAccounts);
        var verification = changed.Record.Verification;
        if (verification.Status != "rejected")
        {
            var inputsChanged = before is null || InputsOf(before) != InputsOf(view);
            if (inputsChanged && verification.Errors.Count > 0)
            {
                // What failed was changed: it is checked again rather than reported from the last check.
                verification = verification with { Errors = [] };
                view = new AccountView(changed with { Record = changed.Record with { Verification = verification } }, persons, bankAccounts);
            }

            if (view.IsComplete && (verification.Status == "unverified" || inputsChanged))
            {
                verification = verification with { Status = verification.Status == "unverified" ? "pending" : verification.Status, DetailsSubmitted = true };
                view = new AccountView(changed with { Record = changed.Record with { Verification = verification } }, persons, bankAccounts);
                await transaction.PublishAsync(new VerificationRequested { AccountId = changed.Id }, cancellationToken);
            }
        }

        await AccountStore.UpdateAsync(transaction, changed.Id, view.Stored.Record, cancellationToken);
        var after = view.Render();
        if (before is not null)
        {
            var previous = before.Render();
            if (PreviousAttributes.Between(StripeJson.Serialize(previous), StripeJson.Serialize(after)) is { } attributes)
            {
                await AccountEvents.PublishAsync(transaction, changed, AccountEvents.AccountUpdated, StripeJson.Serialize(after), attributes, cause, cancellationToken);
            }

            await PublishCapabilityChangesAsync(transaction, changed, previous, after, view, cause, cancellationToken);
        }

        var decisions = AccountDecisions.Of(changed, after);
        if (AccountDecisions.Differ(before is null ? null : AccountDecisions.Of(before.Stored, before.Render()), decisions))
        {
            await transaction.PublishAsync(decisions, cancellationToken);
        }

        return view;
    }

    static async Task PublishCapabilityChangesAsync(
        NpgsqlTransaction transaction, StoredAccount account, Account previous, Account after, AccountView view, ChangeCause cause, CancellationToken cancellationToken)
    {
        // A capability asked for or given up moves from or to unrequested, as Stripe reports it.
        foreach (var name in previous.Capabilities.Keys.Union(after.Capabilities.Keys).Order(StringComparer.Ordinal))
        {
            var old = previous.Capabilities.GetValueOrDefault(name) ?? "unrequested";
            if (old == (after.Capabilities.GetValueOrDefault(name) ?? "unrequested"))
            {
                continue;
            }

            await AccountEvents.PublishAsync(
                transaction, account, AccountEvents.CapabilityUpdated, StripeJson.Serialize(Capability.Of(view, name)),
                $$"""{"status":"{{old}}"}""", cause, cancellationToken);
        }
    }

    /// <summary>What identity checks and screening look at, as one comparable text.</summary>
    static string InputsOf(AccountView view) =>
        RecordJson.Write(view.Holders.Select(h => new { h.Id, Inputs = h.Person.VerificationInputs }).ToList());
}
