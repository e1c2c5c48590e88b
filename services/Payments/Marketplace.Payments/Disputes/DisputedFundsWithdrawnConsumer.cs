using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Payments.Disputes;

/// <summary>The Ledger took a dispute's money: the dispute shows the withdrawal, once, with <c>charge.dispute.funds_withdrawn</c>.</summary>
public sealed class DisputedFundsWithdrawnConsumer(ConsumeTransaction transaction) : IConsumer<DisputedFundsWithdrawn>
{
    public async Task Consume(ConsumeContext<DisputedFundsWithdrawn> context)
    {
        if (await DisputeStore.LockAsync(transaction.Transaction, context.Message.DisputeId, context.CancellationToken) is not
            { WithdrawalBalanceTransactionId: null } dispute)
        {
            return;
        }

        var withdrawn = dispute with { WithdrawalBalanceTransactionId = context.Message.BalanceTransactionId };
        await DisputeStore.UpdateAsync(transaction.Transaction, withdrawn, context.CancellationToken);
        await DisputeEvents.PublishAsync(transaction.Transaction, withdrawn, DisputeEvents.FundsWithdrawn, context.CancellationToken);
    }
}
