using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Processor;
using MassTransit;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// Acts out the second half of Stripe's refund test cards: 4000 0000 0000 7726's <c>pending</c> refund succeeds;
/// 4000 0000 0000 5126's <c>succeeded</c> refund fails. A refund already moved on is left alone.
/// </summary>
public sealed class RefundTestCardDueConsumer(ConsumeTransaction transaction) : IConsumer<RefundTestCardDue>
{
    public async Task Consume(ConsumeContext<RefundTestCardDue> context)
    {
        var cancellationToken = context.CancellationToken;
        if (await RefundStore.LockAsync(transaction.Transaction, context.Message.RefundId, cancellationToken) is not { } refund)
        {
            return;
        }

        var charge = await ChargeStore.GetAsync(transaction.Transaction, refund.ChargeId, cancellationToken);
        var after = (charge.ReadAftermath().Refund, refund.Status) switch
        {
            (RefundBehavior.PendingThenSucceeds, RefundStatuses.Pending) => refund with { Status = RefundStatuses.Succeeded },
            (RefundBehavior.SucceedsThenFails, RefundStatuses.Succeeded) => refund with { Status = RefundStatuses.Failed, FailureReason = RefundFailureReasons.Unknown },
            _ => refund,
        };
        if (after.Status == RefundStatuses.Failed && refund.Status != RefundStatuses.Failed)
        {
            // The money comes back to the balance (failure_balance_transaction) once the Ledger has journaled it.
            await transaction.Transaction.SendAsync(ReturnFailedRefund.Address,
                new ReturnFailedRefund { RefundId = refund.Id, ChargeId = refund.ChargeId, Amount = refund.Amount }, cancellationToken);
        }

        await RefundStore.UpdateAsync(transaction.Transaction, after, cancellationToken);
        await RefundEvents.ChangedAsync(transaction.Transaction, refund, after, null, cancellationToken);
    }
}
