using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using Marketplace.Payments.Charges;
using MassTransit;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// The Ledger returned a failed refund's money to the balance: the refund shows its <c>failure_balance_transaction</c>,
/// and the charge may be refunded by that amount again. A redelivery finds it recorded and changes nothing.
/// </summary>
public sealed class FailedRefundReturnedConsumer(ConsumeTransaction transaction) : IConsumer<FailedRefundReturned>
{
    public async Task Consume(ConsumeContext<FailedRefundReturned> context)
    {
        var cancellationToken = context.CancellationToken;
        if (context.Message.BalanceTransactionId is not { } returned
            || await RefundStore.LockAsync(transaction.Transaction, context.Message.RefundId, cancellationToken)
                is not { Status: RefundStatuses.Failed, FailureBalanceTransactionId: null } refund)
        {
            return;
        }

        var after = refund with { FailureBalanceTransactionId = returned };
        await ChargeStore.RefundedAsync(transaction.Transaction, refund.ChargeId, -refund.Amount, cancellationToken);
        await RefundStore.UpdateAsync(transaction.Transaction, after, cancellationToken);
        await RefundEvents.ChangedAsync(transaction.Transaction, refund, after, null, cancellationToken);
    }
}
