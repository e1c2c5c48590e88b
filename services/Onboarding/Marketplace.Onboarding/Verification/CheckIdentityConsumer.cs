using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Secrets;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Onboarding.Verification;

/// <summary>
/// Runs the identity checks and answers with <see cref="IdentityChecked"/>: at once for Stripe's "immediate" test
/// values, otherwise scheduled through the outbox a moment later, so that a restart while it waits loses nothing.
/// </summary>
public sealed class CheckIdentityConsumer(ConsumeTransaction transaction, SecretSealer sealer, IOptions<VerificationOptions> options)
    : IConsumer<CheckIdentity>
{
    public async Task Consume(ConsumeContext<CheckIdentity> context)
    {
        var cancellationToken = context.CancellationToken;
        var accountId = context.Message.AccountId;
        var account = await AccountStore.LockAsync(transaction.Transaction, accountId, cancellationToken);
        IdentityChecked answer;
        var immediate = true;
        if (account is null)
        {
            // Deleted meanwhile: the saga still gets an answer, and applying it finds nothing to change.
            answer = new IdentityChecked { AccountId = accountId, Errors = [], ThresholdDue = [] };
        }
        else
        {
            var view = await AccountView.LoadAsync(transaction.Connection, transaction.Transaction, account, cancellationToken);
            (var errors, immediate) = IdentityChecks.Check(view, sealer);
            answer = new IdentityChecked { AccountId = accountId, Errors = errors, ThresholdDue = view.MissingEventually };
        }

        if (immediate)
        {
            await transaction.Transaction.PublishAsync(answer, cancellationToken);
        }
        else
        {
            await transaction.Transaction.SchedulePublishAsync(answer, DateTimeOffset.UtcNow + options.Value.IdentityDelay, cancellationToken);
        }
    }
}
