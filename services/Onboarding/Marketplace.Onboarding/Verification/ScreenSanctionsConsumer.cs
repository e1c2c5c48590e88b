using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Verification.Sanctions;
using MassTransit;

namespace Marketplace.Onboarding.Verification;

/// <summary>
/// Screens the account holder and every person — and a company's own names — against the sanctions list, and
/// answers with <see cref="SanctionsScreened"/>. A hit is logged with the account and the list entry, never with
/// the person's identifiers.
/// </summary>
public sealed class ScreenSanctionsConsumer(ConsumeTransaction transaction, SanctionsList list, ILogger<ScreenSanctionsConsumer> logger)
    : IConsumer<ScreenSanctions>
{
    public async Task Consume(ConsumeContext<ScreenSanctions> context)
    {
        var cancellationToken = context.CancellationToken;
        var accountId = context.Message.AccountId;
        SanctionsEntry? hit = null;
        if (await AccountStore.LockAsync(transaction.Transaction, accountId, cancellationToken) is { } account)
        {
            var view = await AccountView.LoadAsync(transaction.Connection, transaction.Transaction, account, cancellationToken);
            var names = view.Holders.Select(h => (Name: $"{h.Person.FirstName} {h.Person.LastName}", h.Person.Dob?.Date))
                .Concat(new[] { account.Record.Company?.Name, account.Record.BusinessProfile.Name }
                    .Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => (Name: name!, Date: (DateOnly?)null)));
            hit = names.Select(n => list.Screen(n.Name, n.Item2)).FirstOrDefault(entry => entry is not null);
        }

        if (hit is not null)
        {
            logger.LogWarning("Sanctions screening of {AccountId} matched list entry {SanctionsEntry}", accountId, hit.Number);
        }

        await transaction.Transaction.PublishAsync(
            new SanctionsScreened { AccountId = accountId, Listed = hit is not null, MatchedEntry = hit?.Number }, cancellationToken);
    }
}
