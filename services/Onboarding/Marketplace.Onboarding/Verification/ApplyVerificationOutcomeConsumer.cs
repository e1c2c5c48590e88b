using Marketplace.Messaging.Inbox;
using Marketplace.Onboarding.Accounts;
using MassTransit;

namespace Marketplace.Onboarding.Verification;

/// <summary>
/// Applies the saga's decision to the account and announces it (<c>account.updated</c>, <c>capability.updated</c>,
/// <c>ConnectedAccountUpdated</c>) in one transaction. A rejected account is final: nothing changes it back.
/// </summary>
public sealed class ApplyVerificationOutcomeConsumer(ConsumeTransaction transaction) : IConsumer<ApplyVerificationOutcome>
{
    public async Task Consume(ConsumeContext<ApplyVerificationOutcome> context)
    {
        var cancellationToken = context.CancellationToken;
        var outcome = context.Message;
        if (await AccountStore.LockAsync(transaction.Transaction, outcome.AccountId, cancellationToken) is not { } account
            || account.Record.Verification.Status == "rejected")
        {
            return;
        }

        var before = await AccountView.LoadAsync(transaction.Connection, transaction.Transaction, account, cancellationToken);
        var current = account.Record.Verification;
        var verification = outcome.Outcome switch
        {
            "verified" => current with
            {
                Status = "verified",
                Errors = [],
                ThresholdDue = outcome.ThresholdDue,
                CurrentDeadline = outcome.CurrentDeadline ?? current.CurrentDeadline,
                // A deadline that already passed stays passed while what it asked for is still missing.
                PastDue = current.PastDue && outcome.ThresholdDue.Count > 0,
                DetailsSubmitted = true,
            },
            "failed" => current with { Status = current.Status == "verified" ? "verified" : "unverified", Errors = outcome.Errors },
            "rejected" => current with { Status = "rejected", RejectedReason = outcome.RejectedReason ?? "rejected.other" },
            "past_due" => current with { PastDue = true },
            _ => throw new InvalidOperationException($"Unknown verification outcome '{outcome.Outcome}'."),
        };
        var changed = account with { Record = account.Record with { Verification = verification } };
        await AccountWrites.CommitAsync(transaction.Transaction, before, changed, ChangeCause.None, cancellationToken);
    }
}
