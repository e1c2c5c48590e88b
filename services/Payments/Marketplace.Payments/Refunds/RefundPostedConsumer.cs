using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Processor;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// The Ledger posted a refund: its money has left the balances, so now the acquirer sends it back to the card. The
/// refund takes the balance transaction and, by the charge's test card, succeeds, stays <c>pending</c> for a while, or
/// succeeds and fails later (<see cref="RefundTestCardDue"/>). A redelivery finds the balance transaction already
/// set and changes nothing; a refund this service did not make is none of its business.
/// </summary>
public sealed class RefundPostedConsumer(
    ConsumeTransaction transaction, IAcquirer acquirer, IOptions<RefundOptions> options, ILogger<RefundPostedConsumer> logger) : IConsumer<RefundPosted>
{
    public async Task Consume(ConsumeContext<RefundPosted> context)
    {
        var cancellationToken = context.CancellationToken;
        if (await RefundStore.LockAsync(transaction.Transaction, context.Message.RefundId, cancellationToken) is not { BalanceTransactionId: null } refund)
        {
            return;
        }

        var charge = await ChargeStore.GetAsync(transaction.Transaction, refund.ChargeId, cancellationToken);
        var sent = await acquirer.RefundAsync(charge.AuthorizationId!, refund.Amount, cancellationToken);
        var behavior = charge.ReadAftermath().Refund;
        var posted = refund with { BalanceTransactionId = context.Message.BalanceTransactionId, AcquirerReference = sent.Reference };
        if (!sent.Succeeded)
        {
            // The money is out of the balances and the card will not take it: it must come back through the Ledger,
            // which has no posting for a failed refund yet. The refund says it failed; the balance does not show it.
            logger.LogError("Refund {RefundId} was posted by the Ledger but refused by the acquirer ({DeclineCode})", refund.Id, sent.Failure!.Code);
            posted = posted with { Status = RefundStatuses.Failed, FailureReason = RefundFailureReasons.Declined };
        }
        else
        {
            posted = posted with { Status = behavior == RefundBehavior.PendingThenSucceeds ? RefundStatuses.Pending : RefundStatuses.Succeeded };
            if (behavior != RefundBehavior.Succeeds)
            {
                await transaction.Transaction.SchedulePublishAsync(
                    new RefundTestCardDue { RefundId = refund.Id }, DateTimeOffset.UtcNow + options.Value.TestCardDelay, cancellationToken);
            }
        }

        await RefundStore.UpdateAsync(transaction.Transaction, posted, cancellationToken);
        await RefundEvents.ChangedAsync(transaction.Transaction, refund, posted, null, cancellationToken);
    }
}
