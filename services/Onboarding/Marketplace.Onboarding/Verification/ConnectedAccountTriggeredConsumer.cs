using Marketplace.Contracts.Accounts;
using Marketplace.Messaging.Inbox;
using Marketplace.Onboarding.Accounts;
using MassTransit;

namespace Marketplace.Onboarding.Verification;

/// <summary>
/// Applies a Connect trigger card's effect to the account the charge was for: the next threshold goes to the
/// verification saga, which owns deadlines; a charge or payout block is written to the account at once and announced
/// (<c>account.updated</c>, <c>capability.updated</c>, <c>ConnectedAccountUpdated</c>, which Payments and Payouts
/// decide on). A block stays, as Stripe's test blocks do. Redeliveries are the inbox's to drop; a message about an
/// account of another platform, or a rejected one, changes nothing.
/// </summary>
public sealed class ConnectedAccountTriggeredConsumer(ConsumeTransaction transaction) : IConsumer<ConnectedAccountTriggered>
{
    public async Task Consume(ConsumeContext<ConnectedAccountTriggered> context)
    {
        var cancellationToken = context.CancellationToken;
        var message = context.Message;
        if (await AccountStore.LockAsync(transaction.Transaction, message.AccountId, cancellationToken) is not { } account
            || account.PlatformId != message.PlatformId
            || account.Record.Verification.Status == "rejected")
        {
            return;
        }

        var before = await AccountView.LoadAsync(transaction.Connection, transaction.Transaction, account, cancellationToken);
        var verification = account.Record.Verification;
        switch (message.Trigger)
        {
            case ConnectedAccountTriggered.NextRequirements:
                await context.Publish(new ThresholdReached { AccountId = account.Id, Fields = before.MissingEventually }, cancellationToken);
                return;
            case ConnectedAccountTriggered.ChargeBlock:
                verification = verification with { ChargesBlocked = true };
                break;
            case ConnectedAccountTriggered.PayoutBlock:
                verification = verification with { PayoutsBlocked = true };
                break;
            default:
                throw new InvalidOperationException($"Unknown account trigger '{message.Trigger}'.");
        }

        var changed = account with { Record = account.Record with { Verification = verification } };
        await AccountWrites.CommitAsync(transaction.Transaction, before, changed, ChangeCause.None, cancellationToken);
    }
}
