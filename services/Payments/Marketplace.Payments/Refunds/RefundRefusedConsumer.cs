using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using Marketplace.Payments.Charges;
using MassTransit;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// The Ledger refused to post a refund: nothing left the balances and nothing went to the card, so the refund fails
/// and gives its reservation back to the charge. A redelivery finds it failed already and changes nothing.
/// </summary>
public sealed class RefundRefusedConsumer(ConsumeTransaction transaction, ILogger<RefundRefusedConsumer> logger) : IConsumer<RefundRefused>
{
    public async Task Consume(ConsumeContext<RefundRefused> context)
    {
        var cancellationToken = context.CancellationToken;
        if (await RefundStore.LockAsync(transaction.Transaction, context.Message.RefundId, cancellationToken) is not
            { Status: RefundStatuses.Pending, BalanceTransactionId: null } refund)
        {
            return;
        }

        // Payments reserved the amount under the charge's lock, so the Ledger refusing means the two disagree about the charge.
        logger.LogWarning("The Ledger refused refund {RefundId} of charge {ChargeId}: {Reason}", refund.Id, refund.ChargeId, context.Message.Reason);
        var failed = refund with { Status = RefundStatuses.Failed, FailureReason = RefundFailureReasons.Unknown };
        await ChargeStore.RefundedAsync(transaction.Transaction, refund.ChargeId, -refund.Amount, cancellationToken);
        await RefundStore.UpdateAsync(transaction.Transaction, failed, cancellationToken);
        await RefundEvents.ChangedAsync(transaction.Transaction, refund, failed, null, cancellationToken);
    }
}
