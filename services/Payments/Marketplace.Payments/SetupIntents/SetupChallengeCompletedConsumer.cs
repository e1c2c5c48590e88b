using Marketplace.Messaging.Inbox;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Vault;
using MassTransit;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Ends a setup intent's <c>requires_action</c> when the payer completes or fails its challenge. Only the challenge
/// the intent waits for counts: one from an earlier confirm, or one arriving after a cancel, is stale and ignored; the
/// inbox makes a redelivery a no-op. Named apart from the payment saga's consumer of the same message, so that each
/// gets its own queue and every message.
/// </summary>
public sealed class SetupChallengeCompletedConsumer(
    ConsumeTransaction transaction, CardVault vault, IAcquirer acquirer, AuthenticationChallenges challenges) : IConsumer<ChallengeCompleted>
{
    public async Task Consume(ConsumeContext<ChallengeCompleted> context)
    {
        var completed = context.Message;
        if (!completed.Subject.StartsWith("seti_", StringComparison.Ordinal)
            || await SetupIntentStore.LockAsync(transaction.Transaction, completed.Subject, context.CancellationToken) is not { } stored
            || stored.ChallengeId != completed.ChallengeId
            || stored.Intent.Status != SetupIntentStatus.RequiresAction)
        {
            return;
        }

        await new SetupIntentConfirmation(transaction.Transaction, SetupIntentChange.FromPage(stored), vault, acquirer, challenges)
            .CompleteAsync(stored, completed, context.CancellationToken);
    }
}
